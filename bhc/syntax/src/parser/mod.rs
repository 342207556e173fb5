//! The parser: chumsky combinators over the laid-out token stream, producing the AST.
//! A module is parsed one top-level declaration at a time (the layout pass marks where
//! they end), so a syntax error in one declaration is reported and the next one is still
//! parsed. This module holds that driver; the grammar lives in the submodules.

mod common;
mod decls;
mod errors;
mod exprs;
mod module;
mod patterns;
mod topdecls;
mod types;
#[cfg(test)]
mod tests;

use chumsky::prelude::*;

pub use common::Cx;
use common::{close, input, semi, TokSpan, P};

use crate::ast::{Decl, Export, Ident, Import, Module, Span, Stmt};
use crate::diagnostic::Diagnostic;
use crate::layout::Laid;
use crate::token::Tok;
use crate::ReplInput;

/// The entry points of the grammar, each expecting the whole of its token slice and
/// then a terminating `;` or `}` where it parses one item of a block.
struct Grammar<'s> {
    header: P<'s, (Ident, Option<Vec<Export>>)>,
    import: P<'s, Import>,
    top_decl: P<'s, Decl>,
    stmt: P<'s, Stmt>,
}

impl<'s> Grammar<'s> {
    fn new(cx: Cx<'s>) -> Grammar<'s> {
        let types = types::types(cx);
        let pats = patterns::patterns(cx);
        let exprs = exprs::expressions(cx, &types, &pats);
        let terminated = |p: P<'s, Decl>| p.then_ignore(semi().or(close())).then_ignore(end()).boxed();
        Grammar {
            header: module::header(cx).then_ignore(end()).boxed(),
            import: module::import(cx).then_ignore(semi().or(close())).then_ignore(end()).boxed(),
            top_decl: terminated(topdecls::top_decl(cx, &types, &exprs.decls)),
            stmt: exprs.stmt.then_ignore(semi().or(close())).then_ignore(end()).boxed(),
        }
    }
}

fn run<'s, O>(cx: Cx<'s>, p: &P<'s, O>, toks: &'s [TokSpan]) -> Result<O, Vec<Diagnostic>> {
    let eoi = toks.last().map_or(cx.src.len(), |(_, s)| s.end);
    let (out, errs) = p.parse(input(toks, eoi)).into_output_errors();
    match out {
        Some(o) if errs.is_empty() => Ok(o),
        _ => {
            let mut diags: Vec<Diagnostic> = errs.iter().map(|e| errors::to_diagnostic(cx, toks, e)).collect();
            if diags.is_empty() {
                let at = toks.first().map_or(Span::default(), |(_, s)| common::sp(*s));
                diags.push(Diagnostic::new("E0001", "syntax error", at, "here"));
            }
            Err(diags)
        }
    }
}

/// The top-level items of the laid-out stream: each slice ends with its terminator.
fn top_chunks(laid: &Laid) -> Vec<&[TokSpan]> {
    let Some(open) = laid.body_open else { return Vec::new() };
    let close = laid.body_close.unwrap_or(laid.toks.len());
    let mut chunks = Vec::new();
    let mut start = open + 1;
    for &end in laid.top_semis.iter().chain(std::iter::once(&close)) {
        if end < start {
            continue;
        }
        if end > start {
            let stop = (end + 1).min(laid.toks.len());
            chunks.push(&laid.toks[start..stop]);
        }
        start = end + 1;
    }
    chunks
}

pub fn module(cx: Cx<'_>, laid: &Laid) -> Result<Module, Vec<Diagnostic>> {
    let g = Grammar::new(cx);
    let mut diags = Vec::new();
    let header_end = laid.body_open.unwrap_or(laid.toks.len());
    let (name, exports) = if header_end == 0 {
        (None, None)
    } else {
        match run(cx, &g.header, &laid.toks[..header_end]) {
            Ok((name, exports)) => (Some(name), exports),
            Err(mut d) => {
                diags.append(&mut d);
                (None, None)
            }
        }
    };
    let mut imports = Vec::new();
    let mut decls = Vec::new();
    for chunk in top_chunks(laid) {
        if diags.len() >= crate::MAX_ERRORS {
            break;
        }
        if chunk[0].0 == Tok::Import {
            if !decls.is_empty() {
                let at = common::sp(chunk[0].1);
                diags.push(
                    Diagnostic::new("E0001", "import declarations must come before all other declarations", at, "import after a declaration")
                        .with_help("move this import to the top of the module"),
                );
            }
            match run(cx, &g.import, chunk) {
                Ok(i) => imports.push(i),
                Err(mut d) => diags.append(&mut d),
            }
        } else {
            match run(cx, &g.top_decl, chunk) {
                Ok(d) => decls.push(d),
                Err(mut d) => diags.append(&mut d),
            }
        }
    }
    if let Some(close) = laid.body_close {
        if let Some((_, s)) = laid.toks.get(close + 1) {
            diags.push(Diagnostic::new(
                "E0001",
                format!("unexpected `{}` after the end of the module", cx.text(*s)),
                common::sp(*s),
                "the module body ended before this",
            ));
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Module { name, exports, imports, decls, span: Span::new(0, cx.src.len() as u32) })
}

pub fn repl(cx: Cx<'_>, laid: &Laid) -> Result<ReplInput, Vec<Diagnostic>> {
    let g = Grammar::new(cx);
    let chunks = top_chunks(laid);
    match chunks.as_slice() {
        [] => Ok(ReplInput::Empty),
        [one] => {
            let as_stmt = run(cx, &g.stmt, one);
            let stmt_errs = match as_stmt {
                Ok(Stmt::Let(decls, _)) => return Ok(ReplInput::Let(decls)),
                Ok(Stmt::Bind(p, e, _)) => return Ok(ReplInput::Bind(p, e)),
                Ok(Stmt::Expr(e, _)) => return Ok(ReplInput::Expr(e)),
                Err(e) => e,
            };
            match run(cx, &g.top_decl, one) {
                Ok(d) => Ok(ReplInput::Decls(vec![d])),
                Err(decl_errs) => {
                    let furthest = |ds: &[Diagnostic]| ds.iter().map(|d| d.span().start).max().unwrap_or(0);
                    if furthest(&decl_errs) > furthest(&stmt_errs) {
                        Err(decl_errs)
                    } else {
                        Err(stmt_errs)
                    }
                }
            }
        }
        many => {
            let mut decls = Vec::new();
            let mut diags = Vec::new();
            for chunk in many {
                match run(cx, &g.top_decl, chunk) {
                    Ok(d) => decls.push(d),
                    Err(mut d) => diags.append(&mut d),
                }
            }
            if diags.is_empty() {
                Ok(ReplInput::Decls(decls))
            } else {
                Err(diags)
            }
        }
    }
}
