//! A small builder for hand-written STG, and a test Prelude (lists, Int, Char, IO
//! helpers, wired-in exceptions) so that tests can run programs without a front end.
#![allow(dead_code)]

use bhc_bytecode::{compile_module, link};
use bhc_rts::{Outcome, RtsError, RtsOptions, Runtime};
use bhc_stg::*;
use std::rc::Rc;

pub struct Gen {
    pub next: u32,
}

impl Gen {
    pub fn new() -> Gen {
        Gen { next: 1 }
    }
    pub fn var(&mut self, name: &str, rep: Rep) -> Var {
        self.next += 1;
        Var {
            name: Rc::from(name),
            unique: self.next,
            rep,
        }
    }
    pub fn p(&mut self, name: &str) -> Var {
        self.var(name, Rep::Ptr)
    }
    pub fn i(&mut self, name: &str) -> Var {
        self.var(name, Rep::Int)
    }
    pub fn c(&mut self, name: &str) -> Var {
        self.var(name, Rep::Char)
    }
    pub fn d(&mut self, name: &str) -> Var {
        self.var(name, Rep::Double)
    }
}

pub fn dc(name: &str, tag: u32, family: u32, fields: &[Rep]) -> DataCon {
    DataCon {
        name: Global(Rc::from(name)),
        tag,
        family_size: family,
        fields: fields.to_vec(),
    }
}
pub fn g(name: &str) -> Global {
    Global(Rc::from(name))
}
pub fn lv(v: &Var) -> Atom {
    Atom::Occ(Occ::Local(v.clone()))
}
pub fn gv(name: &str) -> Atom {
    Atom::Occ(Occ::Global(g(name)))
}
pub fn int(i: i64) -> Atom {
    Atom::Lit(Lit::Int(i))
}
pub fn chr(c: char) -> Atom {
    Atom::Lit(Lit::Char(c))
}
pub fn dbl(d: f64) -> Atom {
    Atom::Lit(Lit::Double(d))
}
pub fn string(s: &str) -> Atom {
    Atom::Lit(Lit::String(Rc::from(s.as_bytes())))
}
pub fn call(f: &str, args: Vec<Atom>) -> Expr {
    Expr::App {
        fun: Occ::Global(g(f)),
        args,
    }
}
pub fn call_l(f: &Var, args: Vec<Atom>) -> Expr {
    Expr::App {
        fun: Occ::Local(f.clone()),
        args,
    }
}
pub fn enter(v: &Var) -> Expr {
    call_l(v, vec![])
}
pub fn prim(op: PrimOp, args: Vec<Atom>) -> Expr {
    Expr::Prim { op, args }
}
pub fn con(d: &DataCon, args: Vec<Atom>) -> Expr {
    Expr::Con {
        con: d.clone(),
        args,
    }
}
pub fn case_alg(
    scrut: Expr,
    binder: &Var,
    alts: Vec<(DataCon, Vec<Var>, Expr)>,
    default: Option<Expr>,
) -> Expr {
    Expr::Case {
        scrut: Box::new(scrut),
        binder: binder.clone(),
        alts: Alts::Algebraic {
            alts,
            default: default.map(Box::new),
        },
    }
}
pub fn case_lit(scrut: Expr, binder: &Var, alts: Vec<(Lit, Expr)>, default: Option<Expr>) -> Expr {
    Expr::Case {
        scrut: Box::new(scrut),
        binder: binder.clone(),
        alts: Alts::Prim {
            alts,
            default: default.map(Box::new),
        },
    }
}
pub fn case_def(scrut: Expr, binder: &Var, body: Expr) -> Expr {
    Expr::Case {
        scrut: Box::new(scrut),
        binder: binder.clone(),
        alts: Alts::Default(Box::new(body)),
    }
}
pub fn let1(v: &Var, rhs: Rhs, body: Expr) -> Expr {
    Expr::Let {
        rec: false,
        binds: vec![(v.clone(), rhs)],
        body: Box::new(body),
    }
}
pub fn letrec(binds: Vec<(Var, Rhs)>, body: Expr) -> Expr {
    Expr::Let {
        rec: true,
        binds,
        body: Box::new(body),
    }
}
pub fn thunk(free: &[&Var], body: Expr) -> Rhs {
    Rhs::Closure {
        free: free.iter().map(|v| (*v).clone()).collect(),
        update: UpdateFlag::Updatable,
        params: vec![],
        body: Box::new(body),
    }
}
pub fn fun(free: &[&Var], params: &[&Var], body: Expr) -> Rhs {
    Rhs::Closure {
        free: free.iter().map(|v| (*v).clone()).collect(),
        update: UpdateFlag::Reentrant,
        params: params.iter().map(|v| (*v).clone()).collect(),
        body: Box::new(body),
    }
}
pub fn con_rhs(d: &DataCon, args: Vec<Atom>) -> Rhs {
    Rhs::Con {
        con: d.clone(),
        args,
    }
}
pub fn top(name: &str, rhs: Rhs) -> Binding {
    Binding { name: g(name), rhs }
}

pub fn int_con() -> DataCon {
    dc("Prelude.I#", 0, 1, &[Rep::Int])
}
pub fn char_con() -> DataCon {
    dc("Prelude.C#", 0, 1, &[Rep::Char])
}
pub fn nil() -> DataCon {
    dc("Prelude.[]", 0, 2, &[])
}
pub fn cons() -> DataCon {
    dc("Prelude.:", 1, 2, &[Rep::Ptr, Rep::Ptr])
}
pub fn unit() -> DataCon {
    dc("Prelude.()", 0, 1, &[])
}
pub fn iores() -> DataCon {
    dc("Prelude.IORes", 0, 1, &[Rep::Ptr])
}
pub fn exc(name: &str, tag: u32) -> DataCon {
    dc(&format!("Prelude.{name}"), tag, 4, &[])
}

/// `IORes ()`.
pub fn io_unit() -> Expr {
    con(&iores(), vec![gv("Prelude.()")])
}

/// Write one character to stdout, then continue.
pub fn put_then(c: char, w: &Var, rest: Expr) -> Expr {
    let r = Var {
        name: Rc::from("r"),
        unique: 1,
        rep: Rep::Int,
    };
    case_def(prim(PrimOp::PutChar, vec![int(1), chr(c), lv(w)]), &r, rest)
}

/// The test Prelude. With `wired`, it defines the globals the RTS raises.
pub fn prelude(wired: bool) -> Module {
    let mut gen = Gen::new();
    let mut data_cons = vec![
        int_con(),
        char_con(),
        nil(),
        cons(),
        unit(),
        iores(),
        dc("Prelude.RealWorld", 0, 1, &[]),
        dc("Prelude.False", 0, 2, &[]),
        dc("Prelude.True", 1, 2, &[]),
        exc("NonTermination", 0),
        exc("StackOverflow", 1),
        exc("HeapOverflow", 2),
        exc("MyError", 3),
    ];
    data_cons.push(dc("Prelude.Box", 0, 1, &[Rep::Ptr]));
    let mut bindings = Vec::new();
    if wired {
        bindings.push(top(
            "Prelude.nonTermination",
            con_rhs(&exc("NonTermination", 0), vec![]),
        ));
        bindings.push(top(
            "Prelude.stackOverflow",
            con_rhs(&exc("StackOverflow", 1), vec![]),
        ));
        bindings.push(top(
            "Prelude.heapOverflow",
            con_rhs(&exc("HeapOverflow", 2), vec![]),
        ));
    }

    // putStr s w = case s of [] -> IORes (); c : cs -> case c of C# ch -> hPutChar# 1# ch w `seq` putStr cs w
    {
        let (s, w, sb, c, cs, cb, ch, r) = (
            gen.p("s"),
            gen.p("w"),
            gen.p("sb"),
            gen.p("c"),
            gen.p("cs"),
            gen.p("cb"),
            gen.c("ch"),
            gen.i("r"),
        );
        let body = case_alg(
            enter(&s),
            &sb,
            vec![
                (nil(), vec![], io_unit()),
                (
                    cons(),
                    vec![c.clone(), cs.clone()],
                    case_alg(
                        enter(&c),
                        &cb,
                        vec![(
                            char_con(),
                            vec![ch.clone()],
                            case_def(
                                prim(PrimOp::PutChar, vec![int(1), lv(&ch), lv(&w)]),
                                &r,
                                call("Prelude.putStr", vec![lv(&cs), lv(&w)]),
                            ),
                        )],
                        None,
                    ),
                ),
            ],
            None,
        );
        bindings.push(top("Prelude.putStr", fun(&[], &[&s, &w], body)));
    }

    // unpack a i = case indexCharOffAddr# a i of '\0'# -> []; ch -> C# ch : THUNK(unpack a (i+1))
    {
        let (a, i, ch, j, rest, c) = (
            gen.var("a", Rep::Addr),
            gen.i("i"),
            gen.c("ch"),
            gen.i("j"),
            gen.p("rest"),
            gen.p("c"),
        );
        let more = let1(
            &rest,
            thunk(
                &[&a, &i],
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&i), int(1)]),
                    &j,
                    call("Prelude.unpack", vec![lv(&a), lv(&j)]),
                ),
            ),
            let1(
                &c,
                con_rhs(&char_con(), vec![lv(&ch)]),
                con(&cons(), vec![lv(&c), lv(&rest)]),
            ),
        );
        let body = case_lit(
            prim(PrimOp::IndexCharOffAddr, vec![lv(&a), lv(&i)]),
            &ch,
            vec![(Lit::Char('\0'), con(&nil(), vec![]))],
            Some(more),
        );
        bindings.push(top("Prelude.unpack", fun(&[], &[&a, &i], body)));
    }

    // digits n w :: Int#  (prints the decimal digits of n >= 0, returns hPutChar#'s result)
    {
        let (n, w, t, q, rr, r, c, ch) = (
            gen.i("n"),
            gen.p("w"),
            gen.i("t"),
            gen.i("q"),
            gen.i("rr"),
            gen.i("r"),
            gen.i("c"),
            gen.c("ch"),
        );
        let (c2, ch2) = (gen.i("c2"), gen.c("ch2"));
        let put_digit = |d: &Var, c: &Var, ch: &Var| {
            case_def(
                prim(PrimOp::IntAdd, vec![lv(d), int(48)]),
                c,
                case_def(
                    prim(PrimOp::Chr, vec![lv(c)]),
                    ch,
                    prim(PrimOp::PutChar, vec![int(1), lv(ch), lv(&w)]),
                ),
            )
        };
        let small = put_digit(&n, &c, &ch);
        let big = case_def(
            prim(PrimOp::IntQuot, vec![lv(&n), int(10)]),
            &q,
            case_def(
                call("Prelude.digits", vec![lv(&q), lv(&w)]),
                &rr,
                case_def(
                    prim(PrimOp::IntRem, vec![lv(&n), int(10)]),
                    &r,
                    put_digit(&r, &c2, &ch2),
                ),
            ),
        );
        let body = case_lit(
            prim(PrimOp::IntLt, vec![lv(&n), int(10)]),
            &t,
            vec![(Lit::Int(1), small)],
            Some(big),
        );
        bindings.push(top("Prelude.digits", fun(&[], &[&n, &w], body)));
    }

    // printInt n w = (if n < 0 then '-' and negate) digits; IORes ()
    {
        let (n, w, t, m, r, r2) = (
            gen.i("n"),
            gen.p("w"),
            gen.i("t"),
            gen.i("m"),
            gen.i("r"),
            gen.i("r2"),
        );
        let neg = case_def(
            prim(PrimOp::PutChar, vec![int(1), chr('-'), lv(&w)]),
            &r,
            case_def(
                prim(PrimOp::IntNegate, vec![lv(&n)]),
                &m,
                call("Prelude.printInt", vec![lv(&m), lv(&w)]),
            ),
        );
        let pos = case_def(call("Prelude.digits", vec![lv(&n), lv(&w)]), &r2, io_unit());
        let body = case_lit(
            prim(PrimOp::IntLt, vec![lv(&n), int(0)]),
            &t,
            vec![(Lit::Int(1), neg)],
            Some(pos),
        );
        bindings.push(top("Prelude.printInt", fun(&[], &[&n, &w], body)));
    }

    // enumFromTo a b = if a > b then [] else I# a : THUNK(enumFromTo (a+1) b)
    {
        let (a, b, t, a1, rest, x) = (
            gen.i("a"),
            gen.i("b"),
            gen.i("t"),
            gen.i("a1"),
            gen.p("rest"),
            gen.p("x"),
        );
        let more = let1(
            &rest,
            thunk(
                &[&a, &b],
                case_def(
                    prim(PrimOp::IntAdd, vec![lv(&a), int(1)]),
                    &a1,
                    call("Prelude.enumFromTo", vec![lv(&a1), lv(&b)]),
                ),
            ),
            let1(
                &x,
                con_rhs(&int_con(), vec![lv(&a)]),
                con(&cons(), vec![lv(&x), lv(&rest)]),
            ),
        );
        let body = case_lit(
            prim(PrimOp::IntGt, vec![lv(&a), lv(&b)]),
            &t,
            vec![(Lit::Int(1), con(&nil(), vec![]))],
            Some(more),
        );
        bindings.push(top("Prelude.enumFromTo", fun(&[], &[&a, &b], body)));
    }

    // sum xs = case xs of [] -> I# 0#; x : r -> case x of I# a -> case sum r of I# b -> I# (a + b)
    {
        let (xs, xb, x, r, xb2, a, sb, b, c) = (
            gen.p("xs"),
            gen.p("xb"),
            gen.p("x"),
            gen.p("r"),
            gen.p("xb2"),
            gen.i("a"),
            gen.p("sb"),
            gen.i("b"),
            gen.i("c"),
        );
        let body = case_alg(
            enter(&xs),
            &xb,
            vec![
                (nil(), vec![], con(&int_con(), vec![int(0)])),
                (
                    cons(),
                    vec![x.clone(), r.clone()],
                    case_alg(
                        enter(&x),
                        &xb2,
                        vec![(
                            int_con(),
                            vec![a.clone()],
                            case_alg(
                                call("Prelude.sum", vec![lv(&r)]),
                                &sb,
                                vec![(
                                    int_con(),
                                    vec![b.clone()],
                                    case_def(
                                        prim(PrimOp::IntAdd, vec![lv(&a), lv(&b)]),
                                        &c,
                                        con(&int_con(), vec![lv(&c)]),
                                    ),
                                )],
                                None,
                            ),
                        )],
                        None,
                    ),
                ),
            ],
            None,
        );
        bindings.push(top("Prelude.sum", fun(&[], &[&xs], body)));
    }

    // length xs acc = case xs of [] -> acc; _ : t -> length t (acc + 1)    (returns Int#)
    {
        let (xs, acc, xb, h, t, acc1) = (
            gen.p("xs"),
            gen.i("acc"),
            gen.p("xb"),
            gen.p("h"),
            gen.p("t"),
            gen.i("acc1"),
        );
        let body = case_alg(
            enter(&xs),
            &xb,
            vec![
                (nil(), vec![], enter(&acc)),
                (
                    cons(),
                    vec![h.clone(), t.clone()],
                    case_def(
                        prim(PrimOp::IntAdd, vec![lv(&acc), int(1)]),
                        &acc1,
                        call("Prelude.length", vec![lv(&t), lv(&acc1)]),
                    ),
                ),
            ],
            None,
        );
        bindings.push(top("Prelude.length", fun(&[], &[&xs, &acc], body)));
    }

    // printIntBox x w = case x of I# n -> printInt n w
    {
        let (x, w, xb, n) = (gen.p("x"), gen.p("w"), gen.p("xb"), gen.i("n"));
        let body = case_alg(
            enter(&x),
            &xb,
            vec![(
                int_con(),
                vec![n.clone()],
                call("Prelude.printInt", vec![lv(&n), lv(&w)]),
            )],
            None,
        );
        bindings.push(top("Prelude.printIntBox", fun(&[], &[&x, &w], body)));
    }

    Module {
        name: "Prelude".into(),
        data_cons,
        bindings,
    }
}

pub fn opts() -> RtsOptions {
    RtsOptions {
        capture_output: true,
        ..RtsOptions::from_env()
    }
}

pub fn stressed() -> bool {
    std::env::var("BHC_GC_STRESS").is_ok_and(|v| v == "1")
}

/// Compile and link `modules` in order into a new runtime.
pub fn load(opts: RtsOptions, modules: &[Module]) -> Runtime {
    let mut rt = Runtime::new(opts);
    for m in modules {
        let compiled = compile_module(m).unwrap_or_else(|e| panic!("{e}"));
        link(&mut rt, &compiled).unwrap_or_else(|e| panic!("{e}"));
    }
    rt
}

pub struct Ran {
    pub result: Result<Outcome, RtsError>,
    pub out: String,
    pub err: String,
}

pub fn run(rt: &mut Runtime, entry: &str) -> Ran {
    let result = rt.run_io(entry);
    let (out, err) = rt.take_output();
    Ran {
        result,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

/// A module `Test` with one binding `Test.main = \w -> body` (body built from `w`).
pub fn main_module(
    gen: &mut Gen,
    extra: Vec<Binding>,
    body: impl FnOnce(&mut Gen, &Var) -> Expr,
) -> Module {
    let w = gen.p("w");
    let b = body(gen, &w);
    let mut bindings = extra;
    bindings.push(top("Test.main", fun(&[], &[&w], b)));
    Module {
        name: "Test".into(),
        data_cons: vec![],
        bindings,
    }
}

/// Run `Test.main` on top of the test Prelude and return what it printed.
pub fn run_main(
    opts: RtsOptions,
    extra: Vec<Binding>,
    body: impl FnOnce(&mut Gen, &Var) -> Expr,
) -> Ran {
    let mut gen = Gen { next: 10_000 };
    let m = main_module(&mut gen, extra, body);
    let mut rt = load(opts, &[prelude(true), m]);
    run(&mut rt, "Test.main")
}
