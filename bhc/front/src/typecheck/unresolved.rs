//! Names the renamer could not resolve. It has reported them, and they reach the
//! checker unqualified (every resolved name carries its module). This finds the
//! bindings that mention one, so that they, and the bindings whose types depend on
//! them, are left unchecked instead of producing follow-up type errors, while the rest
//! of the module is checked as usual. It must not report anything.

use crate::hir::{Bind, Binds, Body, Expr, Guard, Pat, Rhs, SigType, TypeExpr};
use crate::types::module_of;

/// Whether a name in the renamed program is one the renamer could not resolve.
pub fn is_unresolved(name: &str) -> bool {
    module_of(name).is_empty()
}

pub fn bind_mentions(b: &Bind) -> bool {
    match b {
        Bind::Fun { matches, .. } => matches.iter().any(|m| m.pats.iter().any(pat_mentions) || rhs_mentions(&m.rhs)),
        Bind::Pat { pat, rhs, .. } => pat_mentions(pat) || rhs_mentions(rhs),
    }
}

pub fn sig_mentions(s: &SigType) -> bool {
    type_mentions(&s.ty) || s.context.iter().any(|c| is_unresolved(&c.class) || type_mentions(&c.ty))
}

fn binds_mention(bs: &Binds) -> bool {
    bs.binds.iter().any(bind_mentions) || bs.sigs.values().any(sig_mentions)
}

fn type_mentions(t: &TypeExpr) -> bool {
    match t {
        TypeExpr::Var(..) => false,
        TypeExpr::Con(n, _) => is_unresolved(n),
        TypeExpr::App(f, a, _) => type_mentions(f) || type_mentions(a),
        TypeExpr::Forall(_, ctx, body, _) => {
            type_mentions(body) || ctx.iter().any(|c| is_unresolved(&c.class) || type_mentions(&c.ty))
        }
    }
}

fn pat_mentions(p: &Pat) -> bool {
    match p {
        Pat::Var(_) | Pat::Wild(_) | Pat::Lit(..) | Pat::NumLit { .. } => false,
        Pat::Con(c, args, _) => is_unresolved(c) || args.iter().any(pat_mentions),
        Pat::As(_, inner, _) | Pat::Lazy(inner, _) | Pat::Bang(inner, _) => pat_mentions(inner),
    }
}

fn rhs_mentions(r: &Rhs) -> bool {
    if r.wheres.as_ref().is_some_and(|w| binds_mention(w)) {
        return true;
    }
    match &r.body {
        Body::Plain(e) => expr_mentions(e),
        Body::Guarded(gs) => gs.iter().any(|g| {
            expr_mentions(&g.body)
                || g.guards.iter().any(|guard| match guard {
                    Guard::Bool(e) => expr_mentions(e),
                    Guard::Let(bs) => binds_mention(bs),
                    Guard::Bind(p, e) => pat_mentions(p) || expr_mentions(e),
                })
        }),
    }
}

fn expr_mentions(e: &Expr) -> bool {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(_) | Expr::Prim(..) | Expr::Lit(..) => false,
        Expr::Con(n, _) => is_unresolved(n),
        Expr::App(f, a, _) => expr_mentions(f) || expr_mentions(a),
        Expr::Lam(pats, body, _) => pats.iter().any(pat_mentions) || expr_mentions(body),
        Expr::Let(bs, body, _) => binds_mention(bs) || expr_mentions(body),
        Expr::Case(scrut, alts, _) => {
            expr_mentions(scrut) || alts.iter().any(|a| pat_mentions(&a.pat) || rhs_mentions(&a.rhs))
        }
        Expr::Typed(inner, sig, ..) => expr_mentions(inner) || sig_mentions(sig),
        Expr::RecordCon(con, fields, _) => {
            is_unresolved(con) || fields.iter().any(|(f, e)| is_unresolved(f) || expr_mentions(e))
        }
        Expr::RecordUpdate(rec, fields, _) => {
            expr_mentions(rec) || fields.iter().any(|(f, e)| is_unresolved(f) || expr_mentions(e))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::is_unresolved;

    #[test]
    fn resolved_names_carry_their_module() {
        assert!(is_unresolved("foo"));
        assert!(is_unresolved(":+:"));
        assert!(!is_unresolved("Main.foo"));
        assert!(!is_unresolved("Prelude.[]"));
        assert!(!is_unresolved("Prelude.(,)"));
        assert!(!is_unresolved("Data.Map.insert"));
    }
}
