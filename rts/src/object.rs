//! Heap object layouts: field offsets and raw accessors for every closure type.
//!
//! Word 0 of every object is its info pointer; payload order is pointers first, then
//! non-pointers. Layouts (words):
//!
//! ```text
//! CONSTR      [info][ptr fields][non-ptr fields]          sizes from the info layout
//! THUNK       [info][ptr fields][non-ptr fields]          (the re-raise thunk: 1 ptr)
//! AP / PAP    [info][fun][n][arg 0 .. arg n-1]            fun is a BCO; its bitmap
//! BLACKHOLE   same as the AP it was                       says which args are pointers
//! IND         [info][value]
//! BCO         [info][instrs][literals][ptrs][arity|flags][stack|heap][bitmap len][bitmap]
//! ARRAY       [info][n][element 0 .. n-1]                 all pointers
//! BYTE_ARRAY  [info][byte count][data words]              no pointers
//! MUT_VAR     [info][value]
//! WEAK        [info][key][value][finalizer]              see primops::weak
//! ```
//!
//! Pointers are untagged words; the GC and the interpreter read an object's kind from its
//! info table. This module only describes layouts; it must not allocate.

use crate::info::{ClosureType, InfoTable};
use crate::Word;

/// A pointer to a heap object (or to a static object outside the heap).
pub(crate) type P = *mut Word;

pub(crate) const FUN_FIELD: usize = 1;
pub(crate) const NARGS_FIELD: usize = 2;
pub(crate) const ARGS_FIELD: usize = 3;
/// Words before the arguments of an AP or PAP; at least two, so that a thunk can
/// always be overwritten by an indirection.
pub(crate) const AP_HEADER: usize = 3;

pub(crate) const IND_FIELD: usize = 1;

pub(crate) const BCO_INSTRS: usize = 1;
pub(crate) const BCO_LITS: usize = 2;
pub(crate) const BCO_PTRS: usize = 3;
pub(crate) const BCO_ARITY: usize = 4;
pub(crate) const BCO_LIMITS: usize = 5;
pub(crate) const BCO_BITMAP_LEN: usize = 6;
pub(crate) const BCO_BITMAP: usize = 7;
pub(crate) const BCO_HEADER: usize = 7;
/// Set on a case-continuation BCO whose scrutinee value is a pointer.
pub(crate) const BCO_FLAG_RETURNS_PTR: u32 = 1;

pub(crate) const ARR_LEN: usize = 1;
pub(crate) const ARR_DATA: usize = 2;

pub(crate) const fn bitmap_words(n: usize) -> usize {
    n.div_ceil(64)
}

/// Copy `n` words between ranges that may overlap. Small counts are done inline: a call
/// to the C library's memmove costs more than the copy.
///
/// # Safety
/// Both ranges are valid for `n` words.
#[inline(always)]
pub(crate) unsafe fn move_words(src: *const Word, dst: P, n: usize) {
    match n {
        0 => {}
        1 => *dst = *src,
        2 => {
            let (a, b) = (*src, *src.add(1));
            *dst = a;
            *dst.add(1) = b;
        }
        3 => {
            let (a, b, c) = (*src, *src.add(1), *src.add(2));
            *dst = a;
            *dst.add(1) = b;
            *dst.add(2) = c;
        }
        _ => std::ptr::copy(src, dst, n),
    }
}

/// # Safety
/// `p` must point at a live object.
#[inline(always)]
pub(crate) unsafe fn info(p: P) -> *const InfoTable {
    *p as *const InfoTable
}

/// # Safety
/// `p` must point at a live object.
#[inline(always)]
pub(crate) unsafe fn closure_type(p: P) -> ClosureType {
    (*info(p)).closure_type
}

/// Follow indirections to the object they stand for.
///
/// # Safety
/// `p` must point at a live object.
#[inline(always)]
pub(crate) unsafe fn follow_ind(mut p: P) -> P {
    while closure_type(p) == ClosureType::Ind {
        p = *p.add(IND_FIELD) as P;
    }
    p
}

/// # Safety
/// `bco` must point at a BCO.
#[inline(always)]
pub(crate) unsafe fn bco_arity(bco: P) -> usize {
    *bco.add(BCO_ARITY) & 0xffff_ffff
}

/// # Safety
/// `bco` must point at a BCO.
#[inline(always)]
pub(crate) unsafe fn bco_flags(bco: P) -> u32 {
    (*bco.add(BCO_ARITY) >> 32) as u32
}

/// Stack words the BCO may push beyond its arguments (or environment and value).
///
/// # Safety
/// `bco` must point at a BCO.
#[inline(always)]
pub(crate) unsafe fn bco_stack(bco: P) -> usize {
    *bco.add(BCO_LIMITS) & 0xffff_ffff
}

/// Heap words the BCO may allocate before it transfers control.
///
/// # Safety
/// `bco` must point at a BCO.
#[inline(always)]
pub(crate) unsafe fn bco_heap(bco: P) -> usize {
    *bco.add(BCO_LIMITS) >> 32
}

/// # Safety
/// `bco` must point at a BCO.
#[inline(always)]
pub(crate) unsafe fn bco_bitmap_len(bco: P) -> usize {
    *bco.add(BCO_BITMAP_LEN)
}

/// Bit `i` of a bitmap that starts at `bitmap`.
///
/// # Safety
/// `bitmap` must have at least `i / 64 + 1` words.
#[inline(always)]
pub(crate) unsafe fn bitmap_bit(bitmap: *const Word, i: usize) -> bool {
    (*bitmap.add(i / 64) >> (i % 64)) & 1 == 1
}

/// The payload of an ARRAY or BYTE_ARRAY.
///
/// # Safety
/// `arr` must point at an ARRAY or BYTE_ARRAY.
#[inline(always)]
pub(crate) unsafe fn array_data(arr: P) -> P {
    arr.add(ARR_DATA)
}

/// The size in words of an object that can live in the heap (used by the GC to copy
/// and to scan to-space linearly).
///
/// # Safety
/// `p` must point at a live, non-forwarded object.
pub(crate) unsafe fn object_size(p: P) -> usize {
    let info = info(p);
    match (*info).closure_type {
        ClosureType::Constr | ClosureType::Thunk => 1 + (*info).layout.words(),
        ClosureType::Pap | ClosureType::Ap | ClosureType::Blackhole => {
            AP_HEADER + *p.add(NARGS_FIELD)
        }
        ClosureType::Ind | ClosureType::MutVar => 2,
        ClosureType::Weak => crate::primops::WEAK_SIZE,
        ClosureType::Bco => BCO_HEADER + bitmap_words(*p.add(BCO_BITMAP_LEN)),
        ClosureType::Array => ARR_DATA + *p.add(ARR_LEN),
        ClosureType::ByteArray => ARR_DATA + (*p.add(ARR_LEN)).div_ceil(8),
        ClosureType::RetBco
        | ClosureType::UpdateFrame
        | ClosureType::CatchFrame
        | ClosureType::StopFrame
        | ClosureType::UnderflowFrame
        | ClosureType::ApplyFrame
        | ClosureType::PrimFrame => {
            debug_assert!(false, "a frame info table on a heap object");
            1
        }
    }
}
