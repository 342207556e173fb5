//! The layout algorithm (Report §10.3): turns indentation into explicit braces and
//! semicolons, as a single pass over the tokens. The Report's parse-error(t) rule needs the
//! parser; instead this pass tracks open brackets and the keywords that wait for a partner
//! (`let`/`in`, `if`/`then`/`else`, `case`/`of`) and closes implicit blocks at the tokens
//! that cannot belong to them, which is how most implementations approximate the rule.
//! It also records where the module's top-level declarations are separated, so that the
//! parser can parse and recover one declaration at a time. It never reports errors: a
//! bad layout shows up as a token the parser does not expect.

#[cfg(test)]
mod tests;

use chumsky::span::SimpleSpan;

use crate::token::{Lexeme, Tok};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Top,
    Let,
    Where,
    Do,
    Of,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// An implicit layout block with its indentation. `fresh`, `seen_eq` and `in_guard`
    /// describe the block's current item (no token yet; an `=` seen; inside a guard), to
    /// decide whether a comma or a `where` belongs to it.
    Implicit { col: u32, kind: BlockKind, fresh: bool, seen_eq: bool, in_guard: bool },
    /// A `{` written after a layout keyword.
    Explicit,
    /// Any other `{` (record syntax), `(` and `[`.
    Brace,
    Paren,
    Bracket,
    /// Keywords waiting for their partner: `let` for `in`, `if` for `then`/`else`,
    /// `case` for `of`.
    LetMark,
    IfMark,
    CaseMark,
}

impl Ctx {
    fn is_mark(self) -> bool {
        matches!(self, Ctx::LetMark | Ctx::IfMark | Ctx::CaseMark)
    }

    fn is_block(self) -> bool {
        matches!(self, Ctx::Implicit { .. } | Ctx::Explicit)
    }

    /// What a closing bracket or a partner keyword does not look past.
    fn is_bracket(self) -> bool {
        matches!(self, Ctx::Explicit | Ctx::Brace | Ctx::Paren | Ctx::Bracket)
    }
}

/// The stack of contexts, with the positions of its blocks, brackets, marks and
/// non-marks kept as it changes, so that finding the innermost of each is constant time
/// however many marks pile up (`if c then if c then ...` leaves an `if` mark per `if`;
/// scanning them at each token made layout quadratic, found by tests/fuzz.rs).
#[derive(Default)]
struct CtxStack {
    items: Vec<Ctx>,
    non_marks: Vec<usize>,
    blocks: Vec<usize>,
    brackets: Vec<usize>,
    /// `let`, `if` and `case` marks.
    marks: [Vec<usize>; 3],
}

impl CtxStack {
    fn mark_list(&mut self, c: Ctx) -> Option<&mut Vec<usize>> {
        match c {
            Ctx::LetMark => Some(&mut self.marks[0]),
            Ctx::IfMark => Some(&mut self.marks[1]),
            Ctx::CaseMark => Some(&mut self.marks[2]),
            _ => None,
        }
    }

    fn push(&mut self, c: Ctx) {
        let i = self.items.len();
        self.items.push(c);
        if !c.is_mark() {
            self.non_marks.push(i);
        }
        if c.is_block() {
            self.blocks.push(i);
        }
        if c.is_bracket() {
            self.brackets.push(i);
        }
        if let Some(list) = self.mark_list(c) {
            list.push(i);
        }
    }

    fn truncate(&mut self, n: usize) {
        self.items.truncate(n);
        for list in [&mut self.non_marks, &mut self.blocks, &mut self.brackets].into_iter().chain(self.marks.iter_mut()) {
            while list.last().is_some_and(|&i| i >= n) {
                list.pop();
            }
        }
    }

    fn pop(&mut self) -> Option<Ctx> {
        let top = self.items.last().copied();
        self.truncate(self.items.len().saturating_sub(1));
        top
    }

    /// The innermost `mark` in the current bracket.
    fn innermost_mark(&mut self, mark: Ctx) -> Option<usize> {
        let bracket = self.brackets.last().copied();
        let j = self.mark_list(mark)?.last().copied()?;
        bracket.is_none_or(|b| j > b).then_some(j)
    }
}

impl std::ops::Deref for CtxStack {
    type Target = [Ctx];
    fn deref(&self) -> &[Ctx] {
        &self.items
    }
}

/// Only the fields of an `Implicit` context change in place, never a context's kind,
/// which the position lists depend on.
impl std::ops::DerefMut for CtxStack {
    fn deref_mut(&mut self) -> &mut [Ctx] {
        &mut self.items
    }
}

/// The token stream after layout, ready for the parser.
#[derive(Debug, Default)]
pub struct Laid {
    pub toks: Vec<(Tok, SimpleSpan)>,
    /// Indices in `toks` of the module body's opening and closing brace.
    pub body_open: Option<usize>,
    pub body_close: Option<usize>,
    /// Indices in `toks` of the semicolons that separate top-level declarations.
    pub top_semis: Vec<usize>,
}

pub fn layout(lexemes: &[Lexeme], src_len: usize) -> Laid {
    let mut l = Layout { stack: CtxStack::default(), laid: Laid::default() };
    l.laid.toks.reserve(lexemes.len() + lexemes.len() / 4 + 4);
    let starts_with_header = matches!(lexemes.first(), Some(lx) if lx.tok == Tok::Module);
    let mut pending = if starts_with_header { None } else { Some(BlockKind::Top) };
    for lx in lexemes {
        let mut at_line_start = lx.bol;
        if let Some(kind) = pending.take() {
            if lx.tok == Tok::LBrace {
                l.open_explicit(lx);
                continue;
            }
            if l.open_implicit(kind, lx) {
                at_line_start = false;
            }
        }
        if at_line_start {
            l.line_start(lx);
        }
        pending = l.token(lx);
    }
    let end = src_len;
    if pending.is_some() {
        l.emit(Tok::VLBrace, end, end);
        l.emit(Tok::VRBrace, end, end);
        if l.stack.is_empty() {
            let n = l.laid.toks.len();
            l.laid.body_open = Some(n - 2);
            l.laid.body_close = Some(n - 1);
        }
    }
    while let Some(ctx) = l.stack.pop() {
        if matches!(ctx, Ctx::Implicit { .. }) {
            l.close_emitted(end);
        }
    }
    l.laid
}

struct Layout {
    stack: CtxStack,
    laid: Laid,
}

impl Layout {
    fn emit(&mut self, tok: Tok, start: usize, end: usize) {
        self.laid.toks.push((tok, SimpleSpan::from(start..end)));
    }

    /// The innermost layout context (implicit or explicit block).
    fn innermost_block(&self) -> Option<usize> {
        self.stack.blocks.last().copied()
    }

    /// The innermost context that is not a keyword mark.
    fn top_non_mark(&self) -> Option<usize> {
        self.stack.non_marks.last().copied()
    }

    /// Records a `}` just emitted for a block that was at stack index `len` before popping.
    fn close_emitted(&mut self, at: usize) {
        if self.stack.is_empty() && self.laid.body_close.is_none() {
            self.laid.body_close = Some(self.laid.toks.len());
        }
        self.emit(Tok::VRBrace, at, at);
    }

    /// Closes the implicit block at stack index `i` and everything opened inside it.
    fn close_block(&mut self, i: usize, at: usize) {
        while self.stack.len() > i {
            if let Some(Ctx::Implicit { .. }) = self.stack.pop() {
                self.close_emitted(at);
            }
        }
    }

    fn open_explicit(&mut self, lx: &Lexeme) {
        if self.stack.is_empty() {
            self.laid.body_open = Some(self.laid.toks.len());
        }
        self.stack.push(Ctx::Explicit);
        self.emit(Tok::LBrace, lx.start as usize, lx.end as usize);
    }

    /// `{n}` of the Report: opens an implicit block at `lx`'s column, or an empty block
    /// when `lx` is not indented past the enclosing block. True if the block was opened.
    fn open_implicit(&mut self, kind: BlockKind, lx: &Lexeme) -> bool {
        let at = lx.start as usize;
        let enclosing = match self.innermost_block().map(|i| self.stack[i]) {
            Some(Ctx::Implicit { col, .. }) => col,
            _ => 0,
        };
        let outermost = self.stack.is_empty();
        if outermost {
            self.laid.body_open = Some(self.laid.toks.len());
        }
        self.emit(Tok::VLBrace, at, at);
        if lx.col > enclosing {
            self.stack.push(Ctx::Implicit { col: lx.col, kind, fresh: true, seen_eq: false, in_guard: false });
            return true;
        }
        if outermost {
            self.laid.body_close = Some(self.laid.toks.len());
        }
        self.emit(Tok::VRBrace, at, at);
        false
    }

    /// `<n>` of the Report: the first token of a line closes blocks indented further and
    /// starts a new item in the block indented the same.
    fn line_start(&mut self, lx: &Lexeme) {
        let at = lx.start as usize;
        while let Some(i) = self.innermost_block() {
            let Ctx::Implicit { col, .. } = self.stack[i] else { return };
            if lx.col > col {
                return;
            }
            if lx.col < col {
                self.close_block(i, at);
                continue;
            }
            // `then` and `else` aligned with their `if` in a `do` block continue the
            // `if` (Haskell 2010's DoAndIfThenElse) rather than starting a statement.
            let continues_if = matches!(lx.tok, Tok::Then | Tok::Else) && self.stack.marks[1].last().is_some_and(|&m| m > i);
            if !continues_if {
                self.stack.truncate(i + 1);
                self.new_item(i, at, at);
            }
            return;
        }
    }

    /// A `;` in block `i`: emitted (virtual) or passed through (explicit).
    fn new_item(&mut self, i: usize, start: usize, end: usize) {
        if i == 0 {
            self.laid.top_semis.push(self.laid.toks.len());
        }
        if let Ctx::Implicit { fresh, seen_eq, in_guard, .. } = &mut self.stack[i] {
            *fresh = true;
            *seen_eq = false;
            *in_guard = false;
        }
        let tok = if start == end { Tok::VSemi } else { Tok::Semi };
        self.emit(tok, start, end);
    }

    /// Closes the implicit blocks above the innermost `mark`, when that mark is in the
    /// current bracket; then pops the mark if `consume`.
    fn close_to_mark(&mut self, mark: Ctx, consume: bool, at: usize) {
        if let Some(j) = self.stack.innermost_mark(mark) {
            self.close_block(j + 1, at);
            if consume {
                self.stack.truncate(j);
            }
        }
    }

    /// A closing bracket closes the implicit blocks opened inside its partner, and the
    /// partner; unmatched brackets change nothing (the parser reports them).
    fn close_bracket(&mut self, tok: Tok, at: usize) {
        let Some(&j) = self.stack.brackets.last() else { return };
        let ctx = self.stack[j];
        let matches = match tok {
            Tok::RParen => ctx == Ctx::Paren,
            Tok::RBracket => ctx == Ctx::Bracket,
            _ => ctx == Ctx::Brace || ctx == Ctx::Explicit,
        };
        if matches {
            self.close_block(j + 1, at);
            self.stack.truncate(j);
            if j == 0 && ctx == Ctx::Explicit {
                self.laid.body_close = Some(self.laid.toks.len());
            }
        }
    }

    /// A comma closes the implicit blocks it cannot belong to: a `do` block never holds
    /// a bare comma; other blocks do only in guards and in the name list of a type
    /// signature or fixity declaration (before any `=`).
    /// The module's own block is never closed this way: a stray comma there is a syntax
    /// error in one declaration, and the following declarations must still be parsed.
    fn close_for_comma(&mut self, at: usize) {
        while let Some(j) = self.top_non_mark().filter(|&j| j > 0) {
            let Ctx::Implicit { kind, seen_eq, in_guard, .. } = self.stack[j] else { return };
            let belongs = match kind {
                BlockKind::Do => false,
                BlockKind::Of => in_guard,
                BlockKind::Let | BlockKind::Where | BlockKind::Top => in_guard || !seen_eq,
            };
            if belongs {
                return;
            }
            self.close_block(j, at);
        }
    }

    /// `where` cannot occur inside a `do` block's statements, nor start a case
    /// alternative (it then belongs to the enclosing binding).
    fn close_for_where(&mut self, at: usize) {
        while let Some(j) = self.top_non_mark() {
            match self.stack[j] {
                Ctx::Implicit { kind: BlockKind::Do, .. } | Ctx::Implicit { kind: BlockKind::Of, fresh: true, .. } => {
                    self.close_block(j, at)
                }
                _ => return,
            }
        }
    }

    fn update_item(&mut self, tok: Tok) {
        let Some(j) = self.top_non_mark() else { return };
        if let Ctx::Implicit { kind, fresh, seen_eq, in_guard, .. } = &mut self.stack[j] {
            *fresh = false;
            match tok {
                Tok::Equals => {
                    *seen_eq = true;
                    *in_guard = false;
                }
                Tok::Bar => *in_guard = true,
                Tok::RArrow if *kind == BlockKind::Of => *in_guard = false,
                _ => {}
            }
        }
    }

    /// Handles one token after the line-start rule; returns the kind of block that the
    /// next token opens, if this token is a layout keyword.
    fn token(&mut self, lx: &Lexeme) -> Option<BlockKind> {
        let (start, end) = (lx.start as usize, lx.end as usize);
        match lx.tok {
            Tok::In => self.close_to_mark(Ctx::LetMark, true, start),
            Tok::Then => self.close_to_mark(Ctx::IfMark, false, start),
            Tok::Else => self.close_to_mark(Ctx::IfMark, true, start),
            Tok::Of => self.close_to_mark(Ctx::CaseMark, true, start),
            Tok::RParen | Tok::RBracket | Tok::RBrace => self.close_bracket(lx.tok, start),
            Tok::Comma => self.close_for_comma(start),
            Tok::Where => self.close_for_where(start),
            _ => {}
        }
        if lx.tok == Tok::Semi {
            match self.top_non_mark() {
                Some(j) if matches!(self.stack[j], Ctx::Implicit { .. } | Ctx::Explicit) => {
                    self.stack.truncate(j + 1);
                    self.new_item(j, start, end);
                }
                _ => self.emit(Tok::Semi, start, end),
            }
            return None;
        }
        self.emit(lx.tok, start, end);
        self.update_item(lx.tok);
        match lx.tok {
            Tok::Let => {
                self.stack.push(Ctx::LetMark);
                Some(BlockKind::Let)
            }
            Tok::Where => Some(BlockKind::Where),
            Tok::Do => Some(BlockKind::Do),
            Tok::Of => Some(BlockKind::Of),
            Tok::If => {
                self.stack.push(Ctx::IfMark);
                None
            }
            Tok::Case => {
                self.stack.push(Ctx::CaseMark);
                None
            }
            Tok::LParen => {
                self.stack.push(Ctx::Paren);
                None
            }
            Tok::LBracket => {
                self.stack.push(Ctx::Bracket);
                None
            }
            Tok::LBrace => {
                self.stack.push(Ctx::Brace);
                None
            }
            _ => None,
        }
    }
}
