//! bhc's middle: from a parsed module to STG. Renaming (scopes, imports, fixity
//! resolution), type checking (Hindley–Milner with type classes by dictionary passing),
//! desugaring into Core, and lowering Core to STG. Nothing here runs code or prints.

mod bhi;
pub mod builtins;
pub mod core;
pub mod core_codec;
pub mod desugar;
pub mod env;
mod export;
pub mod hir;
pub mod interface;
pub mod location;
pub mod lower;
pub mod rename;
mod repl;
pub mod simplify;
pub mod typecheck;
pub mod types;

#[cfg(test)]
mod tests;

pub use bhi::InterfaceError;
pub use interface::Interface;
pub use repl::{compile_repl_expr, repl_kind, repl_type, ReplCompiled, ReplImport, ReplScope};

use bhc_syntax::Diagnostic;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug, Default)]
pub struct FrontOptions {
    /// The file name used in run-time failure messages (`file.hs:3:5-10: ...`).
    pub file_name: String,
    /// This is base/Prelude.hs: wired-in types, MagicHash, primops in scope, no implicit
    /// `import Prelude`.
    pub is_base: bool,
    /// A base module other than the Prelude: primops and primitive types in scope (it is
    /// parsed with MagicHash), and the Prelude imported implicitly as usual.
    pub primitives: bool,
    /// The module's source text, to turn spans into lines and columns for those messages.
    pub source: String,
    /// Names exported by base modules the program did not import, as (module, names):
    /// a name not in scope that one of them exports gets an "add `import M (x)`" help.
    pub known_exports: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug)]
pub struct Compiled {
    pub core: core::Module,
    pub interface: Interface,
}

/// Compiles one module. `imports` maps module names to the interfaces of already
/// compiled modules; every module except base imports Prelude implicitly.
pub fn compile_module(
    m: &bhc_syntax::ast::Module,
    imports: &HashMap<String, Interface>,
    opts: &FrontOptions,
) -> Result<Compiled, Vec<Diagnostic>> {
    let mut env = env::Env::new(imports.values());
    if opts.is_base || opts.primitives {
        for v in builtins::primop_values() {
            env.values.insert(v.name.clone(), v);
        }
    }
    let srcmap = Rc::new(location::SourceMap::new(&opts.file_name, &opts.source));
    let hints = |mut ds: Vec<Diagnostic>| {
        rename::imports_hint::add_import_hints(&mut ds, &opts.source, &opts.known_exports);
        ds
    };
    let renamed = rename::rename_module(m, &env, imports, opts.is_base, opts.primitives, srcmap.clone())
        .map_err(hints)?;
    let is_main = renamed.module.name == "Main";
    let unresolved = hints(renamed.unresolved.clone());
    let checked = typecheck::check_module(&renamed.module, &mut env, renamed.supply.clone(), is_main, !unresolved.is_empty());
    let (elab, supply) = match checked {
        Ok(_) if !unresolved.is_empty() => return Err(unresolved),
        Ok(done) => done,
        Err(type_errors) => {
            let mut all: Vec<Diagnostic> = unresolved.into_iter().chain(type_errors).collect();
            all.sort_by_key(|d| d.span().start);
            return Err(all);
        }
    };
    let core = desugar::desugar_module(&renamed.module, &env, &elab, supply, srcmap, opts.is_base)?;
    let interface = export::interface(&renamed, &env, &elab);
    Ok(Compiled { core, interface })
}
