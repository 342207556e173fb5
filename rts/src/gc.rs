//! The garbage collector: a precise, moving, two-space copying collector (Cheney's
//! algorithm, so it never recurses on the Rust stack).
//!
//! Roots: every frame of the stack (described by its return info table), the CAF list
//! (linked top-level closures are static and point only at static objects, except
//! evaluated CAFs), the rooted handles, and `R1` when a heap check says it is a
//! pointer.
//! Indirections are short-circuited while copying. Objects outside the from-space
//! (immortal nullary constructors, null words of not-yet-linked slots) are left alone.
//! This module must not allocate on the Haskell heap or run Haskell code.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable};
use crate::object::*;
use crate::primops::{frame_prim, prim_frame_size, PrimRep, PRIM_FRAME_HEADER};
use crate::runtime::RtsError;
use crate::Word;

const FORWARDED: Word = 1;

struct Evacuator {
    lo: Word,
    hi: Word,
    free: P,
    copied: usize,
}

impl Evacuator {
    /// Copy the object `w` points at into to-space (once) and return its new address.
    ///
    /// # Safety
    /// `w` is null, outside the from-space, or points at an object in it.
    unsafe fn evacuate(&mut self, w: Word) -> Word {
        let mut q = w;
        loop {
            if q < self.lo || q >= self.hi {
                return q;
            }
            let p = q as P;
            let header = *p;
            if header & FORWARDED != 0 {
                return header & !FORWARDED;
            }
            let info = header as *const InfoTable;
            if (*info).closure_type == ClosureType::Ind {
                q = *p.add(IND_FIELD);
                continue;
            }
            let size = object_size(p);
            std::ptr::copy_nonoverlapping(p, self.free, size);
            let new = self.free as Word;
            self.free = self.free.add(size);
            self.copied += size;
            *p = new | FORWARDED;
            return new;
        }
    }

    /// # Safety
    /// `slot` is a valid word holding a root or a pointer field.
    #[inline]
    unsafe fn evacuate_slot(&mut self, slot: P) {
        *slot = self.evacuate(*slot);
    }

    /// Evacuate the words of `args` whose bit is set in `bitmap`.
    ///
    /// # Safety
    /// `args` has `n` words and `bitmap` at least `bitmap_words(n)` words.
    unsafe fn evacuate_bitmap(&mut self, args: P, n: usize, bitmap: *const Word) {
        for i in 0..n {
            if bitmap_bit(bitmap, i) {
                self.evacuate_slot(args.add(i));
            }
        }
    }

    /// Evacuate everything the to-space object at `p` points to; return its size.
    ///
    /// # Safety
    /// `p` points at an object already copied to to-space.
    unsafe fn scavenge(&mut self, p: P) -> usize {
        let info = info(p);
        match (*info).closure_type {
            ClosureType::Constr | ClosureType::Thunk => {
                for i in 0..(*info).layout.ptrs as usize {
                    self.evacuate_slot(p.add(1 + i));
                }
            }
            ClosureType::Pap | ClosureType::Ap | ClosureType::Blackhole => {
                self.evacuate_slot(p.add(FUN_FIELD));
                let fun = *p.add(FUN_FIELD) as P;
                let n = *p.add(NARGS_FIELD);
                self.evacuate_bitmap(p.add(ARGS_FIELD), n, fun.add(BCO_BITMAP));
            }
            ClosureType::Ind | ClosureType::MutVar => self.evacuate_slot(p.add(1)),
            ClosureType::Bco => {
                self.evacuate_slot(p.add(BCO_INSTRS));
                self.evacuate_slot(p.add(BCO_LITS));
                self.evacuate_slot(p.add(BCO_PTRS));
            }
            ClosureType::Array => {
                for i in 0..*p.add(ARR_LEN) {
                    self.evacuate_slot(p.add(ARR_DATA + i));
                }
            }
            ClosureType::ByteArray => {}
            _ => debug_assert!(false, "a frame info table on a heap object"),
        }
        object_size(p)
    }

    /// Evacuate the roots in the stack frames from `sp` to `end`.
    ///
    /// # Safety
    /// `sp..end` is a well-formed sequence of frames.
    unsafe fn scavenge_stack(&mut self, mut sp: P, end: P) {
        while sp < end {
            let info = *sp as *const InfoTable;
            match (*info).closure_type {
                ClosureType::RetBco => {
                    self.evacuate_slot(sp.add(1));
                    let bco = *sp.add(1) as P;
                    let n = bco_bitmap_len(bco);
                    self.evacuate_bitmap(sp.add(2), n, bco.add(BCO_BITMAP));
                    sp = sp.add(2 + n);
                }
                ClosureType::UpdateFrame | ClosureType::CatchFrame => {
                    self.evacuate_slot(sp.add(1));
                    sp = sp.add(2);
                }
                ClosureType::ApplyFrame => {
                    let n = *sp.add(1);
                    let k = bitmap_words(n);
                    self.evacuate_bitmap(sp.add(2 + k), n, sp.add(2));
                    sp = sp.add(2 + k + n);
                }
                ClosureType::PrimFrame => {
                    let prim = frame_prim(sp);
                    for (i, rep) in prim.args().iter().enumerate() {
                        if *rep == PrimRep::Ptr {
                            self.evacuate_slot(sp.add(PRIM_FRAME_HEADER + i));
                        }
                    }
                    sp = sp.add(prim_frame_size(sp));
                }
                _ => sp = sp.add(1),
            }
        }
    }
}

/// Copy the live data into a to-space of at least `target` words and make it the
/// allocation space.
fn copy_live(cap: &mut Capability, target: usize) {
    let heap = &mut cap.heap;
    if heap.spare.len() < target {
        heap.spare = Vec::new();
        heap.spare = vec![0; target];
    }
    let lo = heap.space.as_ptr() as Word;
    let hi = cap.hp as Word;
    let mut ev = Evacuator {
        lo,
        hi,
        free: heap.spare.as_mut_ptr(),
        copied: 0,
    };
    let to_start = ev.free;
    // SAFETY: every root is a word that is null, immortal, or points at a from-space
    // object; the stack from `sp` to its end is a sequence of frames (the scheduler
    // only collects when the stack top is framed); to-space is at least as large as
    // the used from-space, so copying cannot overrun it.
    unsafe {
        if cap.r1_is_ptr {
            cap.r1 = ev.evacuate(cap.r1);
        }
        for &caf in &cap.globals.cafs {
            let caf = caf as P;
            if (*info(caf)).closure_type == ClosureType::Ind {
                ev.evacuate_slot(caf.add(IND_FIELD));
            }
        }
        for h in cap.handles.iter_mut() {
            *h = ev.evacuate(*h);
        }
        let end = cap.stack.end();
        ev.scavenge_stack(cap.sp, end);
        let mut scan = to_start;
        while scan < ev.free {
            let size = ev.scavenge(scan);
            scan = scan.add(size);
        }
    }
    let heap = &mut cap.heap;
    std::mem::swap(&mut heap.space, &mut heap.spare);
    heap.stats.collections += 1;
    heap.stats.bytes_copied += (ev.copied * crate::options::WORD_BYTES) as u64;
    cap.hp = ev.free;
}

/// Collect so that at least `need` words are free, growing the heap when it is more
/// than half full. In stress mode the allocation limit is then set to exactly `need`
/// words, so that the next heap check collects again.
pub(crate) fn collect(cap: &mut Capability, need: usize) -> Result<(), RtsError> {
    let allocated = cap.hp as usize - cap.heap.alloc_mark as usize;
    cap.heap.stats.bytes_allocated += allocated as u64;
    let size = cap.heap.space.len();
    copy_live(cap, cap.heap.next_size.max(size));
    let live = |cap: &mut Capability| {
        (cap.hp as usize - cap.heap.start() as usize) / crate::options::WORD_BYTES
    };
    let size = cap.heap.space.len();
    let wanted = live(cap).saturating_add(need);
    if wanted.saturating_mul(2) > size {
        cap.heap.next_size = size
            .saturating_mul(2)
            .max(wanted.saturating_mul(2))
            .min(cap.heap.max_words);
        if wanted > size && cap.heap.next_size > size {
            copy_live(cap, cap.heap.next_size);
        }
    }
    cap.heap.alloc_mark = cap.hp;
    let end = cap.heap.end();
    if live(cap).saturating_add(need) > cap.heap.space.len() {
        cap.hp_lim = end;
        return Err(RtsError::HeapExhausted);
    }
    // SAFETY: `need` words are free after `hp` (checked just above).
    cap.hp_lim = if cap.heap.stress {
        unsafe { cap.hp.add(need) }
    } else {
        end
    };
    Ok(())
}
