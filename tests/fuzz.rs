//! Structure-aware fuzzing of the compiler in process: seed programs (tests/programs,
//! base, and ../shared/conformance when present) are mutated at the level of tokens and
//! lines (tests/fuzz/mutate.rs) and run through the lexer, parser, renamer, type checker
//! and desugarer, and, when the front end accepts them, the simplifier, the lowering to
//! STG, the byte-code compiler and the interface file's round trip, as the driver runs
//! them. A case fails on a panic (also one the parser's own thread turns into "internal
//! error"), on a stack overflow (the process dies; the case is left in `current.hs` or
//! `.lhs`), on taking longer than the time limit, on an error without diagnostics, on a
//! diagnostic with an undocumented code or a span outside the source, and on a back-end
//! error for a program the front end accepted. It only reports: it must not skip or
//! filter out inputs that fail.
//!
//! `cargo test --release -p bhc --test fuzz` runs a quick, fixed set of cases. Longer runs:
//! `BHC_FUZZ_CASES=200000` (or `BHC_FUZZ_SECONDS=1800`), `BHC_FUZZ_SEED=n` for another
//! stream, `BHC_FUZZ_TIMEOUT=s` per case, `BHC_FUZZ_OUT=dir` for the failing cases
//! (default: this test's directory under target/), `BHC_FUZZ_REPLAY=path` to run a saved
//! case (or every case in a directory) again.

#[path = "fuzz/mutate.rs"]
mod mutate;

use bhc::cache::CachedModule;
use bhc::modules::{self, Origin};
use bhc_front::simplify::{simplify_module, Knowledge};
use bhc_front::{compile_module, FrontOptions, Interface};
use bhc_syntax::{parse_module, parse_repl_input, Diagnostic, ParseOptions};
use mutate::{mutate, Dictionary, Rng};
use std::collections::{BTreeSet, HashMap};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The stack of the thread that runs the cases. Smaller than the driver's 1 GiB (bhc/src/
/// main.rs) so that recursion the passes do not bound shows up within a run; the parser
/// and the `stacker`-guarded passes grow their own stacks and are not limited by it.
const CASE_STACK_BYTES: usize = 64 << 20;

struct Config {
    cases: usize,
    seconds: Option<u64>,
    seed: u64,
    timeout: Duration,
    out: PathBuf,
    replay: Option<PathBuf>,
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.trim().parse().ok())
}

fn config() -> Config {
    let seconds = env_number("BHC_FUZZ_SECONDS");
    Config {
        // The quick run: about 10 s on a quiet machine.
        cases: env_number("BHC_FUZZ_CASES").map_or(if seconds.is_some() { usize::MAX } else { 1000 }, |n| n as usize),
        seconds,
        seed: env_number("BHC_FUZZ_SEED").unwrap_or(1),
        timeout: Duration::from_secs(env_number("BHC_FUZZ_TIMEOUT").unwrap_or(30)),
        out: std::env::var_os("BHC_FUZZ_OUT").map_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz"), PathBuf::from),
        replay: std::env::var_os("BHC_FUZZ_REPLAY").map(PathBuf::from),
    }
}

/// Every panic message, from any thread, since the last case started: the parser runs
/// on a thread of its own and reports its panics as an ordinary diagnostic.
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut panics) = PANICS.lock() {
            panics.push(info.to_string());
        }
        report(info);
    }));
}

/// Base compiled once, as the driver would compile it for a program that imports all of it.
struct Base {
    interfaces: HashMap<String, Interface>,
    knowledge: Knowledge,
    known_exports: Vec<(String, Vec<String>)>,
    codes: BTreeSet<String>,
}

fn compile_base() -> Base {
    let mut pending: Vec<modules::ParsedModule> = bhc::base::MODULES
        .iter()
        .map(|(_, path, text)| {
            let src = bhc::source::from_text(path.to_string(), text.to_string(), false).expect("base source");
            modules::parse(src, Origin::Base).unwrap_or_else(|_| panic!("{path} parses"))
        })
        .collect();
    let mut interfaces: HashMap<String, Interface> = HashMap::new();
    let mut knowledge = Knowledge::default();
    while !pending.is_empty() {
        let ready = pending.iter().position(|m| m.imports.iter().all(|i| interfaces.contains_key(i))).expect("base has no import cycle");
        let m = pending.remove(ready);
        let opts = FrontOptions {
            file_name: m.source.name.clone(),
            is_base: m.name == "Prelude",
            primitives: true,
            source: m.source.code.clone(),
            ..FrontOptions::default()
        };
        let compiled = compile_module(&m.ast, &imports_of(&m.imports, &interfaces), &opts).unwrap_or_else(|ds| panic!("{} compiles: {ds:?}", m.name));
        simplify_module(&compiled.core, &mut knowledge);
        interfaces.insert(m.name, compiled.interface);
    }
    let known_exports = interfaces
        .iter()
        .filter(|(name, _)| *name != "Prelude")
        .map(|(name, i)| (name.clone(), i.exports.values.keys().chain(i.exports.types.keys()).cloned().collect()))
        .collect();
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/diagnostics.md")).expect("docs/diagnostics.md");
    let codes = docs.lines().filter_map(|l| l.strip_prefix("| E")).map(|l| format!("E{}", &l[..4])).collect();
    Base { interfaces, knowledge, known_exports, codes }
}

fn imports_of(names: &[String], interfaces: &HashMap<String, Interface>) -> HashMap<String, Interface> {
    names.iter().filter_map(|n| interfaces.get(n).map(|i| (n.clone(), i.clone()))).collect()
}

/// How far a case got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Reached {
    SyntaxError,
    FrontEndError,
    ByteCode,
}

/// Runs one case through the pipeline; `Err` says what is wrong.
fn check(text: &str, literate: bool, base: &Base) -> Result<Reached, String> {
    // As the driver reads a file: unlit, `#!` line blanked, offsets unchanged.
    let source = match bhc::source::from_text("Main.lhs".into(), text.to_string(), literate) {
        Ok(s) => s,
        Err(bhc::DriverError::Compile { diagnostics, .. }) => return well_formed(text, &diagnostics, base).map(|()| Reached::SyntaxError),
        Err(e) => return Err(format!("reading the source failed without diagnostics: {}", e.render())),
    };
    if source.code.len() != text.len() {
        return Err(format!("unlit changed the length of the source ({} bytes, then {})", text.len(), source.code.len()));
    }
    let src = source.code.as_str();
    // The REPL's parser on the last line, and for a quarter of the cases (picked by
    // length, to keep the cost down) on the whole text, as `:{ ... :}` input would be.
    let whole = if src.len() % 4 == 0 { src } else { "" };
    for input in [src.lines().last().unwrap_or(""), whole] {
        if let Err(ds) = parse_repl_input(input, &ParseOptions::default()) {
            well_formed(input, &ds, base).map_err(|why| format!("REPL input: {why}"))?;
        }
    }
    let parsed = match parse_module(src, &ParseOptions::default()) {
        Ok(m) => m,
        Err(ds) => return well_formed(src, &ds, base).map(|()| Reached::SyntaxError),
    };
    let mut imports: Vec<String> = parsed.imports.iter().map(|i| i.module.name.clone()).collect();
    imports.push("Prelude".into());
    let opts = FrontOptions {
        file_name: "Main.hs".into(),
        source: src.into(),
        known_exports: base.known_exports.clone(),
        ..FrontOptions::default()
    };
    let compiled = match compile_module(&parsed, &imports_of(&imports, &base.interfaces), &opts) {
        Ok(c) => c,
        Err(ds) => return well_formed(src, &ds, base).map(|()| Reached::FrontEndError),
    };
    let mut knowledge = base.knowledge.clone();
    let core = simplify_module(&compiled.core, &mut knowledge);
    let stg = bhc_front::lower::lower_module(&core).map_err(|e| format!("the front end accepted it, but lowering to STG failed: {e}"))?;
    let code = bhc_bytecode::compile_module(&stg).map_err(|e| format!("the front end accepted it, but the byte-code compiler failed: {e}"))?;
    // The driver caches what it compiled; the file must read back as it was written.
    let cached = CachedModule {
        imports,
        source_hash: 0,
        dep_fingerprints: Vec::new(),
        knowledge: knowledge.for_module(&compiled.interface.module),
        interface: compiled.interface,
        code,
    };
    let bytes = cached.encode();
    let back = CachedModule::decode(&bytes).map_err(|e| format!("its interface file does not read back: {e}"))?;
    if back.interface != cached.interface || back.code.encode() != cached.code.encode() {
        return Err("its interface file reads back as another interface or other code".into());
    }
    Ok(Reached::ByteCode)
}

/// Diagnostics must exist, have documented codes and spans within the source, and render.
fn well_formed(src: &str, ds: &[Diagnostic], base: &Base) -> Result<(), String> {
    if ds.is_empty() {
        return Err("an error without diagnostics".into());
    }
    for d in ds {
        if !base.codes.contains(d.code) {
            return Err(format!("code {} is not in docs/diagnostics.md ({})", d.code, d.message));
        }
        if d.message.trim().is_empty() || d.labels.is_empty() {
            return Err(format!("{}: no message or no label", d.code));
        }
        for (span, _) in &d.labels {
            let (start, end) = (span.start as usize, span.end as usize);
            if start > end || end > src.len() || !src.is_char_boundary(start) || !src.is_char_boundary(end) {
                return Err(format!("{} `{}`: span {start}..{end} is not within the source ({} bytes)", d.code, d.message, src.len()));
            }
        }
    }
    // miette reads the source around each span; a large source makes rendering slow
    // without testing anything more.
    if src.len() < 100_000 {
        bhc::diagnostics::render_all("Main.hs", src, &ds[..ds.len().min(5)]);
    }
    Ok(())
}

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![root.join("tests/programs"), root.join("base"), root.join("../shared/conformance")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "hs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

type Job = (String, bool, mpsc::Sender<Result<Reached, String>>);

/// The thread that runs cases, with the bounded stack; panics are caught per case.
/// Returns once base is compiled, so that no case's time includes it.
fn start_worker() -> mpsc::Sender<Job> {
    let (jobs, inbox) = mpsc::channel::<Job>();
    let (ready, wait) = mpsc::channel();
    std::thread::Builder::new()
        .name("fuzz-case".into())
        .stack_size(CASE_STACK_BYTES)
        .spawn(move || {
            let base = compile_base();
            ready.send(()).ok();
            for (src, literate, reply) in inbox {
                PANICS.lock().map(|mut p| p.clear()).ok();
                let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| check(&src, literate, &base)));
                let panics = PANICS.lock().map(|p| p.clone()).unwrap_or_default();
                let result = match outcome {
                    _ if !panics.is_empty() => Err(format!("panic: {}", panics.join("\n"))),
                    Ok(r) => r,
                    Err(_) => Err("panic without a message".into()),
                };
                if reply.send(result).is_err() {
                    break;
                }
            }
        })
        .expect("start the fuzzing thread");
    wait.recv().expect("base compiles");
    jobs
}

/// Runs one case with the time limit: `None` when it is still running at three times the
/// limit (the worker is then stuck and the run must end); a case that finishes over the
/// limit fails too, with its time, which tells a slow case (or a stalled machine) from a
/// hang.
fn run_case(worker: &mpsc::Sender<Job>, src: &str, literate: bool, timeout: Duration) -> Option<Result<Reached, String>> {
    let began = Instant::now();
    let (reply, answer) = mpsc::channel();
    worker.send((src.to_string(), literate, reply)).expect("the fuzzing thread is running");
    let result = answer.recv_timeout(timeout * 3).ok()?;
    let took = began.elapsed();
    Some(if took > timeout { Err(format!("took {took:.1?}, over the limit of {timeout:?} (then: {result:?})")) } else { result })
}

fn excerpt(src: &str) -> String {
    if src.len() <= 3_000 {
        src.to_string()
    } else {
        let cut = (0..=3_000).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
        format!("{}\n... ({} bytes in all)", &src[..cut], src.len())
    }
}

/// Runs saved cases again: one file, or every `.hs` file of a directory.
fn replay(worker: &mpsc::Sender<Job>, path: &Path, timeout: Duration) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path).into_iter().flatten().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "hs" || e == "lhs")).collect();
    if files.is_empty() {
        files.push(path.to_path_buf());
    }
    files.sort();
    let mut failed = 0;
    for file in &files {
        let src = String::from_utf8_lossy(&std::fs::read(file).expect("read the replayed case")).into_owned();
        match run_case(worker, &src, file.extension().is_some_and(|e| e == "lhs"), timeout) {
            Some(Ok(reached)) => eprintln!("{}: fine ({reached:?})", file.display()),
            Some(Err(why)) => {
                failed += 1;
                eprintln!("{}: {why}", file.display());
            }
            None => panic!("{}: still running after {:?}", file.display(), timeout * 3),
        }
    }
    assert_eq!(failed, 0, "{failed} of {} replayed cases fail", files.len());
}

#[test]
fn mutated_programs_never_crash_the_compiler() {
    let cfg = config();
    record_panics();
    std::fs::create_dir_all(&cfg.out).expect("create the fuzz output directory");
    let worker = start_worker();
    if let Some(path) = &cfg.replay {
        replay(&worker, path, cfg.timeout);
        return;
    }
    let seeds = seeds();
    let dict = Dictionary::new(&seeds);
    eprintln!(
        "fuzz: seed {}, {} seed programs, {} dictionary words; a case that kills the process is left in {}",
        cfg.seed,
        seeds.len(),
        dict.len(),
        cfg.out.join("current.hs (or .lhs)").display()
    );
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut reached: std::collections::BTreeMap<Reached, usize> = Default::default();
    let mut slowest = (Duration::ZERO, 0);
    let mut ran = 0;
    for case in 0..cfg.cases {
        if cfg.seconds.is_some_and(|s| start.elapsed() >= Duration::from_secs(s)) {
            break;
        }
        let mut rng = Rng::new(cfg.seed.wrapping_mul(1_000_003).wrapping_add(case as u64));
        let (mut src, mut mutations) = mutate(&mut rng, &seeds, &dict);
        let literate = rng.chance(8);
        if literate {
            src = mutate::literate(&mut rng, &src);
            mutations.push("make it literate Haskell");
        }
        let [current, other] = if literate { ["current.lhs", "current.hs"] } else { ["current.hs", "current.lhs"] }.map(|f| cfg.out.join(f));
        std::fs::remove_file(other).ok();
        std::fs::write(&current, &src).expect("write the current case");
        let began = Instant::now();
        let result = run_case(&worker, &src, literate, cfg.timeout);
        let took = began.elapsed();
        ran += 1;
        if ran % 2000 == 0 {
            eprintln!("fuzz: {ran} cases, {:.0?}, {} failures", start.elapsed(), failures.len());
        }
        if took > slowest.0 {
            slowest = (took, case);
            std::fs::write(cfg.out.join("slowest.hs"), &src).ok();
        }
        let hung = result.is_none();
        let why = match result {
            Some(Ok(r)) => {
                *reached.entry(r).or_default() += 1;
                continue;
            }
            Some(Err(why)) => why,
            None => format!("still running after {:?}", cfg.timeout * 3),
        };
        let saved = cfg.out.join(format!("fail-{}-{case}.{}", cfg.seed, if literate { "lhs" } else { "hs" }));
        std::fs::write(&saved, &src).ok();
        let report = format!(
            "case {case} of seed {} ({}): {why}\n  saved in {}\n--- source ---\n{}\n--------------",
            cfg.seed,
            mutations.join(", "),
            saved.display(),
            excerpt(&src)
        );
        eprintln!("{report}");
        failures.push(report);
        if hung {
            break;
        }
    }
    for f in ["current.hs", "current.lhs"] {
        std::fs::remove_file(cfg.out.join(f)).ok();
    }
    eprintln!(
        "fuzz: {ran} cases in {:.1?}: {:?}; slowest {:.1?} (case {}, in slowest.hs); {} failures",
        start.elapsed(),
        reached,
        slowest.0,
        slowest.1,
        failures.len()
    );
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
