//! Calls and closures: partial and over-saturated application, PAPs holding unboxed
//! arguments, letrec, thunk sharing, constructors with mixed fields, primops.

mod common;

use bhc_rts::Outcome;
use bhc_stg::*;
use common::*;

/// `case e1 of _ -> case e2 of _ -> ... -> last`, for IO actions returning `IORes`.
fn seq_io(gen: &mut Gen, actions: Vec<Expr>, last: Expr) -> Expr {
    actions.into_iter().rev().fold(last, |rest, e| {
        let b = gen.p("io");
        case_def(e, &b, rest)
    })
}

fn print_then_space(gen: &mut Gen, x: &Var, w: &Var) -> Expr {
    let b = gen.p("io");
    case_def(
        call("Prelude.printIntBox", vec![lv(x), lv(w)]),
        &b,
        put_then(' ', w, io_unit()),
    )
}

/// `Test.add3 a b c = a + b + c` on boxed Ints.
fn add3(gen: &mut Gen) -> Binding {
    let (a, b, c, ab, bb, cb, x, y, z, s1, s2) = (
        gen.p("a"),
        gen.p("b"),
        gen.p("c"),
        gen.p("ab"),
        gen.p("bb"),
        gen.p("cb"),
        gen.i("x"),
        gen.i("y"),
        gen.i("z"),
        gen.i("s1"),
        gen.i("s2"),
    );
    let body = case_alg(
        enter(&a),
        &ab,
        vec![(
            int_con(),
            vec![x.clone()],
            case_alg(
                enter(&b),
                &bb,
                vec![(
                    int_con(),
                    vec![y.clone()],
                    case_alg(
                        enter(&c),
                        &cb,
                        vec![(
                            int_con(),
                            vec![z.clone()],
                            case_def(
                                prim(PrimOp::IntAdd, vec![lv(&x), lv(&y)]),
                                &s1,
                                case_def(
                                    prim(PrimOp::IntAdd, vec![lv(&s1), lv(&z)]),
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
    top("Test.add3", fun(&[], &[&a, &b, &c], body))
}

/// `Test.arith (k :: Int#) x (m :: Int#) = I# (k * unI x - m)`: mixed argument kinds.
fn arith(gen: &mut Gen) -> Binding {
    let (k, x, m, xb, n, t, u) = (
        gen.i("k"),
        gen.p("x"),
        gen.i("m"),
        gen.p("xb"),
        gen.i("n"),
        gen.i("t"),
        gen.i("u"),
    );
    let body = case_alg(
        enter(&x),
        &xb,
        vec![(
            int_con(),
            vec![n.clone()],
            case_def(
                prim(PrimOp::IntMul, vec![lv(&k), lv(&n)]),
                &t,
                case_def(
                    prim(PrimOp::IntSub, vec![lv(&t), lv(&m)]),
                    &u,
                    con(&int_con(), vec![lv(&u)]),
                ),
            ),
        )],
        None,
    );
    top("Test.arith", fun(&[], &[&k, &x, &m], body))
}

/// `Test.compose f g = \x -> f (g x)`: arity 2, returns a function.
fn compose(gen: &mut Gen) -> Binding {
    let (f, gg, h, x, gx) = (gen.p("f"), gen.p("g"), gen.p("h"), gen.p("x"), gen.p("gx"));
    let inner = let1(
        &gx,
        thunk(&[&gg, &x], call_l(&gg, vec![lv(&x)])),
        call_l(&f, vec![lv(&gx)]),
    );
    let body = let1(&h, fun(&[&f, &gg], &[&x], inner), enter(&h));
    top("Test.compose", fun(&[], &[&f, &gg], body))
}

fn unary(gen: &mut Gen, name: &str, op: PrimOp, k: i64) -> Binding {
    let (x, xb, n, r) = (gen.p("x"), gen.p("xb"), gen.i("n"), gen.i("r"));
    let body = case_alg(
        enter(&x),
        &xb,
        vec![(
            int_con(),
            vec![n.clone()],
            case_def(
                prim(op, vec![lv(&n), int(k)]),
                &r,
                con(&int_con(), vec![lv(&r)]),
            ),
        )],
        None,
    );
    top(name, fun(&[], &[&x], body))
}

#[test]
fn partial_exact_and_over_saturated_application() {
    let mut gen = Gen { next: 20_000 };
    let extra = vec![
        add3(&mut gen),
        compose(&mut gen),
        unary(&mut gen, "Test.inc", PrimOp::IntAdd, 1),
        unary(&mut gen, "Test.dbl", PrimOp::IntMul, 2),
        arith(&mut gen),
    ];
    let ran = run_main(opts(), extra, |gen, w| {
        let (one, two, three, p, q, r1, r2, r3, r4, pa, r5) = (
            gen.p("one"),
            gen.p("two"),
            gen.p("three"),
            gen.p("p"),
            gen.p("q"),
            gen.p("r1"),
            gen.p("r2"),
            gen.p("r3"),
            gen.p("r4"),
            gen.p("pa"),
            gen.p("r5"),
        );
        let prints: Vec<Expr> = [&r1, &r2, &r3, &r4, &r5]
            .iter()
            .map(|r| print_then_space(gen, r, w))
            .collect();
        let body = seq_io(gen, prints, io_unit());
        let1(
            &one,
            con_rhs(&int_con(), vec![int(1)]),
            let1(
                &two,
                con_rhs(&int_con(), vec![int(2)]),
                let1(
                    &three,
                    con_rhs(&int_con(), vec![int(3)]),
                    // p = add3 one: under-saturated, generic apply builds a PAP.
                    let1(
                        &p,
                        thunk(&[&one], call("Test.add3", vec![lv(&one)])),
                        // r1 = p two three: the PAP applied to exactly what it lacks.
                        let1(
                            &r1,
                            thunk(&[&p, &two, &three], call_l(&p, vec![lv(&two), lv(&three)])),
                            // q = p two: a PAP of a PAP; r2 = q three.
                            let1(
                                &q,
                                thunk(&[&p, &two], call_l(&p, vec![lv(&two)])),
                                let1(
                                    &r2,
                                    thunk(&[&q, &three], call_l(&q, vec![lv(&three)])),
                                    // r3 = compose inc dbl three: over-saturated (compose takes two).
                                    let1(
                                        &r3,
                                        thunk(
                                            &[&three],
                                            call(
                                                "Test.compose",
                                                vec![gv("Test.inc"), gv("Test.dbl"), lv(&three)],
                                            ),
                                        ),
                                        // r4 = compose inc (add3 one two) three: over-saturated with a PAP argument.
                                        let1(
                                            &r4,
                                            thunk(&[&one, &two, &three], {
                                                let pp = gen.p("pp");
                                                let1(
                                                    &pp,
                                                    thunk(
                                                        &[&one, &two],
                                                        call("Test.add3", vec![lv(&one), lv(&two)]),
                                                    ),
                                                    call(
                                                        "Test.compose",
                                                        vec![gv("Test.inc"), lv(&pp), lv(&three)],
                                                    ),
                                                )
                                            }),
                                            // pa = arith 5# holds an unboxed argument; r5 = pa three 4#.
                                            let1(
                                                &pa,
                                                thunk(&[], call("Test.arith", vec![int(5)])),
                                                let1(
                                                    &r5,
                                                    thunk(
                                                        &[&pa, &three],
                                                        call_l(&pa, vec![lv(&three), int(4)]),
                                                    ),
                                                    body,
                                                ),
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
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "6 6 7 7 11 ");
}

#[test]
fn a_shared_thunk_is_evaluated_once() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (t, a, b, ab, bb, r) = (
            gen.p("t"),
            gen.i("a"),
            gen.i("b"),
            gen.p("ab"),
            gen.p("bb"),
            gen.i("r"),
        );
        let t_body = put_then('x', w, con(&int_con(), vec![int(7)]));
        let1(
            &t,
            thunk(&[w], t_body),
            case_alg(
                enter(&t),
                &ab,
                vec![(
                    int_con(),
                    vec![a.clone()],
                    case_alg(
                        enter(&t),
                        &bb,
                        vec![(
                            int_con(),
                            vec![b.clone()],
                            case_def(
                                prim(PrimOp::IntAdd, vec![lv(&a), lv(&b)]),
                                &r,
                                put_then('y', w, call("Prelude.printInt", vec![lv(&r), lv(w)])),
                            ),
                        )],
                        None,
                    ),
                )],
                None,
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "xy14");
}

#[test]
fn a_non_updatable_thunk_is_evaluated_each_time() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (t, ab, bb) = (gen.p("t"), gen.p("ab"), gen.p("bb"));
        let rhs = Rhs::Closure {
            free: vec![w.clone()],
            update: UpdateFlag::Reentrant,
            params: vec![],
            body: Box::new(put_then('x', w, con(&int_con(), vec![int(1)]))),
        };
        let1(
            &t,
            rhs,
            case_def(enter(&t), &ab, case_def(enter(&t), &bb, io_unit())),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "xx");
}

#[test]
fn letrec_builds_cycles_and_mutually_recursive_closures() {
    // ones = 1 : ones (a cyclic constructor); even/odd closures over a free Int# limit.
    let mut gen = Gen { next: 20_000 };
    // take n xs, summed: sumTake n xs = if n == 0 then 0 else head xs + sumTake (n-1) (tail xs)
    let st = {
        let (n, xs, t, xb, h, tl, hb, hv, n1, r, s) = (
            gen.i("n"),
            gen.p("xs"),
            gen.i("t"),
            gen.p("xb"),
            gen.p("h"),
            gen.p("tl"),
            gen.p("hb"),
            gen.i("hv"),
            gen.i("n1"),
            gen.i("r"),
            gen.i("s"),
        );
        let rec_case = case_alg(
            enter(&xs),
            &xb,
            vec![(
                cons(),
                vec![h.clone(), tl.clone()],
                case_alg(
                    enter(&h),
                    &hb,
                    vec![(
                        int_con(),
                        vec![hv.clone()],
                        case_def(
                            prim(PrimOp::IntSub, vec![lv(&n), int(1)]),
                            &n1,
                            case_def(
                                call("Test.sumTake", vec![lv(&n1), lv(&tl)]),
                                &r,
                                case_def(
                                    prim(PrimOp::IntAdd, vec![lv(&hv), lv(&r)]),
                                    &s,
                                    enter(&s),
                                ),
                            ),
                        ),
                    )],
                    None,
                ),
            )],
            Some(Expr::Lit(Lit::Int(0))),
        );
        let body = case_lit(
            prim(PrimOp::IntEq, vec![lv(&n), int(0)]),
            &t,
            vec![(Lit::Int(1), Expr::Lit(Lit::Int(0)))],
            Some(rec_case),
        );
        top("Test.sumTake", fun(&[], &[&n, &xs], body))
    };
    let ran = run_main(opts(), vec![st], |gen, w| {
        let (one, ones, total, ev, od, lim, k, t, k1, res, r2) = (
            gen.p("one"),
            gen.p("ones"),
            gen.i("total"),
            gen.p("ev"),
            gen.p("od"),
            gen.i("lim"),
            gen.i("k"),
            gen.i("t"),
            gen.i("k1"),
            gen.p("res"),
            gen.p("r2"),
        );
        let (k2, t2, k3) = (gen.i("k2"), gen.i("t2"), gen.i("k3"));
        // ev k = if k == lim then True else od (k+1); od k = if k == lim then False else ev (k+1)
        let ev_body = case_lit(
            prim(PrimOp::IntEq, vec![lv(&k), lv(&lim)]),
            &t,
            vec![(Lit::Int(1), con(&dc("Prelude.True", 1, 2, &[]), vec![]))],
            Some(case_def(
                prim(PrimOp::IntAdd, vec![lv(&k), int(1)]),
                &k1,
                call_l(&od, vec![lv(&k1)]),
            )),
        );
        let od_body = case_lit(
            prim(PrimOp::IntEq, vec![lv(&k2), lv(&lim)]),
            &t2,
            vec![(Lit::Int(1), con(&dc("Prelude.False", 0, 2, &[]), vec![]))],
            Some(case_def(
                prim(PrimOp::IntAdd, vec![lv(&k2), int(1)]),
                &k3,
                call_l(&ev, vec![lv(&k3)]),
            )),
        );
        let tag = gen.i("tag");
        let1(
            &one,
            con_rhs(&int_con(), vec![int(1)]),
            letrec(
                vec![(ones.clone(), con_rhs(&cons(), vec![lv(&one), lv(&ones)]))],
                case_def(
                    call("Test.sumTake", vec![int(5), lv(&ones)]),
                    &total,
                    case_def(
                        call("Prelude.printInt", vec![lv(&total), lv(w)]),
                        &r2,
                        case_def(
                            Expr::Lit(Lit::Int(1001)),
                            &lim,
                            letrec(
                                vec![
                                    (ev.clone(), fun(&[&od, &lim], &[&k], ev_body)),
                                    (od.clone(), fun(&[&ev, &lim], &[&k2], od_body)),
                                ],
                                case_alg(
                                    call_l(&ev, vec![int(0)]),
                                    &res,
                                    vec![],
                                    Some(case_def(
                                        prim(PrimOp::DataToTag, vec![lv(&res)]),
                                        &tag,
                                        put_then(
                                            ' ',
                                            w,
                                            call("Prelude.printInt", vec![lv(&tag), lv(w)]),
                                        ),
                                    )),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "5 0");
}

#[test]
fn constructors_with_mixed_fields_and_double_arithmetic() {
    // P (a :: Int) (d :: Double#) (c :: Char#) (b :: Int): pointer fields are laid out first.
    let p_con = dc(
        "Test.P",
        0,
        1,
        &[Rep::Ptr, Rep::Double, Rep::Char, Rep::Ptr],
    );
    let mut gen = Gen { next: 20_000 };
    let m =
        main_module(&mut gen, vec![], |gen, w| {
            let (a, b, p, pb, fa, fd, fc, fb, d2, t, n, ab, an, bb, bn, s) = (
                gen.p("a"),
                gen.p("b"),
                gen.p("p"),
                gen.p("pb"),
                gen.p("fa"),
                gen.d("fd"),
                gen.c("fc"),
                gen.p("fb"),
                gen.d("d2"),
                gen.i("t"),
                gen.i("n"),
                gen.p("ab"),
                gen.i("an"),
                gen.p("bb"),
                gen.i("bn"),
                gen.i("s"),
            );
            let (s2, dn) = (gen.i("s2"), gen.i("dn"));
            let1(
                &a,
                con_rhs(&int_con(), vec![int(40)]),
                let1(
                    &b,
                    con_rhs(&int_con(), vec![int(2)]),
                    let1(
                        &p,
                        thunk(
                            &[&a, &b],
                            con(&p_con, vec![lv(&a), dbl(2.5), chr('q'), lv(&b)]),
                        ),
                        case_alg(
                            enter(&p),
                            &pb,
                            vec![(
                                p_con.clone(),
                                vec![fa.clone(), fd.clone(), fc.clone(), fb.clone()],
                                case_def(
                                    prim(PrimOp::DoubleMul, vec![lv(&fd), dbl(4.0)]),
                                    &d2,
                                    case_lit(
                                        prim(PrimOp::DoubleEq, vec![lv(&d2), dbl(10.0)]),
                                        &t,
                                        vec![(
                                            Lit::Int(1),
                                            case_lit(
                                                enter(&fc),
                                                &n.clone().into_char(),
                                                vec![(
                                                    Lit::Char('q'),
                                                    case_alg(
                                                        enter(&fa),
                                                        &ab,
                                                        vec![(
                                                            int_con(),
                                                            vec![an.clone()],
                                                            case_alg(
                                                                enter(&fb),
                                                                &bb,
                                                                vec![(int_con(), vec![bn.clone()],
                    case_def(prim(PrimOp::IntAdd, vec![lv(&an), lv(&bn)]), &s,
                    case_def(prim(PrimOp::DoubleToInt, vec![lv(&d2)]), &dn,
                    case_def(prim(PrimOp::IntAdd, vec![lv(&s), lv(&dn)]), &s2,
                    call("Prelude.printInt", vec![lv(&s2), lv(w)])))))],
                                                                None,
                                                            ),
                                                        )],
                                                        None,
                                                    ),
                                                )],
                                                Some(put_then('!', w, io_unit())),
                                            ),
                                        )],
                                        Some(put_then('?', w, io_unit())),
                                    ),
                                ),
                            )],
                            None,
                        ),
                    ),
                ),
            )
        });
    let m = Module {
        data_cons: vec![p_con.clone()],
        ..m
    };
    let mut rt = load(opts(), &[prelude(true), m]);
    let ran = run(&mut rt, "Test.main");
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "52");
}

trait IntoChar {
    fn into_char(self) -> Var;
}

impl IntoChar for Var {
    fn into_char(self) -> Var {
        Var {
            rep: Rep::Char,
            ..self
        }
    }
}

#[test]
fn integer_primops_are_total() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (q, r, s, u, v) = (gen.i("q"), gen.i("r"), gen.i("s"), gen.i("u"), gen.i("v"));
        let pr = |x: &Var, rest: Expr| {
            let b = Var {
                name: "b".into(),
                unique: 2,
                rep: Rep::Ptr,
            };
            case_def(
                call("Prelude.printInt", vec![lv(x), lv(w)]),
                &b,
                put_then(' ', w, rest),
            )
        };
        case_def(
            prim(PrimOp::IntQuot, vec![int(7), int(0)]),
            &q,
            case_def(
                prim(PrimOp::IntRem, vec![int(i64::MIN), int(-1)]),
                &r,
                case_def(
                    prim(PrimOp::IntShl, vec![int(1), int(64)]),
                    &s,
                    case_def(
                        prim(PrimOp::IntShra, vec![int(-16), int(2)]),
                        &u,
                        case_def(
                            prim(PrimOp::IntQuot, vec![int(-7), int(2)]),
                            &v,
                            pr(&q, pr(&r, pr(&s, pr(&u, pr(&v, io_unit()))))),
                        ),
                    ),
                ),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "0 0 0 -4 -3 ");
}

#[test]
fn seq_forces_its_first_argument() {
    let ran = run_main(opts(), vec![], |gen, w| {
        let (t, u, r) = (gen.p("t"), gen.p("u"), gen.p("r"));
        let1(
            &t,
            thunk(&[w], put_then('a', w, con(&unit(), vec![]))),
            let1(
                &u,
                thunk(&[w], put_then('b', w, io_unit())),
                case_def(
                    prim(PrimOp::Seq, vec![lv(&t), lv(&u)]),
                    &r,
                    put_then('c', w, io_unit()),
                ),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished));
    assert_eq!(ran.out, "abc");
}

#[test]
fn case_of_case_and_of_known_constructors_compile_without_boxing() {
    // case (case 40# +# 2# of r -> I# r) of ds { I# f -> case I# f of b { I# g -> print b } }
    let mut gen = Gen { next: 20_000 };
    let m = main_module(&mut gen, vec![], |gen, w| {
        let (r, ds, f, b, g, t) = (
            gen.i("r"),
            gen.p("ds"),
            gen.i("f"),
            gen.p("b"),
            gen.i("g"),
            gen.p("t"),
        );
        let inner = case_def(
            prim(PrimOp::IntAdd, vec![int(40), int(2)]),
            &r,
            con(&int_con(), vec![lv(&r)]),
        );
        let known = case_alg(
            con(&int_con(), vec![lv(&f)]),
            &b,
            vec![(
                int_con(),
                vec![g.clone()],
                case_def(
                    call("Prelude.printIntBox", vec![lv(&b), lv(w)]),
                    &t,
                    put_then(' ', w, call("Prelude.printInt", vec![lv(&g), lv(w)])),
                ),
            )],
            None,
        );
        case_alg(inner, &ds, vec![(int_con(), vec![f.clone()], known)], None)
    });
    let compiled = bhc_bytecode::compile_module(&m).unwrap();
    let main = compiled.to_string();
    // One box, for `b`, which the alternative uses; the only continuation is the one
    // after printing.
    assert_eq!(main.matches("PACK").count(), 1, "{main}");
    assert_eq!(
        main.matches("PUSH_ALTS").count() + main.matches("EVAL").count(),
        1,
        "{main}"
    );
    let mut rt = load(opts(), &[prelude(true), m]);
    let ran = run(&mut rt, "Test.main");
    assert_eq!(
        (ran.result, ran.out.as_str()),
        (Ok(Outcome::Finished), "42 42")
    );
}

/// `case (case sum xs of I# n -> p) of I# m -> printInt m`: the outer continuation's
/// alternatives never mention `p`, but the scrutinee (compiled on top of that
/// continuation's frame) returns it after the collections `sum` causes, so the frame's
/// bitmap must keep it alive.
#[test]
fn a_scrutinee_reaching_below_its_continuation_keeps_its_variables_alive() {
    let n: i64 = if stressed() { 2_000 } else { 200_000 };
    let ran = run_main(opts(), vec![], |g, w| {
        let (p, xs, sb, k, r, m) = (g.p("p"), g.p("xs"), g.p("sb"), g.i("k"), g.p("r"), g.i("m"));
        let1(
            &p,
            con_rhs(&int_con(), vec![int(7)]),
            let1(
                &xs,
                thunk(&[], call("Prelude.enumFromTo", vec![int(1), int(n)])),
                case_alg(
                    case_alg(
                        call("Prelude.sum", vec![lv(&xs)]),
                        &sb,
                        vec![(int_con(), vec![k.clone()], enter(&p))],
                        None,
                    ),
                    &r,
                    vec![(
                        int_con(),
                        vec![m.clone()],
                        call("Prelude.printInt", vec![lv(&m), lv(w)]),
                    )],
                    None,
                ),
            ),
        )
    });
    assert_eq!(ran.result, Ok(Outcome::Finished), "{}", ran.err);
    assert_eq!(ran.out, "7");
}
