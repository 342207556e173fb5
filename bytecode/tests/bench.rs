//! Timing runs for the interpreter, ignored by default:
//! `cargo test --release -p bhc-bytecode --test bench -- --ignored --nocapture`.

mod common;

use bhc_rts::Outcome;
use bhc_stg::*;
use common::*;
use std::time::Instant;

/// nfib n = if n < 2 then 1 else nfib (n-1) + nfib (n-2) + 1, on boxed Ints.
fn nfib(gen: &mut Gen) -> Binding {
    let (n, nb, k, t, k1, k2, m1, m2, ab, a, bb, b, s1, s2) = (
        gen.p("n"),
        gen.p("nb"),
        gen.i("k"),
        gen.i("t"),
        gen.i("k1"),
        gen.i("k2"),
        gen.p("m1"),
        gen.p("m2"),
        gen.p("ab"),
        gen.i("a"),
        gen.p("bb"),
        gen.i("b"),
        gen.i("s1"),
        gen.i("s2"),
    );
    let rec = case_def(
        prim(PrimOp::IntSub, vec![lv(&k), int(1)]),
        &k1,
        case_def(
            prim(PrimOp::IntSub, vec![lv(&k), int(2)]),
            &k2,
            let1(
                &m1,
                con_rhs(&int_con(), vec![lv(&k1)]),
                let1(
                    &m2,
                    con_rhs(&int_con(), vec![lv(&k2)]),
                    case_alg(
                        call("Test.nfib", vec![lv(&m1)]),
                        &ab,
                        vec![(
                            int_con(),
                            vec![a.clone()],
                            case_alg(
                                call("Test.nfib", vec![lv(&m2)]),
                                &bb,
                                vec![(
                                    int_con(),
                                    vec![b.clone()],
                                    case_def(
                                        prim(PrimOp::IntAdd, vec![lv(&a), lv(&b)]),
                                        &s1,
                                        case_def(
                                            prim(PrimOp::IntAdd, vec![lv(&s1), int(1)]),
                                            &s2,
                                            con(&int_con(), vec![lv(&s2)]),
                                        ),
                                    ),
                                )],
                                None,
                            ),
                        )],
                        None,
                    ),
                ),
            ),
        ),
    );
    let body = case_alg(
        enter(&n),
        &nb,
        vec![(
            int_con(),
            vec![k.clone()],
            case_lit(
                prim(PrimOp::IntLt, vec![lv(&k), int(2)]),
                &t,
                vec![(Lit::Int(1), con(&int_con(), vec![int(1)]))],
                Some(rec),
            ),
        )],
        None,
    );
    top("Test.nfib", fun(&[], &[&n], body))
}

#[test]
#[ignore]
fn nfib_30() {
    let mut gen = Gen { next: 20_000 };
    let nf = nfib(&mut gen);
    let m = main_module(&mut gen, vec![nf], |gen, w| {
        let (x, r) = (gen.p("x"), gen.p("r"));
        let1(
            &x,
            con_rhs(&int_con(), vec![int(30)]),
            let1(
                &r,
                thunk(&[&x], call("Test.nfib", vec![lv(&x)])),
                call("Prelude.printIntBox", vec![lv(&r), lv(w)]),
            ),
        )
    });
    let mut rt = load(opts(), &[prelude(true), m]);
    let start = Instant::now();
    let ran = run(&mut rt, "Test.main");
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(
        (ran.result, ran.out.as_str()),
        (Ok(Outcome::Finished), "2692537")
    );
    println!(
        "nfib 30: {secs:.3}s, {:.1}M calls/s, {:?}",
        2.692537 / secs,
        rt.stats()
    );
}

#[test]
#[ignore]
fn sum_of_a_million_element_list() {
    let ran_at = Instant::now();
    let ran = run_main(opts(), vec![], |gen, w| {
        let (xs, n) = (gen.p("xs"), gen.i("n"));
        let1(
            &xs,
            thunk(
                &[],
                call("Prelude.enumFromTo", vec![int(1), int(3_000_000)]),
            ),
            case_def(
                call("Prelude.length", vec![lv(&xs), int(0)]),
                &n,
                call("Prelude.printInt", vec![lv(&n), lv(w)]),
            ),
        )
    });
    assert_eq!(ran.out, "3000000");
    println!("length [1..3e6]: {:.3}s", ran_at.elapsed().as_secs_f64());
}
