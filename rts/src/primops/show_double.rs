//! GHC's `show` text for Double and Float: the shortest digits that read back
//! (`floatToDigits`), in fixed notation for `0.1 <= |x| < 10^7` and in exponent notation
//! otherwise (`formatRealFloat FFGeneric Nothing`). Rust's shortest round-trip formatting
//! gives the digits; this module only lays them out as GHC does.

use super::{frame_arg, new_byte_array, Outcome, Prim};
use crate::capability::Capability;

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
    layout(x.is_sign_negative(), &format!("{:e}", x.abs()))
}

pub(crate) fn show_float(x: f32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    layout(x.is_sign_negative(), &format!("{:e}", x.abs()))
}

/// Lay out Rust's `d.ddde±x` shortest form as GHC does: with `x = 0.ds * 10^e`, fixed
/// notation when `0 <= e <= 7`, else `d.ds'e(e-1)`.
fn layout(negative: bool, sci: &str) -> String {
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let ds: String = mantissa.chars().filter(|c| *c != '.').collect();
    let e = exp.parse::<i64>().unwrap_or(0) + 1;
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
        ];
        for (x, text) in cases {
            assert_eq!(show_double(*x), *text, "{x:?}");
        }
    }

    #[test]
    fn floats_show_at_single_precision() {
        assert_eq!(show_float(0.1), "0.1");
        assert_eq!(show_float(1.0e7), "1.0e7");
        assert_eq!(show_float(3.1415927), "3.1415927");
        assert_eq!(show_float(1.0e-2), "1.0e-2");
        assert_eq!(show_float(16777216.0), "1.6777216e7");
        assert_eq!(show_float(-0.0), "-0.0");
    }
}
