//! The capability: the registers block of the running Haskell thread together with the
//! storage it runs in (heap, stack, global symbol table, rooted handles, I/O buffers).
//!
//! Native code and the interpreter receive a `*mut Capability`; the first fields are the
//! machine registers of the STG machine and keep a fixed `repr(C)` order for compiled
//! code. This module holds data and small register helpers only; collection lives in
//! `gc`, control in `scheduler` and `interp`.

use crate::globals::Globals;
use crate::heap::Heap;
use crate::info::NextStep;
use crate::io::Io;
use crate::link_api::Statics;
use crate::object::P;
use crate::runtime::RtsError;
use crate::stack::Stack;
use crate::Word;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

#[repr(C)]
pub struct Capability {
    /// The node register: the closure being entered, or the value being returned
    /// (a pointer, or the raw bits of an unboxed value).
    pub r1: Word,
    /// The top of the stack (the stack grows down; `*sp` is the top word).
    pub sp: *mut Word,
    /// The lowest usable stack address.
    pub sp_lim: *mut Word,
    /// The next free heap word.
    pub hp: *mut Word,
    /// The end of the allocation area (in stress mode: exactly the last request).
    pub hp_lim: *mut Word,
    /// Words wanted by a failed heap or stack check.
    pub need: usize,
    /// What to do once a heap or stack check has been satisfied.
    pub retry: NextStep,
    /// Whether `r1` is a pointer the GC must treat as a root during a heap check.
    pub r1_is_ptr: bool,
    /// Unframed words on top of the stack at a stack check (a BCO's arguments).
    pub loose: usize,
    /// The code given to `exit#`.
    pub exit_code: i32,
    pub(crate) heap: Heap,
    pub(crate) stack: Stack,
    pub(crate) globals: Globals,
    /// Rooted handles for Rust code that must hold heap pointers across allocation.
    pub(crate) handles: Vec<Word>,
    pub(crate) io: Io,
    pub(crate) statics: Statics,
    pub(crate) interrupt: Arc<AtomicBool>,
    pub(crate) fatal: Option<RtsError>,
    /// The RealWorld token passed to IO actions (an immortal nullary constructor).
    pub(crate) world: Word,
    /// The info pointer of `Prelude.IORes` once linked (0 before), for primops that
    /// box their results.
    pub(crate) iores_info: Word,
    /// The info pointers of `Prelude.:` and `Prelude.C#` once linked (0 before), for
    /// primops that build strings.
    pub(crate) cons_info: Word,
    pub(crate) char_info: Word,
    pub(crate) env: crate::primops::ProgramEnv,
    /// Every weak pointer whose key has not died (see `primops::weak`).
    pub(crate) weaks: Vec<Word>,
    /// Finalizers of weak pointers whose keys died, to run when the computation ends.
    pub(crate) finalizers: Vec<Word>,
    pub(crate) stable: crate::primops::StableTable,
}

impl Capability {
    /// Free heap words before the next collection.
    #[inline(always)]
    pub(crate) fn heap_room(&self) -> usize {
        (self.hp_lim as usize - self.hp as usize) / crate::options::WORD_BYTES
    }

    /// Free stack words above the limit.
    #[inline(always)]
    pub(crate) fn stack_room(&self) -> usize {
        (self.sp as usize - self.sp_lim as usize) / crate::options::WORD_BYTES
    }

    /// Bump-allocate `words` words.
    ///
    /// # Safety
    /// The caller has checked `heap_room() >= words`; the result is uninitialised.
    #[inline(always)]
    pub(crate) unsafe fn alloc_unchecked(&mut self, words: usize) -> P {
        let p = self.hp;
        self.hp = p.add(words);
        p
    }

    /// Allocate `words` words, collecting first if needed; a large object gets a block
    /// group of its own. Only for Rust code whose heap pointers are all on the stack or
    /// in handles (the scheduler, the link API, out-of-line primops).
    pub(crate) fn alloc(&mut self, words: usize) -> Result<P, RtsError> {
        if crate::gc::is_large(words) {
            return crate::gc::allocate_large(self, words);
        }
        if self.heap_room() < words {
            crate::gc::make_room(self, words)?;
        }
        // SAFETY: the check above (or the collection) left at least `words` free.
        Ok(unsafe { self.alloc_unchecked(words) })
    }

    /// Push a word.
    ///
    /// # Safety
    /// The caller has checked `stack_room() >= 1`.
    #[inline(always)]
    pub(crate) unsafe fn push(&mut self, w: Word) {
        self.sp = self.sp.sub(1);
        *self.sp = w;
    }
}
