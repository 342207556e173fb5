//! The state of compiling one BCO: the code, literal and pointer tables being built, the
//! variables in scope with their stack positions, the pointer-ness of every stack word,
//! and the running totals of stack and heap use that become the BCO's limits.
//!
//! Stack positions count words from the bottom of the BCO's region (1 = the deepest
//! argument); the offset of position `p` at depth `d` is `d - p`. A case continuation
//! shares its parent's positions. This module emits instructions; it does not choose
//! them (see `expr` and `case`).

use crate::unlinked::{Literal, PtrRef, UnlinkedBco};
use crate::BytecodeError;
use bhc_rts::instr::{Op, Src, SRC_INDEX_MAX};
use bhc_stg::{Atom, DataCon, Global, Lit, Occ, Rep, Var};
use std::collections::HashSet;
use std::rc::Rc;

pub(super) type R<T> = Result<T, BytecodeError>;

#[derive(Clone, Debug)]
pub(super) struct VarSlot {
    unique: u32,
    pub(super) pos: usize,
    pub(super) rep: Rep,
    /// Known to point at a value in WHNF (not a thunk, not an indirection).
    pub(super) evaluated: bool,
}

/// Where to come back to after compiling one branch.
#[derive(Clone, Copy)]
pub(super) struct Snapshot {
    depth: usize,
    scope: usize,
    alloc: usize,
}

pub(super) struct Ctx {
    /// The top-level binding, for error messages.
    pub(super) binding: Rc<str>,
    /// This BCO's name in the disassembly.
    pub(super) name: String,
    pub(super) code: Vec<u32>,
    literals: Vec<Literal>,
    ptrs: Vec<PtrRef>,
    scope: Vec<VarSlot>,
    /// Pointer-ness of each stack position; its length is the current depth.
    slots: Vec<bool>,
    peak: usize,
    alloc: usize,
    max_alloc: usize,
    children: usize,
}

pub(super) fn is_ptr(rep: Rep) -> bool {
    rep == Rep::Ptr
}

impl Ctx {
    pub(super) fn new(binding: Rc<str>, name: String) -> Ctx {
        Ctx {
            binding,
            name,
            code: Vec::new(),
            literals: Vec::new(),
            ptrs: Vec::new(),
            scope: Vec::new(),
            slots: Vec::new(),
            peak: 0,
            alloc: 0,
            max_alloc: 0,
            children: 0,
        }
    }

    /// A context for a nested BCO: a closure (fresh scope) or a case continuation
    /// (`inherit`: the parent's scope and stack positions).
    pub(super) fn child(&mut self, label: &str, inherit: bool) -> Ctx {
        self.children += 1;
        let mut c = Ctx::new(
            self.binding.clone(),
            format!("{}/{}{}", self.name, label, self.children),
        );
        if inherit {
            c.scope = self.scope.clone();
            c.slots = self.slots.clone();
            c.peak = c.slots.len();
        }
        c
    }

    pub(super) fn err<T>(&self, message: impl Into<String>) -> R<T> {
        Err(BytecodeError {
            binding: self.binding.to_string(),
            message: message.into(),
        })
    }

    pub(super) fn depth(&self) -> usize {
        self.slots.len()
    }

    pub(super) fn slot_is_ptr(&self, pos: usize) -> bool {
        self.slots[pos - 1]
    }

    pub(super) fn push_slot(&mut self, ptr: bool) {
        self.slots.push(ptr);
        self.peak = self.peak.max(self.slots.len());
    }

    pub(super) fn pop_slots(&mut self, n: usize) {
        self.slots.truncate(self.slots.len() - n);
    }

    /// Record that the stack reaches `depth` words at some point (transient pushes by
    /// the runtime: apply and catch frames).
    pub(super) fn reach(&mut self, depth: usize) {
        self.peak = self.peak.max(depth);
    }

    pub(super) fn allocate(&mut self, words: usize) {
        self.alloc += words;
        self.max_alloc = self.max_alloc.max(self.alloc);
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            depth: self.depth(),
            scope: self.scope.len(),
            alloc: self.alloc,
        }
    }

    pub(super) fn restore(&mut self, s: Snapshot) {
        self.slots.truncate(s.depth);
        self.scope.truncate(s.scope);
        self.alloc = s.alloc;
    }

    pub(super) fn bind(&mut self, v: &Var, pos: usize, evaluated: bool) {
        self.scope.push(VarSlot {
            unique: v.unique,
            pos,
            rep: v.rep,
            evaluated,
        });
    }

    pub(super) fn lookup(&self, v: &Var) -> R<VarSlot> {
        match self.scope.iter().rev().find(|s| s.unique == v.unique) {
            Some(s) => Ok(s.clone()),
            None => self.err(format!("variable {v} is not in scope")),
        }
    }

    /// The stack positions of the variables in scope whose uniques are in `uniques`.
    pub(super) fn positions_of(&self, uniques: &HashSet<u32>) -> HashSet<usize> {
        self.scope
            .iter()
            .filter(|v| uniques.contains(&v.unique))
            .map(|v| v.pos)
            .collect()
    }

    pub(super) fn off(&self, pos: usize) -> R<u32> {
        let off = self.depth() - pos;
        if off > SRC_INDEX_MAX as usize {
            return self.err("stack frame too large");
        }
        Ok(off as u32)
    }

    pub(super) fn emit(&mut self, op: Op, operands: &[u32]) {
        self.code.push(op as u32);
        self.code.extend_from_slice(operands);
    }

    pub(super) fn lit(&mut self, l: Literal) -> u32 {
        if let Some(i) = self.literals.iter().position(|x| *x == l) {
            return i as u32;
        }
        self.literals.push(l);
        (self.literals.len() - 1) as u32
    }

    pub(super) fn stg_lit(&mut self, l: &Lit) -> u32 {
        self.lit(match l {
            Lit::Int(i) => Literal::Int(*i),
            Lit::Char(c) => Literal::Char(*c),
            Lit::Double(d) => Literal::Double(*d),
            Lit::String(s) => Literal::String(s.clone()),
        })
    }

    /// Literal words holding the pointer bitmap of `bits`; the index of the first.
    pub(super) fn bitmap(&mut self, bits: &[bool]) -> u32 {
        let words: Vec<Literal> = bits
            .chunks(64)
            .map(|c| {
                Literal::Bitmap(
                    c.iter()
                        .enumerate()
                        .fold(0, |w, (i, &b)| w | (b as u64) << i),
                )
            })
            .collect();
        if let Some(i) = self
            .literals
            .windows(words.len())
            .position(|w| w == &words[..])
        {
            return i as u32;
        }
        let i = self.literals.len();
        self.literals.extend(words);
        i as u32
    }

    pub(super) fn ptr_global(&mut self, g: &Global) -> u32 {
        let found = self
            .ptrs
            .iter()
            .position(|p| matches!(p, PtrRef::Global(x) if x == g));
        found.unwrap_or_else(|| {
            self.ptrs.push(PtrRef::Global(g.clone()));
            self.ptrs.len() - 1
        }) as u32
    }

    pub(super) fn ptr_con(&mut self, con: &DataCon) -> u32 {
        let found = self
            .ptrs
            .iter()
            .position(|p| matches!(p, PtrRef::Con(x) if x.name == con.name));
        found.unwrap_or_else(|| {
            self.ptrs.push(PtrRef::Con(con.clone()));
            self.ptrs.len() - 1
        }) as u32
    }

    pub(super) fn ptr_bco(&mut self, bco: UnlinkedBco) -> u32 {
        self.ptrs.push(PtrRef::Bco(Box::new(bco)));
        (self.ptrs.len() - 1) as u32
    }

    pub(super) fn atom_is_ptr(&self, a: &Atom) -> R<bool> {
        Ok(match a {
            Atom::Occ(Occ::Local(v)) => is_ptr(self.lookup(v)?.rep),
            Atom::Occ(Occ::Global(_)) => true,
            Atom::Lit(_) => false,
        })
    }

    /// An operand reading the atom's value.
    pub(super) fn src(&mut self, a: &Atom) -> R<u32> {
        Ok(match a {
            Atom::Occ(Occ::Local(v)) => {
                let pos = self.lookup(v)?.pos;
                Src::Stack(self.off(pos)?).encode()
            }
            Atom::Occ(Occ::Global(g)) => Src::Ptr(self.ptr_global(g)).encode(),
            Atom::Lit(l) => Src::Lit(self.stg_lit(l)).encode(),
        })
    }

    pub(super) fn push_atom(&mut self, a: &Atom) -> R<()> {
        let ptr = self.atom_is_ptr(a)?;
        match a {
            Atom::Occ(Occ::Local(v)) => {
                let pos = self.lookup(v)?.pos;
                let off = self.off(pos)?;
                self.emit(Op::PushL, &[off]);
            }
            Atom::Occ(Occ::Global(g)) => {
                let i = self.ptr_global(g);
                self.emit(Op::PushG, &[i]);
            }
            Atom::Lit(l) => {
                let i = self.stg_lit(l);
                self.emit(Op::PushLit, &[i]);
            }
        }
        self.push_slot(ptr);
        Ok(())
    }

    fn build(
        self,
        arity: usize,
        continuation: Option<bool>,
        bitmap: Vec<bool>,
        max_stack: usize,
    ) -> R<UnlinkedBco> {
        let (Ok(max_stack), Ok(max_heap)) =
            (u32::try_from(max_stack), u32::try_from(self.max_alloc))
        else {
            return self.err("closure too large");
        };
        Ok(UnlinkedBco {
            name: self.name,
            arity: arity as u32,
            continuation,
            bitmap,
            max_stack,
            max_heap,
            code: self.code,
            literals: self.literals,
            ptrs: self.ptrs,
        })
    }

    /// Finish a function or thunk BCO of `arity` arguments. Its stack limit also covers
    /// the apply frame header the interpreter pushes over the arguments when the heap
    /// check at entry fails.
    pub(super) fn finish_fun(self, bitmap: Vec<bool>) -> R<UnlinkedBco> {
        let arity = bitmap.len();
        let header = if arity > 0 { 2 + arity.div_ceil(64) } else { 0 };
        let stack = (self.peak - arity).max(header);
        self.build(arity, None, bitmap, stack)
    }

    /// Finish a case continuation entered at `entry_depth` (environment plus value),
    /// whose frame covers the environment described by `env_bitmap`.
    pub(super) fn finish_continuation(
        self,
        entry_depth: usize,
        returns_ptr: bool,
        env_bitmap: Vec<bool>,
    ) -> R<UnlinkedBco> {
        let stack = self.peak.saturating_sub(entry_depth);
        self.build(0, Some(returns_ptr), env_bitmap, stack)
    }
}
