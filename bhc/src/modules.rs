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

pub fn find_user_file(dirs: &[PathBuf], module: &str) -> Option<PathBuf> {
    let rel = module.replace('.', "/");
    dirs.iter().flat_map(|d| ["hs", "lhs"].map(|ext| d.join(format!("{rel}.{ext}")))).find(|p| p.is_file())
}

/// Parse a module imported by `importer` (for the error's location): the user file
/// already found for it, else the base module of that name.
fn load_import(dirs: &[PathBuf], user_file: Option<PathBuf>, module: &str, importer: &ParsedModule) -> Result<ParsedModule, DriverError> {
    let parsed = if let Some(path) = user_file {
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

/// One step of building a program: a module to compile from source, or one provided
/// without its source (already linked, or in the cache).
pub enum Unit {
    Source(ParsedModule),
    Provided(String),
}

/// Every module `root` needs, in an order where each module comes after the modules it
/// imports; `root` comes last. A module found in `dirs` is compiled from source; any
/// other is first offered to `provided`, which returns its imports when it can supply
/// the module itself (an empty list for a module already linked), and is otherwise a
/// base module compiled from source.
pub fn dependency_order(
    root: ParsedModule,
    dirs: &[PathBuf],
    provided: &mut dyn FnMut(&str) -> Option<Vec<String>>,
) -> Result<Vec<Unit>, DriverError> {
    let mut units: HashMap<String, (Unit, Vec<String>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    // An explicit stack instead of recursion: import chains can be long.
    enum Step {
        Enter(String),
        Leave(String),
    }
    let root_name = root.name.clone();
    let root_imports = root.imports.clone();
    units.insert(root_name.clone(), (Unit::Source(root), root_imports));
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
                        let importer = path.last().and_then(|p| units.get(p)).and_then(|(u, _)| match u {
                            Unit::Source(m) => Some(m),
                            Unit::Provided(_) => None,
                        });
                        let Some(module) = importer else {
                            return Err(DriverError::Internal(format!("import cycle among cached modules: {}", cycle.join(" -> "))));
                        };
                        let span = module.ast.imports.iter().find(|i| i.module.name == name).map_or(ast::Span::default(), |i| i.module.span);
                        let diagnostic = Diagnostic::new("E0122", format!("module imports form a cycle: {}", cycle.join(" -> ")), span, "this import closes the cycle");
                        return Err(compile_error(&module.source, vec![diagnostic]));
                    }
                    None => {}
                }
                state.insert(name.clone(), false);
                path.push(name.clone());
                stack.push(Step::Leave(name.clone()));
                let imports = units.get(&name).map(|(_, i)| i.clone()).unwrap_or_default();
                for import in imports.iter().rev() {
                    if state.get(import) == Some(&true) {
                        continue;
                    }
                    if !units.contains_key(import) {
                        let user_file = find_user_file(dirs, import);
                        let unit = if user_file.is_none() {
                            provided(import).map(|imports| (Unit::Provided(import.clone()), imports))
                        } else {
                            None
                        };
                        let unit = match unit {
                            Some(u) => u,
                            None => {
                                let Some((Unit::Source(importer), _)) = units.get(&name) else {
                                    return Err(DriverError::Internal(format!("module {name} has no source to report from")));
                                };
                                let loaded = load_import(dirs, user_file, import, importer)?;
                                let imports = loaded.imports.clone();
                                (Unit::Source(loaded), imports)
                            }
                        };
                        units.insert(import.clone(), unit);
                    }
                    stack.push(Step::Enter(import.clone()));
                }
            }
        }
    }
    let mut result = Vec::with_capacity(order.len());
    for name in order {
        if let Some((unit, _)) = units.remove(&name) {
            result.push(unit);
        }
    }
    Ok(result)
}

/// The directories searched for a program's modules: the main module's own directory
/// first, then the `-i` directories.
pub fn search_dirs(main_file: &Path, extra: &[PathBuf]) -> Vec<PathBuf> {
    let own = main_file.parent().map(Path::to_path_buf).filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| PathBuf::from("."));
    std::iter::once(own).chain(extra.iter().cloned()).collect()
}
