//! Exceptions and early stops: raise#/catch#, re-raising thunks, <<loop>>, stack and
//! heap overflow, uncaught exceptions, exit#, interrupts; and that the runtime stays
//! usable afterwards.

mod common;

use bhc_rts::{Outcome, RtsError, RtsOptions};
use bhc_stg::*;
use common::*;
use std::time::Duration;

fn my_error() -> DataCon {
    exc("MyError", 3)
}

/// `\e w -> case e of <con> -> put c; _ -> put '?'`, returning `IORes ()`.
fn handler(gen: &mut Gen, expect: &DataCon, c: char) -> Rhs {
    let (e, w, eb) = (gen.p("e"), gen.p("w"), gen.p("eb"));
    fun(
        &[],
        &[&e, &w],
        case_alg(
            enter(&e),
            &eb,
            vec![(expect.clone(), vec![], put_then(c, &w, io_unit()))],
            Some(put_then('?', &w, io_unit())),
        ),
    )
}

/// `\w -> case x of _ -> IORes ()` over the free variable `x`.
fn force(gen: &mut Gen, x: &Var) -> Rhs {
    let (w, b) = (gen.p("w"), gen.p("b"));
    fun(&[x], &[&w], case_def(enter(x), &b, io_unit()))
}

fn catch(act: &Var, h: &Var, w: &Var) -> Expr {
    prim(PrimOp::Catch, vec![lv(act), lv(h), lv(w)])
}

#[test]
fn raise_is_caught_and_thunks_under_evaluation_re_raise() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (t, a1, h1, a2, h2, r) = (
            gen.p("t"),
            gen.p("a1"),
            gen.p("h1"),
            gen.p("a2"),
            gen.p("h2"),
            gen.p("r"),
        );
        let t_rhs = thunk(
            &[w],
            put_then('t', w, prim(PrimOp::Raise, vec![gv("Prelude.MyError")])),
        );
        let (f1, f2) = (force(gen, &t), force(gen, &t));
        let (hd1, hd2) = (
            handler(gen, &my_error(), '1'),
            handler(gen, &my_error(), '2'),
        );
        let1(
            &t,
            t_rhs,
            let1(
                &a1,
                f1,
                let1(
                    &h1,
                    hd1,
                    let1(
                        &a2,
                        f2,
                        let1(
                            &h2,
                            hd2,
                            case_def(catch(&a1, &h1, w), &r, catch(&a2, &h2, w)),
                        ),
                    ),
                ),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "t12");
}

#[test]
fn a_self_dependent_thunk_raises_non_termination() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (x, a, h) = (gen.p("x"), gen.p("a"), gen.p("h"));
        let (f, hd) = (force(gen, &x), handler(gen, &exc("NonTermination", 0), 'L'));
        letrec(
            vec![(x.clone(), thunk(&[&x], enter(&x)))],
            let1(&a, f, let1(&h, hd, catch(&a, &h, w))),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "L");
}

#[test]
fn without_prelude_loop_and_overflow_are_runtime_errors_and_the_runtime_survives() {
    let mut gen = Gen { next: 20_000 };
    // deep n = case deep (n + 1) of r -> r   (never returns; grows the stack)
    let deep = {
        let (n, n1, r) = (gen.i("n"), gen.i("n1"), gen.i("r"));
        top(
            "Test.deep",
            fun(
                &[],
                &[&n],
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&n), int(1)]),
                    &n1,
                    case_def(call("Test.deep", vec![lv(&n1)]), &r, enter(&r)),
                ),
            ),
        )
    };
    let (w1, x) = (gen.p("w"), gen.p("x"));
    let looping = top(
        "Test.loop",
        fun(
            &[],
            &[&w1],
            letrec(vec![(x.clone(), thunk(&[&x], enter(&x)))], enter(&x)),
        ),
    );
    let w2 = gen.p("w");
    let overflow = top(
        "Test.overflow",
        fun(&[], &[&w2], call("Test.deep", vec![int(0)])),
    );
    let w3 = gen.p("w");
    let fine = top("Test.fine", fun(&[], &[&w3], put_then('k', &w3, io_unit())));
    let m = Module {
        name: "Test".into(),
        data_cons: vec![],
        bindings: vec![deep, looping, overflow, fine],
    };
    let mut rt = load(
        RtsOptions {
            max_stack_words: 1 << 14,
            ..opts()
        },
        &[prelude(false), m],
    );
    assert_eq!(run(&mut rt, "Test.loop").result, Err(RtsError::Loop));
    assert_eq!(run(&mut rt, "Test.fine").out, "k");
    assert_eq!(
        run(&mut rt, "Test.overflow").result,
        Err(RtsError::StackOverflow)
    );
    let ran = run(&mut rt, "Test.fine");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Finished), "k"));
    assert_eq!(
        run(&mut rt, "Test.nothing").result,
        Err(RtsError::UnknownGlobal("Test.nothing".into()))
    );
}

#[test]
fn stack_overflow_is_a_haskell_exception() {
    let mut gen = Gen { next: 20_000 };
    let deep = {
        let (n, n1, r) = (gen.i("n"), gen.i("n1"), gen.i("r"));
        top(
            "Test.deep",
            fun(
                &[],
                &[&n],
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&n), int(1)]),
                    &n1,
                    case_def(call("Test.deep", vec![lv(&n1)]), &r, enter(&r)),
                ),
            ),
        )
    };
    let m = main_module(&mut gen, vec![deep], |gen, w| {
        let (a, h, aw, r) = (gen.p("a"), gen.p("h"), gen.p("aw"), gen.i("r"));
        let hd = handler(gen, &exc("StackOverflow", 1), 'S');
        let1(
            &a,
            fun(
                &[],
                &[&aw],
                case_def(call("Test.deep", vec![int(0)]), &r, io_unit()),
            ),
            let1(&h, hd, catch(&a, &h, w)),
        )
    });
    let mut rt = load(
        RtsOptions {
            max_stack_words: 1 << 15,
            ..opts()
        },
        &[prelude(true), m],
    );
    let ran = run(&mut rt, "Test.main");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Finished), "S"));
}

#[test]
fn heap_overflow_is_a_haskell_exception() {
    let n: i64 = if stressed() { 3_000 } else { 200_000 };
    let mut gen = Gen { next: 20_000 };
    let m = main_module(&mut gen, vec![], |gen, w| {
        let (a, h, aw, xs, len, s, sb) = (
            gen.p("a"),
            gen.p("h"),
            gen.p("aw"),
            gen.p("xs"),
            gen.i("len"),
            gen.p("s"),
            gen.p("sb"),
        );
        let hd = handler(gen, &exc("HeapOverflow", 2), 'H');
        // Keep the whole list alive: its length, then its sum.
        let act = fun(
            &[],
            &[&aw],
            let1(
                &xs,
                thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(n)])),
                case_def(
                    call("Prelude.length", vec![lv(&xs), int(0)]),
                    &len,
                    let1(
                        &s,
                        thunk(&[&xs], call("Prelude.sum", vec![lv(&xs)])),
                        case_def(enter(&s), &sb, io_unit()),
                    ),
                ),
            ),
        );
        let1(&a, act, let1(&h, hd, catch(&a, &h, w)))
    });
    let max = if stressed() { 4096 } else { 1 << 16 };
    let mut rt = load(
        RtsOptions {
            heap_words: 2048,
            max_heap_words: max,
            ..opts()
        },
        &[prelude(true), m],
    );
    let ran = run(&mut rt, "Test.main");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Finished), "H"));
}

#[test]
fn an_uncaught_exception_ends_the_run_and_the_runtime_goes_on() {
    let mut gen = Gen { next: 20_000 };
    let (w1, w2, t) = (gen.p("w"), gen.p("w"), gen.p("t"));
    // The thunk under evaluation when the exception escapes re-raises later.
    let bad = top(
        "Test.bad",
        fun(
            &[],
            &[&w1],
            put_then('a', &w1, prim(PrimOp::Raise, vec![gv("Prelude.MyError")])),
        ),
    );
    let caf = top(
        "Test.caf",
        thunk(&[], prim(PrimOp::Raise, vec![gv("Prelude.MyError")])),
    );
    let usecaf = top(
        "Test.usecaf",
        fun(
            &[],
            &[&w2],
            case_def(call("Test.caf", vec![]), &t, io_unit()),
        ),
    );
    let m = Module {
        name: "Test".into(),
        data_cons: vec![],
        bindings: vec![bad, caf, usecaf],
    };
    let mut rt = load(opts(), &[prelude(true), m]);
    let ran = run(&mut rt, "Test.bad");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Uncaught), "a"));
    assert_eq!(run(&mut rt, "Test.usecaf").result, Ok(Outcome::Uncaught));
    assert_eq!(run(&mut rt, "Test.usecaf").result, Ok(Outcome::Uncaught));
    let ran = run(&mut rt, "Test.bad");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Uncaught), "a"));
}

#[test]
fn exit_flushes_and_reports_the_code() {
    let ran = run_main(opts(), vec![], |_, w| {
        put_then('a', w, prim(PrimOp::Exit, vec![int(3), lv(w)]))
    });
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Exit(3)), "a"));
}

#[test]
fn an_interrupted_computation_can_be_run_again() {
    let mut gen = Gen { next: 20_000 };
    // spin n = spin (n + 1); Test.c = spin 0 (a CAF under evaluation when interrupted).
    let spin = {
        let (n, n1) = (gen.i("n"), gen.i("n1"));
        top(
            "Test.spin",
            fun(
                &[],
                &[&n],
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&n), int(1)]),
                    &n1,
                    call("Test.spin", vec![lv(&n1)]),
                ),
            ),
        )
    };
    let c = top("Test.c", thunk(&[], call("Test.spin", vec![int(0)])));
    let (w, b, w2) = (gen.p("w"), gen.p("b"), gen.p("w"));
    let main = top(
        "Test.main",
        fun(
            &[],
            &[&w],
            put_then('s', &w, case_def(call("Test.c", vec![]), &b, io_unit())),
        ),
    );
    let fine = top("Test.fine", fun(&[], &[&w2], put_then('k', &w2, io_unit())));
    let m = Module {
        name: "Test".into(),
        data_cons: vec![],
        bindings: vec![spin, c, main, fine],
    };
    let mut rt = load(opts(), &[prelude(true), m]);
    for _ in 0..2 {
        let flag = rt.interrupt_flag();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        let ran = run(&mut rt, "Test.main");
        setter.join().unwrap();
        // Not <<loop>>: the CAF went back to being an unevaluated thunk.
        assert_eq!(
            (ran.result, ran.out.as_str()),
            (Ok(Outcome::Interrupted), "s")
        );
    }
    assert_eq!(run(&mut rt, "Test.fine").out, "k");
}
