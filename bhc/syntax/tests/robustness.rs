//! Hostile input: deep nesting, huge lines, random bytes. Each must give a parse or
//! diagnostics — never a panic, a stack overflow, or a long stall. The random inputs
//! are bounded to a few seconds; set `BHC_FUZZ_ROUNDS` to run more of each.

use std::time::{Duration, Instant};

use bhc_syntax::{parse_module, parse_repl_input, unlit, ParseOptions};

const PLAIN: ParseOptions = ParseOptions { magic_hash: false };

fn codes(src: &str) -> Vec<&'static str> {
    match parse_module(src, &PLAIN) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.code).collect(),
    }
}

fn timed<T>(limit_secs: u64, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < Duration::from_secs(limit_secs), "took {:?}", start.elapsed());
    out
}

#[test]
fn ten_thousand_nested_parentheses_is_a_diagnostic() {
    let src = format!("x = {}1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(codes(&src), ["E0006"]);
    let src = format!("x = {}", "(".repeat(10_000));
    assert_eq!(codes(&src), ["E0006"]);
    let src = format!("x = {}", "[".repeat(100_000));
    assert_eq!(codes(&src), ["E0006"]);
}

#[test]
fn moderate_nesting_parses() {
    let src = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
    assert_eq!(codes(&src), Vec::<&str>::new());
    let src = format!("x = {}1{}", "[".repeat(300), "]".repeat(300));
    assert_eq!(codes(&src), Vec::<&str>::new());
}

#[test]
fn deeply_nested_do_blocks() {
    let mut src = String::from("main = ");
    for i in 0..3000 {
        src.push_str("do\n");
        src.push_str(&" ".repeat(i + 1));
    }
    src.push_str("return ()\n");
    assert_eq!(codes(&src), ["E0006"]);

    let mut src = String::from("main = ");
    for i in 0..200 {
        src.push_str("do\n");
        src.push_str(&" ".repeat(i + 1));
    }
    src.push_str("return ()\n");
    assert_eq!(codes(&src), Vec::<&str>::new());
}

#[test]
fn nested_lambdas_ifs_and_lets_without_brackets() {
    let src = format!("f = {}x", "\\x -> ".repeat(5000));
    assert_eq!(codes(&src), ["E0006"]);
    let src = format!("f = {}0", "if a then b else ".repeat(5000));
    assert_eq!(codes(&src), ["E0006"]);
    let src = format!("f = {}0", "let a = 1 in ".repeat(5000));
    assert_eq!(codes(&src), ["E0006"]);
    let src = format!("f = {}0", "-1 * ".repeat(5000));
    assert_eq!(codes(&src), Vec::<&str>::new());
    let src = format!("f :: {}a", "a -> ".repeat(5000));
    assert_eq!(codes(&src), ["E0006"]);
}

#[test]
fn one_megabyte_line_of_operators_parses() {
    let src = format!("x = 1{}", " + 1".repeat(250_000));
    assert!(src.len() > 1_000_000);
    timed(20, || assert_eq!(codes(&src), Vec::<&str>::new()));
}

#[test]
fn one_megabyte_line_with_an_error_at_the_end() {
    let src = format!("x = 1{} + )", " + 1".repeat(250_000));
    timed(20, || assert_eq!(codes(&src), ["E0001"]));
}

#[test]
fn one_megabyte_application_is_too_deep() {
    let src = format!("x = f{}", " x".repeat(500_000));
    timed(20, || assert_eq!(codes(&src), ["E0006"]));
}

#[test]
fn one_megabyte_list_and_string() {
    let src = format!("x = [1{}]", ", 1".repeat(300_000));
    timed(20, || assert_eq!(codes(&src), Vec::<&str>::new()));
    let src = format!("x = \"{}\"", "a".repeat(1_000_000));
    timed(20, || assert_eq!(codes(&src), Vec::<&str>::new()));
}

#[test]
fn many_declarations() {
    let src: String = (0..20_000).map(|i| format!("f{i} x = x + {i}\n")).collect();
    timed(20, || assert_eq!(codes(&src), Vec::<&str>::new()));
}

fn rounds(default: usize) -> usize {
    std::env::var("BHC_FUZZ_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// A small deterministic generator, so the test needs no dependency and is repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rounds(300) {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse_module(&src, &PLAIN);
        let _ = parse_module(&src, &ParseOptions { magic_hash: true });
        let _ = parse_repl_input(&src, &PLAIN);
        let _ = unlit(&src);
    }
}

#[test]
fn random_token_soup_never_panics() {
    let words = [
        "x", "Foo", "M.x", "(", ")", "[", "]", "{", "}", ",", ";", "=", "->", "<-", "|", "\\", "::", "=>", "..", "@", "~",
        "let", "in", "where", "do", "of", "case", "if", "then", "else", "data", "class", "instance", "module", "import",
        "\n", "\n  ", "\n    ", "1", "'c'", "\"s\"", "+", "-", "`", ":", "!", "_", "infixl", "type", "newtype", "deriving",
    ];
    let mut rng = Rng(42);
    for _ in 0..rounds(2000) {
        let len = (rng.next() % 60) as usize;
        let src: Vec<&str> = (0..len).map(|_| words[(rng.next() % words.len() as u64) as usize]).collect();
        let src = src.join(" ");
        let _ = parse_module(&src, &PLAIN);
        let _ = parse_module(&src, &ParseOptions { magic_hash: true });
        let _ = parse_repl_input(&src, &PLAIN);
    }
}

#[test]
fn tabs_do_not_crash_and_report_nothing() {
    let src = "main = do\n\tputStrLn \"a\"\n\tputStrLn \"b\"\n  where\n\tx = 1\n";
    assert_eq!(codes(src), Vec::<&str>::new());
}
