//! Unloading replaced code: a relinked module's old objects are freed once nothing
//! reaches them, and kept (and still runnable) while something does: a module linked
//! against them, a handle, or a heap closure of old code. Run under
//! `BHC_GC_SANITY=1`, every collection also checks that nothing points into freed
//! memory.

mod common;

use bhc_bytecode::{compile_module, link};
use bhc_rts::{Outcome, Runtime};
use bhc_stg::*;
use common::*;

/// `A.val = I# v`, a CAF that prints 'c' when evaluated; `A.main w = printIntBox
/// A.val w`; `A.keep` puts a heap closure of this version's code, printing `v + 100`, in
/// stable pointer 0.
fn module_a(gen: &mut Gen, v: i64) -> Module {
    let (r, w, x, f, w2, sp) = (gen.i("r"), gen.p("w"), gen.p("x"), gen.p("f"), gen.p("w2"), gen.i("sp"));
    let put_c = prim(PrimOp::PutChar, vec![int(1), chr('c'), gv("Prelude.RealWorld")]);
    let caf = top("A.val", thunk(&[], case_def(put_c, &r, con(&int_con(), vec![int(v)]))));
    let main = top("A.main", fun(&[], &[&w], call("Prelude.printIntBox", vec![gv("A.val"), lv(&w)])));
    let keep_body = let1(
        &x,
        con_rhs(&int_con(), vec![int(v + 100)]),
        let1(
            &f,
            fun(&[&x], &[&w2], call("Prelude.printIntBox", vec![lv(&x), lv(&w2)])),
            case_def(prim(PrimOp::StablePtrMake, vec![lv(&f), lv(&w)]), &sp, io_unit()),
        ),
    );
    let keep = top("A.keep", fun(&[], &[&w], keep_body));
    Module { name: "A".into(), data_cons: vec![], bindings: vec![caf, main, keep] }
}

/// `B.main w = A.main w`: linked against whichever `A` is current.
fn module_b(gen: &mut Gen) -> Module {
    let w = gen.p("w");
    Module {
        name: "B".into(),
        data_cons: vec![],
        bindings: vec![top("B.main", fun(&[], &[&w], call("A.main", vec![lv(&w)])))],
    }
}

/// `D.main w`: run the IO action in stable pointer 0.
fn module_d(gen: &mut Gen) -> Module {
    let (w, f, b) = (gen.p("w"), gen.p("f"), gen.p("box"));
    let body = case_alg(
        prim(PrimOp::StablePtrDeRef, vec![int(0), lv(&w)]),
        &b,
        vec![(iores(), vec![f.clone()], call_l(&f, vec![lv(&w)]))],
        None,
    );
    Module { name: "D".into(), data_cons: vec![], bindings: vec![top("D.main", fun(&[], &[&w], body))] }
}

fn relink(rt: &mut Runtime, m: &Module) {
    link(rt, &compile_module(m).unwrap()).unwrap();
}

fn collect(rt: &mut Runtime) {
    rt.collect_garbage().unwrap();
}

#[test]
fn a_module_linked_against_old_code_keeps_it_and_it_still_runs() {
    let mut gen = Gen { next: 30_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 1), module_b(&mut gen)]);
    collect(&mut rt);
    let before = rt.static_usage();
    assert_eq!(before.pending_arenas, 0);
    assert_eq!(run(&mut rt, "B.main").out, "c1");
    relink(&mut rt, &module_a(&mut gen, 2));
    assert_eq!(rt.static_usage().pending_arenas, 1);
    // B still calls the old A, whose CAF was reverted: it is evaluated again, and its
    // value survives a collection (the old arena's CAFs are scanned once it is reached).
    assert_eq!(run(&mut rt, "B.main").out, "c1");
    collect(&mut rt);
    assert_eq!(rt.static_usage().pending_arenas, 1, "B's dependency keeps the old A");
    assert_eq!(run(&mut rt, "B.main").out, "1");
    assert_eq!(run(&mut rt, "A.main").out, "c2");
    relink(&mut rt, &module_b(&mut gen));
    collect(&mut rt);
    let after = rt.static_usage();
    assert_eq!(after.pending_arenas, 0, "the old A and the old B are freed");
    assert_eq!(after.bytes, before.bytes);
    assert_eq!(run(&mut rt, "B.main").out, "2");
}

#[test]
fn a_handle_to_old_code_keeps_it_until_released() {
    let mut gen = Gen { next: 30_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 1)]);
    let mark = rt.handle_mark();
    rt.global("A.main").unwrap();
    relink(&mut rt, &module_a(&mut gen, 2));
    collect(&mut rt);
    assert_eq!(rt.static_usage().pending_arenas, 1);
    rt.release_handles(mark);
    collect(&mut rt);
    assert_eq!(rt.static_usage().pending_arenas, 0);
}

#[test]
fn a_heap_closure_of_old_code_keeps_it_alive_and_runnable() {
    let mut gen = Gen { next: 30_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 1), module_d(&mut gen)]);
    assert_eq!(run(&mut rt, "A.keep").result, Ok(Outcome::Finished));
    relink(&mut rt, &module_a(&mut gen, 2));
    for _ in 0..3 {
        collect(&mut rt);
        assert_eq!(rt.static_usage().pending_arenas, 1, "the stable closure's code is kept");
        assert_eq!(run(&mut rt, "D.main").out, "101");
    }
}

#[test]
fn relinking_a_module_a_hundred_times_does_not_grow_static_memory() {
    let mut gen = Gen { next: 30_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 0), module_b(&mut gen)]);
    collect(&mut rt);
    let start = rt.static_usage();
    for v in 1..=100 {
        relink(&mut rt, &module_a(&mut gen, v));
        relink(&mut rt, &module_b(&mut gen));
        assert_eq!(run(&mut rt, "B.main").out, format!("c{v}"));
    }
    collect(&mut rt);
    let end = rt.static_usage();
    assert_eq!(end.pending_arenas, 0);
    assert_eq!((end.live_arenas, end.bytes), (start.live_arenas, start.bytes), "{start:?} -> {end:?}");
}

#[test]
fn a_declaration_changed_back_and_forth_reuses_its_constructor_tables() {
    let mut rt = Runtime::new(opts());
    let one = rt.con_info("T.C", 0, 1, 0).info_word();
    let two = rt.con_info("T.C", 0, 2, 0).info_word();
    assert_ne!(one, two);
    assert_eq!(rt.con_info("T.C", 0, 1, 0).info_word(), one);
    assert_eq!(rt.con_info("T.C", 0, 2, 0).info_word(), two);
}
