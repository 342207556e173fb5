//! Lexer tests: every literal form and escape, comments, names and operators.

use super::lex;
use crate::ast::Literal;
use crate::sexp;
use crate::token::Tok;

/// Tokens as `kind:text`, literals as their value.
fn toks(src: &str, magic: bool) -> Vec<String> {
    let (lexed, errors) = lex(src, magic);
    assert!(errors.is_empty(), "unexpected errors for {src:?}: {errors:?}");
    lexed
        .lexemes
        .iter()
        .map(|l| {
            let text = &src[l.start as usize..l.end as usize];
            match l.tok {
                Tok::Lit(i) => format!("lit:{}", sexp::lit(&lexed.lits[i as usize])),
                t => format!("{t:?}:{text}"),
            }
        })
        .collect()
}

fn one_lit(src: &str) -> Literal {
    let (lexed, errors) = lex(src, true);
    assert!(errors.is_empty(), "unexpected errors for {src:?}: {errors:?}");
    assert_eq!(lexed.lexemes.len(), 1, "{src:?} is not one token");
    lexed.lits[0].clone()
}

fn string(src: &str) -> String {
    match one_lit(src) {
        Literal::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

fn error_codes(src: &str) -> Vec<&'static str> {
    lex(src, false).1.iter().map(|d| d.code).collect()
}

#[test]
fn identifiers_and_keywords() {
    assert_eq!(
        toks("x' x'' _under_score camelCase9 Foo_Bar' _ case of", false),
        ["VarId:x'", "VarId:x''", "VarId:_under_score", "VarId:camelCase9", "ConId:Foo_Bar'", "Underscore:_", "Case:case", "Of:of"]
    );
}

#[test]
fn qualified_names() {
    assert_eq!(
        toks("M.x M.N.T M.+ M.. Data.Map.:+ M.N", false),
        ["QVarId:M.x", "QConId:M.N.T", "QVarSym:M.+", "QVarSym:M..", "QConSym:Data.Map.:+", "QConId:M.N"]
    );
    // a qualified keyword is not a name
    assert_eq!(toks("M.where", false), ["ConId:M", "VarSym:.", "Where:where"]);
    // composition needs no spaces when the left operand is a variable
    assert_eq!(toks("f.g", false), ["VarId:f", "VarSym:.", "VarId:g"]);
}

#[test]
fn reserved_operators_and_symbols() {
    assert_eq!(
        toks(".. :: = \\ | <- -> @ ~ => - ! : :+ <+> ==>", false),
        [
            "DotDot:..", "DColon:::", "Equals:=", "Backslash:\\", "Bar:|", "LArrow:<-", "RArrow:->", "At:@", "Tilde:~",
            "DArrow:=>", "Minus:-", "VarSym:!", "ConSym::", "ConSym::+", "VarSym:<+>", "VarSym:==>"
        ]
    );
}

#[test]
fn dashes_start_a_comment_only_when_not_part_of_an_operator() {
    assert_eq!(toks("a --> b |-- c", false), ["VarId:a", "VarSym:-->", "VarId:b", "VarSym:|--", "VarId:c"]);
    assert_eq!(toks("a -- comment --> still\nb", false), ["VarId:a", "VarId:b"]);
    assert_eq!(toks("a --- more\nb", false), ["VarId:a", "VarId:b"]);
    assert_eq!(toks("x--y\nz", false), ["VarId:x", "VarId:z"]);
    assert_eq!(toks("a --", false), ["VarId:a"]);
}

#[test]
fn nested_block_comments_and_pragmas() {
    assert_eq!(toks("a {- x {- nested -} y -} b", false), ["VarId:a", "VarId:b"]);
    assert_eq!(toks("{-# LANGUAGE MagicHash #-}\nmodule", false), ["Module:module"]);
    assert_eq!(toks("a {-} still comment -} b", false), ["VarId:a", "VarId:b"]);
}

#[test]
fn integer_literals() {
    assert_eq!(toks("0 42 007 0x1F 0XfF 0o17 0O777", false), ["lit:0", "lit:42", "lit:7", "lit:31", "lit:255", "lit:15", "lit:511"]);
    assert_eq!(one_lit("123456789012345678901234567890123456789012"), Literal::BigInt("123456789012345678901234567890123456789012".into()));
    assert_eq!(one_lit("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Literal::BigInt("340282366920938463463374607431768211455".into()));
    assert_eq!(one_lit(&format!("0o{}", "7".repeat(50))), Literal::BigInt("1427247692705959881058285969449495136382746623".into()));
    assert_eq!(one_lit(&format!("000{}", "1".repeat(45))), Literal::BigInt("1".repeat(45)));
    // no binary literals in Haskell 2010: `0b1` is `0` then `b1`
    assert_eq!(toks("0b1", false), ["lit:0", "VarId:b1"]);
    // ... unless a LANGUAGE pragma asks for them (GHC's BinaryLiterals).
    assert_eq!(toks("{-# LANGUAGE RankNTypes, BinaryLiterals #-}\n0b101 0B11", false), ["lit:5", "lit:3"]);
    let big = format!("{{-# LANGUAGE BinaryLiterals #-}}\n0b1{}", "0".repeat(130));
    assert_eq!(toks(&big, false), ["lit:1361129467683753853853498429727072845824"]);
    assert_eq!(toks("0x", false), ["lit:0", "VarId:x"]);
}

#[test]
fn float_literals() {
    assert_eq!(toks("1.5 1e3 1.5e-2 2.5E2 0.5 1E+2", false), ["lit:1.5", "lit:1e3", "lit:1.5e-2", "lit:2.5E2", "lit:0.5", "lit:1E+2"]);
    // `1.` and `1e` are not floats
    assert_eq!(toks("1.x", false), ["lit:1", "VarSym:.", "VarId:x"]);
    assert_eq!(toks("1e", false), ["lit:1", "VarId:e"]);
    assert_eq!(toks("[1..2]", false), ["LBracket:[", "lit:1", "DotDot:..", "lit:2", "RBracket:]"]);
}

#[test]
fn character_literals() {
    assert_eq!(one_lit("'a'"), Literal::Char('a'));
    assert_eq!(one_lit("'\\''"), Literal::Char('\''));
    assert_eq!(one_lit("'\"'"), Literal::Char('"'));
    assert_eq!(one_lit("'\\\\'"), Literal::Char('\\'));
    assert_eq!(one_lit("'\\t'"), Literal::Char('\t'));
    assert_eq!(one_lit("'\\DEL'"), Literal::Char('\x7f'));
    assert_eq!(one_lit("'\\NUL'"), Literal::Char('\0'));
    assert_eq!(one_lit("'\\200'"), Literal::Char('\u{c8}'));
    assert_eq!(one_lit("'λ'"), Literal::Char('λ'));
}

#[test]
fn simple_escapes() {
    assert_eq!(string(r#""\a\b\f\n\r\t\v\\\"\'""#), "\x07\x08\x0c\n\r\t\x0b\\\"'");
}

#[test]
fn numeric_escapes() {
    assert_eq!(string(r#""\65\x41\o101\x7F\o17\1234""#), "AAA\x7f\x0f\u{4d2}");
    assert_eq!(string(r#""\1234\&5""#), "\u{4d2}5");
    assert_eq!(string(r#""\1114111""#), "\u{10ffff}");
}

#[test]
fn ascii_name_escapes_take_the_longest_match() {
    assert_eq!(string(r#""\SOH""#), "\x01");
    assert_eq!(string(r#""\SO\&H""#), "\x0eH");
    assert_eq!(string(r#""\SOHx""#), "\x01x");
    assert_eq!(string(r#""\NUL\STX\ETX\EOT\ENQ\ACK\BEL\BS\HT\LF\VT\FF\CR\SI\DLE""#), "\x00\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0f\x10");
    assert_eq!(string(r#""\DC1\DC2\DC3\DC4\NAK\SYN\ETB\CAN\EM\SUB\ESC\FS\GS\RS\US\SP\DEL""#), "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \x7f");
}

#[test]
fn control_escapes() {
    assert_eq!(string(r#""\^A\^@\^Z\^[\^_""#), "\x01\x00\x1a\x1b\x1f");
}

#[test]
fn empty_escape_and_string_gaps() {
    assert_eq!(string(r#""a\&b\&""#), "ab");
    assert_eq!(string("\"abc\\\n     \\def\\  \t\\g\""), "abcdefg");
}

#[test]
fn string_gap_keeps_following_tokens_columns() {
    let src = "x = \"a\\\n  \\b\" ++ y\nz";
    let (lexed, errors) = lex(src, false);
    assert!(errors.is_empty());
    let plus = lexed.lexemes.iter().find(|l| &src[l.start as usize..l.end as usize] == "++").unwrap();
    assert!(!plus.bol);
    let z = lexed.lexemes.last().unwrap();
    assert!(z.bol);
    assert_eq!(z.col, 1);
}

#[test]
fn magic_hash_tokens() {
    assert_eq!(toks("I# x# +# 1# 'c'# \"s\"# 1.5##", true), [
        "ConId:I#", "VarId:x#", "VarSym:+#", "lit:1#", "lit:'c'#", "lit:\"s\"#", "lit:1.5##"
    ]);
    // without MagicHash, `#` is an operator
    assert_eq!(toks("I# 1#", false), ["ConId:I", "VarSym:#", "lit:1", "VarSym:#"]);
    assert_eq!(one_lit("\"é\"#"), Literal::PrimString("é".as_bytes().to_vec()));
}

#[test]
fn bang_is_a_pattern_only_before_an_operand_with_magic_hash() {
    assert_eq!(toks("f !x", true), ["VarId:f", "Bang:!", "VarId:x"]);
    assert_eq!(toks("a ! i", true), ["VarId:a", "VarSym:!", "VarId:i"]);
    assert_eq!(toks("a!i", true), ["VarId:a", "VarSym:!", "VarId:i"]);
    assert_eq!(toks("f !x", false), ["VarId:f", "VarSym:!", "VarId:x"]);
}

#[test]
fn columns_and_line_starts() {
    let (lexed, _) = lex("a b\n  c\n\td", false);
    let cols: Vec<(u32, bool)> = lexed.lexemes.iter().map(|l| (l.col, l.bol)).collect();
    assert_eq!(cols, [(1, true), (3, false), (3, true), (9, true)]);
}

#[test]
fn shebang_line_is_skipped() {
    assert_eq!(toks("#!/usr/bin/env bhc\nmain", false), ["VarId:main"]);
}

#[test]
fn lexical_errors_have_their_codes() {
    assert_eq!(error_codes("x = \"abc"), ["E0002"]);
    assert_eq!(error_codes("x = \"abc\ny = 1"), ["E0002"]);
    assert_eq!(error_codes("{- never closed"), ["E0003"]);
    assert_eq!(error_codes("{- {- -}"), ["E0003"]);
    assert_eq!(error_codes("'ab'"), ["E0004"]);
    assert_eq!(error_codes("''"), ["E0004"]);
    assert_eq!(error_codes("'\\q'"), ["E0004"]);
    assert_eq!(error_codes("\"\\q\""), ["E0004"]);
    assert_eq!(error_codes("\"\\1114112\""), ["E0004"]);
    assert_eq!(error_codes("'\\&'"), ["E0004"]);
    assert_eq!(error_codes("\"\\^a\""), ["E0004"]);
    assert_eq!(error_codes("x = \u{0}"), ["E0005"]);
    assert_eq!(error_codes("x = \u{7}; y = \u{1b}"), ["E0005", "E0005"]);
    assert_eq!(error_codes("x = \u{7}\u{1}\u{2}\u{3}"), ["E0005"], "a run of bad characters is one error");
}

#[test]
fn errors_do_not_stop_the_lexer() {
    let (lexed, errors) = lex("a \u{1} b '' c", false);
    assert_eq!(errors.len(), 2);
    assert!(lexed.lexemes.len() >= 3);
}

#[test]
fn errors_are_capped() {
    let src = "'' ".repeat(10_000);
    let (_, errors) = lex(&src, false);
    assert_eq!(errors.len(), crate::MAX_ERRORS);
}
