//! The bhc driver: runs the pipeline (source → AST → Core → STG → byte code → linked
//! closures in the runtime) for programs and for the REPL, and renders diagnostics. It
//! owns no language semantics of its own: each phase lives in its crate.

pub mod base;
pub mod cache;
pub mod compiler_stack;
pub mod diagnostics;
pub mod error;
pub mod modules;
pub mod session;
pub mod source;

pub use error::DriverError;
pub use session::{Dumps, LoadedModule, Session, SessionOptions};
