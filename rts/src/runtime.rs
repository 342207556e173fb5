//! The public face of the RTS: [`Runtime`] (create, run an IO action, interrupt,
//! statistics, captured output) and the outcome and error types. Linking lives in
//! `link_api`; this module only wires the parts together and must not grow logic of
//! its own.

use crate::capability::Capability;
use crate::globals::Globals;
use crate::heap::Heap;
use crate::info::NextStep;
use crate::io::Io;
use crate::link_api::Statics;
use crate::native::{word, APPLY_FRAME_INFO};
use crate::options::{stress_from_env, RtsOptions, StatsMode};
use crate::stack::{self, Stack};
use crate::{gc, scheduler};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How a call to [`Runtime::run_io`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The action returned (its result was evaluated to WHNF).
    Finished,
    /// The program called `exit#` with this code.
    Exit(i32),
    /// An exception reached the bottom of the stack.
    Uncaught,
    /// The interrupt flag was set.
    Interrupted,
}

/// A failure of the runtime itself (not a Haskell exception).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RtsError {
    UnknownGlobal(String),
    /// The heap cannot grow to hold the live data (and no `Prelude.heapOverflow` is
    /// linked to raise).
    HeapExhausted,
    /// The stack limit was reached and no `Prelude.stackOverflow` is linked.
    StackOverflow,
    /// `<<loop>>`: a thunk needed its own value, and no `Prelude.nonTermination` is
    /// linked.
    Loop,
    /// Byte code that does not validate.
    InvalidCode(String),
    /// A broken internal invariant.
    Internal(String),
}

impl fmt::Display for RtsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RtsError::UnknownGlobal(name) => write!(f, "unknown global `{name}`"),
            RtsError::HeapExhausted => f.write_str("heap exhausted"),
            RtsError::StackOverflow => f.write_str("stack overflow"),
            RtsError::Loop => f.write_str("<<loop>>"),
            RtsError::InvalidCode(msg) => write!(f, "invalid byte code: {msg}"),
            RtsError::Internal(msg) => write!(f, "internal runtime error: {msg}"),
        }
    }
}

impl std::error::Error for RtsError {}

/// Storage manager statistics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    pub collections: u64,
    /// Collections of the old generation too.
    pub major_collections: u64,
    pub bytes_allocated: u64,
    pub bytes_copied: u64,
    /// The most live data after any collection.
    pub max_live_bytes: u64,
    /// CPU time spent collecting.
    pub gc_time: std::time::Duration,
    /// CPU time spent in major collections.
    pub major_gc_time: std::time::Duration,
    /// Elapsed time spent collecting.
    pub gc_elapsed: std::time::Duration,
}

/// A runtime: one heap, one Haskell thread, the linked modules, the standard handles.
pub struct Runtime {
    pub(crate) cap: Box<Capability>,
    /// When the first action started running (elapsed and CPU time): the statistics
    /// leave out the compilation that came before.
    started: Option<(std::time::Instant, std::time::Duration)>,
}

impl Runtime {
    /// `BHC_GC_STRESS=1` in the environment turns stress mode on whatever `opts` say.
    pub fn new(opts: RtsOptions) -> Runtime {
        let stress = opts.gc_stress || stress_from_env();
        let Some(heap) = Heap::new(opts.heap_words, opts.max_heap_words, stress) else {
            eprintln!("bhc: cannot reserve address space for the heap");
            std::process::exit(251);
        };
        let hp = heap.chunk_start;
        let hp_lim = if stress { hp } else { heap.blocks.end(heap.nursery[0]) };
        let mut cap = Box::new(Capability {
            r1: 0,
            sp: std::ptr::null_mut(),
            sp_lim: std::ptr::null_mut(),
            hp,
            hp_lim,
            need: 0,
            retry: NextStep::Return,
            r1_is_ptr: false,
            loose: 0,
            exit_code: 0,
            heap,
            stack: Stack::new(opts.stack_words, opts.max_stack_words),
            globals: Globals::default(),
            handles: Vec::new(),
            io: Io::new(opts.capture_output),
            statics: Statics::default(),
            interrupt: Arc::new(AtomicBool::new(false)),
            fatal: None,
            world: 0,
            iores_info: 0,
            cons_info: 0,
            char_info: 0,
            weaks: Vec::new(),
            finalizers: Vec::new(),
            stable: Default::default(),
            env: Default::default(),
        });
        cap.heap.stats_mode = opts.stats;
        cap.heap.old_gen_factor = opts.old_gen_factor;
        if opts.stats == StatsMode::Verbose {
            eprintln!("       Alloc       Copied         Live       GC    Gen");
        }
        stack::reset(&mut cap);
        Runtime {
            cap,
            started: None,
        }
    }

    /// Apply the closure of `global` (an `IO a`, at run time a function from the world
    /// token to `IORes a`) to the world token, evaluate the result to WHNF and flush
    /// stdout and stderr. When it finishes, the finalizers of weak pointers whose keys
    /// died meanwhile run (each like an action of its own; what they raise is
    /// dropped). The runtime stays usable whatever the outcome.
    pub fn run_io(&mut self, global: &str) -> Result<Outcome, RtsError> {
        let closure = self
            .cap
            .globals
            .lookup(global)
            .ok_or_else(|| RtsError::UnknownGlobal(global.to_string()))?;
        if self.started.is_none() {
            self.started = Some((std::time::Instant::now(), crate::clock::cpu_time()));
        }
        let result = self.run_action(closure);
        if result == Ok(Outcome::Finished) {
            while let Some(finalizer) = self.cap.finalizers.pop() {
                self.run_action(finalizer)?;
            }
        }
        result
    }

    /// Run the IO action `closure` (a heap or static closure held only here: nothing
    /// allocates before it is in R1).
    fn run_action(&mut self, closure: crate::Word) -> Result<Outcome, RtsError> {
        let cap = &mut *self.cap;
        cap.world = match cap.globals.lookup("Prelude.RealWorld") {
            Some(w) => w,
            None => cap.statics.own_world(),
        };
        cap.interrupt.store(false, Ordering::Relaxed);
        stack::reset(cap);
        // SAFETY: a reset stack has room for these four words above its stop frame.
        unsafe {
            cap.push(cap.world);
            cap.push(1);
            cap.push(1);
            cap.push(word(&APPLY_FRAME_INFO));
        }
        cap.r1 = closure;
        let result = scheduler::run(cap, NextStep::Enter);
        cap.io.flush_all();
        stack::reset(cap);
        cap.r1 = 0;
        result
    }

    /// Setting this flag makes the running computation stop soon with
    /// [`Outcome::Interrupted`]; `run_io` clears it when it starts.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.cap.interrupt.clone()
    }

    /// Make Ctrl-C (SIGINT) interrupt the running computation instead of ending the
    /// process, as in GHCi. Between computations it has no effect.
    pub fn interrupt_on_sigint(&self) -> std::io::Result<()> {
        crate::signals::interrupt_on_sigint(self.cap.interrupt.clone())
    }

    pub fn stats(&self) -> GcStats {
        let mut stats = self.cap.heap.stats;
        stats.bytes_allocated += (self.cap.hp as usize - self.cap.heap.chunk_start as usize) as u64;
        stats
    }

    /// Collect garbage now.
    pub fn collect_garbage(&mut self) -> Result<(), RtsError> {
        gc::collect(&mut self.cap, 0, true)
    }

    /// The output written so far when `capture_output` is set: (stdout, stderr).
    pub fn take_output(&mut self) -> (Vec<u8>, Vec<u8>) {
        self.cap.io.take_captured()
    }

    /// Read stdin from `input` instead of the process's stdin.
    pub fn set_stdin(&mut self, input: Box<dyn Read>) {
        let reader: Box<dyn BufRead> = Box::new(BufReader::new(input));
        self.cap.io.set_input(reader);
    }

    /// The program name and arguments that `getProgName#`, `getArgCount#` and `getArg#`
    /// report.
    pub fn set_args(&mut self, prog_name: String, args: Vec<String>) {
        self.cap.env = crate::primops::ProgramEnv { prog_name, args };
    }

    pub fn has_global(&self, name: &str) -> bool {
        self.cap.globals.lookup(name).is_some()
    }
}

impl Runtime {
    /// The `+RTS -s` summary in GHC's layout: allocation, copying, residency (sampled at
    /// major collections), memory in use, collections and time per generation, GC and
    /// mutator time.
    pub fn stats_report(&self) -> String {
        let s = self.stats();
        let (elapsed, total) = match self.started {
            Some((at, cpu)) => (at.elapsed(), crate::clock::cpu_time().saturating_sub(cpu)),
            None => Default::default(),
        };
        let mutator = total.saturating_sub(s.gc_time);
        let mutator_elapsed = elapsed.saturating_sub(s.gc_elapsed);
        let minor = s.collections - s.major_collections;
        let minor_time = s.gc_time.saturating_sub(s.major_gc_time);
        let in_use_mb = self.cap.heap.blocks.peak_committed * crate::block::BLOCK_BYTES >> 20;
        format!(
            "{:>16} bytes allocated in the heap\n{:>16} bytes copied during GC\n\
             {:>16} bytes maximum residency ({} sample(s))\n\
             {:>16} MiB total memory in use\n\
             \n  Gen  0  {:>8} colls  {:>8.3}s\n  Gen  1  {:>8} colls  {:>8.3}s\n\
             {:>16} collections\n\
             \n  MUT     time  {:>8.3}s  ({:>8.3}s elapsed)\n  GC      time  {:>8.3}s  ({:>8.3}s elapsed)\n  Total   time  {:>8.3}s  ({:>8.3}s elapsed)\n",
            group_digits(s.bytes_allocated),
            group_digits(s.bytes_copied),
            group_digits(s.max_live_bytes),
            s.major_collections,
            in_use_mb,
            minor,
            minor_time.as_secs_f64(),
            s.major_collections,
            s.major_gc_time.as_secs_f64(),
            s.collections,
            mutator.as_secs_f64(),
            mutator_elapsed.as_secs_f64(),
            s.gc_time.as_secs_f64(),
            s.gc_elapsed.as_secs_f64(),
            total.as_secs_f64(),
            elapsed.as_secs_f64()
        )
    }
}

/// `1234567` as `1,234,567`, as GHC prints its statistics.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.cap.io.flush_all();
        if self.cap.heap.stats_mode != StatsMode::Off {
            // As GHC does at exit: a last major collection, so that residency has been
            // sampled at least once. Its failure changes nothing at this point.
            let _ = gc::collect(&mut self.cap, 0, true);
            eprint!("{}", self.stats_report());
        }
    }
}
