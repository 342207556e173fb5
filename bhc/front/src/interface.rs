//! What one compiled module tells the modules (and the REPL) that use it: the entities it
//! defines or re-exports with their types, its exported and top-level names, fixities and
//! the instances visible in it. Plain data (serialised to `.bhi` by `bhi`); it must not hold
//! anything checker-internal (no meta or rigid type variables).

use crate::types::{Kind, Name, Pred, Scheme, Type};
use bhc_stg::DataCon;
use bhc_syntax::ast::Assoc;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixity {
    pub assoc: Assoc,
    pub prec: u8,
}

impl Fixity {
    /// Report §4.4.2: operators without a fixity declaration are `infixl 9`.
    pub const DEFAULT: Fixity = Fixity { assoc: Assoc::Left, prec: 9 };
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// An ordinary variable (function or value).
    Var,
    Con(ConInfo),
    /// A class method: field `index` among the methods of `class`.
    Method {
        class: Name,
        index: usize,
    },
    /// A record field selector of type `tycon`.
    Field {
        tycon: Name,
    },
    /// A primitive operation (in scope only in base).
    Prim(bhc_stg::PrimOp),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConInfo {
    pub data_con: DataCon,
    pub tycon: Name,
    /// A newtype constructor: erased in Core.
    pub newtype: bool,
    /// Field labels in order (`None` for positional fields).
    pub labels: Vec<Option<Name>>,
    pub strict: Vec<bool>,
    /// Dictionaries packed by an existential constructor's context: the first `dicts`
    /// fields of `data_con`, before the source fields that `labels` and `strict` describe.
    pub dicts: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValueInfo {
    pub name: Name,
    pub scheme: Scheme,
    pub kind: ValueKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TyConInfo {
    pub name: Name,
    pub arity: usize,
    /// Inferred from the declaration (Report §4.6); `arity` is the number of its arrows.
    pub kind: Kind,
    /// Constructors in declaration order.
    pub cons: Vec<Name>,
    /// Field selectors.
    pub fields: Vec<Name>,
    pub newtype: bool,
    /// `type T a b = rhs`: the right-hand side with parameters as `Gen(0)`, `Gen(1)`.
    pub synonym: Option<Type>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassInfo {
    pub name: Name,
    /// The kind of the class's parameter: `*` for `Eq`, `* -> *` for `Functor`.
    pub kind: Kind,
    /// Direct superclasses, in declaration order (their dictionaries come first in ours).
    pub supers: Vec<Name>,
    /// Methods in declaration order (after the superclasses in the dictionary).
    pub methods: Vec<Name>,
    /// Methods that have a default definition (global `$dm<method>` in the class's module).
    pub defaults: Vec<Name>,
    pub dict_con: DataCon,
}

impl ClassInfo {
    pub fn has_default(&self, method: &str) -> bool {
        self.defaults.iter().any(|d| &**d == method)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstanceInfo {
    pub class: Name,
    /// Number of type variables (`Gen(0)` ..) in `head` and `context`.
    pub vars: u32,
    pub head: Type,
    pub context: Vec<Pred>,
    /// The global dictionary (a function of the context's dictionaries).
    pub dict: Name,
}

/// Names as a module sees them: unqualified text to original names, per namespace.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NameTable {
    /// Variables, constructors, methods and fields.
    pub values: BTreeMap<String, Name>,
    /// Type constructors, synonyms and classes.
    pub types: BTreeMap<String, Name>,
}

/// Everything importers of a module need; see the module doc.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Interface {
    pub module: String,
    /// What `import M` brings into scope.
    pub exports: NameTable,
    /// All top-level names of the module (for the REPL's `*M` scope).
    pub top_level: NameTable,
    /// Every entity named by `exports` or `top_level`, by original name.
    pub values: BTreeMap<Name, ValueInfo>,
    pub tycons: BTreeMap<Name, TyConInfo>,
    pub classes: BTreeMap<Name, ClassInfo>,
    pub fixities: BTreeMap<Name, Fixity>,
    /// Every instance visible in the module (its own and those it imported).
    pub instances: Vec<InstanceInfo>,
}
