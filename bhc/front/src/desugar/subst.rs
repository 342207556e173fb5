//! Counting and replacing the uses of a join point in Core, so that a failure
//! continuation used once is inlined and one never used disappears. Uniques are
//! distinct module-wide, so no renaming is needed. It must not change anything else.
//! Both walk the tree in place and stop as soon as the answer is known: the match
//! compiler asks once per join point, over a body that may be large.

use crate::core::{Bind, Expr};
use bhc_stg::Occ;

fn is_use(e: &Expr, unique: u32) -> bool {
    matches!(e, Expr::App(f, _) if matches!(&**f, Expr::Var(Occ::Local(v)) if v.unique == unique))
}

/// How many times the join point `unique` is called in `e`: 0, 1, or 2 for "more".
pub fn count(e: &Expr, unique: u32) -> usize {
    let mut n = 0;
    count_into(e, unique, &mut n);
    n
}

fn count_into(e: &Expr, unique: u32, n: &mut usize) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        if *n >= 2 {
            return;
        }
        if is_use(e, unique) {
            *n += 1;
            return;
        }
        match e {
            Expr::Var(Occ::Local(v)) => *n += usize::from(v.unique == unique),
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => {}
            Expr::App(f, args) => {
                count_into(f, unique, n);
                args.iter().for_each(|a| count_into(a, unique, n));
            }
            Expr::Lam(_, b) => count_into(b, unique, n),
            Expr::Let(bind, body) => {
                match bind {
                    Bind::NonRec(_, e) => count_into(e, unique, n),
                    Bind::Rec(bs) => bs.iter().for_each(|(_, e)| count_into(e, unique, n)),
                }
                count_into(body, unique, n);
            }
            Expr::Case(s, _, alts) => {
                count_into(s, unique, n);
                alts.iter().for_each(|a| count_into(&a.rhs, unique, n));
            }
        }
    })
}

/// Replaces the (single) call of the join point `unique` by `with`, taking it.
pub fn replace(e: &mut Expr, unique: u32, with: &mut Option<Expr>) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        if with.is_none() {
            return;
        }
        if is_use(e, unique) {
            if let Some(w) = with.take() {
                *e = w;
            }
            return;
        }
        match e {
            Expr::App(f, args) => {
                replace(f, unique, with);
                args.iter_mut().for_each(|a| replace(a, unique, with));
            }
            Expr::Lam(_, b) => replace(b, unique, with),
            Expr::Let(bind, body) => {
                match bind {
                    Bind::NonRec(_, e) => replace(e, unique, with),
                    Bind::Rec(bs) => bs.iter_mut().for_each(|(_, e)| replace(e, unique, with)),
                }
                replace(body, unique, with);
            }
            Expr::Case(s, _, alts) => {
                replace(s, unique, with);
                alts.iter_mut().for_each(|a| replace(&mut a.rhs, unique, with));
            }
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => {}
        }
    })
}
