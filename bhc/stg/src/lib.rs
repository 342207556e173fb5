//! The STG language: the contract between the front end (which produces it) and the
//! back ends (the byte-code compiler today, native code later).
//!
//! STG here is A-normal form: every argument is an atom (a variable or a literal),
//! constructor applications and primop calls are saturated, every closure lists its free
//! variables and says whether it is updatable. `case` always evaluates its scrutinee to
//! weak head normal form. This crate only defines the language and prints it; it must not
//! know how any back end represents closures.

mod primop;
mod pretty;

pub use primop::PrimOp;

use std::fmt;
use std::rc::Rc;

/// How a value is represented at run time. Everything lifted is a `Ptr` to a heap
/// closure; the others are unboxed machine values that live in non-pointer stack slots
/// and non-pointer constructor fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rep {
    /// A pointer to a heap closure (any lifted type: `Int`, `[a]`, functions, ...).
    Ptr,
    /// `Int#`: a signed 64-bit machine integer.
    Int,
    /// `Char#`: a Unicode scalar value, held in a 64-bit word.
    Char,
    /// `Double#`: an IEEE double, held in a 64-bit word.
    Double,
    /// `Addr#`: an address of immutable, non-moving bytes (string literals).
    Addr,
}

/// A local variable. `unique` distinguishes shadowed names; `name` is for printing only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Var {
    pub name: Rc<str>,
    pub unique: u32,
    pub rep: Rep,
}

/// A top-level name, qualified by its module: `Prelude.map`, `Main.main`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Global(pub Rc<str>);

/// Something a variable occurrence can refer to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Occ {
    Local(Var),
    Global(Global),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    Int(i64),
    Char(char),
    Double(f64),
    /// An `Addr#` pointing at these bytes, NUL-terminated by the back end.
    String(Rc<[u8]>),
}

impl Lit {
    pub fn rep(&self) -> Rep {
        match self {
            Lit::Int(_) => Rep::Int,
            Lit::Char(_) => Rep::Char,
            Lit::Double(_) => Rep::Double,
            Lit::String(_) => Rep::Addr,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Atom {
    Occ(Occ),
    Lit(Lit),
}

/// A data constructor as the back end needs to know it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DataCon {
    /// Qualified name, e.g. `Prelude.Just`, `Prelude.:`, `Prelude.(,)`.
    pub name: Global,
    /// 0-based position among its type's constructors, in declaration order.
    pub tag: u32,
    /// How many constructors the type has.
    pub family_size: u32,
    /// The representation of each field, in source order. The back end reorders them
    /// (pointers first) when it lays out the heap object.
    pub fields: Vec<Rep>,
}

impl DataCon {
    pub fn arity(&self) -> usize {
        self.fields.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateFlag {
    /// A thunk: overwritten with its value after the first evaluation.
    Updatable,
    /// A function, or a thunk that must not be shared (not produced today).
    Reentrant,
}

/// The right-hand side of a `let` or top-level binding.
#[derive(Clone, Debug, PartialEq)]
pub enum Rhs {
    /// A closure. `params` empty means a thunk (`update` = Updatable); non-empty means
    /// a function of that arity. `free` lists the local variables the body uses that are
    /// bound outside it (never globals); it is empty for top-level closures.
    Closure {
        free: Vec<Var>,
        update: UpdateFlag,
        params: Vec<Var>,
        body: Box<Expr>,
    },
    /// A saturated constructor application, allocated directly.
    Con { con: DataCon, args: Vec<Atom> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// Apply a function (known or unknown) to arguments. With no arguments this
    /// evaluates (enters) the variable; if the variable is unboxed (`rep != Ptr`) it
    /// returns its value.
    App { fun: Occ, args: Vec<Atom> },
    /// A saturated constructor application, as the value of this expression.
    Con { con: DataCon, args: Vec<Atom> },
    /// A saturated primop call. See `PrimOp` for which ones take lifted arguments.
    Prim { op: PrimOp, args: Vec<Atom> },
    /// An unboxed literal as the value of this expression.
    Lit(Lit),
    /// Allocate closures, then continue. `rec` bindings may refer to each other.
    Let {
        rec: bool,
        binds: Vec<(Var, Rhs)>,
        body: Box<Expr>,
    },
    /// Evaluate `scrut`, bind its value to `binder`, and choose an alternative.
    Case {
        scrut: Box<Expr>,
        binder: Var,
        alts: Alts,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Alts {
    /// Scrutinee is a lifted algebraic value. Alternatives bind the constructor's fields
    /// (in source order). `default` covers every constructor not listed.
    Algebraic {
        alts: Vec<(DataCon, Vec<Var>, Expr)>,
        default: Option<Box<Expr>>,
    },
    /// Scrutinee is an unboxed value; alternatives compare it with literals.
    Prim {
        alts: Vec<(Lit, Expr)>,
        default: Option<Box<Expr>>,
    },
    /// Only force the scrutinee (a lifted value of any type, or a polymorphic one) and
    /// continue with the body, e.g. for `seq`.
    Default(Box<Expr>),
}

/// A top-level binding. Its free variables are empty: it may mention only globals.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub name: Global,
    pub rhs: Rhs,
}

/// One compiled module in STG form.
#[derive(Clone, Debug, PartialEq, Default)]
///
/// The lowering emits, for every nullary constructor a module declares, a top-level
/// binding named exactly like the constructor (`Prelude.True = Rhs::Con True []`), so a
/// nullary constructor can be used as an atom through that global.
pub struct Module {
    pub name: String,
    /// Every data constructor this module declares (including nullary ones and those of
    /// newtypes that survived, though today the front end erases newtypes).
    pub data_cons: Vec<DataCon>,
    pub bindings: Vec<Binding>,
}

impl fmt::Display for Var {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}_{}", self.name, self.unique)
    }
}

impl fmt::Display for Global {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
