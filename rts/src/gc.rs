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
            // A thunk under evaluation needs nothing it captured (its code has it on
            // the stack): dropping the arguments plugs the leak of a thunk retaining a
            // list it is consuming. It can then no longer be undone into its thunk.
            ClosureType::Blackhole => {
                self.evacuate_slot(p.add(FUN_FIELD));
                let n = *p.add(NARGS_FIELD);
                if n > 0 {
                    std::ptr::write_bytes(p.add(ARGS_FIELD), 0, n);
                    *p = crate::native::word(&crate::native::BLACKHOLE_LOST_INFO);
                }
            }
            ClosureType::Pap | ClosureType::Ap => {
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
            // Traced by the weak-pointer pass, once its key is known to be alive.
            ClosureType::ByteArray | ClosureType::Weak => {}
            _ => debug_assert!(false, "a frame info table on a heap object"),
        }
        object_size(p)
    }

    /// Scavenge to-space from `scan` until nothing is left to copy.
    ///
    /// # Safety
    /// `scan` is an object start in to-space at or before `free`.
    unsafe fn drain(&mut self, scan: &mut P) {
        while *scan < self.free {
            let size = self.scavenge(*scan);
            *scan = scan.add(size);
        }
    }

    /// Where the object `w` lives after this collection if it is already known to be
    /// alive (copied, or outside from-space), following indirections; `None` if it has
    /// not been reached (yet).
    ///
    /// # Safety
    /// As for `evacuate`.
    unsafe fn reached(&self, w: Word) -> Option<Word> {
        let mut q = w;
        loop {
            if q < self.lo || q >= self.hi {
                return Some(q);
            }
            let header = *(q as P);
            if header & FORWARDED != 0 {
                return Some(header & !FORWARDED);
            }
            if (*(header as *const InfoTable)).closure_type != ClosureType::Ind {
                return None;
            }
            q = *(q as P).add(IND_FIELD);
        }
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

/// The weak-pointer pass, after everything strongly reachable is copied: a weak
/// pointer whose key was reached keeps its value and finalizer (which may reach more
/// keys, so this repeats until nothing changes); the others are killed and their
/// finalizers queued (and kept alive) to run when the computation ends.
///
/// # Safety
/// Called from `copy_live` with its evacuator, after the roots are scavenged.
unsafe fn trace_weaks(cap: &mut Capability, ev: &mut Evacuator, scan: &mut P) {
    use crate::primops::{WEAK_FINALIZER, WEAK_KEY, WEAK_VALUE};
    let mut pending = std::mem::take(&mut cap.weaks);
    let mut live = Vec::new();
    loop {
        let before = live.len();
        pending.retain(|&w| match ev.reached(*(w as P).add(WEAK_KEY)) {
            Some(key) => {
                let copy = ev.evacuate(w) as P;
                *copy.add(WEAK_KEY) = key;
                ev.evacuate_slot(copy.add(WEAK_VALUE));
                ev.evacuate_slot(copy.add(WEAK_FINALIZER));
                live.push(copy as Word);
                false
            }
            None => true,
        });
        ev.drain(scan);
        if live.len() == before {
            break;
        }
    }
    for w in pending {
        let original = w as P;
        let finalizer = *original.add(WEAK_FINALIZER);
        let copies = [Some(w), ev.reached(w)];
        for obj in copies.into_iter().flatten() {
            let obj = obj as P;
            *obj.add(WEAK_KEY) = 0;
            *obj.add(WEAK_VALUE) = 0;
            *obj.add(WEAK_FINALIZER) = 0;
        }
        if finalizer != 0 {
            let f = ev.evacuate(finalizer);
            cap.finalizers.push(f);
        }
    }
    ev.drain(scan);
    cap.weaks = live;
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
        let roots = cap
            .handles
            .iter_mut()
            .chain(cap.finalizers.iter_mut())
            .chain(cap.stable.entries.iter_mut());
        for h in roots {
            *h = ev.evacuate(*h);
        }
        let end = cap.stack.end();
        ev.scavenge_stack(cap.sp, end);
        let mut scan = to_start;
        ev.drain(&mut scan);
        trace_weaks(cap, &mut ev, &mut scan);
    }
    let heap = &mut cap.heap;
    std::mem::swap(&mut heap.space, &mut heap.spare);
    if heap.sanity {
        cap.hp = ev.free;
        crate::sanity::check(cap, to_start);
    }
    let heap = &mut cap.heap;
    heap.stats.collections += 1;
    heap.stats.bytes_copied += (ev.copied * crate::options::WORD_BYTES) as u64;
    cap.hp = ev.free;
}

/// Collect so that at least `need` words are free, growing the heap when it is more
/// than half full. In stress mode the allocation limit is then set to exactly `need`
/// words, so that the next heap check collects again.
pub(crate) fn collect(cap: &mut Capability, need: usize) -> Result<(), RtsError> {
    let started = std::time::Instant::now();
    let copied_before = cap.heap.stats.bytes_copied;
    let allocated = cap.hp as usize - cap.heap.alloc_mark as usize;
    cap.heap.stats.bytes_allocated += allocated as u64;
    let result = collect_inner(cap, need);
    let live_bytes = (cap.hp as usize - cap.heap.start() as usize) as u64;
    let stats = &mut cap.heap.stats;
    stats.max_live_bytes = stats.max_live_bytes.max(live_bytes);
    let took = started.elapsed();
    stats.gc_time += took;
    if cap.heap.stats_mode == crate::options::StatsMode::Verbose {
        eprintln!(
            "{:>12} {:>12} {:>12} {:>8.4}s",
            allocated,
            cap.heap.stats.bytes_copied - copied_before,
            live_bytes,
            took.as_secs_f64()
        );
    }
    result
}

fn collect_inner(cap: &mut Capability, need: usize) -> Result<(), RtsError> {
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
