//! Derived `Ix` (Report §11.5, the class of base's `Data.Ix`): enumerations index by
//! constructor position; single-constructor products index their fields in row-major
//! order (the last field varies fastest). `index` and `rangeSize` are the class
//! defaults, built on `unsafeIndex` and `inRange`.

use super::{Con, Gen};
use bhc_syntax::ast::Decl;

pub(super) fn enumeration(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let tag = |v: &str| g.app(g.var("tag"), vec![g.var(v)]);
    let bounds = g.ptuple(vec![g.pvar("a"), g.pvar("b")]);
    let positions = g.app(g.prelude("enumFromTo"), vec![tag("a"), tag("b")]);
    let range = g.list_comp(g.app(g.var("fromTag"), vec![g.var("i")]), vec![g.bind(g.pvar("i"), positions)]);
    let offset = g.app(g.prelude("-"), vec![tag("c"), tag("a")]);
    let within = g.all(vec![
        g.app(g.prelude(">="), vec![tag("c"), tag("a")]),
        g.app(g.prelude("<="), vec![tag("c"), tag("b")]),
    ]);
    vec![
        g.clause_where("range", vec![bounds.clone()], range, g.tag_functions(cons)),
        g.clause_where(
            "unsafeIndex",
            vec![g.ptuple(vec![g.pvar("a"), g.wild()]), g.pvar("c")],
            offset,
            g.tag_function(cons),
        ),
        g.clause_where("inRange", vec![bounds, g.pvar("c")], within, g.tag_function(cons)),
    ]
}

pub(super) fn product(g: &Gen, c: &Con) -> Vec<Decl> {
    let bounds = || g.ptuple(vec![g.pcon(c, "l"), g.pcon(c, "u")]);
    let field_bounds = |k: usize| g.tuple(vec![g.var(&format!("l{k}")), g.var(&format!("u{k}"))]);
    let on_field = |method: &str, k: usize| g.app(g.ix(method), vec![field_bounds(k), g.var(&format!("i{k}"))]);
    let quals = (1..=c.arity).map(|k| g.bind(g.pvar(&format!("i{k}")), g.app(g.ix("range"), vec![field_bounds(k)]))).collect();
    let range = g.list_comp(g.con_app(c, "i"), quals);
    let index = (2..=c.arity).fold(on_field("unsafeIndex", 1), |acc, k| {
        let size = g.app(g.ix("unsafeRangeSize"), vec![field_bounds(k)]);
        let scaled = g.app(g.prelude("*"), vec![size, acc]);
        g.app(g.prelude("+"), vec![on_field("unsafeIndex", k), scaled])
    });
    let within = g.all((1..=c.arity).map(|k| on_field("inRange", k)).collect());
    vec![
        g.clause("range", vec![bounds()], range),
        g.clause("unsafeIndex", vec![bounds(), g.pcon(c, "i")], index),
        g.clause("inRange", vec![bounds(), g.pcon(c, "i")], within),
    ]
}

