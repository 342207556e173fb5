//! Tests of the simplifier on hand-built Core.

use super::{simplify_module, Knowledge};
use crate::core::{Alt, AltCon, Bind, Expr, Module, TopBind};
use bhc_stg::{DataCon, Global, Lit, Occ, Rep, Var};
use std::rc::Rc;

fn var(name: &str, unique: u32) -> Var {
    Var { name: Rc::from(name), unique, rep: Rep::Ptr }
}

fn g(name: &str) -> Expr {
    Expr::Var(Occ::Global(Global(Rc::from(name))))
}

fn local(v: &Var) -> Expr {
    Expr::Var(Occ::Local(v.clone()))
}

fn con(name: &str, arity: usize) -> DataCon {
    DataCon { name: Global(Rc::from(name)), tag: 0, family_size: 1, fields: vec![Rep::Ptr; arity] }
}

fn module(name: &str, bindings: Vec<(&str, Expr)>) -> Module {
    Module {
        name: name.into(),
        data_cons: vec![],
        bindings: bindings.into_iter().map(|(n, e)| TopBind { name: Global(Rc::from(n)), expr: e }).collect(),
    }
}

fn find<'a>(m: &'a Module, name: &str) -> &'a Expr {
    &m.bindings.iter().find(|b| &*b.name.0 == name).unwrap_or_else(|| panic!("no {name} in {m}")).expr
}

/// class C a where { m1 :: a; m2 :: a -> a }, a selector for m2, and a dictionary whose
/// second method refers to the dictionary itself.
fn class_module() -> Module {
    let d = var("d", 1);
    let (x1, x2) = (var("x1", 2), var("x2", 3));
    let sel = Expr::Lam(
        vec![d.clone()],
        Box::new(Expr::Case(
            Box::new(local(&d)),
            var("b", 4),
            vec![Alt { con: AltCon::Data(con("P.C:C", 2)), vars: vec![x1, x2.clone()], rhs: local(&x2) }],
        )),
    );
    let this = var("this", 5);
    let y = var("y", 6);
    let method = Expr::Lam(vec![y.clone()], Box::new(Expr::App(Box::new(g("P.m1")), vec![local(&this)])));
    let dict = Expr::Let(
        Bind::Rec(vec![(this.clone(), Expr::App(Box::new(Expr::Con(con("P.C:C", 2))), vec![g("P.one"), method]))]),
        Box::new(local(&this)),
    );
    module("P", vec![("P.m2", sel), ("P.$fCInt", dict)])
}

#[test]
fn dictionaries_become_static_and_methods_float() {
    let mut known = Knowledge::default();
    let m = simplify_module(&class_module(), &mut known);
    let Expr::App(head, args) = find(&m, "P.$fCInt") else { panic!("{m}") };
    assert!(matches!(&**head, Expr::Con(_)));
    assert_eq!(args[1], g("P.$fCInt$f1"));
    // The floated method refers to the dictionary by its global name.
    assert!(find(&m, "P.$fCInt$f1").to_string().contains("P.$fCInt"), "{m}");
}

#[test]
fn known_method_selection_across_modules() {
    let mut known = Knowledge::default();
    simplify_module(&class_module(), &mut known);
    let main = module("Main", vec![("Main.x", Expr::App(Box::new(g("P.m2")), vec![g("P.$fCInt"), Expr::Lit(Lit::Int(3))]))]);
    let m = simplify_module(&main, &mut known);
    // The selected method `\y -> P.m1 this` is small, so it is inlined as well.
    assert_eq!(find(&m, "Main.x"), &Expr::App(Box::new(g("P.m1")), vec![g("P.$fCInt")]));
}

#[test]
fn constant_constructor_applications_are_shared() {
    let mut known = Knowledge::default();
    let boxed = || Expr::App(Box::new(Expr::Con(con("P.I#", 1))), vec![Expr::Lit(Lit::Int(2))]);
    let x = var("x", 1);
    let f = Expr::Lam(vec![x.clone()], Box::new(Expr::App(Box::new(g("P.plus")), vec![local(&x), boxed(), boxed()])));
    let m = simplify_module(&module("Main", vec![("Main.f", f)]), &mut known);
    let Expr::Lam(_, body) = find(&m, "Main.f") else { panic!() };
    let Expr::App(_, args) = &**body else { panic!() };
    assert_eq!(args[1], g("Main.$c0"));
    assert_eq!(args[2], g("Main.$c0"));
    assert!(matches!(find(&m, "Main.$c0"), Expr::App(..)));
}

fn int_con() -> DataCon {
    DataCon { name: Global(Rc::from("P.I#")), tag: 0, family_size: 1, fields: vec![Rep::Int] }
}

fn bool_con(name: &str, tag: u32) -> DataCon {
    DataCon { name: Global(Rc::from(name)), tag, family_size: 2, fields: vec![] }
}

#[test]
fn comparisons_collapse_through_case_of_case() {
    // isTrue# x = case x of { 0# -> False; _ -> True }
    // lt a b = case a of I# x -> case b of I# y -> isTrue# (<# x y)
    // f n = case lt n (I# 2#) of { True -> n; False -> I# 0# }
    let ix = Var { name: Rc::from("x"), unique: 1, rep: Rep::Int };
    let is_true = Expr::Lam(
        vec![ix.clone()],
        Box::new(Expr::Case(
            Box::new(local(&ix)),
            Var { name: Rc::from("s"), unique: 2, rep: Rep::Int },
            vec![
                Alt { con: AltCon::Lit(Lit::Int(0)), vars: vec![], rhs: Expr::Con(bool_con("P.False", 0)) },
                Alt { con: AltCon::Default, vars: vec![], rhs: Expr::Con(bool_con("P.True", 1)) },
            ],
        )),
    );
    let (a, b) = (var("a", 3), var("b", 4));
    let (x, y) = (Var { name: Rc::from("x"), unique: 5, rep: Rep::Int }, Var { name: Rc::from("y"), unique: 6, rep: Rep::Int });
    let cmp = Expr::App(Box::new(Expr::Prim(bhc_stg::PrimOp::IntLt)), vec![local(&x), local(&y)]);
    let lt = Expr::Lam(
        vec![a.clone(), b.clone()],
        Box::new(Expr::Case(
            Box::new(local(&a)),
            var("c1", 7),
            vec![Alt {
                con: AltCon::Data(int_con()),
                vars: vec![x.clone()],
                rhs: Expr::Case(
                    Box::new(local(&b)),
                    var("c2", 8),
                    vec![Alt { con: AltCon::Data(int_con()), vars: vec![y.clone()], rhs: Expr::App(Box::new(g("P.isTrue#")), vec![cmp]) }],
                ),
            }],
        )),
    );
    let mut known = Knowledge::default();
    simplify_module(&module("P", vec![("P.isTrue#", is_true), ("P.lt", lt)]), &mut known);
    let n = var("n", 1);
    let two = Expr::App(Box::new(Expr::Con(int_con())), vec![Expr::Lit(Lit::Int(2))]);
    let zero = Expr::App(Box::new(Expr::Con(int_con())), vec![Expr::Lit(Lit::Int(0))]);
    let f = Expr::Lam(
        vec![n.clone()],
        Box::new(Expr::Case(
            Box::new(Expr::App(Box::new(g("P.lt")), vec![local(&n), two])),
            var("r", 2),
            vec![
                Alt { con: AltCon::Data(bool_con("P.True", 1)), vars: vec![], rhs: local(&n) },
                Alt { con: AltCon::Data(bool_con("P.False", 0)), vars: vec![], rhs: zero },
            ],
        )),
    );
    let m = simplify_module(&module("Main", vec![("Main.f", f)]), &mut known);
    let text = find(&m, "Main.f").to_string();
    // No call, no Bool: the comparison is a primop whose result picks the branch, and
    // the constant 2 is unboxed at compile time.
    assert!(!text.contains("P.lt") && !text.contains("P.isTrue#") && !text.contains("P.True"), "{text}");
    assert!(text.contains("<# ") && text.contains(" 2#"), "{text}");
}

#[test]
fn knowledge_round_trips_and_rejects_corruption() {
    let mut known = Knowledge::default();
    simplify_module(&class_module(), &mut known);
    let mine = known.for_module("P");
    let bytes = mine.encode();
    let back = Knowledge::decode(&bytes).expect("decodes");
    assert_eq!(back.encode(), bytes);
    assert!(!back.unfoldings.is_empty() && !back.statics.is_empty() && !back.selectors.is_empty());
    for cut in 0..bytes.len() {
        assert!(Knowledge::decode(&bytes[..cut]).is_err(), "a file cut at {cut} must not decode");
    }
    let mut state = 0x2545_f491_u32;
    for _ in 0..2000 {
        let mut corrupt = bytes.clone();
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let i = state as usize % corrupt.len();
        corrupt[i] ^= (state >> 8) as u8 | 1;
        let _ = Knowledge::decode(&corrupt);
    }
}

#[test]
fn aliases_of_primops_are_replaced_by_the_primop() {
    // P.seq = seq#; f a b = seq a b  ==>  f a b = seq# a b (which lowers to a forcing case)
    let mut known = Knowledge::default();
    simplify_module(&module("P", vec![("P.seq", Expr::Prim(bhc_stg::PrimOp::Seq))]), &mut known);
    let (a, b) = (var("a", 1), var("b", 2));
    let f = Expr::Lam(vec![a.clone(), b.clone()], Box::new(Expr::App(Box::new(g("P.seq")), vec![local(&a), local(&b)])));
    let m = simplify_module(&module("Main", vec![("Main.f", f)]), &mut known);
    let Expr::Lam(_, body) = find(&m, "Main.f") else { panic!() };
    assert!(matches!(&**body, Expr::App(head, _) if **head == Expr::Prim(bhc_stg::PrimOp::Seq)), "{m}");
}

/// `P.$fC[] = \d -> letrec this = C:C d (\y -> P.m1 this) in this`, an instance with a
/// context whose method uses its own dictionary, and a caller `Main.use = \d -> P.$fC[] d`.
#[test]
fn dictionary_functions_are_not_unfolded() {
    let mut known = Knowledge::default();
    let (d, this, y) = (var("d", 1), var("this", 2), var("y", 3));
    let method = Expr::Lam(vec![y], Box::new(Expr::App(Box::new(g("P.m1")), vec![local(&this)])));
    let dict_fun = Expr::Lam(
        vec![d.clone()],
        Box::new(Expr::Let(
            Bind::Rec(vec![(this.clone(), Expr::App(Box::new(Expr::Con(con("P.C:C", 2))), vec![local(&d), method]))]),
            Box::new(local(&this)),
        )),
    );
    simplify_module(&module("P", vec![("P.$fC[]", dict_fun)]), &mut known);
    let d2 = var("d", 1);
    let caller = Expr::Lam(vec![d2.clone()], Box::new(Expr::App(Box::new(g("P.$fC[]")), vec![local(&d2)])));
    let m = simplify_module(&module("Main", vec![("Main.use", caller.clone())]), &mut known);
    assert_eq!(find(&m, "Main.use"), &caller);
}

/// `P.isLT = \o -> case o of { LT -> 1#; _ -> 0# }` applied to the constructor `LT`: the
/// argument is substituted, not let-bound, so the case is decided.
#[test]
fn a_nullary_constructor_argument_decides_the_case() {
    let mut known = Knowledge::default();
    let lt = DataCon { name: Global(Rc::from("P.LT")), tag: 0, family_size: 3, fields: vec![] };
    let o = var("o", 1);
    let alts = vec![
        Alt { con: AltCon::Data(lt.clone()), vars: vec![], rhs: Expr::Lit(Lit::Int(1)) },
        Alt { con: AltCon::Default, vars: vec![], rhs: Expr::Lit(Lit::Int(0)) },
    ];
    let is_lt = Expr::Lam(vec![o.clone()], Box::new(Expr::Case(Box::new(local(&o)), var("b", 2), alts)));
    let use_it = Expr::App(Box::new(g("P.isLT")), vec![Expr::Con(lt)]);
    let m = simplify_module(&module("P", vec![("P.isLT", is_lt), ("P.yes", use_it)]), &mut known);
    assert_eq!(find(&m, "P.yes"), &Expr::Lit(Lit::Int(1)));
}

#[test]
fn calls_with_large_arguments_are_not_inlined() {
    // P.app f x = f x; Main.small = P.app g 1; Main.big = P.app g (h (h (... 1)))
    let mut known = Knowledge::default();
    let (f, x) = (var("f", 1), var("x", 2));
    let app = Expr::Lam(vec![f.clone(), x.clone()], Box::new(Expr::App(Box::new(local(&f)), vec![local(&x)])));
    simplify_module(&module("P", vec![("P.app", app)]), &mut known);
    let call = |arg: Expr| Expr::App(Box::new(g("P.app")), vec![g("P.g"), arg]);
    let deep = (0..300).fold(Expr::Lit(Lit::Int(1)), |e, _| Expr::App(Box::new(g("P.h")), vec![e]));
    let m = simplify_module(&module("Main", vec![("Main.small", call(Expr::Lit(Lit::Int(1)))), ("Main.big", call(deep))]), &mut known);
    assert!(!find(&m, "Main.small").to_string().contains("P.app"), "{m}");
    // Inlining simplifies the arguments again, which made nested chains of such calls
    // take time polynomial of a high degree in their depth.
    assert!(find(&m, "Main.big").to_string().contains("P.app"), "{m}");
}
