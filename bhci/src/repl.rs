//! The REPL's state and what each command does: one driver session for the whole
//! lifetime, the loaded module (for `:reload` and the scope of expressions), and the
//! printing of results and errors. Errors never end the session.

use crate::command::{option, Command, Opt, HELP};
use bhc::{DriverError, LoadedModule, Session, SessionOptions};
use bhc_rts::{group_digits, Outcome, RtsOptions};
use std::io::Write;
use std::path::PathBuf;

pub struct Repl {
    session: Session,
    loaded: Option<LoadedModule>,
    /// The file of the last `:load`, kept even when it failed to compile, for `:reload`.
    target: Option<PathBuf>,
    /// Modules imported at the prompt: (module, qualified, alias).
    imports: Vec<(String, bool, String)>,
    /// `:set +s`: print the time and allocation of each evaluation.
    timing: bool,
}

impl Repl {
    pub fn new() -> Result<Repl, DriverError> {
        let session = Session::new(SessionOptions { rts: RtsOptions::from_env(), ..SessionOptions::default() })?;
        if let Err(e) = session.runtime().interrupt_on_sigint() {
            eprintln!("bhci: Ctrl-C will end the session instead of interrupting it: {e}");
        }
        Ok(Repl { session, loaded: None, target: None, imports: Vec::new(), timing: false })
    }

    pub fn prompt(&self) -> String {
        match &self.loaded {
            Some(m) => format!("*{}> ", m.name),
            None => "bhci> ".to_string(),
        }
    }

    fn report(e: &DriverError) {
        let _ = std::io::stdout().flush();
        eprint!("{}", e.render());
    }

    fn load(&mut self, path: PathBuf) {
        self.target = Some(path.clone());
        self.session.clear_prompt_defs();
        match self.session.load_file(&path) {
            Ok(m) => {
                for (i, (name, file)) in m.compiled.iter().enumerate() {
                    println!("[{} of {}] Compiling {name} ( {file} )", i + 1, m.compiled.len());
                }
                println!("Ok, one module loaded.");
                self.loaded = Some(m);
            }
            Err(e) => {
                Repl::report(&e);
                println!("Failed, no modules loaded.");
                self.loaded = None;
            }
        }
    }

    /// `:set` (`on`) or `:unset` the option words; unknown ones are reported and the
    /// rest still take effect, as in GHCi. `:set` alone lists what is set.
    fn set_options(&mut self, words: &[String], on: bool) {
        if on && words.is_empty() {
            println!("options currently set: {}", if self.timing { "+s" } else { "none." });
        }
        for word in words {
            match option(word) {
                Opt::Timing => self.timing = on,
                Opt::Unknown(message) => eprintln!("{message}"),
            }
        }
    }

    /// Evaluate a line and report how it ended; under `:set +s`, then say how long it
    /// took and what it allocated, in GHCi's format.
    fn eval(&mut self, text: &str) {
        let scope = self.session.repl_scope(self.loaded.as_ref(), &self.imports);
        let _ = std::io::stdout().flush();
        let (started, allocated) = (std::time::Instant::now(), self.session.runtime().stats().bytes_allocated);
        let evaluated = match self.session.eval_line(text, &scope) {
            Ok(Some(outcome)) => {
                match outcome {
                    Outcome::Exit(code) => println!("*** Exception: exit code {code}"),
                    Outcome::Interrupted => println!("Interrupted."),
                    Outcome::Uncaught => eprintln!("*** Exception: uncaught"),
                    Outcome::Finished => {}
                }
                true
            }
            Ok(None) => false,
            Err(e) => {
                Repl::report(&e);
                false
            }
        };
        if self.timing && evaluated {
            let bytes = self.session.runtime().stats().bytes_allocated.saturating_sub(allocated);
            println!("({:.2} secs, {} bytes)", started.elapsed().as_secs_f64(), group_digits(bytes));
        }
    }

    /// Carry out one command; false means the user asked to quit.
    pub fn handle(&mut self, command: Command) -> bool {
        match command {
            Command::Quit => return false,
            Command::Help => print!("{HELP}"),
            Command::Bad(message) => eprintln!("{message}"),
            Command::Load(file) => self.load(PathBuf::from(file)),
            Command::Import { module, qualified, alias } => match self.session.import_module(&module) {
                Ok(()) => {
                    self.imports.retain(|(m, _, _)| *m != module);
                    self.imports.push((module, qualified, alias));
                }
                Err(e) => Repl::report(&e),
            },
            Command::Reload => match self.target.clone() {
                Some(path) => self.load(path),
                None => println!("Ok, no modules loaded."),
            },
            Command::Type(text) => {
                let scope = self.session.repl_scope(self.loaded.as_ref(), &self.imports);
                match self.session.type_of(&text, &scope) {
                    Ok(ty) => println!("{ty}"),
                    Err(e) => Repl::report(&e),
                }
            }
            Command::Set(words) => self.set_options(&words, true),
            Command::Unset(words) => self.set_options(&words, false),
            Command::Eval(text) => self.eval(&text),
        }
        true
    }
}
