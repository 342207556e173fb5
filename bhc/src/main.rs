//! The `bhc` command: `bhc run Script.hs args` runs a program like runghc (also from a
//! `#!` line). Everything here is argument handling and exit codes; the work is in the
//! driver library.

use bhc::{Dumps, Session, SessionOptions};
use bhc_rts::Outcome;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The compiler builds and drops millions of small tree nodes per large module; with
/// the system allocator, allocating and freeing them took about 40% of the front end's
/// instructions. mimalloc's thread-local free lists cut the front end's total by about
/// a third.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "bhc", version, about = "bhc: a Haskell compiler and interpreter")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a program to byte code and run its `main`, like runghc.
    Run {
        /// Print the Core of the program's module.
        #[arg(long)]
        dump_core: bool,
        /// Print the STG of the program's module.
        #[arg(long)]
        dump_stg: bool,
        /// Print the byte code of the program's module.
        #[arg(long)]
        dump_bytecode: bool,
        /// Collect garbage at every allocation (also: BHC_GC_STRESS=1).
        #[arg(long)]
        gc_stress: bool,
        /// Also search this directory for imported modules (repeatable).
        #[arg(short = 'i', value_name = "DIR")]
        include: Vec<PathBuf>,
        /// Report on stderr which modules are compiled (the others are up to date).
        #[arg(short = 'v', long)]
        verbose: bool,
        /// The program's main module.
        file: PathBuf,
        /// Arguments for the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// The name a program reports errors under: its file name, as runghc reports it.
fn prog_name(file: &Path) -> String {
    file.file_name().map_or_else(|| "main".to_string(), |s| s.to_string_lossy().into_owned())
}

struct RunRequest {
    file: PathBuf,
    args: Vec<String>,
    dumps: Dumps,
    gc_stress: bool,
    search_path: Vec<PathBuf>,
    verbose: bool,
}

fn run(req: RunRequest) -> ExitCode {
    let RunRequest { file, args, dumps, gc_stress, search_path, verbose } = req;
    let file = file.as_path();
    // `+RTS ... -RTS` among the program's arguments configures the runtime, as for a
    // GHC-compiled program.
    let (mut rts, args) = match bhc_rts::parse_rts_args(&args) {
        Ok(split) => split,
        Err(e) => {
            eprintln!("{}: {e}", prog_name(file));
            return ExitCode::FAILURE;
        }
    };
    rts.gc_stress |= gc_stress;
    let result = Session::new(SessionOptions { rts, dumps, search_path }).and_then(|mut session| {
        session.set_program_args(&prog_name(file), args);
        let module = session.load_program(file);
        print!("{}", session.take_dumps());
        let module = module?;
        if verbose {
            for (i, (name, path)) in module.compiled.iter().enumerate() {
                eprintln!("[{} of {}] Compiling {name} ( {path} )", i + 1, module.compiled.len());
            }
        }
        session.run_main(&module, &prog_name(file))
    });
    match result {
        Ok(Outcome::Finished) => ExitCode::SUCCESS,
        Ok(Outcome::Exit(code)) => ExitCode::from((code & 0xff) as u8),
        Ok(Outcome::Uncaught) => {
            eprintln!("{}: uncaught exception", prog_name(file));
            ExitCode::FAILURE
        }
        Ok(Outcome::Interrupted) => {
            eprintln!("{}: interrupted", prog_name(file));
            ExitCode::from(130)
        }
        Err(e) => {
            eprint!("{}", e.render());
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    bhc::compiler_stack::run_on_compiler_stack("bhc", move || dispatch(cli))
}

fn dispatch(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Run { dump_core, dump_stg, dump_bytecode, gc_stress, include, verbose, file, args } => run(RunRequest {
            file,
            args,
            dumps: Dumps { core: dump_core, stg: dump_stg, bytecode: dump_bytecode },
            gc_stress,
            search_path: include,
            verbose,
        }),
    }
}
