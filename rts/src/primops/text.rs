//! Strings (`[Char]`) crossing between the heap and Rust in bulk: `hPutStr` hands the
//! runtime the evaluated prefix of its string in one step instead of a primop call per
//! character, and `unpackBytes#` builds a chunk of a text's characters at once (a big
//! Integer's digits, a shown Double).
//!
//! Neither may force anything: the walk stops at the first cell, or character, that is
//! not a value yet and gives it back to base to evaluate; evaluated cells are found
//! through indirections without being changed. Cells are recognised by shape (a
//! constructor of tag 1 with two pointers is `:`, of tag 0 `[]`; a `Char` is a
//! constructor with one word), which the type `[Char]` guarantees.

use super::{box_iores, byte_array_bytes, frame_arg, Outcome, Prim};
use crate::capability::Capability;
use crate::info::ClosureType;
use crate::object::*;
use crate::Word;

/// Characters `unpackBytes#` builds in one call; base's `unpackAppendBytes` steps by it.
pub(crate) const UNPACK_CHUNK: usize = 4096;
/// Words per character unpacked: a `C#` box and a `:` cell.
const CHAR_WORDS: usize = 5;

/// The characters of the evaluated prefix of a string, and where it stopped.
struct Prefix {
    at: P,
}

impl Iterator for Prefix {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        // SAFETY: `at` points at a live object of type [Char] (base's argument, then
        // the tail field of an evaluated cell); nothing allocates during the walk.
        unsafe {
            let cell = follow_ind(self.at);
            if closure_type(cell) != ClosureType::Constr || (*info(cell)).tag != 1 {
                return None;
            }
            let head = follow_ind(*cell.add(1) as P);
            if closure_type(head) != ClosureType::Constr {
                return None;
            }
            self.at = *cell.add(2) as P;
            Some(*head.add(1))
        }
    }
}

/// The result of an inline string operation, or `None` if `prim` is not one.
///
/// # Safety
/// The arguments have the primop's types; the heap has room for two words.
pub(super) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Option<Word> {
    Some(match prim {
        Prim::PutStrBegin => cap.io.put_str_begin(a[0] as i64) as Word,
        Prim::PutStrStep => put_str_step(cap, a[0], a[1], a[2]),
        Prim::PutStrEnd => cap.io.put_str_end(a[0] as i64) as Word,
        _ => return None,
    })
}

/// `hPutStrStep# token c s`: write `c` and the evaluated prefix of `s` as part of the
/// `hPutStr` call `token`, and return the rest in an `IORes` box: `[]`, or a string
/// whose first cell or character needs evaluating. Base forces each cell before it
/// comes here, so a string made one cell at a time costs one step per character, and
/// one made already (a chunk of digits) one step in all.
///
/// # Safety
/// `s` points at a live object of type `[Char]`; the heap has room for two words.
unsafe fn put_str_step(cap: &mut Capability, token: Word, c: Word, s: Word) -> Word {
    let mut prefix = Prefix { at: s as P };
    cap.io.put_str_chars(token as i64, std::iter::once(c).chain(&mut prefix));
    let rest = follow_ind(prefix.at) as Word;
    box_iores(cap, rest)
}

/// `unpackBytes# text i rest`: the bytes of `text` from `i` (up to `UNPACK_CHUNK` of
/// them) as Latin-1 characters in front of `rest`, in an `IORes` box.
///
/// # Safety
/// The stack top is a PRIM frame of `unpackBytes#`: a BYTE_ARRAY, an index, a string.
pub(super) unsafe fn unpack_bytes(cap: &mut Capability) -> Outcome {
    let len = byte_array_bytes(frame_arg(cap, 0)).len();
    let start = (frame_arg(cap, 1) as i64).clamp(0, len as i64) as usize;
    let end = len.min(start.saturating_add(UNPACK_CHUNK));
    let words = CHAR_WORDS * (end - start) + 2;
    // One heap check for the whole chunk (a collection leaves at least `words` free).
    if cap.heap_room() < words {
        if let Err(e) = crate::gc::make_room(cap, words) {
            return Outcome::Raise("Prelude.heapOverflow", e);
        }
    }
    // The collection above may have moved the arguments: read them now, and allocate
    // nothing but from the room just made until the result is built.
    let bytes = byte_array_bytes(frame_arg(cap, 0));
    let mut acc = frame_arg(cap, 2);
    for &b in bytes[start..end].iter().rev() {
        let c = cap.alloc_unchecked(2);
        *c = cap.char_info;
        *c.add(1) = b as Word;
        let cell = cap.alloc_unchecked(3);
        *cell = cap.cons_info;
        *cell.add(1) = c as Word;
        *cell.add(2) = acc;
        acc = cell as Word;
    }
    Outcome::Value(box_iores(cap, acc))
}
