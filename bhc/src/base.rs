//! The base library's sources, built into the driver (see build.rs) so that a fresh
//! machine needs nothing but the `bhc` binary. Base modules are compiled when a program
//! first imports them.

include!(concat!(env!("OUT_DIR"), "/base_modules.rs"));

/// The source of a base module and the path diagnostics show for it.
pub fn find(module: &str) -> Option<(&'static str, &'static str)> {
    MODULES.iter().find(|(name, _, _)| *name == module).map(|(_, path, src)| (*path, *src))
}
