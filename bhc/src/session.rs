//! A compilation session: one runtime with base linked into it, and the modules loaded so
//! far. `bhc run` uses one session for one program; `bhci` keeps one for its lifetime and
//! compiles each input line into a small module linked into the same runtime.

use crate::base;
use crate::cache::{Cache, CachedModule};
use crate::error::DriverError;
use crate::modules::{self, compile_error, Origin, ParsedModule, Unit};
use crate::source::{self, SourceFile};
use bhc_front::core;
use bhc_front::{FrontOptions, Interface, ReplScope};
use bhc_rts::{Outcome, RtsOptions, Runtime};
use bhc_stg::{Global, Lit, Occ};
use bhc_syntax::{ast, Diagnostic, ParseOptions, ReplInput};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Which intermediate forms to print while compiling user modules.
#[derive(Clone, Copy, Debug, Default)]
pub struct Dumps {
    pub core: bool,
    pub stg: bool,
    pub bytecode: bool,
}

#[derive(Default)]
pub struct SessionOptions {
    pub rts: RtsOptions,
    pub dumps: Dumps,
    /// Extra directories to search for imported modules (`-i`).
    pub search_path: Vec<PathBuf>,
}

/// A user module compiled and linked into the session.
#[derive(Clone)]
pub struct LoadedModule {
    pub name: String,
    pub path: String,
    pub interface: Interface,
    /// The user modules this load compiled, with their files, in order (the others were
    /// up to date and linked from their interface files).
    pub compiled: Vec<(String, String)>,
}

pub struct Session {
    runtime: Runtime,
    /// The interface of every module compiled so far, base and user.
    interfaces: HashMap<String, (Origin, Interface)>,
    search_path: Vec<PathBuf>,
    dumps: Dumps,
    /// Numbers the modules compiled from REPL input so each links under a fresh name.
    repl_counter: u32,
    /// Dump text produced by the last compilation, for the caller to print.
    dump_text: String,
    /// What the simplifier learned from the modules compiled so far.
    knowledge: bhc_front::simplify::Knowledge,
    /// Compiled base modules from earlier runs.
    cache: Cache,
    /// Definitions made at the REPL prompt (`let x = 1`, `f y = y + x`), oldest first.
    prompt_defs: Vec<String>,
}

fn defines(m: &ast::Module, name: &str) -> bool {
    m.decls.iter().any(|d| match d {
        ast::Decl::FunClause(c) => c.name.name == name,
        ast::Decl::PatBind { pat: ast::Pat::Var(v), .. } => v.name == name,
        _ => false,
    })
}

impl Session {
    /// Start a runtime and compile and link the Prelude into it.
    pub fn new(opts: SessionOptions) -> Result<Session, DriverError> {
        let mut session = Session {
            runtime: Runtime::new(opts.rts),
            interfaces: HashMap::new(),
            search_path: opts.search_path,
            dumps: opts.dumps,
            repl_counter: 0,
            dump_text: String::new(),
            knowledge: Default::default(),
            cache: Cache::open(),
            prompt_defs: Vec::new(),
        };
        if let Some(cached) = session.cache.load("Prelude") {
            session.link_cached("Prelude", cached)?;
        } else {
            let (path, text) = base::find("Prelude").ok_or_else(|| DriverError::Internal("base has no Prelude".into()))?;
            let prelude = modules::parse(source::from_text(path.to_string(), text.to_string(), false)?, Origin::Base)?;
            session.compile_and_link(&prelude, Dumps::default())?;
        }
        Ok(session)
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// What `getProgName` and `getArgs` return to the program.
    pub fn set_program_args(&mut self, prog_name: &str, args: Vec<String>) {
        self.runtime.set_args(prog_name.to_string(), args);
    }

    /// The dumps (`--dump-core` etc.) produced by the last compilation.
    pub fn take_dumps(&mut self) -> String {
        std::mem::take(&mut self.dump_text)
    }

    fn compile_and_link(&mut self, m: &ParsedModule, dumps: Dumps) -> Result<(), DriverError> {
        let imports: HashMap<String, Interface> = m
            .imports
            .iter()
            .filter_map(|name| self.interfaces.get(name).map(|(_, i)| (name.clone(), i.clone())))
            .collect();
        let mut opts = FrontOptions {
            file_name: m.source.name.clone(),
            is_base: m.name == "Prelude" && m.origin == Origin::Base,
            primitives: m.origin == Origin::Base,
            source: m.source.code.clone(),
            ..FrontOptions::default()
        };
        let compiled = match bhc_front::compile_module(&m.ast, &imports, &opts) {
            Ok(c) => c,
            Err(diagnostics) => {
                // Only now is it worth knowing every base module's exports: they let the
                // diagnostics suggest a missing import.
                opts.known_exports = self.base_exports(&m.name);
                let diagnostics = bhc_front::compile_module(&m.ast, &imports, &opts).err().unwrap_or(diagnostics);
                return Err(compile_error(&m.source, diagnostics));
            }
        };
        let code = self.link_core(&compiled.core, dumps)?;
        let cached = CachedModule {
            imports: m.imports.clone(),
            source_hash: crate::cache::fnv1a(m.source.code.as_bytes()),
            dep_fingerprints: self.fingerprints(&m.imports),
            interface: compiled.interface.clone(),
            code,
            knowledge: self.knowledge.for_module(&m.name),
        };
        let source_path = (m.origin == Origin::User).then_some(m.source.name.as_str());
        self.cache.store(&m.name, source_path, &cached);
        self.interfaces.insert(m.name.clone(), (m.origin, compiled.interface));
        Ok(())
    }

    fn fingerprints(&self, modules: &[String]) -> Vec<(String, u64)> {
        modules.iter().filter_map(|m| self.interfaces.get(m).map(|(_, i)| (m.clone(), i.fingerprint()))).collect()
    }

    /// Link a user module from its interface file when its source and the interfaces it
    /// was compiled against are unchanged; true when it did.
    fn link_if_up_to_date(&mut self, m: &ParsedModule) -> Result<bool, DriverError> {
        let cached = match self.cache.load_user(&m.name, &m.source.name) {
            Ok(Some(c)) => c,
            Ok(None) => return Ok(false),
            Err(why) => {
                eprintln!("bhc: ignoring a corrupt interface file ({why}); recompiling {}", m.name);
                return Ok(false);
            }
        };
        let fresh = cached.source_hash == crate::cache::fnv1a(m.source.code.as_bytes())
            && cached.imports == m.imports
            && cached.dep_fingerprints == self.fingerprints(&m.imports);
        if !fresh {
            return Ok(false);
        }
        bhc_bytecode::link(&mut self.runtime, &cached.code).map_err(|e| DriverError::Internal(e.to_string()))?;
        self.knowledge.extend(cached.knowledge);
        self.interfaces.insert(m.name.clone(), (Origin::User, cached.interface));
        Ok(true)
    }

    /// Link a base module from the cache.
    fn link_cached(&mut self, name: &str, m: CachedModule) -> Result<(), DriverError> {
        bhc_bytecode::link(&mut self.runtime, &m.code).map_err(|e| DriverError::Internal(e.to_string()))?;
        self.knowledge.extend(m.knowledge);
        self.interfaces.insert(name.to_string(), (Origin::Base, m.interface));
        Ok(())
    }

    /// The names every base module exports (other than `except`), for "add an import"
    /// suggestions. Modules not compiled yet are read from the cache or type-checked.
    fn base_exports(&mut self, except: &str) -> Vec<(String, Vec<String>)> {
        let mut table = Vec::new();
        for (name, path, text) in base::MODULES {
            if *name == except || *name == "Prelude" {
                continue;
            }
            if !self.interfaces.contains_key(*name) {
                let Ok(src) = source::from_text(path.to_string(), text.to_string(), false) else { continue };
                let Ok(parsed) = modules::parse(src, Origin::Base) else { continue };
                let ready = parsed.imports.iter().all(|i| self.interfaces.contains_key(i));
                if !ready || self.compile_and_link(&parsed, Dumps::default()).is_err() {
                    continue;
                }
            }
            if let Some((_, interface)) = self.interfaces.get(*name) {
                table.push((name.to_string(), interface.exports.values.keys().chain(interface.exports.types.keys()).cloned().collect()));
            }
        }
        table
    }

    /// Lower a Core module to byte code and link it into the runtime.
    fn link_core(&mut self, core: &core::Module, dumps: Dumps) -> Result<bhc_bytecode::CompiledModule, DriverError> {
        let core = bhc_front::simplify::simplify_module(core, &mut self.knowledge);
        if dumps.core {
            self.dump_text.push_str(&core.to_string());
        }
        let stg = bhc_front::lower::lower_module(&core).map_err(|e| DriverError::Internal(e.to_string()))?;
        if dumps.stg {
            self.dump_text.push_str(&stg.to_string());
        }
        let code = bhc_bytecode::compile_module(&stg).map_err(|e| DriverError::Internal(e.to_string()))?;
        if dumps.bytecode {
            self.dump_text.push_str(&code.to_string());
        }
        bhc_bytecode::link(&mut self.runtime, &code).map_err(|e| DriverError::Internal(e.to_string()))?;
        Ok(code)
    }

    /// Compile a module from a file, with every module it imports that is not compiled
    /// yet (user modules are always compiled afresh), and link them all.
    pub fn load_file(&mut self, path: &Path) -> Result<LoadedModule, DriverError> {
        self.load(path, false)
    }

    /// Like `load_file`, for a program: the main module must define `main`.
    pub fn load_program(&mut self, path: &Path) -> Result<LoadedModule, DriverError> {
        self.load(path, true)
    }

    fn load(&mut self, path: &Path, require_main: bool) -> Result<LoadedModule, DriverError> {
        let root = modules::parse(source::read_source(path)?, Origin::User)?;
        if require_main && !defines(&root.ast, "main") {
            let span = root.ast.name.as_ref().map_or(ast::Span::new(0, 0), |i| i.span);
            let diagnostic = Diagnostic::new("E0100", format!("the module `{}` does not define `main`", root.name), span, "in this module")
                .with_help("a program needs `main :: IO ()` and a definition of `main`");
            return Err(compile_error(&root.source, vec![diagnostic]));
        }
        let (name, file) = (root.name.clone(), root.source.name.clone());
        let dirs = modules::search_dirs(path, &self.search_path);
        let compiled = self.build(root, &dirs, true)?;
        let interface = self.interfaces.get(&name).map(|(_, i)| i.clone()).ok_or_else(|| DriverError::Internal(format!("{name} was not compiled")))?;
        Ok(LoadedModule { name, path: file, interface, compiled })
    }

    /// Link a one-binding module `name.main = wrapper args...` and run it as an IO action.
    fn run_wrapped(&mut self, name: &str, wrapper: &str, args: Vec<core::Expr>) -> Result<Outcome, DriverError> {
        let run = core::Expr::App(Box::new(global(wrapper)), args);
        let entry = format!("{name}.main");
        let core = core::Module {
            name: name.to_string(),
            data_cons: vec![],
            bindings: vec![core::TopBind { name: Global(Rc::from(entry.as_str())), expr: run }],
        };
        self.link_core(&core, Dumps::default())?;
        self.runtime.run_io(&entry).map_err(|e| DriverError::Runtime(e.to_string()))
    }

    /// Run `main` of a loaded module under the top-level exception handler, which reports
    /// an uncaught exception as `prog: message` and exits with code 1.
    pub fn run_main(&mut self, module: &LoadedModule, prog_name: &str) -> Result<Outcome, DriverError> {
        let prog = core::Expr::App(
            Box::new(global("Prelude.unpackCString#")),
            vec![core::Expr::Lit(Lit::String(Rc::from(prog_name.as_bytes())))],
        );
        let main = global(&format!("{}.main", module.name));
        self.run_wrapped(":entry", "Prelude.runMainIO", vec![prog, main])
    }

    /// The REPL's scope: the Prelude, the loaded module's top level, and the modules
    /// imported at the prompt as (module, qualified, alias).
    pub fn repl_scope(&self, loaded: Option<&LoadedModule>, imports: &[(String, bool, String)]) -> ReplScope {
        let empty = Interface::default();
        let prelude = self.interfaces.get("Prelude").map_or(&empty, |(_, i)| i);
        let imports: Vec<bhc_front::ReplImport> = imports
            .iter()
            .filter_map(|(module, qualified, alias)| {
                let (_, interface) = self.interfaces.get(module)?;
                Some(bhc_front::ReplImport { interface, qualified: *qualified, alias: alias.clone() })
            })
            .collect();
        ReplScope::with_imports(prelude, loaded.map(|m| &m.interface), &imports)
    }

    /// Make a module available for `import` at the prompt: compile (or link from the
    /// cache) it and what it imports, searching the current directory and base.
    pub fn import_module(&mut self, module: &str) -> Result<(), DriverError> {
        if self.interfaces.contains_key(module) {
            return Ok(());
        }
        let mut dirs = vec![PathBuf::from(".")];
        dirs.extend(self.search_path.iter().cloned());
        if base::find(module).is_none() && modules::find_user_file(&dirs, module).is_none() {
            return Err(DriverError::Unsupported(format!(
                "could not find module `{module}`: it is not a base module, and there is no {}.hs here",
                module.replace('.', "/")
            )));
        }
        let text = format!("module Interactive_Import where\nimport {module}\n");
        let root = modules::parse(source::from_text("<interactive>".into(), text, false)?, Origin::User)?;
        self.build(root, &dirs, false).map(|_| ())
    }

    /// Compile and link `root` (when `with_root`) and every module it needs that is not
    /// linked yet: base modules from the cache when they are there, user modules from
    /// their interface files when those are up to date, the rest from source. Returns the
    /// user modules it compiled, with their files.
    fn build(&mut self, root: ParsedModule, dirs: &[PathBuf], with_root: bool) -> Result<Vec<(String, String)>, DriverError> {
        let root_name = root.name.clone();
        let mut stash: HashMap<String, CachedModule> = HashMap::new();
        let (interfaces, cache) = (&self.interfaces, &self.cache);
        let mut provided = |module: &str| -> Option<Vec<String>> {
            if interfaces.get(module).is_some_and(|(origin, _)| *origin == Origin::Base) {
                return Some(Vec::new());
            }
            base::find(module)?;
            let cached = cache.load(module)?;
            let imports = cached.imports.clone();
            stash.insert(module.to_string(), cached);
            Some(imports)
        };
        let order = modules::dependency_order(root, dirs, &mut provided)?;
        let mut compiled = Vec::new();
        for unit in order {
            match unit {
                Unit::Source(m) if !with_root && m.name == root_name => {}
                Unit::Source(m) => {
                    let dumps = if m.origin == Origin::User { self.dumps } else { Dumps::default() };
                    let wants_dump = dumps.core || dumps.stg || dumps.bytecode;
                    if m.origin == Origin::User && !wants_dump && self.link_if_up_to_date(&m)? {
                        continue;
                    }
                    if m.origin == Origin::User {
                        compiled.push((m.name.clone(), m.source.name.clone()));
                    }
                    self.compile_and_link(&m, dumps)?;
                }
                Unit::Provided(module) => {
                    if let Some(cached) = stash.remove(&module) {
                        self.link_cached(&module, cached)?;
                    }
                }
            }
        }
        Ok(compiled)
    }

    fn parse_repl(&self, text: &str) -> Result<ReplInput, DriverError> {
        let src = source::from_text("<interactive>".to_string(), text.to_string(), false)?;
        bhc_syntax::parse_repl_input(&src.code, &ParseOptions::default()).map_err(|d| compile_error(&src, d))
    }

    fn repl_source(text: &str) -> SourceFile {
        SourceFile { name: "<interactive>".into(), text: text.into(), code: text.into() }
    }

    /// Forget the definitions made at the prompt (GHCi does so on `:load`).
    pub fn clear_prompt_defs(&mut self) {
        self.prompt_defs.clear();
    }

    /// `let { d1 } in let { d2 } in (e)`: the expression in the scope of the prompt's
    /// definitions. Nested lets give GHCi's shadowing: a later definition of a name hides
    /// an earlier one, and definitions made before keep the one they saw.
    fn in_prompt_scope(&self, expr_text: &str) -> String {
        // Every line after the first is indented, so the prompt's layout reads one
        // expression; the line breaks end any `--` comment a definition carries.
        let mut text: String = self.prompt_defs.iter().map(|d| format!("let {{ {d}\n }} in ")).collect();
        text.push_str(&format!("(\n {expr_text}\n )"));
        text
    }

    /// Parse an expression typed at the prompt, in the scope of the prompt's definitions;
    /// also returns the text that diagnostics point into.
    fn prompt_expr(&self, text: &str) -> Result<(ast::Expr, String), DriverError> {
        let full = if self.prompt_defs.is_empty() { text.to_string() } else { self.in_prompt_scope(text) };
        match self.parse_repl(&full)? {
            ReplInput::Expr(e) => Ok((e, full)),
            _ => Err(DriverError::Unsupported("expected an expression".into())),
        }
    }

    /// Evaluate a line typed at the REPL: print its value, run it if it is an action, or
    /// remember it if it is a definition.
    pub fn eval_line(&mut self, text: &str, scope: &ReplScope) -> Result<Option<Outcome>, DriverError> {
        match self.parse_repl(text)? {
            ReplInput::Empty => return Ok(None),
            ReplInput::Expr(_) => {}
            ReplInput::Let(decls) | ReplInput::Decls(decls) => return self.define(text, &decls, scope).map(|()| None),
            ReplInput::Bind(..) => {
                return Err(DriverError::Unsupported("`x <- action` at the prompt is not supported yet: use `action >>= \\x -> ...`".into()))
            }
        }
        let (expr, source) = self.prompt_expr(text)?;
        self.repl_counter += 1;
        let name = format!("Interactive{}", self.repl_counter);
        let compiled = bhc_front::compile_repl_expr(&expr, scope, &name)
            .map_err(|d| compile_error(&Session::repl_source(&source), d))?;
        self.link_core(&compiled.core, self.dumps)?;
        let run = format!("{name}:run");
        let outcome = self.run_wrapped(&run, "Prelude.runInteractiveIO", vec![global(&compiled.entry)]);
        // Nothing names an input line's code again: the runtime frees it once no value
        // still refers to it.
        self.runtime.unload_module(&name);
        self.runtime.unload_module(&run);
        Ok(Some(outcome?))
    }

    /// Accept a definition typed at the prompt once it type-checks with the earlier ones.
    fn define(&mut self, text: &str, decls: &[ast::Decl], scope: &ReplScope) -> Result<(), DriverError> {
        let value_decl = |d: &ast::Decl| matches!(d, ast::Decl::FunClause(_) | ast::Decl::PatBind { .. } | ast::Decl::TypeSig { .. } | ast::Decl::Fixity { .. });
        if !decls.iter().all(value_decl) {
            return Err(DriverError::Unsupported(
                "data, type, class and instance declarations at the prompt are not supported yet: put them in a file and :load it".into(),
            ));
        }
        let trimmed = text.trim();
        let def = match trimmed.strip_prefix("let") {
            Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim(),
            _ => trimmed,
        };
        self.prompt_defs.push(def.to_string());
        let checked = self.prompt_expr("()").and_then(|(e, source)| {
            bhc_front::repl_type(&e, scope).map_err(|d| compile_error(&Session::repl_source(&source), d))
        });
        if let Err(e) = checked {
            self.prompt_defs.pop();
            return Err(e);
        }
        Ok(())
    }

    /// The type of an expression, as `:type` prints it.
    pub fn type_of(&self, text: &str, scope: &ReplScope) -> Result<String, DriverError> {
        let (e, source) = self.prompt_expr(text)?;
        bhc_front::repl_type(&e, scope)
            .map(|ty| format!("{} :: {ty}", text.trim()))
            .map_err(|d| compile_error(&Session::repl_source(&source), d))
    }
}

fn global(name: &str) -> core::Expr {
    core::Expr::Var(Occ::Global(Global(Rc::from(name))))
}

