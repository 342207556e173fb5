//! Derived `Eq` and `Ord` (Report §11.1): constructors compare by declaration order,
//! fields lexicographically. It must not compare more than it has to: `compare` stops at
//! the first field that differs.

use super::{Con, Gen};
use bhc_syntax::ast::{Alt, Decl, Expr, Pat};

pub(super) fn eq(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for c in cons {
        let tests: Vec<Expr> = (1..=c.arity)
            .map(|i| g.app(g.prelude("=="), vec![g.var(&format!("a{i}")), g.var(&format!("b{i}"))]))
            .collect();
        out.push(g.clause("==", vec![g.pcon(c, "a"), g.pcon(c, "b")], g.all(tests)));
    }
    if cons.len() > 1 {
        out.push(g.clause("==", vec![g.wild(), g.wild()], g.prelude_con("False")));
    }
    out
}

pub(super) fn ord(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for c in cons {
        let mut body = g.prelude_con("EQ");
        for i in (1..=c.arity).rev() {
            let test = g.app(g.prelude("compare"), vec![g.var(&format!("a{i}")), g.var(&format!("b{i}"))]);
            let alts = vec![
                Alt { pat: Pat::Con(g.q(Some("Prelude"), "EQ"), Vec::new(), g.span), rhs: g.rhs(body), span: g.span },
                Alt { pat: g.pvar("r"), rhs: g.rhs(g.var("r")), span: g.span },
            ];
            body = Expr::Case(Box::new(test), alts, g.span);
        }
        out.push(g.clause("compare", vec![g.pcon(c, "a"), g.pcon(c, "b")], body));
    }
    if cons.len() > 1 {
        let tag = |e: Expr| g.app(g.var("tag"), vec![e]);
        let body = g.app(g.prelude("compare"), vec![tag(g.var("x")), tag(g.var("y"))]);
        out.push(g.clause_where("compare", vec![g.pvar("x"), g.pvar("y")], body, g.tag_function(cons)));
    }
    out
}
