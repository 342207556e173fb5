//! Kinds (Haskell 2010 Report §4.6): inference for the module's data, newtype, synonym
//! and class declarations by dependency group, with unconstrained kind variables
//! defaulted to `*`, and checking of every other type written in the module
//! (signatures, instance heads, contexts, `default` types) against those kinds. It
//! records kinds in the environment; it must not convert types or look at values.

use super::binds::sccs;
use super::unify::Mismatch;
use super::Checker;
use crate::hir::{self, ConstraintExpr, SigType, TypeExpr};
use crate::types::{base_name, wired, Kind, Name, Printer, Type};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use std::collections::HashMap;
use std::rc::Rc;

/// The kinds of the names a type may mention, beyond those the environment knows.
#[derive(Default)]
struct KindScope {
    /// The type constructors and classes of the dependency group being inferred.
    tycons: HashMap<Name, Kind>,
    classes: HashMap<Name, Kind>,
    /// Type variables, innermost last. A variable not found gets a fresh kind.
    vars: Vec<(Rc<str>, Kind)>,
}

/// What a type is checked for, to say so when its kind is wrong.
#[derive(Clone, Copy)]
enum Role<'a> {
    /// A type of values: a signature, a field, a side of `->`.
    Value,
    /// The argument of a class in a context or an instance head.
    ClassArg(&'a str),
    /// The argument of a type constructor (`head` is the applied type).
    Arg(&'a TypeExpr),
    /// The right-hand side of a type synonym.
    Synonym,
}

impl Checker<'_> {
    fn fresh_kind(&mut self) -> Kind {
        self.kind_metas.push(None);
        Kind::Var(self.kind_metas.len() as u32 - 1)
    }

    fn zonk_kind(&self, k: &Kind) -> Kind {
        match k {
            Kind::Var(v) => match self.kind_metas.get(*v as usize).and_then(|s| s.as_ref()) {
                Some(sol) => self.zonk_kind(sol),
                None => k.clone(),
            },
            Kind::Fun(a, r) => Kind::fun(self.zonk_kind(a), self.zonk_kind(r)),
            Kind::Star => Kind::Star,
        }
    }

    /// The kind with its unsolved variables defaulted to `*` (Report §4.6).
    fn default_kind(&self, k: &Kind) -> Kind {
        match self.zonk_kind(k) {
            Kind::Var(_) => Kind::Star,
            Kind::Fun(a, r) => Kind::fun(self.default_kind(&a), self.default_kind(&r)),
            Kind::Star => Kind::Star,
        }
    }

    fn unify_kind(&mut self, a: &Kind, b: &Kind) -> Result<(), Mismatch> {
        match (self.zonk_kind(a), self.zonk_kind(b)) {
            (Kind::Var(x), Kind::Var(y)) if x == y => Ok(()),
            (Kind::Var(x), k) | (k, Kind::Var(x)) => {
                if kind_mentions(&k, x) {
                    return Err(Mismatch::Occurs);
                }
                if let Some(slot) = self.kind_metas.get_mut(x as usize) {
                    *slot = Some(k);
                }
                Ok(())
            }
            (Kind::Star, Kind::Star) => Ok(()),
            (Kind::Fun(a1, r1), Kind::Fun(a2, r2)) => {
                self.unify_kind(&a1, &a2)?;
                self.unify_kind(&r1, &r2)
            }
            _ => Err(Mismatch::Clash),
        }
    }

    fn tycon_kind(&mut self, n: &Name, scope: &KindScope) -> Kind {
        if let Some(k) = scope.tycons.get(n) {
            return k.clone();
        }
        if let Some(info) = self.env.tycons.get(n) {
            return info.kind.clone();
        }
        match wired::tuple_arity(n) {
            Some(arity) => Kind::simple(arity),
            // Not a type: reported where the type is converted.
            None => self.fresh_kind(),
        }
    }

    fn class_kind(&mut self, n: &Name, scope: &KindScope) -> Kind {
        if let Some(k) = scope.classes.get(n) {
            return k.clone();
        }
        match self.env.classes.get(n) {
            Some(info) => info.kind.clone(),
            None => self.fresh_kind(),
        }
    }

    fn infer_kind(&mut self, te: &TypeExpr, scope: &mut KindScope) -> Kind {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || match te {
            TypeExpr::Var(v, _) => match scope.vars.iter().rev().find(|(n, _)| n == v) {
                Some((_, k)) => k.clone(),
                None => {
                    let k = self.fresh_kind();
                    scope.vars.push((v.clone(), k.clone()));
                    k
                }
            },
            TypeExpr::Con(n, _) => self.tycon_kind(n, scope),
            TypeExpr::Forall(vs, ctx, body, _) => {
                let outer = scope.vars.len();
                for v in vs {
                    let k = self.fresh_kind();
                    scope.vars.push((v.clone(), k));
                }
                for c in ctx {
                    self.check_pred_kind(c, scope);
                }
                self.check_kind(body, &Kind::Star, scope, Role::Value);
                scope.vars.truncate(outer);
                Kind::Star
            }
            TypeExpr::App(f, a, span) => {
                let kf = self.infer_kind(f, scope);
                let (param, result) = match self.zonk_kind(&kf) {
                    Kind::Fun(p, r) => ((*p).clone(), (*r).clone()),
                    Kind::Var(_) => {
                        let (p, r) = (self.fresh_kind(), self.fresh_kind());
                        let _ = self.unify_kind(&kf, &Kind::fun(p.clone(), r.clone()));
                        (p, r)
                    }
                    Kind::Star => {
                        self.too_many_arguments(te, *span, scope);
                        return self.fresh_kind();
                    }
                };
                let role = match argument_head(f) {
                    Some(n) if is_value_former(n) => Role::Value,
                    _ => Role::Arg(f),
                };
                self.check_kind(a, &param, scope, role);
                result
            }
        })
    }

    fn check_kind(&mut self, te: &TypeExpr, expected: &Kind, scope: &mut KindScope, role: Role) {
        let actual = self.infer_kind(te, scope);
        if let Err(m) = self.unify_kind(expected, &actual) {
            let expected = self.default_kind(expected);
            let actual = self.default_kind(&actual);
            let d = match m {
                Mismatch::Occurs => Diagnostic::new(
                    "E0211",
                    format!("infinite kind: `{}` would have to take itself as an argument", show_type_expr(te)),
                    te.span(),
                    "this type's kind would be infinite",
                )
                .with_help("a type variable cannot be applied to a type that mentions it in this way"),
                _ => kind_mismatch(te, &expected, &actual, role),
            };
            self.errors.push(d);
        }
    }

    /// `head a b` where `head`'s kind takes fewer arguments.
    fn too_many_arguments(&mut self, te: &TypeExpr, span: Span, scope: &mut KindScope) {
        let mut head = te;
        while let TypeExpr::App(f, _, _) = head {
            head = f;
        }
        let head_kind = self.infer_kind(head, scope);
        let head_kind = self.default_kind(&head_kind);
        let name = show_type_expr(head);
        let takes = match head_kind.arity() {
            0 => "no type arguments".to_string(),
            n => format!("{n} type argument(s)"),
        };
        self.errors.push(
            Diagnostic::new(
                "E0211",
                format!("`{name}` is applied to too many type arguments"),
                span,
                format!("`{name}` has kind `{head_kind}`"),
            )
            .with_help(format!("a type of kind `{head_kind}` takes {takes}")),
        );
    }

    fn check_pred_kind(&mut self, c: &ConstraintExpr, scope: &mut KindScope) {
        let k = self.class_kind(&c.class, scope);
        self.check_kind(&c.ty, &k, scope, Role::ClassArg(&c.class));
    }

    /// Checks a signature's kinds: its type is a type of values, its context's
    /// arguments have the kinds their classes want.
    pub(super) fn check_sig_kinds(&mut self, sig: &SigType) {
        self.check_sig_in(sig, &mut KindScope::default());
    }

    fn check_sig_in(&mut self, sig: &SigType, scope: &mut KindScope) {
        self.check_kind(&sig.ty, &Kind::Star, scope, Role::Value);
        for c in &sig.context {
            self.check_pred_kind(c, scope);
        }
    }

    /// A type that must be a type of values (a `default` declaration's).
    pub(super) fn check_value_kind(&mut self, te: &TypeExpr) {
        self.check_kind(te, &Kind::Star, &mut KindScope::default(), Role::Value);
    }

    /// An instance head has the kind its class wants; the context's variables are the
    /// head's. False when there is a kind error (the instance is then left out, so
    /// that no follow-up errors are reported about it).
    pub(super) fn check_instance_kinds(&mut self, i: &hir::InstDef) -> bool {
        let errors = self.errors.len();
        let mut scope = KindScope::default();
        let k = self.class_kind(&i.class, &scope);
        self.check_kind(&i.head, &k, &mut scope, Role::ClassArg(&i.class));
        for c in &i.context {
            self.check_pred_kind(c, &mut scope);
        }
        self.errors.len() == errors
    }

    /// The kind of a type expression in the environment (for the REPL's `:kind`).
    pub fn kind_of(&mut self, te: &TypeExpr) -> Kind {
        let k = self.infer_kind(te, &mut KindScope::default());
        self.default_kind(&k)
    }

    /// Infers the kinds of the module's type constructors and classes, one dependency
    /// group at a time, and records them in the environment.
    pub fn infer_declaration_kinds(&mut self, m: &hir::Module) {
        let decls: Vec<Decl> = m
            .data
            .iter()
            .map(Decl::Data)
            .chain(m.synonyms.iter().map(Decl::Synonym))
            .chain(m.classes.iter().map(Decl::Class))
            .collect();
        let index: HashMap<&Name, usize> = decls.iter().enumerate().map(|(i, d)| (d.name(), i)).collect();
        let edges: Vec<Vec<usize>> = decls
            .iter()
            .map(|d| {
                let mut names = Vec::new();
                d.mentions(&mut names);
                let mut out: Vec<usize> = names.iter().filter_map(|n| index.get(n).copied()).collect();
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        for group in sccs(&edges) {
            let members: Vec<&Decl> = group.iter().map(|&i| &decls[i]).collect();
            self.infer_group_kinds(&members);
        }
    }

    fn infer_group_kinds(&mut self, group: &[&Decl]) {
        let mut scope = KindScope::default();
        let mut params: Vec<(Vec<(Rc<str>, Kind)>, Kind)> = Vec::new();
        for d in group {
            let ps: Vec<(Rc<str>, Kind)> = d.params().iter().map(|p| (p.clone(), self.fresh_kind())).collect();
            let result = match d {
                Decl::Synonym(_) => self.fresh_kind(),
                _ => Kind::Star,
            };
            let kind = ps.iter().rev().fold(result.clone(), |k, (_, pk)| Kind::fun(pk.clone(), k));
            match d {
                Decl::Class(c) => scope.classes.insert(c.name.clone(), ps.first().map_or(Kind::Star, |p| p.1.clone())),
                _ => scope.tycons.insert(d.name().clone(), kind),
            };
            params.push((ps, result));
        }
        for (d, (ps, result)) in group.iter().zip(params) {
            scope.vars = ps;
            match d {
                Decl::Data(def) => {
                    for c in &def.cons {
                        let outer = scope.vars.len();
                        for (t, _) in &c.fields {
                            self.check_kind(t, &Kind::Star, &mut scope, Role::Value);
                        }
                        for p in &c.context {
                            self.check_pred_kind(p, &mut scope);
                        }
                        scope.vars.truncate(outer);
                    }
                }
                Decl::Synonym(s) => self.check_kind(&s.rhs, &result, &mut scope, Role::Synonym),
                Decl::Class(c) => {
                    for (sup, span) in &c.supers {
                        let want = self.class_kind(sup, &scope);
                        let have = scope.vars.first().map_or(Kind::Star, |v| v.1.clone());
                        if self.unify_kind(&want, &have).is_err() {
                            let (want, have) = (self.default_kind(&want), self.default_kind(&have));
                            self.errors.push(Diagnostic::new(
                                "E0211",
                                format!(
                                    "superclass `{}` wants a type of kind `{want}`, but the argument of `{}` has kind `{have}`",
                                    base_name(sup),
                                    base_name(&c.name)
                                ),
                                *span,
                                "this superclass",
                            )
                            .with_help("a class and its superclasses constrain the same type, so their arguments must have the same kind"));
                        }
                    }
                    let class_var = scope.vars.clone();
                    for (_, sig) in &c.methods {
                        scope.vars = class_var.clone();
                        self.check_sig_in(sig, &mut scope);
                    }
                }
            }
        }
        for d in group {
            match d {
                Decl::Class(c) => {
                    let k = scope.classes.get(&c.name).map(|k| self.default_kind(k)).unwrap_or(Kind::Star);
                    if let Some(info) = self.env.classes.get_mut(&c.name) {
                        info.kind = k;
                    }
                }
                _ => {
                    let k = scope.tycons.get(d.name()).map(|k| self.default_kind(k)).unwrap_or(Kind::Star);
                    if let Some(info) = self.env.tycons.get_mut(d.name()) {
                        info.kind = k;
                    }
                }
            }
        }
    }
}

/// A type-level declaration, for dependency analysis.
enum Decl<'m> {
    Data(&'m hir::DataDef),
    Synonym(&'m hir::SynDef),
    Class(&'m hir::ClassDef),
}

impl Decl<'_> {
    fn name(&self) -> &Name {
        match self {
            Decl::Data(d) => &d.name,
            Decl::Synonym(s) => &s.name,
            Decl::Class(c) => &c.name,
        }
    }

    fn params(&self) -> Vec<Rc<str>> {
        match self {
            Decl::Data(d) => d.params.clone(),
            Decl::Synonym(s) => s.params.clone(),
            Decl::Class(c) => vec![c.param.clone()],
        }
    }

    /// The type constructors and classes the declaration refers to.
    fn mentions<'a>(&'a self, out: &mut Vec<&'a Name>) {
        let sig = |s: &'a SigType, out: &mut Vec<&'a Name>| {
            type_names(&s.ty, out);
            for c in &s.context {
                out.push(&c.class);
                type_names(&c.ty, out);
            }
        };
        match self {
            Decl::Data(d) => {
                for c in &d.cons {
                    for (t, _) in &c.fields {
                        type_names(t, out);
                    }
                    for p in &c.context {
                        out.push(&p.class);
                        type_names(&p.ty, out);
                    }
                }
            }
            Decl::Synonym(s) => type_names(&s.rhs, out),
            Decl::Class(c) => {
                out.extend(c.supers.iter().map(|(n, _)| n));
                for (_, s) in &c.methods {
                    sig(s, out);
                }
            }
        }
    }
}

fn type_names<'a>(te: &'a TypeExpr, out: &mut Vec<&'a Name>) {
    match te {
        TypeExpr::Var(..) => {}
        TypeExpr::Con(n, _) => out.push(n),
        TypeExpr::App(f, a, _) => {
            type_names(f, out);
            type_names(a, out);
        }
        TypeExpr::Forall(_, ctx, body, _) => {
            for c in ctx {
                type_names(&c.ty, out);
            }
            type_names(body, out)
        }
    }
}

/// The type constructor at the head of an application.
fn argument_head(te: &TypeExpr) -> Option<&Name> {
    match te {
        TypeExpr::Con(n, _) => Some(n),
        TypeExpr::App(f, _, _) => argument_head(f),
        TypeExpr::Var(..) | TypeExpr::Forall(..) => None,
    }
}

/// `->`, lists and tuples: their arguments are types of values.
fn is_value_former(n: &str) -> bool {
    n == wired::ARROW || n == wired::LIST || wired::tuple_arity(n).is_some()
}

fn kind_mentions(k: &Kind, v: u32) -> bool {
    match k {
        Kind::Var(x) => *x == v,
        Kind::Fun(a, r) => kind_mentions(a, v) || kind_mentions(r, v),
        Kind::Star => false,
    }
}

/// A type as written, printed the way GHC prints types.
pub fn show_type_expr(te: &TypeExpr) -> String {
    fn to_type(te: &TypeExpr) -> Type {
        match te {
            TypeExpr::Var(v, _) => Type::Con(v.clone()),
            TypeExpr::Con(n, _) => Type::Con(n.clone()),
            TypeExpr::App(f, a, _) => Type::app(to_type(f), to_type(a)),
            TypeExpr::Forall(_, _, body, _) => to_type(body),
        }
    }
    let none = |_: &Type| None;
    let body = Printer::new(Vec::new(), &none).ty(&to_type(te));
    match te {
        TypeExpr::Forall(vs, ctx, _, _) => {
            let ctx: Vec<String> = ctx.iter().map(|c| format!("{} {}", base_name(&c.class), show_type_expr(&c.ty))).collect();
            match ctx.as_slice() {
                [] => format!("forall {}. {body}", vs.join(" ")),
                [c] => format!("forall {}. {c} => {body}", vs.join(" ")),
                cs => format!("forall {}. ({}) => {body}", vs.join(" "), cs.join(", ")),
            }
        }
        _ => body,
    }
}

/// A type as written, parenthesised as an argument.
fn show_argument(te: &TypeExpr) -> String {
    match te {
        TypeExpr::App(..) => format!("({})", show_type_expr(te)),
        _ => show_type_expr(te),
    }
}

fn kind_mismatch(te: &TypeExpr, expected: &Kind, actual: &Kind, role: Role) -> Diagnostic {
    let shown = show_type_expr(te);
    let message = match role {
        Role::Value => format!("expected a type, but `{shown}` has kind `{actual}`"),
        Role::ClassArg(class) => {
            format!("`{}` expects a type of kind `{expected}`, but `{shown}` has kind `{actual}`", base_name(class))
        }
        Role::Arg(head) => format!(
            "`{}` expects an argument of kind `{expected}`, but `{shown}` has kind `{actual}`",
            show_type_expr(head)
        ),
        Role::Synonym => format!("this synonym's right-hand side `{shown}` has kind `{actual}`, not `{expected}`"),
    };
    let missing = actual.arity().checked_sub(expected.arity()).filter(|n| *n > 0);
    let extra = expected.arity().checked_sub(actual.arity()).filter(|n| *n > 0);
    let label = match (missing, extra) {
        (Some(n), _) => format!("`{shown}` needs {n} more type argument(s) here"),
        (_, Some(_)) if matches!(te, TypeExpr::App(..)) => format!("`{shown}` is applied to too many arguments here"),
        _ => format!("`{shown}` has kind `{actual}`"),
    };
    let help = match (missing, extra, role) {
        (_, _, _) if matches!(te, TypeExpr::Var(..)) => {
            format!("the type variable `{shown}` has kind `{actual}` from its other uses (in this type or its declaration)")
        }
        (Some(n), _, Role::ClassArg(class)) if *expected == Kind::Star => {
            let args: Vec<String> = (0..n).map(|i| ((b'a' + (i % 26) as u8) as char).to_string()).collect();
            format!("apply it to {n} more type argument(s), as in `{} ({shown} {})`", base_name(class), args.join(" "))
        }
        (Some(n), _, _) if *expected == Kind::Star && all_star_args(actual) => {
            let args = vec!["Int"; n].join(" ");
            format!("apply it to {n} more type argument(s), as in `{shown} {args}`")
        }
        (Some(n), _, _) => format!("apply it to {n} more type argument(s)"),
        (_, Some(n), Role::ClassArg(class)) if matches!(te, TypeExpr::App(..)) => format!(
            "`{}` is about type constructors that still take {n} argument(s): leave the last argument(s) off, as in `{} {}`",
            base_name(class),
            base_name(class),
            show_argument(drop_args(te, n))
        ),
        (_, Some(_), Role::ClassArg(class)) if *expected == Kind::simple(1) => format!(
            "`{}` is a class of type constructors that take one type argument, such as `Maybe` or `[]`; `{shown}` takes none",
            base_name(class)
        ),
        _ => format!("a type of kind `{expected}` is needed here"),
    };
    Diagnostic::new("E0211", message, te.span(), label).with_help(help)
}

fn all_star_args(k: &Kind) -> bool {
    match k {
        Kind::Fun(a, r) => **a == Kind::Star && all_star_args(r),
        _ => true,
    }
}

fn drop_args(te: &TypeExpr, n: usize) -> &TypeExpr {
    match (te, n) {
        (TypeExpr::App(f, _, _), n) if n > 0 => drop_args(f, n - 1),
        _ => te,
    }
}

#[cfg(test)]
mod tests;
