//! The match compiler (Wadler / Peyton Jones, "The Implementation of Functional
//! Programming Languages", ch. 5): clauses with nested patterns, guards and `where`
//! bindings become Core case trees. Columns are matched left to right; the mixture rule
//! splits equations into blocks of variables, constructors or literals; each equation's
//! right-hand side is compiled once, and a failure continuation used more than once is
//! bound as a join point, so code size stays linear. Falling through all guards of a
//! clause continues with the next clause.

use super::{subst, Desugarer};
use crate::typecheck::EvVar;
use crate::core::{Alt, AltCon, Bind, Expr};
use crate::hir::{self, Guard, Lit as HLit, Pat};
use bhc_stg::{DataCon, Lit, Occ, Rep, Var};
use bhc_syntax::Diagnostic;

/// What an equation produces once its patterns have matched.
#[derive(Clone, Copy)]
pub enum Body<'h> {
    Rhs(&'h hir::Rhs),
    Expr(&'h hir::Expr),
    Guards(&'h [Guard], &'h hir::Expr),
    /// The value of a variable the patterns bind (for pattern-binding selectors).
    Binder(&'h hir::Binder),
}

/// Code wrapped around an equation's body once it is chosen.
#[derive(Clone)]
enum Wrap {
    Let(Var, Expr),
    Force(Var),
}

/// An equation's patterns borrow the program: `None` is a position already matched
/// (a variable once bound, the inside of a lazy pattern), which tests nothing.
struct Eqn<'h> {
    pats: Vec<Option<&'h Pat>>,
    body: Body<'h>,
    wraps: Vec<Wrap>,
}

/// How the first pattern of an equation is matched.
#[derive(Clone, PartialEq)]
enum Kind {
    Any,
    Con,
    /// A literal of a boxed type with a known constructor (`C# 'x'#`, `I# 3#`).
    Boxed(DataCon, Lit),
    Prim(Lit),
    Overloaded,
}

fn same_block(a: &Kind, b: &Kind) -> bool {
    match (a, b) {
        (Kind::Boxed(x, _), Kind::Boxed(y, _)) => x == y,
        (Kind::Prim(_), Kind::Prim(_)) => true,
        (Kind::Overloaded, Kind::Overloaded) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// A failure continuation that may be duplicated as it is: an atom, or a call of a
/// global on literals (`patError "..."#`).
fn cheap(e: &Expr) -> bool {
    match e {
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) => true,
        Expr::App(f, args) => {
            matches!(&**f, Expr::Var(Occ::Global(_))) && args.iter().all(|a| matches!(a, Expr::Lit(_)))
        }
        _ => false,
    }
}

impl<'h> Desugarer<'_> {
    /// Builds code that may fail several times: `fail` is inlined when cheap or used
    /// once, else bound to a join point `\_ -> fail`.
    pub(super) fn share(&mut self, fail: Expr, build: impl FnOnce(&mut Self, Expr) -> Expr) -> Expr {
        if cheap(&fail) {
            return build(self, fail);
        }
        let j = self.fresh("fail", Rep::Ptr);
        let unit = self.con(crate::types::wired::UNIT, bhc_syntax::ast::Span::default());
        let arg = unit.map(Expr::Con).unwrap_or(Expr::Lit(Lit::Int(0)));
        let call = Expr::App(Box::new(Expr::Var(Occ::Local(j.clone()))), vec![arg]);
        let mut body = build(self, call);
        match subst::count(&body, j.unique) {
            0 => body,
            1 => {
                subst::replace(&mut body, j.unique, &mut Some(fail));
                body
            }
            _ => {
                let dummy = self.fresh("unit", Rep::Ptr);
                let lam = Expr::Lam(vec![dummy], Box::new(fail));
                Expr::Let(Bind::NonRec(j, Box::new(lam)), Box::new(body))
            }
        }
    }

    /// Function clauses: a lambda over one variable per argument.
    pub(super) fn clauses(&mut self, matches: &'h [hir::Match], span: bhc_syntax::ast::Span, what: &str) -> Expr {
        let eqns: Vec<(Vec<&'h Pat>, Body<'h>)> = matches.iter().map(|m| (m.pats.iter().collect(), Body::Rhs(&m.rhs))).collect();
        let fail = self.pat_error(span, what);
        let (params, body) = self.match_clauses(&eqns, fail);
        super::lambda(params, body)
    }

    pub(super) fn match_clauses(&mut self, eqns: &[(Vec<&'h Pat>, Body<'h>)], fail: Expr) -> (Vec<Var>, Expr) {
        let arity = eqns.first().map(|e| e.0.len()).unwrap_or(0);
        let mut params = Vec::new();
        for i in 0..arity {
            let v = match (eqns.len(), eqns[0].0.get(i).copied()) {
                (1, Some(Pat::Var(b))) => self.var_of(b),
                (_, Some(p)) => {
                    let rep = self.pat_rep(p);
                    self.fresh("arg", rep)
                }
                (_, None) => self.fresh("arg", Rep::Ptr),
            };
            params.push(v);
        }
        let body = self.match_on(params.clone(), eqns, fail);
        (params, body)
    }

    pub(super) fn match_on(&mut self, vars: Vec<Var>, eqns: &[(Vec<&'h Pat>, Body<'h>)], fail: Expr) -> Expr {
        let eqns = eqns
            .iter()
            .map(|(pats, body)| Eqn { pats: pats.iter().copied().map(Some).collect(), body: *body, wraps: Vec::new() })
            .collect();
        self.match_(&vars, eqns, fail)
    }

    /// `case whole of pat -> y`: the value of one variable of a pattern binding.
    pub(super) fn selector(&mut self, whole: &Var, pat: &'h Pat, y: &'h hir::Binder, fail: Expr) -> Expr {
        let eqn = Eqn { pats: vec![Some(pat)], body: Body::Binder(y), wraps: Vec::new() };
        let out = self.match_(std::slice::from_ref(whole), vec![eqn], fail);
        let mut bs = Vec::new();
        pat.binders(&mut bs);
        for b in bs {
            self.renamed.remove(&b.unique);
        }
        out
    }

    fn match_(&mut self, vars: &[Var], eqns: Vec<Eqn<'h>>, fail: Expr) -> Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.match_inner(vars, eqns, fail))
    }

    fn match_inner(&mut self, vars: &[Var], mut eqns: Vec<Eqn<'h>>, fail: Expr) -> Expr {
        if eqns.is_empty() {
            return fail;
        }
        let Some((v, rest_vars)) = vars.split_first() else {
            let mut result = fail;
            for eqn in eqns.into_iter().rev() {
                result = self.share(result, |this, f| this.eqn_body(eqn, f));
            }
            return result;
        };
        if eqns.iter().any(|e| e.pats.len() != vars.len()) {
            self.internal("internal: equations with different numbers of patterns".to_string(), Default::default());
            return fail;
        }
        for eqn in &mut eqns {
            self.normalise(v, eqn);
        }
        let kinds: Vec<Kind> = eqns.iter().map(|e| self.kind(e.pats[0])).collect();
        let mut blocks: Vec<(Kind, Vec<Eqn<'h>>)> = Vec::new();
        for (eqn, k) in eqns.into_iter().zip(kinds) {
            match blocks.last_mut() {
                Some((bk, list)) if same_block(bk, &k) => list.push(eqn),
                _ => blocks.push((k, vec![eqn])),
            }
        }
        let mut result = fail;
        for (kind, block) in blocks.into_iter().rev() {
            result = self.share(result, |this, f| this.block(v, rest_vars, kind, block, f));
        }
        result
    }

    /// Strips the first pattern of what needs no test: variables, as-patterns, lazy
    /// and bang patterns, newtype constructors.
    fn normalise(&mut self, v: &Var, eqn: &mut Eqn<'h>) {
        while let Some(p) = eqn.pats[0] {
            eqn.pats[0] = match p {
                Pat::Var(b) => {
                    self.renamed.insert(b.unique, Occ::Local(v.clone()));
                    None
                }
                Pat::As(b, inner, _) => {
                    self.renamed.insert(b.unique, Occ::Local(v.clone()));
                    Some(&**inner)
                }
                Pat::Bang(inner, _) => {
                    eqn.wraps.push(Wrap::Force(v.clone()));
                    Some(&**inner)
                }
                Pat::Lazy(inner, span) => {
                    let mut bs = Vec::new();
                    inner.binders(&mut bs);
                    let mut bound = Vec::new();
                    for y in bs {
                        let fail = self.pat_error(*span, "Irrefutable pattern failed");
                        let eqn1 = Eqn { pats: vec![Some(&**inner)], body: Body::Binder(y), wraps: Vec::new() };
                        // The selector matches the pattern's variables itself; they are
                        // released afterwards and stand for the let-bound selections.
                        let sel = self.match_(std::slice::from_ref(v), vec![eqn1], fail);
                        let mut all = Vec::new();
                        inner.binders(&mut all);
                        for b in all {
                            self.renamed.remove(&b.unique);
                        }
                        let yv = self.fresh(&y.name, self.elab.rep(y.unique));
                        eqn.wraps.push(Wrap::Let(yv.clone(), sel));
                        bound.push((y.unique, yv));
                    }
                    for (u, yv) in bound {
                        self.renamed.insert(u, Occ::Local(yv));
                    }
                    None
                }
                Pat::Con(c, args, _) if args.len() == 1 && self.is_newtype_con(c) => Some(&args[0]),
                _ => return,
            };
        }
    }

    fn kind(&mut self, p: Option<&Pat>) -> Kind {
        let Some(p) = p else { return Kind::Any };
        match p {
            Pat::Wild(_) | Pat::Var(_) | Pat::As(..) | Pat::Lazy(..) | Pat::Bang(..) => Kind::Any,
            Pat::Con(..) => Kind::Con,
            Pat::Lit(l, span) => match l {
                HLit::Char(c) => match self.prelude_con("C#", *span) {
                    Some(dc) => Kind::Boxed(dc, Lit::Char(*c)),
                    None => Kind::Any,
                },
                HLit::PrimInt(n) => Kind::Prim(Lit::Int(*n)),
                HLit::PrimChar(c) => Kind::Prim(Lit::Char(*c)),
                HLit::PrimDouble(d) => Kind::Prim(Lit::Double(*d)),
                _ => {
                    self.errors.push(Diagnostic::new(
                        "E0110",
                        "this kind of literal pattern is not supported",
                        *span,
                        "here",
                    ));
                    Kind::Any
                }
            },
            Pat::NumLit { lit, eq, span, .. } => {
                let dict = self
                    .elab
                    .occ_evidence
                    .get(&eq.id)
                    .and_then(|e| e.first())
                    .and_then(|ev| self.dict_instance(*ev))
                    .cloned();
                let known =
                    |this: &Self, ty: &str| dict.is_some() && this.instance_dict("Prelude.Eq", ty) == dict.as_ref();
                let boxed = match lit {
                    HLit::Integer(n) if known(self, "Prelude.Int") => {
                        i64::try_from(*n).ok().map(|n| ("I#", Lit::Int(n)))
                    }
                    HLit::Integer(n) if known(self, "Prelude.Integer") => {
                        i64::try_from(*n).ok().map(|n| ("IS#", Lit::Int(n)))
                    }
                    _ => None,
                };
                match boxed.and_then(|(con, l)| self.prelude_con(con, *span).map(|dc| (dc, l))) {
                    Some((dc, l)) => Kind::Boxed(dc, l),
                    None => Kind::Overloaded,
                }
            }
        }
    }

    fn block(&mut self, v: &Var, rest: &[Var], kind: Kind, eqns: Vec<Eqn<'h>>, fail: Expr) -> Expr {
        match kind {
            Kind::Any => {
                let eqns = eqns.into_iter().map(drop_first).collect();
                self.match_(rest, eqns, fail)
            }
            Kind::Con => self.con_block(v, rest, eqns, fail),
            Kind::Boxed(dc, _) => {
                let field = dc.fields.first().copied().unwrap_or(Rep::Int);
                let u = self.fresh("lit", field);
                let inner = self.lit_alts(&u, rest, eqns, fail.clone());
                let b = self.fresh("box", Rep::Ptr);
                // `Integer` also has the big constructor `IB#`: no small literal matches it.
                let other = (dc.family_size > 1).then(|| Alt { con: AltCon::Default, vars: Vec::new(), rhs: fail });
                let alts = std::iter::once(Alt { con: AltCon::Data(dc), vars: vec![u], rhs: inner }).chain(other);
                Expr::Case(Box::new(var(v)), b, alts.collect())
            }
            Kind::Prim(_) => self.lit_alts(v, rest, eqns, fail),
            Kind::Overloaded => {
                let mut result = fail;
                for eqn in eqns.into_iter().rev() {
                    result = self.share(result, |this, f| this.overloaded_lit(v, rest, eqn, f));
                }
                result
            }
        }
    }

    fn con_block(&mut self, v: &Var, rest: &[Var], eqns: Vec<Eqn<'h>>, fail: Expr) -> Expr {
        let mut groups: Vec<(DataCon, Vec<Eqn<'h>>, Vec<Vec<EvVar>>)> = Vec::new();
        for mut eqn in eqns {
            let Some(Pat::Con(name, args, span)) = eqn.pats[0] else {
                continue;
            };
            let Some(dc) = self.con(name, *span) else { continue };
            let evs = self.elab.pat_evidence.get(span).cloned();
            eqn.pats.splice(0..1, args.iter().map(Some));
            match groups.iter_mut().find(|(d, _, _)| *d == dc) {
                Some((_, list, dicts)) => {
                    list.push(eqn);
                    dicts.extend(evs);
                }
                None => groups.push((dc, vec![eqn], evs.into_iter().collect())),
            }
        }
        let family = groups.first().map(|(d, _, _)| d.family_size as usize).unwrap_or(0);
        let complete = groups.len() >= family;
        let mut alts = Vec::new();
        for (dc, eqns, dicts) in groups {
            let fields: Vec<Var> = dc.fields.iter().map(|r| self.fresh("field", *r)).collect();
            // An existential constructor's packed dictionaries become the evidence its
            // patterns were given (each equation's own evidence variables).
            for evs in &dicts {
                for (ev, field) in evs.iter().zip(&fields) {
                    self.dict_vars.insert(*ev, field.clone());
                }
            }
            let packed = match self.env.values.get(&dc.name.0).map(|v| &v.kind) {
                Some(crate::interface::ValueKind::Con(c)) => c.dicts.min(fields.len()),
                _ => 0,
            };
            let mut vars = fields[packed..].to_vec();
            vars.extend_from_slice(rest);
            let rhs = self.match_(&vars, eqns, fail.clone());
            alts.push(Alt { con: AltCon::Data(dc), vars: fields, rhs });
        }
        if !complete {
            alts.push(Alt { con: AltCon::Default, vars: Vec::new(), rhs: fail });
        }
        let b = self.fresh("ds", Rep::Ptr);
        Expr::Case(Box::new(var(v)), b, alts)
    }

    /// A case on an unboxed value `u` against the literals of the equations.
    fn lit_alts(&mut self, u: &Var, rest: &[Var], eqns: Vec<Eqn<'h>>, fail: Expr) -> Expr {
        let mut groups: Vec<(Lit, Vec<Eqn<'h>>)> = Vec::new();
        for mut eqn in eqns {
            let lit = match self.kind(eqn.pats[0]) {
                Kind::Boxed(_, l) | Kind::Prim(l) => l,
                _ => continue,
            };
            eqn.pats.remove(0);
            match groups.iter_mut().find(|(l, _)| *l == lit) {
                Some((_, list)) => list.push(eqn),
                None => groups.push((lit, vec![eqn])),
            }
        }
        let mut alts = Vec::new();
        for (lit, eqns) in groups {
            let rhs = self.match_(rest, eqns, fail.clone());
            alts.push(Alt { con: AltCon::Lit(lit), vars: Vec::new(), rhs });
        }
        alts.push(Alt { con: AltCon::Default, vars: Vec::new(), rhs: fail });
        let b = self.fresh("lit", u.rep);
        Expr::Case(Box::new(var(u)), b, alts)
    }

    /// `if v == fromInteger lit then <match the rest> else fail`, for a literal of a
    /// type known only through its Eq and Num dictionaries.
    fn overloaded_lit(&mut self, v: &Var, rest: &[Var], mut eqn: Eqn<'h>, fail: Expr) -> Expr {
        let Some(Pat::NumLit { lit, eq, from, span }) = eqn.pats.remove(0) else {
            return fail;
        };
        let span = *span;
        let eq_fn = self.occurrence_expr(eq);
        let value = match from {
            Some(f) => {
                let from_fn = self.occurrence_expr(f);
                let l = self.lit(lit, span);
                Expr::App(Box::new(from_fn), vec![l])
            }
            None => self.lit(lit, span),
        };
        let test = match eq_fn {
            Expr::App(f, mut args) => {
                args.push(var(v));
                args.push(value);
                Expr::App(f, args)
            }
            f => Expr::App(Box::new(f), vec![var(v), value]),
        };
        let on_true = self.match_(rest, vec![eqn], fail.clone());
        let Some(true_con) = self.prelude_con("True", span) else {
            return fail;
        };
        let b = self.fresh("eq", Rep::Ptr);
        Expr::Case(
            Box::new(test),
            b,
            vec![
                Alt { con: AltCon::Data(true_con), vars: Vec::new(), rhs: on_true },
                Alt { con: AltCon::Default, vars: Vec::new(), rhs: fail },
            ],
        )
    }

    fn occurrence_expr(&mut self, o: &hir::Occ) -> Expr {
        self.expr(&hir::Expr::Var(o.clone()))
    }

    fn eqn_body(&mut self, eqn: Eqn<'h>, fail: Expr) -> Expr {
        let body = match eqn.body {
            Body::Rhs(r) => self.rhs(r, fail),
            Body::Expr(e) => self.expr(e),
            Body::Guards(gs, e) => self.guards(gs, e, fail),
            Body::Binder(b) => Expr::Var(self.local(b.unique, &b.name)),
        };
        eqn.wraps.into_iter().rev().fold(body, |acc, w| match w {
            Wrap::Let(v, e) => Expr::Let(Bind::NonRec(v, Box::new(e)), Box::new(acc)),
            Wrap::Force(v) => {
                let b = self.fresh("bang", v.rep);
                Expr::Case(Box::new(var(&v)), b, vec![Alt { con: AltCon::Default, vars: Vec::new(), rhs: acc }])
            }
        })
    }

    /// A right-hand side: `where` bindings around guards that fall through to `fail`.
    pub(super) fn rhs(&mut self, r: &'h hir::Rhs, fail: Expr) -> Expr {
        let binds = match &r.wheres {
            Some(w) => self.binds(w),
            None => Vec::new(),
        };
        let body = match &r.body {
            hir::Body::Plain(e) => self.expr(e),
            hir::Body::Guarded(gs) => {
                let mut result = fail;
                for g in gs.iter().rev() {
                    result = self.share(result, |this, f| this.guards(&g.guards, &g.body, f));
                }
                result
            }
        };
        Self::wrap_binds(binds, body)
    }

    fn guards(&mut self, gs: &'h [Guard], body: &'h hir::Expr, fail: Expr) -> Expr {
        let Some((first, rest)) = gs.split_first() else {
            return self.expr(body);
        };
        match first {
            Guard::Bool(e) if is_otherwise(e) => self.guards(rest, body, fail),
            Guard::Bool(e) => {
                let test = self.expr(e);
                let span = e.span();
                let yes = self.guards(rest, body, fail.clone());
                let Some(true_con) = self.prelude_con("True", span) else {
                    return fail;
                };
                let b = self.fresh("guard", Rep::Ptr);
                Expr::Case(
                    Box::new(test),
                    b,
                    vec![
                        Alt { con: AltCon::Data(true_con), vars: Vec::new(), rhs: yes },
                        Alt { con: AltCon::Default, vars: Vec::new(), rhs: fail },
                    ],
                )
            }
            Guard::Let(binds) => {
                let bs = self.binds(binds);
                let inner = self.guards(rest, body, fail);
                Self::wrap_binds(bs, inner)
            }
            Guard::Bind(p, e) => {
                let s = self.expr(e);
                let rep = self.pat_rep(p);
                let v = self.fresh("pg", rep);
                let eqn = Eqn { pats: vec![Some(p)], body: Body::Guards(rest, body), wraps: Vec::new() };
                let inner = self.match_(std::slice::from_ref(&v), vec![eqn], fail);
                if rep == Rep::Ptr {
                    Expr::Let(Bind::NonRec(v, Box::new(s)), Box::new(inner))
                } else {
                    Expr::Case(Box::new(s), v, vec![Alt { con: AltCon::Default, vars: Vec::new(), rhs: inner }])
                }
            }
        }
    }
}

fn drop_first(mut e: Eqn<'_>) -> Eqn<'_> {
    e.pats.remove(0);
    e
}

fn var(v: &Var) -> Expr {
    Expr::Var(Occ::Local(v.clone()))
}

fn is_otherwise(e: &hir::Expr) -> bool {
    match e {
        hir::Expr::Var(o) => matches!(&o.target, hir::Target::Global(g) if &**g == "Prelude.otherwise"),
        hir::Expr::Con(c, _) => &**c == "Prelude.True",
        _ => false,
    }
}
