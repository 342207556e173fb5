//! bhc's middle: from a parsed module to STG. Renaming (scopes, imports, fixity
//! resolution), type checking (Hindley–Milner with type classes by dictionary passing),
//! desugaring into Core, and lowering Core to STG. Nothing here runs code or prints.

pub mod core;
pub mod lower;
