//! Rendering front-end diagnostics as miette reports: the error code, the source span
//! with its labels, and the help line. Colour only when stderr is a terminal. Whatever
//! the spans and the source, rendering must not fail or panic.

use bhc_syntax::Diagnostic;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report};
use std::io::IsTerminal;

fn to_report(file: &str, source: &str, d: &Diagnostic) -> Report {
    let len = source.len();
    let labels = d.labels.iter().map(|(span, text)| {
        let start = (span.start as usize).min(len);
        let end = (span.end as usize).clamp(start, len);
        LabeledSpan::new(Some(text.clone()), start, end - start)
    });
    let mut diag = MietteDiagnostic::new(d.message.clone()).with_code(d.code).with_labels(labels);
    if let Some(help) = &d.help {
        diag = diag.with_help(help.clone());
    }
    Report::new(diag).with_source_code(NamedSource::new(file, source.to_string()))
}

/// miette pads the underline of a label with a formatting width, which Rust caps at
/// 65,535 columns (it panics beyond); a column is at most 4 bytes of source wide (a tab).
const MAX_LABEL_BYTE_COLUMN: usize = 16_000;

/// (line, column), both from 1, of a byte offset; the column counts characters.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// A diagnostic whose label lies too far into a long line for miette: its message,
/// where each label is, and the help, without the source line (which would be long
/// anyway).
fn render_without_source(file: &str, source: &str, d: &Diagnostic) -> String {
    let mut out = format!("{}\n\n  × {}\n", d.code, d.message);
    for (span, text) in &d.labels {
        let (line, column) = line_column(source, span.start as usize);
        out.push_str(&format!("  at {file}:{line}:{column}: {text} (the line is too long to show)\n"));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

/// All diagnostics of one file, rendered one after another.
pub fn render_all(file: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let theme = if std::io::stderr().is_terminal() { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut out = String::new();
    for d in diagnostics {
        let far = |offset: u32| {
            let before = &source.as_bytes()[..(offset as usize).min(source.len())];
            before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) > MAX_LABEL_BYTE_COLUMN
        };
        if d.labels.iter().any(|(span, _)| far(span.start) || far(span.end)) {
            out.push_str(&render_without_source(file, source, d));
            continue;
        }
        let report = to_report(file, source, d);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out.push_str(&format!("{file}: error[{}]: {}\n", d.code, d.message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bhc_syntax::ast::Span;

    #[test]
    fn a_label_far_into_a_long_line_is_rendered_without_the_line() {
        for pad in [" ".repeat(70_000), "\t".repeat(17_000)] {
            let source = format!("main = print{pad}x\n");
            let at = source.len() as u32 - 2;
            let d = Diagnostic::new("E0101", "variable not in scope: `x`", Span::new(at, at + 1), "not in scope");
            let out = render_all("M.hs", &source, &[d]);
            assert!(out.contains("E0101") && out.contains(&format!("M.hs:1:{}: not in scope", at - pad.len() as u32 + pad.chars().count() as u32 + 1)), "{out}");
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("ab\nλx y", 5), (2, 2));
        assert_eq!(line_column("ab", 99), (1, 3));
    }
}
