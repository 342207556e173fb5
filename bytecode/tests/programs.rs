//! End-to-end programs written in STG by hand, compiled, linked and run.

mod common;

use bhc_rts::Outcome;
use bhc_stg::*;
use common::*;

#[test]
fn prints_a_string_literal() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let s = gen.p("s");
        let_s(
            &s,
            "hello, world\n",
            call("Prelude.putStr", vec![lv(&s), lv(w)]),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "hello, world\n");
}

#[test]
fn string_literals_are_read_as_latin1_bytes_and_output_is_utf8() {
    // indexCharOffAddr# reads bytes (Latin-1); hPutChar# encodes scalar values as UTF-8.
    let ran = run_main(opts(), vec![], |gen, w| {
        let s = gen.p("s");
        let_s(
            &s,
            "\u{e9}",
            put_then(
                'λ',
                w,
                put_then('\u{1F600}', w, call("Prelude.putStr", vec![lv(&s), lv(w)])),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "λ\u{1F600}\u{c3}\u{a9}");
}

fn let_s(s: &Var, text: &str, body: Expr) -> Expr {
    let1(
        s,
        thunk(&[], call("Prelude.unpack", vec![string(text), int(0)])),
        body,
    )
}

#[test]
fn prints_integers() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let r = gen.p("r");
        case_def(
            call("Prelude.printInt", vec![int(-1234567), lv(w)]),
            &r,
            put_then(' ', w, call("Prelude.printInt", vec![int(0), lv(w)])),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "-1234567 0");
}

#[test]
fn sums_a_list_with_deep_recursion() {
    // sum is not tail recursive: n nested case continuations on the stack, which starts
    // at 4096 words and must grow. Every collection scans the whole stack, so stress
    // mode uses a shallower recursion.
    let n: i64 = if stressed() { 5_000 } else { 100_000 };
    let ran = run_main(opts(), vec![], |gen, w| {
        let (xs, s) = (gen.p("xs"), gen.p("s"));
        let1(
            &xs,
            thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(n)])),
            let1(
                &s,
                thunk(&[&xs], call("Prelude.sum", vec![lv(&xs)])),
                call("Prelude.printIntBox", vec![lv(&s), lv(w)]),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, (n * (n + 1) / 2).to_string());
}

#[test]
fn a_retained_list_survives_many_moving_collections() {
    // length and then sum of the same list: the whole list is live while the heap is
    // collected again and again (a small heap in normal mode, every check under stress).
    let n: i64 = if stressed() { 1_000 } else { 100_000 };
    let small = bhc_rts::RtsOptions {
        heap_words: 4096,
        ..opts()
    };
    let mut gen = Gen { next: 10_000 };
    let m = main_module(&mut gen, vec![], |gen, w| {
        let (xs, len, s, r) = (gen.p("xs"), gen.i("len"), gen.p("s"), gen.p("r"));
        let1(
            &xs,
            thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(n)])),
            case_def(
                call("Prelude.length", vec![lv(&xs), int(0)]),
                &len,
                case_def(
                    call("Prelude.printInt", vec![lv(&len), lv(w)]),
                    &r,
                    put_then(
                        ' ',
                        w,
                        let1(
                            &s,
                            thunk(&[&xs], call("Prelude.sum", vec![lv(&xs)])),
                            call("Prelude.printIntBox", vec![lv(&s), lv(w)]),
                        ),
                    ),
                ),
            ),
        )
    });
    let mut rt = load(small, &[prelude(true), m]);
    let ran = run(&mut rt, "Test.main");
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, format!("{n} {}", n * (n + 1) / 2));
    let stats = rt.stats();
    assert!(stats.collections > 10, "{stats:?}");
    assert!(
        stats.bytes_copied > 0 && stats.bytes_allocated > 0,
        "{stats:?}"
    );
}

#[test]
fn length_of_a_long_lazy_list_under_gc_stress() {
    let ran = run_main(
        bhc_rts::RtsOptions {
            gc_stress: true,
            ..opts()
        },
        vec![],
        |gen, w| {
            let (xs, n) = (gen.p("xs"), gen.i("n"));
            let1(
                &xs,
                thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(100_000)])),
                case_def(
                    call("Prelude.length", vec![lv(&xs), int(0)]),
                    &n,
                    call("Prelude.printInt", vec![lv(&n), lv(w)]),
                ),
            )
        },
    );
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "100000");
}

#[test]
fn gc_stress_collects_at_every_heap_check() {
    let mut gen = Gen { next: 10_000 };
    let m = main_module(&mut gen, vec![], |gen, w| {
        let (xs, n) = (gen.p("xs"), gen.i("n"));
        let1(
            &xs,
            thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(1000)])),
            case_def(
                call("Prelude.length", vec![lv(&xs), int(0)]),
                &n,
                call("Prelude.printInt", vec![lv(&n), lv(w)]),
            ),
        )
    });
    let mut rt = load(
        bhc_rts::RtsOptions {
            gc_stress: true,
            ..opts()
        },
        &[prelude(true), m],
    );
    let ran = run(&mut rt, "Test.main");
    assert_eq!(ran.out, "1000");
    // Each list cell costs at least one BCO entry that allocates.
    assert!(rt.stats().collections >= 1000, "{:?}", rt.stats());
}
