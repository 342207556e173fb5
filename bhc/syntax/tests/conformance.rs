//! The acceptance bar: every `.hs` file of the shared conformance corpus parses. Skipped
//! silently when the corpus is not present.

use std::path::{Path, PathBuf};

use bhc_syntax::{parse_module, ParseOptions};

const CORPUS: &str = "/work/shared/conformance";

fn hs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            hs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "hs") {
            out.push(path);
        }
    }
}

#[test]
fn every_conformance_program_parses() {
    let mut files = Vec::new();
    hs_files(Path::new(CORPUS), &mut files);
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let Ok(src) = std::fs::read_to_string(file) else { continue };
        if let Err(diags) = parse_module(&src, &ParseOptions::default()) {
            for d in diags {
                let start = d.span().start as usize;
                let line = src[..start.min(src.len())].matches('\n').count() + 1;
                failures.push(format!("{}:{line}: {} {}", file.display(), d.code, d.message));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} files failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}
