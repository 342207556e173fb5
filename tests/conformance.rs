//! The shared conformance suite (`../shared/conformance`, read in place when present):
//! every program listed in `tests/conformance.pass` must pass, so a regression fails the
//! build; the total pass count is printed for the closing notes.

mod support;

use std::path::Path;
use support::*;

#[test]
fn conformance_programs_that_passed_before_still_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance");
    if !root.is_dir() {
        eprintln!("skipping: {} not present", root.display());
        return;
    }
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let listed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance.pass")).unwrap_or_default();
    let mut regressions = Vec::new();
    let mut passed = 0;
    for name in listed.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (tier, test) = name.split_once('/').unwrap_or(("", name));
        let dir = root.join(tier);
        let (dir, file, stdout, stdin, code) = if dir.join(test).is_dir() {
            let d = dir.join(test);
            (d.clone(), "Main.hs".to_string(), d.join("expected.stdout"), d.join(format!("{test}.stdin")), d.join(format!("{test}.exitcode")))
        } else {
            (dir.clone(), format!("{test}.hs"), dir.join(format!("{test}.stdout")), dir.join(format!("{test}.stdin")), dir.join(format!("{test}.exitcode")))
        };
        let want_code: i32 = String::from_utf8_lossy(&read_or(&code, b"0")).trim().parse().unwrap_or(0);
        let out = run(bhc, &["run", &file], &dir, &read_or(&stdin, b""), &[]);
        let expected = read_or(&stdout, b"");
        if out.code == want_code && out.stdout == expected {
            passed += 1;
        } else {
            regressions.push(format!("{name}: exit {} ({})", out.code, first_difference(&expected, &out.stdout)));
        }
    }
    eprintln!("conformance: {passed} listed programs pass");
    assert!(regressions.is_empty(), "conformance regressions:\n{}", regressions.join("\n"));
}
