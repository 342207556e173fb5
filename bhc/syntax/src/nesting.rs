//! A cheap pre-parse bound on how deep the syntax tree can get. Every later phase walks
//! the tree recursively, so a program nested thousands deep (brackets, layout blocks,
//! lambdas, `if`s, or a very long application `f x x x ...`) is rejected here with a
//! diagnostic instead of overflowing a stack somewhere. It estimates depth from tokens:
//! each bracket is a level, and within a level, operands and the keywords that extend to
//! the right add to the depth until a separator or an operator ends the run.

use chumsky::span::SimpleSpan;

use crate::ast::Span;
use crate::diagnostic::Diagnostic;
use crate::token::Tok;

pub const MAX_DEPTH: usize = 1000;

pub fn check(toks: &[(Tok, SimpleSpan)]) -> Result<(), Diagnostic> {
    let mut runs: Vec<usize> = vec![0];
    let mut depth = 0usize;
    for (tok, span) in toks {
        let top = runs.len() - 1;
        match tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::VLBrace => {
                runs[top] += 1;
                runs.push(0);
                depth += 2;
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::VRBrace if runs.len() > 1 => {
                let run = runs.pop().unwrap_or(0);
                depth = depth.saturating_sub(run + 1);
            }
            Tok::Semi
            | Tok::VSemi
            | Tok::Comma
            | Tok::Bar
            | Tok::Equals
            | Tok::LArrow
            | Tok::VarSym
            | Tok::QVarSym
            | Tok::ConSym
            | Tok::QConSym
            | Tok::Minus
            | Tok::Backquote
            | Tok::DColon => {
                depth -= runs[top];
                runs[top] = 0;
            }
            Tok::VarId
            | Tok::ConId
            | Tok::QVarId
            | Tok::QConId
            | Tok::Lit(_)
            | Tok::Underscore
            | Tok::Backslash
            | Tok::If
            | Tok::Case
            | Tok::Let
            | Tok::Do => {
                runs[top] += 1;
                depth += 1;
            }
            _ => {}
        }
        if depth > MAX_DEPTH {
            let at = Span::new(span.start as u32, span.end as u32);
            return Err(Diagnostic::new("E0006", "this code is nested too deeply", at, "nesting limit reached here")
                .with_help(format!(
                    "bhc accepts at most about {MAX_DEPTH} levels of nesting (brackets, blocks, lambdas, `if`s and arguments of one application); split the expression into smaller definitions"
                )));
        }
    }
    Ok(())
}
