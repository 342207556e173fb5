//! Inference and checking of expressions, patterns, right-hand sides and function
//! clauses. Variable occurrences instantiate their schemes and record the evidence
//! they need; patterns bind their variables' types.

use super::{Checker, EvVar, VarType, Wanted};
use crate::hir::{self, Body, Expr, Guard, Lit, Match, Occ, Pat, Rhs, Target};
use crate::interface::ValueKind;
use crate::types::{base_name, wired, Pred, Scheme, Type};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use std::rc::Rc;

impl Checker<'_> {
    pub fn infer(&mut self, e: &Expr) -> Type {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.infer_inner(e))
    }

    /// Checks an expression against a known type. Against a `forall` type, the
    /// expression must be polymorphic (rank-N arguments); a lambda whose parameters
    /// have `forall` types binds them polymorphically. Anything else is inferred and
    /// unified.
    pub fn check(&mut self, e: &Expr, expected: &Type) {
        let known = self.shallow(expected);
        if let Type::Forall(names, ctx, body) = &known {
            return self.check_polytype(e, &known, names, ctx, body);
        }
        if let Expr::Lam(pats, body, span) = e {
            if self.has_polytype_parameter(&known, pats.len()) {
                return self.check_lam(pats, body, &known, *span);
            }
        }
        let t = self.infer(e);
        self.expect(expected, &t, e.span(), "this expression");
    }

    /// Checks `e` against the body of `forall names. context => body` (the type
    /// `whole`) with the variables as new rigid variables one level deeper
    /// (unification reports any that would escape) and the context given: as GHC
    /// does, `e` is elaborated into a function of the context's dictionaries
    /// (`Elab::poly_params`), and the constraints raised inside are solved there.
    fn check_polytype(&mut self, e: &Expr, whole: &Type, names: &[Rc<str>], ctx: &[Pred], body: &Type) {
        let level = self.level + 1;
        let mut skolems = Vec::new();
        for n in names {
            let r = self.fresh_rigid(n.clone());
            if let Type::Rigid(i) = r {
                self.skolem_levels.insert(i, level);
            }
            skolems.push(r);
        }
        let t = Type::open_forall(body, &skolems);
        let givens: Vec<(Pred, EvVar)> =
            Type::open_context(ctx, &skolems).into_iter().map(|p| (p, self.fresh_ev())).collect();
        if !givens.is_empty() {
            let shown: Vec<String> = givens.iter().map(|(p, _)| self.show_pred(p)).collect();
            let described: Rc<(String, String)> = Rc::new((self.show(whole), shown.join(", ")));
            for s in &skolems {
                if let Type::Rigid(i) = s {
                    self.skolem_foralls.insert(*i, described.clone());
                }
            }
        }
        let params = self.check_with_givens(&t, givens, e.span(), |c, t| c.check(e, t));
        if !params.is_empty() {
            self.elab.poly_params.insert(e.span(), params);
        }
    }

    /// Whether one of the first `arity` parameters of a function type is a `forall`.
    fn has_polytype_parameter(&self, t: &Type, arity: usize) -> bool {
        let mut t = t.clone();
        for _ in 0..arity {
            let Some((a, r)) = t.as_fun().map(|(a, r)| (self.shallow(a), self.shallow(r))) else {
                return false;
            };
            if matches!(a, Type::Forall(..)) {
                return true;
            }
            t = r;
        }
        false
    }

    fn check_lam(&mut self, pats: &[Pat], body: &Expr, expected: &Type, span: Span) {
        let mut args = Vec::new();
        let mut res = expected.clone();
        for _ in pats {
            let (a, r) = self.split_fun(&res, span, "this lambda");
            args.push(a);
            res = r;
        }
        self.pattern_scope(&res, span, |c| {
            for (p, t) in pats.iter().zip(&args) {
                c.check_pat(p, t);
            }
            c.check(body, &res);
        });
    }

    /// A variable of a `forall` type used where a type is inferred: at fresh type
    /// variables, with the `forall`'s context wanted there (its dictionaries are the
    /// occurrence `id`'s evidence). A pattern (`id` is `None`) cannot supply them.
    fn monotype(&mut self, t: &Type, occ: Option<(u32, &str)>, span: Span) -> Type {
        match self.shallow(t) {
            Type::Forall(names, ctx, body) => {
                let args: Vec<Type> = names.iter().map(|_| self.fresh_meta()).collect();
                if !ctx.is_empty() {
                    match occ {
                        Some((id, name)) => {
                            let origin: Rc<str> = Rc::from(format!("a use of `{name}`"));
                            let mut evs = Vec::new();
                            for pred in Type::open_context(&ctx, &args) {
                                let ev = self.fresh_ev();
                                self.wanted.push(Wanted { pred, ev, span, origin: origin.clone() });
                                evs.push(ev);
                            }
                            self.elab.occ_evidence.insert(id, evs);
                        }
                        None => {
                            let shown = self.show(t);
                            self.errors.push(
                                Diagnostic::new(
                                    "E0201",
                                    format!("a pattern cannot match a value of type `{shown}`, whose context must be satisfied first"),
                                    span,
                                    "this pattern",
                                )
                                .with_help("bind the value to a variable and match on an application of it"),
                            );
                        }
                    }
                }
                Type::open_forall(&body, &args)
            }
            other => other,
        }
    }

    /// Instantiates a scheme at an occurrence, recording the dictionaries it needs.
    pub(super) fn instantiate(&mut self, id: u32, scheme: &Scheme, span: Span, origin: &str) -> Type {
        let (t, evs) = self.instantiate_wanting(scheme, span, origin);
        if !evs.is_empty() {
            self.elab.occ_evidence.insert(id, evs);
        }
        t
    }

    /// Instantiates a scheme at fresh type variables; its context becomes wanted.
    fn instantiate_wanting(&mut self, scheme: &Scheme, span: Span, origin: &str) -> (Type, Vec<EvVar>) {
        let args: Vec<Type> = (0..scheme.vars).map(|_| self.fresh_meta()).collect();
        let mut evs = Vec::new();
        if !scheme.context.is_empty() {
            let origin: Rc<str> = Rc::from(origin);
            for p in &scheme.context {
                let ev = self.fresh_ev();
                self.wanted.push(Wanted { pred: p.instantiate(&args), ev, span, origin: origin.clone() });
                evs.push(ev);
            }
        }
        (scheme.ty.instantiate(&args), evs)
    }

    /// A constructor applied in an expression; an existential one packs the
    /// dictionaries of its context.
    fn con_occurrence(&mut self, con: &str, span: Span) -> Option<Type> {
        let s = self.global_scheme(con, span)?;
        let (t, evs) = self.instantiate_wanting(&s, span, &format!("a use of `{}`", base_name(con)));
        if !evs.is_empty() {
            self.elab.con_evidence.insert(span, evs);
        }
        Some(t)
    }

    /// Checks patterns together with what they scope over (`body`): the dictionaries
    /// that existential constructor patterns unpack are given there, and their type
    /// variables must not escape into `result`.
    pub(super) fn pattern_scope(&mut self, result: &Type, span: Span, body: impl FnOnce(&mut Self)) {
        let givens = self.givens.len();
        let wanted = self.wanted.len();
        let existentials = self.existentials.len();
        body(self);
        if self.givens.len() > givens {
            let ws = self.wanted.split_off(wanted);
            let residual = self.simplify(ws);
            self.wanted.extend(residual);
            self.givens.truncate(givens);
        }
        let bound = self.existentials.split_off(existentials);
        if bound.is_empty() {
            return;
        }
        let res = self.zonk(result);
        if let Some(v) = bound.iter().find(|v| occurs_in(v, &res)) {
            let name = self.show(v);
            let shown = self.show(&res);
            self.errors.push(
                Diagnostic::new(
                    "E0210",
                    format!("the existentially quantified type variable `{name}` would escape its scope"),
                    span,
                    format!("the result here has type `{shown}`, which mentions `{name}`"),
                )
                .with_help("a value of an existential type can only be used through its context's class methods"),
            );
        }
    }

    /// A constructor pattern's field types and result type: the data type's parameters
    /// at fresh type variables, existential ones as new rigid variables, and the
    /// constructor's context as given dictionaries.
    fn con_pattern_type(&mut self, con: &str, span: Span) -> Option<(Vec<Type>, Type)> {
        let s = self.global_scheme(con, span)?;
        let universal = match self.env.values.get(con).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => self.env.tycons.get(&c.tycon).map(|t| t.arity).unwrap_or(0),
            _ => s.vars as usize,
        };
        let mut args = Vec::new();
        for i in 0..s.vars as usize {
            if i < universal {
                args.push(self.fresh_meta());
            } else {
                let name = s.names.get(i).cloned().unwrap_or_else(|| Rc::from("x"));
                let v = self.fresh_rigid(name);
                self.existentials.push(v.clone());
                args.push(v);
            }
        }
        if !s.context.is_empty() {
            let mut evs = Vec::new();
            for p in &s.context {
                let ev = self.fresh_ev();
                self.givens.push((p.instantiate(&args), ev));
                evs.push(ev);
            }
            self.elab.pat_evidence.insert(span, evs);
        }
        let mut t = s.ty.instantiate(&args);
        let mut fields = Vec::new();
        while let Some((a, r)) = t.as_fun() {
            fields.push(a.clone());
            t = r.clone();
        }
        Some((fields, t))
    }

    fn global_scheme(&mut self, name: &str, span: Span) -> Option<Scheme> {
        match self.env.values.get(name) {
            Some(v) => Some(v.scheme.clone()),
            None => {
                self.errors.push(Diagnostic::new(
                    "E0199",
                    format!("internal: no type known for `{name}`"),
                    span,
                    "here",
                ));
                None
            }
        }
    }

    fn occurrence(&mut self, o: &Occ) -> Type {
        // The origin is only for messages about the constraints of the scheme's context,
        // and most occurrences have none: it is written only when there are some.
        let origin = |s: &Scheme| if s.context.is_empty() { String::new() } else { format!("a use of `{}`", o.name) };
        match self.vars.get(&o.target).cloned() {
            Some(VarType::Mono(t)) => self.monotype(&t, Some((o.id, &o.name)), o.span),
            Some(VarType::InGroup(t)) => {
                self.group_uses.entry(o.target.clone()).or_default().push(o.id);
                t
            }
            Some(VarType::Poly(s)) => self.instantiate(o.id, &s, o.span, &origin(&s)),
            None => match &o.target {
                Target::Global(n) => match self.global_scheme(n, o.span) {
                    Some(s) => self.instantiate(o.id, &s, o.span, &origin(&s)),
                    None => self.fresh_meta(),
                },
                Target::Local(_) => {
                    self.errors.push(Diagnostic::new(
                        "E0199",
                        format!("internal: unbound local `{}`", o.name),
                        o.span,
                        "here",
                    ));
                    self.fresh_meta()
                }
            },
        }
    }

    pub(super) fn lit_type(&mut self, l: &Lit, span: Span) -> Type {
        match l {
            Lit::Integer(_) | Lit::BigInteger(_) => self.prelude_type("Integer", span),
            Lit::Rational { .. } => {
                let ratio = self.prelude_type("Ratio", span);
                Type::app(ratio, self.prelude_type("Integer", span))
            }
            Lit::Frac(_) => self.prelude_type("Double", span),
            Lit::Char(_) => self.prelude_type("Char", span),
            Lit::String(_) => {
                let c = self.prelude_type("Char", span);
                Type::list(c)
            }
            Lit::PrimInt(_) => Type::con(wired::INT_PRIM),
            Lit::PrimChar(_) => Type::con(wired::CHAR_PRIM),
            Lit::PrimString(_) => Type::con(wired::ADDR_PRIM),
            Lit::PrimDouble(_) => Type::con(wired::DOUBLE_PRIM),
        }
    }

    /// The argument and result types of a function type, unifying with a fresh arrow
    /// when it is not (yet) known to be one.
    fn split_fun(&mut self, t: &Type, span: Span, what: &str) -> (Type, Type) {
        let t = self.shallow(t);
        if let Some((a, r)) = t.as_fun() {
            return (a.clone(), r.clone());
        }
        let a = self.fresh_meta();
        let r = self.fresh_meta();
        let f = Type::fun(a.clone(), r.clone());
        if self.unify(&f, &t).is_err() {
            let shown = self.show(&t);
            self.errors.push(Diagnostic::new(
                "E0201",
                format!("{what} is applied to too many arguments: its type `{shown}` is not a function type"),
                span,
                format!("this has type `{shown}`"),
            ));
        }
        (a, r)
    }

    fn infer_inner(&mut self, e: &Expr) -> Type {
        match e {
            Expr::Var(o) => self.occurrence(o),
            Expr::Con(n, span) => match self.con_occurrence(n, *span) {
                Some(t) => t,
                None => self.fresh_meta(),
            },
            Expr::Prim(op, span) => {
                let name = format!("Prelude.{}", op.name());
                match self.global_scheme(&name, *span) {
                    Some(s) => self.instantiate(0, &s, *span, ""),
                    None => self.fresh_meta(),
                }
            }
            Expr::Lit(l, span) => self.lit_type(l, *span),
            Expr::App(f, a, _) => {
                // `f $ x` is typed as `f x` (as GHC does), so `runST $ do ...` works.
                let f = match &**f {
                    Expr::App(op, g, _) if is_dollar(op) => g,
                    _ => f,
                };
                let tf = self.infer(f);
                let (ta, tr) = self.split_fun(&tf, f.span(), "this function");
                self.check(a, &ta);
                tr
            }
            Expr::Lam(pats, body, span) => {
                let args: Vec<Type> = pats.iter().map(|_| self.fresh_meta()).collect();
                let res = self.fresh_meta();
                self.pattern_scope(&res, *span, |c| {
                    for (p, t) in pats.iter().zip(&args) {
                        c.check_pat(p, t);
                    }
                    c.check(body, &res);
                });
                args.into_iter().rev().fold(res, |acc, a| Type::fun(a, acc))
            }
            Expr::Let(binds, body, _) => {
                self.infer_binds(binds);
                self.infer(body)
            }
            Expr::Case(scrut, alts, _) => {
                let ts = self.infer(scrut);
                let res = self.fresh_meta();
                for alt in alts {
                    self.pattern_scope(&res, alt.span, |c| {
                        c.check_pat(&alt.pat, &ts);
                        c.check_rhs(&alt.rhs, &res);
                    });
                }
                res
            }
            Expr::Typed(inner, sig, id, span) => {
                let Some(scheme) = self.sig_scheme(sig) else {
                    self.elab.typed_params.insert(*id, Vec::new());
                    return self.infer(inner);
                };
                let params = self.check_against_scheme(&scheme, *span, |c, t| c.check(inner, t));
                self.elab.typed_params.insert(*id, params);
                self.instantiate(*id, &scheme, *span, "an expression type signature")
            }
            Expr::RecordCon(con, fields, span) => self.record_con(con, fields, *span),
            Expr::RecordUpdate(rec, fields, span) => self.record_update(rec, fields, *span),
        }
    }

    /// A constructor's argument types and result type at fresh type variables.
    fn con_type(&mut self, con: &str, span: Span) -> Option<(Vec<Type>, Type)> {
        let mut t = self.con_occurrence(con, span)?;
        let mut args = Vec::new();
        while let Some((a, r)) = t.as_fun() {
            args.push(a.clone());
            t = r.clone();
        }
        Some((args, t))
    }

    fn con_labels(&self, con: &str) -> Vec<Option<crate::types::Name>> {
        match self.env.values.get(con).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => c.labels.clone(),
            _ => Vec::new(),
        }
    }

    fn record_con(&mut self, con: &crate::types::Name, fields: &[(crate::types::Name, Expr)], span: Span) -> Type {
        let Some((args, res)) = self.con_type(con, span) else {
            return self.fresh_meta();
        };
        let labels = self.con_labels(con);
        let mut given = vec![false; labels.len()];
        for (f, e) in fields {
            match labels.iter().position(|l| l.as_ref() == Some(f)) {
                Some(i) => {
                    given[i] = true;
                    if let Some(t) = args.get(i) {
                        self.check(e, t);
                    }
                }
                None => self.errors.push(Diagnostic::new(
                    "E0113",
                    format!("constructor `{}` has no field `{}`", base_name(con), base_name(f)),
                    e.span(),
                    "no such field",
                )),
            }
        }
        if let Some(i) = given.iter().position(|g| !g) {
            let which = labels.get(i).and_then(|l| l.as_ref()).map(|l| base_name(l).to_string()).unwrap_or_default();
            self.errors.push(Diagnostic::new(
                "E0113",
                format!("field `{which}` of constructor `{}` is not initialised", base_name(con)),
                span,
                "here",
            ));
        }
        res
    }

    fn record_update(&mut self, rec: &Expr, fields: &[(crate::types::Name, Expr)], span: Span) -> Type {
        let t = self.infer(rec);
        let Some((first, _)) = fields.first() else { return t };
        let tycon = match self.env.values.get(first).map(|v| &v.kind) {
            Some(ValueKind::Field { tycon }) => tycon.clone(),
            _ => {
                self.errors.push(Diagnostic::new(
                    "E0113",
                    format!("`{}` is not a record field", base_name(first)),
                    span,
                    "here",
                ));
                return t;
            }
        };
        for (f, e) in fields {
            let Some(s) = self.global_scheme(f, e.span()) else {
                continue;
            };
            let arity = self.env.tycons.get(&tycon).map(|i| i.arity).unwrap_or(0);
            let (arg, res) = if s.vars as usize > arity {
                // A field of a `forall` type, whose selector's scheme has its variables
                // and context after the data type's parameters (`decls`): the new value
                // is checked against that `forall` type again.
                let params: Vec<Type> = (0..arity).map(|_| self.fresh_meta()).collect();
                let gens = (arity..s.vars as usize).map(|i| Type::Gen(i as u32));
                let args: Vec<Type> = params.into_iter().chain(gens).collect();
                let field_ty = s.ty.instantiate(&args);
                let Some((arg, body)) = field_ty.as_fun() else { continue };
                let bind = |t: &Type| t.bind_gens(arity as u32);
                let ctx: Vec<Pred> =
                    s.context.iter().map(|p| Pred { class: p.class.clone(), ty: bind(&p.ty.instantiate(&args)) }).collect();
                let names: Rc<[Rc<str>]> = s.names.iter().skip(arity).cloned().collect();
                (arg.clone(), Type::Forall(names, ctx.into(), Rc::new(bind(body))))
            } else {
                let field_ty = self.instantiate(0, &s, e.span(), "");
                self.split_fun(&field_ty, e.span(), "a field selector")
            };
            self.expect(&t, &arg, rec.span(), "the record");
            self.check(e, &res);
            if !matches!(self.env.values.get(f).map(|v| &v.kind), Some(ValueKind::Field { tycon: t2 }) if *t2 == tycon)
            {
                self.errors.push(Diagnostic::new(
                    "E0113",
                    format!("`{}` is not a field of this record type", base_name(f)),
                    e.span(),
                    "here",
                ));
            }
        }
        t
    }

    pub(super) fn bind_var(&mut self, b: &hir::Binder, t: &Type) {
        self.vars.insert(Self::binder_key(b), VarType::Mono(t.clone()));
        self.record_binder(b, t);
    }

    pub(super) fn check_pat(&mut self, p: &Pat, t: &Type) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.check_pat_inner(p, t))
    }

    fn check_pat_inner(&mut self, p: &Pat, t: &Type) {
        let t = &match p {
            Pat::Var(_) | Pat::Wild(_) => t.clone(),
            _ => self.monotype(t, None, p.span()),
        };
        match p {
            Pat::Var(b) => self.bind_var(b, t),
            Pat::Wild(b) => self.record_binder(b, t),
            Pat::Lit(l, span) => {
                let lt = self.lit_type(l, *span);
                self.expect(&lt, t, *span, "the matched value");
            }
            Pat::NumLit { lit, eq, from, span } => {
                let Some(eq_scheme) = self.global_scheme("Prelude.==", *span) else {
                    return;
                };
                let eq_ty = self.instantiate(eq.id, &eq_scheme, *span, "a literal pattern");
                let (a, _) = self.split_fun(&eq_ty, *span, "(==)");
                self.expect(&a, t, *span, "the matched value");
                match from {
                    Some(f) => {
                        let Target::Global(conversion) = &f.target else { return };
                        let Some(from_scheme) = self.global_scheme(conversion, *span) else {
                            return;
                        };
                        let from_ty = self.instantiate(f.id, &from_scheme, *span, "a literal pattern");
                        let (i, r) = self.split_fun(&from_ty, *span, base_name(conversion));
                        let integer = self.lit_type(lit, *span);
                        self.expect(&i, &integer, *span, "the literal");
                        self.expect(&r, t, *span, "the matched value");
                    }
                    None => {
                        let d = self.lit_type(lit, *span);
                        self.expect(&d, t, *span, "the matched value");
                    }
                }
            }
            Pat::Con(con, args, span) => {
                let Some((arg_tys, res)) = self.con_pattern_type(con, *span) else {
                    return;
                };
                if arg_tys.len() != args.len() {
                    self.errors.push(Diagnostic::new(
                        "E0206",
                        format!(
                            "the constructor `{}` should have {} argument(s), but has been given {}",
                            base_name(con),
                            arg_tys.len(),
                            args.len()
                        ),
                        *span,
                        "in this pattern",
                    ));
                    for a in args {
                        let t = self.fresh_meta();
                        self.check_pat(a, &t);
                    }
                    return;
                }
                self.expect(&res, t, *span, "the matched value");
                for (a, at) in args.iter().zip(&arg_tys) {
                    self.check_pat(a, at);
                }
            }
            Pat::As(b, inner, _) => {
                self.bind_var(b, t);
                self.check_pat(inner, t);
            }
            Pat::Lazy(inner, _) | Pat::Bang(inner, _) => self.check_pat(inner, t),
        }
    }

    pub(super) fn check_rhs(&mut self, rhs: &Rhs, t: &Type) {
        if let Some(w) = &rhs.wheres {
            self.infer_binds(w);
        }
        match &rhs.body {
            Body::Plain(e) => self.check(e, t),
            Body::Guarded(gs) => {
                for g in gs {
                    for guard in &g.guards {
                        match guard {
                            Guard::Bool(e) => {
                                let b = self.prelude_type("Bool", e.span());
                                self.check(e, &b);
                            }
                            Guard::Let(binds) => self.infer_binds(binds),
                            Guard::Bind(p, e) => {
                                let te = self.infer(e);
                                self.check_pat(p, &te);
                            }
                        }
                    }
                    self.check(&g.body, t);
                }
            }
        }
    }

    /// Checks the clauses of a function against its type.
    pub(super) fn check_matches(&mut self, name: &str, matches: &[Match], t: &Type, span: Span) {
        let arity = matches.first().map(|m| m.pats.len()).unwrap_or(0);
        let mut args = Vec::new();
        let mut res = t.clone();
        for _ in 0..arity {
            let (a, r) = self.split_fun(&res, span, &format!("`{name}`"));
            args.push(a);
            res = r;
        }
        for m in matches {
            self.pattern_scope(&res, m.span, |c| {
                for (p, a) in m.pats.iter().zip(&args) {
                    c.check_pat(p, a);
                }
                c.check_rhs(&m.rhs, &res);
            });
        }
    }
}

/// `Prelude.$` itself (not a user's operator of that name).
fn is_dollar(e: &Expr) -> bool {
    matches!(e, Expr::Var(Occ { target: Target::Global(n), .. }) if &**n == "Prelude.$")
}

fn occurs_in(v: &Type, t: &Type) -> bool {
    match t {
        Type::App(f, a) => occurs_in(v, f) || occurs_in(v, a),
        Type::Forall(_, ctx, body) => ctx.iter().any(|p| occurs_in(v, &p.ty)) || occurs_in(v, body),
        _ => t == v,
    }
}
