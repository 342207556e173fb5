//! Free local variables of STG expressions, in order of first occurrence (so closure
//! layouts are deterministic). Nested closures contribute their already-computed `free`
//! lists, which keeps the whole pass linear in the size of the program.

use bhc_stg::{Alts, Atom, Expr, Occ, Rhs, Var};
use std::collections::HashSet;

#[derive(Default)]
pub struct FreeVars {
    seen: HashSet<u32>,
    pub vars: Vec<Var>,
}

impl FreeVars {
    fn add(&mut self, v: &Var, bound: &[u32]) {
        if !bound.contains(&v.unique) && self.seen.insert(v.unique) {
            self.vars.push(v.clone());
        }
    }

    fn occ(&mut self, o: &Occ, bound: &[u32]) {
        if let Occ::Local(v) = o {
            self.add(v, bound);
        }
    }

    fn atoms(&mut self, args: &[Atom], bound: &[u32]) {
        for a in args {
            if let Atom::Occ(o) = a {
                self.occ(o, bound);
            }
        }
    }

    fn rhs(&mut self, r: &Rhs, bound: &[u32]) {
        match r {
            Rhs::Closure { free, .. } => {
                for v in free {
                    self.add(v, bound);
                }
            }
            Rhs::Con { args, .. } => self.atoms(args, bound),
        }
    }

    /// Collect the variables of `e` not in `bound`. `bound` grows and shrinks like a
    /// scope stack while walking binders.
    pub fn expr(&mut self, e: &Expr, bound: &mut Vec<u32>) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e, bound))
    }

    fn expr_inner(&mut self, e: &Expr, bound: &mut Vec<u32>) {
        match e {
            Expr::App { fun, args } => {
                self.occ(fun, bound);
                self.atoms(args, bound);
            }
            Expr::Con { args, .. } | Expr::Prim { args, .. } => self.atoms(args, bound),
            Expr::Lit(_) => {}
            Expr::Let { rec, binds, body } => {
                let mark = bound.len();
                if *rec {
                    bound.extend(binds.iter().map(|(v, _)| v.unique));
                }
                for (_, r) in binds {
                    self.rhs(r, bound);
                }
                if !*rec {
                    bound.extend(binds.iter().map(|(v, _)| v.unique));
                }
                self.expr(body, bound);
                bound.truncate(mark);
            }
            Expr::Case { scrut, binder, alts } => {
                self.expr(scrut, bound);
                let mark = bound.len();
                bound.push(binder.unique);
                match alts {
                    Alts::Algebraic { alts, default } => {
                        for (_, vars, body) in alts {
                            let inner = bound.len();
                            bound.extend(vars.iter().map(|v| v.unique));
                            self.expr(body, bound);
                            bound.truncate(inner);
                        }
                        if let Some(d) = default {
                            self.expr(d, bound);
                        }
                    }
                    Alts::Prim { alts, default } => {
                        for (_, body) in alts {
                            self.expr(body, bound);
                        }
                        if let Some(d) = default {
                            self.expr(d, bound);
                        }
                    }
                    Alts::Default(body) => self.expr(body, bound),
                }
                bound.truncate(mark);
            }
        }
    }
}

/// The free variables of a closure body with these parameters.
pub fn closure_free_vars(params: &[Var], body: &Expr) -> Vec<Var> {
    let mut fv = FreeVars::default();
    let mut bound: Vec<u32> = params.iter().map(|v| v.unique).collect();
    fv.expr(body, &mut bound);
    fv.vars
}
