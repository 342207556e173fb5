//! Renaming patterns: binders, constructors, literals (numeric ones become overloaded
//! comparisons, strings become lists of characters), infix chains, records.

use super::fixity::{self, Elem};
use super::{Renamer, Resolved};
use crate::hir;
use crate::types::{wired, Name};
use bhc_syntax::ast::{Literal, Pat, PatElem, QName, Span};
use bhc_syntax::Diagnostic;
use std::rc::Rc;

/// Where the variables a pattern binds go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PatMode {
    /// Into the innermost local scope.
    Local,
    /// They are top-level names of the module (already in the global scope).
    Top,
}

impl Renamer<'_> {
    /// Renames a pattern, binding its variables; `seen` catches a variable bound twice
    /// in the same set of patterns.
    pub(super) fn pat(&mut self, p: &Pat, mode: PatMode, seen: &mut Vec<String>) -> hir::Pat {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.pat_inner(p, mode, seen))
    }

    fn binder(&mut self, name: &str, span: Span, mode: PatMode, seen: &mut Vec<String>) -> hir::Binder {
        if seen.iter().any(|s| s == name) {
            self.error(Diagnostic::new(
                "E0103",
                format!("conflicting definitions for `{name}`"),
                span,
                "bound again here",
            ));
        }
        seen.push(name.to_string());
        match mode {
            PatMode::Local => self.bind_local(name, span),
            PatMode::Top => hir::Binder {
                name: Rc::from(name),
                unique: self.supply.unique(),
                global: Some(self.global_name(name)),
                span,
            },
        }
    }

    pub(super) fn fresh_binder(&mut self, name: &str, span: Span) -> hir::Binder {
        hir::Binder { name: Rc::from(name), unique: self.supply.unique(), global: None, span }
    }

    fn pat_inner(&mut self, p: &Pat, mode: PatMode, seen: &mut Vec<String>) -> hir::Pat {
        match p {
            Pat::Var(i) => hir::Pat::Var(self.binder(&i.name, i.span, mode, seen)),
            Pat::Wildcard(s) => hir::Pat::Wild(self.fresh_binder("_", *s)),
            Pat::Lit(l, s) => self.lit_pat(l, *s),
            Pat::Con(q, ps, s) => {
                let con = self.con_name(q);
                let args = ps.iter().map(|p| self.pat(p, mode, seen)).collect();
                hir::Pat::Con(con, args, *s)
            }
            Pat::OpChain(elems, s) => {
                let mut out = Vec::new();
                for e in elems {
                    match e {
                        PatElem::Operand(p) => out.push(Elem::Operand(self.pat(p, mode, seen))),
                        PatElem::Op(q) => {
                            let con = self.con_name(q);
                            let fixity = self.fixity_of(&Resolved::Global(con.clone()));
                            out.push(Elem::Op { op: con, fixity, name: q.to_string(), span: q.span });
                        }
                    }
                }
                let result = fixity::resolve(
                    out,
                    *s,
                    |op, l: hir::Pat, r: hir::Pat| {
                        let span = l.span().to(r.span());
                        hir::Pat::Con(op, vec![l, r], span)
                    },
                    |_, p| p,
                );
                result.unwrap_or_else(|d| {
                    self.error(d);
                    hir::Pat::Wild(self.fresh_binder("_", *s))
                })
            }
            Pat::Tuple(ps, s) => {
                let args: Vec<hir::Pat> = ps.iter().map(|p| self.pat(p, mode, seen)).collect();
                hir::Pat::Con(self.tuple_con(args.len(), *s), args, *s)
            }
            Pat::List(ps, s) => {
                let items: Vec<hir::Pat> = ps.iter().map(|p| self.pat(p, mode, seen)).collect();
                list_pat(items, *s)
            }
            Pat::As(i, inner, s) => {
                let b = self.binder(&i.name, i.span, mode, seen);
                hir::Pat::As(b, Box::new(self.pat(inner, mode, seen)), *s)
            }
            Pat::Lazy(inner, s) => hir::Pat::Lazy(Box::new(self.pat(inner, mode, seen)), *s),
            Pat::Bang(inner, s) => hir::Pat::Bang(Box::new(self.pat(inner, mode, seen)), *s),
            Pat::Record(q, fields, s) => self.record_pat(q, fields, mode, seen, *s),
            Pat::Paren(inner, _) => self.pat(inner, mode, seen),
        }
    }

    pub(super) fn con_name(&mut self, q: &QName) -> Name {
        match self.resolve_value(q) {
            Some(Resolved::Global(n)) => n,
            _ => Rc::from(q.name.as_str()),
        }
    }

    fn lit_pat(&mut self, l: &Literal, s: Span) -> hir::Pat {
        match l {
            Literal::Int(n) => {
                self.check_integer_range(*n, s);
                let eq = self.prelude("==", s);
                let eq = self.global_occ(eq, s);
                let from = self.prelude("fromInteger", s);
                let from = self.global_occ(from, s);
                hir::Pat::NumLit { lit: hir::Lit::Integer(*n), eq, from: Some(from), span: s }
            }
            Literal::Frac(text) => {
                let eq = self.prelude("==", s);
                let eq = self.global_occ(eq, s);
                let lit = self.frac_lit(text, s);
                let from = match lit {
                    hir::Lit::Rational { .. } => {
                        let f = self.prelude("fromRational", s);
                        Some(self.global_occ(f, s))
                    }
                    _ => None,
                };
                hir::Pat::NumLit { lit, eq, from, span: s }
            }
            Literal::BigInt(digits) => {
                let lit = self.big_integer_lit(digits, s);
                let eq = self.prelude("==", s);
                let eq = self.global_occ(eq, s);
                let from = self.prelude("fromInteger", s);
                let from = self.global_occ(from, s);
                hir::Pat::NumLit { lit, eq, from: Some(from), span: s }
            }
            Literal::Char(c) => hir::Pat::Lit(hir::Lit::Char(*c), s),
            Literal::String(text) => {
                let items = text.chars().map(|c| hir::Pat::Lit(hir::Lit::Char(c), s)).collect();
                list_pat(items, s)
            }
            Literal::PrimInt(n) => hir::Pat::Lit(hir::Lit::PrimInt(*n), s),
            Literal::PrimChar(c) => hir::Pat::Lit(hir::Lit::PrimChar(*c), s),
            Literal::PrimString(b) => hir::Pat::Lit(hir::Lit::PrimString(Rc::from(b.as_slice())), s),
            Literal::PrimDouble(d) => hir::Pat::Lit(hir::Lit::PrimDouble(*d), s),
        }
    }

    pub(super) fn frac(&mut self, text: &str, s: Span) -> f64 {
        text.parse::<f64>().unwrap_or_else(|_| {
            self.error(Diagnostic::new("E0110", format!("malformed fractional literal `{text}`"), s, "here"));
            0.0
        })
    }

    fn record_pat(
        &mut self,
        q: &QName,
        fields: &[(QName, Pat)],
        mode: PatMode,
        seen: &mut Vec<String>,
        s: Span,
    ) -> hir::Pat {
        let con = self.con_name(q);
        let Some(shape) = self.con_shape(&con) else {
            return hir::Pat::Wild(self.fresh_binder("_", s));
        };
        let mut args: Vec<Option<hir::Pat>> = vec![None; shape.labels.len()];
        for (fq, p) in fields {
            let field = match self.resolve_value(fq) {
                Some(Resolved::Global(n)) => n,
                _ => continue,
            };
            match shape.labels.iter().position(|l| l.as_ref() == Some(&field)) {
                Some(i) => args[i] = Some(self.pat(p, mode, seen)),
                None => self.error(Diagnostic::new(
                    "E0113",
                    format!("constructor `{}` has no field `{}`", q.name, fq.name),
                    fq.span,
                    "no such field",
                )),
            }
        }
        let args = args.into_iter().map(|a| a.unwrap_or_else(|| hir::Pat::Wild(self.fresh_binder("_", s)))).collect();
        hir::Pat::Con(con, args, s)
    }

    /// A pattern that cannot fail to match (so `do` needs no `fail` for it): variables,
    /// wildcards, lazy patterns, and constructors of single-constructor types whose
    /// arguments are failure-free.
    pub(super) fn failure_free(&self, p: &hir::Pat) -> bool {
        match p {
            hir::Pat::Var(_) | hir::Pat::Wild(_) | hir::Pat::Lazy(..) => true,
            hir::Pat::Bang(inner, _) | hir::Pat::As(_, inner, _) => self.failure_free(inner),
            hir::Pat::Con(c, ps, _) => {
                self.con_shape(c).is_some_and(|s| s.family_size == 1) && ps.iter().all(|p| self.failure_free(p))
            }
            hir::Pat::Lit(..) | hir::Pat::NumLit { .. } => false,
        }
    }
}

fn list_pat(items: Vec<hir::Pat>, s: Span) -> hir::Pat {
    let mut acc = hir::Pat::Con(Rc::from(wired::LIST), Vec::new(), s);
    for p in items.into_iter().rev() {
        acc = hir::Pat::Con(Rc::from(wired::CONS), vec![p, acc], s);
    }
    acc
}
