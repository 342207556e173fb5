//! The desugarer: from the renamed, type-checked program (with the checker's `Elab`) to
//! Core. Dictionaries become ordinary arguments and parameters, pattern matching becomes
//! case trees (see `matcher`), classes and instances become dictionary constructors,
//! selectors and dictionary values, newtypes disappear, literals follow
//! docs/conventions.md. It must not type anything or look at STG beyond `DataCon`,
//! `Var` and `Rep`.

mod classes;
mod expr;
mod matcher;
mod subst;

use crate::core::{self, Bind, TopBind};
use crate::env::Env;
use crate::hir::{self, Unique};
use crate::interface::ValueKind;
use crate::location::SourceMap;
use crate::rename::Supply;
use crate::typecheck::{Dict, Elab, EvVar};
use crate::types::Name;
use bhc_stg::{DataCon, Global, Lit, Occ, Rep, Var};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

pub struct Desugarer<'a> {
    env: &'a Env,
    elab: &'a Elab,
    module: String,
    supply: Supply,
    /// Local variables that stand for another variable (a pattern variable for the
    /// scrutinee it was matched against).
    renamed: FxHashMap<Unique, Occ>,
    /// Dictionary parameters in scope.
    dict_vars: FxHashMap<EvVar, Var>,
    /// While an instance is desugared: its dictionary function, its context's evidence
    /// and the variable its own dictionary is bound to (see [`SelfDict`]).
    self_dict: Option<SelfDict>,
    srcmap: Rc<SourceMap>,
    /// Globals the module being compiled defines (for base's own names).
    own_globals: FxHashSet<Name>,
    errors: Vec<Diagnostic>,
    reported: FxHashSet<String>,
    /// The spans of the expressions being made functions of their `poly_params`.
    abstracting: FxHashSet<Span>,
}

/// The instance being desugared, for [`Desugarer::own_dict`].
struct SelfDict {
    dict: Name,
    params: Vec<EvVar>,
    this: Var,
}

impl<'a> Desugarer<'a> {
    pub fn new(env: &'a Env, elab: &'a Elab, module: &str, supply: Supply, srcmap: Rc<SourceMap>) -> Desugarer<'a> {
        Desugarer {
            env,
            elab,
            module: module.to_string(),
            supply,
            renamed: FxHashMap::default(),
            dict_vars: FxHashMap::default(),
            self_dict: None,
            srcmap,
            own_globals: elab.top_schemes.keys().cloned().collect(),
            errors: Vec::new(),
            reported: FxHashSet::default(),
            abstracting: FxHashSet::default(),
        }
    }

    fn fresh(&mut self, name: &str, rep: Rep) -> Var {
        Var { name: Rc::from(name), unique: self.supply.unique(), rep }
    }

    fn var_of(&self, b: &hir::Binder) -> Var {
        Var { name: b.name.clone(), unique: b.unique, rep: self.elab.rep(b.unique) }
    }

    fn local(&self, u: Unique, name: &Rc<str>) -> Occ {
        match self.renamed.get(&u) {
            Some(o) => o.clone(),
            None => Occ::Local(Var { name: name.clone(), unique: u, rep: self.elab.rep(u) }),
        }
    }

    fn internal(&mut self, message: String, span: Span) {
        if self.reported.insert(message.clone()) {
            self.errors.push(Diagnostic::new("E0199", message, span, "needed here"));
        }
    }

    /// A constructor of base (`I#`, `C#`, `True`, ...).
    fn prelude_con(&mut self, bare: &str, span: Span) -> Option<DataCon> {
        let name = format!("Prelude.{bare}");
        match self.env.values.get(name.as_str()).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => Some(c.data_con.clone()),
            _ => {
                self.internal(
                    format!("internal: base does not define the constructor `{name}`, which the desugarer needs"),
                    span,
                );
                None
            }
        }
    }

    fn con(&mut self, name: &str, span: Span) -> Option<DataCon> {
        match self.env.values.get(name).map(|v| &v.kind) {
            Some(ValueKind::Con(c)) => Some(c.data_con.clone()),
            _ => {
                self.internal(format!("internal: unknown constructor `{name}`"), span);
                None
            }
        }
    }

    fn is_newtype_con(&self, name: &str) -> bool {
        matches!(self.env.values.get(name).map(|v| &v.kind), Some(ValueKind::Con(c)) if c.newtype)
    }

    /// A function of base the desugaring relies on (`patError`, `unpackCString#`, ...).
    fn prelude_global(&mut self, bare: &str, span: Span) -> core::Expr {
        let name: Name = Rc::from(format!("Prelude.{bare}"));
        if !self.env.values.contains_key(&name) && !self.own_globals.contains(&name) {
            self.internal(format!("internal: base does not define `{name}`, which the desugarer needs"), span);
        }
        core::Expr::Var(Occ::Global(Global(name)))
    }

    fn global(name: &Name) -> core::Expr {
        core::Expr::Var(Occ::Global(Global(name.clone())))
    }

    fn string_lit(s: &str) -> core::Expr {
        core::Expr::Lit(Lit::String(Rc::from(s.as_bytes())))
    }

    /// `patError "<location>: <what>"#`.
    fn pat_error(&mut self, span: Span, what: &str) -> core::Expr {
        let f = self.prelude_global("patError", span);
        let msg = format!("{}: {what}", self.srcmap.describe(span));
        core::Expr::App(Box::new(f), vec![Self::string_lit(&msg)])
    }

    /// The Core expression for a piece of evidence.
    fn dict(&mut self, ev: EvVar) -> core::Expr {
        let ev = self.resolve_alias(ev);
        match self.elab.ev_binds.get(&ev) {
            Some(Dict::Inst { dict, args }) => {
                if let Some(this) = self.own_dict(dict, args) {
                    return core::Expr::Var(Occ::Local(this));
                }
                let f = Self::global(dict);
                if args.is_empty() {
                    return f;
                }
                let args: Vec<core::Expr> = args.clone().into_iter().map(|a| self.dict(a)).collect();
                core::Expr::App(Box::new(f), args)
            }
            Some(Dict::Typeable { tycon, args }) => {
                let (tycon, args) = (tycon.clone(), args.clone());
                self.typeable_dict(&tycon, &args)
            }
            Some(Dict::Super { of, class, index }) => {
                let sel: Name = Rc::from(classes::super_selector(class, *index));
                let d = self.dict(*of);
                core::Expr::App(Box::new(Self::global(&sel)), vec![d])
            }
            Some(Dict::Alias(_)) | None => match self.dict_vars.get(&ev) {
                Some(v) => core::Expr::Var(Occ::Local(v.clone())),
                None => {
                    self.internal(format!("internal: dictionary {ev} is not in scope"), Span::default());
                    core::Expr::Var(Occ::Global(Global(Rc::from("?"))))
                }
            },
        }
    }

    /// Inside `instance C a => C [a]`, the methods' recursive uses of `C [a]` would
    /// apply the dictionary function to the instance's own context again and so build a
    /// new dictionary at every recursive call (`compare xs ys` in `Ord [a]` allocated
    /// one per list element). That application is the dictionary being defined, so it
    /// is replaced by the variable bound to it, as GHC does.
    fn own_dict(&self, dict: &Name, args: &[EvVar]) -> Option<Var> {
        let own = self.self_dict.as_ref().filter(|own| own.dict == *dict && own.params.len() == args.len())?;
        let same = args.iter().zip(&own.params).all(|(arg, param)| self.resolve_alias(*arg) == *param);
        same.then(|| own.this.clone())
    }

    /// The evidence at the end of a chain of aliases.
    fn resolve_alias(&self, ev: EvVar) -> EvVar {
        let mut ev = ev;
        while let Some(Dict::Alias(next)) = self.elab.ev_binds.get(&ev) {
            ev = *next;
        }
        ev
    }

    /// The instance dictionary a piece of evidence resolves to directly, if any.
    fn dict_instance(&self, ev: EvVar) -> Option<&Name> {
        match self.elab.ev_binds.get(&self.resolve_alias(ev))? {
            Dict::Inst { dict, .. } => Some(dict),
            Dict::Alias(_) | Dict::Super { .. } | Dict::Typeable { .. } => None,
        }
    }

    /// The dictionary of `instance <class> <tycon>` (e.g. `Num Int`), if base has it.
    fn instance_dict(&self, class: &str, tycon: &str) -> Option<&Name> {
        self.env.instance_for(class, tycon).map(|i| &i.dict)
    }

    /// Binds dictionary parameters to fresh variables for the extent of a body.
    fn dict_params(&mut self, evs: &[EvVar]) -> Vec<Var> {
        evs.iter()
            .map(|ev| {
                let v = self.fresh("dict", Rep::Ptr);
                self.dict_vars.insert(*ev, v.clone());
                v
            })
            .collect()
    }

    /// A binding group in dependency order.
    fn binds(&mut self, binds: &hir::Binds) -> Vec<Bind> {
        let order = self
            .elab
            .groups
            .get(&binds.id)
            .cloned()
            .unwrap_or_else(|| (0..binds.binds.len()).map(|i| (vec![i], true)).collect());
        let mut out = Vec::new();
        for (comp, rec) in order {
            let mut pairs = Vec::new();
            for i in comp {
                if let Some(b) = binds.binds.get(i) {
                    pairs.extend(self.bind_pairs(b));
                }
            }
            if !rec && pairs.len() == 1 {
                if let Some((v, e)) = pairs.pop() {
                    out.push(Bind::NonRec(v, Box::new(e)));
                }
            } else if !pairs.is_empty() {
                out.push(Bind::Rec(pairs));
            }
        }
        out
    }

    /// Wraps `body` in the bindings; an unboxed non-recursive binding is evaluated
    /// strictly (a `case`), as no closure can hold it.
    fn wrap_binds(binds: Vec<Bind>, body: core::Expr) -> core::Expr {
        binds.into_iter().rev().fold(body, |acc, b| match b {
            Bind::NonRec(v, e) if v.rep != Rep::Ptr => {
                core::Expr::Case(e, v, vec![core::Alt { con: core::AltCon::Default, vars: Vec::new(), rhs: acc }])
            }
            b => core::Expr::Let(b, Box::new(acc)),
        })
    }

    fn bind_pairs(&mut self, b: &hir::Bind) -> Vec<(Var, core::Expr)> {
        match b {
            hir::Bind::Fun { binder, matches, span } => {
                let e = self.fun(binder, matches, *span);
                vec![(self.var_of(binder), e)]
            }
            hir::Bind::Pat { pat, rhs, binder, span } => {
                let whole = self.var_of(binder);
                let fail = self.pat_error(*span, "Non-exhaustive patterns in pattern binding");
                let value = self.rhs(rhs, fail);
                let mut out = vec![(whole.clone(), value)];
                // At top level the whole value is a global; the selectors scrutinise it
                // through a local of their own.
                let scrut = binder.global.as_ref().map(Self::global);
                let mut bs = Vec::new();
                pat.binders(&mut bs);
                for y in bs {
                    let fail = self.pat_error(*span, "Irrefutable pattern failed");
                    let sel = match &scrut {
                        Some(g) => {
                            let v = self.fresh("pat", Rep::Ptr);
                            let sel = self.selector(&v, pat, y, fail);
                            scrutinise(g.clone(), v, sel)
                        }
                        None => self.selector(&whole, pat, y, fail),
                    };
                    out.push((self.var_of(y), sel));
                }
                out
            }
        }
    }

    /// A function binding: dictionary parameters, then the clauses' arguments.
    fn fun(&mut self, binder: &hir::Binder, matches: &[hir::Match], span: Span) -> core::Expr {
        let evs = self.elab.bind_params.get(&binder.unique).cloned().unwrap_or_default();
        let dicts = self.dict_params(&evs);
        let what = format!("Non-exhaustive patterns in function {}", binder.name);
        let body = self.clauses(matches, span, &what);
        lambda(dicts, body)
    }

    /// The top-level bindings of a module, in any order (they form one recursive group).
    fn top_binds(&mut self, binds: &hir::Binds) -> Vec<TopBind> {
        let mut out = Vec::new();
        for b in &binds.binds {
            for (v, e) in self.bind_pairs(b) {
                let name = self.top_name(b, &v);
                out.push(TopBind { name: Global(name), expr: e });
            }
        }
        out
    }

    fn top_name(&self, b: &hir::Bind, v: &Var) -> Name {
        let mut all: Vec<&hir::Binder> = Vec::new();
        match b {
            hir::Bind::Fun { binder, .. } => all.push(binder),
            hir::Bind::Pat { pat, binder, .. } => {
                all.push(binder);
                pat.binders(&mut all);
            }
        }
        all.iter()
            .find(|x| x.unique == v.unique)
            .and_then(|x| x.global.clone())
            .unwrap_or_else(|| Rc::from(format!("{}.{}", self.module, v.name)))
    }
}

/// `case scrut of v -> body`, merged with a body that begins by scrutinising `v`.
fn scrutinise(scrut: core::Expr, v: Var, body: core::Expr) -> core::Expr {
    match body {
        core::Expr::Case(inner, _, alts) if matches!(&*inner, core::Expr::Var(Occ::Local(x)) if x.unique == v.unique) => {
            core::Expr::Case(Box::new(scrut), v, alts)
        }
        body => core::Expr::Case(
            Box::new(scrut),
            v,
            vec![core::Alt { con: core::AltCon::Default, vars: Vec::new(), rhs: body }],
        ),
    }
}

/// `\params -> body`, merged with the body's own lambda.
fn lambda(mut params: Vec<Var>, body: core::Expr) -> core::Expr {
    if params.is_empty() {
        return body;
    }
    match body {
        core::Expr::Lam(inner, b) => {
            params.extend(inner);
            core::Expr::Lam(params, b)
        }
        b => core::Expr::Lam(params, Box::new(b)),
    }
}

/// Desugars a checked module into Core.
pub fn desugar_module(
    m: &hir::Module,
    env: &Env,
    elab: &Elab,
    supply: Supply,
    srcmap: Rc<SourceMap>,
    is_base: bool,
) -> Result<core::Module, Vec<Diagnostic>> {
    let mut d = Desugarer::new(env, elab, &m.name, supply, srcmap);
    let mut bindings = d.top_binds(&m.binds);
    bindings.extend(d.classes(&m.classes));
    bindings.extend(d.instances(&m.instances));
    bindings.extend(d.field_selectors(&m.data));
    let data_cons = d.data_cons(m, is_base);
    if d.errors.is_empty() {
        Ok(core::Module { name: m.name.clone(), data_cons, bindings })
    } else {
        Err(d.errors)
    }
}

/// Desugars a REPL expression; returns the expression and the supply after it.
pub fn desugar_expr(
    e: &hir::Expr,
    env: &Env,
    elab: &Elab,
    supply: Supply,
    module: &str,
) -> Result<core::Expr, Vec<Diagnostic>> {
    let srcmap = Rc::new(SourceMap::new("<interactive>", ""));
    let mut d = Desugarer::new(env, elab, module, supply, srcmap);
    let out = d.expr(e);
    if d.errors.is_empty() {
        Ok(out)
    } else {
        Err(d.errors)
    }
}
