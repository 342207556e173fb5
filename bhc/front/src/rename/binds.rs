//! Renaming binding groups (top level, `let`, `where`, class and instance bodies):
//! grouping the clauses of each function (they must be contiguous and agree in arity),
//! detecting duplicate definitions, attaching type signatures and local fixities.

use super::pat::PatMode;
use super::Renamer;
use crate::hir;
use crate::interface::Fixity;
use crate::types::Name;
use bhc_syntax::ast::{Decl, FunClause, Ident, Pat, QualType, Rhs, Span};
use bhc_syntax::Diagnostic;
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

enum Group<'d> {
    Fun { name: &'d Ident, clauses: Vec<&'d FunClause> },
    Var { name: &'d Ident, rhs: &'d Rhs, span: Span },
    Pat { pat: &'d Pat, rhs: &'d Rhs, span: Span },
}

/// Where a group's binders live.
pub(super) enum BinderMode<'m> {
    Local,
    Top,
    /// Class default methods and instance methods: each binder implements the method of
    /// that name (a map from method text to its original name).
    Method(&'m FxHashMap<String, Name>),
}

/// The clauses of a binding group, grouped, with their signatures and fixities.
struct Grouped<'d> {
    groups: Vec<Group<'d>>,
    sigs: Vec<(&'d Ident, &'d QualType)>,
    fixities: Vec<(&'d Ident, Fixity)>,
}

/// Variables bound by a pattern, as written (for duplicate detection before renaming).
pub(super) fn pattern_vars<'p>(p: &'p Pat, out: &mut Vec<&'p Ident>) {
    let mut stack = vec![p];
    while let Some(p) = stack.pop() {
        match p {
            Pat::Var(i) => out.push(i),
            Pat::As(i, inner, _) => {
                out.push(i);
                stack.push(inner);
            }
            Pat::Con(_, ps, _) | Pat::Tuple(ps, _) | Pat::List(ps, _) => stack.extend(ps.iter().rev()),
            Pat::OpChain(elems, _) => {
                for e in elems.iter().rev() {
                    if let bhc_syntax::ast::PatElem::Operand(p) = e {
                        stack.push(p);
                    }
                }
            }
            Pat::Record(_, fields, _) => stack.extend(fields.iter().rev().map(|(_, p)| p)),
            Pat::Lazy(inner, _) | Pat::Bang(inner, _) | Pat::Paren(inner, _) => stack.push(inner),
            Pat::Wildcard(_) | Pat::Lit(..) => {}
        }
    }
}

/// A variable binding `x = e` (possibly parenthesised) rather than a pattern binding.
fn simple_var(p: &Pat) -> Option<&Ident> {
    match p {
        Pat::Var(i) => Some(i),
        Pat::Paren(inner, _) => simple_var(inner),
        _ => None,
    }
}

impl Renamer<'_> {
    fn group_decls<'d>(&mut self, decls: &'d [Decl], allow_sigs: bool) -> Grouped<'d> {
        let mut out = Grouped { groups: Vec::new(), sigs: Vec::new(), fixities: Vec::new() };
        let mut defined: FxHashMap<String, Span> = FxHashMap::default();
        let mut signed: FxHashSet<&str> = FxHashSet::default();
        for decl in decls {
            match decl {
                Decl::FunClause(c) => {
                    if let Some(Group::Fun { name, clauses }) = out.groups.last_mut() {
                        if name.name == c.name.name {
                            let arity = clauses[0].args.len();
                            if c.args.len() != arity {
                                self.errors.push(
                                    Diagnostic::new(
                                        "E0105",
                                        format!("equations for `{}` have different numbers of arguments", c.name.name),
                                        c.span,
                                        format!("{} argument(s) here", c.args.len()),
                                    )
                                    .with_label(clauses[0].span, format!("{arity} argument(s) here")),
                                );
                            }
                            clauses.push(c);
                            continue;
                        }
                    }
                    if let Some(first) = defined.get(&c.name.name) {
                        self.errors.push(
                            Diagnostic::new(
                                "E0104",
                                format!("`{}` is defined again, apart from its other clauses", c.name.name),
                                c.name.span,
                                "this clause",
                            )
                            .with_label(*first, "first defined here")
                            .with_help("the clauses of a function must be contiguous"),
                        );
                        continue;
                    }
                    defined.insert(c.name.name.clone(), c.name.span);
                    out.groups.push(Group::Fun { name: &c.name, clauses: vec![c] });
                }
                Decl::PatBind { pat, rhs, span } => {
                    let mut vars = Vec::new();
                    pattern_vars(pat, &mut vars);
                    let mut ok = true;
                    for v in &vars {
                        if let Some(first) = defined.get(&v.name) {
                            self.errors.push(
                                Diagnostic::new(
                                    "E0103",
                                    format!("multiple declarations of `{}`", v.name),
                                    v.span,
                                    "declared again",
                                )
                                .with_label(*first, "first declared here"),
                            );
                            ok = false;
                        } else {
                            defined.insert(v.name.clone(), v.span);
                        }
                    }
                    if !ok {
                        continue;
                    }
                    match simple_var(pat) {
                        Some(name) => out.groups.push(Group::Var { name, rhs, span: *span }),
                        None => out.groups.push(Group::Pat { pat, rhs, span: *span }),
                    }
                }
                Decl::TypeSig { names, ty, span } if allow_sigs => {
                    for n in names {
                        if !signed.insert(&n.name) {
                            self.errors.push(Diagnostic::new(
                                "E0112",
                                format!("duplicate type signature for `{}`", n.name),
                                *span,
                                "here",
                            ));
                        } else {
                            out.sigs.push((n, ty));
                        }
                    }
                }
                Decl::Fixity { assoc, prec, ops, .. } => {
                    for op in ops {
                        out.fixities.push((op, Fixity { assoc: *assoc, prec: *prec }));
                    }
                }
                other => {
                    let span = decl_span(other);
                    self.errors.push(Diagnostic::new(
                        "E0110",
                        "this declaration is not allowed here",
                        span,
                        "not allowed here",
                    ));
                }
            }
        }
        out
    }

    /// A `let`/`where` group. Pushes the scope of its binders; the caller pops it after
    /// renaming the body.
    pub(super) fn local_binds(&mut self, decls: &[Decl]) -> hir::Binds {
        self.push_scope();
        self.binds(decls, BinderMode::Local)
    }

    pub(super) fn binds(&mut self, decls: &[Decl], mode: BinderMode) -> hir::Binds {
        let grouped = self.group_decls(decls, !matches!(mode, BinderMode::Method(_)));
        // Binders first: the group is recursive.
        let mut heads: Vec<(hir::Binder, Option<hir::Pat>)> = Vec::new();
        let mut by_name: FxHashMap<String, hir::Unique> = FxHashMap::default();
        for g in &grouped.groups {
            match g {
                Group::Fun { name, .. } | Group::Var { name, .. } => {
                    let Some(b) = self.group_binder(name, &mode) else {
                        continue;
                    };
                    by_name.insert(name.name.clone(), b.unique);
                    heads.push((b, None));
                }
                Group::Pat { pat, span, .. } => {
                    let pmode = match mode {
                        BinderMode::Top => PatMode::Top,
                        _ => PatMode::Local,
                    };
                    if let BinderMode::Method(_) = mode {
                        self.errors.push(Diagnostic::new(
                            "E0110",
                            "pattern bindings are not allowed here",
                            *span,
                            "not allowed here",
                        ));
                        continue;
                    }
                    let p = self.pat(pat, pmode, &mut Vec::new());
                    let mut bs = Vec::new();
                    p.binders(&mut bs);
                    for b in bs {
                        by_name.insert(b.name.to_string(), b.unique);
                    }
                    let whole = match mode {
                        BinderMode::Top => {
                            let g = self.generated_global("pat");
                            hir::Binder {
                                name: Rc::from("pat"),
                                unique: self.supply.unique(),
                                global: Some(g),
                                span: *span,
                            }
                        }
                        _ => self.fresh_binder("pat", *span),
                    };
                    heads.push((whole, Some(p)));
                }
            }
        }
        for (op, f) in &grouped.fixities {
            let known = match mode {
                BinderMode::Local => self.set_local_fixity(&op.name, *f),
                _ => by_name.contains_key(&op.name),
            };
            if !known {
                self.errors.push(Diagnostic::new(
                    "E0107",
                    format!("the fixity declaration for `{}` lacks an accompanying binding", op.name),
                    op.span,
                    "here",
                ));
            }
        }
        let mut sigs = FxHashMap::default();
        for (name, ty) in &grouped.sigs {
            let sig = self.sig_type(ty);
            match by_name.get(&name.name) {
                Some(u) => {
                    sigs.insert(*u, sig);
                }
                None => self.errors.push(Diagnostic::new(
                    "E0107",
                    format!("the type signature for `{}` lacks an accompanying binding", name.name),
                    name.span,
                    "here",
                )),
            }
        }
        let mut binds = Vec::new();
        for (g, (binder, pat)) in grouped.groups.iter().zip(heads) {
            binds.push(match (g, pat) {
                (Group::Fun { clauses, .. }, _) => {
                    let span = clauses[0].span.to(clauses[clauses.len() - 1].span);
                    let matches = clauses.iter().map(|c| self.clause(c)).collect();
                    hir::Bind::Fun { binder, matches, span }
                }
                (Group::Var { rhs, span, .. }, _) => {
                    let m = hir::Match { pats: Vec::new(), rhs: self.rhs(rhs), span: *span };
                    hir::Bind::Fun { binder, matches: vec![m], span: *span }
                }
                (Group::Pat { rhs, span, .. }, Some(pat)) => {
                    hir::Bind::Pat { pat, rhs: self.rhs(rhs), binder, span: *span }
                }
                (Group::Pat { .. }, None) => continue,
            });
        }
        let mut out = self.new_binds(binds);
        out.sigs = sigs;
        out
    }

    fn group_binder(&mut self, name: &Ident, mode: &BinderMode) -> Option<hir::Binder> {
        match mode {
            BinderMode::Local => Some(self.bind_local(&name.name, name.span)),
            BinderMode::Top => Some(hir::Binder {
                name: Rc::from(name.name.as_str()),
                unique: self.supply.unique(),
                global: Some(self.global_name(&name.name)),
                span: name.span,
            }),
            BinderMode::Method(methods) => match methods.get(&name.name) {
                Some(m) => Some(hir::Binder {
                    name: Rc::from(name.name.as_str()),
                    unique: self.supply.unique(),
                    global: Some(m.clone()),
                    span: name.span,
                }),
                None => {
                    self.errors.push(Diagnostic::new(
                        "E0109",
                        format!("`{}` is not a (visible) method of this class", name.name),
                        name.span,
                        "not a method",
                    ));
                    None
                }
            },
        }
    }

    fn clause(&mut self, c: &FunClause) -> hir::Match {
        self.push_scope();
        let mut seen = Vec::new();
        let pats = c.args.iter().map(|p| self.pat(p, PatMode::Local, &mut seen)).collect();
        let rhs = self.rhs(&c.rhs);
        self.pop_scope();
        hir::Match { pats, rhs, span: c.span }
    }
}

pub(super) fn decl_span(d: &Decl) -> Span {
    match d {
        Decl::TypeSig { span, .. }
        | Decl::Fixity { span, .. }
        | Decl::PatBind { span, .. }
        | Decl::TypeSyn { span, .. }
        | Decl::Default { span, .. } => *span,
        Decl::FunClause(c) => c.span,
        Decl::Data(d) => d.span,
        Decl::Class(c) => c.span,
        Decl::Instance(i) => i.span,
    }
}
