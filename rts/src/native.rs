//! The RTS-provided native code and its info tables: entry code of constructors, PAPs,
//! BCOs, APs (thunks), indirections, black holes and the re-raise thunk; return code of
//! update, catch, stop and RET_BCO frames (the apply frame's is in `apply`).
//!
//! Each piece of code is an [`EntryCode`] driven by the scheduler's trampoline: it reads
//! and writes the registers in the capability and returns the [`NextStep`]. It never
//! collects garbage or grows the stack itself: it asks the scheduler to (`HeapCheck`,
//! `StackCheck`) and is re-run afterwards.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout, NextStep};
use crate::object::*;
use crate::runtime::RtsError;
use crate::Word;

pub(crate) static BCO_INFO: InfoTable =
    InfoTable::new_static(bco_entry, ClosureType::Bco, Layout::NONE, "BCO");
pub(crate) static AP_INFO: InfoTable =
    InfoTable::new_static(ap_entry, ClosureType::Ap, Layout::NONE, "AP");
pub(crate) static AP_NOUPD_INFO: InfoTable =
    InfoTable::new_static(ap_noupd_entry, ClosureType::Ap, Layout::NONE, "AP_NOUPD");
pub(crate) static PAP_INFO: InfoTable =
    InfoTable::new_static(value_entry, ClosureType::Pap, Layout::NONE, "PAP");
pub(crate) static IND_INFO: InfoTable = InfoTable::new_static(
    ind_entry,
    ClosureType::Ind,
    Layout { ptrs: 1, nptrs: 0 },
    "IND",
);
pub(crate) static BLACKHOLE_INFO: InfoTable = InfoTable::new_static(
    blackhole_entry,
    ClosureType::Blackhole,
    Layout::NONE,
    "BLACKHOLE",
);
/// A black hole whose saved arguments the collector dropped (see `gc`): it can no
/// longer be turned back into the thunk it was.
pub(crate) static BLACKHOLE_LOST_INFO: InfoTable = InfoTable::new_static(
    blackhole_entry,
    ClosureType::Blackhole,
    Layout::NONE,
    "BLACKHOLE",
);
pub(crate) static RAISE_INFO: InfoTable = InfoTable::new_static(
    raise_entry,
    ClosureType::Thunk,
    Layout { ptrs: 1, nptrs: 0 },
    "raise",
);
pub(crate) static ARRAY_INFO: InfoTable =
    InfoTable::new_static(value_entry, ClosureType::Array, Layout::NONE, "ARRAY");
pub(crate) static BYTE_ARRAY_INFO: InfoTable = InfoTable::new_static(
    value_entry,
    ClosureType::ByteArray,
    Layout::NONE,
    "BYTE_ARRAY",
);
pub(crate) static RET_BCO_INFO: InfoTable =
    InfoTable::new_static(ret_bco_return, ClosureType::RetBco, Layout::NONE, "RET_BCO");
pub(crate) static UPDATE_FRAME_INFO: InfoTable = InfoTable::new_static(
    update_return,
    ClosureType::UpdateFrame,
    Layout { ptrs: 1, nptrs: 0 },
    "UPDATE_FRAME",
);
pub(crate) static CATCH_FRAME_INFO: InfoTable = InfoTable::new_static(
    catch_return,
    ClosureType::CatchFrame,
    Layout { ptrs: 1, nptrs: 0 },
    "CATCH_FRAME",
);
pub(crate) static STOP_FRAME_INFO: InfoTable = InfoTable::new_static(
    stop_return,
    ClosureType::StopFrame,
    Layout::NONE,
    "STOP_FRAME",
);
pub(crate) static APPLY_FRAME_INFO: InfoTable = InfoTable::new_static(
    crate::apply::apply_return,
    ClosureType::ApplyFrame,
    Layout::NONE,
    "APPLY_FRAME",
);

/// The info pointer of a static table, as a heap or stack word.
#[inline(always)]
pub(crate) fn word(info: &'static InfoTable) -> Word {
    info as *const InfoTable as Word
}

/// Constructors, PAPs and unlifted objects (arrays, bignums, mutable variables) are
/// values: entering one returns it.
pub(crate) unsafe extern "C" fn value_entry(_cap: *mut Capability) -> NextStep {
    NextStep::Return
}

/// A BCO of positive arity is a function value; one of arity 0 is run.
unsafe extern "C" fn bco_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability with a BCO in R1.
    let cap = unsafe { &mut *cap };
    // SAFETY: R1 is a BCO (this is its entry code).
    if unsafe { bco_arity(cap.r1 as P) } > 0 {
        NextStep::Return
    } else {
        NextStep::Interpret
    }
}

unsafe extern "C" fn ap_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability with this AP in R1.
    unsafe { enter_ap(&mut *cap, true) }
}

unsafe extern "C" fn ap_noupd_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: as for `ap_entry`.
    unsafe { enter_ap(&mut *cap, false) }
}

/// Push an update frame (for an updatable AP), black-hole the thunk, push its arguments
/// and run its BCO.
///
/// # Safety
/// R1 is an AP whose function is a BCO of arity `n`; the stack top is a frame.
unsafe fn enter_ap(cap: &mut Capability, update: bool) -> NextStep {
    let ap = cap.r1 as P;
    let n = *ap.add(NARGS_FIELD);
    let need = n + if update { 2 } else { 0 };
    if cap.stack_room() < need {
        cap.need = need;
        cap.retry = NextStep::Enter;
        cap.loose = 0;
        return NextStep::StackCheck;
    }
    if update {
        cap.push(ap as Word);
        cap.push(word(&UPDATE_FRAME_INFO));
    }
    for i in (0..n).rev() {
        cap.push(*ap.add(ARGS_FIELD + i));
    }
    if update {
        *ap = word(&BLACKHOLE_INFO);
    }
    cap.r1 = *ap.add(FUN_FIELD);
    NextStep::Interpret
}

unsafe extern "C" fn ind_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability with an IND in R1.
    let cap = unsafe { &mut *cap };
    // SAFETY: an IND has its value in field 1.
    cap.r1 = unsafe { *(cap.r1 as P).add(IND_FIELD) };
    NextStep::Enter
}

/// Entering a thunk that is under evaluation by this (only) thread: `<<loop>>`.
unsafe extern "C" fn blackhole_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability.
    let cap = unsafe { &mut *cap };
    raise_wired(cap, "Prelude.nonTermination", RtsError::Loop)
}

/// Raise the exception a global of `Prelude` stands for, or stop with `otherwise` when
/// no such global is linked.
pub(crate) fn raise_wired(cap: &mut Capability, name: &str, otherwise: RtsError) -> NextStep {
    match cap.globals.lookup(name) {
        Some(exn) => {
            cap.r1 = exn;
            NextStep::Raise
        }
        None => {
            cap.fatal = Some(otherwise);
            NextStep::Fatal
        }
    }
}

/// The thunk `raise#` leaves behind in every thunk it unwinds through.
unsafe extern "C" fn raise_entry(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability with a raise thunk in R1.
    let cap = unsafe { &mut *cap };
    // SAFETY: the raise thunk's one pointer field is the exception.
    cap.r1 = unsafe { *(cap.r1 as P).add(1) };
    NextStep::Raise
}

unsafe extern "C" fn ret_bco_return(_cap: *mut Capability) -> NextStep {
    NextStep::InterpretReturn
}

/// Overwrite the updatee with an indirection to the value, pop, and keep returning.
unsafe extern "C" fn update_return(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability; the top frame is an update
    // frame, whose updatee is a thunk with room for an indirection.
    unsafe {
        let cap = &mut *cap;
        let updatee = *cap.sp.add(1) as P;
        *updatee.add(IND_FIELD) = cap.r1;
        *updatee = word(&IND_INFO);
        cap.heap.record_update(updatee as Word);
        cap.sp = cap.sp.add(2);
    }
    NextStep::Return
}

unsafe extern "C" fn catch_return(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability; the top frame is a catch
    // frame of two words.
    unsafe {
        let cap = &mut *cap;
        cap.sp = cap.sp.add(2);
    }
    NextStep::Return
}

unsafe extern "C" fn stop_return(_cap: *mut Capability) -> NextStep {
    NextStep::Finished
}
