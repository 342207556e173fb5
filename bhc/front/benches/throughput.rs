//! Front-end throughput benchmark: generates a large module (data types with derived
//! instances, a class with instances, functions with signatures, guards, `case`, `let`,
//! `where` and list comprehensions) and times parse, rename, type check and desugar on
//! it, reporting the best of several runs per stage and in total (lines per second).
//! It must stay a measurement: no assertions on times.
//!
//! `cargo bench -p bhc-front --bench throughput -- [--groups N] [--runs N] [--write out.hs]`
//!
//! `--write` saves the generated module, to time `ghc -O0 -fno-code` on the same text.

use bhc_front::env::Env;
use bhc_front::location::SourceMap;
use bhc_front::{compile_module, desugar, rename, typecheck, FrontOptions, Interface};
use bhc_syntax::{parse_module, ParseOptions};
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// As in the `bhc` executable (bhc/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn generate(groups: usize) -> String {
    let mut s = String::from("module Main where\n\nclass Describe a where\n  describe :: a -> String\n  weight :: a -> Int\n  weight _ = 1\n\n");
    for i in 0..groups {
        let _ = write!(
            s,
            "data Shape{i} = Circle{i} Int | Rect{i} Int Int | Named{i} {{ label{i} :: String, size{i} :: Int }}
  deriving (Eq, Ord, Show)

instance Describe Shape{i} where
  describe (Circle{i} r) = \"circle \" ++ show r
  describe (Rect{i} w h) = \"rect \" ++ show (w * h)
  describe s = label{i} s
  weight s = area{i} s `div` 2

area{i} :: Shape{i} -> Int
area{i} (Circle{i} r) = 3 * r * r
area{i} (Rect{i} w h)
  | w > h = w * h
  | otherwise = h * w
area{i} (Named{i} _ n) = n

total{i} :: [Shape{i}] -> Int
total{i} shapes = sum [area{i} s | s <- shapes, area{i} s > 0]

classify{i} :: Int -> Maybe Shape{i}
classify{i} n = case n `mod` 3 of
  0 -> Just (Circle{i} n)
  1 -> let w = n + 1
           h = n * 2
       in Just (Rect{i} w h)
  _ -> Nothing
  where
    unused = n

pipeline{i} :: [Int] -> (Int, String)
pipeline{i} xs = (total{i} shapes, concatMap describe shapes)
  where
    shapes = [s | Just s <- map classify{i} xs]

"
        );
    }
    s.push_str("main :: IO ()\nmain = print (fst (pipeline0 [1 .. 10]))\n");
    s
}

fn prelude() -> Result<Interface, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let parsed = parse_module(&src, &ParseOptions { magic_hash: true }).map_err(|e| format!("{e:?}"))?;
    let opts = FrontOptions { file_name: "Prelude.hs".into(), is_base: true, source: src.clone(), ..FrontOptions::default() };
    compile_module(&parsed, &HashMap::new(), &opts).map(|c| c.interface).map_err(|e| format!("{e:?}"))
}

struct Args {
    groups: usize,
    runs: usize,
    write: Option<String>,
}

/// Cargo passes `--bench` to a benchmark without the libtest harness; it is ignored.
fn args() -> Result<Args, String> {
    let mut a = Args { groups: 500, runs: 5, write: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--groups" => a.groups = value()?.parse().map_err(|e| format!("--groups: {e}"))?,
            "--runs" => a.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--write" => a.write = Some(value()?),
            _ => {}
        }
    }
    Ok(a)
}

/// The time of each stage of one run, in pipeline order.
#[derive(Clone, Copy)]
struct Stages {
    parse: Duration,
    rename: Duration,
    check: Duration,
    desugar: Duration,
}

/// Not inlined, so that a profiler can collect just this call
/// (`valgrind --tool=callgrind --toggle-collect=throughput::run_stages`).
#[inline(never)]
fn run_stages(src: &str, imports: &HashMap<String, Interface>) -> Result<Stages, String> {
    let start = Instant::now();
    let parsed = parse_module(src, &ParseOptions::default()).map_err(|e| format!("{e:?}"))?;
    let parsed_at = Instant::now();
    let mut env = Env::new(imports.values());
    let srcmap = Rc::new(SourceMap::new("Main.hs", src));
    let renamed = rename::rename_module(&parsed, &env, imports, false, false, srcmap.clone())
        .map_err(|e| format!("{:?}", e.first()))?;
    let renamed_at = Instant::now();
    let (elab, supply) = typecheck::check_module(&renamed.module, &mut env, renamed.supply.clone(), true, false)
        .map_err(|e| format!("{:?}", e.first()))?;
    let checked_at = Instant::now();
    let core = desugar::desugar_module(&renamed.module, &env, &elab, supply, srcmap, false)
        .map_err(|e| format!("{:?}", e.first()))?;
    let desugared_at = Instant::now();
    // The trees are dropped after the clock stops, as the driver keeps them a while.
    drop((parsed, renamed, elab, core));
    Ok(Stages {
        parse: parsed_at - start,
        rename: renamed_at - parsed_at,
        check: checked_at - renamed_at,
        desugar: desugared_at - checked_at,
    })
}

/// Parse plus `compile_module`, as the driver runs them (this includes building the
/// interface and dropping the intermediate trees).
fn run_whole(src: &str, imports: &HashMap<String, Interface>) -> Result<(Duration, usize), String> {
    let start = Instant::now();
    let parsed = parse_module(src, &ParseOptions::default()).map_err(|e| format!("{e:?}"))?;
    let opts = FrontOptions { file_name: "Main.hs".into(), source: src.to_string(), ..FrontOptions::default() };
    let compiled = compile_module(&parsed, imports, &opts).map_err(|e| format!("{:?}", e.first()))?;
    Ok((start.elapsed(), compiled.core.bindings.len()))
}

/// mimalloc gives freed pages back to the kernel after 10 ms by default, so in a process
/// that compiles the module again and again each run faults its memory in afresh (a
/// third of the time, most of it the kernel zeroing huge pages), which a `bhc` process,
/// compiling once, pays only once. The benchmark re-runs itself with purging off.
fn reexec_without_purging() -> Result<Option<std::process::ExitStatus>, String> {
    const PURGE: &str = "MIMALLOC_PURGE_DELAY";
    if std::env::var_os(PURGE).is_some() {
        return Ok(None);
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(PURGE, "-1")
        .status()
        .map_err(|e| e.to_string())?;
    Ok(Some(status))
}

fn main() -> Result<(), String> {
    if let Some(status) = reexec_without_purging()? {
        return if status.success() { Ok(()) } else { Err(format!("benchmark run failed: {status}")) };
    }
    let a = args()?;
    let src = generate(a.groups);
    if let Some(out) = &a.write {
        std::fs::write(out, &src).map_err(|e| e.to_string())?;
    }
    let lines = src.lines().count() as f64;
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude()?)].into_iter().collect();
    let mut best: Option<Stages> = None;
    let mut best_whole = Duration::MAX;
    let mut bindings = 0;
    for _ in 0..a.runs.max(1) {
        let s = run_stages(&src, &imports)?;
        best = Some(match best {
            None => s,
            Some(b) => Stages {
                parse: b.parse.min(s.parse),
                rename: b.rename.min(s.rename),
                check: b.check.min(s.check),
                desugar: b.desugar.min(s.desugar),
            },
        });
        let (whole, n) = run_whole(&src, &imports)?;
        best_whole = best_whole.min(whole);
        bindings = n;
    }
    let b = best.ok_or("no runs")?;
    let rate = |d: Duration| lines / d.as_secs_f64();
    println!("{lines} lines, {bindings} Core bindings, best of {} runs:", a.runs.max(1));
    for (stage, d) in [("parse", b.parse), ("rename", b.rename), ("typecheck", b.check), ("desugar", b.desugar)] {
        println!("  {stage:<10} {:>8.1} ms {:>10.0} lines/s", d.as_secs_f64() * 1e3, rate(d));
    }
    println!("  {:<10} {:>8.1} ms {:>10.0} lines/s", "total", best_whole.as_secs_f64() * 1e3, rate(best_whole));
    Ok(())
}
