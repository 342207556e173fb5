//! The sanity checker (`BHC_GC_SANITY=1`, like GHC's `-DS`): after every collection it
//! visits every object reachable from the roots and every stack frame, and checks that
//! each info pointer is a known info table, each pointer field points at a heap object
//! of the aging step or the old generation (the nursery is empty after a collection)
//! or at a static object, and every old object pointing into generation 0 is in the
//! remembered set. It traverses rather than walking blocks linearly because an old
//! thunk updated in place leaves slop after its indirection. A failure is a bug in the runtime or the byte-code
//! compiler: it is reported with the object and field and the process aborts, close to
//! where the heap was corrupted. This module only reads.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable};
use crate::native::*;
use crate::object::*;
use crate::primops::{frame_prim, prim_frame_size, PrimRep, PRIM_FRAME_HEADER, PRIM_FRAME_INFO};
use crate::heap::{AGING, OLD};
use crate::Word;
use std::collections::HashSet;

pub(crate) fn enabled_from_env() -> bool {
    std::env::var("BHC_GC_SANITY").is_ok_and(|v| v == "1")
}

struct Checker<'a> {
    cap: &'a Capability,
    infos: HashSet<Word>,
    /// Heap objects already queued.
    seen: HashSet<Word>,
    queue: Vec<Word>,
}

fn static_infos() -> [&'static InfoTable; 22] {
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
        &crate::barrier::MUT_VAR_DIRTY_INFO,
        &crate::barrier::ARRAY_DIRTY_INFO,
        &crate::stack::UNDERFLOW_FRAME_INFO,
    ]
}

impl Checker<'_> {
    fn fail(&self, what: impl std::fmt::Display) -> ! {
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
                | ClosureType::UnderflowFrame
                | ClosureType::ApplyFrame
                | ClosureType::PrimFrame
        )
    }

    /// A pointer field's value: a heap object of the aging step or the old generation
    /// (queued to be checked in turn), or a static object with a known info table.
    /// Null is allowed (slots of code not yet linked).
    fn check_ptr(&mut self, w: Word, whence: &dyn Fn() -> String) {
        if w == 0 {
            return;
        }
        let heap = &self.cap.heap;
        if heap.blocks.is_heap(w) {
            // SAFETY: `w` is in the reservation; a committed block's descriptor is
            // readable, and `heap_block_ok` checks the block is in use before the
            // object's word is read.
            unsafe {
                if !heap_block_ok(heap, w) {
                    self.fail(format!(
                        "{} points outside the objects of the aging step and the old generation ({w:#x})",
                        whence()
                    ));
                }
                self.check_info(w as P);
            }
            if self.seen.insert(w) {
                self.queue.push(w);
            }
            return;
        }
        if !self.cap.statics.contains(w) {
            self.fail(format!("{} points outside the heap and the static area ({w:#x})", whence()));
        }
        // SAFETY: `w` is inside the static area, whose objects start with info pointers.
        let info = unsafe { *(w as *const Word) };
        if !self.infos.contains(&info) || Checker::is_frame_info(info as *const InfoTable) {
            self.fail(format!("{} points at a static word that is not an object ({w:#x})", whence()));
        }
    }

    /// # Safety
    /// `p` is a heap address holding a word.
    unsafe fn check_info(&self, p: P) {
        let info = *p;
        if !self.infos.contains(&info) || Checker::is_frame_info(info as *const InfoTable) {
            self.fail(format!("heap word {:#x} is not an object", p as Word));
        }
    }

    /// # Safety
    /// `p` is a heap object start whose info pointer is known.
    unsafe fn check_object(&mut self, p: P) {
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
    unsafe fn check_stack(&mut self, mut sp: P, end: P) {
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

/// Whether `w` lies in a block group in use by the aging step or the old generation,
/// below the group's fill mark (or at the start of a large object).
///
/// # Safety
/// `w` is inside the heap's reservation.
unsafe fn heap_block_ok(heap: &crate::heap::Heap, w: Word) -> bool {
    let committed = heap.blocks.group_of(w).0 < heap.blocks.committed_limit();
    if !committed {
        return false;
    }
    let d = heap.blocks.desc(w);
    let head = (*d).blocks != 0;
    let in_space = (*d).space == AGING || (*d).space == OLD;
    let large = (*d).flags & crate::block::FLAG_LARGE != 0;
    in_space
        && head
        && if large {
            w == heap.blocks.start(heap.blocks.group_of(w)) as Word
        } else {
            w < (*d).free
        }
}

/// Check everything reachable from the roots of `cap` and its stack, and the
/// generational invariant.
pub(crate) fn check(cap: &Capability) {
    let mut infos: HashSet<Word> = static_infos()
        .iter()
        .map(|i| *i as *const InfoTable as Word)
        .collect();
    infos.extend(cap.statics.con_infos());
    let mut checker = Checker {
        cap,
        infos,
        seen: HashSet::new(),
        queue: Vec::new(),
    };
    for (sp, end, _) in crate::stack::segments(&cap.stack, cap.sp) {
        // SAFETY: each segment of the stack is a sequence of frames at a collection.
        unsafe { checker.check_stack(sp, end) };
    }
    for caf in cap.statics.arenas.root_cafs(true) {
        checker.check_ptr(caf, &|| format!("CAF {caf:#x}"));
        // SAFETY: CAFs are static objects with known info tables (checked just above).
        let ind = unsafe { closure_type(caf as P) == ClosureType::Ind };
        if ind {
            // SAFETY: an IND has its value in field 1.
            let value = unsafe { *(caf as P).add(IND_FIELD) };
            checker.check_ptr(value, &|| format!("the value of CAF {caf:#x}"));
        }
    }
    let roots = [
        ("handle", &cap.handles),
        ("weak pointer", &cap.weaks),
        ("finalizer", &cap.finalizers),
        ("stable pointer", &cap.stable.entries),
        ("remembered object", &cap.heap.remembered),
    ];
    for (what, list) in roots {
        for (i, &w) in list.iter().enumerate() {
            checker.check_ptr(w, &|| format!("{what} {i}"));
        }
    }
    if cap.r1_is_ptr {
        checker.check_ptr(cap.r1, &|| "R1".to_string());
    }
    let old = &cap.heap.spaces[OLD as usize];
    let old_blocks: usize = old.groups.iter().chain(&old.large).map(|&g| cap.heap.blocks.blocks(g)).sum();
    if old_blocks != cap.heap.old_blocks() {
        checker.fail(format!("the old generation has {old_blocks} blocks, counted {}", cap.heap.old_blocks()));
    }
    let remembered: HashSet<Word> = cap.heap.remembered.iter().copied().collect();
    while let Some(w) = checker.queue.pop() {
        let p = w as P;
        // SAFETY: queued objects passed `check_ptr`: heap objects with known info tables.
        unsafe {
            checker.check_object(p);
            let old = (*cap.heap.blocks.desc(w)).space == OLD;
            let weak = closure_type(p) == ClosureType::Weak;
            if old && !weak && points_young(&cap.heap, p) && !remembered.contains(&w) {
                checker.fail(format!(
                    "old {} at {w:#x} points into generation 0 but is not remembered",
                    (*info(p)).name()
                ));
            }
        }
    }
}

/// Whether any pointer field of the object at `p` points at a heap object in
/// generation 0.
///
/// # Safety
/// `p` is a checked heap object.
unsafe fn points_young(heap: &crate::heap::Heap, p: P) -> bool {
    let young = |w: Word| {
        // SAFETY: fields were checked to be null, static or heap object starts.
        heap.blocks.is_heap(w) && unsafe { (*heap.blocks.desc(w)).space } < OLD
    };
    let info = info(p);
    match (*info).closure_type {
        ClosureType::Constr | ClosureType::Thunk => {
            (0..(*info).layout.ptrs as usize).any(|i| young(*p.add(1 + i)))
        }
        ClosureType::Pap | ClosureType::Ap | ClosureType::Blackhole => {
            let fun = *p.add(FUN_FIELD);
            young(fun)
                || (0..*p.add(NARGS_FIELD)).any(|i| {
                    bitmap_bit((fun as P).add(BCO_BITMAP), i) && young(*p.add(ARGS_FIELD + i))
                })
        }
        ClosureType::Ind | ClosureType::MutVar => young(*p.add(1)),
        ClosureType::Array => (0..*p.add(ARR_LEN)).any(|i| young(*p.add(ARR_DATA + i))),
        _ => false,
    }
}
