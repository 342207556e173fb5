//! Generic apply: the return code of the apply frame, which applies the function value
//! returned to it to the frame's arguments (eval/apply, "Making a fast curry").
//!
//! Exactly saturated calls run the function's BCO; under-saturated calls build a PAP;
//! over-saturated calls run the function on as many arguments as it takes and leave a
//! smaller apply frame for the rest. A PAP's held arguments are pushed back on top of
//! the new ones. Like all native code it asks the scheduler for heap or stack and is
//! re-run with its frame intact.

use crate::capability::Capability;
use crate::info::{ClosureType, NextStep};
use crate::native::{word, APPLY_FRAME_INFO, PAP_INFO};
use crate::object::*;
use crate::runtime::RtsError;
use crate::Word;

/// Return code of `[APPLY_FRAME][n][bitmap][args]` with the function in R1.
pub(crate) unsafe extern "C" fn apply_return(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability; the top frame is an apply
    // frame and R1 a value.
    unsafe { apply(&mut *cap) }
}

/// # Safety
/// The top frame is an apply frame; R1 is an evaluated closure.
unsafe fn apply(cap: &mut Capability) -> NextStep {
    let f = follow_ind(cap.r1 as P);
    cap.r1 = f as Word;
    let (fun, held) = match closure_type(f) {
        ClosureType::Bco if bco_arity(f) > 0 => (f, 0),
        ClosureType::Pap => (*f.add(FUN_FIELD) as P, *f.add(NARGS_FIELD)),
        _ => {
            let name = (*info(f)).name();
            cap.fatal = Some(RtsError::Internal(format!(
                "applied a value that is not a function ({name})"
            )));
            return NextStep::Fatal;
        }
    };
    let sp = cap.sp;
    let n = *sp.add(1);
    let k = bitmap_words(n);
    let wanted = bco_arity(fun) - held;
    if wanted > n {
        let size = AP_HEADER + held + n;
        if cap.heap_room() < size {
            cap.need = size;
            cap.retry = NextStep::Return;
            cap.r1_is_ptr = true;
            return NextStep::HeapCheck;
        }
        let pap = cap.alloc_unchecked(size);
        *pap = word(&PAP_INFO);
        *pap.add(FUN_FIELD) = fun as Word;
        *pap.add(NARGS_FIELD) = held + n;
        move_words(f.add(ARGS_FIELD), pap.add(ARGS_FIELD), held);
        move_words(sp.add(2 + k), pap.add(ARGS_FIELD + held), n);
        cap.sp = sp.add(2 + k + n);
        cap.r1 = pap as Word;
        return NextStep::Return;
    }
    let freed = if wanted == n {
        2 + k
    } else {
        k - bitmap_words(n - wanted)
    };
    if cap.stack_room() + freed < held {
        cap.need = held;
        cap.retry = NextStep::Return;
        cap.loose = 0;
        return NextStep::StackCheck;
    }
    if wanted == n {
        cap.sp = sp.add(2 + k);
    } else {
        split_apply_frame(cap, wanted);
    }
    for i in (0..held).rev() {
        cap.push(*f.add(ARGS_FIELD + i));
    }
    cap.r1 = fun as Word;
    NextStep::Interpret
}

/// Turn `[APPLY n][bitmap][a0 .. an-1]` into `[a0 .. am-1][APPLY n-m][bitmap'][am ..]`.
///
/// # Safety
/// The top frame is an apply frame with more than `m` arguments.
unsafe fn split_apply_frame(cap: &mut Capability, m: usize) {
    let sp = cap.sp;
    let n = *sp.add(1);
    let k = bitmap_words(n);
    let rest = n - m;
    let k2 = bitmap_words(rest);
    let mut small = [0 as Word; 4];
    let mut large = Vec::new();
    let bitmap: &mut [Word] = if k2 <= small.len() {
        &mut small[..k2]
    } else {
        large.resize(k2, 0);
        &mut large
    };
    for i in 0..rest {
        if bitmap_bit(sp.add(2), m + i) {
            bitmap[i / 64] |= 1 << (i % 64);
        }
    }
    let new_sp = sp.add(k - k2);
    std::ptr::copy(sp.add(2 + k), new_sp, m);
    *new_sp.add(m) = word(&APPLY_FRAME_INFO);
    *new_sp.add(m + 1) = rest;
    std::ptr::copy_nonoverlapping(bitmap.as_ptr(), new_sp.add(m + 2), k2);
    cap.sp = new_sp;
}
