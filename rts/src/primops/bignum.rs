//! `BigInt#`: arbitrary-precision integers as heap objects the GC owns, with arithmetic
//! by the malachite crate (chosen for its subquadratic multiplication and radix
//! conversion; see docs/runtime.md).
//!
//! A bignum is `[BIGINT][byte count][sign][limb 0 .. limb n-1]`: a BYTE_ARRAY as far as
//! the GC is concerned (no pointers), sign 1 for negative, 64-bit limbs least
//! significant first. Limbs may have leading zeros (the one-limb forms made inline do);
//! readers normalise. Comparisons, signs and conversions to `Int#` read the limbs in
//! place; multiplication by a one-limb number writes straight into the result object;
//! other operations read their arguments into malachite values, compute, and allocate
//! the result afterwards. No heap pointer is held across a collection.

use super::{alloc_or_raise, frame_arg, Outcome, Prim};
use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout};
use crate::native::{value_entry, word};
use crate::object::*;
use crate::runtime::RtsError;
use crate::Word;
use malachite_base::num::arithmetic::traits::{DivMod, Gcd, UnsignedAbs};
use malachite_base::num::conversion::traits::{
    FromStringBase, RoundingFrom, ToStringBase,
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

/// A bignum in place: its sign and its limbs without leading zeros, borrowed until the
/// next allocation.
struct View<'a> {
    negative: bool,
    limbs: &'a [u64],
}

/// # Safety
/// `p` points at a bignum; the view must not be used after an allocation.
unsafe fn view<'a>(p: Word) -> View<'a> {
    let p = p as P;
    let n = (*p.add(ARR_LEN) / 8).saturating_sub(1);
    let mut limbs = std::slice::from_raw_parts(p.add(LIMBS) as *const u64, n);
    while let [rest @ .., 0] = limbs {
        limbs = rest;
    }
    View {
        negative: *p.add(SIGN) != 0 && !limbs.is_empty(),
        limbs,
    }
}

impl View<'_> {
    fn signum(&self) -> Ordering {
        match (self.limbs.is_empty(), self.negative) {
            (true, _) => Ordering::Equal,
            (false, true) => Ordering::Less,
            (false, false) => Ordering::Greater,
        }
    }

    fn magnitude_cmp(&self, other: &View) -> Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    fn cmp(&self, other: &View) -> Ordering {
        match (self.signum(), other.signum()) {
            (a, b) if a != b => a.cmp(&b),
            (Ordering::Less, _) => other.magnitude_cmp(self),
            _ => self.magnitude_cmp(other),
        }
    }

    /// The low 64 bits of the two's complement value (GHC's `integerToInt#`).
    fn wrapping_i64(&self) -> i64 {
        let low = self.limbs.first().copied().unwrap_or(0);
        if self.negative {
            low.wrapping_neg() as i64
        } else {
            low as i64
        }
    }

    fn fits_i64(&self) -> bool {
        match self.limbs {
            [] => true,
            [x] if self.negative => *x <= 1 << 63,
            [x] => *x < 1 << 63,
            _ => false,
        }
    }
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
fn alloc(cap: &mut Capability, value: Integer) -> Outcome {
    let negative = value < 0;
    let limbs = value.unsigned_abs().into_limbs_asc();
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
        Prim::BigToInt => view(a[0]).wrapping_i64() as Word,
        Prim::BigFitsInt => view(a[0]).fits_i64() as Word,
        Prim::BigToDouble => {
            f64::rounding_from(&read(a[0]), RoundingMode::Nearest).0.to_bits() as Word
        }
        Prim::BigSignum => view(a[0]).signum() as i64 as Word,
        Prim::BigCompare => view(a[0]).cmp(&view(a[1])) as i64 as Word,
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
        Prim::BigMul => match mul_by_limb(cap) {
            Some(o) => return o,
            None => read(frame_arg(cap, 0)) * read(frame_arg(cap, 1)),
        },
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
    alloc(cap, value)
}

/// `bigMul#` when one factor has at most one limb (a factorial's steps, anything times
/// an `Int`): the product is written straight into the new object, with no copy of the
/// other factor. `None` when both are longer.
///
/// # Safety
/// The stack top is a PRIM frame of `bigMul#`.
unsafe fn mul_by_limb(cap: &mut Capability) -> Option<Outcome> {
    let (x, y) = (view(frame_arg(cap, 0)), view(frame_arg(cap, 1)));
    let (long, short) = if x.limbs.len() >= y.limbs.len() { (0, 1) } else { (1, 0) };
    let (len, negative) = {
        let (l, s) = if long == 0 { (&x, &y) } else { (&y, &x) };
        if s.limbs.len() > 1 {
            return None;
        }
        (l.limbs.len() + 1, x.negative != y.negative)
    };
    let p = match alloc_or_raise(cap, 3 + len) {
        Ok(p) => p,
        Err(o) => return Some(o),
    };
    // The allocation may have moved the factors: view them again.
    let (l, s) = (view(frame_arg(cap, long)), view(frame_arg(cap, short)));
    let m = s.limbs.first().copied().unwrap_or(0);
    *p = word(&BIGINT_INFO);
    *p.add(ARR_LEN) = 8 * (1 + len);
    *p.add(SIGN) = (negative && m != 0) as Word;
    let out = std::slice::from_raw_parts_mut(p.add(LIMBS) as *mut u64, len);
    let mut carry = 0u64;
    for (o, &a) in out.iter_mut().zip(l.limbs) {
        let t = a as u128 * m as u128 + carry as u128;
        *o = t as u64;
        carry = (t >> 64) as u64;
    }
    out[len - 1] = carry;
    Some(Outcome::Value(p as Word))
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
    use malachite_base::num::conversion::traits::{ConvertibleFrom, WrappingFrom};

    /// A bignum object in a buffer, with `pad` leading zero limbs.
    fn object(x: &Integer, pad: usize) -> Vec<Word> {
        let mut limbs = x.unsigned_abs_ref().to_limbs_asc();
        limbs.resize(limbs.len() + pad, 0);
        let mut words = vec![0; 3 + limbs.len()];
        // SAFETY: the buffer has room for the header and the limbs.
        unsafe { write(words.as_mut_ptr(), *x < 0, &limbs) };
        words
    }

    #[test]
    fn views_agree_with_malachite() {
        let mut values = vec![Integer::from(0), Integer::from(1), Integer::from(-1)];
        for k in [62u64, 63, 64, 65, 127, 128, 300] {
            let p = Integer::from(2).pow(k);
            for d in [-1i64, 0, 1] {
                values.push(&p + Integer::from(d));
                values.push(-(&p + Integer::from(d)));
            }
        }
        let objects: Vec<Vec<Word>> = values.iter().enumerate().map(|(i, x)| object(x, i % 3)).collect();
        for (x, ox) in values.iter().zip(&objects) {
            // SAFETY: each buffer holds a bignum.
            let vx = unsafe { view(ox.as_ptr() as Word) };
            assert_eq!(vx.signum(), x.cmp(&Integer::from(0)), "{x}");
            assert_eq!(vx.fits_i64(), i64::convertible_from(x), "{x}");
            assert_eq!(vx.wrapping_i64(), i64::wrapping_from(x), "{x}");
            for (y, oy) in values.iter().zip(&objects) {
                // SAFETY: as above.
                let vy = unsafe { view(oy.as_ptr() as Word) };
                assert_eq!(vx.cmp(&vy), x.cmp(y), "{x} vs {y}");
            }
        }
    }

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
