//! Tests of the Core-to-STG lowering on hand-built Core.

use super::lower_module;
use crate::core::{Alt, AltCon, Bind, Expr, Module, TopBind};
use bhc_stg::{self as stg, Alts, Atom, DataCon, Global, Lit, Occ, PrimOp, Rep, UpdateFlag, Var};
use std::rc::Rc;

fn var(name: &str, unique: u32, rep: Rep) -> Var {
    Var { name: Rc::from(name), unique, rep }
}

fn local(v: &Var) -> Expr {
    Expr::Var(Occ::Local(v.clone()))
}

fn global(name: &str) -> Expr {
    Expr::Var(Occ::Global(Global(Rc::from(name))))
}

fn int_con() -> DataCon {
    DataCon { name: Global(Rc::from("Prelude.I#")), tag: 0, family_size: 1, fields: vec![Rep::Int] }
}

fn cons_con() -> DataCon {
    DataCon { name: Global(Rc::from("Prelude.:")), tag: 1, family_size: 2, fields: vec![Rep::Ptr, Rep::Ptr] }
}

fn nil_con() -> DataCon {
    DataCon { name: Global(Rc::from("Prelude.[]")), tag: 0, family_size: 2, fields: vec![] }
}

fn module(bindings: Vec<(&str, Expr)>) -> Module {
    Module {
        name: "T".into(),
        data_cons: vec![nil_con(), cons_con()],
        bindings: bindings.into_iter().map(|(n, e)| TopBind { name: Global(Rc::from(n)), expr: e }).collect(),
    }
}

fn binding<'a>(m: &'a stg::Module, name: &str) -> &'a stg::Rhs {
    &m.bindings.iter().find(|b| &*b.name.0 == name).expect("binding exists").rhs
}

#[test]
fn nullary_constructors_get_static_closures() {
    let m = lower_module(&module(vec![])).unwrap();
    assert!(matches!(binding(&m, "Prelude.[]"), stg::Rhs::Con { args, .. } if args.is_empty()));
}

#[test]
fn top_level_lambda_is_a_function_and_constant_is_static() {
    let x = var("x", 1, Rep::Ptr);
    let m = lower_module(&module(vec![
        ("T.id", Expr::Lam(vec![x.clone()], Box::new(local(&x)))),
        ("T.one", Expr::App(Box::new(Expr::Con(int_con())), vec![Expr::Lit(Lit::Int(1))])),
    ]))
    .unwrap();
    assert!(matches!(binding(&m, "T.id"), stg::Rhs::Closure { params, free, update: UpdateFlag::Reentrant, .. } if params.len() == 1 && free.is_empty()));
    assert!(matches!(binding(&m, "T.one"), stg::Rhs::Con { args, .. } if args == &vec![Atom::Lit(Lit::Int(1))]));
}

#[test]
fn non_atomic_arguments_are_let_bound_with_free_variables() {
    // f x = g (h x)
    let x = var("x", 1, Rep::Ptr);
    let body = Expr::App(Box::new(global("T.g")), vec![Expr::App(Box::new(global("T.h")), vec![local(&x)])]);
    let m = lower_module(&module(vec![("T.f", Expr::Lam(vec![x.clone()], Box::new(body)))])).unwrap();
    let stg::Rhs::Closure { body, .. } = binding(&m, "T.f") else { panic!("not a closure") };
    let stg::Expr::Let { binds, body, .. } = &**body else { panic!("expected a let, got {body:?}") };
    let (v, stg::Rhs::Closure { free, update, .. }) = &binds[0] else { panic!("expected a thunk") };
    assert_eq!(*update, UpdateFlag::Updatable);
    assert_eq!(free, &vec![x.clone()]);
    assert!(matches!(&**body, stg::Expr::App { args, .. } if args == &vec![Atom::Occ(Occ::Local(v.clone()))]));
}

#[test]
fn unboxed_arguments_are_evaluated_strictly() {
    // f x = I# (x +# 1#)
    let x = var("x", 1, Rep::Int);
    let sum = Expr::App(Box::new(Expr::Prim(PrimOp::IntAdd)), vec![local(&x), Expr::Lit(Lit::Int(1))]);
    let body = Expr::App(Box::new(Expr::Con(int_con())), vec![sum]);
    let m = lower_module(&module(vec![("T.f", Expr::Lam(vec![x], Box::new(body)))])).unwrap();
    let stg::Rhs::Closure { body, .. } = binding(&m, "T.f") else { panic!() };
    let stg::Expr::Case { scrut, binder, alts: Alts::Prim { alts, default: Some(rest) } } = &**body else { panic!("{body:?}") };
    assert!(alts.is_empty());
    assert_eq!(binder.rep, Rep::Int);
    assert!(matches!(&**scrut, stg::Expr::Prim { op: PrimOp::IntAdd, .. }));
    assert!(matches!(&**rest, stg::Expr::Con { .. }));
}

#[test]
fn partial_constructor_application_is_eta_expanded() {
    // f = (:) x  where x is a global
    let m = lower_module(&module(vec![("T.f", Expr::App(Box::new(Expr::Con(cons_con())), vec![global("T.x")]))])).unwrap();
    assert!(matches!(binding(&m, "T.f"), stg::Rhs::Closure { params, .. } if params.len() == 1));
}

#[test]
fn seq_becomes_a_forcing_case() {
    let a = var("a", 1, Rep::Ptr);
    let b = var("b", 2, Rep::Ptr);
    let body = Expr::App(Box::new(Expr::Prim(PrimOp::Seq)), vec![local(&a), local(&b)]);
    let m = lower_module(&module(vec![("T.s", Expr::Lam(vec![a, b], Box::new(body)))])).unwrap();
    let stg::Rhs::Closure { body, .. } = binding(&m, "T.s") else { panic!() };
    assert!(matches!(&**body, stg::Expr::Case { alts: Alts::Default(_), .. }));
}

#[test]
fn recursive_let_and_cases_lower() {
    // xs = let ys = 1 : ys in case ys of { (:) h t -> h; _ -> 0 }   (a CAF)
    let ys = var("ys", 1, Rep::Ptr);
    let h = var("h", 2, Rep::Ptr);
    let t = var("t", 3, Rep::Ptr);
    let b = var("b", 4, Rep::Ptr);
    let cons = Expr::App(Box::new(Expr::Con(cons_con())), vec![global("T.one"), local(&ys)]);
    let case = Expr::Case(
        Box::new(local(&ys)),
        b,
        vec![
            Alt { con: AltCon::Data(cons_con()), vars: vec![h.clone(), t], rhs: local(&h) },
            Alt { con: AltCon::Default, vars: vec![], rhs: global("T.zero") },
        ],
    );
    let e = Expr::Let(Bind::Rec(vec![(ys, cons)]), Box::new(case));
    let m = lower_module(&module(vec![("T.xs", e)])).unwrap();
    let stg::Rhs::Closure { free, update: UpdateFlag::Updatable, body, .. } = binding(&m, "T.xs") else { panic!() };
    assert!(free.is_empty());
    let stg::Expr::Let { rec: true, binds, body } = &**body else { panic!() };
    assert!(matches!(&binds[0].1, stg::Rhs::Con { .. }));
    assert!(matches!(&**body, stg::Expr::Case { alts: Alts::Algebraic { alts, default: Some(_) }, .. } if alts.len() == 1));
}

#[test]
fn unlifted_pointer_results_are_never_thunks() {
    // f x = g (bigFromInt# x)   and   h x = let b = bigFromInt# x in g b
    let x = var("x", 1, Rep::Int);
    let big = Expr::App(Box::new(Expr::Prim(PrimOp::BigFromInt)), vec![local(&x)]);
    let f = Expr::Lam(vec![x.clone()], Box::new(Expr::App(Box::new(global("T.g")), vec![big.clone()])));
    let b = var("b", 2, Rep::Ptr);
    let y = var("y", 3, Rep::Int);
    let big_y = Expr::App(Box::new(Expr::Prim(PrimOp::BigFromInt)), vec![local(&y)]);
    let h = Expr::Lam(
        vec![y.clone()],
        Box::new(Expr::Let(Bind::NonRec(b.clone(), Box::new(big_y)), Box::new(Expr::App(Box::new(global("T.g")), vec![local(&b)])))),
    );
    let m = lower_module(&module(vec![("T.f", f), ("T.h", h)])).unwrap();
    for name in ["T.f", "T.h"] {
        let stg::Rhs::Closure { body, .. } = binding(&m, name) else { panic!() };
        assert!(
            matches!(&**body, stg::Expr::Case { scrut, alts: Alts::Default(_), .. } if matches!(**scrut, stg::Expr::Prim { op: PrimOp::BigFromInt, .. })),
            "{name}: {body:?}"
        );
    }
}
