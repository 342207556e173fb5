//! Derived `Enum` (enumerations only) and `Bounded` (enumerations and single-constructor
//! types), Report §11.2 and §11.3. The other `Enum` methods come from the class's
//! defaults through `fromEnum`/`toEnum`.

use super::{Con, Gen};
use bhc_syntax::ast::{Alt, Decl, Expr, Literal, Pat};

pub(super) fn enumeration(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for (i, c) in cons.iter().enumerate() {
        out.push(g.clause("fromEnum", vec![g.pcon(c, "a")], g.int(i)));
    }
    let mut alts: Vec<Alt> = cons
        .iter()
        .enumerate()
        .map(|(i, c)| Alt { pat: Pat::Lit(Literal::Int(i as i128), g.span), rhs: g.rhs(g.con_expr(c)), span: g.span })
        .collect();
    let bad = g.app(g.prelude("error"), vec![g.string("toEnum: bad argument")]);
    alts.push(Alt { pat: g.wild(), rhs: g.rhs(bad), span: g.span });
    out.push(g.clause("toEnum", vec![g.pvar("n")], Expr::Case(Box::new(g.var("n")), alts, g.span)));
    let (first, last) = (g.con_expr(&cons[0]), g.con_expr(&cons[cons.len() - 1]));
    out.push(g.clause("enumFrom", vec![g.pvar("x")], g.app(g.prelude("enumFromTo"), vec![g.var("x"), last.clone()])));
    let from = |v: &str| g.app(g.prelude("fromEnum"), vec![g.var(v)]);
    let up = g.app(g.prelude(">="), vec![from("y"), from("x")]);
    let bound = Expr::If(Box::new(up), Box::new(last), Box::new(first), g.span);
    let body = g.app(g.prelude("enumFromThenTo"), vec![g.var("x"), g.var("y"), bound]);
    out.push(g.clause("enumFromThen", vec![g.pvar("x"), g.pvar("y")], body));
    out
}

pub(super) fn bounded(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let bound = |c: &Con, which: &str| g.app(g.con_expr(c), (0..c.arity).map(|_| g.prelude(which)).collect());
    vec![
        Decl::PatBind { pat: g.pvar("minBound"), rhs: g.rhs(bound(&cons[0], "minBound")), span: g.span },
        Decl::PatBind { pat: g.pvar("maxBound"), rhs: g.rhs(bound(&cons[cons.len() - 1], "maxBound")), span: g.span },
    ]
}
