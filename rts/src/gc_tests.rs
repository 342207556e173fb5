//! Unit tests of the collector on its own: objects are built directly in the heap and
//! held in handles, collected, and checked word by word.

use crate::capability::Capability;
use crate::gc::collect;
use crate::link_api::Handle;
use crate::native::{word, AP_INFO, IND_INFO};
use crate::object::*;
use crate::{instr, BcoSpec, RtsOptions, Runtime, Word};

/// A runtime that collects only when told to, even under `BHC_GC_STRESS=1`: these
/// tests count collections and moves.
fn runtime() -> Runtime {
    quiet(Runtime::new(RtsOptions {
        heap_words: 2048,
        ..RtsOptions::default()
    }))
}

fn quiet(mut rt: Runtime) -> Runtime {
    rt.cap.heap.stress = false;
    rt.cap.hp_lim = rt.cap.heap.blocks.end(rt.cap.heap.nursery[0]);
    rt
}

fn cap(rt: &mut Runtime) -> &mut Capability {
    &mut rt.cap
}

/// A heap constructor `[info][ptr fields][words]`, rooted.
fn con(rt: &mut Runtime, info: Word, ptrs: &[Word], words: &[Word]) -> Handle {
    let p = cap(rt).alloc(1 + ptrs.len() + words.len()).unwrap();
    // SAFETY: `p` has room for the header and the fields.
    unsafe {
        *p = info;
        for (i, &f) in ptrs.iter().chain(words).enumerate() {
            *p.add(1 + i) = f;
        }
    }
    root(rt, p as Word)
}

fn root(rt: &mut Runtime, w: Word) -> Handle {
    rt.cap.handles.push(w);
    Handle(rt.cap.handles.len() - 1)
}

fn get(rt: &Runtime, h: Handle) -> P {
    rt.cap.handles[h.0] as P
}

/// Read word `i` of the object behind `h`.
fn field(rt: &Runtime, h: Handle, i: usize) -> Word {
    // SAFETY: tests only read fields their objects have.
    unsafe { *get(rt, h).add(i) }
}

#[test]
fn live_objects_move_and_keep_their_contents_and_sharing() {
    let mut rt = runtime();
    let pair = rt.con_info("T.Pair", 0, 2, 1).info_word();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let a = con(&mut rt, leaf, &[], &[11]);
    let a_ptr = get(&rt, a) as Word;
    let p = con(&mut rt, pair, &[a_ptr, a_ptr], &[99]);
    // Garbage between the live objects.
    for _ in 0..100 {
        let mark = rt.handle_mark();
        con(&mut rt, leaf, &[], &[0]);
        rt.release_handles(mark);
    }
    let before = get(&rt, p);
    let copied = rt.stats().bytes_copied;
    collect(cap(&mut rt), 0, true).unwrap();
    assert_ne!(
        get(&rt, p),
        before,
        "a copying collector moves live objects"
    );
    let (f1, f2) = (field(&rt, p, 1), field(&rt, p, 2));
    assert_eq!(f1, f2, "sharing is preserved");
    assert_eq!(f1, get(&rt, a) as Word);
    assert_eq!(field(&rt, p, 3), 99);
    assert_eq!(field(&rt, a, 1), 11);
    // Only the two live objects were copied: 4 + 2 words.
    assert_eq!(rt.stats().bytes_copied - copied, 6 * 8);
}

#[test]
fn cycles_are_copied_once_and_indirections_are_short_circuited() {
    let mut rt = runtime();
    let node = rt.con_info("T.Node", 0, 1, 0).info_word();
    let n = con(&mut rt, node, &[0], &[]);
    // SAFETY: the node has one pointer field; make it point at itself.
    unsafe { *get(&rt, n).add(1) = get(&rt, n) as Word };
    let ind = cap(&mut rt).alloc(2).unwrap();
    // SAFETY: `ind` has room for an indirection.
    unsafe {
        *ind = word(&IND_INFO);
        *ind.add(1) = get(&rt, n) as Word;
    }
    let i = root(&mut rt, ind as Word);
    for _ in 0..3 {
        collect(cap(&mut rt), 0, true).unwrap();
    }
    assert_eq!(field(&rt, n, 1), get(&rt, n) as Word);
    assert_eq!(
        get(&rt, i),
        get(&rt, n),
        "the handle now points past the indirection"
    );
}

#[test]
fn non_pointer_words_are_left_alone_and_bitmaps_are_respected() {
    let mut rt = runtime();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let x = con(&mut rt, leaf, &[], &[5]);
    // A BCO of arity 2 whose first argument is a pointer and second is not.
    let code = [instr::Op::Return as u32, instr::Src::Stack(0).encode(), 2];
    let ptrs = rt.alloc_array(0).unwrap();
    let bco = rt
        .alloc_bco(&BcoSpec {
            code: &code,
            literals: &[],
            ptrs,
            arity: 2,
            continuation: None,
            max_stack: 4,
            max_heap: 0,
            bitmap: &[true, false],
        })
        .unwrap();
    // An AP whose non-pointer argument holds a word that looks like a heap pointer.
    let fake = get(&rt, x) as Word;
    let ap = cap(&mut rt).alloc(AP_HEADER + 2).unwrap();
    // SAFETY: `ap` has room for an AP of two arguments.
    unsafe {
        *ap = word(&AP_INFO);
        *ap.add(FUN_FIELD) = get(&rt, bco) as Word;
        *ap.add(NARGS_FIELD) = 2;
        *ap.add(ARGS_FIELD) = get(&rt, x) as Word;
        *ap.add(ARGS_FIELD + 1) = fake;
    }
    let ap = root(&mut rt, ap as Word);
    collect(cap(&mut rt), 0, true).unwrap();
    assert_eq!(
        field(&rt, ap, ARGS_FIELD),
        get(&rt, x) as Word,
        "the pointer argument was updated"
    );
    assert_eq!(
        field(&rt, ap, ARGS_FIELD + 1),
        fake,
        "the non-pointer argument was not"
    );
    assert_eq!(
        field(&rt, ap, FUN_FIELD),
        get(&rt, bco) as Word,
        "the static BCO did not move"
    );
}

#[test]
fn the_heap_grows_for_live_data_and_stops_at_its_limit() {
    let mut rt = quiet(Runtime::new(RtsOptions {
        heap_words: 1024,
        max_heap_words: 1 << 15,
        ..RtsOptions::default()
    }));
    let node = rt.con_info("T.Node", 0, 1, 1).info_word();
    let list = root(&mut rt, 0);
    for i in 0..5_000 {
        // The list is only ever held in its handle, which the GC updates.
        let p = cap(&mut rt).alloc(3).unwrap();
        // SAFETY: `p` has room for a Node.
        unsafe {
            *p = node;
            *p.add(1) = rt.cap.handles[list.0];
            *p.add(2) = i;
        }
        rt.cap.handles[list.0] = p as Word;
    }
    collect(cap(&mut rt), 0, true).unwrap();
    assert!(rt.cap.heap.old_and_aging_blocks() > 2, "the heap grew");
    let mut p = get(&rt, list);
    let mut n = 0;
    while !p.is_null() {
        // SAFETY: every cell is a live Node.
        unsafe {
            assert_eq!(*p.add(2), 4_999 - n);
            p = *p.add(1) as P;
        }
        n += 1;
    }
    assert_eq!(n, 5_000);
    // 15000 live words and 20000 more do not fit a 32K-word heap.
    assert_eq!(
        cap(&mut rt).alloc(20_000).err(),
        Some(crate::RtsError::HeapExhausted)
    );
}

#[test]
fn statistics_count_collections_residency_and_time() {
    let mut rt = runtime();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let kept = con(&mut rt, leaf, &[], &[5]);
    for _ in 0..3 {
        collect(cap(&mut rt), 0, true).unwrap();
    }
    let s = rt.stats();
    assert_eq!(s.collections, 3);
    assert!(s.max_live_bytes >= 16, "the rooted leaf is live");
    assert_eq!(field(&rt, kept, 1), 5);
    let report = rt.stats_report();
    assert!(report.contains("bytes maximum residency"), "{report}");
    assert!(report.contains("3 collections"), "{report}");
}

/// The space (nursery, aging, old) the object behind `h` lives in.
fn space_of(rt: &Runtime, h: Handle) -> u8 {
    let w = get(rt, h) as Word;
    assert!(rt.cap.heap.blocks.is_heap(w));
    // SAFETY: a rooted heap object lies in a committed block.
    unsafe { (*rt.cap.heap.blocks.desc(w)).space }
}

#[test]
fn objects_age_once_before_promotion_to_the_old_generation() {
    use crate::heap::{AGING, NURSERY, OLD};
    let mut rt = runtime();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let x = con(&mut rt, leaf, &[], &[42]);
    assert_eq!(space_of(&rt, x), NURSERY);
    collect(cap(&mut rt), 0, false).unwrap();
    assert_eq!(space_of(&rt, x), AGING, "one minor collection: aging");
    collect(cap(&mut rt), 0, false).unwrap();
    assert_eq!(space_of(&rt, x), OLD, "two: promoted");
    let old = get(&rt, x);
    collect(cap(&mut rt), 0, false).unwrap();
    assert_eq!(get(&rt, x), old, "a minor collection leaves the old generation alone");
    assert_eq!(field(&rt, x, 1), 42);
    let s = rt.stats();
    assert_eq!((s.collections, s.major_collections), (3, 0));
}

#[test]
fn a_write_into_an_old_mutable_variable_is_remembered() {
    use crate::heap::OLD;
    let mut rt = runtime();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let var = con(&mut rt, word(&crate::primops::MUT_VAR_INFO), &[0], &[]);
    collect(cap(&mut rt), 0, false).unwrap();
    collect(cap(&mut rt), 0, false).unwrap();
    assert_eq!(space_of(&rt, var), OLD);
    let mark = rt.handle_mark();
    let young = con(&mut rt, leaf, &[], &[7]);
    let young_ptr = get(&rt, young) as Word;
    // SAFETY: `var` is a MUT_VAR; this is what writeMutVar# does.
    unsafe {
        let v = get(&rt, var);
        *v.add(1) = young_ptr;
        crate::barrier::record_write(&mut rt.cap.heap, v);
    }
    rt.release_handles(mark);
    // The young leaf is now reachable only through the old variable.
    for _ in 0..3 {
        collect(cap(&mut rt), 0, false).unwrap();
        let leaf_now = field(&rt, var, 1) as P;
        // SAFETY: the variable's value is a live leaf.
        unsafe { assert_eq!((*leaf_now.add(1), *leaf_now), (7, leaf)) };
    }
    assert!(
        rt.cap.heap.remembered.is_empty(),
        "once its value is old too, the variable is forgotten"
    );
    assert_eq!(field(&rt, var, 0), word(&crate::primops::MUT_VAR_INFO), "and clean");
}

#[test]
fn large_objects_are_never_copied() {
    let mut rt = runtime();
    let leaf = rt.con_info("T.Leaf", 1, 0, 1).info_word();
    let x = con(&mut rt, leaf, &[], &[3]);
    let n = 5_000;
    let arr = cap(&mut rt).alloc(ARR_DATA + n).unwrap();
    // SAFETY: `arr` has room for an array of `n` elements.
    unsafe {
        *arr = word(&crate::native::ARRAY_INFO);
        *arr.add(ARR_LEN) = n;
        for i in 0..n {
            *arr.add(ARR_DATA + i) = get(&rt, x) as Word;
        }
    }
    let a = root(&mut rt, arr as Word);
    for major in [false, false, true, false] {
        collect(cap(&mut rt), 0, major).unwrap();
        assert_eq!(get(&rt, a), arr, "the array stays where it is");
        assert_eq!(field(&rt, a, ARR_DATA + n - 1), get(&rt, x) as Word);
    }
}

#[test]
fn memory_is_returned_to_the_os_when_the_heap_shrinks() {
    let mut rt = runtime();
    let node = rt.con_info("T.Node", 0, 1, 1).info_word();
    let list = root(&mut rt, 0);
    for i in 0..1_000_000 {
        let p = cap(&mut rt).alloc(3).unwrap();
        // SAFETY: `p` has room for a Node.
        unsafe {
            *p = node;
            *p.add(1) = rt.cap.handles[list.0];
            *p.add(2) = i;
        }
        rt.cap.handles[list.0] = p as Word;
    }
    collect(cap(&mut rt), 0, true).unwrap();
    let big = rt.cap.heap.blocks.blocks_committed();
    assert!(big > 3 * 1_000_000 / crate::block::BLOCK_WORDS, "24 MB are live");
    rt.cap.handles[list.0] = 0;
    collect(cap(&mut rt), 0, true).unwrap();
    let small = rt.cap.heap.blocks.blocks_committed();
    assert!(small * 4 < big, "{small} blocks still committed (from {big})");
}
