//! Hostile programs run end to end with `bhc run`: 10,000 nested parentheses, a 1 MB
//! line, deep and long `do` blocks, random bytes. Each must end in a diagnostic (exit 1)
//! or a run (exit 0), never in a panic, a stack overflow or a signal. The files are
//! generated here, in a fresh temporary directory, so the repository carries none of them.

mod support;

use std::path::{Path, PathBuf};
use support::*;

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("bhc-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a scratch directory");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `bhc run` on `src` and checks it ended cleanly; returns (exit code, stdout, stderr).
fn run_hostile(name: &str, src: &[u8]) -> (i32, String, String) {
    let bhc = Path::new(env!("CARGO_BIN_EXE_bhc"));
    let scratch = Scratch::new(name);
    let file = format!("{name}.hs");
    std::fs::write(scratch.0.join(&file), src).expect("write the program");
    let out = run(bhc, &["run", &file], &scratch.0, b"", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.code == 0 || out.code == 1,
        "{name}: exit code {} (a crash, a signal or the time limit); stderr: {}",
        out.code,
        stderr.chars().take(2000).collect::<String>()
    );
    for crash in ["panicked", "overflowed its stack", "fatal runtime error"] {
        assert!(!stderr.contains(crash), "{name}: {crash}: {}", stderr.chars().take(2000).collect::<String>());
    }
    (out.code, stdout, stderr)
}

fn assert_diagnostic(name: &str, src: &[u8], code: &str) {
    let (exit, _, stderr) = run_hostile(name, src);
    assert_eq!(exit, 1, "{name}: expected a diagnostic");
    assert!(stderr.contains(code), "{name}: expected {code}, got: {}", stderr.chars().take(2000).collect::<String>());
}

#[test]
fn ten_thousand_nested_parentheses() {
    let src = format!("main = print {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    assert_diagnostic("parens", src.as_bytes(), "E0006");
}

#[test]
fn one_megabyte_lines() {
    let operands = vec!["1"; 1 << 18].join(" + ");
    assert_diagnostic("operators", format!("main = print ({operands})\n").as_bytes(), "E0006");
    let text = "a".repeat(1 << 20);
    let (exit, stdout, _) = run_hostile("string", format!("main = print (length \"{text}\")\n").as_bytes());
    assert_eq!((exit, stdout.trim()), (0, "1048576"));
}

#[test]
fn deep_and_long_do_blocks() {
    let mut nested = String::from("main = ");
    for i in 0..3_000 {
        nested.push_str(&format!("do\n{}", " ".repeat(i + 1)));
    }
    nested.push_str("return ()\n");
    assert_diagnostic("nested_do", nested.as_bytes(), "E0006");

    let statements = |n: usize| {
        let mut src = String::from("main = do\n");
        for i in 0..n {
            src.push_str(&format!("  print {i}\n"));
        }
        src
    };
    let (exit, stdout, _) = run_hostile("long_do", statements(2_000).as_bytes());
    assert_eq!((exit, stdout.lines().count()), (0, 2_000));
    assert_diagnostic("very_long_do", statements(20_000).as_bytes(), "E0006");
}

#[test]
fn random_bytes() {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let bytes: Vec<u8> = (0..1 << 20).map(|_| next() as u8).collect();
    let (exit, _, stderr) = run_hostile("bytes", &bytes);
    assert_eq!(exit, 1, "random bytes: {stderr}");
    let printable: Vec<u8> = (0..1 << 20)
        .map(|_| match next() % 100 {
            0..=2 => b'\n',
            n => b' ' + (n as u8 % 95),
        })
        .collect();
    let (exit, _, stderr) = run_hostile("printable", &printable);
    assert_eq!(exit, 1, "random printable text: {stderr}");
}

#[test]
fn chains_just_under_the_nesting_bound_compile_and_run() {
    let sum = format!("main = print ({})\n", vec!["1"; 4_900].join(" + "));
    let (exit, stdout, _) = run_hostile("chain4900", sum.as_bytes());
    assert_eq!((exit, stdout.as_str()), (0, "4900\n"));
    let block = format!("main = do\n{}", "  print 1\n".repeat(4_900));
    let (exit, stdout, _) = run_hostile("do4900", block.as_bytes());
    assert_eq!((exit, stdout.lines().count()), (0, 4_900));
}

#[test]
fn huge_numeric_literals() {
    // 200,000 decimal digits must compile fast (the lexer once converted them in
    // quadratic time) and print back exactly.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let digits: String = std::iter::once('9')
        .chain((1..200_000).map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(b'0' + (state % 10) as u8)
        }))
        .collect();
    let started = std::time::Instant::now();
    let (exit, stdout, stderr) = run_hostile("big_decimal", format!("main = print ({digits} :: Integer)\n").as_bytes());
    assert_eq!(exit, 0, "{stderr}");
    assert!(stdout.trim() == digits, "the 200,000-digit literal printed differently");
    assert!(started.elapsed().as_secs() < 30, "took {:?}", started.elapsed());

    // Other bases: 2^200000 - 1 in hex and octal, 2^20000 - 1 in binary, a power of 16.
    let src = format!(
        "{{-# LANGUAGE BinaryLiterals #-}}\nmain = do\n  let m = 2 ^ (200000 :: Int) - 1 :: Integer\n  print (0x{} == m, 0o{} == m, 0b{} == 2 ^ (20000 :: Int) - 1)\n  print (0x1{} == 16 ^ (30000 :: Int), 0XaBc{} `mod` 1000000007)\n",
        "f".repeat(50_000),
        format!("3{}", "7".repeat(66_666)),
        "1".repeat(20_000),
        "0".repeat(30_000),
        "0".repeat(1_000),
    );
    let (exit, stdout, stderr) = run_hostile("big_bases", src.as_bytes());
    assert_eq!(exit, 0, "{stderr}");
    // 0xabc * 16^1000 mod 1000000007, as GHC prints it.
    let mut r: u64 = 0xabc;
    for _ in 0..1_000 {
        r = r * 16 % 1_000_000_007;
    }
    assert_eq!(stdout, format!("(True,True,True)\n(True,{r})\n"));

    // Without the pragma, `0b1` is `0` applied to the variable `b1`: an error beyond
    // column 65,535, which miette cannot draw (it is reported without the excerpt).
    let src = format!("main = print (0x{}, 0b1)\n", "f".repeat(70_000));
    assert_diagnostic("binary_without_pragma", src.as_bytes(), "E0101");

    // Fractional literals: beyond Double's range, and a 1000-digit mantissa whose last
    // digit decides the rounding (2^53 + 1 and 2^24 + 1 are halfway cases), also through
    // a class-polymorphic binding.
    let above = |whole: &str, len: usize| format!("{whole}.{}1", "0".repeat(len));
    let src = format!(
        "poly :: Fractional a => a\npoly = {d}\nmain = do\n  print ({d} :: Double, poly :: Double)\n  print ({f} :: Float, -{f} :: Float)\n  print (1e400 :: Double, -1e400 :: Double, 1e400 :: Float, 1e-400 :: Double)\n",
        d = above("9007199254740993", 983),
        f = above("16777217", 990),
    );
    let (exit, stdout, stderr) = run_hostile("big_fractions", src.as_bytes());
    assert_eq!(exit, 0, "{stderr}");
    assert_eq!(
        stdout,
        "(9.007199254740994e15,9.007199254740994e15)\n(1.6777218e7,-1.6777218e7)\n(Infinity,-Infinity,Infinity,0.0)\n"
    );
}

#[test]
fn an_error_far_into_a_long_line() {
    // miette formats the underline's indentation with a width, which panics past 65,535
    // columns (found by tests/fuzz.rs).
    for pad in [" ".repeat(70_000), "\t".repeat(17_000)] {
        let (exit, _, stderr) = run_hostile("far_error", format!("main = print{pad}x\n").as_bytes());
        assert_eq!(exit, 1);
        assert!(stderr.contains("E0101") && stderr.contains("far_error.hs:1:"), "{}", stderr.chars().take(2000).collect::<String>());
    }
}

#[test]
fn a_deep_chain_of_inlined_calls_compiles_quickly() {
    // `f $ g $ ...` nested 990 deep: the simplifier simplified each inlined call's
    // arguments again, and took minutes (found by tests/fuzz.rs); the runner's time
    // limit is 60 s.
    let src = format!("import Data.Maybe\nmain = print ({}1)\n", "fromMaybe 0 $ Just $ ".repeat(990));
    let (exit, stdout, _) = run_hostile("inline_chain", src.as_bytes());
    assert_eq!((exit, stdout.as_str()), (0, "1\n"));
}

#[test]
fn deeply_nested_code_reads_back_from_the_cache() {
    // The second run links the module from its interface file, whose readers rejected
    // closures nested 512 deep and types nested 512 deep, far less than the front end
    // allows (found by tests/fuzz.rs): every run warned of a corrupt file.
    let block = format!("main = do\n{}", "  print 1\n".repeat(4_900));
    let fields = format!("data T = T {}\nmain = print 1\n", vec!["Int"; 990].join(" "));
    for (name, src) in [("cached_do", block), ("cached_fields", fields)] {
        for _ in 0..2 {
            let (exit, _, stderr) = run_hostile(name, src.as_bytes());
            assert_eq!(exit, 0, "{name}: {stderr}");
            assert!(!stderr.contains("corrupt"), "{name}: {stderr}");
        }
    }
}

#[test]
fn many_ifs_without_else() {
    // Each `if` leaves a mark on the layout algorithm's stack until its `else`; layout
    // scanned past all of them at every token, quadratic in their number (found by
    // tests/fuzz.rs): 400,000 took minutes.
    let src = format!("main = print ({}1{})\n", "if True then ".repeat(400_000), ")".repeat(1_000));
    assert_diagnostic("ifs", src.as_bytes(), "E0006");
}

#[test]
fn many_guards_in_one_equation() {
    // Guards nest like `do` statements and count toward the same bound, five levels
    // each; 25,000 of them took the type checker and the byte-code compiler minutes, and
    // 5,000 in a polymorphic equation 22 s (found by tests/fuzz.rs).
    let guards = |n: usize| format!("f :: Int -> Int\nf x\n{}  | otherwise = 0\nmain = print (f 1)\n", "  | x > 5 = x\n".repeat(n));
    assert_diagnostic("guards", guards(25_000).as_bytes(), "E0006");
    assert_diagnostic("guards_5000", guards(5_000).as_bytes(), "E0006");
    let (exit, stdout, _) = run_hostile("guards_ok", guards(900).as_bytes());
    assert_eq!((exit, stdout.as_str()), (0, "0\n"));
}
