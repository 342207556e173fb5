//! `bhci`: the interactive bhc. Reads lines with rustyline (history, editing) when
//! stdin is a terminal, and plain lines otherwise (so sessions can be piped in), and
//! hands each to the REPL; tab completes `:commands`. Any error is printed and the session goes on.

mod command;
mod repl;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

/// The same allocator as `bhc`'s, for the same reason (see bhc/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".bhci_history"))
}

/// The session compiles what is loaded and typed, so it runs on the compiler's thread.
fn main() -> ExitCode {
    bhc::compiler_stack::run_on_compiler_stack("bhci", session)
}

fn session() -> ExitCode {
    let mut repl = match repl::Repl::new() {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::FAILURE;
        }
    };
    for file in std::env::args().skip(1) {
        repl.handle(command::Command::Load(file));
    }
    if std::io::stdin().is_terminal() {
        interactive(&mut repl);
    } else {
        piped(&mut repl);
    }
    println!("Leaving bhci.");
    ExitCode::SUCCESS
}

/// Tab completion of `:commands` and `:set` options.
struct Completion;

impl rustyline::completion::Completer for Completion {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _: &rustyline::Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(command::complete(line.get(..pos).unwrap_or(line)))
    }
}

impl rustyline::hint::Hinter for Completion {
    type Hint = String;
}

impl rustyline::highlight::Highlighter for Completion {}
impl rustyline::validate::Validator for Completion {}
impl rustyline::Helper for Completion {}

fn interactive(repl: &mut repl::Repl) {
    println!("bhci, version {}  :? for help", env!("CARGO_PKG_VERSION"));
    let Ok(mut editor) = rustyline::Editor::<Completion, rustyline::history::DefaultHistory>::new() else {
        return piped(repl);
    };
    editor.set_helper(Some(Completion));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    loop {
        match editor.readline(&repl.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if !repl.handle(command::parse(&line)) {
                    break;
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) => break,
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
}

fn piped(repl: &mut repl::Repl) {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        print!("{}", repl.prompt());
        let _ = std::io::stdout().flush();
        let Some(Ok(line)) = lines.next() else {
            break;
        };
        if !repl.handle(command::parse(&line)) {
            break;
        }
    }
}
