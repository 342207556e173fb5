//! Run-time options of the RTS. Only plain data: no behaviour lives here.

use crate::Word;

/// How a [`crate::Runtime`] is set up. `Default` gives production settings;
/// [`RtsOptions::from_env`] also honours the `BHC_GC_STRESS` environment variable (and
/// `Runtime::new` honours it whatever the options say, so that any test can be run
/// under stress).
#[derive(Clone, Debug)]
pub struct RtsOptions {
    /// Collect garbage at every heap check (every allocation point), to find GC bugs.
    pub gc_stress: bool,
    /// Keep stdout/stderr output in memory for [`crate::Runtime::take_output`] instead of
    /// writing to the process's handles.
    pub capture_output: bool,
    /// Initial size of each of the two semispaces, in words.
    pub heap_words: usize,
    /// The largest semispace the heap may grow to, in words; beyond it a program gets
    /// `Prelude.heapOverflow`.
    pub max_heap_words: usize,
    /// Initial stack size, in words.
    pub stack_words: usize,
    /// The largest stack, in words; beyond it a program gets `Prelude.stackOverflow`.
    pub max_stack_words: usize,
}

impl Default for RtsOptions {
    fn default() -> RtsOptions {
        RtsOptions {
            gc_stress: false,
            capture_output: false,
            heap_words: 1 << 19,
            max_heap_words: 1 << 29,
            stack_words: 1 << 12,
            max_stack_words: 1 << 27,
        }
    }
}

impl RtsOptions {
    /// The defaults, with `gc_stress` set when `BHC_GC_STRESS=1`.
    pub fn from_env() -> RtsOptions {
        RtsOptions {
            gc_stress: stress_from_env(),
            ..RtsOptions::default()
        }
    }
}

pub(crate) fn stress_from_env() -> bool {
    std::env::var("BHC_GC_STRESS").is_ok_and(|v| v == "1")
}

pub(crate) const WORD_BYTES: usize = std::mem::size_of::<Word>();
