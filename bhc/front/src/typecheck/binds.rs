//! Binding groups: dependency analysis into strongly connected components, inference
//! and generalisation of implicitly typed groups (with the monomorphism restriction),
//! and checking of bindings against explicit signatures (which makes polymorphic
//! recursion possible).

use super::{unresolved, Checker, EvVar, VarType};
use crate::hir::{self, Bind, Binds, Body, Expr, Guard, Pat, Rhs, Target};
use crate::types::{Pred, Scheme, Type};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use std::collections::{HashMap, HashSet};

impl Checker<'_> {
    pub fn infer_binds(&mut self, binds: &Binds) {
        let n = binds.binds.len();
        let mut owner: HashMap<Target, usize> = HashMap::new();
        let mut sigs: Vec<Option<Scheme>> = vec![None; n];
        // Bindings left unchecked: they mention a name the renamer could not resolve,
        // or their types depend on such a binding.
        let mut unchecked: Vec<bool> = binds.binds.iter().map(|b| self.unresolved_in(b)).collect();
        for (i, b) in binds.binds.iter().enumerate() {
            match b {
                Bind::Fun { binder, .. } => {
                    owner.insert(Self::binder_key(binder), i);
                    let sig = binds.sigs.get(&binder.unique);
                    if self.unresolved_names && sig.is_some_and(unresolved::sig_mentions) {
                        unchecked[i] = true;
                        continue;
                    }
                    if let Some(s) = sig.and_then(|sig| self.sig_scheme(sig)) {
                        self.vars.insert(Self::binder_key(binder), VarType::Poly(s.clone()));
                        sigs[i] = Some(s);
                    }
                }
                Bind::Pat { pat, binder, .. } => {
                    owner.insert(Self::binder_key(binder), i);
                    let mut bs = Vec::new();
                    pat.binders(&mut bs);
                    for b in bs {
                        owner.insert(Self::binder_key(b), i);
                    }
                }
            }
        }
        let mut all_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut typing_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, b) in binds.binds.iter().enumerate() {
            let mut targets = HashSet::new();
            bind_targets(b, &mut targets);
            for t in targets {
                if let Some(&j) = owner.get(&t) {
                    if !all_edges[i].contains(&j) {
                        all_edges[i].push(j);
                        if sigs[j].is_none() {
                            typing_edges[i].push(j);
                        }
                    }
                }
            }
        }
        let core_order = sccs(&all_edges).into_iter().map(|c| {
            let rec = c.len() > 1 || all_edges[c[0]].contains(&c[0]);
            (c, rec)
        });
        self.elab.groups.insert(binds.id, core_order.collect());
        for comp in sccs(&typing_edges) {
            if comp.iter().any(|&i| unchecked[i] || typing_edges[i].iter().any(|&j| unchecked[j])) {
                for &i in &comp {
                    unchecked[i] = true;
                }
                continue;
            }
            if let [i] = comp.as_slice() {
                if let (Bind::Fun { binder, matches, span }, Some(s)) = (&binds.binds[*i], &sigs[*i]) {
                    self.check_sig_bind(binder, matches, s, *span);
                    continue;
                }
            }
            let members: Vec<&Bind> = comp.iter().map(|&i| &binds.binds[i]).collect();
            self.infer_group(&members, binds);
        }
    }

    fn infer_group(&mut self, members: &[&Bind], binds: &Binds) {
        let outer = self.level;
        self.level += 1;
        let start = self.wanted.len();
        let mut typed: Vec<(&hir::Binder, Type)> = Vec::new();
        let mut pat_types: Vec<Type> = Vec::new();
        for b in members {
            match b {
                Bind::Fun { binder, .. } => {
                    let t = self.fresh_meta();
                    self.vars.insert(Self::binder_key(binder), VarType::InGroup(t.clone()));
                    self.record_binder(binder, &t);
                    typed.push((binder, t));
                }
                Bind::Pat { pat, binder, span, .. } => {
                    let t = self.fresh_meta();
                    let givens = self.givens.len();
                    let existentials = self.existentials.len();
                    self.check_pat(pat, &t);
                    if self.givens.len() > givens || self.existentials.len() > existentials {
                        self.givens.truncate(givens);
                        self.existentials.truncate(existentials);
                        self.errors.push(
                            Diagnostic::new(
                                "E0210",
                                "an existential constructor cannot be matched in a pattern binding",
                                *span,
                                "this binding unpacks an existential type",
                            )
                            .with_help("match it with `case` (or in a function's arguments) instead"),
                        );
                    }
                    let mut bs = Vec::new();
                    pat.binders(&mut bs);
                    for v in bs {
                        let key = Self::binder_key(v);
                        if let Some(VarType::Mono(vt)) = self.vars.get(&key).cloned() {
                            self.vars.insert(key, VarType::InGroup(vt.clone()));
                            typed.push((v, vt));
                        }
                    }
                    self.vars.insert(Self::binder_key(binder), VarType::InGroup(t.clone()));
                    self.record_binder(binder, &t);
                    typed.push((binder, t.clone()));
                    pat_types.push(t);
                }
            }
        }
        let mut restricted = false;
        for b in members {
            match b {
                Bind::Fun { binder, matches, span } => {
                    if matches.first().is_some_and(|m| m.pats.is_empty()) {
                        restricted = true;
                    }
                    let t = match self.vars.get(&Self::binder_key(binder)) {
                        Some(VarType::InGroup(t)) => t.clone(),
                        _ => continue,
                    };
                    self.check_matches(&binder.name, matches, &t, *span);
                }
                Bind::Pat { pat, rhs, binder, .. } => {
                    restricted = true;
                    let t = match self.vars.get(&Self::binder_key(binder)) {
                        Some(VarType::InGroup(t)) => t.clone(),
                        _ => continue,
                    };
                    self.check_rhs(rhs, &t);
                    self.pattern_var_sigs(pat, binds);
                }
            }
        }
        self.level = outer;
        self.generalise(&typed, start, restricted);
    }

    /// Signatures of variables bound by a pattern binding act as annotations.
    fn pattern_var_sigs(&mut self, pat: &Pat, binds: &Binds) {
        let mut bs = Vec::new();
        pat.binders(&mut bs);
        for v in bs {
            let Some(sig) = binds.sigs.get(&v.unique) else { continue };
            let Some(s) = self.sig_scheme(sig) else { continue };
            if s.vars > 0 || !s.context.is_empty() {
                self.errors.push(Diagnostic::new(
                    "E0209",
                    "a variable bound by a pattern binding can only have a monomorphic signature",
                    sig.span,
                    "here",
                ));
                continue;
            }
            if let Some(VarType::InGroup(t)) = self.vars.get(&Self::binder_key(v)).cloned() {
                self.expect(&s.ty, &t, v.span, &format!("`{}`", v.name));
            }
        }
    }

    /// Generalises the types of a just-inferred group over the variables that do not
    /// occur in the environment, abstracting over the constraints on them (unless the
    /// monomorphism restriction applies, Report §4.5.5).
    fn generalise(&mut self, members: &[(&hir::Binder, Type)], start: usize, restricted: bool) {
        let wanteds = self.wanted.split_off(start);
        let residual = self.simplify(wanteds);
        let level = self.level;
        let (mut deferred, mut retained): (Vec<_>, Vec<_>) = residual.into_iter().partition(|w| {
            let mut ms = Vec::new();
            Self::metas_of(&self.zonk(&w.pred.ty), &mut ms);
            ms.iter().all(|m| self.meta_level(*m) <= level)
        });
        if restricted {
            for w in &retained {
                let mut ms = Vec::new();
                Self::metas_of(&self.zonk(&w.pred.ty), &mut ms);
                for m in ms {
                    self.set_meta_level(m, level);
                }
            }
            deferred.append(&mut retained);
        }
        let types: Vec<Type> = members.iter().map(|(_, t)| self.zonk(t)).collect();
        let mut gen = Vec::new();
        for t in &types {
            let mut ms = Vec::new();
            Self::metas_of(t, &mut ms);
            for m in ms {
                if self.meta_level(m) > level && !gen.contains(&m) {
                    gen.push(m);
                }
            }
        }
        let (ambiguous, retained): (Vec<_>, Vec<_>) = retained.into_iter().partition(|w| {
            let mut ms = Vec::new();
            Self::metas_of(&self.zonk(&w.pred.ty), &mut ms);
            ms.iter().any(|m| !gen.contains(m) && self.meta_level(*m) > level)
        });
        self.default_wanteds(ambiguous);
        let retained = self.minimise(retained);
        let params: Vec<EvVar> = retained.iter().map(|w| w.ev).collect();
        let context: Vec<Pred> = retained
            .iter()
            .map(|w| Pred { class: w.pred.class.clone(), ty: self.quantify(&gen, &w.pred.ty) })
            .collect();
        for (binder, t) in members {
            let scheme = Scheme {
                vars: gen.len() as u32,
                names: Vec::new(),
                context: context.clone(),
                ty: self.quantify(&gen, t),
            };
            let key = Self::binder_key(binder);
            self.vars.insert(key.clone(), VarType::Poly(scheme));
            self.elab.bind_params.insert(binder.unique, params.clone());
            let uses = self.group_uses.remove(&key).unwrap_or_default();
            if !params.is_empty() {
                for occ in uses {
                    self.elab.occ_evidence.insert(occ, params.clone());
                }
            }
        }
        self.wanted.extend(deferred);
    }

    /// The type with the variables `gen` replaced by `Gen(i)`.
    pub(super) fn quantify(&self, gen: &[u32], t: &Type) -> Type {
        match self.shallow(t) {
            Type::Meta(m) => match gen.iter().position(|g| *g == m) {
                Some(i) => Type::Gen(i as u32),
                None => Type::Meta(m),
            },
            Type::App(f, a) => Type::app(self.quantify(gen, &f), self.quantify(gen, &a)),
            Type::Forall(names, ctx, body) => Type::map_forall(&names, &ctx, &body, |t| self.quantify(gen, t)),
            other => other,
        }
    }

    fn check_sig_bind(&mut self, binder: &hir::Binder, matches: &[hir::Match], scheme: &Scheme, span: Span) {
        let name = binder.name.clone();
        let params = self.check_against_scheme(scheme, span, |c, t| {
            c.record_binder(binder, t);
            c.check_matches(&name, matches, t, span);
        });
        self.elab.bind_params.insert(binder.unique, params);
    }

    /// Checks something against a signature: its variables become rigid, its context
    /// is given (as dictionary parameters, returned). Constraints that mention only
    /// outer variables are passed outwards.
    pub(super) fn check_against_scheme(
        &mut self,
        scheme: &Scheme,
        span: Span,
        body: impl FnOnce(&mut Self, &Type),
    ) -> Vec<EvVar> {
        let skolems: Vec<Type> = (0..scheme.vars as usize)
            .map(|i| {
                let name = scheme.names.get(i).cloned().unwrap_or_else(|| format!("a{i}").into());
                self.fresh_rigid(name)
            })
            .collect();
        let t = scheme.ty.instantiate(&skolems);
        let givens: Vec<(Pred, EvVar)> =
            scheme.context.iter().map(|p| (p.instantiate(&skolems), self.fresh_ev())).collect();
        self.check_with_givens(&t, givens, span, body)
    }

    pub(super) fn check_with_givens(
        &mut self,
        t: &Type,
        givens: Vec<(Pred, EvVar)>,
        _span: Span,
        body: impl FnOnce(&mut Self, &Type),
    ) -> Vec<EvVar> {
        let params: Vec<EvVar> = givens.iter().map(|(_, e)| *e).collect();
        let outer = self.level;
        self.level += 1;
        let start = self.wanted.len();
        let gstart = self.givens.len();
        self.givens.extend(givens);
        body(self, t);
        self.level = outer;
        self.solve_inner(start);
        self.givens.truncate(gstart);
        params
    }

    /// Solves the constraints raised since `start` at the current level: those on
    /// variables of this level are ambiguous and defaulted, the others are deferred.
    pub(super) fn solve_inner(&mut self, start: usize) {
        let wanteds = self.wanted.split_off(start);
        let residual = self.simplify(wanteds);
        let level = self.level;
        let (deferred, inner): (Vec<_>, Vec<_>) = residual.into_iter().partition(|w| {
            let mut ms = Vec::new();
            Self::metas_of(&self.zonk(&w.pred.ty), &mut ms);
            ms.iter().all(|m| self.meta_level(*m) <= level)
        });
        self.default_wanteds(inner);
        self.wanted.extend(deferred);
    }

    /// `main`, when there is one, must be an I/O action.
    pub fn check_main(&mut self, binds: &Binds) {
        let main_name = format!("{}.main", self.module);
        let found = binds.binds.iter().find_map(|b| match b {
            Bind::Fun { binder, .. } if binder.global.as_deref() == Some(main_name.as_str()) => Some(binder.clone()),
            _ => None,
        });
        // A module without `main` can still be loaded into the REPL; whether one is
        // needed is the driver's call, when it links a program.
        let Some(binder) = found else { return };
        if let Some(VarType::Poly(s)) = self.vars.get(&Self::binder_key(&binder)).cloned() {
            let t = self.instantiate(0, &s, binder.span, "main");
            let io = self.prelude_type("IO", binder.span);
            let want = Type::app(io, self.fresh_meta());
            self.expect(&want, &t, binder.span, "`main`");
        }
    }

    pub fn record_top_schemes(&mut self, binds: &Binds) {
        let mut binders: Vec<hir::Binder> = Vec::new();
        for b in &binds.binds {
            match b {
                Bind::Fun { binder, .. } => binders.push(binder.clone()),
                Bind::Pat { pat, .. } => {
                    let mut bs = Vec::new();
                    pat.binders(&mut bs);
                    binders.extend(bs.into_iter().cloned());
                }
            }
        }
        for b in binders {
            let Some(g) = &b.global else { continue };
            if let Some(VarType::Poly(s)) = self.vars.get(&Self::binder_key(&b)) {
                let closed = self.close_scheme(s);
                self.elab.top_schemes.insert(g.clone(), closed);
            }
        }
    }
}

/// Tarjan's algorithm, iteratively: the strongly connected components of a graph
/// (edge `i -> j`: `i` uses `j`), each listed after the components it uses.
pub fn sccs(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut k)) = work.last_mut() {
            if *k < edges[v].len() {
                let w = edges[v][*k];
                *k += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    comp.sort_unstable();
                    out.push(comp);
                }
            }
        }
    }
    out
}

/// The variables a binding's body refers to.
fn bind_targets(b: &Bind, out: &mut HashSet<Target>) {
    match b {
        Bind::Fun { matches, .. } => {
            for m in matches {
                rhs_targets(&m.rhs, out);
            }
        }
        Bind::Pat { rhs, .. } => rhs_targets(rhs, out),
    }
}

fn rhs_targets(rhs: &Rhs, out: &mut HashSet<Target>) {
    if let Some(w) = &rhs.wheres {
        for b in &w.binds {
            bind_targets(b, out);
        }
    }
    match &rhs.body {
        Body::Plain(e) => expr_targets(e, out),
        Body::Guarded(gs) => {
            for g in gs {
                for guard in &g.guards {
                    match guard {
                        Guard::Bool(e) | Guard::Bind(_, e) => expr_targets(e, out),
                        Guard::Let(bs) => {
                            for b in &bs.binds {
                                bind_targets(b, out);
                            }
                        }
                    }
                }
                expr_targets(&g.body, out);
            }
        }
    }
}

fn expr_targets(e: &Expr, out: &mut HashSet<Target>) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(o) => {
            out.insert(o.target.clone());
        }
        Expr::Con(..) | Expr::Prim(..) | Expr::Lit(..) => {}
        Expr::App(f, a, _) => {
            expr_targets(f, out);
            expr_targets(a, out);
        }
        Expr::Lam(_, body, _) => expr_targets(body, out),
        Expr::Let(bs, body, _) => {
            for b in &bs.binds {
                bind_targets(b, out);
            }
            expr_targets(body, out);
        }
        Expr::Case(scrut, alts, _) => {
            expr_targets(scrut, out);
            for a in alts {
                rhs_targets(&a.rhs, out);
            }
        }
        Expr::Typed(inner, ..) => expr_targets(inner, out),
        Expr::RecordCon(_, fields, _) => {
            for (_, e) in fields {
                expr_targets(e, out);
            }
        }
        Expr::RecordUpdate(r, fields, _) => {
            expr_targets(r, out);
            for (_, e) in fields {
                expr_targets(e, out);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::sccs;

    #[test]
    fn components_come_after_their_dependencies() {
        // 0 -> 1 -> 2 -> 1, 3 alone, 4 -> 0
        let edges = vec![vec![1], vec![2], vec![1], vec![], vec![0]];
        let out = sccs(&edges);
        assert_eq!(out, vec![vec![1, 2], vec![0], vec![3], vec![4]]);
    }
}
