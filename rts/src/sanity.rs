//! The sanity checker (`BHC_GC_SANITY=1`, like GHC's `-DS`): after every collection it
//! walks the whole heap, every stack frame and every root, and checks that each info
//! pointer is a known info table and each pointer field points at the start of a heap
//! object or at a static object. A failure is a bug in the runtime or the byte-code
//! compiler: it is reported with the object and field and the process aborts, close to
//! where the heap was corrupted. This module only reads.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable};
use crate::native::*;
use crate::object::*;
use crate::primops::{frame_prim, prim_frame_size, PrimRep, PRIM_FRAME_HEADER, PRIM_FRAME_INFO};
use crate::Word;
use std::collections::HashSet;

pub(crate) fn enabled_from_env() -> bool {
    std::env::var("BHC_GC_SANITY").is_ok_and(|v| v == "1")
}

struct Checker<'a> {
    cap: &'a Capability,
    heap_lo: Word,
    heap_hi: Word,
    starts: HashSet<Word>,
    infos: HashSet<Word>,
}

fn static_infos() -> [&'static InfoTable; 19] {
    [
        &BCO_INFO,
        &AP_INFO,
        &AP_NOUPD_INFO,
        &PAP_INFO,
        &IND_INFO,
        &BLACKHOLE_INFO,
        &RAISE_INFO,
        &ARRAY_INFO,
        &BYTE_ARRAY_INFO,
        &RET_BCO_INFO,
        &UPDATE_FRAME_INFO,
        &CATCH_FRAME_INFO,
        &STOP_FRAME_INFO,
        &APPLY_FRAME_INFO,
        &crate::primops::MUT_VAR_INFO,
        &crate::primops::BIGINT_INFO,
        &PRIM_FRAME_INFO,
        &crate::primops::WEAK_INFO,
        &BLACKHOLE_LOST_INFO,
    ]
}

impl Checker<'_> {
    fn fail(&self, what: String) -> ! {
        eprintln!("bhc: GC sanity check failed: {what}");
        std::process::abort();
    }

    fn is_frame_info(info: *const InfoTable) -> bool {
        // SAFETY: only called on words already known to be info tables.
        matches!(
            unsafe { (*info).closure_type },
            ClosureType::RetBco
                | ClosureType::UpdateFrame
                | ClosureType::CatchFrame
                | ClosureType::StopFrame
                | ClosureType::ApplyFrame
                | ClosureType::PrimFrame
        )
    }

    /// A pointer field's value: a heap object start, or a static object with a known
    /// info table. Null is allowed (slots of code not yet linked).
    fn check_ptr(&self, w: Word, whence: &dyn Fn() -> String) {
        if w == 0 {
            return;
        }
        if (self.heap_lo..self.heap_hi).contains(&w) {
            if !self.starts.contains(&w) {
                self.fail(format!("{} points into the middle of a heap object ({w:#x})", whence()));
            }
            return;
        }
        if !self.cap.immortal.contains(w) {
            self.fail(format!("{} points outside the heap and the static area ({w:#x})", whence()));
        }
        // SAFETY: `w` is inside the static area, whose objects start with info pointers.
        let info = unsafe { *(w as *const Word) };
        if !self.infos.contains(&info) || Checker::is_frame_info(info as *const InfoTable) {
            self.fail(format!("{} points at a static word that is not an object ({w:#x})", whence()));
        }
    }

    /// # Safety
    /// `p` is a heap object start whose info pointer is known.
    unsafe fn check_object(&self, p: P) {
        let info = info(p);
        let name = (*info).name();
        let at = |i: usize| move || format!("field {i} of {name} at {:#x}", p as Word);
        match (*info).closure_type {
            ClosureType::Constr | ClosureType::Thunk => {
                for i in 0..(*info).layout.ptrs as usize {
                    self.check_ptr(*p.add(1 + i), &at(i));
                }
            }
            ClosureType::Pap | ClosureType::Ap | ClosureType::Blackhole => {
                let fun = *p.add(FUN_FIELD);
                self.check_ptr(fun, &at(0));
                if closure_type(fun as P) != ClosureType::Bco {
                    self.fail(format!("{name} at {:#x} applies a non-BCO", p as Word));
                }
                let n = *p.add(NARGS_FIELD);
                if bco_bitmap_len(fun as P) < n {
                    self.fail(format!("{name} at {:#x} has more args than its BCO", p as Word));
                }
                for i in 0..n {
                    if bitmap_bit((fun as P).add(BCO_BITMAP), i) {
                        self.check_ptr(*p.add(ARGS_FIELD + i), &at(ARGS_FIELD + i));
                    }
                }
            }
            ClosureType::Ind | ClosureType::MutVar => self.check_ptr(*p.add(1), &at(1)),
            ClosureType::Array => {
                for i in 0..*p.add(ARR_LEN) {
                    self.check_ptr(*p.add(ARR_DATA + i), &at(ARR_DATA + i));
                }
            }
            ClosureType::Weak => {
                for i in 1..crate::primops::WEAK_SIZE {
                    self.check_ptr(*p.add(i), &at(i));
                }
            }
            ClosureType::Bco | ClosureType::ByteArray => {}
            _ => self.fail(format!("a frame ({name}) in the heap at {:#x}", p as Word)),
        }
    }

    /// # Safety
    /// `sp..end` is the live stack.
    unsafe fn check_stack(&self, mut sp: P, end: P) {
        while sp < end {
            let info = *sp;
            if !self.infos.contains(&info) || !Checker::is_frame_info(info as *const InfoTable) {
                self.fail(format!("stack word {:#x} is not a frame", sp as Word));
            }
            let info = info as *const InfoTable;
            let name = (*info).name();
            let at = |i: usize| move || format!("word {i} of a {name} frame at {:#x}", sp as Word);
            match (*info).closure_type {
                ClosureType::RetBco => {
                    let bco = *sp.add(1);
                    self.check_ptr(bco, &at(1));
                    let n = bco_bitmap_len(bco as P);
                    for i in 0..n {
                        if bitmap_bit((bco as P).add(BCO_BITMAP), i) {
                            self.check_ptr(*sp.add(2 + i), &at(2 + i));
                        }
                    }
                    sp = sp.add(2 + n);
                }
                ClosureType::UpdateFrame | ClosureType::CatchFrame => {
                    self.check_ptr(*sp.add(1), &at(1));
                    sp = sp.add(2);
                }
                ClosureType::ApplyFrame => {
                    let n = *sp.add(1);
                    let k = bitmap_words(n);
                    for i in 0..n {
                        if bitmap_bit(sp.add(2), i) {
                            self.check_ptr(*sp.add(2 + k + i), &at(2 + k + i));
                        }
                    }
                    sp = sp.add(2 + k + n);
                }
                ClosureType::PrimFrame => {
                    for (i, rep) in frame_prim(sp).args().iter().enumerate() {
                        if *rep == PrimRep::Ptr {
                            self.check_ptr(*sp.add(PRIM_FRAME_HEADER + i), &at(PRIM_FRAME_HEADER + i));
                        }
                    }
                    sp = sp.add(prim_frame_size(sp));
                }
                _ => sp = sp.add(1),
            }
        }
    }
}

/// Check the heap from `start` to `hp`, the stack and the roots of `cap`.
pub(crate) fn check(cap: &Capability, start: P) {
    let mut infos: HashSet<Word> = static_infos()
        .iter()
        .map(|i| *i as *const InfoTable as Word)
        .collect();
    infos.extend(cap.immortal.con_infos());
    let mut checker = Checker {
        cap,
        heap_lo: start as Word,
        heap_hi: cap.hp as Word,
        starts: HashSet::new(),
        infos,
    };
    // SAFETY: the heap from `start` to `hp` is a sequence of objects just written by the
    // collector; each info pointer is checked before the object's size is read.
    unsafe {
        let mut p = start;
        while (p as Word) < checker.heap_hi {
            let info = *p;
            if !checker.infos.contains(&info) || Checker::is_frame_info(info as *const InfoTable) {
                checker.fail(format!("heap word {:#x} is not an object", p as Word));
            }
            checker.starts.insert(p as Word);
            p = p.add(object_size(p));
        }
        let mut p = start;
        while (p as Word) < checker.heap_hi {
            checker.check_object(p);
            p = p.add(object_size(p));
        }
        checker.check_stack(cap.sp, crate::stack::end_of(cap));
    }
    for &caf in &cap.globals.cafs {
        checker.check_ptr(caf, &|| format!("CAF {caf:#x}"));
        // SAFETY: CAFs are static objects with known info tables (checked just above).
        let ind = unsafe { closure_type(caf as P) == ClosureType::Ind };
        if ind {
            // SAFETY: an IND has its value in field 1.
            let value = unsafe { *(caf as P).add(IND_FIELD) };
            checker.check_ptr(value, &|| format!("the value of CAF {caf:#x}"));
        }
    }
    for (i, &h) in cap.handles.iter().enumerate() {
        checker.check_ptr(h, &|| format!("handle {i}"));
    }
    if cap.r1_is_ptr {
        checker.check_ptr(cap.r1, &|| "R1".to_string());
    }
}
