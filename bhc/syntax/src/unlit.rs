//! Literate Haskell (Report §10.4) to plain Haskell: bird-track style (`> code`) or
//! `\begin{code}` ... `\end{code}` style. Non-code lines become blank lines of the same
//! byte length and the `>` of a bird track becomes a space, so line numbers, columns and
//! byte offsets of the code are unchanged and diagnostics can point into the `.lhs` file.

#[cfg(test)]
mod tests;

use crate::ast::Span;
use crate::diagnostic::Diagnostic;

pub fn unlit(src: &str) -> Result<String, Vec<Diagnostic>> {
    let latex = src.lines().any(|l| l.trim_end() == "\\begin{code}");
    if latex {
        Ok(unlit_latex(src))
    } else {
        unlit_bird(src)
    }
}

/// The lines of `src` with their byte offsets, without the line terminator.
fn lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    src.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

fn blank(out: &mut String, line: &str) {
    out.extend(std::iter::repeat_n(' ', line.len()));
}

fn push_terminator(out: &mut String, src: &str, start: usize, line: &str) {
    out.push_str(&src[start + line.len()..start + line.len() + terminator_len(src, start, line)]);
}

fn terminator_len(src: &str, start: usize, line: &str) -> usize {
    let rest = &src[start + line.len()..];
    if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with('\n') || rest.starts_with('\r') {
        1
    } else {
        0
    }
}

fn unlit_latex(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut in_code = false;
    for (start, line) in lines(src) {
        let trimmed = line.trim_end();
        if !in_code && trimmed == "\\begin{code}" {
            in_code = true;
            blank(&mut out, line);
        } else if in_code && trimmed == "\\end{code}" {
            in_code = false;
            blank(&mut out, line);
        } else if in_code {
            out.push_str(line);
        } else {
            blank(&mut out, line);
        }
        push_terminator(&mut out, src, start, line);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Blank,
    Text,
}

fn unlit_bird(src: &str) -> Result<String, Vec<Diagnostic>> {
    let mut out = String::with_capacity(src.len());
    let mut errors = Vec::new();
    let mut prev: Option<(Kind, usize, usize)> = None;
    for (start, line) in lines(src) {
        let kind = if line.starts_with('>') {
            Kind::Code
        } else if line.trim().is_empty() {
            Kind::Blank
        } else {
            Kind::Text
        };
        if let Some((prev_kind, prev_start, prev_len)) = prev {
            let adjacent = matches!((prev_kind, kind), (Kind::Code, Kind::Text) | (Kind::Text, Kind::Code));
            if adjacent {
                let (s, len) = if kind == Kind::Code { (start, line.len()) } else { (prev_start, prev_len) };
                errors.push(
                    Diagnostic::new(
                        "E0008",
                        "program line next to a comment line in a literate file",
                        Span::new(s as u32, (s + len) as u32),
                        "this bird-track line touches a comment line",
                    )
                    .with_help("put a blank line between code (`>` lines) and comment text"),
                );
            }
        }
        match kind {
            Kind::Code => {
                out.push(' ');
                out.push_str(&line[1..]);
            }
            _ => blank(&mut out, line),
        }
        push_terminator(&mut out, src, start, line);
        prev = Some((kind, start, line.len()));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
