//! Golden programs: every `tests/programs/NAME.hs` (or literate `NAME.lhs`) is run with
//! `bhc run`; its stdout must equal `NAME.stdout`, its exit code `NAME.exitcode` (default 0), and, when
//! `NAME.stderr` exists, its stderr must contain that text. The whole suite runs again
//! with the GC stress mode (a collection at every allocation), except programs with a
//! `NAME.nostress` file saying why they are too large for it.

mod support;

use std::path::{Path, PathBuf};
use support::*;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

fn check_all(env: &[(&str, &str)], stress: bool) {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let dir = programs_dir();
    let mut programs = files_with_ext(&dir, "hs");
    programs.extend(files_with_ext(&dir, "lhs"));
    assert!(!programs.is_empty(), "no golden programs found in {}", dir.display());
    let mut failures = Vec::new();
    for prog in &programs {
        let stem = prog.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if stress && dir.join(format!("{stem}.nostress")).exists() {
            continue;
        }
        let stdin = read_or(&dir.join(format!("{stem}.stdin")), b"");
        let expected = read_or(&dir.join(format!("{stem}.stdout")), b"");
        let want_code: i32 = String::from_utf8_lossy(&read_or(&dir.join(format!("{stem}.exitcode")), b"0")).trim().parse().unwrap_or(0);
        let file = prog.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_string();
        let out = run(bhc, &["run", &file], &dir, &stdin, env);
        if out.code != want_code {
            failures.push(format!("{stem}: exit code {} (wanted {want_code}); stderr: {}", out.code, String::from_utf8_lossy(&out.stderr)));
        } else if out.stdout != expected {
            failures.push(format!("{stem}: wrong stdout: {}", first_difference(&expected, &out.stdout)));
        } else if let Ok(want_err) = std::fs::read_to_string(dir.join(format!("{stem}.stderr"))) {
            let got = String::from_utf8_lossy(&out.stderr);
            if !got.contains(want_err.trim_end()) {
                failures.push(format!("{stem}: stderr {got:?} does not contain {want_err:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} golden programs failed:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn golden_programs() {
    check_all(&[], false);
}

#[test]
fn golden_programs_under_gc_stress() {
    check_all(&[("BHC_GC_STRESS", "1")], true);
}

#[test]
fn missing_file_is_a_clear_error() {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let out = run(bhc, &["run", "no_such_program.hs"], &programs_dir(), b"", &[]);
    assert_eq!(out.code, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no_such_program.hs") && err.contains("No such file"), "{err}");
}

#[test]
fn binary_garbage_is_rejected_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("bhc-garbage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    // Invalid UTF-8, then valid UTF-8 that is not Haskell.
    let inputs: [&[u8]; 3] = [&[0x7f, b'E', b'L', b'F', 0xff, 0xfe, 0, 1, 2], b"\x01\x02 main = = = ((((", b"main = \"unterminated\n"];
    for (i, bytes) in inputs.iter().enumerate() {
        let file = dir.join(format!("garbage{i}.hs"));
        std::fs::write(&file, bytes).unwrap();
        let out = run(bhc, &["run", file.to_str().unwrap()], &dir, b"", &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.code, 1, "input {i}: {err}");
        assert!(!err.contains("panicked"), "input {i}: {err}");
        assert!(!err.is_empty(), "input {i}: no diagnostic");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn base_cache_is_written_reused_and_survives_corruption() {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let cache = std::env::temp_dir().join(format!("bhc-cache-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let cache_str = cache.to_str().unwrap();
    let dir = programs_dir();
    let expected = read_or(&dir.join("classes.stdout"), b"");
    let env = [("BHC_CACHE_DIR", cache_str)];
    let stale = cache.join("0123456789abcdef");
    let recent = cache.join("fedcba9876543210");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::create_dir_all(&recent).unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 24 * 3600);
    std::fs::File::open(&stale).unwrap().set_modified(two_days_ago).unwrap();
    let cold = run(bhc, &["run", "classes.hs"], &dir, b"", &env);
    assert!(!stale.exists(), "another build's cache unused for days is pruned");
    assert!(recent.exists(), "another build's cache in use is kept");
    assert_eq!((cold.code, &cold.stdout), (0, &expected), "{}", String::from_utf8_lossy(&cold.stderr));
    let files: Vec<_> = walk(&cache);
    assert!(files.iter().any(|f| f.ends_with("Prelude.bhcache")), "no Prelude in the cache: {files:?}");
    let warm = run(bhc, &["run", "classes.hs"], &dir, b"", &env);
    assert_eq!((warm.code, &warm.stdout), (0, &expected));
    for f in &files {
        let mut bytes = std::fs::read(f).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(f, &bytes).unwrap();
    }
    let corrupt = run(bhc, &["run", "classes.hs"], &dir, b"", &env);
    assert_eq!((corrupt.code, &corrupt.stdout), (0, &expected), "{}", String::from_utf8_lossy(&corrupt.stderr));
    let _ = std::fs::remove_dir_all(&cache);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn unchanged_modules_are_not_recompiled() {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let root = std::env::temp_dir().join(format!("bhc-recomp-{}", std::process::id()));
    let (dir, cache) = (root.join("prog"), root.join("cache"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Helper.hs"), "module Helper (twice) where\ntwice :: Int -> Int\ntwice x = 2 * x\n").unwrap();
    std::fs::write(dir.join("Main.hs"), "import Helper\nmain :: IO ()\nmain = print (twice 21)\n").unwrap();
    let env = [("BHC_CACHE_DIR", cache.to_str().unwrap())];
    let compiled = |out: &support::Run| -> Vec<String> {
        String::from_utf8_lossy(&out.stderr).lines().filter_map(|l| l.split("Compiling ").nth(1)).map(|s| s.split(' ').next().unwrap_or("").to_string()).collect()
    };
    let first = run(bhc, &["run", "-v", "Main.hs"], &dir, b"", &env);
    assert_eq!((first.code, String::from_utf8_lossy(&first.stdout).to_string()), (0, "42\n".to_string()));
    assert_eq!(compiled(&first), ["Helper", "Main"]);
    let second = run(bhc, &["run", "-v", "Main.hs"], &dir, b"", &env);
    assert_eq!(second.stdout, b"42\n");
    assert!(compiled(&second).is_empty(), "{:?}", compiled(&second));
    // A change to Main alone recompiles Main alone.
    std::fs::write(dir.join("Main.hs"), "import Helper\nmain :: IO ()\nmain = print (twice 50)\n").unwrap();
    let third = run(bhc, &["run", "-v", "Main.hs"], &dir, b"", &env);
    assert_eq!(third.stdout, b"100\n");
    assert_eq!(compiled(&third), ["Main"]);
    // A change to Helper's interface recompiles both; a corrupt file is reported and rebuilt.
    std::fs::write(dir.join("Helper.hs"), "module Helper (twice, thrice) where\ntwice, thrice :: Int -> Int\ntwice x = 2 * x\nthrice x = 3 * x\n").unwrap();
    let fourth = run(bhc, &["run", "-v", "Main.hs"], &dir, b"", &env);
    assert_eq!(fourth.stdout, b"100\n");
    assert_eq!(compiled(&fourth), ["Helper", "Main"]);
    for f in walk(&cache).iter().filter(|f| f.extension().is_some_and(|e| e == "bhi")) {
        let bytes = std::fs::read(f).unwrap();
        std::fs::write(f, &bytes[..bytes.len() / 2]).unwrap();
    }
    let fifth = run(bhc, &["run", "-v", "Main.hs"], &dir, b"", &env);
    assert_eq!(fifth.stdout, b"100\n");
    assert!(String::from_utf8_lossy(&fifth.stderr).contains("corrupt interface file"), "{}", String::from_utf8_lossy(&fifth.stderr));
    assert_eq!(compiled(&fifth), ["Helper", "Main"]);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn program_arguments_and_rts_options() {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let dir = std::env::temp_dir().join(format!("bhc-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Args.hs"), "import System.Environment\nmain :: IO ()\nmain = do\n  n <- getProgName\n  as <- getArgs\n  print (n, as)\n").unwrap();
    let out = run(bhc, &["run", "Args.hs", "one", "two words", "+RTS", "-s", "-RTS", "three"], &dir, b"", &[]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "(\"Args.hs\",[\"one\",\"two words\",\"three\"])\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("bytes allocated"), "{}", String::from_utf8_lossy(&out.stderr));
    let bad = run(bhc, &["run", "Args.hs", "+RTS", "-Qbogus"], &dir, b"", &[]);
    assert_eq!(bad.code, 1);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bad RTS option"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_examples_run() {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    for (program, expected) in [("hello.hs", "hello.stdout"), ("shapes/Main.hs", "shapes/expected.stdout")] {
        let out = run(bhc, &["run", program], &examples, b"", &[]);
        assert_eq!(out.code, 0, "{program}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, read_or(&examples.join(expected), b"missing"), "{program}");
    }
}
