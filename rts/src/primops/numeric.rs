//! Int#, Word# and Char# operations: overflow tests, unsigned arithmetic, bit counts,
//! narrowing and Unicode classification. Pure functions of words; total on every input.

use super::Prim;
use crate::Word;
use unicode_general_category::{get_general_category, GeneralCategory};

/// The result of an inline numeric or character operation, or `None` if `prim` is not
/// one of them.
pub(super) fn inline(prim: Prim, a: [Word; 3]) -> Option<Word> {
    let (x, y) = (a[0] as i64, a[1] as i64);
    let (u, v) = (a[0] as u64, a[1] as u64);
    let r: u64 = match prim {
        Prim::AddIntOverflows => x.checked_add(y).is_none() as u64,
        Prim::SubIntOverflows => x.checked_sub(y).is_none() as u64,
        Prim::MulIntOverflows => x.checked_mul(y).is_none() as u64,
        Prim::WordQuot => u.checked_div(v).unwrap_or(0),
        Prim::WordRem => u.checked_rem(v).unwrap_or(0),
        Prim::WordLt => (u < v) as u64,
        Prim::WordLe => (u <= v) as u64,
        Prim::WordShrl => {
            if v < 64 {
                u >> v
            } else {
                0
            }
        }
        Prim::PopCount => u.count_ones() as u64,
        Prim::Clz => u.leading_zeros() as u64,
        Prim::Ctz => u.trailing_zeros() as u64,
        Prim::NarrowInt => narrow(x, v, true),
        Prim::NarrowWord => narrow(x, v, false),
        Prim::CharGeneralCategory => general_category(a[0]),
        Prim::CharToUpper => simple_case(a[0], true),
        Prim::CharToLower => simple_case(a[0], false),
        _ => return None,
    };
    Some(r as Word)
}

/// The low `bits` bits of `value`, sign- or zero-extended; 64 or more bits (or a
/// negative count) leave the value as it is.
fn narrow(bits: i64, value: u64, signed: bool) -> u64 {
    if !(0..64).contains(&bits) {
        return value;
    }
    if bits == 0 {
        return 0;
    }
    let shift = 64 - bits as u32;
    if signed {
        (((value << shift) as i64) >> shift) as u64
    } else {
        (value << shift) >> shift
    }
}

/// GHC's `GeneralCategory` index of a character; `NotAssigned` (29) for a word that is
/// not a Unicode scalar value.
fn general_category(c: Word) -> u64 {
    use GeneralCategory as G;
    let Some(c) = u32::try_from(c).ok().and_then(char::from_u32) else {
        return if (0xd800..0xe000).contains(&c) { 27 } else { 29 };
    };
    match get_general_category(c) {
        G::UppercaseLetter => 0,
        G::LowercaseLetter => 1,
        G::TitlecaseLetter => 2,
        G::ModifierLetter => 3,
        G::OtherLetter => 4,
        G::NonspacingMark => 5,
        G::SpacingMark => 6,
        G::EnclosingMark => 7,
        G::DecimalNumber => 8,
        G::LetterNumber => 9,
        G::OtherNumber => 10,
        G::ConnectorPunctuation => 11,
        G::DashPunctuation => 12,
        G::OpenPunctuation => 13,
        G::ClosePunctuation => 14,
        G::InitialPunctuation => 15,
        G::FinalPunctuation => 16,
        G::OtherPunctuation => 17,
        G::MathSymbol => 18,
        G::CurrencySymbol => 19,
        G::ModifierSymbol => 20,
        G::OtherSymbol => 21,
        G::SpaceSeparator => 22,
        G::LineSeparator => 23,
        G::ParagraphSeparator => 24,
        G::Control => 25,
        G::Format => 26,
        G::Surrogate => 27,
        G::PrivateUse => 28,
        // Unassigned, and categories of Unicode versions newer than this table.
        _ => 29,
    }
}

/// Simple (one-to-one) case mapping, as GHC's `toUpper`/`toLower`: a character whose
/// full mapping is several characters (`ß`) maps to itself, unless Unicode gives it a
/// simple mapping of its own.
fn simple_case(c: Word, upper: bool) -> u64 {
    let Some(ch) = u32::try_from(c).ok().and_then(char::from_u32) else {
        return c as u64;
    };
    if let Some(m) = simple_only_mapping(ch as u32, upper) {
        return m as u64;
    }
    let mut mapped: Vec<char> = if upper {
        ch.to_uppercase().collect()
    } else {
        ch.to_lowercase().collect()
    };
    match mapped.len() {
        1 => mapped.pop().map_or(c as u64, |m| m as u64),
        _ => c as u64,
    }
}

/// The simple mappings (UnicodeData.txt) of the characters whose full mapping, all
/// Rust gives, is several characters although the simple one is a single other
/// character: Greek letters with ypogegrammeni, and capital I with dot above.
fn simple_only_mapping(c: u32, upper: bool) -> Option<u32> {
    match (upper, c) {
        (true, 0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7) => Some(c + 8),
        (true, 0x1FB3 | 0x1FC3 | 0x1FF3) => Some(c + 9),
        (false, 0x130) => Some(0x69),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(p: Prim, x: i64, y: i64) -> i64 {
        inline(p, [x as Word, y as Word, 0]).unwrap() as i64
    }

    #[test]
    fn overflow_checks_and_unsigned_arithmetic() {
        assert_eq!(run(Prim::AddIntOverflows, i64::MAX, 1), 1);
        assert_eq!(run(Prim::AddIntOverflows, i64::MAX, 0), 0);
        assert_eq!(run(Prim::SubIntOverflows, i64::MIN, 1), 1);
        assert_eq!(run(Prim::MulIntOverflows, 1 << 32, 1 << 31), 1);
        assert_eq!(run(Prim::MulIntOverflows, -(1 << 31), 1 << 32), 0);
        assert_eq!(run(Prim::WordQuot, -1, 2), i64::MAX);
        assert_eq!(run(Prim::WordRem, -1, 10), 5);
        assert_eq!(run(Prim::WordQuot, 5, 0), 0);
        assert_eq!(run(Prim::WordLt, 1, -1), 1);
        assert_eq!(run(Prim::WordShrl, -1, 60), 15);
        assert_eq!(run(Prim::WordShrl, -1, 64), 0);
        assert_eq!(run(Prim::PopCount, -1, 0), 64);
        assert_eq!(run(Prim::Clz, 1, 0), 63);
        assert_eq!(run(Prim::Ctz, 0, 0), 64);
    }

    #[test]
    fn narrowing_sign_or_zero_extends() {
        assert_eq!(run(Prim::NarrowInt, 8, 255), -1);
        assert_eq!(run(Prim::NarrowInt, 8, 127), 127);
        assert_eq!(run(Prim::NarrowWord, 8, -1), 255);
        assert_eq!(run(Prim::NarrowInt, 32, 1 << 31), -(1 << 31));
        assert_eq!(run(Prim::NarrowWord, 16, 0x12345), 0x2345);
        assert_eq!(run(Prim::NarrowInt, 64, -5), -5);
    }

    #[test]
    fn characters_follow_ghc() {
        let cat = |c: char| run(Prim::CharGeneralCategory, c as i64, 0);
        assert_eq!(cat('A'), 0);
        assert_eq!(cat('a'), 1);
        assert_eq!(cat('1'), 8);
        assert_eq!(cat(' '), 22);
        assert_eq!(cat('\n'), 25);
        assert_eq!(cat('+'), 18);
        assert_eq!(cat('λ'), 1);
        assert_eq!(run(Prim::CharGeneralCategory, 0xd800, 0), 27);
        assert_eq!(run(Prim::CharGeneralCategory, 0x110000, 0), 29);
        let up = |c: char| char::from_u32(run(Prim::CharToUpper, c as i64, 0) as u32).unwrap();
        let low = |c: char| char::from_u32(run(Prim::CharToLower, c as i64, 0) as u32).unwrap();
        assert_eq!(up('a'), 'A');
        assert_eq!(up('ß'), 'ß');
        assert_eq!(up('λ'), 'Λ');
        assert_eq!(low('Σ'), 'σ');
        assert_eq!(low('1'), '1');
        assert_eq!(up('\u{1F80}'), '\u{1F88}');
        assert_eq!(up('\u{1FA7}'), '\u{1FAF}');
        assert_eq!(up('\u{1FF3}'), '\u{1FFC}');
        assert_eq!(up('\u{1F88}'), '\u{1F88}');
        assert_eq!(low('\u{1F88}'), '\u{1F80}');
        assert_eq!(low('\u{130}'), 'i');
        assert_eq!(up('\u{149}'), '\u{149}');
    }
}
