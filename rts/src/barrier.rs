//! The write barrier: the generational invariant is that every old object pointing
//! into generation 0 is in the remembered set. Thunk updates record their updatee
//! (`Heap::record_update`); writes into mutable variables and arrays go through
//! `record_write`, which remembers an old object the first time it is written after a
//! collection. A remembered mutable object carries a DIRTY info table, so a loop
//! writing one old `IORef` adds it to the set once; the collector makes it CLEAN again
//! when it no longer points into generation 0. This module must not allocate.

use crate::heap::Heap;
use crate::info::{ClosureType, InfoTable, Layout};
use crate::native::{value_entry, word, ARRAY_INFO};
use crate::object::*;
use crate::primops::MUT_VAR_INFO;

pub(crate) static MUT_VAR_DIRTY_INFO: InfoTable = InfoTable::new_static(
    value_entry,
    ClosureType::MutVar,
    Layout { ptrs: 1, nptrs: 0 },
    "MUT_VAR_DIRTY",
);
pub(crate) static ARRAY_DIRTY_INFO: InfoTable =
    InfoTable::new_static(value_entry, ClosureType::Array, Layout::NONE, "ARRAY_DIRTY");

/// Note a write of a pointer into the MUT_VAR or ARRAY at `obj`.
///
/// # Safety
/// `obj` points at a MUT_VAR or an ARRAY.
#[inline(always)]
pub(crate) unsafe fn record_write(heap: &mut Heap, obj: P) {
    let header = *obj;
    let clean = header == word(&MUT_VAR_INFO) || header == word(&ARRAY_INFO);
    if clean && heap.is_old(obj as crate::Word) {
        set_dirty(obj, true);
        heap.remembered.push(obj as crate::Word);
    }
}

/// Give a MUT_VAR or ARRAY the info table that says whether it is remembered; other
/// objects are left alone.
///
/// # Safety
/// `obj` points at a heap object.
pub(crate) unsafe fn set_dirty(obj: P, dirty: bool) {
    let table = match (closure_type(obj), dirty) {
        (ClosureType::MutVar, false) => &MUT_VAR_INFO,
        (ClosureType::MutVar, true) => &MUT_VAR_DIRTY_INFO,
        (ClosureType::Array, false) => &ARRAY_INFO,
        (ClosureType::Array, true) => &ARRAY_DIRTY_INFO,
        _ => return,
    };
    *obj = word(table);
}
