//! Numeric literals as the Report defines them (§3.2, §6.4.1): a fractional literal is
//! the exact rational its digits denote, and an integer literal may exceed 64 bits.
//! This module turns literal text into those values; it must not decide how they are
//! typed or desugared.

/// `num / den` in lowest terms (`den > 0`) for decimal text like `2.5`, `-1.5e-3`,
/// `6.02E23`; `None` for malformed text or a value whose terms exceed 128 bits.
pub fn exact_rational(text: &str) -> Option<(i128, i128)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut num: i128 = 0;
    for c in whole.chars().chain(frac.chars()) {
        num = num.checked_mul(10)?.checked_add(i128::from(c.to_digit(10)?))?;
    }
    let scale = i64::from(exponent) - frac.len() as i64;
    let mut den: i128 = 1;
    if scale >= 0 {
        num = num.checked_mul(10i128.checked_pow(u32::try_from(scale).ok()?)?)?;
    } else {
        den = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
    }
    let g = gcd(num, den);
    let (num, den) = (num / g, den / g);
    Some((if negative { -num } else { num }, den))
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_to_lowest_terms() {
        assert_eq!(exact_rational("2.5"), Some((5, 2)));
        assert_eq!(exact_rational("-1.5e-3"), Some((-3, 2000)));
        assert_eq!(exact_rational("6.02E23"), Some((602_000_000_000_000_000_000_000, 1)));
        assert_eq!(exact_rational("0.1"), Some((1, 10)));
        assert_eq!(exact_rational("1e2"), Some((100, 1)));
        assert_eq!(exact_rational("0.0"), Some((0, 1)));
        assert_eq!(exact_rational("1e400"), None);
        assert_eq!(exact_rational("1.x"), None);
    }
}
