//! Local-variable traversals of Core the simplifier needs: whether an expression's free
//! locals are within a set, and substitution of locals.

use crate::core::{Alt, Bind, Expr};
use bhc_stg::{Occ, Var};

/// Are all free local variables of `e` among `allowed`?
pub fn locals_within(e: &Expr, allowed: &[u32]) -> bool {
    let mut bound: Vec<u32> = allowed.to_vec();
    within(e, &mut bound)
}

fn within(e: &Expr, bound: &mut Vec<u32>) -> bool {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(Occ::Local(v)) => bound.contains(&v.unique),
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => true,
        Expr::App(f, args) => within(f, bound) && args.iter().all(|a| within(a, bound)),
        Expr::Lam(vs, body) => scoped(bound, vs.iter(), |b| within(body, b)),
        Expr::Let(Bind::NonRec(v, rhs), body) => within(rhs, bound) && scoped(bound, [v].into_iter(), |b| within(body, b)),
        Expr::Let(Bind::Rec(bs), body) => {
            scoped(bound, bs.iter().map(|(v, _)| v), |b| bs.iter().all(|(_, rhs)| within(rhs, b)) && within(body, b))
        }
        Expr::Case(scrut, binder, alts) => {
            within(scrut, bound)
                && scoped(bound, [binder].into_iter(), |b| {
                    alts.iter().all(|a| scoped(b, a.vars.iter(), |b2| within(&a.rhs, b2)))
                })
        }
    })
}

fn scoped<'a>(bound: &mut Vec<u32>, vars: impl Iterator<Item = &'a Var>, f: impl FnOnce(&mut Vec<u32>) -> bool) -> bool {
    let mark = bound.len();
    bound.extend(vars.map(|v| v.unique));
    let r = f(bound);
    bound.truncate(mark);
    r
}

/// Replace local variable occurrences for which `f` returns a replacement. Uniques are
/// distinct within a module, so no capture can happen.
pub fn map_locals(e: &Expr, f: &mut dyn FnMut(&Var) -> Option<Expr>) -> Expr {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(Occ::Local(v)) => f(v).unwrap_or_else(|| e.clone()),
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => e.clone(),
        Expr::App(g, args) => Expr::App(Box::new(map_locals(g, f)), args.iter().map(|a| map_locals(a, f)).collect()),
        Expr::Lam(vs, body) => Expr::Lam(vs.clone(), Box::new(map_locals(body, f))),
        Expr::Let(Bind::NonRec(v, rhs), body) => {
            Expr::Let(Bind::NonRec(v.clone(), Box::new(map_locals(rhs, f))), Box::new(map_locals(body, f)))
        }
        Expr::Let(Bind::Rec(bs), body) => Expr::Let(
            Bind::Rec(bs.iter().map(|(v, rhs)| (v.clone(), map_locals(rhs, f))).collect()),
            Box::new(map_locals(body, f)),
        ),
        Expr::Case(scrut, b, alts) => Expr::Case(
            Box::new(map_locals(scrut, f)),
            b.clone(),
            alts.iter().map(|a| Alt { con: a.con.clone(), vars: a.vars.clone(), rhs: map_locals(&a.rhs, f) }).collect(),
        ),
    })
}

/// Does the local variable with this unique occur free in `e`?
pub fn occurs(e: &Expr, unique: u32) -> bool {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(Occ::Local(v)) => v.unique == unique,
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => false,
        Expr::App(f, args) => occurs(f, unique) || args.iter().any(|a| occurs(a, unique)),
        Expr::Lam(_, body) => occurs(body, unique),
        Expr::Let(Bind::NonRec(_, rhs), body) => occurs(rhs, unique) || occurs(body, unique),
        Expr::Let(Bind::Rec(bs), body) => bs.iter().any(|(_, rhs)| occurs(rhs, unique)) || occurs(body, unique),
        Expr::Case(scrut, _, alts) => occurs(scrut, unique) || alts.iter().any(|a| occurs(&a.rhs, unique)),
    })
}
