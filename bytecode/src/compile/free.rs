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
