//! Run-time options of the RTS and the parser of GHC-style `+RTS ... -RTS` arguments.
//! Only data and parsing: no behaviour lives here. Malformed options are errors,
//! never panics.

use crate::Word;
use std::fmt;

/// What `+RTS -s` / `-S` ask for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatsMode {
    #[default]
    Off,
    /// `-s`: a summary on stderr when the runtime is dropped.
    Summary,
    /// `-S`: one line per collection, and the summary.
    Verbose,
}

/// How a [`crate::Runtime`] is set up. `Default` gives production settings;
/// [`RtsOptions::from_env`] also honours the `BHC_GC_STRESS` environment variable (and
/// `Runtime::new` honours it whatever the options say, so that any test can be run
/// under stress).
#[derive(Clone, Debug)]
pub struct RtsOptions {
    /// Collect garbage at every heap check (every allocation point), to find GC bugs.
    pub gc_stress: bool,
    /// Keep stdout/stderr output in memory for [`crate::Runtime::take_output`] instead of
    /// writing to the process's handles.
    pub capture_output: bool,
    /// The size of the nursery, the allocation area between minor collections, in
    /// words (`+RTS -A`).
    pub heap_words: usize,
    /// The most heap the program may use, in words (`+RTS -M`); beyond it a program
    /// gets `Prelude.heapOverflow`. Unlimited by default: the heap grows as needed.
    pub max_heap_words: usize,
    /// Initial stack size, in words.
    pub stack_words: usize,
    /// The largest stack, in words (`+RTS -K`); beyond it a program gets
    /// `Prelude.stackOverflow`.
    pub max_stack_words: usize,
    /// Statistics (`+RTS -s`, `-S`).
    pub stats: StatsMode,
    /// The next major collection comes when the old generation has grown to this
    /// multiple of what was live after the last one (`+RTS -F`).
    pub old_gen_factor: f64,
}

impl Default for RtsOptions {
    fn default() -> RtsOptions {
        RtsOptions {
            gc_stress: false,
            capture_output: false,
            heap_words: 1 << 19,
            max_heap_words: usize::MAX,
            stack_words: 1 << 12,
            max_stack_words: 1 << 27,
            stats: StatsMode::Off,
            old_gen_factor: 2.0,
        }
    }
}

impl RtsOptions {
    /// The defaults, with `gc_stress` set when `BHC_GC_STRESS=1`.
    pub fn from_env() -> RtsOptions {
        RtsOptions {
            gc_stress: stress_from_env(),
            ..RtsOptions::default()
        }
    }
}

pub(crate) fn stress_from_env() -> bool {
    std::env::var("BHC_GC_STRESS").is_ok_and(|v| v == "1")
}

pub(crate) const WORD_BYTES: usize = std::mem::size_of::<Word>();

/// A malformed `+RTS` option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RtsOptionsError {
    pub option: String,
    pub message: String,
}

impl fmt::Display for RtsOptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad RTS option `{}`: {}", self.option, self.message)
    }
}

impl std::error::Error for RtsOptionsError {}

/// Split a program's arguments into RTS options and the program's own arguments, as
/// GHC does: everything between `+RTS` and `-RTS` (or the end) is for the runtime,
/// and `--RTS` makes every later argument the program's. Options: `-A<size>` (the
/// allocation area), `-M<size>` (heap limit), `-K<size>` (stack limit), `-s`, `-S`;
/// sizes take an optional `k`, `m` or `g` suffix (bytes otherwise). The result starts
/// from [`RtsOptions::from_env`].
pub fn parse_rts_args(args: &[String]) -> Result<(RtsOptions, Vec<String>), RtsOptionsError> {
    let mut opts = RtsOptions::from_env();
    let mut program = Vec::new();
    let mut in_rts = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--RTS" => {
                program.extend(iter.by_ref().cloned());
                break;
            }
            "+RTS" => in_rts = true,
            "-RTS" if in_rts => in_rts = false,
            _ if in_rts => apply(&mut opts, arg)?,
            _ => program.push(arg.clone()),
        }
    }
    Ok((opts, program))
}

fn apply(opts: &mut RtsOptions, arg: &str) -> Result<(), RtsOptionsError> {
    let err = |message: &str| RtsOptionsError {
        option: arg.to_string(),
        message: message.to_string(),
    };
    let words = |text: &str| -> Result<usize, RtsOptionsError> {
        let bytes = parse_size(text).ok_or_else(|| err("expected a size such as 64m"))?;
        Ok((bytes / WORD_BYTES as u64).clamp(1024, usize::MAX as u64) as usize)
    };
    match arg.get(..2) {
        Some("-A") => opts.heap_words = words(&arg[2..])?,
        Some("-M") => opts.max_heap_words = words(&arg[2..])?,
        Some("-K") => opts.max_stack_words = words(&arg[2..])?,
        Some("-F") => {
            let factor = arg[2..].parse::<f64>().ok().filter(|f| (1.0..=1000.0).contains(f));
            opts.old_gen_factor = factor.ok_or_else(|| err("expected a factor from 1 to 1000"))?;
        }
        Some("-s") if arg.len() == 2 => opts.stats = StatsMode::Summary,
        Some("-S") if arg.len() == 2 => opts.stats = StatsMode::Verbose,
        _ => return Err(err("unknown option (known: -A, -M, -K, -F, -s, -S)")),
    }
    Ok(())
}

/// `64m`, `1g`, `512k`, `4096`: bytes.
fn parse_size(text: &str) -> Option<u64> {
    let (digits, scale) = match text.char_indices().last()? {
        (i, 'k' | 'K') => (&text[..i], 1 << 10),
        (i, 'm' | 'M') => (&text[..i], 1 << 20),
        (i, 'g' | 'G') => (&text[..i], 1 << 30),
        _ => (text, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok()?.checked_mul(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rts_options_are_split_from_program_arguments() {
        let (opts, rest) =
            parse_rts_args(&strings(&["a", "+RTS", "-M1g", "-K1m", "-s", "-RTS", "b"])).unwrap();
        assert_eq!(rest, strings(&["a", "b"]));
        assert_eq!(opts.max_heap_words, (1 << 30) / 8);
        assert_eq!(opts.max_stack_words, (1 << 20) / 8);
        assert_eq!(opts.stats, StatsMode::Summary);
        let (opts, rest) = parse_rts_args(&strings(&["+RTS", "-A64k", "-F3.5", "-S"])).unwrap();
        assert!(rest.is_empty(), "+RTS runs to the end");
        assert_eq!(opts.heap_words, 8192);
        assert_eq!(opts.old_gen_factor, 3.5);
        assert_eq!(opts.stats, StatsMode::Verbose);
        let (_, rest) = parse_rts_args(&strings(&["x", "--RTS", "+RTS", "-Q"])).unwrap();
        assert_eq!(rest, strings(&["x", "+RTS", "-Q"]), "--RTS ends option parsing");
        let (_, rest) = parse_rts_args(&strings(&["-RTS", "-s"])).unwrap();
        assert_eq!(rest, strings(&["-RTS", "-s"]), "outside +RTS nothing is an option");
    }

    #[test]
    fn malformed_options_are_errors() {
        for bad in ["-M", "-Mx", "-M1q", "-K-5", "-Q", "-s3", "-M99999999999999999999g", "", "-F", "-F0.5", "-Fx"] {
            let e = parse_rts_args(&strings(&["+RTS", bad])).unwrap_err();
            assert_eq!(e.option, bad);
            assert!(!e.to_string().is_empty());
        }
    }
}
