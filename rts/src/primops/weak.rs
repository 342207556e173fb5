//! Weak pointers and stable pointers.
//!
//! A weak pointer is a WEAK `[info][key][value][finalizer]` registered in the
//! capability's weak list; the collector (see `gc`) keeps its value and finalizer only
//! while its key is reachable, and when the key dies it clears the fields and queues
//! the finalizer, which `Runtime::run_io` runs before it returns. A dead or finalized
//! weak pointer has a null key. A stable pointer is an index into the capability's
//! stable table, whose entries are GC roots until freed.

use super::{box_iores, Prim};
use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout};
use crate::native::{value_entry, word};
use crate::object::P;
use crate::Word;

pub(crate) static WEAK_INFO: InfoTable =
    InfoTable::new_static(value_entry, ClosureType::Weak, Layout::NONE, "WEAK");

pub(crate) const WEAK_KEY: usize = 1;
pub(crate) const WEAK_VALUE: usize = 2;
pub(crate) const WEAK_FINALIZER: usize = 3;
pub(crate) const WEAK_SIZE: usize = 4;

/// The stable pointer table: roots, with freed slots reused.
#[derive(Default)]
pub(crate) struct StableTable {
    pub(crate) entries: Vec<Word>,
    free: Vec<usize>,
}

/// The result of an inline weak or stable pointer operation, or `None`.
///
/// # Safety
/// Arguments have the primop's types; the heap has room for the operation's allocation.
pub(super) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Option<Word> {
    Some(match prim {
        Prim::WeakMk => {
            let w = cap.alloc_unchecked(WEAK_SIZE);
            *w = word(&WEAK_INFO);
            *w.add(WEAK_KEY) = a[0];
            *w.add(WEAK_VALUE) = a[1];
            *w.add(WEAK_FINALIZER) = a[2];
            cap.weaks.push(w as Word);
            box_iores(cap, w as Word)
        }
        Prim::WeakAlive => (*(a[0] as P).add(WEAK_KEY) != 0) as Word,
        Prim::WeakDeRef => {
            let value = *(a[0] as P).add(WEAK_VALUE);
            box_iores(cap, if value == 0 { cap.world } else { value })
        }
        Prim::WeakFinalize => {
            let w = a[0] as P;
            let finalizer = *w.add(WEAK_FINALIZER);
            *w.add(WEAK_KEY) = 0;
            *w.add(WEAK_VALUE) = 0;
            *w.add(WEAK_FINALIZER) = 0;
            box_iores(cap, if finalizer == 0 { cap.world } else { finalizer })
        }
        Prim::StablePtrMake => {
            let table = &mut cap.stable;
            match table.free.pop() {
                Some(i) => {
                    table.entries[i] = a[0];
                    i
                }
                None => {
                    table.entries.push(a[0]);
                    table.entries.len() - 1
                }
            }
        }
        Prim::StablePtrDeRef => {
            let value = cap.stable.entries.get(a[0]).copied().unwrap_or(0);
            box_iores(cap, if value == 0 { cap.world } else { value })
        }
        Prim::StablePtrFree => {
            let table = &mut cap.stable;
            if let Some(slot) = table.entries.get_mut(a[0]) {
                if *slot != 0 {
                    *slot = 0;
                    table.free.push(a[0]);
                }
            }
            0
        }
        _ => return None,
    })
}
