//! The renamed program: what the renamer produces and the type checker and desugarer
//! consume. Every name is resolved (locals carry a module-wide unique, globals their
//! original name), operator chains are resolved into applications, and the purely
//! syntactic sugar (if, do, sections, list/tuple syntax, enumerations, comprehensions,
//! negation, literals) is already expressed with the core forms below and Prelude names.
//! What remains is what typing or elaboration must see. This module defines data only.

use crate::types::Name;
use bhc_stg::PrimOp;
use bhc_syntax::ast::Span;
use rustc_hash::FxHashMap;
use std::rc::Rc;

pub type Unique = u32;

/// A binding occurrence of a local or top-level variable.
#[derive(Clone, Debug, PartialEq)]
pub struct Binder {
    pub name: Rc<str>,
    pub unique: Unique,
    /// The original name when the binder is a top-level definition.
    pub global: Option<Name>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Local(Unique),
    Global(Name),
}

/// A variable occurrence. `id` keys the type checker's evidence for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Occ {
    pub id: u32,
    pub target: Target,
    pub name: Rc<str>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    /// A literal of type `Integer` (overloaded literals are `fromInteger` applied to it).
    Integer(i128),
    /// An `Integer` literal beyond `i128`, as decimal digits (with an optional `-`).
    BigInteger(Rc<str>),
    /// A fractional literal of type `Rational` (overloaded ones are `fromRational`
    /// applied to it): `num / den` in lowest terms, each an `Integer` or `BigInteger`
    /// literal, and the nearest `Double`.
    Rational { num: Box<Lit>, den: Box<Lit>, double: f64 },
    /// A fractional literal typed `Double`: only while base lacks `fromRational`.
    Frac(f64),
    Char(char),
    String(Rc<str>),
    PrimInt(i64),
    PrimChar(char),
    PrimString(Rc<[u8]>),
    PrimDouble(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Var(Occ),
    Con(Name, Span),
    Prim(PrimOp, Span),
    Lit(Lit, Span),
    App(Box<Expr>, Box<Expr>, Span),
    Lam(Vec<Pat>, Box<Expr>, Span),
    Let(Box<Binds>, Box<Expr>, Span),
    Case(Box<Expr>, Vec<Alt>, Span),
    /// `e :: t`; `id` keys the checker's elaboration (abstraction and instantiation).
    Typed(Box<Expr>, Box<SigType>, u32, Span),
    /// `C { f = e }` and `e { f = e' }` need the constructor's fields; they stay explicit.
    RecordCon(Name, Vec<(Name, Expr)>, Span),
    RecordUpdate(Box<Expr>, Vec<(Name, Expr)>, Span),
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Var(o) => o.span,
            Expr::Con(_, s)
            | Expr::Prim(_, s)
            | Expr::Lit(_, s)
            | Expr::App(_, _, s)
            | Expr::Lam(_, _, s)
            | Expr::Let(_, _, s)
            | Expr::Case(_, _, s)
            | Expr::Typed(_, _, _, s)
            | Expr::RecordCon(_, _, s)
            | Expr::RecordUpdate(_, _, s) => *s,
        }
    }

    pub fn app(f: Expr, a: Expr) -> Expr {
        let span = f.span().to(a.span());
        Expr::App(Box::new(f), Box::new(a), span)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pat {
    Var(Binder),
    /// `_`; the binder gives the position a type for the desugarer.
    Wild(Binder),
    /// A literal compared directly: characters, strings' characters and MagicHash literals.
    Lit(Lit, Span),
    /// An overloaded numeric literal, matched with `==` against `fromInteger lit` (or
    /// against a `Double` literal, for fractional ones, when `from` is `None`).
    NumLit {
        lit: Lit,
        eq: Occ,
        from: Option<Occ>,
        span: Span,
    },
    Con(Name, Vec<Pat>, Span),
    As(Binder, Box<Pat>, Span),
    Lazy(Box<Pat>, Span),
    Bang(Box<Pat>, Span),
}

impl Pat {
    pub fn span(&self) -> Span {
        match self {
            Pat::Var(b) | Pat::Wild(b) => b.span,
            Pat::Lit(_, s)
            | Pat::NumLit { span: s, .. }
            | Pat::Con(_, _, s)
            | Pat::As(_, _, s)
            | Pat::Lazy(_, s)
            | Pat::Bang(_, s) => *s,
        }
    }

    /// Every variable the pattern binds, left to right.
    pub fn binders<'a>(&'a self, out: &mut Vec<&'a Binder>) {
        let mut stack = vec![self];
        while let Some(p) = stack.pop() {
            match p {
                Pat::Var(b) => out.push(b),
                Pat::As(b, inner, _) => {
                    out.push(b);
                    stack.push(inner);
                }
                Pat::Con(_, ps, _) => stack.extend(ps.iter().rev()),
                Pat::Lazy(inner, _) | Pat::Bang(inner, _) => stack.push(inner),
                Pat::Wild(_) | Pat::Lit(..) | Pat::NumLit { .. } => {}
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alt {
    pub pat: Pat,
    pub rhs: Rhs,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rhs {
    pub body: Body,
    pub wheres: Option<Box<Binds>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Plain(Expr),
    Guarded(Vec<GuardedExpr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GuardedExpr {
    pub guards: Vec<Guard>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Guard {
    Bool(Expr),
    Let(Box<Binds>),
    Bind(Pat, Expr),
}

/// One function clause (or the single clause of a variable binding, with no patterns).
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub pats: Vec<Pat>,
    pub rhs: Rhs,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Bind {
    /// `f p1 .. pn = ...` (n may be 0: `x = e` is a function binding with no arguments
    /// here, restricted by the monomorphism restriction when it has no signature).
    Fun { binder: Binder, matches: Vec<Match>, span: Span },
    /// `(a, b) = e`: `binder` names the whole value (a generated global at top level).
    Pat { pat: Pat, rhs: Rhs, binder: Binder, span: Span },
}

impl Bind {
    pub fn span(&self) -> Span {
        match self {
            Bind::Fun { span, .. } | Bind::Pat { span, .. } => *span,
        }
    }
}

/// A group of bindings (top level, `let` or `where`) with their signatures, keyed by
/// binder unique. `id` keys the checker's dependency order for the group.
#[derive(Clone, Debug, PartialEq)]
pub struct Binds {
    pub id: u32,
    pub binds: Vec<Bind>,
    pub sigs: FxHashMap<Unique, SigType>,
}

/// A type as written, with names resolved. Type variables stay by name.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    Var(Rc<str>, Span),
    Con(Name, Span),
    App(Box<TypeExpr>, Box<TypeExpr>, Span),
    /// `forall a b. t`: at the top of a signature, the signature's own variables;
    /// anywhere else, a rank-N type, possibly with a context (`forall a. Show a => t`).
    Forall(Vec<Rc<str>>, Vec<ConstraintExpr>, Box<TypeExpr>, Span),
}

impl TypeExpr {
    pub fn span(&self) -> Span {
        match self {
            TypeExpr::Var(_, s) | TypeExpr::Con(_, s) | TypeExpr::App(_, _, s) | TypeExpr::Forall(_, _, _, s) => *s,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstraintExpr {
    pub class: Name,
    pub ty: TypeExpr,
    pub span: Span,
}

/// A signature `ctx => t`; its variables are implicitly quantified.
#[derive(Clone, Debug, PartialEq)]
pub struct SigType {
    pub context: Vec<ConstraintExpr>,
    pub ty: TypeExpr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConDef {
    /// Existentially quantified type variables and the context packed with them.
    pub exists: Vec<Rc<str>>,
    pub context: Vec<ConstraintExpr>,
    pub name: Name,
    pub fields: Vec<(TypeExpr, bool)>,
    pub labels: Vec<Option<Name>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataDef {
    pub name: Name,
    pub params: Vec<Rc<str>>,
    pub newtype: bool,
    pub cons: Vec<ConDef>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SynDef {
    pub name: Name,
    pub params: Vec<Rc<str>>,
    pub rhs: TypeExpr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Name,
    pub param: Rc<str>,
    pub supers: Vec<(Name, Span)>,
    /// Method names with their signatures (the class variable is free in them).
    pub methods: Vec<(Name, SigType)>,
    /// Default method definitions; each binder's `global` is the method's name.
    pub defaults: Vec<Bind>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstDef {
    pub class: Name,
    pub context: Vec<ConstraintExpr>,
    pub head: TypeExpr,
    /// Method definitions; each binder's `global` is the method it implements.
    pub methods: Vec<Bind>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub name: String,
    pub data: Vec<DataDef>,
    pub synonyms: Vec<SynDef>,
    pub classes: Vec<ClassDef>,
    pub instances: Vec<InstDef>,
    pub binds: Binds,
    pub defaults: Option<Vec<TypeExpr>>,
}
