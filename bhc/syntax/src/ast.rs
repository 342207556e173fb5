//! The abstract syntax of Haskell source, as the parser produces it: every node that can be
//! named in a diagnostic carries a `Span`. Operator applications are left unresolved
//! (`Expr::OpChain`, `Pat::OpChain`) because fixities are known only after renaming
//! (Report §10.6). This module defines data only; it must not contain parsing or analysis.

use std::fmt;

/// Byte offsets into one source file, `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A possibly qualified name as written: `map`, `Data.List.map`, `+`, `M.:+:`, `(,)`.
/// `name` holds the bare identifier or operator symbol without parentheses or backquotes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QName {
    pub qualifier: Option<String>,
    pub name: String,
    pub span: Span,
}

impl QName {
    pub fn unqual(name: impl Into<String>, span: Span) -> QName {
        QName { qualifier: None, name: name.into(), span }
    }

    /// Constructor names and type names start with an upper-case letter or `:`, or are
    /// the special syntax `()`, `[]`, `(,)`, `(,,)`, ...
    pub fn is_con(&self) -> bool {
        let c = self.name.chars().next().unwrap_or('a');
        c.is_uppercase() || c == ':' || c == '(' || c == '['
    }

    pub fn is_operator(&self) -> bool {
        self.name.chars().next().is_some_and(|c| !c.is_alphanumeric() && c != '_' && c != '(' && c != '[')
    }
}

impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.qualifier {
            Some(q) => write!(f, "{q}.{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// An unqualified binding occurrence: the name being defined.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// `None` when the header is omitted (then the module is `Main` exporting `main`).
    pub name: Option<Ident>,
    /// `None` when there is no export list (everything is exported).
    pub exports: Option<Vec<Export>>,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Export {
    /// `f`, `T`, `C` (a type or class without its constructors/methods).
    Name(QName),
    /// `T(..)` or `C(..)`.
    AllOf(QName),
    /// `T(A, B)`, `C(m1, m2)`.
    Some(QName, Vec<Ident>),
    /// `module M`.
    Module(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub module: Ident,
    pub qualified: bool,
    pub alias: Option<Ident>,
    /// `Some((hiding, items))` when an import list is given.
    pub items: Option<(bool, Vec<Export>)>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assoc {
    Left,
    Right,
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `f, g :: Ctx => T`
    TypeSig { names: Vec<Ident>, ty: QualType, span: Span },
    /// `infixl 6 +, -`
    Fixity { assoc: Assoc, prec: u8, ops: Vec<Ident>, span: Span },
    /// One clause of a function definition: `f p1 p2 | g = e where ...`, also written
    /// infix (`x <+> y = ...`, ``x `op` y = ...``). Consecutive clauses of the same name
    /// are grouped by the renamer, not the parser.
    FunClause(FunClause),
    /// A pattern binding `(a, b) = e`, or a variable binding `x = e` (a variable binding
    /// is a `PatBind` whose pattern is `Pat::Var`).
    PatBind { pat: Pat, rhs: Rhs, span: Span },
    /// `data` or `newtype`.
    Data(DataDecl),
    /// `type T a = t`
    TypeSyn { name: Ident, params: Vec<Ident>, ty: Type, span: Span },
    Class(ClassDecl),
    Instance(InstanceDecl),
    /// `default (Integer, Double)`
    Default { types: Vec<Type>, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunClause {
    pub name: Ident,
    pub args: Vec<Pat>,
    pub rhs: Rhs,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataDecl {
    pub newtype: bool,
    pub context: Vec<Constraint>,
    pub name: Ident,
    pub params: Vec<Ident>,
    pub cons: Vec<ConDecl>,
    /// Class names in the `deriving` clause.
    pub deriving: Vec<QName>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConDecl {
    /// Existential quantification: `forall e . Exception e => SomeException e` has
    /// `exists = [e]` and a context (accepted in every module, as if the extension were on).
    pub exists: Vec<Ident>,
    pub context: Vec<Constraint>,
    pub name: Ident,
    pub fields: ConFields,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConFields {
    /// `C t1 !t2 t3`, or infix `t1 :+ t2` (then `infix` is true and there are two fields).
    Positional { fields: Vec<(bool, Type)>, infix: bool },
    /// `C { a, b :: t1, c :: !t2 }`: each group of names shares a type and strictness.
    Record(Vec<(Vec<Ident>, bool, Type)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDecl {
    pub context: Vec<Constraint>,
    pub name: Ident,
    pub param: Ident,
    /// Method signatures, fixity declarations and default method definitions.
    pub decls: Vec<Decl>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstanceDecl {
    pub context: Vec<Constraint>,
    pub class: QName,
    /// The instance head type, e.g. `Maybe a`, `[a]`, `Int`, `(a, b)`.
    pub ty: Type,
    /// Method definitions (`FunClause` and `PatBind` only).
    pub decls: Vec<Decl>,
    pub span: Span,
}

/// `Eq a`, or `Functor f`, or (Haskell 2010) `C (f a)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    pub class: QName,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QualType {
    pub context: Vec<Constraint>,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    Var(Ident),
    /// A type constructor: `Int`, `Maybe`, `M.T`, and the special `()`, `[]`, `(->)`,
    /// `(,)`. `Int#` etc. appear only in base.
    Con(QName),
    App(Box<Type>, Box<Type>, Span),
    Fun(Box<Type>, Box<Type>, Span),
    /// `[t]`
    List(Box<Type>, Span),
    /// `(t1, t2, ...)` with at least two components.
    Tuple(Vec<Type>, Span),
    /// `forall a b. t` (RankNTypes): at the top of a signature, or as an argument type
    /// like `runST`'s `(forall s. ST s a) -> a`. Always parsed, as GHC does with the
    /// extension on. A nested one may have a context: `(forall a. Show a => a -> String)`
    /// (empty at the top of a signature, whose context is the `QualType`'s).
    Forall(Vec<Ident>, Vec<Constraint>, Box<Type>, Span),
}

impl Type {
    pub fn span(&self) -> Span {
        match self {
            Type::Var(i) => i.span,
            Type::Con(q) => q.span,
            Type::App(_, _, s) | Type::Fun(_, _, s) | Type::List(_, s) | Type::Tuple(_, s) | Type::Forall(_, _, _, s) => *s,
        }
    }
}

/// The right-hand side of a function clause, pattern binding or case alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Rhs {
    pub body: RhsBody,
    /// The `where` bindings (empty when there is no `where`).
    pub wheres: Vec<Decl>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RhsBody {
    /// `= e` (or `-> e` in a case alternative)
    Plain(Expr),
    /// `| g1, g2 = e1 | g3 = e2`: each guard list is a sequence of pattern guards
    /// (`Stmt::Bind`), local bindings (`Stmt::Let`) and boolean guards (`Stmt::Expr`).
    Guarded(Vec<GuardedRhs>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GuardedRhs {
    pub guards: Vec<Stmt>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// An integer literal, decimal, hex or octal, already converted. Values beyond
    /// 128 bits are kept as decimal text.
    Int(i128),
    BigInt(String),
    /// A fractional literal: its source text (digits, '.', exponent), for exact conversion.
    Frac(String),
    Char(char),
    String(String),
    /// MagicHash literals, used only in base: `1#`, `'c'#`, `"text"#`, `1.5##`.
    PrimInt(i64),
    PrimChar(char),
    PrimString(Vec<u8>),
    PrimDouble(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A variable, including a parenthesised operator `(+)` or qualified `M.f`.
    Var(QName),
    /// A constructor, including `()`, `[]`, `(,)`, `(:)`.
    Con(QName),
    Lit(Literal, Span),
    App(Box<Expr>, Box<Expr>, Span),
    /// An unresolved infix expression `e1 op1 e2 op2 e3 ...`, possibly starting with a
    /// prefix minus. The renamer resolves it with the fixities in scope.
    OpChain(Vec<OpElem>, Span),
    /// `\p1 p2 -> e`
    Lambda(Vec<Pat>, Box<Expr>, Span),
    Let(Vec<Decl>, Box<Expr>, Span),
    If(Box<Expr>, Box<Expr>, Box<Expr>, Span),
    Case(Box<Expr>, Vec<Alt>, Span),
    Do(Vec<Stmt>, Span),
    /// `(e1, e2, ...)`, at least two components.
    Tuple(Vec<Expr>, Span),
    /// `[e1, e2, ...]`, possibly empty.
    List(Vec<Expr>, Span),
    /// `[from ..]`, `[from, then ..]`, `[from .. to]`, `[from, then .. to]`
    EnumFrom { from: Box<Expr>, then: Option<Box<Expr>>, to: Option<Box<Expr>>, span: Span },
    /// `[e | quals]`
    ListComp(Box<Expr>, Vec<Stmt>, Span),
    /// `(e op)`: `op` is a variable/constructor operator or a backquoted name.
    LeftSection(Box<Expr>, QName, Span),
    /// `(op e)`; never `(- e)`, which is a negation.
    RightSection(QName, Box<Expr>, Span),
    /// `e :: t`
    Typed(Box<Expr>, QualType, Span),
    /// `C { f1 = e1, f2 = e2 }`
    RecordCon(QName, Vec<(QName, Expr)>, Span),
    /// `e { f1 = e1 }`
    RecordUpdate(Box<Expr>, Vec<(QName, Expr)>, Span),
    /// A parenthesised expression. Kept so that diagnostics and fixity resolution can
    /// tell `(a + b) * c` from `a + b * c`; it has no other meaning.
    Paren(Box<Expr>, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum OpElem {
    Operand(Expr),
    /// An infix operator occurrence: a symbol (`+`, `:`, `M.+`) or a backquoted name.
    Op(QName),
    /// A prefix minus (only at the start of the chain or right after an operator).
    Negate(Span),
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Var(q) | Expr::Con(q) => q.span,
            Expr::Lit(_, s)
            | Expr::App(_, _, s)
            | Expr::OpChain(_, s)
            | Expr::Lambda(_, _, s)
            | Expr::Let(_, _, s)
            | Expr::If(_, _, _, s)
            | Expr::Case(_, _, s)
            | Expr::Do(_, s)
            | Expr::Tuple(_, s)
            | Expr::List(_, s)
            | Expr::ListComp(_, _, s)
            | Expr::LeftSection(_, _, s)
            | Expr::RightSection(_, _, s)
            | Expr::Typed(_, _, s)
            | Expr::RecordCon(_, _, s)
            | Expr::RecordUpdate(_, _, s)
            | Expr::Paren(_, s) => *s,
            Expr::EnumFrom { span, .. } => *span,
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
pub enum Stmt {
    /// `p <- e`
    Bind(Pat, Expr, Span),
    /// `let decls`
    Let(Vec<Decl>, Span),
    /// `e`
    Expr(Expr, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pat {
    Var(Ident),
    Wildcard(Span),
    /// A literal pattern; negative numeric literals (`-1`) are folded in by the parser.
    Lit(Literal, Span),
    /// `C p1 p2`, also `()`, `[]`, and qualified constructors.
    Con(QName, Vec<Pat>, Span),
    /// An unresolved infix pattern `p1 :+ p2 : p3`; only constructor operators occur.
    OpChain(Vec<PatElem>, Span),
    /// `(p1, p2, ...)`, at least two.
    Tuple(Vec<Pat>, Span),
    /// `[p1, p2]`
    List(Vec<Pat>, Span),
    /// `x@p`
    As(Ident, Box<Pat>, Span),
    /// `~p`
    Lazy(Box<Pat>, Span),
    /// `!p` (only in base, for now)
    Bang(Box<Pat>, Span),
    /// `C { f1 = p1, f2 }` (a field name alone is not Haskell 2010 and is rejected).
    Record(QName, Vec<(QName, Pat)>, Span),
    Paren(Box<Pat>, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatElem {
    Operand(Pat),
    Op(QName),
}

impl Pat {
    pub fn span(&self) -> Span {
        match self {
            Pat::Var(i) => i.span,
            Pat::Wildcard(s)
            | Pat::Lit(_, s)
            | Pat::Con(_, _, s)
            | Pat::OpChain(_, s)
            | Pat::Tuple(_, s)
            | Pat::List(_, s)
            | Pat::As(_, _, s)
            | Pat::Lazy(_, s)
            | Pat::Bang(_, s)
            | Pat::Record(_, _, s)
            | Pat::Paren(_, s) => *s,
        }
    }
}
