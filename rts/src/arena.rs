//! Static memory by module: each linked module's BCOs, their arrays, its CAFs and
//! static constructors live in an arena of their own, outside the collected heap, so
//! that a module replaced by a new version (or unloaded) can give its memory back.
//!
//! Objects allocated since the last `define` go to the open arena, which the next
//! `define` hands to that module. A module's previous arena then becomes *pending*: its
//! CAFs are reverted and stop being roots of their own, and the next major collection
//! finds out whether anything still points into it (`unload`). An arena records the
//! arenas its objects point at (those it was linked against), so that the collector
//! never has to scan static objects. This module never frees an arena except through
//! [`Arenas::free_unreached`], and does not allocate on the Haskell heap.

use crate::link_api::CAF_SAVED_FUN;
use crate::native::{word, AP_INFO, AP_NOUPD_INFO};
use crate::object::*;
use crate::Word;
use std::collections::{BTreeMap, HashMap, HashSet};

pub(crate) type ArenaId = u32;

/// The first chunk of an arena (words); each next one doubles, up to `MAX_CHUNK`, so
/// that the small modules the REPL links per input line stay small.
const FIRST_CHUNK: usize = 256;
const MAX_CHUNK: usize = 1 << 16;

pub(crate) struct Arena {
    // Boxed slices so that objects keep their addresses.
    chunks: Vec<Box<[Word]>>,
    used: usize,
    /// Arenas this one's objects point at.
    pub(crate) deps: HashSet<ArenaId>,
    /// Its CAFs (top-level thunks), the only static objects that point into the heap.
    pub(crate) cafs: Vec<Word>,
    pub(crate) pending: bool,
}

impl Arena {
    fn new() -> Arena {
        Arena { chunks: Vec::new(), used: 0, deps: HashSet::new(), cafs: Vec::new(), pending: false }
    }

    fn bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.len() * crate::options::WORD_BYTES).sum()
    }
}

/// How much static memory the linked code takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaticUsage {
    /// Arenas of modules in use (and the open one).
    pub live_arenas: usize,
    /// Arenas of replaced or unloaded modules that something may still point into.
    pub pending_arenas: usize,
    /// Bytes of all of them.
    pub bytes: usize,
}

#[derive(Default)]
pub(crate) struct Arenas {
    pub(crate) arenas: HashMap<ArenaId, Arena>,
    next_id: ArenaId,
    open: Option<ArenaId>,
    by_module: HashMap<Box<str>, ArenaId>,
    /// Chunk start to (chunk end, arena), to find an address's arena.
    pub(crate) chunks: BTreeMap<Word, (Word, ArenaId)>,
    /// CAFs of arenas that are not pending: always roots.
    live_cafs: Vec<Word>,
}

impl Arenas {
    fn open_arena(&mut self) -> ArenaId {
        if let Some(id) = self.open {
            return id;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.arenas.insert(id, Arena::new());
        self.open = Some(id);
        id
    }

    /// `words` words of static memory in the open arena.
    pub(crate) fn alloc(&mut self, words: usize) -> P {
        let id = self.open_arena();
        let arena = self.arenas.get_mut(&id).expect("the open arena exists");
        let room = arena.chunks.last().map_or(0, |c| c.len() - arena.used);
        if room < words {
            let size = arena.chunks.last().map_or(FIRST_CHUNK, |c| (c.len() * 2).min(MAX_CHUNK)).max(words);
            let chunk = vec![0; size].into_boxed_slice();
            let start = chunk.as_ptr() as Word;
            self.chunks.insert(start, (start + size * crate::options::WORD_BYTES, id));
            arena.chunks.push(chunk);
            arena.used = 0;
        }
        let chunk = arena.chunks.last_mut().expect("a chunk with room exists");
        let p = chunk[arena.used..].as_mut_ptr();
        arena.used += words;
        p
    }

    /// The arena holding address `w`, if any.
    pub(crate) fn arena_of(&self, w: Word) -> Option<ArenaId> {
        let (_, &(end, id)) = self.chunks.range(..=w).next_back()?;
        (w < end).then_some(id)
    }

    pub(crate) fn contains(&self, w: Word) -> bool {
        self.arena_of(w).is_some()
    }

    /// The static object `from` now points at `to`: if they live in different arenas,
    /// the first depends on the second.
    pub(crate) fn note_link(&mut self, from: Word, to: Word) {
        if let Some(from) = self.arena_of(from) {
            self.depend(from, to);
        }
    }

    /// The module being linked refers to `to` (as one of its globals).
    pub(crate) fn note_global(&mut self, to: Word) {
        let open = self.open_arena();
        self.depend(open, to);
    }

    fn depend(&mut self, from: ArenaId, to: Word) {
        if let Some(to) = self.arena_of(to).filter(|&to| to != from) {
            if let Some(arena) = self.arenas.get_mut(&from) {
                arena.deps.insert(to);
            }
        }
    }

    /// Give the open arena to `module` with its CAFs; the module's previous arena, if
    /// any, becomes pending.
    pub(crate) fn define(&mut self, module: &str, cafs: Vec<Word>) {
        let id = self.open_arena();
        self.open = None;
        self.live_cafs.extend_from_slice(&cafs);
        self.arenas.get_mut(&id).expect("the open arena exists").cafs = cafs;
        if let Some(old) = self.by_module.insert(module.into(), id) {
            self.make_pending(old);
        }
    }

    /// The module's arena becomes pending; false if it has none.
    pub(crate) fn unload(&mut self, module: &str) -> bool {
        match self.by_module.remove(module) {
            Some(id) => {
                self.make_pending(id);
                true
            }
            None => false,
        }
    }

    /// Revert the arena's CAFs (old code that still runs evaluates them afresh, and
    /// their values are garbage now) and stop treating them as roots of their own.
    fn make_pending(&mut self, id: ArenaId) {
        let Some(arena) = self.arenas.get_mut(&id) else { return };
        arena.pending = true;
        for &caf in &arena.cafs {
            revert_caf(caf as P);
        }
        let gone: HashSet<Word> = arena.cafs.iter().copied().collect();
        self.live_cafs.retain(|c| !gone.contains(c));
    }

    pub(crate) fn has_pending(&self) -> bool {
        self.arenas.values().any(|a| a.pending)
    }

    /// CAFs that are roots: those of live arenas, and of pending ones too unless the
    /// collection decides which pending arenas are reached (`with_pending` false).
    pub(crate) fn root_cafs(&self, with_pending: bool) -> impl Iterator<Item = Word> + '_ {
        let pending = self.arenas.values().filter(move |a| with_pending && a.pending);
        self.live_cafs.iter().copied().chain(pending.flat_map(|a| a.cafs.iter().copied()))
    }

    /// Free the pending arenas not in `reached`.
    pub(crate) fn free_unreached(&mut self, reached: &HashSet<ArenaId>) {
        let dead: Vec<ArenaId> = self.arenas.iter().filter(|(id, a)| a.pending && !reached.contains(id)).map(|(&id, _)| id).collect();
        for id in dead {
            if let Some(arena) = self.arenas.remove(&id) {
                for chunk in &arena.chunks {
                    self.chunks.remove(&(chunk.as_ptr() as Word));
                }
            }
        }
    }

    pub(crate) fn usage(&self) -> StaticUsage {
        let pending = self.arenas.values().filter(|a| a.pending).count();
        StaticUsage {
            live_arenas: self.arenas.len() - pending,
            pending_arenas: pending,
            bytes: self.arenas.values().map(Arena::bytes).sum(),
        }
    }
}

/// Make an evaluated (or interrupted) CAF an unevaluated thunk again.
fn revert_caf(caf: P) {
    // SAFETY: `caf` is a static CAF: an AP header followed by its saved BCO. Linking
    // only happens between computations, so it is not under evaluation.
    unsafe {
        if !std::ptr::eq(info(caf), &AP_NOUPD_INFO) {
            *caf = word(&AP_INFO);
        }
        *caf.add(FUN_FIELD) = *caf.add(CAF_SAVED_FUN);
        *caf.add(NARGS_FIELD) = 0;
    }
}
