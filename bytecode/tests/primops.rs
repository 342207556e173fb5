//! The runtime operations behind the primops, run from hand-written STG: boxed results,
//! mutable variables and arrays, bignums, Double text, the program environment, and
//! functions that return unboxed values to a case continuation. Under `BHC_GC_STRESS=1`
//! every heap check (and every out-of-line allocation) collects.

mod common;

use bhc_bytecode::{compile_module, link};
use bhc_rts::primops::{Prim, PrimRep};
use bhc_rts::Outcome;
use bhc_stg::*;
use common::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

/// A variable with a unique no test's `Gen` reaches.
fn fresh(name: &str, rep: Rep) -> Var {
    static NEXT: AtomicU32 = AtomicU32::new(900_000);
    Var {
        name: Rc::from(name),
        unique: NEXT.fetch_add(1, Ordering::Relaxed),
        rep,
    }
}

/// `Test.putBytes ba i n w`: write bytes `i..n` of a ByteArray# to stdout.
fn put_bytes(gen: &mut Gen) -> Binding {
    let (ba, i, n, w, t, b, c, r, j) = (
        gen.p("ba"),
        gen.i("i"),
        gen.i("n"),
        gen.p("w"),
        gen.i("t"),
        gen.i("b"),
        gen.c("c"),
        gen.i("r"),
        gen.i("j"),
    );
    let more = case_def(
        prim(PrimOp::ByteArrayIndex, vec![lv(&ba), lv(&i)]),
        &b,
        case_def(
            prim(PrimOp::Chr, vec![lv(&b)]),
            &c,
            case_def(
                prim(PrimOp::PutChar, vec![int(1), lv(&c), lv(&w)]),
                &r,
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&i), int(1)]),
                    &j,
                    call("Test.putBytes", vec![lv(&ba), lv(&j), lv(&n), lv(&w)]),
                ),
            ),
        ),
    );
    let body = case_lit(
        prim(PrimOp::IntLt, vec![lv(&i), lv(&n)]),
        &t,
        vec![(Lit::Int(0), io_unit())],
        Some(more),
    );
    top("Test.putBytes", fun(&[], &[&ba, &i, &n, &w], body))
}

/// Print the whole ByteArray# `ba`, then continue with `rest`.
fn print_bytes(ba: &Var, w: &Var, rest: Expr) -> Expr {
    let (n, io) = (fresh("n", Rep::Int), fresh("io", Rep::Ptr));
    case_def(
        prim(PrimOp::ByteArraySize, vec![lv(ba)]),
        &n,
        case_def(
            call("Test.putBytes", vec![lv(ba), int(0), lv(&n), lv(w)]),
            &io,
            rest,
        ),
    )
}

/// `case p of IORes x -> body`.
fn unbox(p: Expr, x: &Var, body: Expr) -> Expr {
    let b = fresh("box", Rep::Ptr);
    case_alg(p, &b, vec![(iores(), vec![x.clone()], body)], None)
}

/// Print an Int# and a space, then continue.
fn print_int(n: &Var, w: &Var, rest: Expr) -> Expr {
    let io = fresh("io", Rep::Ptr);
    case_def(
        call("Prelude.printInt", vec![lv(n), lv(w)]),
        &io,
        put_then(' ', w, rest),
    )
}

fn run_test(extra: Vec<Binding>, body: impl FnOnce(&mut Gen, &Var) -> Expr) -> String {
    let ran = run_main(opts(), extra, body);
    assert_eq!(ran.result, Ok(Outcome::Finished), "stderr: {}", ran.err);
    ran.out
}

#[test]
fn every_primop_has_an_implementation_with_matching_representations() {
    for &op in PrimOp::ALL {
        let Some(prim) = Prim::from_name(op.name()) else {
            continue;
        };
        let reads = prim.arity();
        assert!(
            reads == op.arity() || reads + 1 == op.arity(),
            "{}: reads {reads} of {}",
            op.name(),
            op.arity()
        );
        for (rep, prim_rep) in op.arg_reps().iter().zip(prim.args()) {
            assert_eq!(*rep == Rep::Ptr, *prim_rep == PrimRep::Ptr, "{}", op.name());
        }
        assert_eq!(op.result_rep() == Rep::Ptr, prim.result() == PrimRep::Ptr, "{}", op.name());
    }
    for prim in Prim::ALL {
        assert!(PrimOp::from_name(prim.name()).is_some(), "{}", prim.name());
    }
}

#[test]
fn mutable_variables_hold_lazy_values_across_collections() {
    let mut gen = Gen { next: 20_000 };
    let extra = vec![put_bytes(&mut gen)];
    let out = run_test(extra, |g, w| {
        let (x, v, y, y2, r, io, io2, list) = (
            g.p("x"),
            g.p("v"),
            g.p("y"),
            g.p("y2"),
            g.i("r"),
            g.p("io"),
            g.p("io2"),
            g.p("list"),
        );
        // A thunk stored unevaluated, a long list allocated in between (collections),
        // then a write and two reads.
        let forty_one = g.p("n41");
        let_thunk(&forty_one, con(&int_con(), vec![int(41)]), {
            unbox(prim(PrimOp::MutVarNew, vec![lv(&forty_one), lv(w)]),
                &v,
                let1(
                    &list,
                    thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(2000)])),
                    case_def(
                        call("Prelude.sum", vec![lv(&list)]),
                        &io2,
                        unbox(prim(PrimOp::MutVarRead, vec![lv(&v), lv(w)]),
                            &x,
                            case_def(
                                call("Prelude.printIntBox", vec![lv(&x), lv(w)]),
                                &io,
                                case_def(
                                    prim(PrimOp::MutVarWrite, vec![lv(&v), lv(&io2), lv(w)]),
                                    &r,
                                    unbox(prim(PrimOp::MutVarRead, vec![lv(&v), lv(w)]),
                                        &y,
                                        case_def(
                                            put_then(' ', w, io_unit()),
                                            &y2,
                                            call("Prelude.printIntBox", vec![lv(&y), lv(w)]),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            )
        })
    });
    assert_eq!(out, "41 2001000");
}

fn let_thunk(v: &Var, body: Expr, rest: Expr) -> Expr {
    let1(v, thunk(&[], body), rest)
}

#[test]
fn arrays_of_pointers_and_bytes() {
    let mut gen = Gen { next: 20_000 };
    let extra = vec![put_bytes(&mut gen)];
    let out = run_test(extra, |g, w| {
        let (arr, r, x, n, frozen, copy, y, ba, r2, r3, fba, b) = (
            g.p("arr"),
            g.i("r"),
            g.p("x"),
            g.i("n"),
            g.p("frozen"),
            g.p("copy"),
            g.p("y"),
            g.p("ba"),
            g.i("r2"),
            g.i("r3"),
            g.p("fba"),
            g.i("b"),
        );
        let (seven, eight) = (g.p("seven"), g.p("eight"));
        let1(
            &seven,
            con_rhs(&int_con(), vec![int(7)]),
            let1(
                &eight,
                con_rhs(&int_con(), vec![int(8)]),
                unbox(prim(PrimOp::ArrayNew, vec![int(1000), lv(&seven), lv(w)]),
                    &arr,
                    case_def(
                        prim(PrimOp::ArrayWrite, vec![lv(&arr), int(999), lv(&eight), lv(w)]),
                        &r,
                        unbox(prim(PrimOp::ArrayFreeze, vec![lv(&arr), lv(w)]),
                            &frozen,
                            unbox(prim(PrimOp::ArrayThaw, vec![lv(&frozen), lv(w)]),
                                &copy,
                                case_def(
                                    prim(PrimOp::ArrayWrite, vec![lv(&copy), int(999), lv(&seven), lv(w)]),
                                    &r2,
                                    unbox(prim(PrimOp::ArrayIndex, vec![lv(&frozen), int(999)]),
                                        &x,
                                        unbox(prim(PrimOp::ArrayRead, vec![lv(&copy), int(999), lv(w)]),
                                            &y,
                                            case_def(
                                                prim(PrimOp::ArraySize, vec![lv(&frozen)]),
                                                &n,
                                                seq_print(&[&x, &y], w, print_int(&n, w, {
                                                    unbox(prim(PrimOp::ByteArrayNew, vec![int(3), lv(w)]),
                                                        &ba,
                                                        case_def(
                                                            prim(PrimOp::ByteArrayWrite, vec![lv(&ba), int(0), int(104), lv(w)]),
                                                            &r3,
                                                            case_def(
                                                                prim(PrimOp::ByteArrayWrite, vec![lv(&ba), int(1), int(105), lv(w)]),
                                                                &b,
                                                                unbox(prim(PrimOp::ByteArrayFreeze, vec![lv(&ba), lv(w)]),
                                                                    &fba,
                                                                    print_bytes(&fba, w, io_unit()),
                                                                ),
                                                            ),
                                                        ),
                                                    )
                                                })),
                                            ),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
    });
    assert_eq!(out, "8 7 1000 hi\0");
}

/// Print each boxed Int and a space, then `rest`.
fn seq_print(xs: &[&Var], w: &Var, rest: Expr) -> Expr {
    xs.iter().rev().fold(rest, |rest, x| {
        let io = fresh("io", Rep::Ptr);
        case_def(
            call("Prelude.printIntBox", vec![lv(x), lv(w)]),
            &io,
            put_then(' ', w, rest),
        )
    })
}

#[test]
fn bignums_multiply_divide_and_print() {
    let mut gen = Gen { next: 20_000 };
    let extra = vec![put_bytes(&mut gen)];
    let out = run_test(extra, |g, w| {
        let (a, b, c, d, s, q, s2, t, s3, cmp, fits, small) = (
            g.p("a"),
            g.p("b"),
            g.p("c"),
            g.p("d"),
            g.p("s"),
            g.p("q"),
            g.p("s2"),
            g.p("t"),
            g.p("s3"),
            g.i("cmp"),
            g.i("fits"),
            g.i("small"),
        );
        case_def(
            prim(PrimOp::BigFromInt, vec![int(1 << 62)]),
            &a,
            case_def(
                prim(PrimOp::BigMul, vec![lv(&a), lv(&a)]),
                &b,
                case_def(
                    prim(PrimOp::BigMul, vec![lv(&b), lv(&b)]),
                    &c,
                    case_def(
                        prim(PrimOp::BigToString, vec![lv(&c)]),
                        &s,
                        print_bytes(&s, w, put_then(' ', w, {
                            case_def(
                                prim(PrimOp::BigFromAddr, vec![string("-123456789012345678901234567890")]),
                                &d,
                                case_def(
                                    prim(PrimOp::BigDiv, vec![lv(&d), lv(&a)]),
                                    &q,
                                    case_def(
                                        prim(PrimOp::BigToStringBase, vec![lv(&q), int(16)]),
                                        &s2,
                                        print_bytes(&s2, w, put_then(' ', w, {
                                            case_def(
                                                prim(PrimOp::BigCompare, vec![lv(&d), lv(&c)]),
                                                &cmp,
                                                print_int(&cmp, w, {
                                                    case_def(
                                                        prim(PrimOp::BigFitsInt, vec![lv(&a)]),
                                                        &fits,
                                                        print_int(&fits, w, {
                                                            case_def(
                                                                prim(PrimOp::BigShiftR, vec![lv(&d), int(80)]),
                                                                &t,
                                                                case_def(
                                                                    prim(PrimOp::BigToInt, vec![lv(&t)]),
                                                                    &small,
                                                                    print_int(&small, w, {
                                                                        case_def(
                                                                            prim(PrimOp::BigToString, vec![lv(&t)]),
                                                                            &s3,
                                                                            print_bytes(&s3, w, io_unit()),
                                                                        )
                                                                    }),
                                                                ),
                                                            )
                                                        }),
                                                    )
                                                }),
                                            )
                                        })),
                                    ),
                                ),
                            )
                        })),
                    ),
                ),
            ),
        )
    });
    // 2^248; floor(-123456789012345678901234567890 / 2^62) in hex; the comparison; the
    // fit; the flooring shift (checked with GHC).
    assert_eq!(
        out,
        "452312848583266388373324160190187140051835877600158453279131187530910662656 \
         -63ba43fdc -1 1 -102122 -102122"
    );
}

#[test]
fn doubles_are_shown_as_ghc_shows_them_from_a_tail_call() {
    let mut gen = Gen { next: 20_000 };
    let d = gen.d("d");
    let extra = vec![
        put_bytes(&mut gen),
        top("Test.show", fun(&[], &[&d], prim(PrimOp::DoubleShow, vec![lv(&d)]))),
    ];
    let out = run_test(extra, |g, w| {
        let (s1, s2, s3) = (g.p("s1"), g.p("s2"), g.p("s3"));
        case_def(
            call("Test.show", vec![dbl(0.1)]),
            &s1,
            print_bytes(&s1, w, put_then(' ', w, {
                case_def(
                    call("Test.show", vec![dbl(1.0e-2)]),
                    &s2,
                    print_bytes(&s2, w, put_then(' ', w, {
                        case_def(
                            prim(PrimOp::FloatShow, vec![dbl(0.1f32 as f64)]),
                            &s3,
                            print_bytes(&s3, w, io_unit()),
                        )
                    })),
                )
            })),
        )
    });
    assert_eq!(out, "0.1 1.0e-2 0.1");
}

#[test]
fn functions_return_unboxed_values_to_case_continuations() {
    let mut gen = Gen { next: 20_000 };
    let (x, y, z, d, f) = (gen.i("x"), gen.i("y"), gen.i("z"), gen.d("d"), gen.p("f"));
    let extra = vec![
        // inc x = x +# 1#   (a primop in tail position)
        top("Test.inc", fun(&[], &[&x], prim(PrimOp::IntAdd, vec![lv(&x), int(1)]))),
        // seven y = 7#   (a literal)
        top("Test.seven", fun(&[], &[&y], Expr::Lit(Lit::Int(7)))),
        // ident z = z   (an unboxed variable)
        top("Test.ident", fun(&[], &[&z], enter(&z))),
        // half d = d /## 2.0##
        top("Test.half", fun(&[], &[&d], prim(PrimOp::DoubleDiv, vec![lv(&d), dbl(5.0)]))),
        // apply f = f 41#   (an unknown call returning Int#)
        top("Test.apply", fun(&[], &[&f], call_l(&f, vec![int(41)]))),
    ];
    let out = run_test(extra, |g, w| {
        let (a, b, c, h, hi, e) = (g.i("a"), g.i("b"), g.i("c"), g.d("h"), g.i("hi"), g.i("e"));
        case_def(
            call("Test.inc", vec![int(41)]),
            &a,
            print_int(&a, w, {
                case_def(
                    call("Test.seven", vec![int(0)]),
                    &b,
                    print_int(&b, w, {
                        case_def(
                            call("Test.ident", vec![int(-5)]),
                            &c,
                            print_int(&c, w, {
                                case_def(
                                    call("Test.half", vec![dbl(50.0)]),
                                    &h,
                                    case_def(
                                        prim(PrimOp::DoubleToInt, vec![lv(&h)]),
                                        &hi,
                                        print_int(&hi, w, {
                                            case_def(
                                                call("Test.apply", vec![gv("Test.inc")]),
                                                &e,
                                                print_int(&e, w, io_unit()),
                                            )
                                        }),
                                    ),
                                )
                            }),
                        )
                    }),
                )
            }),
        )
    });
    assert_eq!(out, "42 7 -5 10 42 ");
}

#[test]
fn program_arguments_and_name_come_from_set_args() {
    let mut gen = Gen { next: 20_000 };
    let extra = vec![put_bytes(&mut gen)];
    let m = main_module(&mut gen, extra, |g, w| {
        let (n, a, p) = (g.i("n"), g.p("a"), g.p("p"));
        case_def(
            prim(PrimOp::ArgCount, vec![lv(w)]),
            &n,
            print_int(&n, w, {
                case_def(
                    prim(PrimOp::ArgIndex, vec![int(1), lv(w)]),
                    &a,
                    print_bytes(&a, w, put_then(' ', w, {
                        case_def(
                            prim(PrimOp::ProgName, vec![lv(w)]),
                            &p,
                            print_bytes(&p, w, io_unit()),
                        )
                    })),
                )
            }),
        )
    });
    let mut rt = load(opts(), &[prelude(true)]);
    rt.set_args("prog".into(), vec!["-x".into(), "λ".into()]);
    link(&mut rt, &compile_module(&m).unwrap()).unwrap();
    let ran = run(&mut rt, "Test.main");
    assert_eq!(ran.result, Ok(Outcome::Finished));
    // Bytes are printed one per character: the UTF-8 of λ shows as two Latin-1 chars.
    assert_eq!(ran.out, "2 Î» prog");
}

#[test]
fn boxing_primops_need_iores_linked() {
    let mut gen = Gen::new();
    let (x, w) = (gen.p("x"), gen.p("w"));
    let m = Module {
        name: "NoPrelude".into(),
        data_cons: vec![],
        bindings: vec![top(
            "NoPrelude.f",
            fun(&[], &[&x, &w], prim(PrimOp::MutVarNew, vec![lv(&x), lv(&w)])),
        )],
    };
    let mut rt = bhc_rts::Runtime::new(opts());
    let err = link(&mut rt, &compile_module(&m).unwrap()).unwrap_err();
    assert!(err.to_string().contains("Prelude.IORes"), "{err}");
}

#[test]
fn weak_pointers_die_with_their_keys_and_finalizers_run() {
    let mut gen = Gen { next: 20_000 };
    let fw = gen.p("fw");
    let extra = vec![
        top("Test.fin", fun(&[], &[&fw], put_then('F', &fw, io_unit()))),
        top("Test.staticKey", con_rhs(&int_con(), vec![int(5)])),
    ];
    let out = run_test(extra, |g, w| {
        let (key, val, w1, w2, r, a1, a2, v, sp, r2, s, r3) = (
            g.p("key"),
            g.p("val"),
            g.p("w1"),
            g.p("w2"),
            g.i("r"),
            g.i("a1"),
            g.i("a2"),
            g.p("v"),
            g.i("sp"),
            g.i("r2"),
            g.p("s"),
            g.i("r3"),
        );
        let1(
            &key,
            con_rhs(&int_con(), vec![int(1)]),
            let1(
                &val,
                con_rhs(&int_con(), vec![int(42)]),
                unbox(
                    prim(PrimOp::WeakMk, vec![gv("Test.staticKey"), lv(&val), gv("Test.fin"), lv(w)]),
                    &w1,
                    unbox(
                        prim(PrimOp::WeakMk, vec![lv(&key), lv(&val), gv("Test.fin"), lv(w)]),
                        &w2,
                        case_def(
                            prim(PrimOp::StablePtrMake, vec![lv(&val), lv(w)]),
                            &sp,
                            case_def(
                                prim(PrimOp::PerformGc, vec![lv(w)]),
                                &r,
                                case_def(
                                    prim(PrimOp::WeakAlive, vec![lv(&w1), lv(w)]),
                                    &a1,
                                    print_int(&a1, w, case_def(
                                        prim(PrimOp::WeakAlive, vec![lv(&w2), lv(w)]),
                                        &a2,
                                        print_int(&a2, w, unbox(
                                            prim(PrimOp::WeakDeRef, vec![lv(&w1), lv(w)]),
                                            &v,
                                            seq_print(&[&v], w, unbox(
                                                prim(PrimOp::StablePtrDeRef, vec![lv(&sp), lv(w)]),
                                                &s,
                                                seq_print(&[&s], w, case_def(
                                                    prim(PrimOp::StablePtrFree, vec![lv(&sp), lv(w)]),
                                                    &r2,
                                                    case_def(
                                                        prim(PrimOp::PerformMajorGc, vec![lv(w)]),
                                                        &r3,
                                                        io_unit(),
                                                    ),
                                                )),
                                            )),
                                        )),
                                    )),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
    });
    // The static key lives; the heap key died at the first collection, whose finalizer
    // runs once main has finished.
    assert_eq!(out, "1 0 42 42 F");
}
