//! REPL transcripts: each `tests/repl/NAME.in` is piped into `bhci` (run in
//! `tests/repl/`, with a fresh cache directory), and its stdout must equal `NAME.out`
//! once `:set +s` lines, whose figures vary, read `(_ secs, _ bytes)`.

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
        let mut out = run(bhci, &[], &dir, &read_or(input, b""), &[("HOME", "/nonexistent"), ("BHC_CACHE_DIR", cache.to_str().unwrap_or("/nonexistent"))]);
        out.stdout = without_figures(&out.stdout);
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

/// The figures of a `:set +s` line, when `line` is one: (seconds, bytes).
fn timing_figures(line: &str) -> Option<(f64, u64)> {
    let (secs, bytes) = line.strip_prefix('(')?.strip_suffix(" bytes)")?.split_once(" secs, ")?;
    let two_decimals = secs.split_once('.').is_some_and(|(_, d)| d.len() == 2);
    let grouped = bytes.split(',').enumerate().all(|(i, g)| !g.is_empty() && g.len() <= 3 && (i == 0 || g.len() == 3) && g.bytes().all(|b| b.is_ascii_digit()));
    (two_decimals && grouped).then_some((secs.parse().ok()?, bytes.replace(',', "").parse().ok()?))
}

fn without_figures(stdout: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(stdout);
    let lines: Vec<&str> = text.split('\n').map(|l| if timing_figures(l).is_some() { "(_ secs, _ bytes)" } else { l }).collect();
    lines.join("\n").into_bytes()
}

/// `:set +s` reports what an evaluation allocated: summing a long list allocates at
/// least a cell per element, a small expression far less.
#[test]
fn set_s_reports_time_and_allocation() {
    let bhci = Path::new(env!("CARGO_BIN_EXE_bhci"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/repl");
    let cache = std::env::temp_dir().join(format!("bhci-timing-{}", std::process::id()));
    let input = b":set +s\nsum [1..100000 :: Int]\n1 + 1\n";
    let out = run(bhci, &[], &dir, input, &[("HOME", "/nonexistent"), ("BHC_CACHE_DIR", cache.to_str().unwrap_or("/nonexistent"))]);
    let _ = std::fs::remove_dir_all(&cache);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let figures: Vec<(f64, u64)> = stdout.lines().filter_map(timing_figures).collect();
    assert_eq!(figures.len(), 2, "{stdout}");
    assert!(figures[0].1 >= 100_000 * 16, "summing 100000 numbers allocated only {} bytes", figures[0].1);
    assert!(figures[1].1 < figures[0].1 / 10, "{figures:?}");
    assert!(figures.iter().all(|&(secs, _)| secs >= 0.0 && secs < 60.0));
}

/// bhci compiles what is loaded and what is typed on its session thread, which needs the
/// same large stack as `bhc`'s compiler thread: on the 8 MB main thread, input nested just
/// under the renamer's bound overflowed it.
#[test]
fn chains_just_under_the_nesting_bound_load_and_evaluate() {
    let bhci = Path::new(env!("CARGO_BIN_EXE_bhci"));
    let dir = std::env::temp_dir().join(format!("bhci-chain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    let block = format!("module Main where\nmain :: IO ()\nmain = do\n{}", "  print 1\n".repeat(4_900));
    std::fs::write(dir.join("Block.hs"), block).expect("write the program");
    let input = format!(":load Block.hs\n{}\n", vec!["1"; 4_900].join(" + "));
    let cache = dir.join("cache");
    let out = run(bhci, &[], &dir, input.as_bytes(), &[("HOME", "/nonexistent"), ("BHC_CACHE_DIR", cache.to_str().unwrap_or("/nonexistent"))]);
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.code, 0, "bhci ended with {}: {}", out.code, String::from_utf8_lossy(&out.stderr).chars().take(2000).collect::<String>());
    assert!(stdout.contains("Ok, one module loaded."), "{stdout}");
    assert!(stdout.lines().any(|l| l.ends_with("4900")), "{stdout}");
}

/// Ctrl-C (SIGINT) during an evaluation stops it with "Interrupted." and the session goes
/// on, as in GHCi; without the handler the signal ended bhci.
#[test]
fn sigint_interrupts_the_evaluation_not_the_session() {
    use std::io::{BufRead, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;
    let bhci = Path::new(env!("CARGO_BIN_EXE_bhci"));
    let cache = std::env::temp_dir().join(format!("bhci-sigint-{}", std::process::id()));
    let mut child = Command::new(bhci)
        .env("HOME", "/nonexistent")
        .env("BHC_CACHE_DIR", &cache)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn bhci");
    let mut stdin = child.stdin.take().expect("bhci's stdin");
    let stdout = child.stdout.take().expect("bhci's stdout");
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let _ = stdin.write_all(b"import System.IO\nputStrLn \"looping\" >> hFlush stdout >> print (length [1 ..])\n");
    let _ = stdin.flush();
    let mut seen = Vec::new();
    // Wait until the evaluation runs (the base cache may be built first), then interrupt it.
    let expect = |wanted: &str, seen: &mut Vec<String>| loop {
        match received.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => {
                let found = line.contains(wanted);
                seen.push(line);
                if found {
                    return true;
                }
            }
            Err(_) => return false,
        }
    };
    let started = expect("looping", &mut seen);
    if started {
        let _ = Command::new("kill").arg("-INT").arg(child.id().to_string()).status();
    }
    let _ = stdin.write_all(b"1 + 1\n");
    drop(stdin);
    let finished = started && expect("> 2", &mut seen);
    let _ = child.kill();
    let status = child.wait();
    let _ = std::fs::remove_dir_all(&cache);
    assert!(finished, "bhci went on after SIGINT? {status:?}\n{}", seen.join("\n"));
    assert!(seen.iter().any(|l| l.contains("Interrupted.")), "{}", seen.join("\n"));
}
