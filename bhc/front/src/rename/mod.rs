//! The renamer: resolves every name of a module (or REPL expression) against its scopes,
//! resolves operator chains with the fixities in scope, groups function clauses, and
//! rewrites purely syntactic sugar into the forms of `hir`. It reports unknown, ambiguous
//! and duplicate names. It must not type anything: constraints, overloading and
//! representation are the type checker's and desugarer's business.

mod binds;
mod decls;
mod deriving;
mod expr;
pub mod fixity;
pub mod imports_hint;
mod literal;
mod pat;
pub mod scope;
mod suggest;

use crate::builtins::MAX_TUPLE;
use crate::env::Env;
use crate::hir::{self, Unique};
use crate::interface::{Fixity, NameTable};
use crate::location::SourceMap;
use crate::types::{wired, Name};
use bhc_syntax::ast::{QName, Span};
use bhc_syntax::Diagnostic;
use scope::GlobalScope;
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

pub use decls::{rename_module, Renamed};

/// Fresh numbers for the whole compilation of one module: local variable uniques,
/// occurrence ids and binding-group ids. Later phases keep drawing from it, so that
/// every variable of a module has a distinct unique.
#[derive(Clone, Debug, Default)]
pub struct Supply {
    pub unique: u32,
    pub occ: u32,
    pub binds: u32,
}

impl Supply {
    pub fn unique(&mut self) -> Unique {
        self.unique += 1;
        self.unique
    }

    pub fn occ(&mut self) -> u32 {
        self.occ += 1;
        self.occ
    }

    pub fn binds(&mut self) -> u32 {
        self.binds += 1;
        self.binds
    }
}

#[derive(Clone, Debug)]
struct LocalEntry {
    name: Rc<str>,
    unique: Unique,
    fixity: Option<Fixity>,
}

/// What a value name denotes.
#[derive(Clone, Debug)]
enum Resolved {
    Local(Unique),
    Global(Name),
}

/// What the renamer knows about a constructor: enough to expand record patterns and to
/// tell failure-free patterns.
#[derive(Clone, Debug)]
pub struct ConShape {
    pub labels: Vec<Option<Name>>,
    pub family_size: usize,
}

/// The most levels operator chains, `do` statements and guards may add, nested within each
/// other, on top of the parser's nesting bound (E0006), so that no input (a 1 MB line of
/// `+`) makes a tree too deep for the back ends' recursion. Chains of a few thousand
/// occur in generated code and compile, so the bound sits above them.
const MAX_SUGAR_DEPTH: usize = 5000;

pub struct Renamer<'a> {
    pub env: &'a Env,
    pub module: String,
    pub is_base: bool,
    pub scope: GlobalScope,
    /// Local binders, innermost last; a later entry shadows an earlier one of the same
    /// name. A stack rather than a map per scope: scopes are small and many, so
    /// scanning beats allocating a map and a key for each.
    locals: Vec<LocalEntry>,
    /// Where each open local scope starts in `locals`.
    scopes: Vec<usize>,
    /// Fixity declarations of this module's top-level names.
    pub fixities: FxHashMap<Name, Fixity>,
    /// Constructors declared by this module.
    pub cons: FxHashMap<Name, ConShape>,
    pub top_level: NameTable,
    pub supply: Supply,
    pub errors: Vec<Diagnostic>,
    reported_missing: FxHashSet<String>,
    generated: u32,
    /// For the locations in run-time failure messages (`fail` in `do`).
    pub srcmap: Rc<SourceMap>,
    /// Renaming a derived instance: `Prelude.x` means the original `Prelude.x` (and
    /// likewise for the other modules of `deriving::BASE_MODULES`).
    in_derived: bool,
    /// What derived code's `Prelude.x` (by module, then name) resolved to as a value:
    /// derived instances name the same few entities over and over.
    derived_values: FxHashMap<String, FxHashMap<String, Option<Name>>>,
    /// How many levels the operator chains and `do` statements around the current
    /// expression add once resolved and desugared: the parser's nesting bound cannot see
    /// them, and the back ends recurse over the tree they become.
    sugar_depth: usize,
    too_deep_reported: bool,
}

impl<'a> Renamer<'a> {
    pub fn new(
        env: &'a Env,
        module: &str,
        is_base: bool,
        scope: GlobalScope,
        supply: Supply,
        srcmap: Rc<SourceMap>,
    ) -> Renamer<'a> {
        Renamer {
            env,
            module: module.to_string(),
            is_base,
            scope,
            locals: Vec::new(),
            scopes: Vec::new(),
            fixities: FxHashMap::default(),
            cons: FxHashMap::default(),
            top_level: NameTable::default(),
            supply,
            errors: Vec::new(),
            reported_missing: FxHashSet::default(),
            generated: 0,
            srcmap,
            in_derived: false,
            derived_values: FxHashMap::default(),
            sugar_depth: 0,
            too_deep_reported: false,
        }
    }

    /// Enters `levels` more levels of operator chain or `do` block; `false` (with an
    /// E0006 diagnostic, once) when that goes beyond the nesting bound. Each successful
    /// call is matched by `leave_sugar(levels)`.
    fn enter_sugar(&mut self, levels: usize, span: Span) -> bool {
        if self.sugar_depth + levels > MAX_SUGAR_DEPTH {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                self.error(
                    Diagnostic::new("E0006", "this code is nested too deeply", span, "nesting limit reached here")
                        .with_help(format!(
                            "bhc accepts at most about {MAX_SUGAR_DEPTH} operators in a chain or statements in a `do` block (or a fifth as many guards of one equation), nested within each other; split the expression into smaller definitions"
                        )),
                );
            }
            return false;
        }
        self.sugar_depth += levels;
        true
    }

    fn leave_sugar(&mut self, levels: usize) {
        self.sugar_depth -= levels;
    }

    fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    /// The wired-in tuple constructor (and type) of `arity` components. Only tuples up to
    /// `MAX_TUPLE` are wired in (and have base's instances); a larger one is an error
    /// here rather than an unknown name in the type checker.
    fn tuple_con(&mut self, arity: usize, span: Span) -> Name {
        let name: Name = Rc::from(wired::tuple(arity));
        self.check_tuple_size(&name, span);
        name
    }

    fn check_tuple_size(&mut self, name: &str, span: Span) {
        if let Some(arity) = wired::tuple_arity(name).filter(|&a| a > MAX_TUPLE) {
            let d = Diagnostic::new("E0110", format!("a tuple of {arity} components: tuples have at most {MAX_TUPLE}"), span, "this tuple")
                .with_help("use a data type (with named fields) or nest tuples");
            self.error(d);
        }
    }

    pub fn global_name(&self, bare: &str) -> Name {
        Rc::from(format!("{}.{bare}", self.module))
    }

    /// A global name for a generated top-level binding, which no user name can clash with.
    fn generated_global(&mut self, what: &str) -> Name {
        self.generated += 1;
        Rc::from(format!("{}.${what}{}", self.module, self.generated))
    }

    fn push_scope(&mut self) {
        self.scopes.push(self.locals.len());
    }

    fn pop_scope(&mut self) {
        if let Some(start) = self.scopes.pop() {
            self.locals.truncate(start);
        }
    }

    /// Binds `name` in the innermost local scope and returns its binder.
    fn bind_local(&mut self, name: &str, span: Span) -> hir::Binder {
        let unique = self.supply.unique();
        let name: Rc<str> = Rc::from(name);
        if !self.scopes.is_empty() {
            self.locals.push(LocalEntry { name: name.clone(), unique, fixity: None });
        }
        hir::Binder { name, unique, global: None, span }
    }

    fn set_local_fixity(&mut self, name: &str, f: Fixity) -> bool {
        let start = self.scopes.last().copied().unwrap_or(self.locals.len());
        match self.locals[start..].iter_mut().rev().find(|e| &*e.name == name) {
            Some(e) => {
                e.fixity = Some(f);
                true
            }
            None => false,
        }
    }

    fn lookup_local(&self, name: &str) -> Option<&LocalEntry> {
        self.locals.iter().rev().find(|e| &*e.name == name)
    }

    /// Built-in syntax that is always in scope, whatever is imported.
    fn special_value(q: &QName) -> Option<Name> {
        if q.qualifier.is_some() {
            return None;
        }
        match q.name.as_str() {
            "[]" => Some(Rc::from(wired::LIST)),
            "()" => Some(Rc::from(wired::UNIT)),
            ":" => Some(Rc::from(wired::CONS)),
            n => wired::tuple_arity(n).map(|k| Rc::from(wired::tuple(k))),
        }
    }

    fn special_type(q: &QName) -> Option<Name> {
        if q.qualifier.is_some() {
            return None;
        }
        match q.name.as_str() {
            "[]" => Some(Rc::from(wired::LIST)),
            "()" => Some(Rc::from(wired::UNIT)),
            "->" | "(->)" => Some(Rc::from(wired::ARROW)),
            n => wired::tuple_arity(n).map(|k| Rc::from(wired::tuple(k))),
        }
    }

    /// In derived code, `Prelude.x` (or `Data.Ix.x`) names base's entity whatever is
    /// imported, as long as some imported interface carries it.
    fn derived_original(&mut self, q: &QName, values: bool) -> Option<Name> {
        let module = q.qualifier.as_deref()?;
        if !self.in_derived || !deriving::BASE_MODULES.contains(&module) {
            return None;
        }
        if values {
            if let Some(known) = self.derived_values.get(module).and_then(|names| names.get(&q.name)) {
                return known.clone();
            }
            let found = self.derived_original_uncached(module, q, true);
            let names = self.derived_values.entry(module.to_string()).or_default();
            names.insert(q.name.clone(), found.clone());
            return found;
        }
        self.derived_original_uncached(module, q, false)
    }

    fn derived_original_uncached(&self, module: &str, q: &QName, values: bool) -> Option<Name> {
        // The name is taken from the map's key, so that the lookup allocates once.
        let name = format!("{module}.{}", q.name);
        let env = self.env;
        if values {
            env.values.get_key_value(name.as_str()).map(|(k, _)| k.clone())
        } else {
            let tycon = env.tycons.get_key_value(name.as_str()).map(|(k, _)| k.clone());
            tycon.or_else(|| env.classes.get_key_value(name.as_str()).map(|(k, _)| k.clone()))
        }
    }

    fn resolve_value(&mut self, q: &QName) -> Option<Resolved> {
        if let Some(n) = Self::special_value(q).or_else(|| self.derived_original(q, true)) {
            self.check_tuple_size(&n, q.span);
            return Some(Resolved::Global(n));
        }
        if q.qualifier.is_none() {
            if let Some(e) = self.lookup_local(&q.name) {
                return Some(Resolved::Local(e.unique));
            }
        }
        let text = scope_key(q);
        match self.scope.values.get(&*text).map(Vec::as_slice) {
            Some([n]) => Some(Resolved::Global(n.clone())),
            Some(many) if many.len() > 1 => {
                let list: Vec<String> = many.iter().map(|n| format!("`{n}`")).collect();
                let d = Diagnostic::new("E0102", format!("ambiguous occurrence `{text}`"), q.span, "ambiguous")
                    .with_help(format!("it could refer to {}; qualify the name", list.join(" or ")));
                self.error(d);
                None
            }
            _ => {
                let what = if q.is_con() { "data constructor" } else { "variable" };
                let mut d = Diagnostic::new("E0101", format!("{what} not in scope: `{text}`"), q.span, "not in scope");
                let locals: Vec<&str> = self.locals.iter().map(|e| &*e.name).collect();
                let candidates = locals
                    .into_iter()
                    .chain(self.scope.unqualified_values())
                    .filter(|c| c.starts_with(char::is_uppercase) == q.name.starts_with(char::is_uppercase))
                    .filter(|c| is_symbolic(c) == is_symbolic(&q.name));
                if let Some(s) = suggest::nearest(&q.name, candidates) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                self.error(d);
                None
            }
        }
    }

    fn resolve_type(&mut self, q: &QName) -> Option<Name> {
        if let Some(n) = Self::special_type(q).or_else(|| self.derived_original(q, false)) {
            self.check_tuple_size(&n, q.span);
            return Some(n);
        }
        let text = scope_key(q);
        match self.scope.types.get(&*text).map(Vec::as_slice) {
            Some([n]) => Some(n.clone()),
            Some(many) if many.len() > 1 => {
                let list: Vec<String> = many.iter().map(|n| format!("`{n}`")).collect();
                let d = Diagnostic::new("E0102", format!("ambiguous occurrence `{text}`"), q.span, "ambiguous")
                    .with_help(format!("it could refer to {}; qualify the name", list.join(" or ")));
                self.error(d);
                None
            }
            _ => {
                let mut d = Diagnostic::new(
                    "E0101",
                    format!("type constructor or class not in scope: `{text}`"),
                    q.span,
                    "not in scope",
                );
                let candidates: Vec<&str> =
                    self.scope.types.keys().map(String::as_str).filter(|k| !k.contains('.')).collect();
                if let Some(s) = suggest::nearest(&q.name, candidates) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                self.error(d);
                None
            }
        }
    }

    fn fixity_of(&self, r: &Resolved) -> Fixity {
        match r {
            Resolved::Local(u) => self
                .locals
                .iter()
                .rev()
                .find(|e| e.unique == *u)
                .and_then(|e| e.fixity)
                .unwrap_or(Fixity::DEFAULT),
            Resolved::Global(n) => self.fixities.get(n).copied().unwrap_or_else(|| self.env.fixity(n)),
        }
    }

    /// A Prelude entity the desugaring of syntax relies on (`>>=`, `fromInteger`, ...).
    fn prelude(&mut self, bare: &str, span: Span) -> Name {
        let name: Name = Rc::from(format!("Prelude.{bare}"));
        let present = if self.is_base {
            self.top_level.values.get(bare) == Some(&name)
        } else {
            self.env.values.contains_key(&name)
        };
        if !present && self.reported_missing.insert(bare.to_string()) {
            self.error(Diagnostic::new(
                "E0199",
                format!("internal: base does not define `Prelude.{bare}`, which this syntax needs"),
                span,
                "needed here",
            ));
        }
        name
    }

    /// Whether base defines `Prelude.<bare>` (so that syntax may use it).
    fn has_prelude(&self, bare: &str) -> bool {
        let name: Name = Rc::from(format!("Prelude.{bare}"));
        if self.is_base {
            self.top_level.values.get(bare) == Some(&name)
        } else {
            self.env.values.contains_key(&name)
        }
    }

    /// A fractional literal: the exact `Rational` once base has `fromRational` and
    /// `:%` (docs/conventions.md), a `Double` before.
    fn frac_lit(&mut self, text: &str, span: Span) -> hir::Lit {
        if !(self.has_prelude("fromRational") && self.has_prelude(":%")) {
            return hir::Lit::Frac(self.frac(text, span));
        }
        let double = self.frac(text, span);
        match literal::exact_rational(text) {
            Some((num, den)) => {
                if [&num, &den].iter().any(|d| d.parse::<i64>().is_err()) {
                    self.require_big_integers(span);
                }
                hir::Lit::Rational { num: Box::new(integer_lit(&num)), den: Box::new(integer_lit(&den)), double }
            }
            None => {
                self.error(Diagnostic::new(
                    "E0007",
                    format!("fractional literal `{text}` is beyond the range bhc represents exactly"),
                    span,
                    "here",
                ));
                hir::Lit::Rational { num: Box::new(hir::Lit::Integer(0)), den: Box::new(hir::Lit::Integer(1)), double }
            }
        }
    }

    /// An integer literal beyond 128 bits, once base has `integerFromAddr#`.
    fn big_integer_lit(&mut self, digits: &str, span: Span) -> hir::Lit {
        self.require_big_integers(span);
        hir::Lit::BigInteger(Rc::from(digits))
    }

    /// An integer literal beyond `Int#` needs base's `integerFromAddr#`.
    fn check_integer_range(&mut self, n: i128, span: Span) {
        if i64::try_from(n).is_err() {
            self.require_big_integers(span);
        }
    }

    fn require_big_integers(&mut self, span: Span) {
        if !self.has_prelude("integerFromAddr#") {
            self.error(Diagnostic::new(
                "E0110",
                "integer literal beyond 64 bits (base does not yet provide `integerFromAddr#`)",
                span,
                "here",
            ));
        }
    }

    fn prelude_var(&mut self, bare: &str, span: Span) -> hir::Expr {
        let name = self.prelude(bare, span);
        hir::Expr::Var(self.global_occ(name, span))
    }

    fn global_occ(&mut self, name: Name, span: Span) -> hir::Occ {
        let display = Rc::from(crate::types::base_name(&name));
        hir::Occ { id: self.supply.occ(), target: hir::Target::Global(name), name: display, span }
    }

    fn local_occ(&mut self, b: &hir::Binder, span: Span) -> hir::Occ {
        hir::Occ { id: self.supply.occ(), target: hir::Target::Local(b.unique), name: b.name.clone(), span }
    }

    fn new_binds(&mut self, binds: Vec<hir::Bind>) -> hir::Binds {
        hir::Binds { id: self.supply.binds(), binds, sigs: FxHashMap::default() }
    }

    /// The constructor shape (labels, family size) of a constructor, ours or imported.
    fn con_shape(&self, name: &str) -> Option<ConShape> {
        if let Some(s) = self.cons.get(name) {
            return Some(s.clone());
        }
        let info = self.env.values.get(name)?;
        match &info.kind {
            crate::interface::ValueKind::Con(c) => {
                Some(ConShape { labels: c.labels.clone(), family_size: c.data_con.family_size as usize })
            }
            _ => None,
        }
    }
}

/// Renames an expression typed at the REPL in the given scope.
pub fn rename_repl_expr(
    e: &bhc_syntax::ast::Expr,
    env: &Env,
    scope: &GlobalScope,
    supply: Supply,
) -> Result<(hir::Expr, Supply), Vec<Diagnostic>> {
    let srcmap = Rc::new(SourceMap::new("<interactive>", ""));
    let mut r = Renamer::new(env, "Interactive", false, scope.clone(), supply, srcmap);
    let out = r.expr(e);
    if r.errors.is_empty() {
        Ok((out, r.supply))
    } else {
        Err(r.errors)
    }
}

/// Renames a type typed at the REPL (for `:kind`) in the given scope.
pub fn rename_repl_type(t: &bhc_syntax::ast::Type, env: &Env, scope: &GlobalScope) -> Result<hir::TypeExpr, Vec<Diagnostic>> {
    let srcmap = Rc::new(SourceMap::new("<interactive>", ""));
    let mut r = Renamer::new(env, "Interactive", false, scope.clone(), Supply::default(), srcmap);
    let out = r.type_expr(t);
    if r.errors.is_empty() {
        Ok(out)
    } else {
        Err(r.errors)
    }
}

/// The text a name is in scope under (`x`, `M.x`); an unqualified name is its own
/// text, and most occurrences are unqualified, so only a qualified one allocates.
fn scope_key(q: &QName) -> std::borrow::Cow<'_, str> {
    match &q.qualifier {
        None => std::borrow::Cow::Borrowed(q.name.as_str()),
        Some(_) => std::borrow::Cow::Owned(q.to_string()),
    }
}

/// Whether a name is an operator (`+`, `:|`) rather than an identifier.
fn is_symbolic(name: &str) -> bool {
    name.starts_with(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
}

/// Decimal digits (with an optional `-`) as an `Integer` literal, big beyond 128 bits.
fn integer_lit(digits: &str) -> hir::Lit {
    match digits.parse::<i128>() {
        Ok(n) => hir::Lit::Integer(n),
        Err(_) => hir::Lit::BigInteger(Rc::from(digits)),
    }
}
