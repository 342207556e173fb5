//! Double# operations beyond the instruction set: elementary functions (at Double and,
//! for a Float held in a Double#, at single precision), GHC's `decodeFloat`/`encodeFloat`,
//! classification, rounding to Float, and reading Haskell float syntax. Pure functions
//! of words (reading a ByteArray# argument); total. Every elementary function is the C
//! library's, because that is what GHC calls: results must agree with GHC's bit for bit.

use super::Prim;
use crate::Word;

fn d(w: Word) -> f64 {
    f64::from_bits(w as u64)
}

fn w(x: f64) -> Word {
    x.to_bits() as Word
}

/// A Float held in a Double# (exact: every f32 is a f64).
fn f(w: Word) -> f32 {
    d(w) as f32
}

fn wf(x: f32) -> Word {
    w(x as f64)
}

// Rust's own asinh, acosh and atanh use other formulas than the C library's and
// differ from them (and so from GHC) in the last bit for many arguments.
macro_rules! c_math {
    ($($name:ident: $t:ty;)*) => {
        mod c {
            extern "C" {
                $(pub(super) fn $name(x: $t) -> $t;)*
            }
        }
        $(fn $name(x: $t) -> $t {
            // SAFETY: a pure C math function of one number, defined for every input.
            unsafe { c::$name(x) }
        })*
    };
}

c_math! {
    asinh: f64;
    acosh: f64;
    atanh: f64;
    asinhf: f32;
    acoshf: f32;
    atanhf: f32;
}

/// The result of an inline floating-point operation, or `None` if `prim` is not one.
///
/// # Safety
/// For `readDouble#`, `a[0]` points at a BYTE_ARRAY.
pub(super) unsafe fn inline(prim: Prim, a: [Word; 3]) -> Option<Word> {
    let (x, y) = (d(a[0]), d(a[1]));
    Some(match prim {
        Prim::WordToDouble => w(a[0] as u64 as f64),
        Prim::DoubleNe => (x != y) as Word,
        Prim::DoublePow => w(x.powf(y)),
        Prim::DoubleSqrt => w(x.sqrt()),
        Prim::DoubleExp => w(x.exp()),
        Prim::DoubleLog => w(x.ln()),
        Prim::DoubleSin => w(x.sin()),
        Prim::DoubleCos => w(x.cos()),
        Prim::DoubleTan => w(x.tan()),
        Prim::DoubleAsin => w(x.asin()),
        Prim::DoubleAcos => w(x.acos()),
        Prim::DoubleAtan => w(x.atan()),
        Prim::DoubleSinh => w(x.sinh()),
        Prim::DoubleCosh => w(x.cosh()),
        Prim::DoubleTanh => w(x.tanh()),
        Prim::DoubleLog1p => w(x.ln_1p()),
        Prim::DoubleExpm1 => w(x.exp_m1()),
        Prim::DoubleAsinh => w(asinh(x)),
        Prim::DoubleAcosh => w(acosh(x)),
        Prim::DoubleAtanh => w(atanh(x)),
        Prim::FloatExp => wf(f(a[0]).exp()),
        Prim::FloatLog => wf(f(a[0]).ln()),
        Prim::FloatSin => wf(f(a[0]).sin()),
        Prim::FloatCos => wf(f(a[0]).cos()),
        Prim::FloatTan => wf(f(a[0]).tan()),
        Prim::FloatAsin => wf(f(a[0]).asin()),
        Prim::FloatAcos => wf(f(a[0]).acos()),
        Prim::FloatAtan => wf(f(a[0]).atan()),
        Prim::FloatSinh => wf(f(a[0]).sinh()),
        Prim::FloatCosh => wf(f(a[0]).cosh()),
        Prim::FloatTanh => wf(f(a[0]).tanh()),
        Prim::FloatAsinh => wf(asinhf(f(a[0]))),
        Prim::FloatAcosh => wf(acoshf(f(a[0]))),
        Prim::FloatAtanh => wf(atanhf(f(a[0]))),
        Prim::FloatLog1p => wf(f(a[0]).ln_1p()),
        Prim::FloatExpm1 => wf(f(a[0]).exp_m1()),
        Prim::FloatPow => wf(f(a[0]).powf(f(a[1]))),
        Prim::DoubleDecodeMantissa => decode(x).0 as Word,
        Prim::DoubleDecodeExponent => decode(x).1 as Word,
        Prim::DoubleEncode => w(encode(a[0] as i64, a[1] as i64)),
        Prim::DoubleIsNaN => x.is_nan() as Word,
        Prim::DoubleIsInfinite => x.is_infinite() as Word,
        Prim::DoubleIsNegativeZero => (x == 0.0 && x.is_sign_negative()) as Word,
        Prim::DoubleRoundFloat => w(x as f32 as f64),
        Prim::DoubleRead => w(read(super::byte_array_bytes(a[0]))),
        _ => return None,
    })
}

/// GHC's `decodeFloat`: `x = m * 2^e` with `2^52 <= |m| < 2^53` (subnormals are
/// normalised), `(0, 0)` for zero.
pub(crate) fn decode(x: f64) -> (i64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp == 0 {
        if frac == 0 {
            return (0, 0);
        }
        (frac as i64, -1074)
    } else {
        ((frac | 1 << 52) as i64, exp - 1075)
    };
    while m < 1 << 52 {
        m <<= 1;
        e -= 1;
    }
    (if x.is_sign_negative() { -m } else { m }, e)
}

/// `m * 2^e`, correctly rounded (to nearest, ties to even).
pub(crate) fn encode(m: i64, e: i64) -> f64 {
    if m == 0 {
        return 0.0;
    }
    let sign = if m < 0 { -1.0 } else { 1.0 };
    let a = m.unsigned_abs();
    let bits = 64 - a.leading_zeros() as i64;
    let top = (bits - 1).saturating_add(e);
    if top > 1023 {
        return sign * f64::INFINITY;
    }
    if top >= -1022 {
        // The result is normal: rounding `a` to 53 bits first is the only rounding, and
        // scaling by powers of two within the normal range is exact.
        let mut f = a as f64;
        let mut rest = e;
        while rest != 0 {
            let step = rest.clamp(-1000, 1000);
            f *= 2f64.powi(step as i32);
            rest -= step;
        }
        return sign * f;
    }
    // Subnormal or zero: round `a * 2^(e + 1074)` to an integer number of 2^-1074 units.
    let shift = -(e.saturating_add(1074));
    let units = if shift <= 0 {
        a << (-shift)
    } else if shift >= 66 {
        0
    } else {
        let a = a as u128;
        let q = a >> shift;
        let rem = a & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let up = rem > half || (rem == half && q & 1 == 1);
        (q + up as u128) as u64
    };
    sign * (units as f64 * 2f64.powi(-52)) * 2f64.powi(-1022)
}

/// Parse Haskell float syntax: `digits [. digits] [(e|E) [+|-] digits]`, with an optional
/// leading `-`; NaN when malformed.
pub(crate) fn read(bytes: &[u8]) -> f64 {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return f64::NAN;
    };
    let body = text.strip_prefix('-').unwrap_or(text);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !mantissa_ok || !exponent_ok {
        return f64::NAN;
    }
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_and_encode_agree_with_ghc() {
        assert_eq!(decode(1.0), (1 << 52, -52));
        assert_eq!(decode(-0.5), (-(1 << 52), -53));
        assert_eq!(decode(0.0), (0, 0));
        assert_eq!(decode(5.0e-324), (1 << 52, -1126));
        for x in [1.0, 0.1, -3.75, 1e300, 2.2250738585072014e-308, 5.0e-324, 1.5e-320] {
            let (m, e) = decode(x);
            assert_eq!(encode(m, e), x, "{x}");
        }
        assert_eq!(encode(1, 1024), f64::INFINITY);
        assert_eq!(encode(3, -1075), 1.0e-323, "1.5 units rounds to even 2 units");
        assert_eq!(encode(1, -1075), 0.0, "half a unit rounds to even 0");
        assert_eq!(encode(i64::MAX, 0), 9.223_372_036_854_776e18);
        assert_eq!(encode(-1, i64::MIN), -0.0);
    }

    #[test]
    fn reading_accepts_haskell_syntax_only() {
        assert_eq!(read(b"1.5"), 1.5);
        assert_eq!(read(b"-2.5e-3"), -2.5e-3);
        assert_eq!(read(b"1e10"), 1e10);
        assert_eq!(read(b"12E+2"), 1200.0);
        assert_eq!(read(b"0.1"), 0.1);
        for bad in ["", ".5", "1.", "inf", "NaN", "1e", "1.5.2", "+1", "1_0"] {
            assert!(read(bad.as_bytes()).is_nan(), "{bad}");
        }
    }
}
