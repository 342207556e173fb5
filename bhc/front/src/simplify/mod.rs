//! The Core simplifier. Today it does what matters most for dictionary-passing code:
//!
//! * **dictionary floating**: an instance dictionary `d = letrec this = C:Cls m1 m2 in this`
//!   whose methods are closed becomes a static constructor `d = C:Cls d$f0 d$f1` with each
//!   method its own top-level function (`this` becomes the global `d`); any top-level
//!   constructor application is made static the same way;
//! * **known method selection**: `sel d args` where `sel` selects field k of `C:Cls` and `d`
//!   is a static `C:Cls ...` becomes a direct call of field k (also through superclass
//!   selectors), across modules through `Knowledge`;
//! * **constant floating**: a saturated constructor application whose arguments are all
//!   literals or globals (`I# 2#`) becomes one static closure instead of an allocation
//!   per evaluation;
//! * **inlining** of small non-recursive functions with case-of-known-constructor,
//!   case-of-case and let-to-case (see `inline`).
//!
//! Every rewrite preserves meaning exactly (no work is duplicated or lost); it must not
//! change evaluation order or strictness.

mod fold;
mod free;
mod inline;

use crate::core::{Alt, AltCon, Bind, Expr, Module, TopBind};
use crate::core_codec::{DecodeError, Decoder, Encoder};
use bhc_stg::{DataCon, Global, Occ, Var};
use std::collections::HashMap;
use std::rc::Rc;

/// What the simplifier knows about globals of modules compiled earlier in a session.
#[derive(Clone, Debug, Default)]
pub struct Knowledge {
    /// Class-method and superclass selectors: the constructor name and field index.
    selectors: HashMap<Global, (Global, usize)>,
    /// Static constructor applications with atomic arguments (dictionaries, constants).
    statics: HashMap<Global, (Global, Vec<Expr>)>,
    /// Bodies of small non-recursive functions, to inline at saturated calls.
    unfoldings: HashMap<Global, Expr>,
}

impl Knowledge {
    /// What is known about the globals of one module (for caching it with the module).
    pub fn for_module(&self, module: &str) -> Knowledge {
        let prefix = format!("{module}.");
        // `Data.List.foo` is not a global of module `Data`: the rest after the prefix
        // must not start with another module component (operators may contain dots).
        let mine = |g: &Global| {
            g.0.strip_prefix(&prefix).is_some_and(|rest| {
                let component = rest.split('.').next().unwrap_or("");
                !(rest.contains('.') && component.chars().next().is_some_and(char::is_uppercase)
                    && component.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '\''))
            })
        };
        Knowledge {
            selectors: self.selectors.iter().filter(|(g, _)| mine(g)).map(|(g, v)| (g.clone(), v.clone())).collect(),
            statics: self.statics.iter().filter(|(g, _)| mine(g)).map(|(g, v)| (g.clone(), v.clone())).collect(),
            unfoldings: self.unfoldings.iter().filter(|(g, _)| mine(g)).map(|(g, v)| (g.clone(), v.clone())).collect(),
        }
    }

    pub fn extend(&mut self, other: Knowledge) {
        self.selectors.extend(other.selectors);
        self.statics.extend(other.statics);
        self.unfoldings.extend(other.unfoldings);
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::default();
        let mut selectors: Vec<_> = self.selectors.iter().collect();
        selectors.sort_by(|a, b| a.0.cmp(b.0));
        e.uint(selectors.len() as u64);
        for (g, (con, k)) in selectors {
            e.str(&g.0);
            e.str(&con.0);
            e.uint(*k as u64);
        }
        let mut statics: Vec<_> = self.statics.iter().collect();
        statics.sort_by(|a, b| a.0.cmp(b.0));
        e.uint(statics.len() as u64);
        for (g, (con, args)) in statics {
            e.str(&g.0);
            e.str(&con.0);
            e.uint(args.len() as u64);
            for a in args {
                e.expr(a);
            }
        }
        let mut unfoldings: Vec<_> = self.unfoldings.iter().collect();
        unfoldings.sort_by(|a, b| a.0.cmp(b.0));
        e.uint(unfoldings.len() as u64);
        for (g, body) in unfoldings {
            e.str(&g.0);
            e.expr(body);
        }
        e.bytes
    }

    pub fn decode(bytes: &[u8]) -> Result<Knowledge, DecodeError> {
        let mut d = Decoder::new(bytes);
        let mut k = Knowledge::default();
        for _ in 0..d.count()? {
            let g = Global(d.str()?);
            let con = Global(d.str()?);
            let field = usize::try_from(d.uint()?).map_err(|_| DecodeError("field index out of range".into()))?;
            k.selectors.insert(g, (con, field));
        }
        for _ in 0..d.count()? {
            let g = Global(d.str()?);
            let con = Global(d.str()?);
            let n = d.count()?;
            let args = (0..n).map(|_| d.expr()).collect::<Result<_, _>>()?;
            k.statics.insert(g, (con, args));
        }
        for _ in 0..d.count()? {
            let g = Global(d.str()?);
            k.unfoldings.insert(g, d.expr()?);
        }
        if !d.at_end() {
            return Err(DecodeError("trailing bytes".into()));
        }
        Ok(k)
    }
}

fn global(name: &str) -> Global {
    Global(Rc::from(name))
}

fn is_atom(e: &Expr) -> bool {
    matches!(e, Expr::Var(Occ::Global(_)) | Expr::Lit(_))
        || matches!(e, Expr::Con(c) if c.fields.is_empty())
}

/// `\d -> case d of C x1 .. xn -> xk` selects field k of C.
fn selector_shape(e: &Expr) -> Option<(Global, usize)> {
    let Expr::Lam(params, body) = e else { return None };
    let [d] = params.as_slice() else { return None };
    let Expr::Case(scrut, _, alts) = &**body else { return None };
    let Expr::Var(Occ::Local(s)) = &**scrut else { return None };
    let [Alt { con: AltCon::Data(con), vars, rhs: Expr::Var(Occ::Local(v)) }] = alts.as_slice() else { return None };
    if s.unique != d.unique {
        return None;
    }
    let k = vars.iter().position(|x| x.unique == v.unique)?;
    Some((con.name.clone(), k))
}

/// A constructor application `C a1 .. an`, saturated.
fn con_app(e: &Expr) -> Option<(&DataCon, &[Expr])> {
    match e {
        Expr::App(f, args) => match &**f {
            Expr::Con(c) if c.arity() == args.len() => Some((c, args.as_slice())),
            _ => None,
        },
        _ => None,
    }
}

/// Replace the local `this` by the global `g` (the dictionary's own name).
fn subst_global(e: &Expr, this: &Var, g: &Global) -> Expr {
    free::map_locals(e, &mut |v| (v.unique == this.unique).then(|| Expr::Var(Occ::Global(g.clone()))))
}

struct Simplifier<'k> {
    module: String,
    known: &'k mut Knowledge,
    new_bindings: Vec<TopBind>,
    constants: HashMap<String, Global>,
}

impl Simplifier<'_> {
    /// Turn a dictionary-shaped binding into a static constructor plus floated methods.
    fn float_dictionary(&mut self, name: &Global, e: &Expr) -> Option<Expr> {
        let (this, (con, args)) = match e {
            Expr::Let(Bind::Rec(binds), body) => {
                let [(this, rhs)] = binds.as_slice() else { return None };
                match &**body {
                    Expr::Var(Occ::Local(v)) if v.unique == this.unique => (Some(this), con_app(rhs)?),
                    _ => return None,
                }
            }
            _ => (None, con_app(e)?),
        };
        let allowed: Vec<u32> = this.map(|t| t.unique).into_iter().collect();
        if !args.iter().all(|a| is_atom(a) || free::locals_within(a, &allowed)) {
            return None;
        }
        let mut atoms = Vec::with_capacity(args.len());
        for (i, arg) in args.iter().enumerate() {
            if is_atom(arg) {
                atoms.push(arg.clone());
                continue;
            }
            let method = global(&format!("{}$f{}", name.0, i));
            let body = match this {
                Some(t) => subst_global(arg, t, name),
                None => arg.clone(),
            };
            self.new_bindings.push(TopBind { name: method.clone(), expr: body });
            atoms.push(Expr::Var(Occ::Global(method)));
        }
        self.known.statics.insert(name.clone(), (con.name.clone(), atoms.clone()));
        Some(Expr::App(Box::new(Expr::Con(con.clone())), atoms))
    }

    /// The field a known selector picks from a known static constructor.
    fn select(&self, sel: &Global, dict: &Expr) -> Option<Expr> {
        let (con, k) = self.known.selectors.get(sel)?;
        let Expr::Var(Occ::Global(d)) = dict else { return None };
        let (dcon, fields) = self.known.statics.get(d)?;
        (dcon == con).then(|| fields.get(*k).cloned()).flatten()
    }

    fn constant(&mut self, con: &DataCon, args: &[Expr]) -> Expr {
        let key = format!("{}{:?}", con.name, args);
        let next = self.constants.len();
        let module = self.module.clone();
        let name = self.constants.entry(key).or_insert_with(|| global(&format!("{module}.$c{next}"))).clone();
        if !self.known.statics.contains_key(&name) {
            self.known.statics.insert(name.clone(), (con.name.clone(), args.to_vec()));
            let expr = Expr::App(Box::new(Expr::Con(con.clone())), args.to_vec());
            self.new_bindings.push(TopBind { name: name.clone(), expr });
        }
        Expr::Var(Occ::Global(name))
    }

    /// Rewrite bottom-up. `top` is true for the whole right-hand side of a top-level
    /// binding (which is already static if it is a constructor application).
    fn expr(&mut self, e: &Expr, top: bool) -> Expr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e, top))
    }

    fn expr_inner(&mut self, e: &Expr, top: bool) -> Expr {
        match e {
            Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => e.clone(),
            Expr::App(f, args) => {
                let f = self.expr(f, false);
                let mut args: Vec<Expr> = args.iter().map(|a| self.expr(a, false)).collect();
                let (mut head, mut all_args) = match f {
                    Expr::App(inner_f, mut inner_args) => {
                        inner_args.append(&mut args);
                        (*inner_f, inner_args)
                    }
                    other => (other, args),
                };
                while let (Expr::Var(Occ::Global(sel)), Some(first)) = (&head, all_args.first()) {
                    let Some(field) = self.select(sel, first) else { break };
                    head = field;
                    all_args.remove(0);
                }
                if all_args.is_empty() {
                    return head;
                }
                if let Expr::Con(c) = &head {
                    if !top && c.arity() == all_args.len() && all_args.iter().all(is_atom) {
                        return self.constant(&c.clone(), &all_args);
                    }
                }
                Expr::App(Box::new(head), all_args)
            }
            Expr::Lam(vs, body) => Expr::Lam(vs.clone(), Box::new(self.expr(body, false))),
            Expr::Let(bind, body) => {
                let bind = match bind {
                    Bind::NonRec(v, rhs) => Bind::NonRec(v.clone(), Box::new(self.expr(rhs, false))),
                    Bind::Rec(bs) => Bind::Rec(bs.iter().map(|(v, rhs)| (v.clone(), self.expr(rhs, false))).collect()),
                };
                Expr::Let(bind, Box::new(self.expr(body, false)))
            }
            Expr::Case(scrut, b, alts) => Expr::Case(
                Box::new(self.expr(scrut, false)),
                b.clone(),
                alts.iter().map(|a| Alt { con: a.con.clone(), vars: a.vars.clone(), rhs: self.expr(&a.rhs, false) }).collect(),
            ),
        }
    }
}

fn max_unique(e: &Expr) -> u32 {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match e {
        Expr::Var(Occ::Local(v)) => v.unique,
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => 0,
        Expr::App(f, args) => args.iter().map(max_unique).fold(max_unique(f), u32::max),
        Expr::Lam(vs, b) => vs.iter().map(|v| v.unique).fold(max_unique(b), u32::max),
        Expr::Let(Bind::NonRec(v, r), b) => v.unique.max(max_unique(r)).max(max_unique(b)),
        Expr::Let(Bind::Rec(bs), b) => bs.iter().map(|(v, r)| v.unique.max(max_unique(r))).fold(max_unique(b), u32::max),
        Expr::Case(s, b, alts) => alts
            .iter()
            .map(|a| a.vars.iter().map(|v| v.unique).fold(max_unique(&a.rhs), u32::max))
            .fold(max_unique(s).max(b.unique), u32::max),
    })
}

/// `\ds -> letrec this = C .. this .. in this`, an instance's dictionary function: it
/// no longer names itself (its methods use `this`), but copying it to a call site only
/// copies an allocation, and unfolding the dictionary functions its methods call in
/// turn multiplied base's code without end.
fn builds_recursive_value(e: &Expr) -> bool {
    let Expr::Lam(_, body) = e else { return false };
    let Expr::Let(Bind::Rec(binds), result) = &**body else { return false };
    matches!(&**result, Expr::Var(Occ::Local(v)) if binds.iter().any(|(b, _)| b.unique == v.unique))
}

fn unfolding_candidate(b: &TopBind) -> bool {
    match &b.expr {
        Expr::Lam(..) => {
            inline::size(&b.expr) <= inline::MAX_UNFOLDING_SIZE
                && !inline::mentions_global(&b.expr, &b.name)
                && !builds_recursive_value(&b.expr)
        }
        Expr::Prim(_) | Expr::Con(_) => true,
        Expr::Var(Occ::Global(g)) => *g != b.name,
        _ => false,
    }
}

/// Simplify a module, using and extending what is known from earlier modules.
pub fn simplify_module(m: &Module, known: &mut Knowledge) -> Module {
    for b in &m.bindings {
        if let Some(sel) = selector_shape(&b.expr) {
            known.selectors.insert(b.name.clone(), sel);
        }
        if let Expr::Con(c) = &b.expr {
            if c.fields.is_empty() {
                known.statics.insert(b.name.clone(), (c.name.clone(), vec![]));
            }
        }
    }
    let mut s = Simplifier { module: m.name.clone(), known, new_bindings: Vec::new(), constants: HashMap::new() };
    let floated: Vec<TopBind> = m
        .bindings
        .iter()
        .map(|b| TopBind { name: b.name.clone(), expr: s.float_dictionary(&b.name, &b.expr).unwrap_or_else(|| b.expr.clone()) })
        .collect();
    let methods = std::mem::take(&mut s.new_bindings);
    let mut bindings: Vec<TopBind> = floated
        .iter()
        .chain(methods.iter())
        .map(|b| TopBind { name: b.name.clone(), expr: s.expr(&b.expr, true) })
        .collect();
    bindings.append(&mut s.new_bindings);

    let mut unfoldings = s.known.unfoldings.clone();
    for b in bindings.iter().filter(|b| unfolding_candidate(b)) {
        unfoldings.insert(b.name.clone(), b.expr.clone());
    }
    let next_unique = bindings.iter().map(|b| max_unique(&b.expr)).max().unwrap_or(0) + 1;
    let mut inliner = inline::Inliner { unfoldings: &unfoldings, statics: &s.known.statics, next_unique };
    let inlined: Vec<TopBind> = bindings
        .iter()
        .map(|b| TopBind { name: b.name.clone(), expr: inliner.expr(&b.expr, &mut HashMap::new(), 0) })
        .collect();
    let mut bindings: Vec<TopBind> = inlined.iter().map(|b| TopBind { name: b.name.clone(), expr: s.expr(&b.expr, true) }).collect();
    bindings.append(&mut s.new_bindings);
    for b in bindings.iter().filter(|b| unfolding_candidate(b)) {
        s.known.unfoldings.insert(b.name.clone(), b.expr.clone());
    }
    Module { name: m.name.clone(), data_cons: m.data_cons.clone(), bindings }
}

#[cfg(test)]
mod tests;
