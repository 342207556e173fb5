//! The token kinds shared by the lexer, the layout pass and the parser. A token carries no
//! text: names are read back from the source through the token's span, and literal values
//! live in a side table, so that tokens are `Copy` and cheap to compare while the parser
//! backtracks. This module must not contain lexing or parsing logic.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tok {
    VarId,
    ConId,
    QVarId,
    QConId,
    VarSym,
    ConSym,
    QVarSym,
    QConSym,
    /// `-`, an ordinary variable operator that is also prefix negation.
    Minus,
    /// `!` written directly before an operand (`f !x`), only with MagicHash, where it is
    /// a bang pattern or a strictness mark; elsewhere `!` is an ordinary `VarSym`.
    Bang,
    /// A literal; the index points into the lexer's literal table.
    Lit(u32),

    Case,
    Class,
    Data,
    Default,
    Deriving,
    Do,
    Else,
    If,
    Import,
    In,
    Infix,
    Infixl,
    Infixr,
    Instance,
    Let,
    Module,
    Newtype,
    Of,
    Then,
    Type,
    Where,
    Underscore,

    DotDot,
    DColon,
    Equals,
    Backslash,
    Bar,
    LArrow,
    RArrow,
    At,
    Tilde,
    DArrow,

    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Semi,
    LBrace,
    RBrace,
    Backquote,

    /// Braces and semicolons inserted by the layout algorithm.
    VLBrace,
    VRBrace,
    VSemi,
}

impl Tok {
    pub fn keyword(word: &str) -> Option<Tok> {
        Some(match word {
            "case" => Tok::Case,
            "class" => Tok::Class,
            "data" => Tok::Data,
            "default" => Tok::Default,
            "deriving" => Tok::Deriving,
            "do" => Tok::Do,
            "else" => Tok::Else,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "infix" => Tok::Infix,
            "infixl" => Tok::Infixl,
            "infixr" => Tok::Infixr,
            "instance" => Tok::Instance,
            "let" => Tok::Let,
            "module" => Tok::Module,
            "newtype" => Tok::Newtype,
            "of" => Tok::Of,
            "then" => Tok::Then,
            "type" => Tok::Type,
            "where" => Tok::Where,
            "_" => Tok::Underscore,
            _ => return None,
        })
    }

    pub fn reserved_op(sym: &str) -> Option<Tok> {
        Some(match sym {
            ".." => Tok::DotDot,
            "::" => Tok::DColon,
            "=" => Tok::Equals,
            "\\" => Tok::Backslash,
            "|" => Tok::Bar,
            "<-" => Tok::LArrow,
            "->" => Tok::RArrow,
            "@" => Tok::At,
            "~" => Tok::Tilde,
            "=>" => Tok::DArrow,
            "-" => Tok::Minus,
            _ => return None,
        })
    }

    pub fn is_virtual(self) -> bool {
        matches!(self, Tok::VLBrace | Tok::VRBrace | Tok::VSemi)
    }

    /// How a token of this kind is described when it has no text of its own to show.
    pub fn describe_kind(self) -> &'static str {
        match self {
            Tok::VarId | Tok::QVarId => "identifier",
            Tok::ConId | Tok::QConId => "constructor",
            Tok::VarSym | Tok::QVarSym | Tok::Minus | Tok::Bang => "operator",
            Tok::ConSym | Tok::QConSym => "constructor operator",
            Tok::Lit(_) => "literal",
            Tok::VLBrace => "start of a layout block",
            Tok::VRBrace => "end of a layout block",
            Tok::VSemi => "new line at block indentation",
            _ => "token",
        }
    }
}

impl fmt::Display for Tok {
    /// Fixed-text tokens print as themselves; the rest print as their kind. The parser's
    /// diagnostics prefer the source text when there is some.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Tok::Case => "`case`",
            Tok::Class => "`class`",
            Tok::Data => "`data`",
            Tok::Default => "`default`",
            Tok::Deriving => "`deriving`",
            Tok::Do => "`do`",
            Tok::Else => "`else`",
            Tok::If => "`if`",
            Tok::Import => "`import`",
            Tok::In => "`in`",
            Tok::Infix => "`infix`",
            Tok::Infixl => "`infixl`",
            Tok::Infixr => "`infixr`",
            Tok::Instance => "`instance`",
            Tok::Let => "`let`",
            Tok::Module => "`module`",
            Tok::Newtype => "`newtype`",
            Tok::Of => "`of`",
            Tok::Then => "`then`",
            Tok::Type => "`type`",
            Tok::Where => "`where`",
            Tok::Underscore => "`_`",
            Tok::DotDot => "`..`",
            Tok::DColon => "`::`",
            Tok::Equals => "`=`",
            Tok::Backslash => "`\\`",
            Tok::Bar => "`|`",
            Tok::LArrow => "`<-`",
            Tok::RArrow => "`->`",
            Tok::At => "`@`",
            Tok::Tilde => "`~`",
            Tok::DArrow => "`=>`",
            Tok::Minus => "`-`",
            Tok::Bang => "`!`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::LBracket => "`[`",
            Tok::RBracket => "`]`",
            Tok::Comma => "`,`",
            Tok::Semi => "`;`",
            Tok::LBrace => "`{`",
            Tok::RBrace => "`}`",
            Tok::Backquote => "`` ` ``",
            other => other.describe_kind(),
        };
        f.write_str(s)
    }
}

/// A token as the lexer produces it, with what the layout algorithm needs: the column
/// (1-based, tab stops every 8) and whether it is the first token on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lexeme {
    pub tok: Tok,
    pub start: u32,
    pub end: u32,
    pub col: u32,
    pub bol: bool,
}
