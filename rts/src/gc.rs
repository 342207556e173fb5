//! The garbage collector: precise, moving and generational, over the block-structured
//! heap of `heap` and `block` (Cheney's algorithm per destination space, so it never
//! recurses on the Rust stack).
//!
//! A minor collection copies the nursery's live objects into the aging step and the
//! aging step's into the old generation; a major one also copies the old generation
//! into itself. Objects reached from the old generation are found through the
//! remembered set, which the write barriers fill and the collector rebuilds from
//! promoted objects that still point at generation 0. Large objects are never copied:
//! their block groups move from space to space.
//!
//! Roots: every frame of the stack (described by its return info table), the CAF list
//! (linked top-level closures are static and point only at static objects, except
//! evaluated CAFs), the rooted handles, stable pointers, pending finalizers, and `R1`
//! when a heap check says it is a pointer. Indirections are short-circuited while
//! copying. This module must not allocate on the Haskell heap or run Haskell code.

use crate::block::{BlockAllocator, Group, BLOCK_WORDS, FLAG_LARGE, FLAG_LIVE, FLAG_TO_SPACE};
use crate::capability::Capability;
use crate::heap::{Heap, AGING, LARGE_WORDS, NURSERY, OLD};
use crate::info::{ClosureType, InfoTable};
use crate::object::*;
use crate::primops::{frame_prim, prim_frame_size, PrimRep, PRIM_FRAME_HEADER};
use crate::runtime::RtsError;
use crate::unload::UnloadScan;
use crate::Word;

const FORWARDED: Word = 1;

/// Where objects copied into one space go.
struct ToSpace {
    space: u8,
    groups: Vec<Group>,
    free: P,
    lim: P,
    /// The group being scanned and the next object in it.
    scan_group: usize,
    scan: P,
}

impl ToSpace {
    fn new(space: u8) -> ToSpace {
        ToSpace {
            space,
            groups: Vec::new(),
            free: std::ptr::null_mut(),
            lim: std::ptr::null_mut(),
            scan_group: 0,
            scan: std::ptr::null_mut(),
        }
    }
}

struct Evacuator<'a> {
    blocks: &'a mut BlockAllocator,
    /// Spaces up to this one are being collected.
    max_space: u8,
    /// To-spaces for the aging step and the old generation.
    to: [ToSpace; 2],
    /// Large objects found alive, to be scavenged.
    large_scan: Vec<P>,
    /// The remembered set being rebuilt.
    remembered: Vec<Word>,
    /// Scavenging an old object: note whether a field still points into generation 0.
    scav_old: bool,
    failed_to_promote: bool,
    copied: usize,
    /// At a major collection while code is pending unload: what it reaches.
    unload: Option<UnloadScan>,
}

/// The space an object moves to when it survives a collection.
fn next_space(space: u8) -> u8 {
    (space + 1).min(OLD)
}

impl Evacuator<'_> {
    /// Reserve `size` words in the to-space for `space` and return them.
    ///
    /// # Safety
    /// The allocator has room (checked before the collection started).
    unsafe fn to_space_alloc(&mut self, space: u8, size: usize) -> P {
        let to = &mut self.to[(space - AGING) as usize];
        if (to.lim as usize - to.free as usize) / crate::options::WORD_BYTES < size {
            if let Some(&last) = to.groups.last() {
                (*self.blocks.block_desc(last.0)).free = to.free as Word;
            }
            let blocks = size.div_ceil(BLOCK_WORDS);
            let g = match self.blocks.alloc_group(blocks, space, FLAG_TO_SPACE) {
                Some(g) => g,
                None => {
                    eprintln!("bhc: out of memory while collecting garbage");
                    std::process::abort();
                }
            };
            to.groups.push(g);
            to.free = self.blocks.start(g);
            to.lim = self.blocks.end(g);
            if to.groups.len() == 1 {
                to.scan = to.free;
            }
        }
        let p = to.free;
        to.free = p.add(size);
        p
    }

    #[inline(always)]
    fn note_space(&mut self, space: u8) {
        if self.scav_old && space < OLD {
            self.failed_to_promote = true;
        }
    }

    /// Copy (or, for a large object, keep) the object `w` points at, once, and return
    /// its address after the collection.
    ///
    /// # Safety
    /// `w` is null, static, or points at a heap object.
    unsafe fn evacuate(&mut self, w: Word) -> Word {
        let mut q = w;
        loop {
            if !self.blocks.is_heap(q) {
                if let Some(scan) = &mut self.unload {
                    scan.note(q);
                }
                return q;
            }
            let d = self.blocks.desc(q);
            if (*d).space > self.max_space || (*d).flags & FLAG_TO_SPACE != 0 {
                self.note_space((*d).space);
                return q;
            }
            let p = q as P;
            let header = *p;
            if header & FORWARDED != 0 {
                let new = header & !FORWARDED;
                self.note_space((*self.blocks.desc(new)).space);
                return new;
            }
            let info = header as *const InfoTable;
            if (*info).closure_type == ClosureType::Ind {
                q = *p.add(IND_FIELD);
                continue;
            }
            if (*d).flags & FLAG_LARGE != 0 {
                if (*d).flags & FLAG_LIVE == 0 {
                    let g = self.blocks.group_of(q);
                    let dest = next_space((*d).space);
                    for b in g.0..g.0 + self.blocks.blocks(g) as u32 {
                        let bd = self.blocks.block_desc(b);
                        (*bd).space = dest;
                        (*bd).flags |= FLAG_LIVE;
                    }
                    self.large_scan.push(p);
                }
                self.note_space((*d).space);
                return q;
            }
            let dest = next_space((*d).space);
            let size = object_size(p);
            let new = self.to_space_alloc(dest, size);
            std::ptr::copy_nonoverlapping(p, new, size);
            self.copied += size;
            *p = new as Word | FORWARDED;
            self.note_space(dest);
            return new as Word;
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

    /// Scavenge the object at `p`, which lives in `space`: evacuate what it points to,
    /// and remember it if it is old and still points into generation 0. Returns its size.
    ///
    /// # Safety
    /// `p` points at a copied, large or remembered object.
    unsafe fn scavenge_in(&mut self, p: P, space: u8) -> usize {
        self.scav_old = space == OLD;
        self.failed_to_promote = false;
        let size = self.scavenge(p);
        if self.scav_old {
            crate::barrier::set_dirty(p, self.failed_to_promote);
            if self.failed_to_promote {
                self.remembered.push(p as Word);
            }
        }
        self.scav_old = false;
        size
    }

    /// Evacuate everything the object at `p` points to; return its size.
    ///
    /// # Safety
    /// `p` points at an object that has been copied or is otherwise known alive.
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

    /// Scavenge the to-spaces and the large objects found alive until nothing is left
    /// to copy.
    ///
    /// # Safety
    /// Every to-space object before its scan pointer has been scavenged.
    unsafe fn drain(&mut self) {
        loop {
            let mut progress = false;
            for i in 0..2 {
                while let Some(p) = self.next_to_scan(i) {
                    let space = self.to[i].space;
                    let size = self.scavenge_in(p, space);
                    self.to[i].scan = p.add(size);
                    progress = true;
                }
            }
            while let Some(p) = self.large_scan.pop() {
                let space = (*self.blocks.desc(p as Word)).space;
                self.scavenge_in(p, space);
                progress = true;
            }
            match self.unload.as_mut().and_then(UnloadScan::next_caf) {
                Some(caf) => self.evacuate_caf(caf as P),
                None if !progress => return,
                None => {}
            }
        }
    }

    /// The next unscanned object of to-space `i`, moving the scan pointer across groups.
    ///
    /// # Safety
    /// The to-space's groups are packed with copied objects up to their ends.
    unsafe fn next_to_scan(&mut self, i: usize) -> Option<P> {
        let to = &mut self.to[i];
        loop {
            let g = *to.groups.get(to.scan_group)?;
            let last = to.scan_group + 1 == to.groups.len();
            let end = if last { to.free } else { (*self.blocks.block_desc(g.0)).free as P };
            if to.scan < end {
                return Some(to.scan);
            }
            if last {
                return None;
            }
            to.scan_group += 1;
            to.scan = self.blocks.start(to.groups[to.scan_group]);
        }
    }

    /// Where the object `w` lives after this collection if it is already known to be
    /// alive (copied, kept, or not being collected), following indirections; `None`
    /// if it has not been reached (yet).
    ///
    /// # Safety
    /// As for `evacuate`.
    unsafe fn reached(&mut self, w: Word) -> Option<Word> {
        let mut q = w;
        loop {
            if !self.blocks.is_heap(q) {
                if let Some(scan) = &mut self.unload {
                    scan.note(q);
                }
                return Some(q);
            }
            let d = self.blocks.desc(q);
            if (*d).space > self.max_space || (*d).flags & FLAG_TO_SPACE != 0 {
                return Some(q);
            }
            if (*d).flags & FLAG_LARGE != 0 {
                return ((*d).flags & FLAG_LIVE != 0).then_some(q);
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

    /// A CAF is a root through its value once evaluated.
    ///
    /// # Safety
    /// `caf` is a static CAF.
    unsafe fn evacuate_caf(&mut self, caf: P) {
        if (*info(caf)).closure_type == ClosureType::Ind {
            self.evacuate_slot(caf.add(IND_FIELD));
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

    /// Record where each to-space's last group ends and clear the to-space marks.
    fn finish(&mut self) -> [Vec<Group>; 2] {
        let mut out = [Vec::new(), Vec::new()];
        for (i, to) in self.to.iter_mut().enumerate() {
            for &g in &to.groups {
                for b in g.0..g.0 + self.blocks.blocks(g) as u32 {
                    // SAFETY: the to-space groups are committed.
                    unsafe { (*self.blocks.block_desc(b)).flags &= !FLAG_TO_SPACE };
                }
            }
            if let Some(&last) = to.groups.last() {
                // SAFETY: as above.
                unsafe { (*self.blocks.block_desc(last.0)).free = to.free as Word };
            }
            out[i] = std::mem::take(&mut to.groups);
        }
        out
    }
}

/// The weak-pointer pass, after everything strongly reachable is copied: a weak
/// pointer whose key was reached keeps its value and finalizer (which may reach more
/// keys, so this repeats until nothing changes); the others are killed and their
/// finalizers queued (and kept alive) to run when the computation ends.
///
/// # Safety
/// Called from `collect_spaces` with its evacuator, after the roots are scavenged.
unsafe fn trace_weaks(weaks: &mut Vec<Word>, finalizers: &mut Vec<Word>, ev: &mut Evacuator) {
    use crate::primops::{WEAK_FINALIZER, WEAK_KEY, WEAK_VALUE};
    let mut pending = std::mem::take(weaks);
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
        ev.drain();
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
            finalizers.push(f);
        }
    }
    ev.drain();
    *weaks = live;
}

/// Blocks a collection of spaces up to `max_space` may need for copying.
fn worst_case_blocks(heap: &Heap, max_space: u8) -> usize {
    let nursery: usize = heap
        .nursery
        .iter()
        .chain(&heap.nursery_extra)
        .map(|&g| heap.blocks.blocks(g))
        .sum();
    let spaces: usize = heap.spaces[AGING as usize..=max_space as usize]
        .iter()
        .flat_map(|s| &s.groups)
        .map(|&g| heap.blocks.blocks(g))
        .sum();
    nursery + spaces + 2
}

/// Copy the live objects of spaces up to `max_space` (`AGING` for a minor collection,
/// `OLD` for a major one) and free what they leave. Returns the words copied and the
/// words of large objects kept.
fn collect_spaces(cap: &mut Capability, max_space: u8) -> usize {
    let heap = &mut cap.heap;
    let old_remembered = std::mem::take(&mut heap.remembered);
    let mut ev = Evacuator {
        blocks: &mut heap.blocks,
        max_space,
        to: [ToSpace::new(AGING), ToSpace::new(OLD)],
        large_scan: Vec::new(),
        remembered: Vec::new(),
        scav_old: false,
        failed_to_promote: false,
        copied: 0,
        unload: if max_space == OLD { UnloadScan::begin(&cap.statics.arenas) } else { None },
    };
    // SAFETY: every root is a word that is null, static, or points at a heap object;
    // the stack from `sp` to its end is a sequence of frames (the scheduler only
    // collects when the stack top is framed); the remembered set holds old objects,
    // which do not move in a minor collection; the caller checked that the block
    // allocator can supply the worst case of copying.
    unsafe {
        if cap.r1_is_ptr {
            cap.r1 = ev.evacuate(cap.r1);
        }
        if max_space < OLD {
            for &obj in &old_remembered {
                ev.scavenge_in(obj as P, OLD);
            }
        }
        for caf in cap.statics.arenas.root_cafs(ev.unload.is_none()) {
            ev.evacuate_caf(caf as P);
        }
        let roots = cap
            .handles
            .iter_mut()
            .chain(cap.finalizers.iter_mut())
            .chain(cap.stable.entries.iter_mut());
        for h in roots {
            *h = ev.evacuate(*h);
        }
        for (sp, end, dirty) in crate::stack::segments(&cap.stack, cap.sp) {
            if dirty || max_space == OLD {
                ev.scavenge_stack(sp, end);
            }
        }
        crate::stack::note_scanned(&mut cap.stack);
        ev.drain();
        trace_weaks(&mut cap.weaks, &mut cap.finalizers, &mut ev);
    }
    let [aging, old] = ev.finish();
    let copied = ev.copied;
    let remembered = std::mem::take(&mut ev.remembered);
    let unload = ev.unload.take();
    drop(ev);
    if let Some(scan) = unload {
        scan.finish(&mut cap.statics.arenas);
    }
    for g in std::mem::take(&mut heap.nursery_extra) {
        heap.blocks.free_group(g);
    }
    for g in std::mem::replace(&mut heap.spaces[AGING as usize].groups, aging) {
        heap.blocks.free_group(g);
    }
    let promoted: usize = old.iter().map(|&g| heap.blocks.blocks(g)).sum();
    if max_space == OLD {
        heap.old_gen_blocks = promoted;
        for g in std::mem::replace(&mut heap.spaces[OLD as usize].groups, old) {
            heap.blocks.free_group(g);
        }
    } else {
        heap.old_gen_blocks += promoted;
        heap.spaces[OLD as usize].groups.extend(old);
    }
    sweep_large_objects(heap, max_space);
    heap.remembered = remembered;
    copied
}

/// Free the large objects of the collected spaces that were not found alive, and file
/// the living ones under the space they moved to.
fn sweep_large_objects(heap: &mut Heap, max_space: u8) {
    let mut moved: [Vec<Group>; 3] = Default::default();
    for space in NURSERY..=max_space {
        for g in std::mem::take(&mut heap.spaces[space as usize].large) {
            let head = heap.blocks.start(g) as Word;
            // SAFETY: the group's descriptors are committed.
            let (flags, to) = unsafe {
                let d = heap.blocks.desc(head);
                ((*d).flags, (*d).space)
            };
            if flags & FLAG_LIVE == 0 {
                heap.blocks.free_group(g);
                continue;
            }
            for b in g.0..g.0 + heap.blocks.blocks(g) as u32 {
                // SAFETY: as above.
                unsafe { (*heap.blocks.block_desc(b)).flags &= !FLAG_LIVE };
            }
            moved[to as usize].push(g);
        }
    }
    heap.old_gen_blocks += moved[OLD as usize].iter().map(|&g| heap.blocks.blocks(g)).sum::<usize>();
    for (space, groups) in moved.into_iter().enumerate() {
        heap.spaces[space].large.extend(groups);
    }
}

/// Collect: a major collection when asked for, when the old generation has outgrown
/// its limit (or, under stress, every fourth time), else a minor one. Afterwards the
/// nursery is empty and at least `need` words are free in it.
pub(crate) fn collect(cap: &mut Capability, need: usize, major: bool) -> Result<(), RtsError> {
    let started = std::time::Instant::now();
    let cpu_started = crate::clock::cpu_time();
    account_allocation(cap);
    let heap = &mut cap.heap;
    let mut major = major || heap.old_blocks() > heap.old_limit;
    if heap.stress {
        heap.stress_count += 1;
        major |= heap.stress_count.is_multiple_of(4);
    }
    let max_space = if major { OLD } else { AGING };
    if !heap.blocks.can_supply(worst_case_blocks(heap, max_space)) {
        return Err(RtsError::HeapExhausted);
    }
    let copied = collect_spaces(cap, max_space);
    let heap = &mut cap.heap;
    heap.large_since_gc = 0;
    heap.stats.collections += 1;
    heap.stats.bytes_copied += (copied * crate::options::WORD_BYTES) as u64;
    if major {
        heap.stats.major_collections += 1;
        let live_blocks = heap.old_and_aging_blocks();
        let large_blocks: usize = heap.spaces[AGING as usize..]
            .iter()
            .flat_map(|s| &s.large)
            .map(|&g| heap.blocks.blocks(g))
            .sum();
        let live_bytes = (copied * crate::options::WORD_BYTES
            + large_blocks * crate::block::BLOCK_BYTES) as u64;
        heap.stats.max_live_bytes = heap.stats.max_live_bytes.max(live_bytes);
        let grown = (live_blocks as f64 * heap.old_gen_factor) as usize;
        heap.old_limit = grown.max(crate::block::BLOCKS_PER_MBLOCK);
        let nursery = heap.nursery_words().div_ceil(BLOCK_WORDS);
        heap.blocks.return_memory(live_blocks.max(nursery));
    }
    let took = started.elapsed();
    let cpu = crate::clock::cpu_time().saturating_sub(cpu_started);
    heap.stats.gc_elapsed += took;
    heap.stats.gc_time += cpu;
    if major {
        heap.stats.major_gc_time += cpu;
    }
    if heap.stats_mode == crate::options::StatsMode::Verbose {
        eprintln!(
            "{:>12} {:>12} {:>12} {:>8.4}s {:>6}",
            heap.stats.bytes_allocated - heap.allocated_at_last_gc,
            copied * crate::options::WORD_BYTES,
            heap.old_and_aging_blocks() * crate::block::BLOCK_BYTES,
            took.as_secs_f64(),
            u8::from(major)
        );
    }
    heap.allocated_at_last_gc = heap.stats.bytes_allocated;
    if heap.sanity {
        crate::sanity::check(cap);
    }
    let heap = &mut cap.heap;
    let in_use = heap.blocks.blocks_in_use;
    let over = in_use + need.div_ceil(BLOCK_WORDS) > heap.max_blocks;
    if over && !major {
        return collect(cap, need, true);
    }
    reset_nursery(cap, need);
    if over {
        return Err(RtsError::HeapExhausted);
    }
    Ok(())
}

/// Add the words allocated in the current chunk to the statistics.
fn account_allocation(cap: &mut Capability) {
    let heap = &mut cap.heap;
    heap.stats.bytes_allocated += (cap.hp as usize - heap.chunk_start as usize) as u64;
    heap.chunk_start = cap.hp;
}

/// Start allocating at the beginning of the nursery, with room for `need` words (a
/// group of its own if no chunk is that large); under stress, with room for exactly
/// `need` words so that the next heap check collects again.
fn reset_nursery(cap: &mut Capability, need: usize) {
    let heap = &mut cap.heap;
    heap.nursery_next = 1;
    if heap.stats.collections >= crate::heap::NURSERY_WARM_UP {
        heap.nursery_in_use = heap.nursery.len();
    }
    let mut chunk = heap.nursery[0];
    if heap.blocks.blocks(chunk) * BLOCK_WORDS < need {
        if let Some(g) = heap.blocks.alloc_group(need.div_ceil(BLOCK_WORDS), NURSERY, 0) {
            heap.nursery_extra.push(g);
            heap.nursery_next = 0;
            chunk = g;
        }
    }
    cap.hp = heap.blocks.start(chunk);
    heap.chunk_start = cap.hp;
    let end = heap.blocks.end(chunk);
    cap.hp_lim = if heap.stress && need <= heap.blocks.blocks(chunk) * BLOCK_WORDS {
        // SAFETY: the chunk has at least `need` words.
        unsafe { cap.hp.add(need) }
    } else {
        end
    };
}

/// The heap-check path: move to the next nursery chunk with room for `need` words, or
/// collect when the nursery is used up.
pub(crate) fn make_room(cap: &mut Capability, need: usize) -> Result<(), RtsError> {
    if !cap.heap.stress && cap.heap.large_since_gc < cap.heap.nursery_words() {
        account_allocation(cap);
        let heap = &mut cap.heap;
        while heap.nursery_next < heap.nursery_in_use {
            let chunk = heap.nursery[heap.nursery_next];
            heap.nursery_next += 1;
            if heap.blocks.blocks(chunk) * BLOCK_WORDS >= need {
                cap.hp = heap.blocks.start(chunk);
                cap.hp_lim = heap.blocks.end(chunk);
                heap.chunk_start = cap.hp;
                return Ok(());
            }
        }
    }
    collect(cap, need, false)
}

/// The out-of-line allocation path for large objects: a block group of its own in the
/// nursery space, never copied. Collects first when large allocations have used up
/// the nursery's worth since the last collection.
pub(crate) fn allocate_large(cap: &mut Capability, words: usize) -> Result<P, RtsError> {
    let heap = &cap.heap;
    if heap.stress || heap.large_since_gc.saturating_add(words) > heap.nursery_words() {
        collect(cap, 0, false)?;
    }
    let heap = &mut cap.heap;
    let blocks = words.div_ceil(BLOCK_WORDS);
    if heap.blocks.blocks_in_use.saturating_add(blocks) > heap.max_blocks {
        collect(cap, 0, true)?;
    }
    let heap = &mut cap.heap;
    if heap.blocks.blocks_in_use.saturating_add(blocks) > heap.max_blocks {
        return Err(RtsError::HeapExhausted);
    }
    let g = heap
        .blocks
        .alloc_group(blocks, NURSERY, FLAG_LARGE)
        .ok_or(RtsError::HeapExhausted)?;
    heap.spaces[NURSERY as usize].large.push(g);
    heap.large_since_gc += words;
    heap.stats.bytes_allocated += (words * crate::options::WORD_BYTES) as u64;
    Ok(heap.blocks.start(g))
}

/// Whether an allocation of `words` takes the large-object path.
#[inline(always)]
pub(crate) fn is_large(words: usize) -> bool {
    words >= LARGE_WORDS
}
