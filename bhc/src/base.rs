//! The base library's sources, built into the driver so that a fresh machine needs
//! nothing but the `bhc` binary. (A compiled cache of base replaces re-checking it at
//! start-up with the interface-file work.)

/// The Prelude's source text.
pub const PRELUDE: &str = include_str!("../../base/Prelude.hs");

/// The file name diagnostics show for the Prelude.
pub const PRELUDE_PATH: &str = "base/Prelude.hs";
