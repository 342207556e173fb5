//! bhc-bytecode: the byte-code compiler, from STG to unlinked byte-code objects (BCOs),
//! their disassembly for `--dump-bytecode`, and the link step that builds them as heap
//! objects inside a `bhc_rts::Runtime` and publishes the module's globals, and the
//! byte-code cache format (`CompiledModule::encode`/`decode`).
//!
//! The scheme follows GHC's StgToByteCode: a closure's free variables are the leading
//! arguments of its BCO; `let`-bound thunks are AP objects and functions PAP objects
//! over their BCO; constructors are built with `PACK`; a `case` that must evaluate
//! pushes a RET_BCO continuation (a separate BCO with a bitmap of the stack words it
//! keeps), so unboxed values live in non-pointer stack slots. The instruction set and
//! every heap layout belong to `bhc-rts`; this crate must not define either, and it has
//! no unsafe code.

#![forbid(unsafe_code)]

mod cache;
mod compile;
mod disasm;
mod link;
mod unlinked;

pub use cache::CacheError;
pub use compile::compile_module;
pub use link::{link, LinkError};
pub use unlinked::{CompiledBinding, CompiledModule, Literal, PtrRef, TopValue, UnlinkedBco};

use std::fmt;

/// STG that the byte-code compiler cannot compile (it violates the STG contract).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BytecodeError {
    /// The top-level binding being compiled.
    pub binding: String,
    pub message: String,
}

impl fmt::Display for BytecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "byte-code compilation of `{}`: {}",
            self.binding, self.message
        )
    }
}

impl std::error::Error for BytecodeError {}
