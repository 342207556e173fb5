//! The scheduler: the trampoline that drives native code and the interpreter, performs
//! what they ask for (garbage collection, stack growth), and implements `raise#`
//! (unwinding to the nearest catch frame) and the clean-up after a computation stops
//! early. There is one Haskell thread; this is the only place that loops over
//! [`NextStep`]s.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, NextStep};
use crate::native::*;
use crate::object::*;
use crate::runtime::{Outcome, RtsError};
use crate::stack::{self, frame_size, grow};
use crate::{gc, interp, Word};
use std::sync::atomic::Ordering;

/// Run from `step` until the thread finishes, exits, is interrupted or fails.
pub(crate) fn run(cap: &mut Capability, mut step: NextStep) -> Result<Outcome, RtsError> {
    loop {
        step = match step {
            // SAFETY: R1 is a closure (Enter) or the stack top a frame (Return): the
            // invariants of these steps, kept by everything that returns them.
            NextStep::Enter => unsafe { ((*info(cap.r1 as P)).entry)(cap) },
            NextStep::Return => unsafe { ((*(*cap.sp as *const InfoTable)).entry)(cap) },
            NextStep::Interpret | NextStep::InterpretReturn => interp::run(cap, step),
            NextStep::HeapCheck => {
                let collected = gc::make_room(cap, cap.need);
                cap.r1_is_ptr = false;
                match collected {
                    Ok(()) => cap.retry,
                    Err(_) => raise_wired(cap, "Prelude.heapOverflow", RtsError::HeapExhausted),
                }
            }
            NextStep::StackCheck => {
                let loose = std::mem::take(&mut cap.loose);
                // A frame never spans chunks: a function's unframed arguments move to
                // a new chunk; a frame being returned to stays with the frames below
                // it, in a larger chunk.
                let grown = if cap.retry == NextStep::Return {
                    stack::enlarge(cap, cap.need)
                } else {
                    grow(cap, cap.need, loose)
                };
                match grown {
                    Ok(()) => cap.retry,
                    Err(()) => {
                        // SAFETY: the top `loose` words are unframed arguments.
                        cap.sp = unsafe { cap.sp.add(loose) };
                        raise_wired(cap, "Prelude.stackOverflow", RtsError::StackOverflow)
                    }
                }
            }
            NextStep::Raise => match raise(cap) {
                Some(step) => step,
                None => return Ok(Outcome::Uncaught),
            },
            NextStep::Finished => return Ok(Outcome::Finished),
            NextStep::Exit => {
                undo_blackholes(cap);
                return Ok(Outcome::Exit(cap.exit_code));
            }
            NextStep::Interrupted => {
                cap.interrupt.store(false, Ordering::Relaxed);
                undo_blackholes(cap);
                return Ok(Outcome::Interrupted);
            }
            NextStep::Fatal => {
                undo_blackholes(cap);
                return Err(cap
                    .fatal
                    .take()
                    .unwrap_or_else(|| RtsError::Internal("fatal error".into())));
            }
        }
    }
}

/// Unwind the stack for the exception in R1. Every thunk under evaluation on the way
/// becomes an indirection to a thunk that raises the same exception again. At a catch
/// frame, apply its handler to the exception and the world token; at the stop frame,
/// return `None` (uncaught).
fn raise(cap: &mut Capability) -> Option<NextStep> {
    // SAFETY: the stack top is a frame (the invariant of `Raise`), so walking by frame
    // sizes visits exactly the frames; the re-raise thunk is allocated before any frame
    // is popped, with the exception rooted in R1.
    unsafe {
        let mut updates = false;
        'scan: for (mut p, end, _) in stack::segments(&cap.stack, cap.sp) {
            while p < end {
                match (*(*p as *const InfoTable)).closure_type {
                    ClosureType::UpdateFrame => {
                        updates = true;
                        break 'scan;
                    }
                    ClosureType::CatchFrame | ClosureType::StopFrame => break 'scan,
                    _ => p = p.add(frame_size(p)),
                }
            }
        }
        let mut reraise = 0;
        if updates {
            cap.r1_is_ptr = true;
            let thunk = cap.alloc(2);
            cap.r1_is_ptr = false;
            match thunk {
                Ok(t) => {
                    *t = word(&RAISE_INFO);
                    *t.add(1) = cap.r1;
                    reraise = t as Word;
                }
                Err(e) => {
                    cap.fatal = Some(e);
                    return Some(NextStep::Fatal);
                }
            }
        }
        loop {
            let p = cap.sp;
            match (*(*p as *const InfoTable)).closure_type {
                ClosureType::UpdateFrame => {
                    let updatee = *p.add(1) as P;
                    *updatee.add(IND_FIELD) = reraise;
                    *updatee = word(&IND_INFO);
                    cap.heap.record_update(updatee as Word);
                    cap.sp = p.add(2);
                }
                ClosureType::CatchFrame => {
                    let handler = *p.add(1);
                    cap.sp = p.add(2);
                    if cap.stack_room() < 5 && grow(cap, 5, 0).is_err() {
                        cap.fatal = Some(RtsError::StackOverflow);
                        return Some(NextStep::Fatal);
                    }
                    let exn = cap.r1;
                    cap.push(cap.world);
                    cap.push(exn);
                    cap.push(0b11);
                    cap.push(2);
                    cap.push(word(&APPLY_FRAME_INFO));
                    cap.r1 = handler;
                    return Some(NextStep::Enter);
                }
                ClosureType::StopFrame => return None,
                ClosureType::UnderflowFrame => stack::underflow(cap),
                _ => cap.sp = p.add(frame_size(p)),
            }
        }
    }
}

/// After a computation stops early, turn the thunks it was evaluating back into the
/// thunks they were, so that a later evaluation starts them again. A thunk whose
/// captured variables the collector dropped cannot be restored: it raises
/// `Prelude.userInterrupt` (or `Prelude.nonTermination`) when entered again.
fn undo_blackholes(cap: &mut Capability) {
    let lost_exception = cap
        .globals
        .lookup("Prelude.userInterrupt")
        .or_else(|| cap.globals.lookup("Prelude.nonTermination"));
    // SAFETY: the stack top is a frame whenever a computation stops early (`Exit`,
    // `Interrupted` and `Fatal` are returned with framed stacks), so the walk visits
    // exactly the frames; a black hole keeps the layout of the AP it was.
    unsafe {
        for p in stack::frames(cap) {
            if (*(*p as *const InfoTable)).closure_type == ClosureType::UpdateFrame {
                let updatee = *p.add(1) as P;
                if std::ptr::eq(info(updatee), &BLACKHOLE_INFO) {
                    *updatee = word(&AP_INFO);
                } else if let (true, Some(exn)) = (
                    std::ptr::eq(info(updatee), &BLACKHOLE_LOST_INFO),
                    lost_exception,
                ) {
                    // A black hole has at least the two words of a raise thunk.
                    *updatee = word(&RAISE_INFO);
                    *updatee.add(1) = exn;
                }
            }
        }
    }
}
