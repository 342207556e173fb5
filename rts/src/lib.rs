//! bhc-rts: the bhc runtime system.
//!
//! It owns the heap-object layout (info tables, closures), the storage manager (block
//! allocator, generational copying collector), the chunked Haskell stack and its
//! frames, the byte-code instruction set and the interpreter that runs it, the native
//! code of the RTS-provided closures (generic apply, update/catch/stop frames, PAP/AP
//! entry), the primops, exceptions and the buffered standard handles.
//!
//! It must not know the STG language or any front end: it runs byte-code objects that
//! the byte-code compiler (`bhc-bytecode`) builds through the linking API on [`Runtime`].
//! Unsafe code lives here and nowhere else; nothing a Haskell program does may make it
//! panic: run-time failures come back as [`Outcome`]s or [`RtsError`]s.

#[cfg(not(target_pointer_width = "64"))]
compile_error!("bhc-rts assumes 64-bit machine words");

mod apply;
mod arena;
mod barrier;
mod block;
mod clock;
mod capability;
mod gc;
#[cfg(test)]
mod gc_tests;
mod globals;
mod heap;
mod info;
pub mod instr;
mod interp;
mod io;
mod link_api;
mod native;
mod object;
mod options;
mod prim;
pub mod primops;
mod runtime;
mod sanity;
mod scheduler;
mod signals;
mod stack;
mod unload;

/// A machine word: the unit of the heap and of the stack.
pub type Word = usize;

pub use arena::StaticUsage;
pub use capability::Capability;
pub use info::{ClosureType, EntryCode, InfoName, InfoTable, Layout, NextStep};
pub use link_api::{BcoSpec, ConInfo, Handle, HandleMark};
pub use options::{parse_rts_args, RtsOptions, RtsOptionsError, StatsMode};
pub use runtime::{group_digits, GcStats, Outcome, RtsError, Runtime};
