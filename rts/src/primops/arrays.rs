//! Mutable and immutable arrays of bytes and of pointers, and mutable variables.
//!
//! `ByteArray#` and `MutableByteArray#` are the same BYTE_ARRAY object, `Array#` and
//! `MutableArray#` the same ARRAY object: freezing is a no-op and thawing copies. A
//! `MutVar#` is a MUT_VAR `[info][value]`. All of them are values: entering one returns
//! it. Base checks indices before calling; an index out of range still cannot touch
//! memory outside the object (reads give 0 or the world token, writes do nothing).

use super::{box_iores, byte_array_words, frame_arg, new_boxed, Outcome, Prim};
use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout};
use crate::native::{value_entry, word, ARRAY_INFO, BYTE_ARRAY_INFO};
use crate::object::*;
use crate::Word;

pub(crate) static MUT_VAR_INFO: InfoTable = InfoTable::new_static(
    value_entry,
    ClosureType::MutVar,
    Layout { ptrs: 1, nptrs: 0 },
    "MUT_VAR",
);

/// Element `i` of an ARRAY, or `None` out of range.
///
/// # Safety
/// `arr` points at an ARRAY.
unsafe fn slot(arr: Word, i: Word) -> Option<P> {
    let arr = arr as P;
    (i < *arr.add(ARR_LEN)).then(|| arr.add(ARR_DATA + i))
}

/// The result of an inline array or variable operation, or `None` if `prim` is not one.
///
/// # Safety
/// Arguments have the types of the primop's signature; the heap has room for the
/// operation's allocation.
pub(super) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Option<Word> {
    Some(match prim {
        Prim::ByteArraySize => *(a[0] as P).add(ARR_LEN),
        Prim::ByteArrayIndex => {
            let bytes = super::byte_array_bytes(a[0]);
            bytes.get(a[1]).map_or(0, |&b| b as Word)
        }
        Prim::ByteArrayWrite => {
            let p = a[0] as P;
            if a[1] < *p.add(ARR_LEN) {
                *(p.add(ARR_DATA) as *mut u8).add(a[1]) = a[2] as u8;
            }
            0
        }
        Prim::ByteArrayFreeze | Prim::ArrayFreeze => box_iores(cap, a[0]),
        Prim::MutVarNew => {
            let var = cap.alloc_unchecked(2);
            *var = word(&MUT_VAR_INFO);
            *var.add(1) = a[0];
            box_iores(cap, var as Word)
        }
        Prim::MutVarRead => box_iores(cap, *(a[0] as P).add(1)),
        Prim::MutVarWrite => {
            *(a[0] as P).add(1) = a[1];
            crate::barrier::record_write(&mut cap.heap, a[0] as P);
            0
        }
        Prim::MutVarSame => (a[0] == a[1]) as Word,
        Prim::ArrayRead | Prim::ArrayIndex => {
            let value = slot(a[0], a[1]).map_or(cap.world, |s| *s);
            box_iores(cap, value)
        }
        Prim::ArrayWrite => {
            if let Some(s) = slot(a[0], a[1]) {
                *s = a[2];
                crate::barrier::record_write(&mut cap.heap, a[0] as P);
            }
            0
        }
        Prim::ArrayMutableSize | Prim::ArraySize => *(a[0] as P).add(ARR_LEN),
        Prim::UnsafeCoerce => a[0],
        _ => return None,
    })
}

/// Run `newByteArray#`, `newArray#` or `thawArray#` from the PRIM frame on top.
///
/// # Safety
/// The stack top is a PRIM frame of `prim` with arguments of the primop's types.
pub(super) unsafe fn call(cap: &mut Capability, prim: Prim) -> Outcome {
    let len = match prim {
        Prim::ArrayThaw => *(frame_arg(cap, 0) as P).add(ARR_LEN),
        _ => (frame_arg(cap, 0) as i64).max(0) as usize,
    };
    let words = match prim {
        Prim::ByteArrayNew => byte_array_words(len),
        _ => ARR_DATA + len,
    };
    // Arguments are read again: the allocation may have moved what they point at.
    new_boxed(cap, words, |cap, p| match prim {
        Prim::ByteArrayNew => {
            *p = word(&BYTE_ARRAY_INFO);
            *p.add(ARR_LEN) = len;
            std::ptr::write_bytes(p.add(ARR_DATA), 0, words - ARR_DATA);
        }
        Prim::ArrayNew => {
            *p = word(&ARRAY_INFO);
            *p.add(ARR_LEN) = len;
            let init = frame_arg(cap, 1);
            for i in 0..len {
                *p.add(ARR_DATA + i) = init;
            }
        }
        _ => {
            *p = word(&ARRAY_INFO);
            *p.add(ARR_LEN) = len;
            let src = frame_arg(cap, 0) as P;
            std::ptr::copy_nonoverlapping(src.add(ARR_DATA), p.add(ARR_DATA), len);
        }
    })
}
