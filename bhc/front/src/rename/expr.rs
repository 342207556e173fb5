//! Renaming expressions, and rewriting their syntactic sugar into `hir` forms: `if`
//! (a case on Bool), `do` (`>>=`, `>>`, `fail`), sections, tuples and lists (constructor
//! applications), enumerations (`enumFrom`...), list comprehensions (a direct recursive
//! translation needing no library function), negation (`negate`, folded into literals)
//! and numeric literals (`fromInteger`).

use super::fixity::{self, Elem};
use super::pat::PatMode;
use super::{Renamer, Resolved};
use crate::hir;
use crate::interface::ValueKind;
use crate::types::wired;
use bhc_syntax::ast::{Alt, Expr, GuardedRhs, Literal, OpElem, QName, Rhs, RhsBody, Span, Stmt};
use bhc_syntax::Diagnostic;
use std::rc::Rc;

/// The levels of the nesting bound (E0006) each guard of an equation counts for.
const GUARD_LEVELS: usize = 5;

/// The tail a comprehension's innermost result is consed onto: `[]`, or a call of the
/// enclosing generator's loop on the rest of its list.
#[derive(Clone)]
enum Tail {
    Nil(Span),
    Loop { go: hir::Binder, rest: hir::Binder },
}

impl Renamer<'_> {
    pub fn expr(&mut self, e: &Expr) -> hir::Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> hir::Expr {
        match e {
            Expr::Var(q) => self.var(q),
            Expr::Con(q) => self.con(q),
            Expr::Lit(l, s) => self.lit(l, *s),
            Expr::App(f, a, s) => hir::Expr::App(Box::new(self.expr(f)), Box::new(self.expr(a)), *s),
            Expr::OpChain(elems, s) => self.op_chain(elems, *s),
            Expr::Lambda(ps, body, s) => {
                self.push_scope();
                let mut seen = Vec::new();
                let pats = ps.iter().map(|p| self.pat(p, PatMode::Local, &mut seen)).collect();
                let body = self.expr(body);
                self.pop_scope();
                hir::Expr::Lam(pats, Box::new(body), *s)
            }
            Expr::Let(decls, body, s) => {
                let binds = self.local_binds(decls);
                let body = self.expr(body);
                self.pop_scope();
                hir::Expr::Let(Box::new(binds), Box::new(body), *s)
            }
            Expr::If(c, t, f, s) => {
                let c = self.expr(c);
                let t = self.expr(t);
                let f = self.expr(f);
                self.if_then_else(c, t, f, *s)
            }
            Expr::Case(scrut, alts, s) => {
                let scrut = self.expr(scrut);
                let alts = alts.iter().map(|a| self.alt(a)).collect();
                hir::Expr::Case(Box::new(scrut), alts, *s)
            }
            Expr::Do(stmts, s) => self.do_stmts(stmts, *s),
            Expr::Tuple(es, s) => {
                let mut acc = hir::Expr::Con(self.tuple_con(es.len(), *s), *s);
                for e in es {
                    let a = self.expr(e);
                    acc = hir::Expr::App(Box::new(acc), Box::new(a), *s);
                }
                acc
            }
            Expr::List(es, s) => {
                let items: Vec<hir::Expr> = es.iter().map(|e| self.expr(e)).collect();
                self.list_literal(items, *s)
            }
            Expr::EnumFrom { from, then, to, span } => {
                let f = match (then.is_some(), to.is_some()) {
                    (false, false) => "enumFrom",
                    (true, false) => "enumFromThen",
                    (false, true) => "enumFromTo",
                    (true, true) => "enumFromThenTo",
                };
                let mut acc = self.prelude_var(f, *span);
                for arg in [Some(from), then.as_ref(), to.as_ref()].into_iter().flatten() {
                    let a = self.expr(arg);
                    acc = hir::Expr::App(Box::new(acc), Box::new(a), *span);
                }
                acc
            }
            Expr::ListComp(e, quals, s) => self.comprehension(e, quals, Tail::Nil(*s)),
            Expr::LeftSection(e, op, s) => {
                let f = self.operator(op);
                let a = self.expr(e);
                hir::Expr::App(Box::new(f), Box::new(a), *s)
            }
            Expr::RightSection(op, e, s) => {
                let f = self.operator(op);
                let a = self.expr(e);
                let x = self.fresh_binder("x", *s);
                let xv = hir::Expr::Var(self.local_occ(&x, *s));
                let body = hir::Expr::App(Box::new(hir::Expr::App(Box::new(f), Box::new(xv), *s)), Box::new(a), *s);
                hir::Expr::Lam(vec![hir::Pat::Var(x)], Box::new(body), *s)
            }
            Expr::Typed(e, t, s) => {
                let e = self.expr(e);
                let sig = self.sig_type(t);
                hir::Expr::Typed(Box::new(e), Box::new(sig), self.supply.occ(), *s)
            }
            Expr::RecordCon(q, fields, s) => {
                let con = self.con_name(q);
                let fields = self.field_binds(fields);
                hir::Expr::RecordCon(con, fields, *s)
            }
            Expr::RecordUpdate(e, fields, s) => {
                let e = self.expr(e);
                let fields = self.field_binds(fields);
                hir::Expr::RecordUpdate(Box::new(e), fields, *s)
            }
            Expr::Paren(e, _) => self.expr(e),
        }
    }

    fn field_binds(&mut self, fields: &[(QName, Expr)]) -> Vec<(crate::types::Name, hir::Expr)> {
        let mut out = Vec::new();
        for (q, e) in fields {
            let e = self.expr(e);
            if let Some(Resolved::Global(n)) = self.resolve_value(q) {
                out.push((n, e));
            }
        }
        out
    }

    /// An unresolvable name: renaming goes on to find more errors, but the module is
    /// rejected, so this node never reaches the type checker.
    fn unresolved(q: &QName) -> hir::Expr {
        hir::Expr::Con(Rc::from(q.name.as_str()), q.span)
    }

    fn var(&mut self, q: &QName) -> hir::Expr {
        match self.resolve_value(q) {
            Some(Resolved::Local(u)) => hir::Expr::Var(hir::Occ {
                id: self.supply.occ(),
                target: hir::Target::Local(u),
                name: Rc::from(q.name.as_str()),
                span: q.span,
            }),
            Some(Resolved::Global(n)) => {
                if let Some(ValueKind::Prim(op)) = self.env.values.get(&n).map(|v| &v.kind) {
                    return hir::Expr::Prim(*op, q.span);
                }
                if q.is_con() {
                    return hir::Expr::Con(n, q.span);
                }
                hir::Expr::Var(hir::Occ {
                    id: self.supply.occ(),
                    target: hir::Target::Global(n),
                    name: Rc::from(q.name.as_str()),
                    span: q.span,
                })
            }
            None => Self::unresolved(q),
        }
    }

    fn con(&mut self, q: &QName) -> hir::Expr {
        match self.resolve_value(q) {
            Some(Resolved::Global(n)) => hir::Expr::Con(n, q.span),
            _ => Self::unresolved(q),
        }
    }

    fn operator(&mut self, q: &QName) -> hir::Expr {
        if q.is_con() {
            self.con(q)
        } else {
            self.var(q)
        }
    }

    /// `[e1, .., en]` as `e1 : .. : en : []`. A long literal becomes chunks joined by a
    /// balanced tree of `++`, so that no later pass (nor dropping the tree) recurses
    /// once per element.
    fn list_literal(&mut self, items: Vec<hir::Expr>, s: Span) -> hir::Expr {
        const CHUNK: usize = 256;
        let mut chunks: Vec<hir::Expr> = Vec::new();
        let mut items = items.into_iter().peekable();
        while items.peek().is_some() || chunks.is_empty() {
            let chunk: Vec<hir::Expr> = items.by_ref().take(CHUNK).collect();
            let mut acc = hir::Expr::Con(Rc::from(wired::LIST), s);
            for item in chunk.into_iter().rev() {
                acc = self.cons(item, acc, s);
            }
            chunks.push(acc);
        }
        while chunks.len() > 1 {
            let mut joined = Vec::with_capacity(chunks.len() / 2 + 1);
            let mut pairs = chunks.into_iter();
            while let Some(a) = pairs.next() {
                match pairs.next() {
                    Some(b) => {
                        let append = self.prelude_var("++", s);
                        let left = hir::Expr::App(Box::new(append), Box::new(a), s);
                        joined.push(hir::Expr::App(Box::new(left), Box::new(b), s));
                    }
                    None => joined.push(a),
                }
            }
            chunks = joined;
        }
        chunks.pop().unwrap_or_else(|| hir::Expr::Con(Rc::from(wired::LIST), s))
    }

    fn cons(&mut self, head: hir::Expr, tail: hir::Expr, s: Span) -> hir::Expr {
        let c = hir::Expr::Con(Rc::from(wired::CONS), s);
        hir::Expr::App(Box::new(hir::Expr::App(Box::new(c), Box::new(head), s)), Box::new(tail), s)
    }

    fn lit(&mut self, l: &Literal, s: Span) -> hir::Expr {
        let lit = |l| hir::Expr::Lit(l, s);
        match l {
            Literal::Int(n) => {
                self.check_integer_range(*n, s);
                let f = self.prelude_var("fromInteger", s);
                hir::Expr::App(Box::new(f), Box::new(lit(hir::Lit::Integer(*n))), s)
            }
            Literal::BigInt(digits) => {
                let big = self.big_integer_lit(digits, s);
                let f = self.prelude_var("fromInteger", s);
                hir::Expr::App(Box::new(f), Box::new(lit(big)), s)
            }
            Literal::Frac(text) => match self.frac_lit(text, s) {
                r @ hir::Lit::Rational { .. } => {
                    let f = self.prelude_var("fromRational", s);
                    hir::Expr::App(Box::new(f), Box::new(lit(r)), s)
                }
                other => lit(other),
            },
            Literal::Char(c) => lit(hir::Lit::Char(*c)),
            Literal::String(t) => lit(hir::Lit::String(Rc::from(t.as_str()))),
            Literal::PrimInt(n) => lit(hir::Lit::PrimInt(*n)),
            Literal::PrimChar(c) => lit(hir::Lit::PrimChar(*c)),
            Literal::PrimString(b) => lit(hir::Lit::PrimString(Rc::from(b.as_slice()))),
            Literal::PrimDouble(d) => lit(hir::Lit::PrimDouble(*d)),
        }
    }

    fn op_chain(&mut self, elems: &[OpElem], s: Span) -> hir::Expr {
        let levels = elems.iter().filter(|e| !matches!(e, OpElem::Operand(_))).count();
        if !self.enter_sugar(levels, s) {
            return hir::Expr::Lit(hir::Lit::Integer(0), s);
        }
        let e = self.op_chain_within(elems, s);
        self.leave_sugar(levels);
        e
    }

    fn op_chain_within(&mut self, elems: &[OpElem], s: Span) -> hir::Expr {
        let mut out = Vec::new();
        for e in elems {
            match e {
                OpElem::Operand(x) => out.push(Elem::Operand(self.expr(x))),
                OpElem::Negate(span) => out.push(Elem::Negate(*span)),
                OpElem::Op(q) => {
                    let resolved = self.resolve_value(q);
                    let fixity =
                        resolved.as_ref().map(|r| self.fixity_of(r)).unwrap_or(crate::interface::Fixity::DEFAULT);
                    let op = match resolved {
                        Some(Resolved::Local(u)) => hir::Expr::Var(hir::Occ {
                            id: self.supply.occ(),
                            target: hir::Target::Local(u),
                            name: Rc::from(q.name.as_str()),
                            span: q.span,
                        }),
                        Some(Resolved::Global(n)) => match self.env.values.get(&n).map(|v| &v.kind) {
                            Some(ValueKind::Prim(p)) => hir::Expr::Prim(*p, q.span),
                            _ if q.is_con() => hir::Expr::Con(n, q.span),
                            _ => hir::Expr::Var(self.global_occ(n, q.span)),
                        },
                        None => Self::unresolved(q),
                    };
                    out.push(Elem::Op { op, fixity, name: q.to_string(), span: q.span });
                }
            }
        }
        let negate =
            if elems.iter().any(|e| matches!(e, OpElem::Negate(_))) { Some(self.prelude("negate", s)) } else { None };
        let supply = &mut self.supply;
        let result = fixity::resolve(
            out,
            s,
            |op, l, r| {
                let span = l.span().to(r.span());
                hir::Expr::App(Box::new(hir::Expr::App(Box::new(op), Box::new(l), span)), Box::new(r), span)
            },
            |ns, e| negated(e, ns, negate.clone(), supply),
        );
        result.unwrap_or_else(|d| {
            self.error(d);
            hir::Expr::Lit(hir::Lit::Integer(0), s)
        })
    }

    fn if_then_else(&mut self, c: hir::Expr, t: hir::Expr, f: hir::Expr, s: Span) -> hir::Expr {
        let true_ = self.prelude("True", s);
        let false_ = self.prelude("False", s);
        let alt = |con, body| hir::Alt {
            pat: hir::Pat::Con(con, Vec::new(), s),
            rhs: hir::Rhs { body: hir::Body::Plain(body), wheres: None, span: s },
            span: s,
        };
        hir::Expr::Case(Box::new(c), vec![alt(true_, t), alt(false_, f)], s)
    }

    fn alt(&mut self, a: &Alt) -> hir::Alt {
        self.push_scope();
        let pat = self.pat(&a.pat, PatMode::Local, &mut Vec::new());
        let rhs = self.rhs(&a.rhs);
        self.pop_scope();
        hir::Alt { pat, rhs, span: a.span }
    }

    pub(super) fn rhs(&mut self, rhs: &Rhs) -> hir::Rhs {
        let wheres = if rhs.wheres.is_empty() { None } else { Some(Box::new(self.local_binds(&rhs.wheres))) };
        let body = match &rhs.body {
            RhsBody::Plain(e) => hir::Body::Plain(self.expr(e)),
            // Guards fall through to the next one: each nests the rest, as a `do`
            // statement does, but costs the type checker and the byte-code compiler
            // more (a polymorphic equation with 5,000 guards took 22 s and 2.3 GB; 25,000
            // took minutes; found by tests/fuzz.rs), so one equation has about 1,000.
            RhsBody::Guarded(gs) if self.enter_sugar(GUARD_LEVELS * gs.len(), rhs.span) => {
                let guarded = hir::Body::Guarded(gs.iter().map(|g| self.guarded(g)).collect());
                self.leave_sugar(GUARD_LEVELS * gs.len());
                guarded
            }
            RhsBody::Guarded(_) => hir::Body::Plain(hir::Expr::Lit(hir::Lit::Integer(0), rhs.span)),
        };
        if wheres.is_some() {
            self.pop_scope();
        }
        hir::Rhs { body, wheres, span: rhs.span }
    }

    fn guarded(&mut self, g: &GuardedRhs) -> hir::GuardedExpr {
        let mut scopes = 0;
        let mut guards = Vec::new();
        for stmt in &g.guards {
            match stmt {
                Stmt::Expr(e, _) => guards.push(hir::Guard::Bool(self.expr(e))),
                Stmt::Bind(p, e, _) => {
                    let e = self.expr(e);
                    self.push_scope();
                    scopes += 1;
                    let p = self.pat(p, PatMode::Local, &mut Vec::new());
                    guards.push(hir::Guard::Bind(p, e));
                }
                Stmt::Let(decls, _) => {
                    guards.push(hir::Guard::Let(Box::new(self.local_binds(decls))));
                    scopes += 1;
                }
            }
        }
        let body = self.expr(&g.body);
        for _ in 0..scopes {
            self.pop_scope();
        }
        hir::GuardedExpr { guards, body, span: g.span }
    }

    fn do_stmts(&mut self, stmts: &[Stmt], s: Span) -> hir::Expr {
        if !self.enter_sugar(1, s) {
            return hir::Expr::Lit(hir::Lit::Integer(0), s);
        }
        let e = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.do_stmts_inner(stmts, s));
        self.leave_sugar(1);
        e
    }

    fn do_stmts_inner(&mut self, stmts: &[Stmt], s: Span) -> hir::Expr {
        let Some((first, rest)) = stmts.split_first() else {
            self.error(Diagnostic::new("E0110", "empty `do` block", s, "here"));
            return hir::Expr::Lit(hir::Lit::Integer(0), s);
        };
        if rest.is_empty() {
            return match first {
                Stmt::Expr(e, _) => self.expr(e),
                Stmt::Bind(_, _, sp) | Stmt::Let(_, sp) => {
                    self.error(Diagnostic::new(
                        "E0110",
                        "the last statement in a `do` block must be an expression",
                        *sp,
                        "here",
                    ));
                    hir::Expr::Lit(hir::Lit::Integer(0), s)
                }
            };
        }
        match first {
            Stmt::Expr(e, sp) => {
                let e = self.expr(e);
                let then = self.prelude_var(">>", *sp);
                let rest = self.do_stmts(rest, s);
                hir::Expr::App(Box::new(hir::Expr::App(Box::new(then), Box::new(e), *sp)), Box::new(rest), s)
            }
            Stmt::Bind(p, e, sp) => {
                let e = self.expr(e);
                let bind = self.prelude_var(">>=", *sp);
                self.push_scope();
                let p = self.pat(p, PatMode::Local, &mut Vec::new());
                let body = self.do_stmts(rest, s);
                self.pop_scope();
                let k = if self.failure_free(&p) {
                    hir::Expr::Lam(vec![p], Box::new(body), s)
                } else {
                    let v = self.fresh_binder("v", *sp);
                    let vv = hir::Expr::Var(self.local_occ(&v, *sp));
                    let msg = format!("Pattern match failure in do expression at {}", self.srcmap.describe(p.span()));
                    let fail = self.prelude_var("fail", *sp);
                    let failed = hir::Expr::App(
                        Box::new(fail),
                        Box::new(hir::Expr::Lit(hir::Lit::String(Rc::from(msg)), *sp)),
                        *sp,
                    );
                    let wild = hir::Pat::Wild(self.fresh_binder("_", *sp));
                    let alts = vec![
                        hir::Alt { pat: p, rhs: plain(body, s), span: s },
                        hir::Alt { pat: wild, rhs: plain(failed, *sp), span: *sp },
                    ];
                    hir::Expr::Lam(vec![hir::Pat::Var(v)], Box::new(hir::Expr::Case(Box::new(vv), alts, s)), s)
                };
                hir::Expr::App(Box::new(hir::Expr::App(Box::new(bind), Box::new(e), *sp)), Box::new(k), s)
            }
            Stmt::Let(decls, _) => {
                let binds = self.local_binds(decls);
                let body = self.do_stmts(rest, s);
                self.pop_scope();
                hir::Expr::Let(Box::new(binds), Box::new(body), s)
            }
        }
    }

    fn tail(&mut self, t: &Tail) -> hir::Expr {
        match t {
            Tail::Nil(s) => hir::Expr::Con(Rc::from(wired::LIST), *s),
            Tail::Loop { go, rest } => {
                let f = hir::Expr::Var(self.local_occ(go, go.span));
                let a = hir::Expr::Var(self.local_occ(rest, rest.span));
                hir::Expr::app(f, a)
            }
        }
    }

    /// `[e | quals] ++ tail`, translated without intermediate lists: a generator
    /// `p <- l` becomes a local loop over `l` whose tail is the loop on the rest.
    fn comprehension(&mut self, e: &Expr, quals: &[Stmt], tail: Tail) -> hir::Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.comprehension_inner(e, quals, tail))
    }

    fn comprehension_inner(&mut self, e: &Expr, quals: &[Stmt], tail: Tail) -> hir::Expr {
        let Some((first, rest)) = quals.split_first() else {
            let head = self.expr(e);
            let t = self.tail(&tail);
            let s = head.span();
            return self.cons(head, t, s);
        };
        match first {
            Stmt::Expr(b, s) => {
                let c = self.expr(b);
                let yes = self.comprehension(e, rest, tail.clone());
                let no = self.tail(&tail);
                self.if_then_else(c, yes, no, *s)
            }
            Stmt::Let(decls, s) => {
                let binds = self.local_binds(decls);
                let body = self.comprehension(e, rest, tail);
                self.pop_scope();
                hir::Expr::Let(Box::new(binds), Box::new(body), *s)
            }
            Stmt::Bind(p, l, s) => {
                let s = *s;
                let list = self.expr(l);
                let go = self.fresh_binder("go", s);
                let xs = self.fresh_binder("xs", s);
                let x = self.fresh_binder("x", s);
                let more = self.fresh_binder("xs", s);
                self.push_scope();
                let p = self.pat(p, PatMode::Local, &mut Vec::new());
                let inner_tail = Tail::Loop { go: go.clone(), rest: more.clone() };
                let matched = self.comprehension(e, rest, inner_tail.clone());
                self.pop_scope();
                let mut alts = vec![hir::Alt { pat: p.clone(), rhs: plain(matched, s), span: s }];
                if !self.failure_free(&p) {
                    let skip = self.tail(&inner_tail);
                    alts.push(hir::Alt {
                        pat: hir::Pat::Wild(self.fresh_binder("_", s)),
                        rhs: plain(skip, s),
                        span: s,
                    });
                }
                let xv = hir::Expr::Var(self.local_occ(&x, s));
                let on_cons = hir::Expr::Case(Box::new(xv), alts, s);
                let on_nil = self.tail(&tail);
                let xsv = hir::Expr::Var(self.local_occ(&xs, s));
                let body = hir::Expr::Case(
                    Box::new(xsv),
                    vec![
                        hir::Alt {
                            pat: hir::Pat::Con(Rc::from(wired::LIST), Vec::new(), s),
                            rhs: plain(on_nil, s),
                            span: s,
                        },
                        hir::Alt {
                            pat: hir::Pat::Con(Rc::from(wired::CONS), vec![hir::Pat::Var(x), hir::Pat::Var(more)], s),
                            rhs: plain(on_cons, s),
                            span: s,
                        },
                    ],
                    s,
                );
                // A variable binding of a lambda, so the monomorphism restriction keeps
                // the loop free of dictionary parameters.
                let lam = hir::Expr::Lam(vec![hir::Pat::Var(xs)], Box::new(body), s);
                let bind = hir::Bind::Fun {
                    binder: go.clone(),
                    matches: vec![hir::Match { pats: Vec::new(), rhs: plain(lam, s), span: s }],
                    span: s,
                };
                let binds = self.new_binds(vec![bind]);
                let start = hir::Expr::app(hir::Expr::Var(self.local_occ(&go, s)), list);
                hir::Expr::Let(Box::new(binds), Box::new(start), s)
            }
        }
    }
}

fn plain(e: hir::Expr, s: Span) -> hir::Rhs {
    hir::Rhs { body: hir::Body::Plain(e), wheres: None, span: s }
}

/// `- e`: a literal is negated in place (`-1` is `fromInteger (-1)`), anything else
/// becomes `negate e`.
fn negated(e: hir::Expr, s: Span, negate: Option<crate::types::Name>, supply: &mut super::Supply) -> hir::Expr {
    let span = s.to(e.span());
    let e = match e {
        hir::Expr::App(f, a, sp) if is_literal_conversion(&f) => match *a {
            hir::Expr::Lit(l, ls) => match negate_lit(l) {
                Ok(l) => return hir::Expr::App(f, Box::new(hir::Expr::Lit(l, ls)), sp.to(span)),
                Err(l) => hir::Expr::App(f, Box::new(hir::Expr::Lit(l, ls)), sp),
            },
            a => hir::Expr::App(f, Box::new(a), sp),
        },
        hir::Expr::Lit(hir::Lit::Frac(x), _) => return hir::Expr::Lit(hir::Lit::Frac(-x), span),
        e => e,
    };
    match negate {
        Some(n) => {
            let name = Rc::from(crate::types::base_name(&n));
            let occ = hir::Occ { id: supply.occ(), target: hir::Target::Global(n), name, span: s };
            hir::Expr::App(Box::new(hir::Expr::Var(occ)), Box::new(e), span)
        }
        None => e,
    }
}

fn is_literal_conversion(f: &hir::Expr) -> bool {
    matches!(f, hir::Expr::Var(o) if matches!(&o.target,
        hir::Target::Global(n) if &**n == "Prelude.fromInteger" || &**n == "Prelude.fromRational"))
}

/// `-lit` as a literal, or the literal back when it cannot be negated in place. Zero
/// is not: `-0` must be `negate (fromInteger 0)`, which is `-0.0` at `Double`.
fn negate_lit(l: hir::Lit) -> Result<hir::Lit, hir::Lit> {
    match l {
        hir::Lit::Integer(0) => Err(l),
        hir::Lit::Integer(n) => Ok(hir::Lit::Integer(-n)),
        hir::Lit::Rational { num, den, double } => match negate_lit(*num) {
            Ok(n) => Ok(hir::Lit::Rational { num: Box::new(n), den, double: -double }),
            Err(n) => Err(hir::Lit::Rational { num: Box::new(n), den, double }),
        },
        hir::Lit::BigInteger(d) => Ok(hir::Lit::BigInteger(match d.strip_prefix('-') {
            Some(pos) => Rc::from(pos),
            None => Rc::from(format!("-{d}")),
        })),
        other => Err(other),
    }
}
