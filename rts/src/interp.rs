//! The byte-code interpreter: a Rust loop over BCO instructions (`exec`) and the
//! transitions between BCOs (this module).
//!
//! Haskell control never becomes Rust recursion: entering a closure, calling a function
//! and returning to a frame are transitions of the loop in `exec`, so deep Haskell
//! recursion only grows the Haskell stack. The interpreter enters BCOs and returns to
//! RET_BCO frames itself; every other closure is entered, and every other frame returned
//! to, by calling the native code behind its info table, exactly as compiled code
//! would; whatever that code asks for beyond running or resuming a BCO goes back to the
//! scheduler.
//!
//! Heap and stack are checked once when a BCO starts (the byte-code compiler records
//! the most each BCO may use), so no collection can happen while a BCO runs and raw
//! pointers into its code, literals and pointer array stay valid until it transfers
//! control. A failed check goes back to the scheduler with the BCO's arguments framed.

mod exec;

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, NextStep};
use crate::native::*;
use crate::object::*;
use crate::Word;
use std::sync::atomic::Ordering;

/// Where control goes when it leaves a BCO.
enum Go {
    /// Run a BCO whose arguments are on top of the stack.
    Fun(P),
    /// Evaluate a closure; the stack top is its continuation.
    Enter(P),
    /// Return a value (pointer or raw unboxed bits) to the frame on top.
    Return(Word),
    /// Run this BCO from its start: its stack is ready and its checks are done.
    Resume(P),
    /// Hand this to the scheduler.
    Step(NextStep),
}

/// Interpret from `Interpret` (run the BCO in R1) or `InterpretReturn` (return R1 to the
/// RET_BCO frame on top) until something needs the scheduler.
pub(crate) fn run(cap: &mut Capability, start: NextStep) -> NextStep {
    // SAFETY: the scheduler only asks to interpret with a BCO in R1 and its arguments on
    // the stack, or with a RET_BCO frame on top; code was validated when linked.
    unsafe {
        let first = match start {
            NextStep::Interpret => transition(cap, Go::Fun(cap.r1 as P)),
            NextStep::InterpretReturn => transition(cap, Go::Return(cap.r1)),
            other => Err(other),
        };
        match first {
            Ok(bco) => exec::exec(cap, bco),
            Err(step) => step,
        }
    }
}

/// Follow a transition to the next BCO to run, or to what the scheduler must do.
///
/// # Safety
/// The stack is in the state the transition describes (see [`Go`]).
unsafe fn transition(cap: &mut Capability, go: Go) -> Result<P, NextStep> {
    match go {
        Go::Fun(f) => fun_checks(cap, f).map(|()| f),
        Go::Enter(x) => enter(cap, x),
        Go::Return(v) => resume(cap, v),
        Go::Resume(bco) => Ok(bco),
        Go::Step(step) => Err(step),
    }
}

/// Evaluate `x`: values are returned, BCOs of arity 0 run, everything else goes
/// through its entry code.
///
/// # Safety
/// `x` is a closure; the stack top is a frame.
unsafe fn enter(cap: &mut Capability, mut x: P) -> Result<P, NextStep> {
    loop {
        let info = info(x);
        match (*info).closure_type {
            ClosureType::Ind => x = *x.add(IND_FIELD) as P,
            ClosureType::Constr
            | ClosureType::Pap
            | ClosureType::MutVar
            | ClosureType::Array
            | ClosureType::ByteArray => return resume(cap, x as Word),
            ClosureType::Bco if bco_arity(x) > 0 => return resume(cap, x as Word),
            ClosureType::Bco => return fun_checks(cap, x).map(|()| x),
            _ => {
                cap.r1 = x as Word;
                match ((*info).entry)(cap) {
                    NextStep::Interpret => {
                        return fun_checks(cap, cap.r1 as P).map(|()| cap.r1 as P)
                    }
                    NextStep::Return | NextStep::InterpretReturn => return resume(cap, cap.r1),
                    NextStep::Enter => x = cap.r1 as P,
                    step => return Err(step),
                }
            }
        }
    }
}

/// Return `v` to the top frame. Native frames (update, catch, apply, ...) run their
/// return code here for as long as it keeps returning; a RET_BCO frame is popped and its
/// continuation is the BCO to run, with `v` pushed.
///
/// # Safety
/// The stack top is a frame expecting `v`.
unsafe fn resume(cap: &mut Capability, mut v: Word) -> Result<P, NextStep> {
    loop {
        let frame = *cap.sp as *const InfoTable;
        if std::ptr::eq(frame, &RET_BCO_INFO) {
            break;
        }
        cap.r1 = v;
        match ((*frame).entry)(cap) {
            NextStep::Return => v = cap.r1,
            NextStep::Interpret => return fun_checks(cap, cap.r1 as P).map(|()| cap.r1 as P),
            NextStep::Enter => return enter(cap, cap.r1 as P),
            step => return Err(step),
        }
    }
    let alts = *cap.sp.add(1) as P;
    let stack = bco_stack(alts);
    let heap = bco_heap(alts);
    if cap.stack_room() + 1 < stack || cap.heap_room() < heap {
        cap.r1 = v;
        cap.r1_is_ptr = bco_flags(alts) & BCO_FLAG_RETURNS_PTR != 0;
        cap.retry = NextStep::Return;
        cap.loose = 0;
        return Err(if cap.heap_room() < heap {
            cap.need = heap;
            NextStep::HeapCheck
        } else {
            cap.need = stack;
            NextStep::StackCheck
        });
    }
    cap.sp = cap.sp.add(1);
    *cap.sp = v;
    Ok(alts)
}

/// Check for interrupts, stack and heap before a BCO runs on its arguments.
///
/// # Safety
/// `bco` is a BCO whose arguments are on top of the stack.
unsafe fn fun_checks(cap: &mut Capability, bco: P) -> Result<(), NextStep> {
    let arity = bco_arity(bco);
    if cap.interrupt.load(Ordering::Relaxed) {
        cap.sp = cap.sp.add(arity);
        return Err(NextStep::Interrupted);
    }
    let stack = bco_stack(bco);
    if cap.stack_room() < stack {
        cap.r1 = bco as Word;
        cap.need = stack;
        cap.retry = NextStep::Interpret;
        cap.loose = arity;
        return Err(NextStep::StackCheck);
    }
    let heap = bco_heap(bco);
    if cap.heap_room() < heap {
        cap.r1 = bco as Word;
        cap.r1_is_ptr = true;
        cap.need = heap;
        cap.retry = if arity > 0 {
            // Frame the arguments so that the GC can see them, and come back through
            // generic apply (the byte-code compiler counts these words in `stack`).
            let k = bitmap_words(arity);
            cap.sp = cap.sp.sub(2 + k);
            *cap.sp = word(&APPLY_FRAME_INFO);
            *cap.sp.add(1) = arity;
            move_words(bco.add(BCO_BITMAP), cap.sp.add(2), k);
            NextStep::Return
        } else {
            NextStep::Interpret
        };
        return Err(NextStep::HeapCheck);
    }
    Ok(())
}

/// Apply `f` to the `n` arguments on top of the stack: run a BCO or PAP of exactly that
/// arity directly, otherwise push an apply frame and evaluate `f`.
///
/// # Safety
/// The top `n` stack words are the arguments, described by `bitmap`; the stack has
/// room for an apply frame header.
unsafe fn call(cap: &mut Capability, f: P, n: usize, bitmap: *const Word) -> Go {
    let f = follow_ind(f);
    match closure_type(f) {
        ClosureType::Bco if bco_arity(f) == n => return Go::Fun(f),
        ClosureType::Pap => {
            let fun = *f.add(FUN_FIELD) as P;
            let held = *f.add(NARGS_FIELD);
            if bco_arity(fun) - held == n && cap.stack_room() >= held {
                for i in (0..held).rev() {
                    cap.push(*f.add(ARGS_FIELD + i));
                }
                return Go::Fun(fun);
            }
        }
        _ => {}
    }
    let k = bitmap_words(n);
    cap.sp = cap.sp.sub(2 + k);
    *cap.sp = word(&APPLY_FRAME_INFO);
    *cap.sp.add(1) = n;
    move_words(bitmap, cap.sp.add(2), k);
    Go::Enter(f)
}
