//! Counting and replacing the uses of a join point in Core, so that a failure
//! continuation used once is inlined and one never used disappears. Uniques are
//! distinct module-wide, so no renaming is needed. It must not change anything else.

use crate::core::{Bind, Expr};
use bhc_stg::Occ;

fn is_use(e: &Expr, unique: u32) -> bool {
    matches!(e, Expr::App(f, _) if matches!(&**f, Expr::Var(Occ::Local(v)) if v.unique == unique))
}

/// How many times the join point `unique` is called in `e`.
pub fn count(e: &Expr, unique: u32) -> usize {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        if is_use(e, unique) {
            return 1;
        }
        match e {
            Expr::Var(Occ::Local(v)) => usize::from(v.unique == unique),
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => 0,
            Expr::App(f, args) => count(f, unique) + args.iter().map(|a| count(a, unique)).sum::<usize>(),
            Expr::Lam(_, b) => count(b, unique),
            Expr::Let(bind, body) => {
                let in_bind = match bind {
                    Bind::NonRec(_, e) => count(e, unique),
                    Bind::Rec(bs) => bs.iter().map(|(_, e)| count(e, unique)).sum(),
                };
                in_bind + count(body, unique)
            }
            Expr::Case(s, _, alts) => count(s, unique) + alts.iter().map(|a| count(&a.rhs, unique)).sum::<usize>(),
        }
    })
}

/// Replaces the (single) call of the join point `unique` by `with`.
pub fn replace(e: Expr, unique: u32, with: &mut Option<Expr>) -> Expr {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        if is_use(&e, unique) {
            if let Some(w) = with.take() {
                return w;
            }
        }
        match e {
            Expr::App(f, args) => {
                let f = replace(*f, unique, with);
                Expr::App(Box::new(f), args.into_iter().map(|a| replace(a, unique, with)).collect())
            }
            Expr::Lam(ps, b) => Expr::Lam(ps, Box::new(replace(*b, unique, with))),
            Expr::Let(bind, body) => {
                let bind = match bind {
                    Bind::NonRec(v, e) => Bind::NonRec(v, Box::new(replace(*e, unique, with))),
                    Bind::Rec(bs) => Bind::Rec(bs.into_iter().map(|(v, e)| (v, replace(e, unique, with))).collect()),
                };
                Expr::Let(bind, Box::new(replace(*body, unique, with)))
            }
            Expr::Case(s, b, alts) => {
                let s = replace(*s, unique, with);
                let alts = alts
                    .into_iter()
                    .map(|mut a| {
                        a.rhs = replace(a.rhs, unique, with);
                        a
                    })
                    .collect();
                Expr::Case(Box::new(s), b, alts)
            }
            other => other,
        }
    })
}
