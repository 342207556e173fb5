//! The driver's error type: every way a pipeline step can fail, as a value the `bhc`
//! and `bhci` front ends render (compile errors through miette).

use bhc_syntax::Diagnostic;
use std::fmt;

#[derive(Debug)]
pub enum DriverError {
    /// A file could not be read or is not text.
    Io { path: String, message: String },
    /// The module has errors; `source` is the text the spans point into.
    Compile { file: String, source: String, diagnostics: Vec<Diagnostic> },
    /// A later phase rejected what an earlier one produced: a bug in bhc.
    Internal(String),
    /// The runtime could not run the program (not an exception in the program).
    Runtime(String),
    /// Input bhc understands but does not support yet.
    Unsupported(String),
}

impl fmt::Display for DriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriverError::Io { path, message } => write!(f, "{path}: {message}"),
            DriverError::Compile { file, diagnostics, .. } => {
                write!(f, "{file}: {} error(s)", diagnostics.len())
            }
            DriverError::Internal(m) => write!(f, "internal error: {m}"),
            DriverError::Runtime(m) => write!(f, "runtime error: {m}"),
            DriverError::Unsupported(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for DriverError {}

impl DriverError {
    /// The full text a user should see: compile errors rendered with their source spans.
    pub fn render(&self) -> String {
        match self {
            DriverError::Compile { file, source, diagnostics } => {
                crate::diagnostics::render_all(file, source, diagnostics)
            }
            other => format!("bhc: {other}\n"),
        }
    }
}
