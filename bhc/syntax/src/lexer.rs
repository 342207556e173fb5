//! The lexer: Haskell 2010 lexical syntax (Report chapter 2) from source text to tokens,
//! each with the column and first-on-line flag that the layout pass needs. Comments and
//! pragmas are skipped here (a `LANGUAGE` pragma naming `BinaryLiterals` switches on
//! `0b101` literals for the rest of the file). The lexer recovers from every error by skipping the bad
//! text, so one pass reports all lexical errors; it must never panic on any input and it
//! does not know about layout or grammar.

mod literal;
#[cfg(test)]
mod tests;

use crate::ast::{Literal, Span};
use crate::diagnostic::Diagnostic;
use crate::token::{Lexeme, Tok};

/// The lexer's output: tokens, and the values of the literal tokens (`Tok::Lit(i)`).
#[derive(Debug, Default)]
pub struct Lexed {
    pub lexemes: Vec<Lexeme>,
    pub lits: Vec<Literal>,
}

pub fn lex(src: &str, magic_hash: bool) -> (Lexed, Vec<Diagnostic>) {
    let mut lx = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        magic_hash,
        binary_literals: false,
        line_start: 0,
        col_pos: 0,
        col_val: 0,
        bol: true,
        tok_col: 1,
        tok_bol: true,
        out: Lexed::default(),
        errors: Vec::new(),
    };
    lx.run();
    (lx.out, lx.errors)
}

pub(crate) fn is_symbol_char(c: char) -> bool {
    if c.is_ascii() {
        return "!#$%&*+./<=>?@\\^|-~:".contains(c);
    }
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control() && c != '\u{feff}'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\''
}

fn is_lower_start(c: char) -> bool {
    c == '_' || c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase())
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    magic_hash: bool,
    /// GHC's BinaryLiterals: off in Haskell 2010, where `0b1` is `0` then `b1`.
    binary_literals: bool,
    line_start: usize,
    /// A position on the current line whose column is known, so that columns are
    /// computed incrementally (a 1 MB line must not make the lexer quadratic).
    col_pos: usize,
    col_val: u32,
    bol: bool,
    /// Column and first-on-line flag of the token being lexed, taken at its start (a
    /// string gap may move the lexer to a later line before the token ends).
    tok_col: u32,
    tok_bol: bool,
    out: Lexed,
    errors: Vec<Diagnostic>,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, byte_offset: usize) -> Option<char> {
        self.src.get(self.pos + byte_offset..).and_then(|s| s.chars().next())
    }

    fn byte(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn span(&self, start: usize) -> Span {
        Span::new(start as u32, self.pos as u32)
    }

    fn error(&mut self, code: &'static str, message: impl Into<String>, span: Span, label: &str) {
        self.errors.push(Diagnostic::new(code, message, span, label));
    }

    fn newline(&mut self, at: usize) {
        self.line_start = at + 1;
        self.col_pos = at + 1;
        self.col_val = 0;
        self.bol = true;
    }

    /// The 1-based column of byte offset `p` on the current line (tab stops every 8).
    fn column(&mut self, p: usize) -> u32 {
        if p < self.line_start {
            return 1;
        }
        if self.col_pos < self.line_start || self.col_pos > p {
            self.col_pos = self.line_start;
            self.col_val = 0;
        }
        for &b in &self.bytes[self.col_pos..p] {
            if b == b'\t' {
                self.col_val = (self.col_val / 8 + 1) * 8;
            } else if b & 0xC0 != 0x80 {
                self.col_val += 1;
            }
        }
        self.col_pos = p;
        self.col_val + 1
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.bol = false;
        let (col, bol) = (self.tok_col, self.tok_bol);
        self.out.lexemes.push(Lexeme { tok, start: start as u32, end: self.pos as u32, col, bol });
    }

    fn push_lit(&mut self, lit: Literal, start: usize) {
        let index = self.out.lits.len() as u32;
        self.out.lits.push(lit);
        self.push(Tok::Lit(index), start);
    }

    fn run(&mut self) {
        if self.src.starts_with("#!") {
            self.skip_line();
        }
        while self.errors.len() < crate::MAX_ERRORS {
            self.skip_whitespace_and_comments();
            let Some(c) = self.peek() else { break };
            let start = self.pos;
            self.tok_col = self.column(start);
            self.tok_bol = self.bol;
            match c {
                '(' | ')' | '[' | ']' | ',' | ';' | '`' | '{' | '}' => {
                    self.pos += 1;
                    let tok = match c {
                        '(' => Tok::LParen,
                        ')' => Tok::RParen,
                        '[' => Tok::LBracket,
                        ']' => Tok::RBracket,
                        ',' => Tok::Comma,
                        ';' => Tok::Semi,
                        '`' => Tok::Backquote,
                        '{' => Tok::LBrace,
                        _ => Tok::RBrace,
                    };
                    self.push(tok, start);
                }
                '"' => self.string(),
                '\'' => self.char_literal(),
                '0'..='9' => self.number(),
                c if c.is_uppercase() => self.conid_or_qualified(),
                c if is_lower_start(c) => self.varid(),
                c if is_symbol_char(c) => self.symbol(),
                c => {
                    self.pos += c.len_utf8();
                    self.unexpected_char(c, start);
                }
            }
        }
    }

    /// Reports a character Haskell does not use. A run of them (binary garbage) is one
    /// diagnostic, not one per byte.
    fn unexpected_char(&mut self, c: char, start: usize) {
        if let Some(last) = self.errors.last_mut().filter(|d| d.code == "E0005") {
            if let Some(label) = last.labels.first_mut().filter(|l| l.0.end as usize == start) {
                label.0.end = self.pos as u32;
                last.message = "unexpected characters".into();
                return;
            }
        }
        let shown = if c.is_control() || c.is_whitespace() { format!("U+{:04X}", c as u32) } else { format!("`{c}`") };
        self.error("E0005", format!("unexpected character {shown}"), self.span(start), "not valid in Haskell source");
    }

    fn skip_line(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
            self.pos += 1;
        }
    }

    fn skip_whitespace_and_comments(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                '\n' => {
                    self.newline(self.pos);
                    self.pos += 1;
                }
                ' ' | '\t' | '\r' | '\x0b' | '\x0c' => self.pos += 1,
                '{' if self.byte(self.pos + 1) == b'-' => self.block_comment(),
                '-' if self.byte(self.pos + 1) == b'-' => {
                    let mut end = self.pos;
                    while self.byte(end) == b'-' {
                        end += 1;
                    }
                    let next = self.src[end..].chars().next();
                    if next.is_some_and(is_symbol_char) {
                        return;
                    }
                    self.skip_line();
                }
                c if !c.is_ascii() && (c.is_whitespace() || c == '\u{feff}') => self.pos += c.len_utf8(),
                _ => return,
            }
        }
    }

    /// Notes the extensions of lexical syntax that a `{-# LANGUAGE .. #-}` comment
    /// ending before `self.pos` switches on.
    fn language_pragma(&mut self, start: usize) {
        let Some(text) = self.src.get(start..self.pos) else { return };
        let Some(body) = text.strip_prefix("{-#").and_then(|t| t.strip_suffix("#-}")) else { return };
        let mut words = body.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("LANGUAGE")) && words.any(|w| w == "BinaryLiterals") {
            self.binary_literals = true;
        }
    }

    /// A nested `{- ... -}` comment (pragmas `{-# ... #-}` included).
    fn block_comment(&mut self) {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1usize;
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'{' if self.byte(self.pos + 1) == b'-' => {
                    depth += 1;
                    self.pos += 2;
                }
                b'-' if self.byte(self.pos + 1) == b'}' => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        self.language_pragma(start);
                        return;
                    }
                }
                b'\n' => {
                    self.newline(self.pos);
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
        let span = Span::new(start as u32, start as u32 + 2);
        self.errors.push(
            Diagnostic::new("E0003", "unterminated block comment", span, "this `{-` is never closed")
                .with_help("close the comment with `-}`"),
        );
    }

    fn ident_tail(&mut self) {
        while let Some(c) = self.peek() {
            if is_ident_char(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        if self.magic_hash {
            while self.byte(self.pos) == b'#' {
                self.pos += 1;
            }
        }
    }

    fn varid(&mut self) {
        let start = self.pos;
        self.ident_tail();
        let tok = Tok::keyword(&self.src[start..self.pos]).unwrap_or(Tok::VarId);
        self.push(tok, start);
    }

    /// A conid, or a qualified name `M.N.x`, `M.T`, `M.+`, `M..` (Report §2.4: the
    /// qualifier is taken greedily, but a qualified keyword or reserved operator is not a
    /// name, so `M.where` is three tokens).
    fn conid_or_qualified(&mut self) {
        let start = self.pos;
        self.ident_tail();
        let mut tok = Tok::ConId;
        while self.byte(self.pos) == b'.' {
            let dot = self.pos;
            let Some(c) = self.peek_at(1) else { break };
            if c.is_uppercase() {
                self.pos += 1;
                self.ident_tail();
                tok = Tok::QConId;
                continue;
            }
            if is_lower_start(c) {
                self.pos += 1;
                let name_start = self.pos;
                self.ident_tail();
                if Tok::keyword(&self.src[name_start..self.pos]).is_some() {
                    self.pos = dot;
                } else {
                    tok = Tok::QVarId;
                }
                break;
            }
            if is_symbol_char(c) {
                self.pos += 1;
                let name_start = self.pos;
                self.symbol_run();
                let sym = &self.src[name_start..self.pos];
                if Tok::reserved_op(sym).is_some_and(|t| t != Tok::Minus) || sym == "--" {
                    self.pos = dot;
                } else {
                    tok = if sym.starts_with(':') { Tok::QConSym } else { Tok::QVarSym };
                }
            }
            break;
        }
        self.push(tok, start);
    }

    fn symbol_run(&mut self) {
        while let Some(c) = self.peek() {
            if is_symbol_char(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn symbol(&mut self) {
        let start = self.pos;
        self.symbol_run();
        let sym = &self.src[start..self.pos];
        let tok = if let Some(t) = Tok::reserved_op(sym) {
            t
        } else if sym.starts_with(':') {
            Tok::ConSym
        } else if sym == "!" && self.magic_hash && self.is_prefix_bang(start) {
            Tok::Bang
        } else {
            Tok::VarSym
        };
        self.push(tok, start);
    }

    /// `f !x` (a bang pattern) versus `a ! i` and `a!i` (the operator), as GHC decides it:
    /// by the white space around the `!`.
    fn is_prefix_bang(&self, start: usize) -> bool {
        let before = self.src[..start].chars().next_back();
        let after = self.peek();
        let open_before = before.is_none_or(|c| c.is_whitespace() || "([,;{".contains(c));
        let tight_after = after.is_some_and(|c| !c.is_whitespace() && !")],;}".contains(c));
        open_before && tight_after
    }
}
