//! Turns chumsky's parse errors into `Diagnostic`s (code E0001) worded for people:
//! "unexpected `)`, expected an expression", with a help line when a fix is likely.

use chumsky::error::{Rich, RichPattern, RichReason};
use chumsky::span::SimpleSpan;

use super::common::{sp, Cx, TokSpan};
use crate::ast::Span;
use crate::diagnostic::Diagnostic;
use crate::token::Tok;

pub fn to_diagnostic(cx: Cx<'_>, toks: &[TokSpan], err: &Rich<'_, Tok, SimpleSpan>) -> Diagnostic {
    let span = *err.span();
    let found = err.found().copied();
    let at = error_span(toks, span, found);
    if let RichReason::Custom(msg) = err.reason() {
        return Diagnostic::new("E0001", msg.clone(), at, "here");
    }
    let found_text = describe_found(cx, found, span);
    let mut expected: Vec<String> = err.expected().filter_map(describe_expected).collect();
    expected.sort();
    expected.dedup();
    prune(&mut expected, found);
    let message = match expected.len() {
        0 => format!("unexpected {found_text}"),
        1 => format!("unexpected {found_text}, expected {}", expected[0]),
        n => format!("unexpected {found_text}, expected {} or {}", expected[..n - 1].join(", "), expected[n - 1]),
    };
    let label = match found {
        Some(t) if t.is_virtual() => "the layout rule ends the construct here".to_string(),
        Some(_) => "unexpected here".to_string(),
        None => "input ends here".to_string(),
    };
    let diag = Diagnostic::new("E0001", message, at, label);
    match help(found, &expected) {
        Some(h) => diag.with_help(h),
        None => diag,
    }
}

/// Virtual tokens have no width and sit at the start of the next line; the error is
/// better shown right after the last real token before them.
fn error_span(toks: &[TokSpan], span: SimpleSpan, found: Option<Tok>) -> Span {
    let virtual_or_end = found.is_none_or(|t| t.is_virtual());
    if !virtual_or_end {
        return sp(span);
    }
    let idx = toks.partition_point(|(_, s)| s.start < span.start);
    let prev = toks[..idx].iter().rev().find(|(t, _)| !t.is_virtual());
    match prev {
        Some((_, s)) => Span::new(s.end as u32, s.end as u32),
        None => sp(span),
    }
}

/// Chumsky lists everything that could have continued the parse; keep what is useful.
fn prune(expected: &mut Vec<String>, found: Option<Tok>) {
    const NOISE: [&str; 6] = ["`{`", "`;`", "`}`", "`::`", "`@`", "`` ` ``"];
    const CLOSERS: [&str; 3] = ["`)`", "`]`", "`}`"];
    /// Tokens that end a construct: when one is possible, it is almost always the one
    /// that is missing.
    const STRUCTURAL: [&str; 9] = ["`=`", "`->`", "`then`", "`else`", "`of`", "`in`", "`)`", "`]`", "`,`"];
    let at_end = found.is_none_or(|t| t.is_virtual());
    if at_end && expected.iter().any(|e| CLOSERS.contains(&e.as_str())) {
        expected.retain(|e| CLOSERS.contains(&e.as_str()) || e == "`,`");
        return;
    }
    if expected.iter().any(|e| STRUCTURAL.contains(&e.as_str())) {
        expected.retain(|e| STRUCTURAL.contains(&e.as_str()));
        return;
    }
    if expected.iter().any(|e| !NOISE.contains(&e.as_str())) {
        expected.retain(|e| !NOISE.contains(&e.as_str()));
    }
}

fn describe_found(cx: Cx<'_>, found: Option<Tok>, span: SimpleSpan) -> String {
    match found {
        None => "end of input".to_string(),
        Some(Tok::VSemi) => "end of line".to_string(),
        Some(Tok::VRBrace) => "end of the block".to_string(),
        Some(Tok::VLBrace) => "start of a layout block".to_string(),
        Some(Tok::Lit(_)) => format!("literal `{}`", shorten(cx.text(span))),
        Some(_) => format!("`{}`", shorten(cx.text(span))),
    }
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_string(),
    }
}

fn describe_expected(p: &RichPattern<'_, Tok>) -> Option<String> {
    Some(match p {
        RichPattern::Token(t) => match **t {
            Tok::VLBrace | Tok::VRBrace | Tok::VSemi => return None,
            t => t.to_string(),
        },
        RichPattern::Label(l) => {
            let l: &str = l;
            if l.starts_with('`') {
                l.to_string()
            } else {
                let article = if l.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                format!("{article} {l}")
            }
        }
        RichPattern::Identifier(s) => format!("`{s}`"),
        RichPattern::EndOfInput => "end of input".to_string(),
        RichPattern::Any | RichPattern::SomethingElse => return None,
    })
}

fn help(found: Option<Tok>, expected: &[String]) -> Option<String> {
    let expects = |s: &str| expected.iter().any(|e| e == s);
    match found {
        Some(Tok::VSemi | Tok::VRBrace) if expects("an expression") || expects("`=`") || expects("`->`") => Some(
            "a declaration or statement continues on the next line only if that line is indented more than its first line"
                .into(),
        ),
        Some(Tok::Equals) if expects("an operator") || expects("`)`") => Some(
            "to compare for equality, use `==`; a new definition must not be indented more than the one before it".into(),
        ),
        Some(Tok::RParen) if !expects("`)`") => Some("there is no `(` for this `)` to close".into()),
        Some(Tok::RBracket) if !expects("`]`") => Some("there is no `[` for this `]` to close".into()),
        Some(Tok::In) => Some("`in` must follow a `let` block in an expression".into()),
        _ if expects("`)`") => Some("check that every `(` has a matching `)`".into()),
        _ if expects("`]`") => Some("check that every `[` has a matching `]`".into()),
        _ => None,
    }
}
