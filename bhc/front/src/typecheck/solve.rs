//! Constraint solving: context reduction by instances, entailment by the given
//! constraints (with superclasses), minimising the constraints a binding abstracts
//! over, and defaulting of ambiguous type variables (Report §4.3.4; GHCi's extended
//! rules at the REPL). Every solved constraint gets its evidence in `Elab::ev_binds`.

use super::{Checker, Dict, EvVar, Wanted, TYPEABLE};
use crate::interface::InstanceInfo;
use crate::types::{base_name, module_of, Name, Pred, Scheme, Type};
use bhc_syntax::Diagnostic;
use std::collections::VecDeque;

const NUMERIC: &[&str] = &["Num", "Real", "Integral", "Fractional", "Floating", "RealFrac", "RealFloat"];
const INTERACTIVE: &[&str] = &["Show", "Eq", "Ord"];

fn is_standard(class: &str) -> bool {
    let m = module_of(class);
    m == "Prelude" || ["Data.", "Control.", "System.", "Numeric"].iter().any(|p| m.starts_with(p))
}

fn in_prelude_list(class: &str, list: &[&str]) -> bool {
    module_of(class) == "Prelude" && list.contains(&base_name(class))
}

/// One-way matching of an instance head (with `Gen` variables) against a type.
fn match_head(pattern: &Type, t: &Type, subst: &mut Vec<Option<Type>>) -> bool {
    match (pattern, t) {
        (Type::Gen(i), _) => {
            let i = *i as usize;
            if subst.len() <= i {
                subst.resize(i + 1, None);
            }
            match &subst[i] {
                Some(prev) => prev == t,
                None => {
                    subst[i] = Some(t.clone());
                    true
                }
            }
        }
        (Type::Con(a), Type::Con(b)) => a == b,
        (Type::App(f1, a1), Type::App(f2, a2)) => match_head(f1, f2, subst) && match_head(a1, a2, subst),
        _ => false,
    }
}

impl Checker<'_> {
    /// The instance that matches a constraint, with the types for its variables.
    fn by_instance(&self, p: &Pred) -> Option<(InstanceInfo, Vec<Type>)> {
        // Instance heads are type constructors applied to variables: only the instance
        // for the constraint's head constructor can match.
        let inst = self.env.instance_for(&p.class, p.ty.head_con()?)?;
        let mut subst = Vec::new();
        if !match_head(&inst.head, &p.ty, &mut subst) {
            return None;
        }
        let args = subst.into_iter().map(|t| t.unwrap_or_else(|| Type::tuple(Vec::new()))).collect();
        Some((inst.clone(), args))
    }

    /// The superclass steps from class `from` to class `to`: (class of the dictionary,
    /// index of the superclass field) for each step.
    pub(super) fn super_path(&self, from: &Name, to: &Name) -> Option<Vec<(Name, usize)>> {
        let mut queue: VecDeque<(Name, Vec<(Name, usize)>)> = VecDeque::new();
        queue.push_back((from.clone(), Vec::new()));
        let mut seen: Vec<Name> = vec![from.clone()];
        while let Some((c, path)) = queue.pop_front() {
            if &c == to && !path.is_empty() {
                return Some(path);
            }
            let Some(info) = self.env.classes.get(&c) else { continue };
            for (i, s) in info.supers.iter().enumerate() {
                if seen.contains(s) && s != to {
                    continue;
                }
                seen.push(s.clone());
                let mut p = path.clone();
                p.push((c.clone(), i));
                queue.push_back((s.clone(), p));
            }
        }
        None
    }

    /// Evidence for `p` reached from the dictionary `ev` through superclass fields.
    fn via_supers(&mut self, ev: EvVar, path: Vec<(Name, usize)>) -> Dict {
        let mut cur = ev;
        for (class, index) in path {
            let next = self.fresh_ev();
            self.elab.ev_binds.insert(next, Dict::Super { of: cur, class, index });
            cur = next;
        }
        Dict::Alias(cur)
    }

    fn by_given(&mut self, p: &Pred) -> Option<Dict> {
        let givens = self.givens.clone();
        for (g, ev) in givens.iter().rev() {
            if self.zonk(&g.ty) != p.ty {
                continue;
            }
            if g.class == p.class {
                return Some(Dict::Alias(*ev));
            }
            if let Some(path) = self.super_path(&g.class, &p.class) {
                return Some(self.via_supers(*ev, path));
            }
        }
        None
    }

    /// Reduces constraints by the givens and the instances until only constraints on
    /// unsolved type variables remain (which are returned); reports those that cannot
    /// hold.
    pub(super) fn simplify(&mut self, wanteds: Vec<Wanted>) -> Vec<Wanted> {
        // Worked in order (a stack of the reversed list), so that the constraints left
        // keep the order in which they arose.
        let mut work: Vec<Wanted> = wanteds.into_iter().rev().collect();
        let mut residual = Vec::new();
        while let Some(mut w) = work.pop() {
            w.pred.ty = self.zonk(&w.pred.ty);
            if let Some(d) = self.by_given(&w.pred) {
                self.elab.ev_binds.insert(w.ev, d);
                continue;
            }
            match w.pred.ty.spine().0 {
                Type::Meta(_) => residual.push(w),
                Type::Con(tycon) if &*w.pred.class == TYPEABLE => {
                    let tycon = tycon.clone();
                    let mut evs = Vec::new();
                    let mut sub = Vec::new();
                    for a in w.pred.ty.spine().1 {
                        let ev = self.fresh_ev();
                        evs.push(ev);
                        let pred = Pred { class: w.pred.class.clone(), ty: a.clone() };
                        sub.push(Wanted { pred, ev, span: w.span, origin: w.origin.clone() });
                    }
                    work.extend(sub.into_iter().rev());
                    self.elab.ev_binds.insert(w.ev, Dict::Typeable { tycon, args: evs });
                }
                Type::Con(_) => match self.by_instance(&w.pred) {
                    Some((inst, args)) => {
                        let mut evs = Vec::new();
                        let mut sub = Vec::new();
                        for c in &inst.context {
                            let ev = self.fresh_ev();
                            evs.push(ev);
                            sub.push(Wanted { pred: c.instantiate(&args), ev, span: w.span, origin: w.origin.clone() });
                        }
                        work.extend(sub.into_iter().rev());
                        self.elab.ev_binds.insert(w.ev, Dict::Inst { dict: inst.dict.clone(), args: evs });
                    }
                    None => self.no_instance(&w, false),
                },
                _ => self.no_instance(&w, true),
            }
        }
        residual
    }

    fn no_instance(&mut self, w: &Wanted, rigid: bool) {
        let shown = self.show_pred(&w.pred);
        // One missing instance usually surfaces at many uses (`1 + 2` at `[Char]` needs
        // `Num [Char]` three times); the first is the one to fix.
        let duplicate = self.errors.iter().any(|d| {
            d.code == "E0203"
                && (d.message.starts_with(&format!("no instance for ({shown})"))
                    || d.message.starts_with(&format!("could not deduce ({shown})")))
        });
        if duplicate {
            return;
        }
        let mut d = Diagnostic::new(
            "E0203",
            format!("no instance for ({shown}) arising from {}", w.origin),
            w.span,
            format!("this needs ({shown})"),
        );
        let class = base_name(&w.pred.class).to_string();
        let own_type = w.pred.ty.head_con().filter(|t| module_of(t) == self.module).cloned();
        let rank_n = match w.pred.ty.spine().0 {
            Type::Rigid(r) => self.skolem_foralls.get(r).cloned(),
            _ => None,
        };
        if let Some(forall) = rank_n {
            let (forall, given) = &*forall;
            let var = self.show(w.pred.ty.spine().0);
            d.message = format!("could not deduce ({shown}) arising from {} from the context ({given})", w.origin);
            d = d.with_help(format!(
                "this is checked against `{forall}`: it must work for every type `{var}` given only ({given}), which does not imply ({shown})"
            ));
        } else if rigid {
            d = d.with_help(format!("add ({shown}) to the context of the type signature"));
        } else if let Some(t) = own_type {
            let derivable = ["Eq", "Ord", "Show", "Read", "Enum", "Bounded", "Ix"].contains(&class.as_str());
            d = d.with_help(if derivable {
                format!("add `deriving ({class})` to the declaration of `{}`, or write `instance {class} {}`", base_name(&t), base_name(&t))
            } else {
                format!("write an instance: `instance {class} {}`", base_name(&t))
            });
        } else if w.pred.ty.head_con().is_some() && in_prelude_list(&w.pred.class, NUMERIC) {
            let ty = self.show(&w.pred.ty);
            d = d.with_help(format!("`{ty}` is not a numeric type: check the types of the arguments here"));
        }
        self.errors.push(d);
    }

    /// Drops duplicate constraints and those implied by others through superclasses,
    /// binding their evidence to what remains.
    pub(super) fn minimise(&mut self, ws: Vec<Wanted>) -> Vec<Wanted> {
        let mut keep: Vec<Wanted> = Vec::new();
        for mut w in ws {
            w.pred.ty = self.zonk(&w.pred.ty);
            match keep.iter().find(|k| k.pred == w.pred) {
                Some(k) => {
                    self.elab.ev_binds.insert(w.ev, Dict::Alias(k.ev));
                }
                None => keep.push(w),
            }
        }
        let mut out = Vec::new();
        for (i, k) in keep.iter().enumerate() {
            let stronger = keep.iter().enumerate().find_map(|(j, o)| {
                if i == j || o.pred.ty != k.pred.ty {
                    return None;
                }
                self.super_path(&o.pred.class, &k.pred.class).map(|p| (o.ev, p))
            });
            match stronger {
                Some((ev, path)) => {
                    let d = self.via_supers(ev, path);
                    self.elab.ev_binds.insert(k.ev, d);
                }
                None => out.push(k.clone()),
            }
        }
        out
    }

    /// Whether instances alone prove a constraint on a type without variables.
    fn holds(&self, p: &Pred, depth: u32) -> bool {
        if depth > 50 {
            return false;
        }
        if &*p.class == TYPEABLE {
            let (head, args) = p.ty.spine();
            return matches!(head, Type::Con(_))
                && args.iter().all(|a| self.holds(&Pred { class: p.class.clone(), ty: (*a).clone() }, depth + 1));
        }
        match self.by_instance(p) {
            Some((inst, args)) => inst.context.iter().all(|c| self.holds(&c.instantiate(&args), depth + 1)),
            None => false,
        }
    }

    /// Defaults the variables of ambiguous constraints, or reports them.
    pub(super) fn default_wanteds(&mut self, ws: Vec<Wanted>) {
        let mut groups: Vec<(u32, Vec<Wanted>)> = Vec::new();
        for w in ws {
            match self.zonk(&w.pred.ty) {
                Type::Meta(m) => match groups.iter_mut().find(|(g, _)| *g == m) {
                    Some((_, list)) => list.push(w),
                    None => groups.push((m, vec![w])),
                },
                _ => self.ambiguous(&w),
            }
        }
        for (m, ws) in groups {
            if self.zonk(&Type::Meta(m)) != Type::Meta(m) {
                let rest = self.simplify(ws);
                self.default_wanteds(rest);
                continue;
            }
            match self.default_candidate(&ws) {
                Some(t) => {
                    let _ = self.unify(&Type::Meta(m), &t);
                    let rest = self.simplify(ws);
                    for w in rest {
                        self.ambiguous(&w);
                    }
                }
                None => {
                    if let Some(w) = ws.first() {
                        self.ambiguous(w);
                    }
                }
            }
        }
    }

    fn default_candidate(&self, ws: &[Wanted]) -> Option<Type> {
        let classes: Vec<&Name> = ws.iter().map(|w| &w.pred.class).collect();
        let numeric = classes.iter().any(|c| in_prelude_list(c, NUMERIC));
        let interactive = classes.iter().any(|c| in_prelude_list(c, INTERACTIVE));
        let standard = classes.iter().all(|c| is_standard(c));
        let allowed = if self.extended_defaulting { numeric || interactive } else { numeric && standard };
        if !allowed {
            return None;
        }
        self.defaults
            .iter()
            .find(|t| classes.iter().all(|c| self.holds(&Pred { class: (*c).clone(), ty: (*t).clone() }, 0)))
            .cloned()
    }

    fn ambiguous(&mut self, w: &Wanted) {
        // After a type mismatch, a variable left ambiguous is its echo, not a new error.
        if self.errors.iter().any(|d| d.code == "E0201" || d.code == "E0202") {
            return;
        }
        let shown = self.show_pred(&w.pred);
        let var = self.show(&w.pred.ty);
        let candidates: Vec<String> = self.defaults.iter().map(|t| format!("`{}`", self.show(t))).collect();
        let why = if in_prelude_list(&w.pred.class, NUMERIC) || (self.extended_defaulting && in_prelude_list(&w.pred.class, INTERACTIVE)) {
            format!("defaulting tried {} and none satisfies every constraint on `{var}`", candidates.join(", "))
        } else {
            format!(
                "defaulting (to {}) applies only when a numeric class constrains `{var}`, and ({shown}) is not numeric",
                candidates.join(", ")
            )
        };
        self.errors.push(
            Diagnostic::new(
                "E0204",
                format!("ambiguous type variable `{var}` arising from {} prevents the constraint ({shown}) from being solved", w.origin),
                w.span,
                "the type of this is ambiguous".to_string(),
            )
            .with_help(format!("{why}; add a type annotation, like `(... :: Int)`, to say what `{var}` should be")),
        );
    }

    /// Solves and defaults everything still wanted (at the end of a module).
    pub fn default_remaining(&mut self) {
        let ws = std::mem::take(&mut self.wanted);
        let residual = self.simplify(ws);
        self.default_wanteds(residual);
    }

    /// The generalised type of a REPL expression (for `:type`).
    pub fn generalise_expr(&mut self, t: &Type) -> Scheme {
        let ws = std::mem::take(&mut self.wanted);
        let residual = self.simplify(ws);
        let t = self.zonk(t);
        let mut gen = Vec::new();
        Self::metas_of(&t, &mut gen);
        let (ambiguous, retained): (Vec<_>, Vec<_>) = residual.into_iter().partition(|w| {
            let mut ms = Vec::new();
            Self::metas_of(&self.zonk(&w.pred.ty), &mut ms);
            ms.iter().any(|m| !gen.contains(m))
        });
        self.default_wanteds(ambiguous);
        let retained = self.minimise(retained);
        let context = retained
            .iter()
            .map(|w| Pred { class: w.pred.class.clone(), ty: self.quantify(&gen, &w.pred.ty) })
            .collect();
        Scheme { vars: gen.len() as u32, names: Vec::new(), context, ty: self.quantify(&gen, &t) }
    }
}
