//! Source locations in GHC's format (`file.hs:3:5-10`, `file.hs:(3,5)-(4,12)`), computed
//! from byte spans and the module's text, for run-time failure messages. It must not
//! produce diagnostics; the driver renders spans for those.

use bhc_syntax::ast::Span;

#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    file: String,
    text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl SourceMap {
    pub fn new(file: &str, text: &str) -> SourceMap {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceMap { file: file.to_string(), text: text.to_string(), line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..offset).map(|s| s.chars().count()).unwrap_or(offset - start) + 1;
        (line, col)
    }

    /// `file:l:c1-c2` for a span on one line, `file:(l1,c1)-(l2,c2)` otherwise; the end
    /// column is that of the span's last character, as GHC prints it.
    pub fn describe(&self, span: Span) -> String {
        let (l1, c1) = self.line_col(span.start as usize);
        // Layout may end a span after trailing white space; GHC's ends at the last token.
        let start = (span.start as usize).min(self.text.len());
        let end = (span.end as usize).clamp(start, self.text.len());
        let trimmed = self.text.get(start..end).map(|t| t.trim_end().len()).unwrap_or(end - start);
        let last = (start + trimmed).saturating_sub(1).max(start);
        let (l2, c2) = self.line_col(last);
        if l1 == l2 {
            if c1 == c2 {
                format!("{}:{l1}:{c1}", self.file)
            } else {
                format!("{}:{l1}:{c1}-{c2}", self.file)
            }
        } else {
            format!("{}:({l1},{c1})-({l2},{c2})", self.file)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ghc_style_locations() {
        let m = SourceMap::new("t.hs", "main = f 1\nf 0 = 1\n  where x = 2\n");
        assert_eq!(m.describe(Span::new(11, 18)), "t.hs:2:1-7");
        assert_eq!(m.describe(Span::new(11, 32)), "t.hs:(2,1)-(3,13)");
        assert_eq!(m.describe(Span::new(0, 1)), "t.hs:1:1");
    }
}
