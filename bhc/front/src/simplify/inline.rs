//! Inlining and the local rewrites it enables:
//!
//! * a saturated call of a small, non-recursive global lambda is replaced by its body
//!   (cloned with fresh uniques), atomic arguments substituted and others `let`-bound;
//! * case of a known constructor or literal picks the alternative at compile time;
//! * a primop on literals is folded (`fold.rs`);
//! * a `let` is pushed inward along the strict spine (past other lets, into the only
//!   alternative of a case) and becomes a `case` when its variable is scrutinised at once.
//!
//! Each rewrite is exact for a lazy language: a `let` is only moved to where it is
//! certainly still evaluated no more often than before, never duplicated.

use super::{fold, free};
use crate::core::{Alt, AltCon, Bind, Expr};
use bhc_stg::{Global, Lit, Occ, Rep, Var};
use std::collections::HashMap;

/// How deeply inlined bodies may be inlined into again (bounds mutual recursion).
const MAX_INLINE_DEPTH: u32 = 4;
/// The largest body (in Core nodes) worth copying to a call site.
pub const MAX_UNFOLDING_SIZE: usize = 40;
/// Case-of-case copies the outer alternatives into each inner one; this bounds the copy.
const MAX_CASE_OF_CASE_COPY: usize = 400;
/// An inlined body is simplified again with its arguments, which were simplified
/// already; this bounds what is simplified again (in Core nodes). Without it, a chain of
/// nested calls (`f $ g $ ... $ x`, nested as deep as the front end allows) took time
/// polynomial of a high degree in its depth (minutes at 990).
const MAX_INLINED_ARGS_SIZE: usize = 200;

/// Is `e` at most `limit` Core nodes? Stops counting past the limit.
fn size_within(e: &Expr, limit: &mut usize) -> bool {
    if *limit == 0 {
        return false;
    }
    *limit -= 1;
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => true,
        Expr::App(f, args) => size_within(f, limit) && args.iter().all(|a| size_within(a, limit)),
        Expr::Lam(_, b) => size_within(b, limit),
        Expr::Let(Bind::NonRec(_, r), b) => size_within(r, limit) && size_within(b, limit),
        Expr::Let(Bind::Rec(bs), b) => bs.iter().all(|(_, r)| size_within(r, limit)) && size_within(b, limit),
        Expr::Case(s, _, alts) => size_within(s, limit) && alts.iter().all(|a| size_within(&a.rhs, limit)),
    })
}

pub fn size(e: &Expr) -> usize {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => 1,
        Expr::App(f, args) => size(f) + args.iter().map(size).sum::<usize>(),
        Expr::Lam(_, b) => 1 + size(b),
        Expr::Let(Bind::NonRec(_, r), b) => 1 + size(r) + size(b),
        Expr::Let(Bind::Rec(bs), b) => 1 + bs.iter().map(|(_, r)| size(r)).sum::<usize>() + size(b),
        Expr::Case(s, _, alts) => 1 + size(s) + alts.iter().map(|a| size(&a.rhs)).sum::<usize>(),
    })
}

pub fn mentions_global(e: &Expr, g: &Global) -> bool {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(Occ::Global(x)) => x == g,
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => false,
        Expr::App(f, args) => mentions_global(f, g) || args.iter().any(|a| mentions_global(a, g)),
        Expr::Lam(_, b) => mentions_global(b, g),
        Expr::Let(Bind::NonRec(_, r), b) => mentions_global(r, g) || mentions_global(b, g),
        Expr::Let(Bind::Rec(bs), b) => bs.iter().any(|(_, r)| mentions_global(r, g)) || mentions_global(b, g),
        Expr::Case(s, _, alts) => mentions_global(s, g) || alts.iter().any(|a| mentions_global(&a.rhs, g)),
    })
}

fn occurs(e: &Expr, v: &Var) -> bool {
    free::occurs(e, v.unique)
}

pub struct Inliner<'a> {
    pub unfoldings: &'a HashMap<Global, Expr>,
    pub statics: &'a HashMap<Global, (Global, Vec<Expr>)>,
    pub next_unique: u32,
}

/// A value known for a variable or expression: a constructor with its fields, or a literal.
pub enum Known {
    Con(Global, Vec<Expr>),
    Lit(Lit),
}

impl Inliner<'_> {
    fn fresh(&mut self, like: &Var) -> Var {
        let unique = self.next_unique;
        self.next_unique += 1;
        Var { name: like.name.clone(), unique, rep: like.rep }
    }

    /// Copy `e` renaming every binder to a fresh variable, so the copy can live beside
    /// the original (and other copies) in one module.
    fn clone_fresh(&mut self, e: &Expr, renames: &mut HashMap<u32, Var>) -> Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
            Expr::Var(Occ::Local(v)) => Expr::Var(Occ::Local(renames.get(&v.unique).cloned().unwrap_or_else(|| v.clone()))),
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => e.clone(),
            Expr::App(f, args) => {
                let f = self.clone_fresh(f, renames);
                Expr::App(Box::new(f), args.iter().map(|a| self.clone_fresh(a, renames)).collect())
            }
            Expr::Lam(vs, b) => {
                let vs: Vec<Var> = vs.iter().map(|v| self.rename(v, renames)).collect();
                Expr::Lam(vs, Box::new(self.clone_fresh(b, renames)))
            }
            Expr::Let(Bind::NonRec(v, r), b) => {
                let r = self.clone_fresh(r, renames);
                let v = self.rename(v, renames);
                Expr::Let(Bind::NonRec(v, Box::new(r)), Box::new(self.clone_fresh(b, renames)))
            }
            Expr::Let(Bind::Rec(bs), b) => {
                let vs: Vec<Var> = bs.iter().map(|(v, _)| self.rename(v, renames)).collect();
                let bs = vs.into_iter().zip(bs).map(|(v, (_, r))| (v, self.clone_fresh(r, renames))).collect();
                Expr::Let(Bind::Rec(bs), Box::new(self.clone_fresh(b, renames)))
            }
            Expr::Case(s, b, alts) => {
                let s = self.clone_fresh(s, renames);
                let b = self.rename(b, renames);
                let alts = alts
                    .iter()
                    .map(|a| {
                        let vars = a.vars.iter().map(|v| self.rename(v, renames)).collect();
                        Alt { con: a.con.clone(), vars, rhs: self.clone_fresh(&a.rhs, renames) }
                    })
                    .collect();
                Expr::Case(Box::new(s), b, alts)
            }
        })
    }

    fn rename(&mut self, v: &Var, renames: &mut HashMap<u32, Var>) -> Var {
        let fresh = self.fresh(v);
        renames.insert(v.unique, fresh.clone());
        fresh
    }

    /// Bind `param` to `arg` around `body`: substitute atoms, let-bind the rest.
    fn bind(&mut self, param: &Var, arg: Expr, body: Expr) -> Expr {
        // A nullary constructor is static, so substituting it allocates nothing and lets a
        // case on it be decided here (`x == LT` once `==` is inlined).
        if matches!(&arg, Expr::Var(_) | Expr::Lit(_)) || matches!(&arg, Expr::Con(c) if c.fields.is_empty()) {
            free::map_locals(&body, &mut |v| (v.unique == param.unique).then(|| arg.clone()))
        } else {
            Expr::Let(Bind::NonRec(param.clone(), Box::new(arg)), Box::new(body))
        }
    }

    fn known(&self, e: &Expr, env: &HashMap<u32, Known>) -> Option<Known> {
        match e {
            Expr::Lit(l) => Some(Known::Lit(l.clone())),
            Expr::Con(c) if c.fields.is_empty() => Some(Known::Con(c.name.clone(), vec![])),
            Expr::App(f, args) => match &**f {
                Expr::Con(c) if c.arity() == args.len() => Some(Known::Con(c.name.clone(), args.clone())),
                _ => None,
            },
            Expr::Var(Occ::Global(g)) => self.statics.get(g).map(|(c, fields)| Known::Con(c.clone(), fields.clone())),
            Expr::Var(Occ::Local(v)) => match env.get(&v.unique)? {
                Known::Con(c, fields) => Some(Known::Con(c.clone(), fields.clone())),
                Known::Lit(l) => Some(Known::Lit(l.clone())),
            },
            _ => None,
        }
    }

    /// Choose the alternative for a known scrutinee and bind its variables.
    fn case_of_known(&mut self, scrut: Expr, known: Known, binder: &Var, alts: &[Alt]) -> Option<Expr> {
        let (alt, fields) = match &known {
            Known::Con(c, fields) => {
                let alt = alts.iter().find(|a| match &a.con {
                    AltCon::Data(d) => d.name == *c,
                    AltCon::Lit(_) => false,
                    AltCon::Default => true,
                })?;
                (alt, if matches!(alt.con, AltCon::Default) { vec![] } else { fields.clone() })
            }
            Known::Lit(l) => {
                let alt = alts.iter().find(|a| match &a.con {
                    AltCon::Lit(x) => x == l,
                    AltCon::Data(_) => false,
                    AltCon::Default => true,
                })?;
                (alt, vec![])
            }
        };
        if alt.vars.len() != fields.len() {
            return None;
        }
        let mut body = alt.rhs.clone();
        for (v, f) in alt.vars.iter().zip(fields).rev() {
            body = self.bind(v, f, body);
        }
        Some(self.bind(binder, scrut, body))
    }

    /// `case (case s of p_i -> K_i) of alts`, every K_i a known value: the outer case
    /// moves into each inner alternative, where it reduces to one branch. With a single
    /// inner alternative it moves in whatever that alternative returns.
    fn case_of_case(&mut self, scrut: &Expr, binder: &Var, alts: &[Alt], env: &HashMap<u32, Known>) -> Option<Expr> {
        let Expr::Case(s2, b2, inner) = scrut else { return None };
        if let [only] = inner.as_slice() {
            // One inner alternative: the outer case moves in without any copying.
            let rhs = Expr::Case(Box::new(only.rhs.clone()), binder.clone(), alts.to_vec());
            return Some(Expr::Case(s2.clone(), b2.clone(), vec![Alt { rhs, ..only.clone() }]));
        }
        if !inner.iter().all(|a| self.known(&a.rhs, env).is_some()) {
            return None;
        }
        let outer_size: usize = alts.iter().map(|a| size(&a.rhs)).sum();
        if outer_size * inner.len() > MAX_CASE_OF_CASE_COPY {
            return None;
        }
        let inner = inner
            .iter()
            .map(|a| {
                let mut renames = HashMap::new();
                let b = self.rename(binder, &mut renames);
                let copies = alts
                    .iter()
                    .map(|o| {
                        let vars = o.vars.iter().map(|v| self.rename(v, &mut renames)).collect();
                        Alt { con: o.con.clone(), vars, rhs: self.clone_fresh(&o.rhs, &mut renames) }
                    })
                    .collect();
                Alt { con: a.con.clone(), vars: a.vars.clone(), rhs: Expr::Case(Box::new(a.rhs.clone()), b, copies) }
            })
            .collect();
        Some(Expr::Case(s2.clone(), b2.clone(), inner))
    }

    /// Push `let v = rhs` inward along the strict spine of `body`.
    fn push_let(&mut self, v: Var, rhs: Expr, body: Expr) -> Expr {
        match body {
            Expr::Let(Bind::NonRec(w, r2), b2) if !occurs(&r2, &v) => {
                let inner = self.push_let(v, rhs, *b2);
                Expr::Let(Bind::NonRec(w, r2), Box::new(inner))
            }
            Expr::Case(s, b, alts) if matches!(&*s, Expr::Var(Occ::Local(x)) if x.unique == v.unique) => {
                let alts = alts
                    .into_iter()
                    .map(|a| Alt { rhs: free::map_locals(&a.rhs, &mut |x| (x.unique == v.unique).then(|| Expr::Var(Occ::Local(b.clone())))), ..a })
                    .collect();
                case_into_single_alt(rhs, b, alts)
            }
            Expr::Case(s, b, mut alts) if alts.len() == 1 && !occurs(&s, &v) => {
                let alt = alts.remove(0);
                let inner = self.push_let(v, rhs, alt.rhs);
                Expr::Case(s, b, vec![Alt { rhs: inner, ..alt }])
            }
            body => Expr::Let(Bind::NonRec(v, Box::new(rhs)), Box::new(body)),
        }
    }

    pub fn expr(&mut self, e: &Expr, env: &mut HashMap<u32, Known>, depth: u32) -> Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e, env, depth))
    }

    fn expr_inner(&mut self, e: &Expr, env: &mut HashMap<u32, Known>, depth: u32) -> Expr {
        match e {
            // An alias of a primop, constructor or other global (`seq = seq#`) is replaced
            // by what it names, so that `seq a b` becomes the primop and then a case.
            Expr::Var(Occ::Global(g)) if depth < MAX_INLINE_DEPTH => match self.unfoldings.get(g) {
                Some(alias @ (Expr::Prim(_) | Expr::Con(_) | Expr::Var(Occ::Global(_)))) => self.expr(&alias.clone(), env, depth + 1),
                _ => e.clone(),
            },
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => e.clone(),
            Expr::App(f, args) => {
                let f = self.expr(f, env, depth);
                let args: Vec<Expr> = args.iter().map(|a| self.expr(a, env, depth)).collect();
                if let Expr::Var(Occ::Global(g)) = &f {
                    if depth < MAX_INLINE_DEPTH {
                        if let Some(Expr::Lam(params, body)) = self.unfoldings.get(g) {
                            let mut budget = MAX_INLINED_ARGS_SIZE;
                            if params.len() <= args.len() && args[..params.len()].iter().all(|a| size_within(a, &mut budget)) {
                                let lam = Expr::Lam(params.clone(), body.clone());
                                let Expr::Lam(params, body) = self.clone_fresh(&lam, &mut HashMap::new()) else { return Expr::App(Box::new(f), args) };
                                let (now, rest) = args.split_at(params.len());
                                let mut inlined = *body;
                                for (p, a) in params.iter().zip(now.iter().cloned()).rev() {
                                    inlined = self.bind(p, a, inlined);
                                }
                                let inlined = self.expr(&inlined, env, depth + 1);
                                return if rest.is_empty() { inlined } else { Expr::App(Box::new(inlined), rest.to_vec()) };
                            }
                        }
                    }
                }
                if let Expr::Prim(op) = &f {
                    if let Some(value) = fold::fold_prim(*op, &args) {
                        return value;
                    }
                }
                match f {
                    Expr::App(g, mut inner) => {
                        inner.extend(args);
                        Expr::App(g, inner)
                    }
                    f => Expr::App(Box::new(f), args),
                }
            }
            Expr::Lam(vs, b) => Expr::Lam(vs.clone(), Box::new(self.expr(b, env, depth))),
            Expr::Let(Bind::NonRec(v, rhs), body) => {
                let rhs = self.expr(rhs, env, depth);
                let body = self.expr(body, env, depth);
                // Only lazy lets are pure allocations that may move or vanish; an unboxed
                // let is evaluated where it stands and may carry an effect.
                if v.rep != Rep::Ptr {
                    return match body {
                        // Scrutinised at once: the same evaluation point, so exact.
                        Expr::Case(s, b, alts) if matches!(&*s, Expr::Var(Occ::Local(x)) if x.unique == v.unique) => {
                            let alts = alts
                                .into_iter()
                                .map(|a| Alt { rhs: free::map_locals(&a.rhs, &mut |x| (x.unique == v.unique).then(|| Expr::Var(Occ::Local(b.clone())))), ..a })
                                .collect();
                            case_into_single_alt(rhs, b, alts)
                        }
                        body => Expr::Let(Bind::NonRec(v.clone(), Box::new(rhs)), Box::new(body)),
                    };
                }
                if !occurs(&body, v) {
                    return body;
                }
                self.push_let(v.clone(), rhs, body)
            }
            Expr::Let(Bind::Rec(bs), body) => {
                let bs = bs.iter().map(|(v, r)| (v.clone(), self.expr(r, env, depth))).collect();
                Expr::Let(Bind::Rec(bs), Box::new(self.expr(body, env, depth)))
            }
            Expr::Case(scrut, binder, alts) => {
                let scrut = self.expr(scrut, env, depth);
                if let Some(merged) = self.case_of_case(&scrut, binder, alts, env) {
                    return self.expr(&merged, env, depth);
                }
                if let Some(known) = self.known(&scrut, env) {
                    if let Some(chosen) = self.case_of_known(scrut.clone(), known, binder, alts) {
                        return self.expr(&chosen, env, depth);
                    }
                }
                let alts = alts
                    .iter()
                    .map(|a| {
                        let fact = match &a.con {
                            AltCon::Data(c) => {
                                Some(Known::Con(c.name.clone(), a.vars.iter().map(|v| Expr::Var(Occ::Local(v.clone()))).collect()))
                            }
                            AltCon::Lit(l) => Some(Known::Lit(l.clone())),
                            AltCon::Default => None,
                        };
                        let saved = fact.map(|f| (binder.unique, env.insert(binder.unique, f)));
                        let scrut_var = match (&scrut, &a.con) {
                            (Expr::Var(Occ::Local(s)), AltCon::Data(c)) => Some((
                                s.unique,
                                env.insert(s.unique, Known::Con(c.name.clone(), a.vars.iter().map(|v| Expr::Var(Occ::Local(v.clone()))).collect())),
                            )),
                            _ => None,
                        };
                        let rhs = self.expr(&a.rhs, env, depth);
                        for (u, old) in [scrut_var, saved].into_iter().flatten() {
                            match old {
                                Some(o) => env.insert(u, o),
                                None => env.remove(&u),
                            };
                        }
                        Alt { con: a.con.clone(), vars: a.vars.clone(), rhs }
                    })
                    .collect();
                Expr::Case(Box::new(scrut), binder.clone(), alts)
            }
        }
    }
}

/// `case scrut of b alts`, moving the case into `scrut` while `scrut` is itself a case
/// with a single alternative (no copying).
fn case_into_single_alt(scrut: Expr, binder: Var, alts: Vec<Alt>) -> Expr {
    match scrut {
        Expr::Case(s2, b2, mut inner) if inner.len() == 1 => {
            let only = inner.remove(0);
            let rhs = case_into_single_alt(only.rhs, binder, alts);
            Expr::Case(s2, b2, vec![Alt { rhs, ..only }])
        }
        scrut => Expr::Case(Box::new(scrut), binder, alts),
    }
}
