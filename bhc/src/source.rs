//! Reading a source file into text the parser accepts: UTF-8 checked, literate Haskell
//! unlit, and a `#!` first line blanked out (keeping line numbers) so scripts can be
//! run directly.

use crate::error::DriverError;
use std::path::Path;

/// A source file as the front end sees it.
pub struct SourceFile {
    /// The name diagnostics show.
    pub name: String,
    /// The original text (for diagnostics).
    pub text: String,
    /// The text after unlit and shebang removal (same byte offsets for `.hs`).
    pub code: String,
}

pub fn read_source(path: &Path) -> Result<SourceFile, DriverError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|err| DriverError::Io { path: name.clone(), message: err.to_string() })?;
    let text = String::from_utf8(bytes).map_err(|err| DriverError::Io {
        path: name.clone(),
        message: format!("not a UTF-8 text file (invalid byte at offset {})", err.utf8_error().valid_up_to()),
    })?;
    let literate = path.extension().is_some_and(|e| e == "lhs");
    from_text(name, text, literate)
}

pub fn from_text(name: String, text: String, literate: bool) -> Result<SourceFile, DriverError> {
    let mut code = if literate {
        bhc_syntax::unlit(&text).map_err(|diagnostics| DriverError::Compile {
            file: name.clone(),
            source: text.clone(),
            diagnostics,
        })?
    } else {
        text.clone()
    };
    if code.starts_with("#!") {
        let end = code.find('\n').unwrap_or(code.len());
        code.replace_range(..end, &" ".repeat(end));
    }
    Ok(SourceFile { name, text, code })
}
