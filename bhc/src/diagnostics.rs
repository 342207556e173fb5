//! Rendering front-end diagnostics as miette reports: the error code, the source span
//! with its labels, and the help line. Colour only when stderr is a terminal. A label
//! too far right on its line for miette is rendered as plain lines instead.

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

/// miette pads the lines under a label with a formatting width, which Rust limits to
/// 65,535 (and panics beyond): a label that far right on its line is reported without
/// the source excerpt.
const MAX_LABEL_COLUMN: usize = 60_000;

/// The line and column (1-based, in bytes) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source.as_bytes()[..offset];
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    (before.iter().filter(|b| **b == b'\n').count() + 1, offset - line_start + 1)
}

/// A diagnostic as plain lines: `file:line:col: error[code]: message`, each label's
/// position and text, and the help.
fn plain(file: &str, source: &str, d: &Diagnostic) -> String {
    let (line, col) = d.labels.first().map_or((1, 1), |(s, _)| line_col(source, s.start as usize));
    let mut out = format!("{file}:{line}:{col}: error[{}]: {}\n", d.code, d.message);
    for (span, text) in &d.labels {
        let (line, col) = line_col(source, span.start as usize);
        out.push_str(&format!("  {file}:{line}:{col}: {text}\n"));
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
        if d.labels.iter().any(|(s, _)| line_col(source, s.end as usize).1 > MAX_LABEL_COLUMN) {
            out.push_str(&plain(file, source, d));
            continue;
        }
        let report = to_report(file, source, d);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out.push_str(&format!("{file}: error[{}]: {}\n", d.code, d.message));
        }
    }
    out
}
