//! Semantics of the primops that need more than one machine instruction: total versions
//! of division and shifts (no input may panic) and reading string literals. The
//! interpreter calls these; they must not touch the heap or the stack.

use crate::Word;

/// `quotInt#`: truncating division; 0 when dividing by zero (base checks first).
pub(crate) fn quot(a: i64, b: i64) -> i64 {
    if b == 0 {
        0
    } else {
        a.wrapping_div(b)
    }
}

/// `remInt#`: remainder of truncating division; 0 when dividing by zero.
pub(crate) fn rem(a: i64, b: i64) -> i64 {
    if b == 0 {
        0
    } else {
        a.wrapping_rem(b)
    }
}

/// `uncheckedIShiftL#`: shifts of 64 or more (or negative) give 0.
pub(crate) fn shl(a: i64, b: i64) -> i64 {
    if (0..64).contains(&b) {
        a << b
    } else {
        0
    }
}

/// `uncheckedIShiftRA#`: shifts of 64 or more (or negative) give the sign.
pub(crate) fn shra(a: i64, b: i64) -> i64 {
    if (0..64).contains(&b) {
        a >> b
    } else {
        a >> 63
    }
}

/// `indexCharOffAddr#`: byte `i` of a string literal as a character, or NUL outside
/// the literal. Every `Addr#` is the start of a literal made by
/// `Runtime::string_literal`, whose length sits in the word before its bytes.
pub(crate) fn index_char(addr: Word, i: i64) -> Word {
    if addr == 0 {
        return 0;
    }
    // SAFETY: `addr` points just after the length word of an immortal literal (there is
    // no address arithmetic primop, so no other Addr# can exist).
    let len = unsafe { *(addr as *const Word).sub(1) };
    if i < 0 || i as u64 >= len as u64 {
        return 0;
    }
    // SAFETY: `i < len`, and the literal has `len` bytes after its length word.
    unsafe { *(addr as *const u8).add(i as usize) as Word }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_and_shifts_are_total() {
        assert_eq!(quot(7, 0), 0);
        assert_eq!(rem(7, 0), 0);
        assert_eq!(quot(i64::MIN, -1), i64::MIN);
        assert_eq!(rem(i64::MIN, -1), 0);
        assert_eq!(quot(-7, 2), -3);
        assert_eq!(rem(-7, 2), -1);
        assert_eq!(shl(1, 70), 0);
        assert_eq!(shl(1, 3), 8);
        assert_eq!(shra(-8, 1), -4);
        assert_eq!(shra(-8, 99), -1);
        assert_eq!(shra(8, -1), 0);
    }
}
