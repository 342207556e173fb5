//! Unification variables with levels (for generalisation without scanning the
//! environment), zonking, unification with the occurs check, and printing types that
//! still contain checker variables. It must not know about classes or expressions.

use super::Checker;
use crate::types::{Printer, Scheme, Type};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct MetaSlot {
    pub solution: Option<Type>,
    /// The binding depth at which the variable was made; generalisation at depth `l`
    /// quantifies the unsolved variables deeper than `l`.
    pub level: u32,
}

/// Why two types could not be unified.
pub enum Mismatch {
    Clash,
    Occurs,
    /// The rigid variable of a `forall` would get into a type of an outer scope.
    Escape(Type),
    /// A type variable would stand for a `forall` type (no impredicativity).
    Polytype,
}

impl Checker<'_> {
    pub fn fresh_meta(&mut self) -> Type {
        self.metas.push(MetaSlot { solution: None, level: self.level });
        Type::Meta(self.metas.len() as u32 - 1)
    }

    pub fn fresh_rigid(&mut self, name: Rc<str>) -> Type {
        self.rigid_names.push(name);
        Type::Rigid(self.rigid_names.len() as u32 - 1)
    }

    /// Resolves solved variables all the way down.
    pub fn zonk(&self, t: &Type) -> Type {
        match t {
            Type::Meta(m) => match self.metas.get(*m as usize).and_then(|s| s.solution.as_ref()) {
                Some(sol) => self.zonk(sol),
                None => t.clone(),
            },
            Type::App(f, a) => Type::app(self.zonk(f), self.zonk(a)),
            Type::Forall(names, ctx, body) => Type::map_forall(names, ctx, body, |t| self.zonk(t)),
            _ => t.clone(),
        }
    }

    /// The outermost constructor after resolving solved variables (without copying).
    pub fn shallow(&self, t: &Type) -> Type {
        let mut t = t.clone();
        while let Type::Meta(m) = &t {
            match self.metas.get(*m as usize).and_then(|s| s.solution.clone()) {
                Some(sol) => t = sol,
                None => break,
            }
        }
        t
    }

    pub fn meta_level(&self, m: u32) -> u32 {
        self.metas.get(m as usize).map(|s| s.level).unwrap_or(0)
    }

    pub fn set_meta_level(&mut self, m: u32, level: u32) {
        if let Some(s) = self.metas.get_mut(m as usize) {
            s.level = s.level.min(level);
        }
    }

    /// The unsolved variables of a (zonked) type, in order of first appearance.
    pub fn metas_of(t: &Type, out: &mut Vec<u32>) {
        match t {
            Type::Meta(m) if !out.contains(m) => {
                out.push(*m);
            }
            Type::App(f, a) => {
                Self::metas_of(f, out);
                Self::metas_of(a, out);
            }
            Type::Forall(_, ctx, body) => {
                for p in ctx.iter() {
                    Self::metas_of(&p.ty, out);
                }
                Self::metas_of(body, out)
            }
            _ => {}
        }
    }

    pub fn unify(&mut self, a: &Type, b: &Type) -> Result<(), Mismatch> {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (Type::Meta(x), Type::Meta(y)) if x == y => Ok(()),
            (Type::Meta(x), _) => self.bind_meta(*x, &b),
            (_, Type::Meta(y)) => self.bind_meta(*y, &a),
            (Type::Con(x), Type::Con(y)) if x == y => Ok(()),
            (Type::Rigid(x), Type::Rigid(y)) if x == y => Ok(()),
            (Type::Gen(x), Type::Gen(y)) if x == y => Ok(()),
            (Type::Bound(d1, i1), Type::Bound(d2, i2)) if (d1, i1) == (d2, i2) => Ok(()),
            (Type::Forall(n1, c1, b1), Type::Forall(n2, c2, b2))
                if n1.len() == n2.len() && c1.len() == c2.len() && c1.iter().zip(c2.iter()).all(|(p, q)| p.class == q.class) =>
            {
                for (p, q) in c1.iter().zip(c2.iter()) {
                    self.unify(&p.ty, &q.ty)?;
                }
                self.unify(b1, b2)
            }
            (Type::App(f1, a1), Type::App(f2, a2)) => {
                self.unify(f1, f2)?;
                self.unify(a1, a2)
            }
            _ => Err(Mismatch::Clash),
        }
    }

    fn bind_meta(&mut self, m: u32, t: &Type) -> Result<(), Mismatch> {
        let t = self.zonk(t);
        let mut ms = Vec::new();
        Self::metas_of(&t, &mut ms);
        if ms.contains(&m) {
            return Err(Mismatch::Occurs);
        }
        if matches!(t, Type::Forall(..)) {
            return Err(Mismatch::Polytype);
        }
        let level = self.meta_level(m);
        if let Some(s) = self.escaping_skolem(&t, level) {
            return Err(Mismatch::Escape(s));
        }
        for other in ms {
            self.set_meta_level(other, level);
        }
        if let Some(slot) = self.metas.get_mut(m as usize) {
            slot.solution = Some(t);
        }
        Ok(())
    }

    /// A skolem of a `forall` checked deeper than `level` that occurs in `t`.
    fn escaping_skolem(&self, t: &Type, level: u32) -> Option<Type> {
        match t {
            Type::Rigid(r) => self.skolem_levels.get(r).filter(|l| **l > level).map(|_| t.clone()),
            Type::App(f, a) => self.escaping_skolem(f, level).or_else(|| self.escaping_skolem(a, level)),
            Type::Forall(_, ctx, body) => {
                ctx.iter().find_map(|p| self.escaping_skolem(&p.ty, level)).or_else(|| self.escaping_skolem(body, level))
            }
            _ => None,
        }
    }

    /// Unifies the type an expression has (`actual`) with the one its context needs
    /// (`expected`), reporting a mismatch at `span`.
    pub fn expect(&mut self, expected: &Type, actual: &Type, span: Span, what: &str) {
        if let Err(m) = self.unify(expected, actual) {
            let (e, a) = self.show_pair(expected, actual);
            let d = match m {
                Mismatch::Clash => Diagnostic::new(
                    "E0201",
                    format!("couldn't match expected type `{e}` with actual type `{a}`"),
                    span,
                    format!("{what} has type `{a}`"),
                ),
                Mismatch::Occurs => Diagnostic::new(
                    "E0202",
                    format!("occurs check: cannot construct the infinite type `{e}` ~ `{a}`"),
                    span,
                    format!("{what} has type `{a}`"),
                ),
                Mismatch::Escape(skolem) => {
                    let s = self.show(&skolem);
                    Diagnostic::new(
                        "E0210",
                        format!("the type variable `{s}` would escape its scope"),
                        span,
                        format!("{what} has type `{a}`, but `{e}` is expected, where `{s}` is local to a `forall`"),
                    )
                    .with_help(format!(
                        "`{s}` is bound by a `forall` in an argument's type (as in `runST :: (forall s. ST s a) -> a`), so nothing outside that argument may mention it: a state thread cannot return its references"
                    ))
                }
                Mismatch::Polytype => Diagnostic::new(
                    "E0201",
                    format!("couldn't match expected type `{e}` with actual type `{a}`: a type variable cannot stand for a `forall` type"),
                    span,
                    format!("{what} has type `{a}`"),
                )
                .with_help("apply the function with the rank-N type directly (`f x` or `f $ x`), or give the lambda's variable its type through a signature"),
            };
            self.errors.push(d);
        }
    }

    pub fn printer_names(&self) -> impl Fn(&Type) -> Option<String> + '_ {
        move |t: &Type| match t {
            Type::Rigid(r) => self.rigid_names.get(*r as usize).map(|n| n.to_string()),
            Type::Meta(m) => Some(format!("t{m}")),
            _ => None,
        }
    }

    pub fn show(&self, t: &Type) -> String {
        let z = self.zonk(t);
        let names = self.printer_names();
        Printer::new(Vec::new(), &names).ty(&z)
    }

    /// Two types printed with one naming, so shared variables print alike.
    pub fn show_pair(&self, a: &Type, b: &Type) -> (String, String) {
        let (a, b) = (self.zonk(a), self.zonk(b));
        let names = self.printer_names();
        let mut p = Printer::new(Vec::new(), &names);
        (p.ty(&a), p.ty(&b))
    }

    pub fn show_pred(&self, p: &crate::types::Pred) -> String {
        let z = crate::types::Pred { class: p.class.clone(), ty: self.zonk(&p.ty) };
        let names = self.printer_names();
        Printer::new(Vec::new(), &names).pred(&z)
    }

    /// Replaces unsolved variables that the checker is done with by `()`: nothing
    /// constrains them, so any type will do and interfaces must hold no checker state.
    pub fn close_type(&self, t: &Type) -> Type {
        match self.shallow(t) {
            Type::Meta(_) => Type::tuple(Vec::new()),
            Type::App(f, a) => Type::app(self.close_type(&f), self.close_type(&a)),
            Type::Forall(names, ctx, body) => Type::map_forall(&names, &ctx, &body, |t| self.close_type(t)),
            other => other,
        }
    }

    pub fn close_scheme(&self, s: &Scheme) -> Scheme {
        Scheme {
            vars: s.vars,
            names: s.names.clone(),
            context: s
                .context
                .iter()
                .map(|p| crate::types::Pred { class: p.class.clone(), ty: self.close_type(&p.ty) })
                .collect(),
            ty: self.close_type(&s.ty),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::Env;
    use crate::rename::Supply;

    #[test]
    fn unification_solves_occurs_checks_and_clashes() {
        let mut env = Env::default();
        let mut c = Checker::new(&mut env, "T", Supply::default());
        let a = c.fresh_meta();
        let b = c.fresh_meta();
        let int = Type::con("Prelude.Int");
        assert!(c.unify(&Type::fun(a.clone(), b.clone()), &Type::fun(int.clone(), Type::list(a.clone()))).is_ok());
        assert_eq!(c.zonk(&b), Type::list(int.clone()));
        assert!(matches!(c.unify(&a, &Type::con("Prelude.Char")), Err(Mismatch::Clash)));
        let d = c.fresh_meta();
        assert!(matches!(c.unify(&d, &Type::list(d.clone())), Err(Mismatch::Occurs)));
        let r = c.fresh_rigid("r".into());
        assert!(c.unify(&r, &int).is_err());
        assert_eq!(c.show(&Type::fun(r, b)), "r -> [Int]");
    }

    #[test]
    fn binding_a_variable_lowers_the_levels_inside() {
        let mut env = Env::default();
        let mut c = Checker::new(&mut env, "T", Supply::default());
        let outer = c.fresh_meta();
        c.level = 3;
        let inner = c.fresh_meta();
        assert!(c.unify(&outer, &Type::list(inner.clone())).is_ok());
        let Type::Meta(m) = inner else { panic!("not a variable") };
        assert_eq!(c.meta_level(m), 0, "the inner variable now belongs to the outer level");
    }
}
