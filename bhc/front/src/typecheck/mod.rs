//! The type checker: Hindley–Milner with let-polymorphism over dependency-ordered
//! binding groups, explicit signatures, type classes elaborated into dictionary
//! passing, the monomorphism restriction and defaulting (Report §4.3.4, and GHCi's
//! extended rules at the REPL). It annotates the renamed program through `Elab`
//! (side tables keyed by binder uniques and occurrence ids) and extends the `Env` with
//! the module's declarations. It must not build Core.

mod binds;
mod convert;
mod decls;
mod expr;
mod instances;
mod kinds;
#[cfg(test)]
mod rank_tests;
mod solve;
mod unify;
mod unresolved;

use crate::env::Env;
use crate::hir::{self, Target, Unique};
use crate::rename::Supply;
use crate::types::{Name, Pred, Scheme, Type};
use bhc_stg::Rep;
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use rustc_hash::FxHashMap;
use std::rc::Rc;
use unify::MetaSlot;

pub use instances::{CheckedInstance, MethodImpl};

/// A dictionary variable: evidence that a class constraint holds.
pub type EvVar = u32;

/// How the checker proved a constraint. Evidence not in `Elab::ev_binds` is a
/// dictionary parameter, bound by the binding or instance that abstracts over it.
#[derive(Clone, Debug, PartialEq)]
pub enum Dict {
    /// An instance's dictionary applied to the evidence for its context.
    Inst { dict: Name, args: Vec<EvVar> },
    /// The superclass field `index` of another dictionary of class `class`.
    Super { of: EvVar, class: Name, index: usize },
    /// The same evidence as another variable.
    Alias(EvVar),
    /// `Typeable t` for `t = tycon a1 .. an`, built by the checker itself (no instances
    /// exist): `TypeRep "<tycon>" [rep a1, .., rep an]` from the arguments' evidence.
    Typeable { tycon: Name, args: Vec<EvVar> },
}

/// The class whose instances the checker builds itself (docs/conventions.md).
pub const TYPEABLE: &str = "Prelude.Typeable";

/// What the checker tells the desugarer about the program.
#[derive(Clone, Debug, Default)]
pub struct Elab {
    /// The dictionary arguments of each variable occurrence (by `Occ::id`), and of each
    /// `e :: t` (by its id) for the instantiation of `t`.
    pub occ_evidence: FxHashMap<u32, Vec<EvVar>>,
    pub ev_binds: FxHashMap<EvVar, Dict>,
    /// The dictionary parameters of each generalised binding (by binder unique) and of
    /// each `e :: t` (by its id).
    pub bind_params: FxHashMap<Unique, Vec<EvVar>>,
    pub typed_params: FxHashMap<u32, Vec<EvVar>>,
    /// The run-time representation of each variable whose type is unboxed.
    pub reps: FxHashMap<Unique, Rep>,
    /// Each local function whose result type is unboxed: how many arguments a call
    /// needs to return it, and its `Rep` (the desugarer makes such calls case
    /// scrutinees).
    pub unboxed_results: FxHashMap<Unique, (usize, Rep)>,
    /// Dependency order of each binding group (by `Binds::id`): strongly connected
    /// components, dependencies first, with whether each is recursive.
    pub groups: FxHashMap<u32, Vec<(Vec<usize>, bool)>>,
    pub instances: Vec<CheckedInstance>,
    /// The inferred type of each top-level binder, by original name.
    pub top_schemes: FxHashMap<Name, Scheme>,
    /// The dictionaries an existential constructor packs where it is applied (`C e`
    /// or `C { .. }`), and those its pattern unpacks, by the constructor's source span:
    /// one source span holds at most one such constructor, and generated code never
    /// mentions one.
    pub con_evidence: FxHashMap<Span, Vec<EvVar>>,
    pub pat_evidence: FxHashMap<Span, Vec<EvVar>>,
    /// The dictionary parameters of each expression checked against a `forall` type
    /// with a context (`show` as the argument of `(forall a. Show a => a -> String) ->
    /// ..`), by the expression's span: the desugarer makes the outermost expression of
    /// that span a function of them.
    pub poly_params: FxHashMap<Span, Vec<EvVar>>,
}

impl Elab {
    pub fn rep(&self, u: Unique) -> Rep {
        self.reps.get(&u).copied().unwrap_or(Rep::Ptr)
    }
}

#[derive(Clone, Debug)]
enum VarType {
    /// Lambda- or pattern-bound: used at exactly this type.
    Mono(Type),
    /// A member of the binding group being inferred: monomorphic inside the group, and
    /// its occurrences get the group's dictionary parameters once they are known.
    InGroup(Type),
    Poly(Scheme),
}

/// A constraint to be solved, with what gave rise to it (for messages).
#[derive(Clone, Debug)]
struct Wanted {
    pred: Pred,
    ev: EvVar,
    span: Span,
    origin: Rc<str>,
}

pub struct Checker<'e> {
    pub env: &'e mut Env,
    pub module: String,
    metas: Vec<MetaSlot>,
    rigid_names: Vec<Rc<str>>,
    level: u32,
    vars: FxHashMap<Target, VarType>,
    /// Occurrences of group members, to receive the group's dictionary parameters.
    group_uses: FxHashMap<Target, Vec<u32>>,
    wanted: Vec<Wanted>,
    givens: Vec<(Pred, EvVar)>,
    next_ev: EvVar,
    /// Types of binders, zonked into `Elab::reps` at the end.
    binder_types: Vec<(Unique, Type)>,
    pub errors: Vec<Diagnostic>,
    pub elab: Elab,
    pub supply: Supply,
    /// The candidate types for defaulting (the module's `default` declaration).
    defaults: Vec<Type>,
    /// GHCi's extended defaulting rules.
    extended_defaulting: bool,
    /// The module's instance declarations as the environment knows them, in order
    /// (`None` for a rejected one).
    own_instances: Vec<Option<crate::interface::InstanceInfo>>,
    /// The rigid type variables bound by existential patterns in the enclosing scopes.
    existentials: Vec<Type>,
    /// Kind variables while kinds are inferred (`Kind::Var` indexes this).
    kind_metas: Vec<Option<crate::types::Kind>>,
    /// The renamer could not resolve some names: bindings that mention one (and those
    /// whose types depend on them) are not checked (see `unresolved`).
    unresolved_names: bool,
    /// The level of each rigid variable made for checking against a `forall` type:
    /// no variable of a shallower level may be unified with a type mentioning it.
    skolem_levels: FxHashMap<u32, u32>,
    /// For those of a `forall` with a context, that `forall` type and its context
    /// (instantiated) as printed, for messages about constraints the context does not
    /// give.
    skolem_foralls: FxHashMap<u32, Rc<(String, String)>>,
}

impl<'e> Checker<'e> {
    pub fn new(env: &'e mut Env, module: &str, supply: Supply) -> Checker<'e> {
        let defaults = vec![Type::con("Prelude.Integer"), Type::con("Prelude.Double")];
        Checker {
            env,
            module: module.to_string(),
            metas: Vec::new(),
            rigid_names: Vec::new(),
            level: 0,
            vars: FxHashMap::default(),
            group_uses: FxHashMap::default(),
            wanted: Vec::new(),
            givens: Vec::new(),
            next_ev: 0,
            binder_types: Vec::new(),
            errors: Vec::new(),
            elab: Elab::default(),
            supply,
            defaults,
            extended_defaulting: false,
            own_instances: Vec::new(),
            existentials: Vec::new(),
            kind_metas: Vec::new(),
            skolem_levels: FxHashMap::default(),
            skolem_foralls: FxHashMap::default(),
            unresolved_names: false,
        }
    }

    /// Whether a binding is left unchecked because it mentions an unresolved name.
    fn unresolved_in(&self, b: &hir::Bind) -> bool {
        self.unresolved_names && unresolved::bind_mentions(b)
    }

    fn fresh_ev(&mut self) -> EvVar {
        self.next_ev += 1;
        self.next_ev
    }

    fn binder_key(b: &hir::Binder) -> Target {
        match &b.global {
            Some(g) => Target::Global(g.clone()),
            None => Target::Local(b.unique),
        }
    }

    fn record_binder(&mut self, b: &hir::Binder, t: &Type) {
        self.binder_types.push((b.unique, t.clone()));
    }

    /// Computes the representations of all binders (call when checking is done).
    fn finish_reps(&mut self) {
        let types = std::mem::take(&mut self.binder_types);
        for (u, t) in types {
            let t = self.zonk(&t);
            let rep = crate::builtins::rep_of(&t);
            if rep != Rep::Ptr {
                self.elab.reps.insert(u, rep);
            }
            if let Some(result) = crate::builtins::unboxed_result(&t) {
                self.elab.unboxed_results.insert(u, result);
            }
        }
    }

    /// A Prelude type by its unqualified name (`Bool`, `Integer`, ...).
    fn prelude_type(&mut self, bare: &str, span: Span) -> Type {
        let name = format!("Prelude.{bare}");
        if !self.env.tycons.contains_key(name.as_str()) {
            self.errors.push(Diagnostic::new(
                "E0199",
                format!("internal: base does not define the type `{name}`, which the type checker needs"),
                span,
                "needed here",
            ));
        }
        Type::con(&name)
    }
}

/// Type-checks a renamed module, extending `env` with its declarations. With
/// `unresolved_names`, the renamer reported names it could not resolve: what depends on
/// them is left unchecked, everything else is checked.
pub fn check_module(
    m: &hir::Module,
    env: &mut Env,
    supply: Supply,
    is_main: bool,
    unresolved_names: bool,
) -> Result<(Elab, Supply), Vec<Diagnostic>> {
    let mut c = Checker::new(env, &m.name, supply);
    c.unresolved_names = unresolved_names;
    c.declarations(m);
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    c.infer_binds(&m.binds);
    c.check_class_defaults(&m.classes);
    c.check_instances(&m.instances);
    if is_main {
        c.check_main(&m.binds);
    }
    c.default_remaining();
    c.record_top_schemes(&m.binds);
    c.finish_reps();
    if c.errors.is_empty() {
        Ok((c.elab, c.supply))
    } else {
        Err(c.errors)
    }
}

/// The result of checking a REPL expression.
pub struct CheckedExpr {
    pub elab: Elab,
    pub supply: Supply,
    /// The expression's type after defaulting.
    pub ty: Type,
    /// The generalised type, for `:type`.
    pub scheme: Scheme,
}

/// How a REPL expression is checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ReplMode {
    /// As an I/O action to run (its type must be `IO t`), with GHCi's defaulting.
    Action,
    /// As a value to print, with GHCi's defaulting.
    Value,
    /// For `:type`: leftover constraints are generalised.
    TypeOnly,
}

/// Type-checks an expression typed at the REPL.
pub fn check_repl_expr(
    e: &hir::Expr,
    env: &mut Env,
    supply: Supply,
    mode: ReplMode,
) -> Result<CheckedExpr, Vec<Diagnostic>> {
    let mut c = Checker::new(env, "Interactive", supply);
    c.extended_defaulting = true;
    c.defaults = vec![Type::tuple(Vec::new()), Type::con("Prelude.Integer"), Type::con("Prelude.Double")];
    c.level = 1;
    let t = c.infer(e);
    if mode == ReplMode::Action {
        let io = c.prelude_type("IO", e.span());
        let want = Type::app(io, c.fresh_meta());
        c.expect(&want, &t, e.span(), "this expression");
    }
    if mode == ReplMode::Value {
        // The value will be printed: GHCi defaults with `Show` among its constraints
        // (so `mempty` is `()`), and so do we.
        let ev = c.fresh_ev();
        let pred = Pred { class: Rc::from("Prelude.Show"), ty: t.clone() };
        c.wanted.push(Wanted { pred, ev, span: e.span(), origin: Rc::from("printing the value") });
    }
    c.level = 0;
    let defaulting = mode != ReplMode::TypeOnly;
    let scheme = if defaulting {
        c.default_remaining();
        Scheme::mono(c.zonk(&t))
    } else {
        c.generalise_expr(&t)
    };
    c.finish_reps();
    let ty = c.close_type(&t);
    if c.errors.is_empty() {
        Ok(CheckedExpr { elab: c.elab, supply: c.supply, ty, scheme })
    } else {
        Err(c.errors)
    }
}

/// The kind of a type written in a scope (a type constructor's name, or any type
/// expression), with unconstrained kind variables defaulted to `*`: the REPL's `:kind`.
pub fn kind_of_type(te: &hir::TypeExpr, env: &mut Env) -> Result<crate::types::Kind, Vec<Diagnostic>> {
    let mut c = Checker::new(env, "Interactive", Supply::default());
    let k = c.kind_of(te);
    c.convert_raw(te, &mut convert::TyVars::open());
    if c.errors.is_empty() {
        Ok(k)
    } else {
        Err(c.errors)
    }
}
