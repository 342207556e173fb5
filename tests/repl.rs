//! REPL transcripts: each `tests/repl/NAME.in` is piped into `bhci` (run in
//! `tests/repl/`, with a fresh cache directory), and its stdout must equal `NAME.out`.

#[path = "support.rs"]
mod support;

use std::path::Path;
use support::*;

#[test]
fn repl_transcripts() {
    let bhci = Path::new(env!("CARGO_BIN_EXE_bhci"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/repl");
    let inputs = files_with_ext(&dir, "in");
    assert!(!inputs.is_empty(), "no transcripts in {}", dir.display());
    let mut failures = Vec::new();
    for input in &inputs {
        let stem = input.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let cache = std::env::temp_dir().join(format!("bhci-transcript-{}-{stem}", std::process::id()));
        let _ = std::fs::remove_dir_all(&cache);
        let out = run(bhci, &[], &dir, &read_or(input, b""), &[("HOME", "/nonexistent"), ("BHC_CACHE_DIR", cache.to_str().unwrap_or("/nonexistent"))]);
        let _ = std::fs::remove_dir_all(&cache);
        let expected = read_or(&dir.join(format!("{stem}.out")), b"");
        if out.code != 0 || out.stdout != expected {
            failures.push(format!(
                "{stem}: exit {} ({})\n--- got:\n{}\n--- stderr:\n{}",
                out.code,
                first_difference(&expected, &out.stdout),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
