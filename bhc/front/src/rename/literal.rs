//! Numeric literals as the Report defines them (§3.2, §6.4.1): a fractional literal is
//! the exact rational its digits denote, and an integer literal may exceed 64 bits.
//! This module turns literal text into those values, as decimal digits of any length;
//! it must not decide how they are typed or desugared.

/// The largest power of ten a fractional literal may carry (`1e5000`, `1e-5000`): far
/// beyond `Double`'s range, and small enough that the exact value stays cheap.
const MAX_SCALE: i64 = 5000;

/// `num / den` in lowest terms (`den > 0`) as decimal digits (`num` with an optional
/// `-`), for text like `2.5`, `-1.5e-3`, `6.02E23`, `5.0e-324`; `None` for malformed
/// text or a power of ten beyond `MAX_SCALE`.
pub fn exact_rational(text: &str) -> Option<(String, String)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut num: Vec<u8> = whole.bytes().chain(frac.bytes()).map(|b| b - b'0').skip_while(|d| *d == 0).collect();
    let scale = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
    if scale.abs() > MAX_SCALE {
        return None;
    }
    if num.is_empty() {
        return Some(("0".to_string(), "1".to_string()));
    }
    let (mut twos, mut fives) = (0, 0);
    if scale >= 0 {
        num.extend(std::iter::repeat(0).take(scale as usize));
    } else {
        (twos, fives) = (-scale, -scale);
        // Cancel the factors 2 and 5 that the numerator shares with 10^-scale.
        while twos > 0 {
            let Some(q) = divide_exact(&num, 2) else { break };
            num = q;
            twos -= 1;
        }
        while fives > 0 {
            let Some(q) = divide_exact(&num, 5) else { break };
            num = q;
            fives -= 1;
        }
    }
    let mut den = vec![1u8];
    for _ in 0..twos {
        den = multiply(&den, 2);
    }
    for _ in 0..fives {
        den = multiply(&den, 5);
    }
    let text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
    let sign = if negative { "-" } else { "" };
    Some((format!("{sign}{}", text(&num)), text(&den)))
}

/// `ds / d` for decimal digits `ds` (most significant first), when `d` divides it.
fn divide_exact(ds: &[u8], d: u8) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(ds.len());
    let mut rem = 0u8;
    for &x in ds {
        let cur = rem * 10 + x;
        out.push(cur / d);
        rem = cur % d;
    }
    (rem == 0).then(|| out.into_iter().skip_while(|x| *x == 0).collect())
}

/// `ds * m` for decimal digits `ds` (most significant first) and a small `m`.
fn multiply(ds: &[u8], m: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(ds.len() + 1);
    let mut carry = 0u8;
    for &x in ds.iter().rev() {
        let cur = x * m + carry;
        out.push(cur % 10);
        carry = cur / 10;
    }
    if carry > 0 {
        out.push(carry);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> Option<(String, String)> {
        exact_rational(text)
    }

    fn pair(n: &str, d: &str) -> Option<(String, String)> {
        Some((n.to_string(), d.to_string()))
    }

    #[test]
    fn decimal_text_to_lowest_terms() {
        assert_eq!(exact("2.5"), pair("5", "2"));
        assert_eq!(exact("-1.5e-3"), pair("-3", "2000"));
        assert_eq!(exact("6.02E23"), pair("602000000000000000000000", "1"));
        assert_eq!(exact("0.1"), pair("1", "10"));
        assert_eq!(exact("1e2"), pair("100", "1"));
        assert_eq!(exact("0.0"), pair("0", "1"));
        assert_eq!(exact("007.50"), pair("15", "2"));
        assert_eq!(exact("1.x"), None);
        assert_eq!(exact("1e99999"), None);
    }

    #[test]
    fn values_beyond_128_bits_stay_exact() {
        let (num, den) = exact("5.0e-324").unwrap_or_default();
        assert_eq!(num, "1");
        assert_eq!(den.len(), 324);
        assert!(den.starts_with("2") && den.ends_with("0"), "{den}");
        let (num, den) = exact("1e400").unwrap_or_default();
        assert_eq!((num.len(), den.as_str()), (401, "1"));
    }
}
