//! Rendering front-end diagnostics as miette reports: the error code, the source span
//! with its labels, and the help line. Colour only when stderr is a terminal.

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

/// All diagnostics of one file, rendered one after another.
pub fn render_all(file: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let theme = if std::io::stderr().is_terminal() { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut out = String::new();
    for d in diagnostics {
        let report = to_report(file, source, d);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out.push_str(&format!("{file}: error[{}]: {}\n", d.code, d.message));
        }
    }
    out
}
