//! No input makes the front end (lexer, parser, renamer, type checker, desugarer) panic
//! or overflow the stack: random token soups, mutated real programs and pathological
//! nesting all end in a module or in diagnostics. Bounded to a few seconds; set
//! `BHC_FUZZ_ROUNDS` to run longer.

use bhc_front::{compile_module, FrontOptions, Interface};
use bhc_syntax::{parse_module, ParseOptions};
use std::collections::HashMap;

fn prelude() -> Interface {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let parsed = parse_module(&src, &ParseOptions { magic_hash: true }).expect("Prelude parses");
    let opts = FrontOptions { file_name: "Prelude.hs".into(), is_base: true, source: src.clone(), ..FrontOptions::default() };
    compile_module(&parsed, &HashMap::new(), &opts).map(|c| c.interface).expect("Prelude compiles")
}

/// Runs the whole front end on `src`; only a panic (or a stack overflow) fails.
fn front(src: &str, imports: &HashMap<String, Interface>) {
    let Ok(m) = parse_module(src, &ParseOptions::default()) else { return };
    let opts = FrontOptions { file_name: "Main.hs".into(), source: src.into(), ..FrontOptions::default() };
    let _ = compile_module(&m, imports, &opts);
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "x", "f", "g", "T", "Just", "Nothing", "1", "2.5", "'c'", "\"s\"", "(", ")", "[", "]", ",", "=", "->", "<-",
    "::", "=>", "\\", "|", "let", "in", "where", "case", "of", "do", "if", "then", "else", "data", "class",
    "instance", "deriving", "forall", ".", "+", "-", "`div`", ":", "_", "~", "@", ";", "{", "}", "\n", "\n  ",
    "main", "print", "Int", "a", "Show", "Eq", "newtype", "type", "infixl 5", "..", "!", "::", "Maybe",
];

fn rounds() -> usize {
    std::env::var("BHC_FUZZ_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(300)
}

#[test]
fn random_token_soups() {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..rounds() {
        let n = 1 + rng.below(60);
        let mut src = String::from("main = ");
        for _ in 0..n {
            src.push_str(TOKENS[rng.below(TOKENS.len())]);
            src.push(' ');
        }
        front(&src, &imports);
    }
}

#[test]
fn mutated_programs() {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/programs");
    let mut programs: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "hs"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    programs.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rounds() / 3 {
        let Some(base) = programs.get(rng.below(programs.len())) else { return };
        let mut bytes: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.below(5) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, TOKENS[rng.below(TOKENS.len())].chars().next().unwrap_or(' ')),
                _ => {
                    let other = rng.below(bytes.len());
                    bytes.swap(at, other);
                }
            }
        }
        front(&bytes.into_iter().collect::<String>(), &imports);
    }
}

#[test]
fn pathological_nesting() {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let deep = 10_000;
    front(&format!("main = print {}1{}\n", "(".repeat(deep), ")".repeat(deep)), &imports);
    front(&format!("main = print {}1{}\n", "[".repeat(deep), "]".repeat(deep)), &imports);
    front(&format!("x = {}0\nmain = print x\n", "1 + ".repeat(deep)), &imports);
    front(&format!("x = {}0\nmain = print x\n", "negate $ ".repeat(deep)), &imports);
    let mut dos = String::from("main = ");
    for i in 0..2_000 {
        dos.push_str(&format!("do\n{}print {i}\n{}", " ".repeat(i + 1), " ".repeat(i + 1)));
    }
    front(&dos, &imports);
    front(&format!("main = print [{}]\n", vec!["1"; 200_000].join(",")), &imports);
    let bytes: Vec<u8> = (0..1_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    front(&String::from_utf8_lossy(&bytes), &imports);
}

/// Tuples are wired in up to 15 components; a larger one (found by tests/fuzz.rs) was an
/// internal error E0199 or "not a type" in the type checker.
#[test]
fn tuples_beyond_the_wired_in_arity_are_an_error() {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let codes = |src: &str| -> Vec<&'static str> {
        let m = parse_module(src, &ParseOptions::default()).expect("parses");
        let opts = FrontOptions { file_name: "Main.hs".into(), source: src.into(), ..FrontOptions::default() };
        compile_module(&m, &imports, &opts).err().unwrap_or_default().iter().map(|d| d.code).collect()
    };
    let tuple = |n: usize, item: &str| format!("({})", vec![item; n].join(","));
    for src in [
        format!("main = print (length [{}])\n", tuple(16, "1")),
        format!("f {} = 1\nmain = print 1\n", tuple(16, "_")),
        format!("x :: {}\nx = undefined\nmain = print 1\n", tuple(16, "Int")),
        format!("g = ({})\nmain = print 1\n", ",".repeat(15)),
        format!("main = print (length [{}])\n", tuple(3_000, "1")),
    ] {
        assert_eq!(codes(&src), ["E0110"], "{src}");
    }
    assert!(codes(&format!("main = print (length [{}])\n", tuple(15, "1"))).is_empty());
}
