//! The expression lowering proper. Every Core expression is lowered either in *evaluation
//! position* (`lower`, giving an `stg::Expr`) or in *binding position* (`lower_rhs`,
//! giving an `stg::Rhs` for a `let`); arguments are turned into atoms by `atomize`, which
//! records the bindings it had to introduce as wrappers around the final expression.

use super::free_vars::closure_free_vars;
use crate::core::{self, AltCon, Bind};
use bhc_stg::{self as stg, Alts, Atom, DataCon, Lit, Occ, PrimOp, Rep, UpdateFlag, Var};
use std::rc::Rc;

pub struct Lowerer {
    next_unique: u32,
}

/// A binding introduced to make an argument atomic, applied around the expression that
/// uses it, innermost last.
enum Wrapper {
    Lazy(Var, stg::Rhs),
    Strict(Var, stg::Expr),
    /// An unlifted pointer (a byte array, bignum, ...) computed now: never a thunk.
    StrictPtr(Var, stg::Expr),
}

/// The unlifted pointer types: values that are never thunks (docs/conventions.md).
const UNLIFTED_POINTERS: &[&str] = &["ByteArray#", "MutableByteArray#", "BigInt#", "MutVar#", "Array#", "MutableArray#", "Weak#"];

/// A saturated primop call whose result is an unlifted pointer: it must be evaluated
/// where it is bound, never suspended in a thunk.
fn is_unlifted_prim_call(e: &core::Expr) -> bool {
    let (head, args) = collect_args(e);
    let core::Expr::Prim(op) = head else { return false };
    if args.len() != op.arity() || op.result_rep() != Rep::Ptr {
        return false;
    }
    let sig = op.signature();
    let result = sig.rsplit("->").next().unwrap_or(sig).trim();
    UNLIFTED_POINTERS.iter().any(|t| result == *t || result.starts_with(&format!("{t} ")))
}

fn wrap(wrappers: Vec<Wrapper>, mut body: stg::Expr) -> stg::Expr {
    for w in wrappers.into_iter().rev() {
        body = match w {
            Wrapper::Lazy(v, rhs) => stg::Expr::Let { rec: false, binds: vec![(v, rhs)], body: Box::new(body) },
            Wrapper::Strict(v, scrut) => stg::Expr::Case {
                scrut: Box::new(scrut),
                binder: v,
                alts: Alts::Prim { alts: vec![], default: Some(Box::new(body)) },
            },
            Wrapper::StrictPtr(v, scrut) => stg::Expr::Case { scrut: Box::new(scrut), binder: v, alts: Alts::Default(Box::new(body)) },
        };
    }
    body
}

/// Split nested applications `((f a) b) c` into `f` and `[a, b, c]`.
fn collect_args(e: &core::Expr) -> (&core::Expr, Vec<&core::Expr>) {
    let mut head = e;
    let mut spine: Vec<&[core::Expr]> = Vec::new();
    while let core::Expr::App(f, args) = head {
        spine.push(args);
        head = f;
    }
    let args = spine.into_iter().rev().flat_map(|a| a.iter()).collect();
    (head, args)
}

/// Recursion here follows the depth of the Core, which a long list literal makes deep:
/// grow the stack on demand rather than overflow it.
fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

fn max_unique(e: &core::Expr) -> u32 {
    deep(|| max_unique_inner(e))
}

fn max_unique_inner(e: &core::Expr) -> u32 {
    match e {
        core::Expr::Var(Occ::Local(v)) => v.unique,
        core::Expr::Var(_) | core::Expr::Lit(_) | core::Expr::Con(_) | core::Expr::Prim(_) => 0,
        core::Expr::App(f, args) => args.iter().map(max_unique).fold(max_unique(f), u32::max),
        core::Expr::Lam(vs, b) => vs.iter().map(|v| v.unique).fold(max_unique(b), u32::max),
        core::Expr::Let(bind, body) => {
            let inner = match bind {
                Bind::NonRec(v, e) => v.unique.max(max_unique(e)),
                Bind::Rec(bs) => bs.iter().map(|(v, e)| v.unique.max(max_unique(e))).max().unwrap_or(0),
            };
            inner.max(max_unique(body))
        }
        core::Expr::Case(s, b, alts) => alts
            .iter()
            .map(|a| a.vars.iter().map(|v| v.unique).fold(max_unique(&a.rhs), u32::max))
            .fold(max_unique(s).max(b.unique), u32::max),
    }
}

/// The run-time representation of a Core expression's value.
fn rep_of(e: &core::Expr) -> Rep {
    deep(|| rep_of_inner(e))
}

fn rep_of_inner(e: &core::Expr) -> Rep {
    match e {
        core::Expr::Var(Occ::Local(v)) => v.rep,
        core::Expr::Var(Occ::Global(_)) | core::Expr::Con(_) | core::Expr::Lam(..) => Rep::Ptr,
        core::Expr::Lit(l) => l.rep(),
        core::Expr::Prim(op) => {
            if op.arity() == 0 {
                op.result_rep()
            } else {
                Rep::Ptr
            }
        }
        core::Expr::App(..) => {
            let (head, args) = collect_args(e);
            match head {
                core::Expr::Prim(PrimOp::Seq) if args.len() == 2 => rep_of(args[1]),
                core::Expr::Prim(op) if args.len() == op.arity() => op.result_rep(),
                _ => Rep::Ptr,
            }
        }
        core::Expr::Let(_, body) => rep_of(body),
        core::Expr::Case(_, _, alts) => alts.first().map_or(Rep::Ptr, |a| rep_of(&a.rhs)),
    }
}

impl Lowerer {
    pub fn new(m: &core::Module) -> Lowerer {
        let max = m.bindings.iter().map(|b| max_unique(&b.expr)).max().unwrap_or(0);
        Lowerer { next_unique: max + 1 }
    }

    fn fresh(&mut self, name: &str, rep: Rep) -> Var {
        let unique = self.next_unique;
        self.next_unique += 1;
        Var { name: Rc::from(name), unique, rep }
    }

    /// A top-level binding: a function, a static constructor, or a CAF.
    pub fn lower_top(&mut self, e: &core::Expr) -> Result<stg::Rhs, String> {
        let (extra, rhs) = self.lower_rhs(e)?;
        let simple_static = match &rhs {
            stg::Rhs::Con { args, .. } => {
                extra.is_empty() && args.iter().all(|a| !matches!(a, Atom::Occ(Occ::Local(_))))
            }
            stg::Rhs::Closure { free, .. } => free.is_empty() && extra.is_empty(),
        };
        if simple_static {
            return Ok(rhs);
        }
        // The right-hand side needs local bindings first: make it a CAF that builds them.
        let body = self.lower(e)?;
        let free = closure_free_vars(&[], &body);
        if let Some(v) = free.first() {
            return Err(format!("top-level binding refers to the local variable `{v}`"));
        }
        Ok(stg::Rhs::Closure { free, update: UpdateFlag::Updatable, params: vec![], body: Box::new(body) })
    }

    fn closure(&mut self, update: UpdateFlag, params: Vec<Var>, body: &core::Expr) -> Result<stg::Rhs, String> {
        let body = self.lower(body)?;
        let free = closure_free_vars(&params, &body);
        Ok(stg::Rhs::Closure { free, update, params, body: Box::new(body) })
    }

    /// An eta-expanded closure for a constructor or primop used with too few arguments.
    fn eta(&mut self, head: &core::Expr, args: &[&core::Expr], arity: usize) -> Result<stg::Rhs, String> {
        let params: Vec<Var> = match head {
            core::Expr::Con(con) => con.fields[args.len()..].iter().map(|r| self.fresh("eta", *r)).collect(),
            core::Expr::Prim(op) => op.arg_reps()[args.len()..].iter().map(|r| self.fresh("eta", *r)).collect(),
            _ => return Err("eta-expansion of a non-constructor".into()),
        };
        debug_assert_eq!(params.len() + args.len(), arity);
        let mut full: Vec<core::Expr> = args.iter().map(|a| (*a).clone()).collect();
        full.extend(params.iter().map(|v| core::Expr::Var(Occ::Local(v.clone()))));
        let body = core::Expr::App(Box::new(head.clone()), full);
        self.closure(UpdateFlag::Reentrant, params, &body)
    }

    /// Lower an expression bound by a `let`. Returns extra lazy bindings that must be in
    /// scope first (they may be put in the same recursive group).
    pub fn lower_rhs(&mut self, e: &core::Expr) -> Result<(Vec<(Var, stg::Rhs)>, stg::Rhs), String> {
        deep(|| self.lower_rhs_inner(e))
    }

    fn lower_rhs_inner(&mut self, e: &core::Expr) -> Result<(Vec<(Var, stg::Rhs)>, stg::Rhs), String> {
        match e {
            core::Expr::Lam(params, body) => Ok((vec![], self.closure(UpdateFlag::Reentrant, params.clone(), body)?)),
            core::Expr::Con(con) if con.fields.is_empty() => {
                Ok((vec![], stg::Rhs::Con { con: con.clone(), args: vec![] }))
            }
            core::Expr::Con(con) => Ok((vec![], self.eta(e, &[], con.arity())?)),
            core::Expr::Prim(op) if op.arity() > 0 => Ok((vec![], self.eta(e, &[], op.arity())?)),
            core::Expr::App(..) => {
                let (head, args) = collect_args(e);
                match head {
                    core::Expr::Con(con) if args.len() < con.arity() => Ok((vec![], self.eta(head, &args, con.arity())?)),
                    core::Expr::Con(con) if args.len() == con.arity() && args.iter().all(|a| rep_of(a) == Rep::Ptr || is_atom(a)) => {
                        let mut extra = Vec::new();
                        let mut atoms = Vec::with_capacity(args.len());
                        for a in args {
                            if let Some(atom) = self.simple_atom(a) {
                                atoms.push(atom);
                            } else {
                                let v = self.fresh("sat", Rep::Ptr);
                                let (more, rhs) = self.lower_rhs(a)?;
                                extra.extend(more);
                                extra.push((v.clone(), rhs));
                                atoms.push(Atom::Occ(Occ::Local(v)));
                            }
                        }
                        Ok((extra, stg::Rhs::Con { con: con.clone(), args: atoms }))
                    }
                    core::Expr::Prim(op) if args.len() < op.arity() => Ok((vec![], self.eta(head, &args, op.arity())?)),
                    _ => Ok((vec![], self.closure(UpdateFlag::Updatable, vec![], e)?)),
                }
            }
            _ => Ok((vec![], self.closure(UpdateFlag::Updatable, vec![], e)?)),
        }
    }

    /// An atom for expressions that need no binding at all.
    fn simple_atom(&self, e: &core::Expr) -> Option<Atom> {
        match e {
            core::Expr::Var(o) => Some(Atom::Occ(o.clone())),
            core::Expr::Lit(l) => Some(Atom::Lit(l.clone())),
            core::Expr::Con(con) if con.fields.is_empty() => Some(Atom::Occ(Occ::Global(con.name.clone()))),
            _ => None,
        }
    }

    fn atomize(&mut self, e: &core::Expr, wrappers: &mut Vec<Wrapper>) -> Result<Atom, String> {
        if let Some(a) = self.simple_atom(e) {
            return Ok(a);
        }
        let rep = rep_of(e);
        let v = self.fresh("arg", rep);
        if is_unlifted_prim_call(e) {
            let scrut = self.lower(e)?;
            wrappers.push(Wrapper::StrictPtr(v.clone(), scrut));
        } else if rep == Rep::Ptr {
            let (extra, rhs) = self.lower_rhs(e)?;
            wrappers.extend(extra.into_iter().map(|(v, r)| Wrapper::Lazy(v, r)));
            wrappers.push(Wrapper::Lazy(v.clone(), rhs));
        } else {
            let scrut = self.lower(e)?;
            wrappers.push(Wrapper::Strict(v.clone(), scrut));
        }
        Ok(Atom::Occ(Occ::Local(v)))
    }

    fn atomize_all(&mut self, args: &[&core::Expr], wrappers: &mut Vec<Wrapper>) -> Result<Vec<Atom>, String> {
        args.iter().map(|a| self.atomize(a, wrappers)).collect()
    }

    /// Bind an expression to a fresh variable and return an STG expression that
    /// evaluates it (used for heads that are not variables).
    fn bind_then_enter(&mut self, e: &core::Expr) -> Result<(Vec<Wrapper>, Occ), String> {
        let mut wrappers = Vec::new();
        match self.atomize(e, &mut wrappers)? {
            Atom::Occ(o) => Ok((wrappers, o)),
            Atom::Lit(_) => Err("a literal applied as a function".into()),
        }
    }

    /// Lower an expression in evaluation position.
    pub fn lower(&mut self, e: &core::Expr) -> Result<stg::Expr, String> {
        deep(|| self.lower_inner(e))
    }

    fn lower_inner(&mut self, e: &core::Expr) -> Result<stg::Expr, String> {
        match e {
            core::Expr::Var(o) => Ok(stg::Expr::App { fun: o.clone(), args: vec![] }),
            core::Expr::Lit(l) => Ok(stg::Expr::Lit(l.clone())),
            core::Expr::Con(con) if con.fields.is_empty() => Ok(stg::Expr::Con { con: con.clone(), args: vec![] }),
            core::Expr::Prim(op) if op.arity() == 0 => Ok(stg::Expr::Prim { op: *op, args: vec![] }),
            core::Expr::Con(_) | core::Expr::Prim(_) | core::Expr::Lam(..) => {
                let (wrappers, occ) = self.bind_then_enter(e)?;
                Ok(wrap(wrappers, stg::Expr::App { fun: occ, args: vec![] }))
            }
            core::Expr::App(..) => self.lower_app(e),
            core::Expr::Let(bind, body) => self.lower_let(bind, body),
            core::Expr::Case(scrut, binder, alts) => self.lower_case(scrut, binder, alts),
        }
    }

    fn lower_app(&mut self, e: &core::Expr) -> Result<stg::Expr, String> {
        let (head, args) = collect_args(e);
        if args.is_empty() {
            return self.lower(head);
        }
        match head {
            core::Expr::Con(con) => {
                let con = con.clone();
                let arity = con.arity();
                self.lower_saturating(head, arity, &args, move |con_args| stg::Expr::Con { con, args: con_args })
            }
            core::Expr::Prim(PrimOp::Seq) if args.len() >= 2 => {
                let scrut = self.lower(args[0])?;
                let rest = if args.len() == 2 {
                    self.lower(args[1])?
                } else {
                    let applied = core::Expr::App(Box::new(args[1].clone()), args[2..].iter().map(|a| (*a).clone()).collect());
                    self.lower(&applied)?
                };
                let binder = self.fresh("seq", Rep::Ptr);
                Ok(stg::Expr::Case { scrut: Box::new(scrut), binder, alts: Alts::Default(Box::new(rest)) })
            }
            core::Expr::Prim(op) => {
                let op = *op;
                self.lower_saturating(head, op.arity(), &args, move |prim_args| stg::Expr::Prim { op, args: prim_args })
            }
            core::Expr::Var(fun) => {
                let mut wrappers = Vec::new();
                let atoms = self.atomize_all(&args, &mut wrappers)?;
                Ok(wrap(wrappers, stg::Expr::App { fun: fun.clone(), args: atoms }))
            }
            _ => {
                let (mut wrappers, fun) = self.bind_then_enter(head)?;
                let atoms = self.atomize_all(&args, &mut wrappers)?;
                Ok(wrap(wrappers, stg::Expr::App { fun, args: atoms }))
            }
        }
    }

    /// Apply a constructor or primop of the given arity: eta-expand when there are too
    /// few arguments, and apply the result to the rest when there are too many.
    fn lower_saturating(
        &mut self,
        head: &core::Expr,
        arity: usize,
        args: &[&core::Expr],
        build: impl FnOnce(Vec<Atom>) -> stg::Expr,
    ) -> Result<stg::Expr, String> {
        if args.len() < arity {
            let rhs = self.eta(head, args, arity)?;
            let v = self.fresh("pap", Rep::Ptr);
            return Ok(wrap(vec![Wrapper::Lazy(v.clone(), rhs)], stg::Expr::App { fun: Occ::Local(v), args: vec![] }));
        }
        let mut wrappers = Vec::new();
        let atoms = self.atomize_all(&args[..arity], &mut wrappers)?;
        let saturated = build(atoms);
        if args.len() == arity {
            return Ok(wrap(wrappers, saturated));
        }
        let result = self.fresh("res", Rep::Ptr);
        let rest = self.atomize_all(&args[arity..], &mut wrappers)?;
        let call = stg::Expr::Case {
            scrut: Box::new(saturated),
            binder: result.clone(),
            alts: Alts::Default(Box::new(stg::Expr::App { fun: Occ::Local(result), args: rest })),
        };
        Ok(wrap(wrappers, call))
    }

    fn lower_let(&mut self, bind: &Bind, body: &core::Expr) -> Result<stg::Expr, String> {
        match bind {
            Bind::NonRec(v, rhs) if v.rep != Rep::Ptr => {
                let scrut = self.lower(rhs)?;
                let body = self.lower(body)?;
                Ok(stg::Expr::Case {
                    scrut: Box::new(scrut),
                    binder: v.clone(),
                    alts: Alts::Prim { alts: vec![], default: Some(Box::new(body)) },
                })
            }
            Bind::NonRec(v, rhs) if is_unlifted_prim_call(rhs) => {
                let scrut = self.lower(rhs)?;
                let body = self.lower(body)?;
                Ok(wrap(vec![Wrapper::StrictPtr(v.clone(), scrut)], body))
            }
            Bind::NonRec(v, rhs) => {
                let (extra, rhs) = self.lower_rhs(rhs)?;
                let mut wrappers: Vec<Wrapper> = extra.into_iter().map(|(v, r)| Wrapper::Lazy(v, r)).collect();
                wrappers.push(Wrapper::Lazy(v.clone(), rhs));
                let body = self.lower(body)?;
                Ok(wrap(wrappers, body))
            }
            Bind::Rec(binds) => {
                let mut group = Vec::with_capacity(binds.len());
                for (v, rhs) in binds {
                    if v.rep != Rep::Ptr {
                        return Err(format!("recursive binding of the unboxed variable `{v}`"));
                    }
                    let (extra, rhs) = self.lower_rhs(rhs)?;
                    group.extend(extra);
                    group.push((v.clone(), rhs));
                }
                let body = self.lower(body)?;
                Ok(stg::Expr::Let { rec: true, binds: group, body: Box::new(body) })
            }
        }
    }

    fn lower_case(&mut self, scrut: &core::Expr, binder: &Var, alts: &[core::Alt]) -> Result<stg::Expr, String> {
        let scrut = Box::new(self.lower(scrut)?);
        let mut data_alts: Vec<(DataCon, Vec<Var>, stg::Expr)> = Vec::new();
        let mut lit_alts: Vec<(Lit, stg::Expr)> = Vec::new();
        let mut default = None;
        for alt in alts {
            let rhs = self.lower(&alt.rhs)?;
            match &alt.con {
                AltCon::Data(con) => data_alts.push((con.clone(), alt.vars.clone(), rhs)),
                AltCon::Lit(l) => lit_alts.push((l.clone(), rhs)),
                AltCon::Default => {
                    default = Some(Box::new(rhs));
                    break;
                }
            }
        }
        let alts = if !data_alts.is_empty() {
            if !lit_alts.is_empty() {
                return Err("a case mixes constructor and literal alternatives".into());
            }
            Alts::Algebraic { alts: data_alts, default }
        } else if !lit_alts.is_empty() || binder.rep != Rep::Ptr {
            Alts::Prim { alts: lit_alts, default }
        } else {
            match default {
                Some(d) => Alts::Default(d),
                None => return Err("a case with no alternatives".into()),
            }
        };
        Ok(stg::Expr::Case { scrut, binder: binder.clone(), alts })
    }
}

fn is_atom(e: &core::Expr) -> bool {
    matches!(e, core::Expr::Var(_) | core::Expr::Lit(_))
}
