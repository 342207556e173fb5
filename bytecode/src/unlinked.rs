//! Unlinked byte code: what the compiler produces and the linker consumes. Globals and
//! constructors are still names here; the linker resolves them. Plain data only.

use bhc_stg::{Atom, DataCon, Global};
use std::rc::Rc;

/// A module compiled to byte code.
#[derive(Clone, Debug)]
pub struct CompiledModule {
    pub name: String,
    pub data_cons: Vec<DataCon>,
    pub bindings: Vec<CompiledBinding>,
}

#[derive(Clone, Debug)]
pub struct CompiledBinding {
    pub name: Global,
    pub value: TopValue,
}

/// What a top-level binding becomes when linked.
#[derive(Clone, Debug)]
pub enum TopValue {
    /// A function: the BCO itself is the closure.
    Fun(UnlinkedBco),
    /// A CAF: an AP of a BCO of arity 0, retained while the module is loaded.
    Thunk { bco: UnlinkedBco, updatable: bool },
    /// A static constructor application; the arguments are globals or literals.
    Con { con: DataCon, args: Vec<Atom> },
}

/// One BCO before linking.
#[derive(Clone, Debug)]
pub struct UnlinkedBco {
    /// For the disassembly: the binding and the path of nested closures.
    pub name: String,
    /// Arguments, free variables first; 0 for a case continuation.
    pub arity: u32,
    /// `Some(returns_ptr)` for a case continuation.
    pub continuation: Option<bool>,
    /// Pointer-ness of the arguments (top first) or of a continuation's environment
    /// (nearest the frame header first).
    pub bitmap: Vec<bool>,
    pub max_stack: u32,
    pub max_heap: u32,
    pub code: Vec<u32>,
    pub literals: Vec<Literal>,
    pub ptrs: Vec<PtrRef>,
}

/// A literal word of a BCO.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Int(i64),
    Char(char),
    Double(f64),
    /// An `Addr#`: the linker makes an immortal NUL-terminated copy.
    String(Rc<[u8]>),
    /// A constructor's info pointer.
    ConInfo(DataCon),
    /// A word of an argument bitmap for `CALL`.
    Bitmap(u64),
}

/// An entry of a BCO's pointer array.
#[derive(Clone, Debug)]
pub enum PtrRef {
    Global(Global),
    /// A nested BCO: a closure's code or a case continuation.
    Bco(Box<UnlinkedBco>),
    /// The static closure of a constructor without fields.
    Con(DataCon),
}
