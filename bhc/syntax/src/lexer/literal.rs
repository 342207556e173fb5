//! Numeric, character and string literals, with every escape of Report §2.6 and the
//! MagicHash forms. Values are converted here, once; the parser only copies them.

use super::Lexer;
use crate::ast::{Literal, Span};
use crate::diagnostic::Diagnostic;
use malachite_base::num::conversion::traits::FromStringBase;
use malachite_nz::natural::Natural;

/// Report §2.6 `ascii` escapes. `SOH` comes before `SO` so that the longest name wins.
const ASCII_ESCAPES: &[(&str, u32)] = &[
    ("NUL", 0), ("SOH", 1), ("STX", 2), ("ETX", 3), ("EOT", 4), ("ENQ", 5), ("ACK", 6),
    ("BEL", 7), ("BS", 8), ("HT", 9), ("LF", 10), ("VT", 11), ("FF", 12), ("CR", 13),
    ("SO", 14), ("SI", 15), ("DLE", 16), ("DC1", 17), ("DC2", 18), ("DC3", 19), ("DC4", 20),
    ("NAK", 21), ("SYN", 22), ("ETB", 23), ("CAN", 24), ("EM", 25), ("SUB", 26), ("ESC", 27),
    ("FS", 28), ("GS", 29), ("RS", 30), ("US", 31), ("SP", 32), ("DEL", 127),
];

/// An escape that could not be read; the span covers the bad escape.
struct BadEscape(Span, String);

/// Digits in `base` (2..=16) as a decimal string, for integer literals beyond 128 bits.
/// Decimal digits are kept as they are (less leading zeros); other bases are converted
/// with malachite, whose conversions are subquadratic, so a literal of 100,000 digits
/// costs milliseconds.
pub(crate) fn digits_to_decimal(digits: &str, base: u32) -> String {
    if base == 10 {
        let significant = digits.trim_start_matches('0');
        return if significant.is_empty() { "0".to_string() } else { significant.to_string() };
    }
    // The lexer passes only digits of `base`; anything else would be a lexer bug, and
    // reads as 0 rather than a panic.
    u8::try_from(base)
        .ok()
        .and_then(|b| Natural::from_string_base(b, digits))
        .map(|n| n.to_string())
        .unwrap_or_else(|| "0".to_string())
}

fn integer_value(digits: &str, base: u32) -> Literal {
    let mut value: u128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(base).unwrap_or(0) as u128;
        match value.checked_mul(base as u128).and_then(|v| v.checked_add(d)) {
            Some(v) => value = v,
            None => return Literal::BigInt(digits_to_decimal(digits, base)),
        }
    }
    match i128::try_from(value) {
        Ok(v) => Literal::Int(v),
        Err(_) => Literal::BigInt(digits_to_decimal(digits, base)),
    }
}

impl Lexer<'_> {
    fn digits(&mut self, base: u32) -> &str {
        let start = self.pos;
        while self.pos < self.bytes.len() && (self.bytes[self.pos] as char).is_digit(base) {
            self.pos += 1;
        }
        &self.src[start..self.pos]
    }

    fn is_digit_at(&self, i: usize, base: u32) -> bool {
        (self.byte(i) as char).is_digit(base)
    }

    pub(super) fn number(&mut self) {
        let start = self.pos;
        let radix = match (self.byte(start), self.byte(start + 1)) {
            (b'0', b'x' | b'X') if self.is_digit_at(start + 2, 16) => Some(16),
            (b'0', b'o' | b'O') if self.is_digit_at(start + 2, 8) => Some(8),
            (b'0', b'b' | b'B') if self.binary_literals && self.is_digit_at(start + 2, 2) => Some(2),
            _ => None,
        };
        if let Some(base) = radix {
            self.pos += 2;
            let digits = self.digits(base).to_string();
            self.finish_integer(integer_value(&digits, base), start);
            return;
        }
        let digits = self.digits(10).to_string();
        let mut is_float = false;
        if self.byte(self.pos) == b'.' && self.is_digit_at(self.pos + 1, 10) {
            self.pos += 1;
            self.digits(10);
            is_float = true;
        }
        if matches!(self.byte(self.pos), b'e' | b'E') {
            let sign = usize::from(matches!(self.byte(self.pos + 1), b'+' | b'-'));
            if self.is_digit_at(self.pos + 1 + sign, 10) {
                self.pos += 1 + sign;
                self.digits(10);
                is_float = true;
            }
        }
        if !is_float {
            self.finish_integer(integer_value(&digits, 10), start);
            return;
        }
        let text = self.src[start..self.pos].to_string();
        if self.magic_hash && self.byte(self.pos) == b'#' && self.byte(self.pos + 1) == b'#' {
            self.pos += 2;
            let value = text.parse::<f64>().unwrap_or(f64::INFINITY);
            self.push_lit(Literal::PrimDouble(value), start);
        } else {
            self.push_lit(Literal::Frac(text), start);
        }
    }

    fn finish_integer(&mut self, lit: Literal, start: usize) {
        if !(self.magic_hash && self.byte(self.pos) == b'#') {
            self.push_lit(lit, start);
            return;
        }
        self.pos += 1;
        match lit {
            Literal::Int(v) if i64::try_from(v).is_ok() => self.push_lit(Literal::PrimInt(v as i64), start),
            _ => {
                self.error("E0007", "primitive integer literal out of range", self.span(start), "does not fit in 64 bits");
                self.push_lit(Literal::PrimInt(0), start);
            }
        }
    }

    pub(super) fn char_literal(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let value = match self.peek() {
            None | Some('\n') => Err(BadEscape(self.span(start), "unterminated character literal".into())),
            Some('\'') => Err(BadEscape(Span::new(start as u32, start as u32 + 2), "empty character literal".into())),
            Some('\\') => {
                self.pos += 1;
                match self.escape() {
                    Ok(Some(c)) => Ok(c),
                    Ok(None) => Err(BadEscape(self.span(start), "`\\&` is not a character".into())),
                    Err(e) => Err(e),
                }
            }
            Some(c) => {
                self.pos += c.len_utf8();
                Ok(c)
            }
        };
        let value = value.and_then(|c| {
            if self.byte(self.pos) == b'\'' {
                self.pos += 1;
                Ok(c)
            } else {
                Err(BadEscape(self.span(start), "character literal is not closed".into()))
            }
        });
        match value {
            Ok(c) if self.magic_hash && self.byte(self.pos) == b'#' => {
                self.pos += 1;
                self.push_lit(Literal::PrimChar(c), start);
            }
            Ok(c) => self.push_lit(Literal::Char(c), start),
            Err(BadEscape(span, message)) => {
                self.errors.push(
                    Diagnostic::new("E0004", message, span, "bad character literal")
                        .with_help("a character literal is one character or escape between single quotes, like 'a' or '\\n'"),
                );
                self.skip_bad_char_literal();
            }
        }
    }

    /// After a bad character literal, resume after its closing quote if it is on this line
    /// and near, else right here.
    fn skip_bad_char_literal(&mut self) {
        let rest = &self.bytes[self.pos..];
        let limit = rest.len().min(16);
        if let Some(i) = rest[..limit].iter().position(|&b| b == b'\'' || b == b'\n') {
            if rest[i] == b'\'' {
                self.pos += i + 1;
            }
        }
    }

    pub(super) fn string(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        let mut ok = true;
        loop {
            let Some(c) = self.peek() else {
                self.unterminated_string(start);
                return;
            };
            match c {
                '"' => {
                    self.pos += 1;
                    break;
                }
                '\n' => {
                    self.unterminated_string(start);
                    return;
                }
                '\\' => {
                    self.pos += 1;
                    if self.peek().is_some_and(|c| c.is_whitespace()) {
                        if !self.string_gap() {
                            self.unterminated_string(start);
                            return;
                        }
                        continue;
                    }
                    match self.escape() {
                        Ok(Some(c)) => value.push(c),
                        Ok(None) => {}
                        Err(BadEscape(span, message)) => {
                            ok = false;
                            self.errors.push(Diagnostic::new("E0004", message, span, "bad escape"));
                        }
                    }
                }
                c => {
                    self.pos += c.len_utf8();
                    value.push(c);
                }
            }
        }
        if !ok {
            return;
        }
        if self.magic_hash && self.byte(self.pos) == b'#' {
            self.pos += 1;
            self.push_lit(Literal::PrimString(value.into_bytes()), start);
        } else {
            self.push_lit(Literal::String(value), start);
        }
    }

    fn unterminated_string(&mut self, start: usize) {
        self.skip_line();
        self.errors.push(
            Diagnostic::new("E0002", "unterminated string literal", self.span(start), "this string is never closed")
                .with_help("close the string with `\"` on the same line, or continue it with a string gap `\\ ... \\`"),
        );
    }

    /// Skips a string gap `\   \` (white space, newlines included, between backslashes);
    /// the opening backslash is already consumed. False if the gap is not closed.
    fn string_gap(&mut self) -> bool {
        while let Some(c) = self.peek() {
            match c {
                '\\' => {
                    self.pos += 1;
                    return true;
                }
                '\n' => {
                    self.newline(self.pos);
                    self.pos += 1;
                }
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                _ => return false,
            }
        }
        false
    }

    /// One escape after its backslash. `Ok(None)` is the empty escape `\&`.
    fn escape(&mut self) -> Result<Option<char>, BadEscape> {
        let start = self.pos - 1;
        let Some(c) = self.peek() else {
            return Err(BadEscape(self.span(start), "backslash at end of input".into()));
        };
        let simple = match c {
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            '\\' | '"' | '\'' => Some(c),
            _ => None,
        };
        if let Some(ch) = simple {
            self.pos += 1;
            return Ok(Some(ch));
        }
        if c == '&' {
            self.pos += 1;
            return Ok(None);
        }
        if c == '^' {
            let ctl = self.byte(self.pos + 1);
            if (b'@'..=b'_').contains(&ctl) {
                self.pos += 2;
                return Ok(Some((ctl - b'@') as char));
            }
            self.pos += 1;
            return Err(BadEscape(self.span(start), "bad control escape: `\\^` must be followed by one of @A-Z[\\]^_".into()));
        }
        let numeric = match c {
            '0'..='9' => Some(10),
            'o' if self.is_digit_at(self.pos + 1, 8) => Some(8),
            'x' if self.is_digit_at(self.pos + 1, 16) => Some(16),
            _ => None,
        };
        if let Some(base) = numeric {
            if base != 10 {
                self.pos += 1;
            }
            let mut value: u32 = 0;
            while self.pos < self.bytes.len() && (self.bytes[self.pos] as char).is_digit(base) {
                let d = (self.bytes[self.pos] as char).to_digit(base).unwrap_or(0);
                value = value.saturating_mul(base).saturating_add(d);
                self.pos += 1;
            }
            return char::from_u32(value)
                .map(Some)
                .ok_or_else(|| BadEscape(self.span(start), "numeric escape is not a Unicode character".into()));
        }
        let rest = &self.src[self.pos..];
        if let Some(&(name, code)) = ASCII_ESCAPES.iter().find(|(name, _)| rest.starts_with(name)) {
            self.pos += name.len();
            return Ok(char::from_u32(code));
        }
        self.pos += c.len_utf8();
        Err(BadEscape(self.span(start), format!("unknown escape `\\{c}`")))
    }
}
