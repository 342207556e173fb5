//! Haskell source text to AST: the lexer, the layout algorithm (Report §10.3), the parser,
//! and literate-Haskell unlitting. This crate must not resolve names or fixities; that is
//! the renamer's job.
//!
//! The pipeline is lexer → layout → nesting check → parser. Each stage is a separate
//! module and reports its errors as `Diagnostic` values; nothing here panics or prints.

pub mod ast;
pub mod diagnostic;
mod layout;
mod lexer;
mod nesting;
mod parser;
#[cfg(test)]
mod sexp;
mod token;
mod unlit;

pub use diagnostic::Diagnostic;
pub use unlit::unlit;

use std::sync::{Arc, Mutex};

use ast::Span;
use layout::Laid;
use lexer::Lexed;

/// The lexer and the parser stop after this many errors: past that point they are noise.
pub(crate) const MAX_ERRORS: usize = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Accept GHC's MagicHash syntax (`I#`, `1#`, `'c'#`, `"s"#`, `1.5##`) and bang
    /// patterns; used for base.
    pub magic_hash: bool,
}

/// One line (or a `:{ ... :}` block) typed at the REPL.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplInput {
    Expr(ast::Expr),
    /// `p <- e`
    Bind(ast::Pat, ast::Expr),
    /// `let x = ...` without `in`
    Let(Vec<ast::Decl>),
    /// `f x = ...`, `data T = ...`, and other declarations
    Decls(Vec<ast::Decl>),
    /// Nothing but white space and comments.
    Empty,
}

/// Lexes, lays out and checks the nesting of `src`: everything before the grammar.
fn tokens(src: &str, opts: &ParseOptions) -> Result<(Lexed, Laid), Vec<Diagnostic>> {
    if u32::try_from(src.len()).is_err() {
        return Err(vec![Diagnostic::new("E0001", "source file is too large (4 GiB or more)", Span::default(), "here")]);
    }
    let (lexed, errors) = lexer::lex(src, opts.magic_hash);
    if !errors.is_empty() {
        return Err(errors);
    }
    let laid = layout::layout(&lexed.lexemes, src.len());
    nesting::check(&laid.toks).map_err(|d| vec![d])?;
    Ok((lexed, laid))
}

/// Stack sizes to try for the parser thread. Chumsky recurses once per nesting level and
/// its frames are large in debug builds (about 130 KiB per level, so some 64 MiB at the
/// nesting limit); the memory is only reserved, and touched as deep as the input goes.
const PARSER_STACKS: [usize; 2] = [256 << 20, 64 << 20];

/// Runs `f` on a thread with a large stack, or on this thread if none can be started.
fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Result<T, Vec<Diagnostic>> {
    let internal = || vec![Diagnostic::new("E0001", "internal error in the parser", Span::default(), "here")];
    let job = Arc::new(Mutex::new(Some(f)));
    std::thread::scope(|scope| {
        for size in PARSER_STACKS {
            let mine = Arc::clone(&job);
            let spawned = std::thread::Builder::new().stack_size(size).spawn_scoped(scope, move || {
                let f = mine.lock().ok()?.take()?;
                Some(f())
            });
            if let Ok(handle) = spawned {
                return handle.join().ok().flatten().ok_or_else(internal);
            }
        }
        let f = job.lock().ok().and_then(|mut j| j.take());
        f.map(|f| f()).ok_or_else(internal)
    })
}

pub fn parse_module(src: &str, opts: &ParseOptions) -> Result<ast::Module, Vec<Diagnostic>> {
    let (lexed, laid) = tokens(src, opts)?;
    on_big_stack(|| parser::module(parser::Cx { src, lits: &lexed.lits }, &laid))?
}

/// Parses one REPL input: a statement (`e`, `p <- e`, `let decls`) if it is one,
/// otherwise declarations.
pub fn parse_repl_input(src: &str, opts: &ParseOptions) -> Result<ReplInput, Vec<Diagnostic>> {
    let (lexed, laid) = tokens(src, opts)?;
    on_big_stack(|| parser::repl(parser::Cx { src, lits: &lexed.lits }, &laid))?
}
