//! Unloading replaced code, GHCi-style. While some arenas are pending (their module was
//! replaced or unloaded), a major collection reports to an [`UnloadScan`] every static
//! address it meets: pointer fields of heap objects, stack frames, roots, weak keys,
//! and the values of the CAFs it scans. A pending arena is *reached* when such an
//! address lies in it, or when a live or reached arena depends on it (was linked
//! against it: static objects only point at other arenas that way); the CAFs of a
//! reached arena are then scanned like roots, which may reach more. After the
//! collection, the pending arenas not reached are freed and the others stay pending.
//!
//! This module only decides reachability: it never moves objects, and frees memory
//! only through `Arenas::free_unreached`. It must stay cheap when nothing is pending:
//! the collector then has no scan at all.

use crate::arena::{ArenaId, Arenas};
use crate::Word;
use std::collections::{BTreeMap, HashMap, HashSet};

pub(crate) struct UnloadScan {
    /// The range covering every pending chunk, to reject most addresses at once.
    lo: Word,
    hi: Word,
    /// Pending chunk start to (chunk end, arena).
    chunks: BTreeMap<Word, (Word, ArenaId)>,
    /// The pending arenas each pending arena depends on.
    deps: HashMap<ArenaId, Vec<ArenaId>>,
    cafs: HashMap<ArenaId, Vec<Word>>,
    reached: HashSet<ArenaId>,
    /// CAFs of reached arenas still to be scanned.
    to_scan: Vec<Word>,
}

impl UnloadScan {
    /// A scan for this collection, or `None` when no arena is pending.
    pub(crate) fn begin(arenas: &Arenas) -> Option<UnloadScan> {
        if !arenas.has_pending() {
            return None;
        }
        let pending: HashSet<ArenaId> = arenas.arenas.iter().filter(|(_, a)| a.pending).map(|(&id, _)| id).collect();
        let chunks: BTreeMap<Word, (Word, ArenaId)> =
            arenas.chunks.iter().filter(|(_, (_, id))| pending.contains(id)).map(|(&s, &e)| (s, e)).collect();
        let lo = chunks.keys().next().copied().unwrap_or(0);
        let hi = chunks.values().map(|&(end, _)| end).max().unwrap_or(0);
        let mut scan = UnloadScan {
            lo,
            hi,
            chunks,
            deps: HashMap::new(),
            cafs: HashMap::new(),
            reached: HashSet::new(),
            to_scan: Vec::new(),
        };
        let mut linked_from_live = Vec::new();
        for (&id, arena) in &arenas.arenas {
            let pending_deps = arena.deps.iter().copied().filter(|d| pending.contains(d));
            if arena.pending {
                scan.deps.insert(id, pending_deps.collect());
                scan.cafs.insert(id, arena.cafs.clone());
            } else {
                linked_from_live.extend(pending_deps);
            }
        }
        for id in linked_from_live {
            scan.reach(id);
        }
        Some(scan)
    }

    /// The collector met the static address `w`.
    #[inline]
    pub(crate) fn note(&mut self, w: Word) {
        if w.wrapping_sub(self.lo) < self.hi - self.lo {
            self.note_pending(w);
        }
    }

    fn note_pending(&mut self, w: Word) {
        if let Some((_, &(end, id))) = self.chunks.range(..=w).next_back() {
            if w < end {
                self.reach(id);
            }
        }
    }

    fn reach(&mut self, id: ArenaId) {
        let mut work = vec![id];
        while let Some(id) = work.pop() {
            if self.reached.insert(id) {
                self.to_scan.extend(self.cafs.get(&id).into_iter().flatten());
                work.extend(self.deps.get(&id).into_iter().flatten());
            }
        }
    }

    /// A CAF of a reached arena that the collector must scan as a root.
    pub(crate) fn next_caf(&mut self) -> Option<Word> {
        self.to_scan.pop()
    }

    /// After the collection: free what was not reached.
    pub(crate) fn finish(self, arenas: &mut Arenas) {
        arenas.free_unreached(&self.reached);
    }
}
