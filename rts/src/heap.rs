//! The heap's storage: the nursery, the generations and their blocks, the remembered
//! set, the sizing policy and the statistics.
//!
//! The heap is three spaces of block groups (see `block`): the nursery (chunks of up
//! to a megablock that `Hp` bumps through), the aging step of generation 0 (objects
//! that survived one collection) and generation 1, the old generation. Large objects
//! have block groups of their own in whichever space they have reached. Allocation is a
//! bump of `Hp` in the capability; copying lives in `gc`. This module must not
//! interpret objects, except for the write barrier that tells old objects apart.

use crate::block::{BlockAllocator, Group, BLOCKS_PER_MBLOCK, BLOCK_WORDS};
use crate::runtime::GcStats;
use crate::Word;

/// The space of new objects.
pub(crate) const NURSERY: u8 = 0;
/// Objects that survived one collection (still generation 0).
pub(crate) const AGING: u8 = 1;
/// Generation 1.
pub(crate) const OLD: u8 = 2;

/// Objects of this many words or more are allocated in block groups of their own and
/// never copied (GHC's threshold: 8/10 of a block).
pub(crate) const LARGE_WORDS: usize = BLOCK_WORDS * 8 / 10;

/// The groups and large objects of one space.
#[derive(Default)]
pub(crate) struct Space {
    /// Groups holding small objects, packed from each group's start to its `free`.
    pub(crate) groups: Vec<Group>,
    /// Groups each holding one large object.
    pub(crate) large: Vec<Group>,
}

/// Collections after which the whole nursery is used (see `Heap::nursery_in_use`).
pub(crate) const NURSERY_WARM_UP: u64 = 8;

pub(crate) struct Heap {
    pub(crate) blocks: BlockAllocator,
    /// The nursery's chunks; `Hp` runs through them in order between collections.
    pub(crate) nursery: Vec<Group>,
    /// The chunk after the one being allocated into.
    pub(crate) nursery_next: usize,
    /// How many of the nursery's chunks are used between collections: one until the
    /// program has been through [`NURSERY_WARM_UP`] collections, then all. A program that
    /// allocates little then touches, and takes page faults on, one chunk instead of the
    /// whole nursery (as with GHC's default 1 MB allocation area), and one that keeps
    /// allocating collects as seldom as the nursery's size allows.
    pub(crate) nursery_in_use: usize,
    /// Groups allocated for a single heap check larger than a chunk; part of the
    /// nursery until the next collection frees them.
    pub(crate) nursery_extra: Vec<Group>,
    /// Where allocation started in the current chunk (for `bytes_allocated`).
    pub(crate) chunk_start: *mut Word,
    /// Indexed by space number.
    pub(crate) spaces: [Space; 3],
    /// Old objects that may point at generation 0: updated thunks, dirty mutable
    /// variables and arrays, and objects promoted with young fields.
    pub(crate) remembered: Vec<Word>,
    /// Words allocated in large objects since the last collection; they count against
    /// the nursery so that allocating only large objects still triggers collections.
    pub(crate) large_since_gc: usize,
    /// Blocks in the old generation's groups and large objects.
    pub(crate) old_gen_blocks: usize,
    /// Blocks the old generation may hold before the next collection is major.
    pub(crate) old_limit: usize,
    /// `old_limit` after a major collection, as a multiple of the live blocks.
    pub(crate) old_gen_factor: f64,
    /// The most blocks the heap may use (`+RTS -M`).
    pub(crate) max_blocks: usize,
    /// The same limit in words.
    pub(crate) max_words: usize,
    pub(crate) stress: bool,
    /// Collections made in stress mode (every few is major).
    pub(crate) stress_count: u64,
    /// Check the heap and stacks after every collection (`BHC_GC_SANITY=1`).
    pub(crate) sanity: bool,
    pub(crate) stats: GcStats,
    /// `bytes_allocated` at the end of the last collection (for `+RTS -S`).
    pub(crate) allocated_at_last_gc: u64,
    /// What `+RTS -s`/`-S` asked for.
    pub(crate) stats_mode: crate::options::StatsMode,
}

impl Heap {
    /// A heap with a nursery of `nursery_words` (rounded up to blocks) and a limit of
    /// `max_words`; `None` when no address space can be reserved.
    pub(crate) fn new(nursery_words: usize, max_words: usize, stress: bool) -> Option<Heap> {
        let mut blocks = BlockAllocator::new()?;
        let mut left = nursery_words.div_ceil(BLOCK_WORDS).max(1);
        let mut nursery = Vec::new();
        while left > 0 {
            let n = left.min(BLOCKS_PER_MBLOCK);
            nursery.push(blocks.alloc_group(n, NURSERY, 0)?);
            left -= n;
        }
        let nursery_blocks = blocks.blocks_in_use;
        let chunk_start = blocks.start(nursery[0]);
        Some(Heap {
            blocks,
            nursery,
            nursery_next: 1,
            nursery_in_use: 1,
            nursery_extra: Vec::new(),
            chunk_start,
            spaces: Default::default(),
            remembered: Vec::new(),
            large_since_gc: 0,
            old_gen_blocks: 0,
            old_limit: BLOCKS_PER_MBLOCK,
            old_gen_factor: 2.0,
            max_blocks: max_words.div_ceil(BLOCK_WORDS).max(nursery_blocks * 2),
            max_words,
            stress,
            stress_count: 0,
            sanity: crate::sanity::enabled_from_env(),
            stats: GcStats::default(),
            allocated_at_last_gc: 0,
            stats_mode: crate::options::StatsMode::Off,
        })
    }

    /// Words of nursery between collections once it is all in use.
    pub(crate) fn nursery_words(&self) -> usize {
        self.nursery.iter().map(|&g| self.blocks.blocks(g)).sum::<usize>() * BLOCK_WORDS
    }

    /// Whether `w` is a heap object in the old generation.
    #[inline(always)]
    pub(crate) fn is_old(&self, w: Word) -> bool {
        // SAFETY: a heap address of a live object is in a committed block.
        self.blocks.is_heap(w) && unsafe { (*self.blocks.desc(w)).space == OLD }
    }

    /// The write barrier of a thunk update or a raise through an update frame: an old
    /// thunk now points at a value that may be young.
    #[inline(always)]
    pub(crate) fn record_update(&mut self, updatee: Word) {
        if self.is_old(updatee) {
            self.remembered.push(updatee);
        }
    }

    /// Blocks in use by objects that survived a collection.
    pub(crate) fn old_and_aging_blocks(&self) -> usize {
        self.spaces[AGING as usize..]
            .iter()
            .flat_map(|s| s.groups.iter().chain(&s.large))
            .map(|&g| self.blocks.blocks(g))
            .sum()
    }

    /// Blocks of the old generation, kept up to date by the collector (so deciding
    /// whether a collection is major does not walk the old generation each time).
    pub(crate) fn old_blocks(&self) -> usize {
        self.old_gen_blocks
    }
}
