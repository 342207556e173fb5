//! `BigInt#`: arbitrary-precision integers as heap objects the GC owns, with arithmetic
//! by the malachite crate (chosen for its subquadratic multiplication and radix
//! conversion; see docs/runtime.md).
//!
//! A bignum is `[BIGINT][byte count][sign][limb 0 .. limb n-1]`: a BYTE_ARRAY as far as
//! the GC is concerned (no pointers), sign 1 for negative, 64-bit limbs least
//! significant first. Limbs may have leading zeros (the one-limb forms made inline do);
//! readers normalise. Operations read their arguments into malachite values, compute,
//! and allocate the result afterwards, so no heap pointer is held across a collection.

use super::{alloc_or_raise, frame_arg, Outcome, Prim};
use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout};
use crate::native::{value_entry, word};
use crate::object::*;
use crate::runtime::RtsError;
use crate::Word;
use malachite_base::num::arithmetic::traits::{DivMod, Gcd, UnsignedAbs};
use malachite_base::num::conversion::traits::{
    ConvertibleFrom, FromStringBase, RoundingFrom, ToStringBase, WrappingFrom,
};
use malachite_base::num::logic::traits::{BitAccess, CountOnes, SignificantBits};
use malachite_base::rounding_modes::RoundingMode;
use malachite_nz::integer::Integer;
use malachite_nz::natural::Natural;
use std::cmp::Ordering;
use std::str::FromStr;

pub(crate) static BIGINT_INFO: InfoTable =
    InfoTable::new_static(value_entry, ClosureType::ByteArray, Layout::NONE, "BIGINT");

/// Words of a bignum made from one machine word.
pub(super) const SMALL_WORDS: u32 = 4;
const SIGN: usize = ARR_DATA;
const LIMBS: usize = ARR_DATA + 1;

/// The value of a bignum object.
///
/// # Safety
/// `p` points at a bignum.
pub(crate) unsafe fn read(p: Word) -> Integer {
    let p = p as P;
    let n = (*p.add(ARR_LEN) / 8).saturating_sub(1);
    let limbs = std::slice::from_raw_parts(p.add(LIMBS) as *const u64, n);
    Integer::from_sign_and_abs(*p.add(SIGN) == 0, Natural::from_limbs_asc(limbs))
}

/// Write `value` as a bignum at `p`.
///
/// # Safety
/// `p` has room for `3 + limbs.len()` words.
unsafe fn write(p: P, negative: bool, limbs: &[u64]) {
    *p = word(&BIGINT_INFO);
    *p.add(ARR_LEN) = 8 * (1 + limbs.len());
    *p.add(SIGN) = negative as Word;
    std::ptr::copy_nonoverlapping(limbs.as_ptr(), p.add(LIMBS) as *mut u64, limbs.len());
}

/// A new bignum holding `value`, as the result of an out-of-line operation.
fn alloc(cap: &mut Capability, value: &Integer) -> Outcome {
    let negative = *value < 0;
    let limbs = value.unsigned_abs_ref().to_limbs_asc();
    match alloc_or_raise(cap, 3 + limbs.len()) {
        // SAFETY: `p` has room for the bignum.
        Ok(p) => unsafe {
            write(p, negative, &limbs);
            Outcome::Value(p as Word)
        },
        Err(o) => o,
    }
}

/// The result of an inline bignum operation, or `None` if `prim` is not one.
///
/// # Safety
/// Pointer arguments point at bignums; the heap has room for `SMALL_WORDS`.
pub(super) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Option<Word> {
    Some(match prim {
        Prim::BigFromInt | Prim::BigFromWord => {
            let p = cap.alloc_unchecked(SMALL_WORDS as usize);
            let negative = prim == Prim::BigFromInt && (a[0] as i64) < 0;
            let magnitude = if prim == Prim::BigFromInt {
                (a[0] as i64).unsigned_abs()
            } else {
                a[0] as u64
            };
            write(p, negative, &[magnitude]);
            p as Word
        }
        Prim::BigToInt => i64::wrapping_from(&read(a[0])) as Word,
        Prim::BigFitsInt => i64::convertible_from(&read(a[0])) as Word,
        Prim::BigToDouble => {
            f64::rounding_from(&read(a[0]), RoundingMode::Nearest).0.to_bits() as Word
        }
        Prim::BigSignum => match read(a[0]).cmp(&Integer::from(0)) {
            Ordering::Less => -1i64 as Word,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        },
        Prim::BigCompare => match read(a[0]).cmp(&read(a[1])) {
            Ordering::Less => -1i64 as Word,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        },
        Prim::BigTestBit => {
            let i = a[1] as i64;
            (i >= 0 && read(a[0]).get_bit(i as u64)) as Word
        }
        Prim::BigPopCount => {
            let x = read(a[0]);
            let ones = x.unsigned_abs_ref().count_ones() as i64;
            (if x < 0 { -ones } else { ones }) as Word
        }
        _ => return None,
    })
}

/// Run an out-of-line bignum operation from the PRIM frame on top of the stack.
///
/// # Safety
/// The stack top is a PRIM frame of `prim` with arguments of the primop's types.
pub(super) unsafe fn call(cap: &mut Capability, prim: Prim) -> Outcome {
    let arg = |i: usize| frame_arg(cap, i);
    let big = |i: usize| read(frame_arg(cap, i));
    let max_bits = (cap.heap.max_words as u64).saturating_mul(64);
    let value = match prim {
        Prim::BigFromAddr => from_addr(arg(0)),
        Prim::BigFromText => from_text(super::byte_array_bytes(arg(0)), arg(1)),
        Prim::BigFromDouble => {
            let x = f64::from_bits(arg(0) as u64);
            if x.is_finite() {
                Integer::rounding_from(x, RoundingMode::Down).0
            } else {
                Integer::from(0)
            }
        }
        Prim::BigAdd => big(0) + big(1),
        Prim::BigSub => big(0) - big(1),
        Prim::BigMul => big(0) * big(1),
        Prim::BigQuot | Prim::BigRem | Prim::BigDiv | Prim::BigMod => {
            let (x, y) = (big(0), big(1));
            if y == 0 {
                Integer::from(0)
            } else {
                match prim {
                    Prim::BigQuot => x / y,
                    Prim::BigRem => x % y,
                    Prim::BigDiv => x.div_mod(y).0,
                    _ => x.div_mod(y).1,
                }
            }
        }
        Prim::BigNegate => -big(0),
        Prim::BigAbs => Integer::from(big(0).unsigned_abs()),
        Prim::BigGcd => Integer::from(big(0).unsigned_abs().gcd(big(1).unsigned_abs())),
        Prim::BigAnd => big(0) & big(1),
        Prim::BigOr => big(0) | big(1),
        Prim::BigXor => big(0) ^ big(1),
        Prim::BigComplement => !big(0),
        Prim::BigShiftL | Prim::BigShiftR => {
            let (x, n) = (big(0), arg(1) as i64);
            // A negative count shifts the other way.
            let left = (prim == Prim::BigShiftL) == (n >= 0);
            let n = n.unsigned_abs();
            if left {
                if x.significant_bits().saturating_add(n) > max_bits {
                    return Outcome::Raise("Prelude.heapOverflow", RtsError::HeapExhausted);
                }
                x << n
            } else {
                x >> n
            }
        }
        Prim::BigToString | Prim::BigToStringBase => {
            let x = big(0);
            let base = if prim == Prim::BigToString { 10 } else { arg(1) };
            let text = match u8::try_from(base) {
                Ok(b @ 2..=36) => x.to_string_base(b),
                _ => x.to_string(),
            };
            return super::new_byte_array(cap, text.as_bytes());
        }
        _ => {
            return Outcome::Raise(
                "",
                RtsError::Internal(format!("{} is not out-of-line", prim.name())),
            )
        }
    };
    alloc(cap, &value)
}

/// Digits in `base` (2..=36), without a sign; 0 if malformed.
fn from_text(text: &[u8], base: Word) -> Integer {
    let digits = std::str::from_utf8(text).ok().filter(|t| !t.is_empty() && !t.starts_with(['+', '-']));
    match (digits, u8::try_from(base)) {
        (Some(t), Ok(b @ 2..=36)) => Integer::from_string_base(b, t).unwrap_or_else(|| Integer::from(0)),
        _ => Integer::from(0),
    }
}

/// Parse the decimal digits (optional leading `-`) of a string literal; 0 if malformed.
fn from_addr(addr: Word) -> Integer {
    let mut bytes = Vec::new();
    let mut i = 0;
    loop {
        match crate::prim::index_char(addr, i) {
            0 => break,
            b => bytes.push(b as u8),
        }
        i += 1;
    }
    std::str::from_utf8(&bytes)
        .ok()
        .and_then(|s| Integer::from_str(s).ok())
        .unwrap_or_else(|| Integer::from(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use malachite_base::num::arithmetic::traits::Pow;

    #[test]
    fn text_in_a_base_reads_or_gives_zero() {
        let long = "9".repeat(5000);
        assert_eq!(from_text(long.as_bytes(), 10), Integer::from(10).pow(5000) - Integer::from(1));
        assert_eq!(from_text(b"ff", 16), Integer::from(255));
        assert_eq!(from_text(b"FF", 16), Integer::from(255));
        assert_eq!(from_text(b"777", 8), Integer::from(511));
        for (bad, base) in [(&b""[..], 10), (b"-5", 10), (b"+5", 10), (b"12a", 10), (b"5", 1), (b"5", 37)] {
            assert_eq!(from_text(bad, base), Integer::from(0));
        }
    }
}
