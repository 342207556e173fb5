//! The byte-code instruction set: opcodes, operand kinds, the encoding of operands, a
//! decoder (for disassemblers) and a validator (run when a BCO is linked, so that the
//! interpreter may index literals, pointers and code without bounds checks).
//!
//! Code is a sequence of `u32` words: an opcode followed by its operands. Stack offsets
//! count words from the top of the stack at the start of the instruction. A BCO's code
//! is a tree: every path ends in an instruction that leaves the BCO (enter, return,
//! call, raise, ...); conditional instructions only jump forward. This module must not
//! execute anything.

use crate::primops::{Prim, PrimKind};
use std::fmt;

/// What an operand word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// A stack offset (0 = the top word).
    Off,
    /// A count of words or arguments.
    Count,
    /// An index into the BCO's literal words.
    Lit,
    /// An index into the BCO's pointer array.
    Ptr,
    /// A value source, see [`Src`].
    Src,
    /// A code index to jump to.
    Target,
    /// A count `n` followed by `n + 1` jump targets (the last is the default).
    Table,
}

macro_rules! ops {
    ($( $(#[$doc:meta])* $name:ident = $text:literal [$($k:ident),*]; )*) => {
        /// The opcodes. Discriminants are dense from 0, in this order.
        #[repr(u32)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Op { $( $(#[$doc])* $name ),* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The mnemonic used by disassemblers.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => $text),* }
            }

            pub fn operands(self) -> &'static [Operand] {
                match self { $(Op::$name => &[$(Operand::$k),*]),* }
            }
        }
    };
}

ops! {
    /// Push a copy of a stack word.
    PushL = "PUSH_L" [Off];
    /// Push a pointer-array entry (a top-level closure, a BCO, a static constructor).
    PushG = "PUSH_G" [Ptr];
    /// Push a literal word.
    PushLit = "PUSH_LIT" [Lit];
    /// Pop a BCO and `n` arguments; push a new updatable AP of them.
    MkAp = "MK_AP" [Count];
    /// As `MK_AP`, but the thunk is not updated (re-entrant).
    MkApNoUpd = "MK_AP_NOUPD" [Count];
    /// Pop a BCO and `n` arguments; push a new PAP of them.
    MkPap = "MK_PAP" [Count];
    /// Push an AP with room for `n` arguments, filled later by `FILL_CLOSURE` (letrec).
    AllocAp = "ALLOC_AP" [Count];
    AllocApNoUpd = "ALLOC_AP_NOUPD" [Count];
    AllocPap = "ALLOC_PAP" [Count];
    /// Pop a BCO and `n` arguments into the AP/PAP at the offset.
    FillClosure = "FILL_CLOSURE" [Off, Count];
    /// Pop `n` payload words (payload word 0 on top) into a new constructor whose info
    /// pointer is the literal; push it.
    Pack = "PACK" [Lit, Count];
    /// Push a constructor with room for `n` payload words, filled later by `FILL_CON`.
    AllocCon = "ALLOC_CON" [Lit, Count];
    FillCon = "FILL_CON" [Off, Count];
    /// Push the `n` payload words of the constructor at the offset (word 0 on top).
    Unpack = "UNPACK" [Off, Count];
    /// Push a case-continuation (RET_BCO) frame for the BCO in the pointer array.
    PushAlts = "PUSH_ALTS" [Ptr];
    /// Evaluate the closure with the BCO in the pointer array as its case continuation
    /// (`PUSH_ALTS` then `ENTER`, but an evaluated closure goes straight to it).
    Eval = "EVAL" [Src, Ptr];
    /// Drop `n` words, then evaluate the closure.
    Enter = "ENTER" [Src, Count];
    /// Drop `n` words, then return the value to the frame on top.
    Return = "RETURN" [Src, Count];
    /// Pop a function; slide its `n` arguments down over `drop` words; apply it. The
    /// literal words from the given index are the argument pointer bitmap.
    Call = "CALL" [Count, Count, Lit];
    /// Jump by the constructor tag of the (evaluated) closure at the offset.
    Switch = "SWITCH" [Off, Table];
    /// Fall through if the two words are equal, else jump.
    TestEqW = "TEST_EQ_W" [Src, Src, Target];
    /// Fall through if the two doubles are equal, else jump.
    TestEqD = "TEST_EQ_D" [Src, Src, Target];
    /// Drop `n` words, then raise the exception.
    Raise = "RAISE" [Src, Count];
    /// `catch# action handler world`: drop `n` words, push a catch frame, apply the
    /// action to the world token.
    Catch = "CATCH" [Src, Src, Src, Count];
    /// No alternative matched: drop `n` words and stop with an internal error.
    CaseFail = "CASE_FAIL" [Count];
    AddI = "ADD_I" [Src, Src];
    SubI = "SUB_I" [Src, Src];
    MulI = "MUL_I" [Src, Src];
    QuotI = "QUOT_I" [Src, Src];
    RemI = "REM_I" [Src, Src];
    NegI = "NEG_I" [Src];
    AndI = "AND_I" [Src, Src];
    OrI = "OR_I" [Src, Src];
    XorI = "XOR_I" [Src, Src];
    NotI = "NOT_I" [Src];
    ShlI = "SHL_I" [Src, Src];
    ShraI = "SHRA_I" [Src, Src];
    EqI = "EQ_I" [Src, Src];
    NeI = "NE_I" [Src, Src];
    LtI = "LT_I" [Src, Src];
    LeI = "LE_I" [Src, Src];
    GtI = "GT_I" [Src, Src];
    GeI = "GE_I" [Src, Src];
    Ord = "ORD" [Src];
    Chr = "CHR" [Src];
    EqC = "EQ_C" [Src, Src];
    NeC = "NE_C" [Src, Src];
    LtC = "LT_C" [Src, Src];
    LeC = "LE_C" [Src, Src];
    GtC = "GT_C" [Src, Src];
    GeC = "GE_C" [Src, Src];
    AddD = "ADD_D" [Src, Src];
    SubD = "SUB_D" [Src, Src];
    MulD = "MUL_D" [Src, Src];
    DivD = "DIV_D" [Src, Src];
    NegD = "NEG_D" [Src];
    EqD = "EQ_D" [Src, Src];
    LtD = "LT_D" [Src, Src];
    LeD = "LE_D" [Src, Src];
    IntToDouble = "INT_TO_DOUBLE" [Src];
    DoubleToInt = "DOUBLE_TO_INT" [Src];
    /// Push byte `i` of a string literal as a character (Latin-1).
    IndexCharOffAddr = "INDEX_CHAR_OFF_ADDR" [Src, Src];
    /// Push the constructor tag of an evaluated closure.
    DataToTag = "DATA_TO_TAG" [Src];
    /// `hPutChar# fd c`: push 0, or -1 for a bad handle or a write error.
    PutChar = "PUT_CHAR" [Src, Src];
    /// `hGetChar# fd`: push the next character of stdin, or -1 at end of input.
    GetChar = "GET_CHAR" [Src];
    /// `hFlush# fd`: push 0, or -1.
    Flush = "FLUSH" [Src];
    /// `exit# code`: drop `n` words, flush the handles and stop the program.
    Exit = "EXIT" [Src, Count];
    /// Run the inline runtime operation (a [`Prim`] number) on its operands; push the
    /// result.
    Prim0 = "PRIM0" [Count];
    Prim1 = "PRIM1" [Count, Src];
    Prim2 = "PRIM2" [Count, Src, Src];
    Prim3 = "PRIM3" [Count, Src, Src, Src];
    /// Run an out-of-line runtime operation whose arguments are on top (argument 0 on
    /// top): slide them down over `drop` words, push a PRIM frame and return into it;
    /// the result goes to the frame below.
    PrimCall = "PRIM_CALL" [Count, Count];
}

impl Op {
    pub fn from_u32(w: u32) -> Option<Op> {
        Op::ALL.get(w as usize).copied()
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Op::Eval
                | Op::Enter
                | Op::Return
                | Op::Call
                | Op::Switch
                | Op::Raise
                | Op::Catch
                | Op::CaseFail
                | Op::Exit
                | Op::PrimCall
        )
    }
}

const SRC_KIND_SHIFT: u32 = 30;
/// The largest index a [`Src`] can carry.
pub const SRC_INDEX_MAX: u32 = (1 << SRC_KIND_SHIFT) - 1;

/// Where an operand value comes from, packed into one word: two kind bits, 30 index bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    /// A stack word at this offset.
    Stack(u32),
    /// A literal word.
    Lit(u32),
    /// A pointer-array entry.
    Ptr(u32),
}

impl Src {
    pub fn encode(self) -> u32 {
        match self {
            Src::Stack(i) => i,
            Src::Lit(i) => (1 << SRC_KIND_SHIFT) | i,
            Src::Ptr(i) => (2 << SRC_KIND_SHIFT) | i,
        }
    }

    pub fn decode(w: u32) -> Src {
        let i = w & SRC_INDEX_MAX;
        match w >> SRC_KIND_SHIFT {
            0 => Src::Stack(i),
            1 => Src::Lit(i),
            _ => Src::Ptr(i),
        }
    }
}

impl fmt::Display for Src {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Src::Stack(i) => write!(f, "sp[{i}]"),
            Src::Lit(i) => write!(f, "lit[{i}]"),
            Src::Ptr(i) => write!(f, "ptr[{i}]"),
        }
    }
}

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub op: Op,
    /// The operand words, including a `SWITCH`'s table.
    pub operands: &'a [u32],
    /// The index of the next instruction.
    pub next: usize,
}

/// Why code is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    pub pc: usize,
    pub message: String,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad byte code at {}: {}", self.pc, self.message)
    }
}

impl std::error::Error for CodeError {}

/// Decode the instruction at `pc`.
pub fn decode(code: &[u32], pc: usize) -> Result<Decoded<'_>, CodeError> {
    let err = |message: &str| CodeError {
        pc,
        message: message.to_string(),
    };
    let word = *code
        .get(pc)
        .ok_or_else(|| err("past the end of the code"))?;
    let op = Op::from_u32(word).ok_or_else(|| err("unknown opcode"))?;
    let mut len = 0;
    for kind in op.operands() {
        len += 1;
        if *kind == Operand::Table {
            let n = *code
                .get(pc + len)
                .ok_or_else(|| err("truncated jump table"))? as usize;
            len += n + 1;
        }
    }
    let operands = code
        .get(pc + 1..pc + 1 + len)
        .ok_or_else(|| err("truncated operands"))?;
    Ok(Decoded {
        op,
        operands,
        next: pc + 1 + len,
    })
}

/// Check that `code` decodes, that its literal, pointer and jump operands are in range
/// (the `CALL` bitmap included), that jumps land on instructions, and that control can
/// never run past the end.
pub fn validate(code: &[u32], n_lits: usize, n_ptrs: usize) -> Result<(), CodeError> {
    let mut starts = vec![false; code.len()];
    let mut pc = 0;
    let mut last_terminal = false;
    while pc < code.len() {
        starts[pc] = true;
        let d = decode(code, pc)?;
        last_terminal = d.op.is_terminal();
        pc = d.next;
    }
    if !last_terminal {
        return Err(CodeError {
            pc: code.len(),
            message: "control runs past the end".into(),
        });
    }
    let mut pc = 0;
    while pc < code.len() {
        let d = decode(code, pc)?;
        let err = |message: String| CodeError { pc, message };
        for (i, kind) in d.op.operands().iter().enumerate() {
            let w = d.operands[i];
            match kind {
                Operand::Lit if w as usize >= n_lits => {
                    return Err(err(format!("literal {w} out of range")))
                }
                Operand::Ptr if w as usize >= n_ptrs => {
                    return Err(err(format!("pointer {w} out of range")))
                }
                Operand::Src => match Src::decode(w) {
                    Src::Lit(l) if l as usize >= n_lits => {
                        return Err(err(format!("literal {l} out of range")))
                    }
                    Src::Ptr(p) if p as usize >= n_ptrs => {
                        return Err(err(format!("pointer {p} out of range")))
                    }
                    _ => {}
                },
                Operand::Target
                    if !starts.get(w as usize).copied().unwrap_or(false) || (w as usize) <= pc =>
                {
                    return Err(err(format!("bad jump target {w}")));
                }
                Operand::Table => {
                    for &t in &d.operands[i + 1..] {
                        if !starts.get(t as usize).copied().unwrap_or(false) || (t as usize) <= pc {
                            return Err(err(format!("bad jump target {t}")));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(message) = check_prim(d.op, d.operands) {
            return Err(err(message));
        }
        if d.op == Op::Call {
            let bitmap_end =
                d.operands[2] as usize + crate::object::bitmap_words(d.operands[0] as usize);
            if bitmap_end > n_lits {
                return Err(err("call bitmap out of range".into()));
            }
        }
        pc = d.next;
    }
    Ok(())
}

/// The runtime operations that valid `code` runs.
pub fn prims_used(code: &[u32]) -> Vec<Prim> {
    let mut used = Vec::new();
    let mut pc = 0;
    while let Ok(d) = decode(code, pc) {
        if matches!(d.op, Op::Prim0 | Op::Prim1 | Op::Prim2 | Op::Prim3 | Op::PrimCall) {
            used.extend(Prim::from_u32(d.operands[0]));
        }
        pc = d.next;
    }
    used
}

/// A `PRIMn` must name an inline operation of arity `n`, a `PRIM_CALL` an out-of-line
/// one.
fn check_prim(op: Op, operands: &[u32]) -> Option<String> {
    let inline_arity = match op {
        Op::Prim0 => Some(0),
        Op::Prim1 => Some(1),
        Op::Prim2 => Some(2),
        Op::Prim3 => Some(3),
        Op::PrimCall => None,
        _ => return None,
    };
    let Some(prim) = Prim::from_u32(operands[0]) else {
        return Some(format!("unknown runtime operation {}", operands[0]));
    };
    let ok = match (inline_arity, prim.kind()) {
        (Some(n), PrimKind::Inline(_)) => prim.arity() == n,
        (None, PrimKind::OutOfLine) => true,
        _ => false,
    };
    (!ok).then(|| format!("{} cannot run as {}", prim.name(), op.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_rejects_malformed_code() {
        let ret = |s: Src| vec![Op::Return as u32, s.encode(), 0];
        assert!(validate(&ret(Src::Stack(0)), 0, 0).is_ok());
        assert!(
            validate(&ret(Src::Lit(0)), 0, 0).is_err(),
            "literal out of range"
        );
        assert!(
            validate(&ret(Src::Ptr(1)), 0, 1).is_err(),
            "pointer out of range"
        );
        assert!(
            validate(&[Op::PushL as u32, 0], 0, 0).is_err(),
            "falls off the end"
        );
        assert!(validate(&[999], 0, 0).is_err(), "unknown opcode");
        assert!(
            validate(&[Op::Return as u32, 0], 0, 0).is_err(),
            "truncated"
        );
        let test = |target: u32| {
            let mut code = vec![Op::TestEqW as u32, 0, 0, target];
            code.extend(ret(Src::Stack(0)));
            code.extend(ret(Src::Stack(0)));
            code
        };
        assert!(validate(&test(7), 0, 0).is_ok());
        assert!(validate(&test(0), 0, 0).is_err(), "backward jump");
        assert!(
            validate(&test(5), 0, 0).is_err(),
            "jump into an instruction"
        );
        let call = [Op::Call as u32, 70, 0, 0];
        assert!(
            validate(&call, 1, 0).is_err(),
            "a 70-argument bitmap needs two words"
        );
        assert!(validate(&call, 2, 0).is_ok());
    }

    #[test]
    fn runtime_operations_are_checked() {
        let pc = Prim::PopCount as u32;
        let ret = [Op::Return as u32, 0, 0];
        let with = |code: &[u32]| [code, &ret[..]].concat();
        assert!(validate(&with(&[Op::Prim1 as u32, pc, 0]), 0, 0).is_ok());
        assert!(validate(&with(&[Op::Prim2 as u32, pc, 0, 0]), 0, 0).is_err(), "arity");
        assert!(validate(&with(&[Op::Prim1 as u32, 9999, 0]), 0, 0).is_err(), "unknown");
        let add = Prim::BigAdd as u32;
        assert!(validate(&with(&[Op::Prim2 as u32, add, 0, 0]), 0, 0).is_err(), "out of line");
        assert!(validate(&[Op::PrimCall as u32, add, 0], 0, 0).is_ok());
        assert!(validate(&[Op::PrimCall as u32, pc, 0], 0, 0).is_err(), "inline");
    }

    #[test]
    fn decoding_reads_jump_tables() {
        let code = [Op::Switch as u32, 0, 2, 5, 5, 5, Op::CaseFail as u32, 0];
        let d = decode(&code, 0).unwrap();
        assert_eq!((d.op, d.operands.len(), d.next), (Op::Switch, 5, 6));
        assert!(
            validate(&code, 0, 0).is_err(),
            "targets must be instruction starts"
        );
        let code = [Op::Switch as u32, 0, 2, 6, 6, 6, Op::CaseFail as u32, 0];
        assert!(validate(&code, 0, 0).is_ok());
        for op in Op::ALL {
            assert_eq!(Op::from_u32(*op as u32), Some(*op));
        }
    }
}
