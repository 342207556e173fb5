//! The REPL's entry points: the scope an expression is typed in (Prelude's exports and,
//! like GHCi's `*M` prompt, all top-level names of a loaded module), compiling an
//! expression into a Core module that runs it and prints its value (GHCi's rules), and
//! `:type`. It must not evaluate anything.

use crate::core::{self, TopBind};
use crate::env::Env;
use crate::interface::Interface;
use crate::rename::scope::GlobalScope;
use crate::rename::{rename_repl_expr, rename_repl_type, Supply};
use crate::typecheck::{check_repl_expr, kind_of_type, ReplMode};
use crate::types::{show_scheme, show_type, wired, Type};
use crate::{desugar, hir};
use bhc_stg::Global;
use bhc_syntax::ast::{self, Expr, QName};
use bhc_syntax::Diagnostic;
use std::rc::Rc;

/// The REPL's scope: see the module doc.
#[derive(Clone, Debug)]
pub struct ReplScope {
    env: Env,
    scope: GlobalScope,
}

/// A module imported at the prompt (`import M`, `import qualified M as N`).
pub struct ReplImport<'a> {
    pub interface: &'a Interface,
    pub qualified: bool,
    /// The qualifier its names are known by (`M`, or `N` after `as N`).
    pub alias: String,
}

impl ReplScope {
    pub fn new(prelude: &Interface, loaded: Option<&Interface>) -> ReplScope {
        ReplScope::with_imports(prelude, loaded, &[])
    }

    /// The scope with modules imported at the prompt as well.
    pub fn with_imports(prelude: &Interface, loaded: Option<&Interface>, imports: &[ReplImport]) -> ReplScope {
        let mut ifaces = vec![prelude];
        ifaces.extend(loaded);
        ifaces.extend(imports.iter().map(|i| i.interface));
        let env = Env::new(ifaces);
        let mut scope = GlobalScope::default();
        scope.add_table(&prelude.exports, "Prelude", false);
        for i in imports {
            scope.add_table(&i.interface.exports, &i.alias, i.qualified);
        }
        if let Some(m) = loaded {
            scope.add_table(&m.top_level, &m.module, false);
        }
        ReplScope { env, scope }
    }
}

/// A REPL expression compiled into a module; see `compile_repl_expr`.
#[derive(Clone, Debug)]
pub struct ReplCompiled {
    pub core: core::Module,
    /// The global to run, e.g. `Interactive3.it_run`.
    pub entry: String,
    /// The expression's type, pretty printed.
    pub ty: String,
}

struct Checked {
    expr: hir::Expr,
    elab: crate::typecheck::Elab,
    supply: Supply,
    ty: Type,
}

fn check(e: &Expr, scope: &ReplScope, mode: ReplMode) -> Result<Checked, Vec<Diagnostic>> {
    let (expr, supply) = rename_repl_expr(e, &scope.env, &scope.scope, Supply::default())?;
    let mut env = scope.env.clone();
    let c = check_repl_expr(&expr, &mut env, supply, mode)?;
    Ok(Checked { expr, elab: c.elab, supply: c.supply, ty: c.ty })
}

fn prelude_var(name: &str, like: &Expr) -> Expr {
    Expr::Var(QName { qualifier: Some("Prelude".into()), name: name.into(), span: like.span() })
}

fn app(f: Expr, a: Expr) -> Expr {
    let span = a.span();
    Expr::App(Box::new(f), Box::new(a), span)
}

/// Type-checks an expression typed at the REPL and builds a Core module named `name`
/// with one binding `<name>.it_run :: IO ()`: an I/O action is run, and its result
/// printed when it is not `()` and has a Show instance; any other value is printed
/// with `print` (after GHCi's extended defaulting).
pub fn compile_repl_expr(e: &Expr, scope: &ReplScope, name: &str) -> Result<ReplCompiled, Vec<Diagnostic>> {
    // GHCi's rule: an expression that can be an I/O action is run as one.
    let first = match check(e, scope, ReplMode::Action) {
        Ok(c) => c,
        Err(_) => check(e, scope, ReplMode::Value)?,
    };
    let ty = show_type(&first.ty);
    let paren = Expr::Paren(Box::new(e.clone()), e.span());
    let io_result = match first.ty.spine() {
        (Type::Con(c), args) if &**c == "Prelude.IO" && args.len() == 1 => Some(args[0].clone()),
        _ => None,
    };
    let checked = match io_result {
        Some(t) if t == Type::con(wired::UNIT) => first,
        Some(_) => {
            let printed = app(app(prelude_var(">>=", e), paren.clone()), prelude_var("print", e));
            match check(&printed, scope, ReplMode::Action) {
                Ok(c) => c,
                Err(_) => {
                    let unit = Expr::Con(QName::unqual("()", e.span()));
                    let done = app(prelude_var("return", e), unit);
                    check(&app(app(prelude_var(">>", e), paren), done), scope, ReplMode::Action)?
                }
            }
        }
        None => check(&app(prelude_var("print", e), paren), scope, ReplMode::Action)?,
    };
    let body = desugar::desugar_expr(&checked.expr, &scope.env, &checked.elab, checked.supply, name)?;
    let entry = format!("{name}.it_run");
    let core = core::Module {
        name: name.to_string(),
        data_cons: Vec::new(),
        bindings: vec![TopBind { name: Global(Rc::from(entry.as_str())), expr: body }],
    };
    Ok(ReplCompiled { core, entry, ty })
}

/// `:type e`: the expression's generalised type, e.g. `(a -> b) -> [a] -> [b]` or
/// `Num a => a -> a` (the type only; the REPL prints the expression before it).
pub fn repl_type(e: &Expr, scope: &ReplScope) -> Result<String, Vec<Diagnostic>> {
    let (expr, supply) = rename_repl_expr(e, &scope.env, &scope.scope, Supply::default())?;
    // A lone variable or constructor prints as declared, with its signature's
    // variable names (`(.) :: (b -> c) -> (a -> b) -> a -> c`).
    if let hir::Expr::Var(hir::Occ { target: hir::Target::Global(n), .. }) | hir::Expr::Con(n, _) = &expr {
        if let Some(v) = scope.env.values.get(n) {
            return Ok(show_scheme(&v.scheme));
        }
    }
    let mut env = scope.env.clone();
    let c = check_repl_expr(&expr, &mut env, supply, ReplMode::TypeOnly)?;
    Ok(show_scheme(&c.scheme))
}

/// `:kind t`: the kind of a type or type constructor in the REPL's scope, e.g. `* -> *`
/// for `Maybe` (the kind only; the REPL prints the type before it).
pub fn repl_kind(t: &ast::Type, scope: &ReplScope) -> Result<String, Vec<Diagnostic>> {
    let te = rename_repl_type(t, &scope.env, &scope.scope)?;
    let mut env = scope.env.clone();
    kind_of_type(&te, &mut env).map(|k| k.to_string())
}
