//! Linking and the runtime's outer API: relinking a module, unknown globals, CAFs across
//! runs, stdin/stderr, and the disassembly.

mod common;

use bhc_bytecode::{compile_module, link, LinkError};
use bhc_rts::{Outcome, RtsOptions, Runtime};
use bhc_stg::*;
use common::*;

/// Module `A` with `A.val = I# v` (a CAF that prints 'c' when evaluated) and
/// `A.main w = printIntBox A.val w`.
fn module_a(gen: &mut Gen, v: i64) -> Module {
    let (r, w) = (gen.i("r"), gen.p("w"));
    let put_c = prim(
        PrimOp::PutChar,
        vec![int(1), chr('c'), gv("Prelude.RealWorld")],
    );
    let caf = top(
        "A.val",
        thunk(&[], case_def(put_c, &r, con(&int_con(), vec![int(v)]))),
    );
    let main = top(
        "A.main",
        fun(
            &[],
            &[&w],
            call("Prelude.printIntBox", vec![gv("A.val"), lv(&w)]),
        ),
    );
    Module {
        name: "A".into(),
        data_cons: vec![],
        bindings: vec![caf, main],
    }
}

#[test]
fn a_caf_is_evaluated_once_and_relinking_replaces_a_module() {
    let mut gen = Gen { next: 20_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 1)]);
    assert_eq!(run(&mut rt, "A.main").out, "c1");
    assert_eq!(run(&mut rt, "A.main").out, "1");
    let b = compile_module(&module_a(&mut gen, 2)).unwrap();
    link(&mut rt, &b).unwrap();
    assert_eq!(run(&mut rt, "A.main").out, "c2");
    assert_eq!(run(&mut rt, "A.main").out, "2");
    rt.collect_garbage().unwrap();
    assert_eq!(run(&mut rt, "A.main").out, "2");
}

#[test]
fn linking_an_unknown_global_fails_and_changes_nothing() {
    let mut gen = Gen { next: 20_000 };
    let mut rt = load(opts(), &[prelude(true), module_a(&mut gen, 1)]);
    let w = gen.p("w");
    let broken = Module {
        name: "A".into(),
        data_cons: vec![],
        bindings: vec![top(
            "A.main",
            fun(&[], &[&w], call("Prelude.noSuchThing", vec![lv(&w)])),
        )],
    };
    let err = link(&mut rt, &compile_module(&broken).unwrap()).unwrap_err();
    assert_eq!(
        err,
        LinkError::UnknownGlobal {
            module: "A".into(),
            name: "Prelude.noSuchThing".into()
        }
    );
    assert!(err.to_string().contains("Prelude.noSuchThing"));
    assert_eq!(run(&mut rt, "A.main").out, "c1");
}

#[test]
fn malformed_stg_is_a_compile_error() {
    let mut gen = Gen::new();
    let (w, x) = (gen.p("w"), gen.p("x"));
    let m = Module {
        name: "M".into(),
        data_cons: vec![],
        bindings: vec![top("M.f", fun(&[], &[&w], enter(&x)))],
    };
    let err = compile_module(&m).unwrap_err();
    assert_eq!(err.binding, "M.f");
    assert!(err.to_string().contains("not in scope"), "{err}");
}

#[test]
fn reads_stdin_as_utf8_and_writes_stderr() {
    // echo w = case hGetChar# 0# w of -1# -> IORes (); c -> hPutChar# 1# (chr# c); hPutChar# 2# '.'; echo w
    let mut gen = Gen { next: 20_000 };
    let echo = {
        let (w, c, ch, r1, r2) = (
            gen.p("w"),
            gen.i("c"),
            gen.c("ch"),
            gen.i("r1"),
            gen.i("r2"),
        );
        let more = case_def(
            prim(PrimOp::Chr, vec![lv(&c)]),
            &ch,
            case_def(
                prim(PrimOp::PutChar, vec![int(1), lv(&ch), lv(&w)]),
                &r1,
                case_def(
                    prim(PrimOp::PutChar, vec![int(2), chr('.'), lv(&w)]),
                    &r2,
                    call("Test.echo", vec![lv(&w)]),
                ),
            ),
        );
        top(
            "Test.echo",
            fun(
                &[],
                &[&w],
                case_lit(
                    prim(PrimOp::GetChar, vec![int(0), lv(&w)]),
                    &c,
                    vec![(Lit::Int(-1), io_unit())],
                    Some(more),
                ),
            ),
        )
    };
    let m = Module {
        name: "Test".into(),
        data_cons: vec![],
        bindings: vec![echo],
    };
    let mut rt = load(opts(), &[prelude(true), m]);
    rt.set_stdin(Box::new(std::io::Cursor::new(
        "héllo\n\u{1F600}".as_bytes().to_vec(),
    )));
    let ran = run(&mut rt, "Test.echo");
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "héllo\n\u{1F600}");
    assert_eq!(ran.err, ".......");
}

#[test]
fn runs_without_a_prelude_using_the_runtimes_own_world_token() {
    let mut gen = Gen::new();
    let w = gen.p("w");
    let unit_con = dc("M.U", 0, 1, &[]);
    let res = dc("M.Res", 0, 1, &[Rep::Ptr]);
    let m = Module {
        name: "M".into(),
        data_cons: vec![unit_con.clone(), res.clone()],
        bindings: vec![top(
            "M.main",
            fun(&[], &[&w], put_then('!', &w, con(&res, vec![gv("M.U")]))),
        )],
    };
    let mut rt = Runtime::new(RtsOptions {
        capture_output: true,
        ..RtsOptions::from_env()
    });
    link(&mut rt, &compile_module(&m).unwrap()).unwrap();
    assert!(rt.has_global("M.U") && rt.has_global("M.Res") && rt.is_module_linked("M"));
    let ran = run(&mut rt, "M.main");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Finished), "!"));
}

#[test]
fn the_disassembly_names_instructions_literals_and_pointers() {
    let compiled = compile_module(&prelude(true)).unwrap();
    let text = compiled.to_string();
    for needle in [
        "-- byte code for module Prelude",
        "Prelude.sum = function",
        "PUSH_ALTS",
        "SWITCH",
        "CALL",
        "UNPACK",
        "PACK lit[",
        "info Prelude.I#",
        "continuation (pointer)",
        "ptr[0]=",
        "Prelude.nonTermination = static Prelude.NonTermination",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn static_constructors_refer_to_globals_and_to_themselves() {
    // Test.one = I# 1#; Test.ones = one : ones; main prints the sum of the first three.
    let mut gen = Gen { next: 20_000 };
    let take3 = {
        // take3 xs = case xs of x : r -> case r of y : r2 -> case r2 of z : _ -> x + y + z
        let (xs, xb, x, r, rb, y, r2, r2b, z, r3, s1, s2, xv, yv, zv, xvb, yvb, zvb) = (
            gen.p("xs"),
            gen.p("xb"),
            gen.p("x"),
            gen.p("r"),
            gen.p("rb"),
            gen.p("y"),
            gen.p("r2"),
            gen.p("r2b"),
            gen.p("z"),
            gen.p("r3"),
            gen.i("s1"),
            gen.i("s2"),
            gen.i("xv"),
            gen.i("yv"),
            gen.i("zv"),
            gen.p("xvb"),
            gen.p("yvb"),
            gen.p("zvb"),
        );
        let sum = case_alg(
            enter(&x),
            &xvb,
            vec![(
                int_con(),
                vec![xv.clone()],
                case_alg(
                    enter(&y),
                    &yvb,
                    vec![(
                        int_con(),
                        vec![yv.clone()],
                        case_alg(
                            enter(&z),
                            &zvb,
                            vec![(
                                int_con(),
                                vec![zv.clone()],
                                case_def(
                                    prim(PrimOp::IntAdd, vec![lv(&xv), lv(&yv)]),
                                    &s1,
                                    case_def(
                                        prim(PrimOp::IntAdd, vec![lv(&s1), lv(&zv)]),
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
            )],
            None,
        );
        let body = case_alg(
            enter(&xs),
            &xb,
            vec![(
                cons(),
                vec![x.clone(), r.clone()],
                case_alg(
                    enter(&r),
                    &rb,
                    vec![(
                        cons(),
                        vec![y.clone(), r2.clone()],
                        case_alg(
                            enter(&r2),
                            &r2b,
                            vec![(cons(), vec![z.clone(), r3.clone()], sum)],
                            None,
                        ),
                    )],
                    None,
                ),
            )],
            None,
        );
        top("Test.take3", fun(&[], &[&xs], body))
    };
    let one = top("Test.one", con_rhs(&int_con(), vec![int(1)]));
    let ones = top(
        "Test.ones",
        con_rhs(&cons(), vec![gv("Test.one"), gv("Test.ones")]),
    );
    let m = main_module(&mut gen, vec![take3, one, ones], |gen, w| {
        let t = gen.p("t");
        let1(
            &t,
            thunk(&[], call("Test.take3", vec![gv("Test.ones")])),
            call("Prelude.printIntBox", vec![lv(&t), lv(w)]),
        )
    });
    let mut rt = load(opts(), &[prelude(true), m]);
    let ran = run(&mut rt, "Test.main");
    assert_eq!((ran.result, ran.out.as_str()), (Ok(Outcome::Finished), "3"));
    let bad = Module {
        name: "B".into(),
        data_cons: vec![],
        bindings: vec![top("B.x", con_rhs(&int_con(), vec![gv("Test.one")]))],
    };
    assert!(compile_module(&bad).is_err(), "a global in an Int# field");
}
