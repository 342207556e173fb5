//! A compile-time diagnostic as every front-end phase reports it. The driver turns these
//! into miette reports; phases must not print anything themselves.

use crate::ast::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// A stable code, e.g. `E0001`; see docs/diagnostics.md for the list.
    pub code: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// Where, with a short label; the first label is the primary one.
    pub labels: Vec<(Span, String)>,
    /// A likely fix, when there is one ("did you mean `foldr`?").
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>, span: Span, label: impl Into<String>) -> Diagnostic {
        Diagnostic { code, message: message.into(), labels: vec![(span, label.into())], help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.labels.push((span, label.into()));
        self
    }

    pub fn span(&self) -> Span {
        self.labels.first().map(|l| l.0).unwrap_or_default()
    }
}
