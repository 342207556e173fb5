//! Desugaring expressions: occurrences with their dictionary arguments, literals (with
//! the `fromInteger` of a known Int/Integer/Double resolved at compile time), primops
//! (`seq#` becomes a forcing case), newtype constructors (erased), lambdas, lets,
//! cases, type annotations and records.

use super::{lambda, Desugarer};
use crate::core::{Alt, AltCon, Expr};
use crate::hir::{self, Lit as HLit, Target};
use crate::interface::ValueKind;
use crate::types::Name;
use bhc_stg::{Global, Lit, Occ, PrimOp, Rep};
use bhc_syntax::ast::Span;

impl Desugarer<'_> {
    pub fn expr(&mut self, e: &hir::Expr) -> Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.poly_expr(e))
    }

    /// An expression the checker checked against a `forall` type with a context
    /// becomes a function of that context's dictionaries (`Elab::poly_params`). Only
    /// the outermost expression of a span is: generated code may nest expressions with
    /// one span.
    fn poly_expr(&mut self, e: &hir::Expr) -> Expr {
        if self.elab.poly_params.is_empty() {
            return self.expr_inner(e);
        }
        let span = e.span();
        match self.elab.poly_params.get(&span) {
            Some(evs) if self.abstracting.insert(span) => {
                let params = self.dict_params(evs);
                let body = self.expr_inner(e);
                self.abstracting.remove(&span);
                lambda(params, body)
            }
            _ => self.expr_inner(e),
        }
    }

    fn occ_with_evidence(&mut self, head: Expr, id: u32) -> Expr {
        match self.elab.occ_evidence.get(&id).cloned() {
            Some(evs) if !evs.is_empty() => {
                let args = evs.into_iter().map(|ev| self.dict(ev)).collect();
                Expr::App(Box::new(head), args)
            }
            _ => head,
        }
    }

    fn occurrence(&mut self, o: &hir::Occ) -> Expr {
        let head = match &o.target {
            Target::Local(u) => Expr::Var(self.local(*u, &o.name)),
            Target::Global(n) => Expr::Var(Occ::Global(Global(n.clone()))),
        };
        self.occ_with_evidence(head, o.id)
    }

    pub(super) fn lit(&mut self, l: &HLit, span: Span) -> Expr {
        match l {
            HLit::Integer(n) => match i64::try_from(*n) {
                Ok(n) => self.boxed("IS#", Lit::Int(n), span),
                Err(_) => self.big_integer(&n.to_string(), span),
            },
            HLit::BigInteger(digits) => self.big_integer(digits, span),
            HLit::Rational { num, den, .. } => {
                let ratio = self.con_value(&Name::from("Prelude.:%"), span);
                let num = self.lit(num, span);
                let den = self.lit(den, span);
                Expr::App(Box::new(ratio), vec![num, den])
            }
            HLit::Frac(x) => self.boxed("D#", Lit::Double(*x), span),
            HLit::Char(c) => self.boxed("C#", Lit::Char(*c), span),
            HLit::String(s) if s.is_empty() => match self.con(crate::types::wired::LIST, span) {
                Some(nil) => Expr::Con(nil),
                None => Expr::Lit(Lit::Int(0)),
            },
            HLit::String(s) => {
                let f = self.prelude_global("unpackCString#", span);
                Expr::App(Box::new(f), vec![Self::string_lit(s)])
            }
            HLit::PrimInt(n) => Expr::Lit(Lit::Int(*n)),
            HLit::PrimChar(c) => Expr::Lit(Lit::Char(*c)),
            HLit::PrimString(b) => Expr::Lit(Lit::String(b.clone())),
            HLit::PrimDouble(d) => Expr::Lit(Lit::Double(*d)),
        }
    }

    /// An `Integer` beyond `Int#`: `integerFromAddr# "digits"#` (docs/conventions.md).
    fn big_integer(&mut self, digits: &str, span: Span) -> Expr {
        let f = self.prelude_global("integerFromAddr#", span);
        Expr::App(Box::new(f), vec![Self::string_lit(digits)])
    }

    fn boxed(&mut self, con: &str, lit: Lit, span: Span) -> Expr {
        match self.prelude_con(con, span) {
            Some(c) => Expr::App(Box::new(Expr::Con(c)), vec![Expr::Lit(lit)]),
            None => Expr::Lit(lit),
        }
    }

    /// `fromInteger d (literal)` where `d` is the Num dictionary of Int, Integer or
    /// Double: the literal of that type, built directly.
    fn known_literal(&mut self, f: &hir::Expr, a: &hir::Expr) -> Option<Expr> {
        let (hir::Expr::Var(o), hir::Expr::Lit(lit, span)) = (f, a) else {
            return None;
        };
        let Target::Global(conversion) = &o.target else { return None };
        let ev = *self.elab.occ_evidence.get(&o.id)?.first()?;
        let dict = self.dict_instance(ev)?.clone();
        let is = |this: &Self, class: &str, ty: &str| this.instance_dict(class, ty) == Some(&dict);
        match (&**conversion, lit) {
            ("Prelude.fromInteger", HLit::Integer(n)) => {
                if is(self, "Prelude.Num", "Prelude.Int") {
                    // Like GHC, an `Int` literal out of range wraps around.
                    return Some(self.boxed("I#", Lit::Int(*n as i64), *span));
                }
                if is(self, "Prelude.Num", "Prelude.Integer") {
                    return Some(self.lit(lit, *span));
                }
                if is(self, "Prelude.Num", "Prelude.Double") {
                    return Some(self.boxed("D#", Lit::Double(*n as f64), *span));
                }
                None
            }
            ("Prelude.fromRational", HLit::Rational { double, .. }) => {
                if is(self, "Prelude.Fractional", "Prelude.Double") {
                    return Some(self.boxed("D#", Lit::Double(*double), *span));
                }
                None
            }
            _ => None,
        }
    }

    fn expr_inner(&mut self, e: &hir::Expr) -> Expr {
        match e {
            hir::Expr::Var(o) => self.occurrence(o),
            hir::Expr::Con(n, span) => self.con_value(n, *span),
            hir::Expr::Prim(op, _) => Expr::Prim(*op),
            hir::Expr::Lit(l, span) => self.lit(l, *span),
            hir::Expr::App(..) => self.application(e),
            hir::Expr::Lam(pats, body, span) => self.lambda(pats, body, *span),
            hir::Expr::Let(binds, body, _) => {
                let bs = self.binds(binds);
                let body = self.expr(body);
                Self::wrap_binds(bs, body)
            }
            hir::Expr::Case(scrut, alts, span) => self.case(scrut, alts, *span),
            hir::Expr::Typed(inner, _, id, _) => {
                let evs = self.elab.typed_params.get(id).cloned().unwrap_or_default();
                let params = self.dict_params(&evs);
                let body = self.expr(inner);
                let abstracted = lambda(params, body);
                self.occ_with_evidence(abstracted, *id)
            }
            hir::Expr::RecordCon(con, fields, span) => self.record_con(con, fields, *span),
            hir::Expr::RecordUpdate(rec, fields, span) => self.record_update(rec, fields, *span),
        }
    }

    /// A constructor as a value; a newtype's constructor is the identity. An
    /// existential constructor comes applied to the dictionaries it packs.
    fn con_value(&mut self, n: &Name, span: Span) -> Expr {
        if self.is_newtype_con(n) {
            let x = self.fresh("x", Rep::Ptr);
            return Expr::Lam(vec![x.clone()], Box::new(Expr::Var(Occ::Local(x))));
        }
        let Some(dc) = self.con(n, span) else {
            return Expr::Lit(Lit::Int(0));
        };
        let (dicts, strict) = match self.env.values.get(n).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => (c.dicts, c.strict.clone()),
            _ => (0, Vec::new()),
        };
        let evs = if dicts > 0 { self.elab.con_evidence.get(&span).cloned().unwrap_or_default() } else { Vec::new() };
        let packed: Vec<Expr> = evs.into_iter().map(|ev| self.dict(ev)).collect();
        let pack = |e: Expr| if packed.is_empty() { e } else { Expr::App(Box::new(e), packed) };
        let source_fields = dc.fields.get(dicts..).unwrap_or(&[]);
        if !strict.iter().zip(source_fields).any(|(s, r)| *s && *r == Rep::Ptr) {
            return pack(Expr::Con(dc));
        }
        // A constructor with strict fields evaluates them before it builds the value.
        let vars: Vec<_> = dc.fields.iter().map(|r| self.fresh("a", *r)).collect();
        let args = vars.iter().map(|v| Expr::Var(Occ::Local(v.clone()))).collect();
        let mut body = Expr::App(Box::new(Expr::Con(dc.clone())), args);
        for (v, s) in vars.iter().skip(dicts).zip(&strict).rev() {
            if *s && v.rep == Rep::Ptr {
                let b = self.fresh("strict", Rep::Ptr);
                let forced = Alt { con: AltCon::Default, vars: Vec::new(), rhs: body };
                body = Expr::Case(Box::new(Expr::Var(Occ::Local(v.clone()))), b, vec![forced]);
            }
        }
        pack(Expr::Lam(vars, Box::new(body)))
    }

    fn application(&mut self, e: &hir::Expr) -> Expr {
        let mut args: Vec<&hir::Expr> = Vec::new();
        let mut f = e;
        while let hir::Expr::App(g, a, _) = f {
            args.push(a);
            f = g;
        }
        args.reverse();
        if let [a] = args.as_slice() {
            if let Some(lit) = self.known_literal(f, a) {
                return lit;
            }
        }
        match f {
            hir::Expr::Prim(PrimOp::Seq, _) if args.len() >= 2 => {
                let forced = self.expr(args[0]);
                let rest = self.expr(args[1]);
                let v = self.fresh("seq", Rep::Ptr);
                let case =
                    Expr::Case(Box::new(forced), v, vec![Alt { con: AltCon::Default, vars: Vec::new(), rhs: rest }]);
                self.apply(case, &args[2..])
            }
            hir::Expr::Con(n, _) if self.is_newtype_con(n) => {
                let inner = self.expr(args[0]);
                self.apply(inner, &args[1..])
            }
            _ => {
                let head = self.expr(f);
                let call = self.apply(head, &args);
                match self.unboxed_result(f) {
                    Some((arity, rep)) if arity == args.len() => self.returned_unboxed(call, rep),
                    _ => call,
                }
            }
        }
    }

    /// The arity and result `Rep` of a function whose result type is unboxed.
    fn unboxed_result(&self, f: &hir::Expr) -> Option<(usize, Rep)> {
        let hir::Expr::Var(o) = f else { return None };
        match &o.target {
            Target::Local(u) => self.elab.unboxed_results.get(u).copied(),
            Target::Global(n) => {
                let scheme = self.elab.top_schemes.get(n).or_else(|| self.env.values.get(n).map(|v| &v.scheme))?;
                crate::builtins::unboxed_result(&scheme.ty)
            }
        }
    }

    /// `case call of (b :: rep) -> b`: a saturated call of a function with an unboxed
    /// result is a case scrutinee, so the lowering sees that it returns an unboxed
    /// value rather than a heap pointer.
    fn returned_unboxed(&mut self, call: Expr, rep: Rep) -> Expr {
        let b = self.fresh("unboxed", rep);
        let rhs = Expr::Var(Occ::Local(b.clone()));
        Expr::Case(Box::new(call), b, vec![Alt { con: AltCon::Default, vars: Vec::new(), rhs }])
    }

    fn apply(&mut self, head: Expr, args: &[&hir::Expr]) -> Expr {
        if args.is_empty() {
            return head;
        }
        let args: Vec<Expr> = args.iter().map(|a| self.expr(a)).collect();
        match head {
            Expr::App(f, mut first) => {
                first.extend(args);
                Expr::App(f, first)
            }
            h => Expr::App(Box::new(h), args),
        }
    }

    fn record_con(&mut self, con: &Name, fields: &[(Name, hir::Expr)], span: Span) -> Expr {
        let labels = match self.env.values.get(con).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => c.labels.clone(),
            _ => Vec::new(),
        };
        let head = self.con_value(con, span);
        let mut args = Vec::new();
        for l in &labels {
            match fields.iter().find(|(f, _)| Some(f) == l.as_ref()) {
                Some((_, e)) => args.push(self.expr(e)),
                None => args.push(self.pat_error(span, "Missing field in record construction")),
            }
        }
        if args.is_empty() {
            return head;
        }
        if self.is_newtype_con(con) && args.len() == 1 {
            return args.remove(0);
        }
        Expr::App(Box::new(head), args)
    }

    fn record_update(&mut self, rec: &hir::Expr, fields: &[(Name, hir::Expr)], span: Span) -> Expr {
        let scrut = self.expr(rec);
        let Some((first, _)) = fields.first() else { return scrut };
        let tycon = match self.env.values.get(first).map(|v| &v.kind) {
            Some(ValueKind::Field { tycon }) => tycon.clone(),
            _ => return scrut,
        };
        let cons = self.env.tycons.get(&tycon).map(|t| t.cons.clone()).unwrap_or_default();
        // Each new field value is bound once, as several alternatives may use it.
        let mut values: Vec<(Name, Expr)> = Vec::new();
        let mut binds = Vec::new();
        for (f, e) in fields {
            let rep = self.field_rep(&tycon, f);
            let v = self.fresh("upd", rep);
            binds.push(crate::core::Bind::NonRec(v.clone(), Box::new(self.expr(e))));
            values.push((f.clone(), Expr::Var(Occ::Local(v))));
        }
        let binder = self.fresh("r", Rep::Ptr);
        let mut alts = Vec::new();
        let mut all = true;
        for c in cons {
            let Some(ValueKind::Con(info)) = self.env.values.get(&c).map(|v| v.kind.clone()) else {
                continue;
            };
            if !values.iter().all(|(f, _)| info.labels.iter().any(|l| l.as_ref() == Some(f))) {
                all = false;
                continue;
            }
            if info.newtype {
                return Self::wrap_binds(binds, values.swap_remove(0).1);
            }
            let vars: Vec<_> = info.data_con.fields.iter().map(|r| self.fresh("f", *r)).collect();
            let packed = vars.iter().take(info.dicts).map(|v| Expr::Var(Occ::Local(v.clone())));
            let args: Vec<Expr> = packed
                .chain(info.labels.iter().zip(&vars[info.dicts.min(vars.len())..]).map(|(l, v)| {
                    match values.iter().find(|(f, _)| Some(f) == l.as_ref()) {
                        Some((_, e)) => e.clone(),
                        None => Expr::Var(Occ::Local(v.clone())),
                    }
                }))
                .collect();
            let rhs = Expr::App(Box::new(Expr::Con(info.data_con.clone())), args);
            alts.push(Alt { con: AltCon::Data(info.data_con.clone()), vars, rhs });
        }
        if !all {
            let rhs = self.pat_error(span, "No match in record update");
            alts.push(Alt { con: AltCon::Default, vars: Vec::new(), rhs });
        }
        Self::wrap_binds(binds, Expr::Case(Box::new(scrut), binder, alts))
    }

    /// The representation of a record field (the same in every constructor).
    fn field_rep(&self, tycon: &Name, field: &Name) -> Rep {
        let cons = self.env.tycons.get(tycon).map(|t| t.cons.clone()).unwrap_or_default();
        for c in cons {
            if let Some(ValueKind::Con(info)) = self.env.values.get(&c).map(|v| &v.kind) {
                if let Some(i) = info.labels.iter().position(|l| l.as_ref() == Some(field)) {
                    return info.data_con.fields.get(info.dicts + i).copied().unwrap_or(Rep::Ptr);
                }
            }
        }
        Rep::Ptr
    }

    fn lambda(&mut self, pats: &[hir::Pat], body: &hir::Expr, span: Span) -> Expr {
        let eqn = vec![(pats.iter().collect(), super::matcher::Body::Expr(body))];
        let fail = self.pat_error(span, "Non-exhaustive patterns in lambda");
        let (params, e) = self.match_clauses(&eqn, fail);
        lambda(params, e)
    }

    fn case(&mut self, scrut: &hir::Expr, alts: &[hir::Alt], span: Span) -> Expr {
        let s = self.expr(scrut);
        let eqns: Vec<(Vec<&hir::Pat>, super::matcher::Body)> =
            alts.iter().map(|a| (vec![&a.pat], super::matcher::Body::Rhs(&a.rhs))).collect();
        let fail = self.pat_error(span, "Non-exhaustive patterns in case");
        if let Expr::Var(Occ::Local(v)) = &s {
            return self.match_on(vec![v.clone()], &eqns, fail);
        }
        let rep = alts.first().map(|a| self.pat_rep(&a.pat)).unwrap_or(Rep::Ptr);
        let v = self.fresh("scrut", rep);
        let body = self.match_on(vec![v.clone()], &eqns, fail);
        let scrutinises_v = matches!(&body, Expr::Case(inner, _, _) if matches!(&**inner, Expr::Var(Occ::Local(x)) if x.unique == v.unique));
        if scrutinises_v || rep != Rep::Ptr {
            super::scrutinise(s, v, body)
        } else {
            Expr::Let(crate::core::Bind::NonRec(v, Box::new(s)), Box::new(body))
        }
    }

    /// The representation of the values a pattern matches.
    pub(super) fn pat_rep(&self, p: &hir::Pat) -> Rep {
        match p {
            hir::Pat::Var(b) | hir::Pat::Wild(b) | hir::Pat::As(b, _, _) => self.elab.rep(b.unique),
            hir::Pat::Lit(l, _) => match l {
                HLit::PrimInt(_) => Rep::Int,
                HLit::PrimChar(_) => Rep::Char,
                HLit::PrimDouble(_) => Rep::Double,
                HLit::PrimString(_) => Rep::Addr,
                _ => Rep::Ptr,
            },
            hir::Pat::Lazy(inner, _) | hir::Pat::Bang(inner, _) => self.pat_rep(inner),
            hir::Pat::NumLit { .. } | hir::Pat::Con(..) => Rep::Ptr,
        }
    }
}
