//! GHC's `show` text for Double and Float: the digits of GHC's `floatToDigits` (Burger
//! and Dybvig's free-format algorithm with exclusive bounds, so it sometimes prints one
//! digit more than Rust's shortest round trip: `1.5632889667250438e17`), in fixed
//! notation for `0.1 <= |x| < 10^7` and in exponent notation otherwise
//! (`formatRealFloat FFGeneric Nothing`).

use super::{frame_arg, new_byte_array, Outcome, Prim};
use crate::capability::Capability;
use malachite_base::num::arithmetic::traits::{DivRem, Pow};
use malachite_nz::natural::Natural;

/// Run `showDouble#` or `showFloat#` from the PRIM frame on top of the stack.
///
/// # Safety
/// The stack top is a PRIM frame of `prim`.
pub(super) unsafe fn call(cap: &mut Capability, prim: Prim) -> Outcome {
    let x = f64::from_bits(frame_arg(cap, 0) as u64);
    let text = if prim == Prim::FloatShow {
        show_float(x as f32)
    } else {
        show_double(x)
    };
    new_byte_array(cap, text.as_bytes())
}

pub(crate) fn show_double(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let (m, e) = super::floating::decode(x);
    let (ds, e) = float_to_digits(m.unsigned_abs(), e, 53, -1074);
    layout(x.is_sign_negative(), &ds, e)
}

pub(crate) fn show_float(x: f32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    // A float is exactly a double; decode it at single precision (24-bit mantissa).
    let (m, e) = super::floating::decode(x as f64);
    let (m, e) = if m == 0 { (0, 0) } else { (m.unsigned_abs() >> 29, e + 29) };
    let (ds, e) = float_to_digits(m, e, 24, -149);
    layout(x.is_sign_negative(), &ds, e)
}

/// GHC's `floatToDigits 10` for `f * 2^e` (`f` normalised to `p` bits, or 0), with
/// `min_exp` the exponent of the smallest subnormal: digits `ds` and `k` with the value
/// `0.ds * 10^k`.
fn float_to_digits(f: u64, e: i64, p: u32, min_exp: i64) -> (String, i64) {
    if f == 0 {
        return ("0".into(), 0);
    }
    let n = min_exp - e;
    let (f, e) = if n > 0 { (f >> n.min(63), e + n) } else { (f, e) };
    let two = |k: i64| Natural::from(2u32).pow(k as u64);
    let f_nat = Natural::from(f);
    let hidden = f == 1 << (p - 1);
    let (r, s, m_up, m_dn) = if e >= 0 {
        let be = two(e);
        if hidden {
            (&f_nat * &be * Natural::from(4u32), Natural::from(4u32), &be * Natural::from(2u32), be)
        } else {
            (&f_nat * &be * Natural::from(2u32), Natural::from(2u32), be.clone(), be)
        }
    } else if e > min_exp && hidden {
        (f_nat * Natural::from(4u32), two(-e + 1) * Natural::from(2u32), Natural::from(2u32), Natural::from(1u32))
    } else {
        (f_nat * Natural::from(2u32), two(-e) * Natural::from(2u32), Natural::from(1u32), Natural::from(1u32))
    };
    let ten = |k: i64| Natural::from(10u32).pow(k as u64);
    // An estimate never above the true k, then GHC's fix-up upwards.
    let log10 = (f as f64).log10() + e as f64 * std::f64::consts::LOG10_2;
    let mut k = log10.floor() as i64 - 1;
    loop {
        let fits = if k >= 0 {
            &r + &m_up <= ten(k) * &s
        } else {
            ten(-k) * (&r + &m_up) <= s
        };
        if fits {
            break;
        }
        k += 1;
    }
    let (mut r, s, mut m_up, mut m_dn) = if k >= 0 {
        (r, s * ten(k), m_up, m_dn)
    } else {
        let bk = ten(-k);
        (r * &bk, s, m_up * &bk, m_dn * bk)
    };
    let mut ds = String::new();
    let ten = Natural::from(10u32);
    loop {
        let (d, rest) = (r * &ten).div_rem(&s);
        m_up *= &ten;
        m_dn *= &ten;
        let d = u8::try_from(&d).unwrap_or(9);
        let low = rest < m_dn;
        let high = &rest + &m_up > s;
        let digit = match (low, high) {
            (true, false) => Some(d),
            (false, true) => Some(d + 1),
            (true, true) => Some(if &rest * Natural::from(2u32) < s { d } else { d + 1 }),
            (false, false) => None,
        };
        match digit {
            Some(last) => {
                ds.push((b'0' + last) as char);
                return (ds, k);
            }
            None => {
                ds.push((b'0' + d) as char);
                r = rest;
            }
        }
    }
}

/// Lay out digits `ds` with the value `0.ds * 10^e` as GHC does: fixed notation when
/// `0 <= e <= 7`, else `d.ds'e(e-1)`.
fn layout(negative: bool, ds: &str, e: i64) -> String {
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if ds == "0" {
        out.push_str("0.0");
    } else if (0..=7).contains(&e) {
        if e == 0 {
            out.push_str("0.");
            out.push_str(&ds);
        } else {
            let e = e as usize;
            let int: String = ds.chars().chain(std::iter::repeat('0')).take(e).collect();
            let frac = if ds.len() > e { &ds[e..] } else { "0" };
            out.push_str(&int);
            out.push('.');
            out.push_str(frac);
        }
    } else {
        out.push_str(&ds[..1]);
        out.push('.');
        out.push_str(if ds.len() > 1 { &ds[1..] } else { "0" });
        out.push('e');
        out.push_str(&(e - 1).to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outputs of GHC 9's `show` (checked with runghc).
    #[test]
    fn doubles_show_as_in_ghc() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0e-2, "1.0e-2"),
            (1.0e7, "1.0e7"),
            (9999999.0, "9999999.0"),
            (12345.678, "12345.678"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.0, "1.0"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
            (5.0e-324, "5.0e-324"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
            (123456.789e3, "1.23456789e8"),
            (0.30000000000000004, "0.30000000000000004"),
            (-1.5, "-1.5"),
            (100.0, "100.0"),
            (2.5e-5, "2.5e-5"),
            (1.5632889667250438e17, "1.5632889667250438e17"),
            (2.4850389610389608e16, "2.4850389610389608e16"),
            (8.30217741935484e7, "8.30217741935484e7"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (1.0e23, "9.999999999999999e22"),
        ];
        for (x, text) in cases {
            assert_eq!(show_double(*x), *text, "{x:?}");
        }
    }

    #[test]
    fn floats_show_at_single_precision() {
        assert_eq!(show_float(0.1), "0.1");
        assert_eq!(show_float(1.0e7), "1.0e7");
        assert_eq!(show_float(std::f32::consts::PI), "3.1415927");
        assert_eq!(show_float(1.0e-2), "1.0e-2");
        assert_eq!(show_float(16777216.0), "1.6777216e7");
        assert_eq!(show_float(-0.0), "-0.0");
        assert_eq!(show_float(8.3021776e7), "8.3021776e7");
        assert_eq!(show_float(1.0725578e8), "1.07255776e8");
        assert_eq!(show_float(1.0e-45), "1.0e-45");
        assert_eq!(show_float(f32::MAX), "3.4028235e38");
    }
}
