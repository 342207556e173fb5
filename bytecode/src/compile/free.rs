//! The local variables an expression mentions, used to leave dead stack words out of a
//! continuation's pointer bitmap (so that the GC does not retain what the rest of the
//! computation can no longer reach). Over-approximates: binders inside count too.

use bhc_stg::{Alts, Atom, Expr, Occ, Rhs};
use std::collections::HashSet;

pub(super) fn alts_mention(alts: &Alts, out: &mut HashSet<u32>) {
    match alts {
        Alts::Algebraic { alts, default } => {
            for (_, _, e) in alts {
                mentions(e, out);
            }
            if let Some(e) = default {
                mentions(e, out);
            }
        }
        Alts::Prim { alts, default } => {
            for (_, e) in alts {
                mentions(e, out);
            }
            if let Some(e) = default {
                mentions(e, out);
            }
        }
        Alts::Default(e) => mentions(e, out),
    }
}

/// The variables a scrutinee compiled in place may read after it has returned into a
/// continuation of its own: those of its nested case alternatives. Arguments of calls
/// and captures of closures are read at once (before anything is evaluated), so a
/// scrutinee that merely passes a variable on does not keep it alive.
pub(super) fn mentions_after_return(e: &Expr, out: &mut HashSet<u32>) {
    match e {
        Expr::Case { scrut, alts, .. } => {
            mentions_after_return(scrut, out);
            alts_mention(alts, out);
        }
        Expr::Let { body, .. } => mentions_after_return(body, out),
        Expr::App { .. } | Expr::Con { .. } | Expr::Prim { .. } | Expr::Lit(_) => {}
    }
}

fn atoms(args: &[Atom], out: &mut HashSet<u32>) {
    for a in args {
        if let Atom::Occ(Occ::Local(v)) = a {
            out.insert(v.unique);
        }
    }
}

pub(super) fn mentions(e: &Expr, out: &mut HashSet<u32>) {
    match e {
        Expr::App { fun, args } => {
            if let Occ::Local(v) = fun {
                out.insert(v.unique);
            }
            atoms(args, out);
        }
        Expr::Con { args, .. } | Expr::Prim { args, .. } => atoms(args, out),
        Expr::Lit(_) => {}
        Expr::Let { binds, body, .. } => {
            for (_, rhs) in binds {
                match rhs {
                    Rhs::Closure { free, .. } => out.extend(free.iter().map(|v| v.unique)),
                    Rhs::Con { args, .. } => atoms(args, out),
                }
            }
            mentions(body, out);
        }
        Expr::Case { scrut, alts, .. } => {
            mentions(scrut, out);
            alts_mention(alts, out);
        }
    }
}
