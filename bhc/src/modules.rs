//! Finding and ordering the modules of a program: a module named `A.B` is `A/B.hs` (or
//! `.lhs`) under a search directory, else a base module; the import graph is walked from
//! the main module and put in dependency order, with import cycles reported.

use crate::base;
use crate::error::DriverError;
use crate::source::{self, SourceFile};
use bhc_syntax::{ast, Diagnostic, ParseOptions};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a module's source came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Base,
    User,
}

/// A parsed module waiting to be compiled.
pub struct ParsedModule {
    pub name: String,
    pub origin: Origin,
    pub source: SourceFile,
    pub ast: ast::Module,
    /// The modules it imports, implicit Prelude included.
    pub imports: Vec<String>,
}

pub fn module_name(m: &ast::Module) -> String {
    m.name.as_ref().map_or_else(|| "Main".to_string(), |i| i.name.clone())
}

pub fn compile_error(src: &SourceFile, diagnostics: Vec<Diagnostic>) -> DriverError {
    DriverError::Compile { file: src.name.clone(), source: src.text.clone(), diagnostics }
}

pub fn parse(source: SourceFile, origin: Origin) -> Result<ParsedModule, DriverError> {
    let opts = ParseOptions { magic_hash: origin == Origin::Base };
    let ast = bhc_syntax::parse_module(&source.code, &opts).map_err(|d| compile_error(&source, d))?;
    let name = module_name(&ast);
    let mut imports: Vec<String> = ast.imports.iter().map(|i| i.module.name.clone()).collect();
    let implicit_prelude = name != "Prelude" && !ast.imports.iter().any(|i| i.module.name == "Prelude");
    if implicit_prelude {
        imports.push("Prelude".to_string());
    }
    Ok(ParsedModule { name, origin, source, ast, imports })
}

fn find_user_file(dirs: &[PathBuf], module: &str) -> Option<PathBuf> {
    let rel = module.replace('.', "/");
    dirs.iter().flat_map(|d| ["hs", "lhs"].map(|ext| d.join(format!("{rel}.{ext}")))).find(|p| p.is_file())
}

/// Locate and parse a module imported by `importer` (for the error's location).
fn load_import(dirs: &[PathBuf], module: &str, importer: &ParsedModule) -> Result<ParsedModule, DriverError> {
    let parsed = if let Some(path) = find_user_file(dirs, module) {
        parse(source::read_source(&path)?, Origin::User)?
    } else if let Some((path, text)) = base::find(module) {
        parse(source::from_text(path.to_string(), text.to_string(), false)?, Origin::Base)?
    } else {
        let span = importer.ast.imports.iter().find(|i| i.module.name == module).map_or(ast::Span::default(), |i| i.module.span);
        let searched: Vec<String> = dirs.iter().map(|d| d.join(format!("{}.hs", module.replace('.', "/"))).display().to_string()).collect();
        let diagnostic = Diagnostic::new("E0120", format!("could not find module `{module}`"), span, "imported here")
            .with_help(format!("it is not a base module, and none of these files exists: {}", searched.join(", ")));
        return Err(compile_error(&importer.source, vec![diagnostic]));
    };
    if parsed.name != module {
        let span = parsed.ast.name.as_ref().map_or(ast::Span::default(), |i| i.span);
        let diagnostic = Diagnostic::new(
            "E0121",
            format!("file {} declares module `{}`, but it was imported as `{module}`", parsed.source.name, parsed.name),
            span,
            "declared here",
        );
        return Err(compile_error(&parsed.source, vec![diagnostic]));
    }
    Ok(parsed)
}

/// Every module `root` needs that is not in `known`, in an order where each module comes
/// after the modules it imports; `root` comes last.
pub fn dependency_order(
    root: ParsedModule,
    dirs: &[PathBuf],
    known: &dyn Fn(&str) -> bool,
) -> Result<Vec<ParsedModule>, DriverError> {
    let mut parsed: HashMap<String, ParsedModule> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    // An explicit stack instead of recursion: import chains can be long.
    enum Step {
        Enter(String),
        Leave(String),
    }
    let root_name = root.name.clone();
    parsed.insert(root_name.clone(), root);
    let mut state: HashMap<String, bool> = HashMap::new(); // false: in progress, true: done
    let mut path: Vec<String> = Vec::new();
    let mut stack = vec![Step::Enter(root_name.clone())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(name) => {
                state.insert(name.clone(), true);
                path.pop();
                order.push(name);
            }
            Step::Enter(name) => {
                match state.get(&name) {
                    Some(true) => continue,
                    Some(false) => {
                        let start = path.iter().position(|p| *p == name).unwrap_or(0);
                        let mut cycle = path[start..].to_vec();
                        cycle.push(name.clone());
                        let module = &parsed[&path[path.len() - 1]];
                        let span = module.ast.imports.iter().find(|i| i.module.name == name).map_or(ast::Span::default(), |i| i.module.span);
                        let diagnostic = Diagnostic::new("E0122", format!("module imports form a cycle: {}", cycle.join(" -> ")), span, "this import closes the cycle");
                        return Err(compile_error(&module.source, vec![diagnostic]));
                    }
                    None => {}
                }
                state.insert(name.clone(), false);
                path.push(name.clone());
                stack.push(Step::Leave(name.clone()));
                let imports = parsed[&name].imports.clone();
                for import in imports.iter().rev() {
                    if known(import) || state.get(import) == Some(&true) {
                        continue;
                    }
                    if !parsed.contains_key(import) {
                        let loaded = load_import(dirs, import, &parsed[&name])?;
                        parsed.insert(import.clone(), loaded);
                    }
                    stack.push(Step::Enter(import.clone()));
                }
            }
        }
    }
    Ok(order.into_iter().filter_map(|n| parsed.remove(&n)).collect())
}

/// The directories searched for a program's modules: the main module's own directory
/// first, then the `-i` directories.
pub fn search_dirs(main_file: &Path, extra: &[PathBuf]) -> Vec<PathBuf> {
    let own = main_file.parent().map(Path::to_path_buf).filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| PathBuf::from("."));
    std::iter::once(own).chain(extra.iter().cloned()).collect()
}
