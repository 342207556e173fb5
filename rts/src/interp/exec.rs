//! The instruction loop: runs BCOs one after another until control needs the
//! scheduler. Within one BCO no collection can happen, so the code, literal and pointer
//! arrays are read through raw pointers; they are reloaded at every transition.

use super::{call, transition, Go};
use crate::capability::Capability;
use crate::info::{ClosureType, NextStep};
use crate::instr::{Op, SRC_INDEX_MAX};
use crate::native::*;
use crate::object::*;
use crate::prim;
use crate::primops::{self, Prim, PRIM_FRAME_HEADER, PRIM_FRAME_INFO};
use crate::runtime::RtsError;
use crate::Word;

const ONE_POINTER: [Word; 1] = [1];

/// Read an operand value: a stack word, a literal or a pointer-array entry.
#[inline(always)]
unsafe fn read_src(sp: P, lits: *const Word, ptrs: *const Word, s: u32) -> Word {
    let i = (s & SRC_INDEX_MAX) as usize;
    match s >> 30 {
        0 => *sp.add(i),
        1 => *lits.add(i),
        _ => *ptrs.add(i),
    }
}

/// The runtime operation named by an operand.
///
/// # Safety
/// The operand was checked by `instr::validate` when the code was linked.
#[inline(always)]
unsafe fn prim_operand(w: usize) -> Prim {
    std::mem::transmute::<u32, Prim>(w as u32)
}

/// Run `bco` from its start, then every BCO control passes to, until something needs
/// the scheduler.
///
/// # Safety
/// The stack holds the BCO's arguments (or environment and value) and has room for
/// its recorded stack use; the heap has room for its recorded allocation; code was
/// validated when linked.
// Its one caller is the interpreter's loop; left to itself the compiler stopped
// inlining it (and `call` into it) when the primops grew, costing 5% on calls.
#[inline(always)]
pub(super) unsafe fn exec(cap: &mut Capability, first: P) -> NextStep {
    let mut bco = first;
    let mut code: *const u32;
    let mut lits: *const Word;
    let mut ptrs: *const Word;
    let mut pc: usize;
    let mut sp: P;
    macro_rules! load {
        () => {{
            code = array_data(*bco.add(BCO_INSTRS) as P) as *const u32;
            lits = array_data(*bco.add(BCO_LITS) as P) as *const Word;
            ptrs = array_data(*bco.add(BCO_PTRS) as P) as *const Word;
            pc = 0;
            sp = cap.sp;
        }};
    }
    load!();

    macro_rules! arg {
        ($i:expr) => {
            *code.add(pc + 1 + $i) as usize
        };
    }
    macro_rules! src {
        ($i:expr) => {
            read_src(sp, lits, ptrs, *code.add(pc + 1 + $i))
        };
    }
    macro_rules! push {
        ($w:expr) => {{
            let w: Word = $w;
            sp = sp.sub(1);
            *sp = w;
        }};
    }
    macro_rules! leave {
        ($drop:expr, $go:expr) => {{
            sp = sp.add($drop);
            cap.sp = sp;
            break $go;
        }};
    }
    macro_rules! int2 {
        ($f:expr) => {{
            let a = src!(0) as i64;
            let b = src!(1) as i64;
            let f: fn(i64, i64) -> i64 = $f;
            push!(f(a, b) as Word);
            pc += 3;
        }};
    }
    macro_rules! int1 {
        ($f:expr) => {{
            let a = src!(0) as i64;
            let f: fn(i64) -> i64 = $f;
            push!(f(a) as Word);
            pc += 2;
        }};
    }
    macro_rules! cmp2 {
        ($f:expr) => {{
            let a = src!(0);
            let b = src!(1);
            let f: fn(Word, Word) -> bool = $f;
            push!(f(a, b) as Word);
            pc += 3;
        }};
    }
    macro_rules! dbl2 {
        ($f:expr) => {{
            let a = f64::from_bits(src!(0) as u64);
            let b = f64::from_bits(src!(1) as u64);
            let f: fn(f64, f64) -> f64 = $f;
            push!(f(a, b).to_bits() as Word);
            pc += 3;
        }};
    }
    macro_rules! dcmp2 {
        ($f:expr) => {{
            let a = f64::from_bits(src!(0) as u64);
            let b = f64::from_bits(src!(1) as u64);
            let f: fn(f64, f64) -> bool = $f;
            push!(f(a, b) as Word);
            pc += 3;
        }};
    }

    loop {
        let go = loop {
            // SAFETY: validation checked that every opcode word is a discriminant of `Op`.
            let op: Op = std::mem::transmute::<u32, Op>(*code.add(pc));
            debug_assert!(cap.sp_lim <= sp);
            match op {
                Op::PushL => {
                    let w = *sp.add(arg!(0));
                    push!(w);
                    pc += 2;
                }
                Op::PushG => {
                    push!(*ptrs.add(arg!(0)));
                    pc += 2;
                }
                Op::PushLit => {
                    push!(*lits.add(arg!(0)));
                    pc += 2;
                }
                Op::MkAp | Op::MkApNoUpd | Op::MkPap => {
                    let n = arg!(0);
                    let info = match op {
                        Op::MkAp => &AP_INFO,
                        Op::MkApNoUpd => &AP_NOUPD_INFO,
                        _ => &PAP_INFO,
                    };
                    let p = cap.alloc_unchecked(AP_HEADER + n);
                    *p = word(info);
                    *p.add(FUN_FIELD) = *sp;
                    *p.add(NARGS_FIELD) = n;
                    move_words(sp.add(1), p.add(ARGS_FIELD), n);
                    sp = sp.add(n + 1);
                    push!(p as Word);
                    pc += 2;
                }
                Op::AllocAp | Op::AllocApNoUpd | Op::AllocPap => {
                    let n = arg!(0);
                    let info = match op {
                        Op::AllocAp => &AP_INFO,
                        Op::AllocApNoUpd => &AP_NOUPD_INFO,
                        _ => &PAP_INFO,
                    };
                    let p = cap.alloc_unchecked(AP_HEADER + n);
                    *p = word(info);
                    *p.add(NARGS_FIELD) = n;
                    push!(p as Word);
                    pc += 2;
                }
                Op::FillClosure => {
                    let obj = *sp.add(arg!(0)) as P;
                    let n = arg!(1);
                    *obj.add(FUN_FIELD) = *sp;
                    move_words(sp.add(1), obj.add(ARGS_FIELD), n);
                    sp = sp.add(n + 1);
                    pc += 3;
                }
                Op::Pack => {
                    let n = arg!(1);
                    let p = cap.alloc_unchecked(1 + n);
                    *p = *lits.add(arg!(0));
                    move_words(sp, p.add(1), n);
                    sp = sp.add(n);
                    push!(p as Word);
                    pc += 3;
                }
                Op::AllocCon => {
                    let n = arg!(1);
                    let p = cap.alloc_unchecked(1 + n);
                    *p = *lits.add(arg!(0));
                    push!(p as Word);
                    pc += 3;
                }
                Op::FillCon => {
                    let obj = *sp.add(arg!(0)) as P;
                    let n = arg!(1);
                    move_words(sp, obj.add(1), n);
                    sp = sp.add(n);
                    pc += 3;
                }
                Op::Unpack => {
                    let c = *sp.add(arg!(0)) as P;
                    let n = arg!(1);
                    sp = sp.sub(n);
                    move_words(c.add(1), sp, n);
                    pc += 3;
                }
                Op::Eval => {
                    // `case x of ...`: an evaluated x goes straight to the alternatives
                    // (when they fit); anything else is entered under a RET_BCO frame.
                    let x = follow_ind(src!(0) as P);
                    let alts = *ptrs.add(arg!(1)) as P;
                    let value = match closure_type(x) {
                        ClosureType::Constr
                        | ClosureType::Pap
                        | ClosureType::MutVar
                        | ClosureType::Array
                        | ClosureType::ByteArray => true,
                        ClosureType::Bco => bco_arity(x) > 0,
                        _ => false,
                    };
                    let room = (sp as usize - cap.sp_lim as usize) / std::mem::size_of::<Word>();
                    if value && room > bco_stack(alts) && cap.heap_room() >= bco_heap(alts) {
                        push!(x as Word);
                        cap.sp = sp;
                        break Go::Resume(alts);
                    }
                    sp = sp.sub(2);
                    *sp = word(&RET_BCO_INFO);
                    *sp.add(1) = alts as Word;
                    cap.sp = sp;
                    break Go::Enter(x);
                }
                Op::PushAlts => {
                    sp = sp.sub(2);
                    *sp = word(&RET_BCO_INFO);
                    *sp.add(1) = *ptrs.add(arg!(0));
                    pc += 2;
                }
                Op::Enter => {
                    let x = src!(0) as P;
                    leave!(arg!(1), Go::Enter(x));
                }
                Op::Return => {
                    let v = src!(0);
                    leave!(arg!(1), Go::Return(v));
                }
                Op::Call => {
                    let n = arg!(0);
                    let drop = arg!(1);
                    let bitmap = lits.add(arg!(2));
                    let f = *sp as P;
                    sp = sp.add(1);
                    if drop > 0 {
                        move_words(sp, sp.add(drop), n);
                        sp = sp.add(drop);
                    }
                    cap.sp = sp;
                    break call(cap, f, n, bitmap);
                }
                Op::Switch => {
                    let c = *sp.add(arg!(0)) as P;
                    let n = arg!(1);
                    let tag = ((*info(c)).tag as usize).min(n);
                    pc = *code.add(pc + 3 + tag) as usize;
                }
                Op::TestEqW => {
                    if src!(0) == src!(1) {
                        pc += 4;
                    } else {
                        pc = arg!(2);
                    }
                }
                Op::TestEqD => {
                    if f64::from_bits(src!(0) as u64) == f64::from_bits(src!(1) as u64) {
                        pc += 4;
                    } else {
                        pc = arg!(2);
                    }
                }
                Op::Raise => {
                    cap.r1 = src!(0);
                    leave!(arg!(1), Go::Step(NextStep::Raise));
                }
                Op::Catch => {
                    let action = src!(0) as P;
                    let handler = src!(1);
                    let world = src!(2);
                    sp = sp.add(arg!(3));
                    push!(handler);
                    push!(word(&CATCH_FRAME_INFO));
                    push!(world);
                    cap.sp = sp;
                    break call(cap, action, 1, ONE_POINTER.as_ptr());
                }
                Op::CaseFail => {
                    cap.fatal = Some(RtsError::Internal("no case alternative matched".into()));
                    leave!(arg!(0), Go::Step(NextStep::Fatal));
                }
                Op::AddI => int2!(|a, b| a.wrapping_add(b)),
                Op::SubI => int2!(|a, b| a.wrapping_sub(b)),
                Op::MulI => int2!(|a, b| a.wrapping_mul(b)),
                Op::QuotI => int2!(prim::quot),
                Op::RemI => int2!(prim::rem),
                Op::NegI => int1!(|a| a.wrapping_neg()),
                Op::AndI => int2!(|a, b| a & b),
                Op::OrI => int2!(|a, b| a | b),
                Op::XorI => int2!(|a, b| a ^ b),
                Op::NotI => int1!(|a| !a),
                Op::ShlI => int2!(prim::shl),
                Op::ShraI => int2!(prim::shra),
                Op::EqI | Op::EqC => cmp2!(|a, b| a == b),
                Op::NeI | Op::NeC => cmp2!(|a, b| a != b),
                Op::LtI => cmp2!(|a, b| (a as i64) < (b as i64)),
                Op::LeI => cmp2!(|a, b| (a as i64) <= (b as i64)),
                Op::GtI => cmp2!(|a, b| (a as i64) > (b as i64)),
                Op::GeI => cmp2!(|a, b| (a as i64) >= (b as i64)),
                Op::LtC => cmp2!(|a, b| a < b),
                Op::LeC => cmp2!(|a, b| a <= b),
                Op::GtC => cmp2!(|a, b| a > b),
                Op::GeC => cmp2!(|a, b| a >= b),
                Op::Ord => {
                    let c = src!(0);
                    push!(c);
                    pc += 2;
                }
                Op::Chr => {
                    let c = src!(0);
                    push!(c & 0xffff_ffff);
                    pc += 2;
                }
                Op::AddD => dbl2!(|a, b| a + b),
                Op::SubD => dbl2!(|a, b| a - b),
                Op::MulD => dbl2!(|a, b| a * b),
                Op::DivD => dbl2!(|a, b| a / b),
                Op::NegD => {
                    let a = f64::from_bits(src!(0) as u64);
                    push!((-a).to_bits() as Word);
                    pc += 2;
                }
                Op::EqD => dcmp2!(|a, b| a == b),
                Op::LtD => dcmp2!(|a, b| a < b),
                Op::LeD => dcmp2!(|a, b| a <= b),
                Op::IntToDouble => {
                    let a = src!(0) as i64;
                    push!((a as f64).to_bits() as Word);
                    pc += 2;
                }
                Op::DoubleToInt => {
                    let a = f64::from_bits(src!(0) as u64);
                    push!(a as i64 as Word);
                    pc += 2;
                }
                Op::IndexCharOffAddr => {
                    let c = prim::index_char(src!(0), src!(1) as i64);
                    push!(c);
                    pc += 3;
                }
                Op::DataToTag => {
                    let c = follow_ind(src!(0) as P);
                    let tag = if closure_type(c) == ClosureType::Constr {
                        (*info(c)).tag
                    } else {
                        0
                    };
                    push!(tag as Word);
                    pc += 2;
                }
                Op::PutChar => {
                    let r = cap.io.put_char(src!(0) as i64, src!(1));
                    push!(r as Word);
                    pc += 3;
                }
                Op::GetChar => {
                    let r = cap.io.get_char(src!(0) as i64);
                    push!(r as Word);
                    pc += 2;
                }
                Op::Flush => {
                    let r = cap.io.flush(src!(0) as i64);
                    push!(r as Word);
                    pc += 2;
                }
                Op::Exit => {
                    cap.exit_code = src!(0) as i64 as i32;
                    cap.io.flush_all();
                    leave!(arg!(1), Go::Step(NextStep::Exit));
                }
                Op::Prim0 => {
                    let r = primops::inline(cap, prim_operand(arg!(0)), [0; 3]);
                    push!(r);
                    pc += 2;
                }
                Op::Prim1 => {
                    let a = [src!(1), 0, 0];
                    let r = primops::inline(cap, prim_operand(arg!(0)), a);
                    push!(r);
                    pc += 3;
                }
                Op::Prim2 => {
                    let a = [src!(1), src!(2), 0];
                    let r = primops::inline(cap, prim_operand(arg!(0)), a);
                    push!(r);
                    pc += 4;
                }
                Op::Prim3 => {
                    let a = [src!(1), src!(2), src!(3)];
                    let r = primops::inline(cap, prim_operand(arg!(0)), a);
                    push!(r);
                    pc += 5;
                }
                Op::PrimCall => {
                    let prim = prim_operand(arg!(0));
                    let n = prim.arity();
                    let drop = arg!(1);
                    if drop > 0 {
                        move_words(sp, sp.add(drop), n);
                        sp = sp.add(drop);
                    }
                    sp = sp.sub(PRIM_FRAME_HEADER);
                    *sp = word(&PRIM_FRAME_INFO);
                    *sp.add(1) = prim as Word;
                    leave!(0, Go::Return(0));
                }
            }
        };
        match transition(cap, go) {
            Ok(next) => {
                bco = next;
                load!();
            }
            Err(step) => return step,
        }
    }
}
