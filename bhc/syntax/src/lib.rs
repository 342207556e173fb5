//! Haskell source text to AST: the lexer, the layout algorithm (Report §10.3), the parser,
//! and literate-Haskell unlitting. This crate must not resolve names or fixities; that is
//! the renamer's job.

pub mod ast;
pub mod diagnostic;

pub use diagnostic::Diagnostic;
