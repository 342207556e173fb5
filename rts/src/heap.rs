//! The storage of the heap: two semispaces and allocation statistics.
//!
//! Allocation is a bump of `Hp` in the capability; this module only owns the memory and
//! decides sizes. Copying lives in `gc`. It must not interpret objects.

use crate::runtime::GcStats;
use crate::Word;

pub(crate) struct Heap {
    /// The space being allocated into.
    pub(crate) space: Vec<Word>,
    /// The other semispace, the to-space of the next collection.
    pub(crate) spare: Vec<Word>,
    /// The size the next to-space should have.
    pub(crate) next_size: usize,
    pub(crate) max_words: usize,
    pub(crate) stress: bool,
    /// Check the heap and stacks after every collection (`BHC_GC_SANITY=1`).
    pub(crate) sanity: bool,
    /// Where allocation resumed after the last collection (for `bytes_allocated`).
    pub(crate) alloc_mark: *mut Word,
    pub(crate) stats: GcStats,
    /// What `+RTS -s`/`-S` asked for.
    pub(crate) stats_mode: crate::options::StatsMode,
}

impl Heap {
    pub(crate) fn new(words: usize, max_words: usize, stress: bool) -> Heap {
        let words = words.max(1024);
        let mut space = vec![0; words];
        let alloc_mark = space.as_mut_ptr();
        Heap {
            space,
            spare: Vec::new(),
            next_size: words,
            max_words: max_words.max(words),
            stress,
            sanity: crate::sanity::enabled_from_env(),
            alloc_mark,
            stats: GcStats::default(),
            stats_mode: crate::options::StatsMode::Off,
        }
    }

    /// Whether `w` points into the allocation space.
    pub(crate) fn contains(&self, w: Word) -> bool {
        let lo = self.space.as_ptr() as Word;
        (lo..lo + self.space.len() * crate::options::WORD_BYTES).contains(&w)
    }

    pub(crate) fn start(&mut self) -> *mut Word {
        self.space.as_mut_ptr()
    }

    pub(crate) fn end(&mut self) -> *mut Word {
        let len = self.space.len();
        // SAFETY: one past the end of the space's buffer.
        unsafe { self.space.as_mut_ptr().add(len) }
    }
}
