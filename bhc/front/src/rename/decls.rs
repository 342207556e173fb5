//! Renaming a whole module: its imports, the collection of its top-level names (with
//! duplicate detection), fixity declarations, type-level declarations (data, newtype,
//! type synonyms, classes, instances, default), value bindings and the export list.

use super::binds::{decl_span, pattern_vars, BinderMode};
use super::scope::{self, ExportContext, GlobalScope};
use super::{ConShape, Renamer, Supply};
use crate::builtins;
use crate::env::Env;
use crate::hir;
use crate::interface::{Fixity, Interface, NameTable};
use crate::location::SourceMap;
use crate::types::{base_name, wired, Name};
use bhc_syntax::ast::{self, ConFields, Decl, Ident, QualType, Span, Type};
use bhc_syntax::Diagnostic;
use std::collections::HashMap;
use rustc_hash::FxHashMap;
use std::rc::Rc;

pub struct Renamed {
    pub module: hir::Module,
    pub exports: NameTable,
    pub top_level: NameTable,
    /// Fixity declarations of this module's own names.
    pub fixities: FxHashMap<Name, Fixity>,
    pub supply: Supply,
    /// Names not in scope or ambiguous (E0101, E0102): the module is still renamed
    /// consistently (such a name stays unqualified), so type checking can go on and
    /// report the errors of the declarations that do not mention one.
    pub unresolved: Vec<Diagnostic>,
}

pub fn rename_module(
    m: &ast::Module,
    env: &Env,
    interfaces: &HashMap<String, Interface>,
    is_base: bool,
    primitives: bool,
    srcmap: Rc<SourceMap>,
) -> Result<Renamed, Vec<Diagnostic>> {
    let name = m.name.as_ref().map(|i| i.name.clone()).unwrap_or_else(|| "Main".to_string());
    let mut errors = Vec::new();
    let mut gscope = GlobalScope::default();
    scope::import_all(&mut gscope, &m.imports, interfaces, !is_base, primitives, m.span, &mut errors);
    let mut r = Renamer::new(env, &name, is_base, gscope, Supply::default(), srcmap);
    r.errors = errors;
    let class_methods = r.collect_top(&m.decls);
    if is_base || primitives {
        r.scope.add_table(&wired_names(env), "Prelude", false);
    }
    let top = r.top_level.clone();
    r.scope.add_table(&top, &name, false);
    r.top_fixities(&m.decls);

    let mut module = hir::Module {
        name: name.clone(),
        data: Vec::new(),
        synonyms: Vec::new(),
        classes: Vec::new(),
        instances: Vec::new(),
        binds: hir::Binds { id: 0, binds: Vec::new(), sigs: FxHashMap::default() },
        defaults: None,
    };
    let mut value_decls = Vec::new();
    for d in &m.decls {
        match d {
            Decl::Data(dd) => {
                let def = r.data_decl(dd);
                module.data.push(def);
            }
            Decl::TypeSyn { name, params, ty, span } => {
                let rhs = r.type_expr(ty);
                let def = hir::SynDef {
                    name: r.global_name(&name.name),
                    params: params.iter().map(|p| Rc::from(p.name.as_str())).collect(),
                    rhs,
                    span: *span,
                };
                module.synonyms.push(def);
            }
            Decl::Class(c) => {
                let methods = class_methods.get(&c.name.name).cloned().unwrap_or_default();
                let def = r.class_decl(c, &methods);
                module.classes.push(def);
            }
            Decl::Instance(i) => {
                if let Some(def) = r.instance_decl(i, &class_methods) {
                    module.instances.push(def);
                }
            }
            Decl::Default { types, span } => {
                if module.defaults.is_some() {
                    r.errors.push(Diagnostic::new("E0112", "more than one default declaration", *span, "here"));
                }
                module.defaults = Some(types.iter().map(|t| r.type_expr(t)).collect());
            }
            Decl::Fixity { .. } => {}
            Decl::FunClause(_) | Decl::PatBind { .. } | Decl::TypeSig { .. } => value_decls.push(d.clone()),
        }
    }
    module.binds = r.binds(&value_decls, BinderMode::Top);
    let mut derived = Vec::new();
    for d in &m.decls {
        if let Decl::Data(dd) = d {
            let fixities = r.constructor_fixities(dd);
            derived.extend(super::deriving::derive(dd, &name, &fixities, &mut r.errors));
        }
    }
    r.in_derived = true;
    for d in &derived {
        if let Decl::Instance(i) = d {
            if let Some(def) = r.instance_decl(i, &class_methods) {
                module.instances.push(def);
            }
        }
    }
    r.in_derived = false;

    let exports = {
        let mut subs: FxHashMap<Name, Vec<Name>> = FxHashMap::default();
        for d in &module.data {
            let mut names: Vec<Name> = d.cons.iter().map(|c| c.name.clone()).collect();
            for c in &d.cons {
                for l in c.labels.iter().flatten() {
                    if !names.contains(l) {
                        names.push(l.clone());
                    }
                }
            }
            subs.insert(d.name.clone(), names);
        }
        for c in &module.classes {
            subs.insert(c.name.clone(), c.methods.iter().map(|(n, _)| n.clone()).collect());
        }
        let subordinates = |n: &Name| -> Vec<Name> {
            if let Some(s) = subs.get(n) {
                return s.clone();
            }
            if let Some(t) = env.tycons.get(n) {
                return t.cons.iter().chain(t.fields.iter()).cloned().collect();
            }
            env.classes.get(n).map(|c| c.methods.clone()).unwrap_or_default()
        };
        let cx = ExportContext { module: &name, scope: &r.scope, top_level: &r.top_level, subordinates: &subordinates };
        let list = match (&m.name, &m.exports) {
            // `module Main (main) where`; a script without `main` can still be loaded
            // into the REPL, so then it exports nothing.
            (None, _) if r.top_level.values.contains_key("main") => {
                Some(vec![ast::Export::Name(ast::QName::unqual("main", m.span))])
            }
            (None, _) => Some(Vec::new()),
            (Some(_), e) => e.clone(),
        };
        let mut errs = Vec::new();
        let e = scope::exports(&cx, &list, &mut errs);
        r.errors.extend(errs);
        e
    };
    if r.errors.iter().any(|d| !matches!(d.code, "E0101" | "E0102")) {
        return Err(r.errors);
    }
    Ok(Renamed { module, exports, top_level: r.top_level, fixities: r.fixities, supply: r.supply, unresolved: r.errors })
}

/// Base's own view of the wired-in types and the primops.
fn wired_names(env: &Env) -> NameTable {
    let mut t = NameTable::default();
    let unlifted = wired::UNLIFTED_POINTERS.iter().map(|(n, _)| *n);
    for prim in [wired::INT_PRIM, wired::CHAR_PRIM, wired::DOUBLE_PRIM, wired::ADDR_PRIM].into_iter().chain(unlifted) {
        t.types.insert(base_name(prim).to_string(), Rc::from(prim));
    }
    for v in builtins::primop_values() {
        if env.values.contains_key(&v.name) {
            t.values.insert(base_name(&v.name).to_string(), v.name.clone());
        }
    }
    t
}

impl Renamer<'_> {
    fn declare(&mut self, value: bool, ident: &Ident, seen: &mut FxHashMap<(bool, String), Span>) {
        let key = (value, ident.name.clone());
        if let Some(first) = seen.get(&key) {
            self.errors.push(
                Diagnostic::new(
                    "E0103",
                    format!("multiple declarations of `{}`", ident.name),
                    ident.span,
                    "declared again",
                )
                .with_label(*first, "first declared here"),
            );
            return;
        }
        seen.insert(key, ident.span);
        let orig = self.global_name(&ident.name);
        if value {
            self.top_level.values.insert(ident.name.clone(), orig);
        } else {
            self.top_level.types.insert(ident.name.clone(), orig);
        }
    }

    /// Collects the module's top-level names; returns each class's methods by text.
    fn collect_top(&mut self, decls: &[Decl]) -> FxHashMap<String, FxHashMap<String, Name>> {
        let mut seen: FxHashMap<(bool, String), Span> = FxHashMap::default();
        let mut class_methods = FxHashMap::default();
        let mut last_fun: Option<&str> = None;
        for d in decls {
            let this_fun = match d {
                Decl::FunClause(c) => Some(c.name.name.as_str()),
                _ => None,
            };
            match d {
                Decl::Data(dd) => {
                    self.declare(false, &dd.name, &mut seen);
                    let family_size = dd.cons.len();
                    let mut fields_seen: Vec<String> = Vec::new();
                    for c in &dd.cons {
                        self.declare(true, &c.name, &mut seen);
                        let labels = match &c.fields {
                            ConFields::Positional { fields, .. } => vec![None; fields.len()],
                            ConFields::Record(groups) => {
                                let mut labels = Vec::new();
                                for (names, _, _) in groups {
                                    for n in names {
                                        if !fields_seen.contains(&n.name) {
                                            fields_seen.push(n.name.clone());
                                            self.declare(true, n, &mut seen);
                                        }
                                        labels.push(Some(self.global_name(&n.name)));
                                    }
                                }
                                labels
                            }
                        };
                        self.cons.insert(self.global_name(&c.name.name), ConShape { labels, family_size });
                    }
                }
                Decl::TypeSyn { name, .. } => self.declare(false, name, &mut seen),
                Decl::Class(c) => {
                    self.declare(false, &c.name, &mut seen);
                    let mut methods = FxHashMap::default();
                    for cd in &c.decls {
                        if let Decl::TypeSig { names, .. } = cd {
                            for n in names {
                                self.declare(true, n, &mut seen);
                                methods.insert(n.name.clone(), self.global_name(&n.name));
                            }
                        }
                    }
                    class_methods.insert(c.name.name.clone(), methods);
                }
                Decl::FunClause(c) => {
                    if last_fun != Some(c.name.name.as_str()) {
                        self.declare(true, &c.name, &mut seen);
                    }
                }
                Decl::PatBind { pat, .. } => {
                    let mut vars = Vec::new();
                    pattern_vars(pat, &mut vars);
                    for v in vars {
                        self.declare(true, v, &mut seen);
                    }
                }
                Decl::TypeSig { .. } | Decl::Fixity { .. } | Decl::Instance(_) | Decl::Default { .. } => {}
            }
            last_fun = this_fun;
        }
        class_methods
    }

    /// The fixity declarations of a data type's constructors, by unqualified name, for
    /// derived Show and Read.
    fn constructor_fixities(&self, d: &bhc_syntax::ast::DataDecl) -> FxHashMap<String, Fixity> {
        d.cons
            .iter()
            .filter_map(|c| {
                let orig = self.top_level.values.get(&c.name.name)?;
                Some((c.name.name.clone(), *self.fixities.get(orig)?))
            })
            .collect()
    }

    fn top_fixities(&mut self, decls: &[Decl]) {
        let class_bodies = decls.iter().filter_map(|d| match d {
            Decl::Class(c) => Some(c.decls.iter()),
            _ => None,
        });
        let all: Vec<&Decl> = decls.iter().chain(class_bodies.flatten()).collect();
        for d in all {
            if let Decl::Fixity { assoc, prec, ops, .. } = d {
                for op in ops {
                    match self.top_level.values.get(&op.name) {
                        Some(orig) => {
                            let orig = orig.clone();
                            if self.fixities.insert(orig, Fixity { assoc: *assoc, prec: *prec }).is_some() {
                                self.errors.push(Diagnostic::new(
                                    "E0112",
                                    format!("duplicate fixity declaration for `{}`", op.name),
                                    op.span,
                                    "here",
                                ));
                            }
                        }
                        None => self.errors.push(Diagnostic::new(
                            "E0107",
                            format!("the fixity declaration for `{}` lacks an accompanying binding", op.name),
                            op.span,
                            "here",
                        )),
                    }
                }
            }
        }
    }

    pub(super) fn type_expr(&mut self, t: &Type) -> hir::TypeExpr {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.type_expr_inner(t))
    }

    fn type_expr_inner(&mut self, t: &Type) -> hir::TypeExpr {
        let con = |n: &str, s| hir::TypeExpr::Con(Rc::from(n), s);
        let app = |f, a, s| hir::TypeExpr::App(Box::new(f), Box::new(a), s);
        match t {
            Type::Var(i) => hir::TypeExpr::Var(Rc::from(i.name.as_str()), i.span),
            Type::Con(q) => match self.resolve_type(q) {
                Some(n) => hir::TypeExpr::Con(n, q.span),
                None => con(&q.name, q.span),
            },
            Type::App(f, a, s) => app(self.type_expr(f), self.type_expr(a), *s),
            Type::Fun(a, b, s) => {
                let a = self.type_expr(a);
                let b = self.type_expr(b);
                app(app(con(wired::ARROW, *s), a, *s), b, *s)
            }
            Type::List(a, s) => app(con(wired::LIST, *s), self.type_expr(a), *s),
            Type::Forall(vs, ctx, body, s) => {
                let vars = vs.iter().map(|v| Rc::from(v.name.as_str())).collect();
                let ctx = ctx.iter().map(|c| self.constraint(c)).collect();
                hir::TypeExpr::Forall(vars, ctx, Box::new(self.type_expr(body)), *s)
            }
            Type::Tuple(ts, s) => {
                let mut acc = con(&self.tuple_con(ts.len(), *s), *s);
                for t in ts {
                    let a = self.type_expr(t);
                    acc = app(acc, a, *s);
                }
                acc
            }
        }
    }

    fn constraint(&mut self, c: &ast::Constraint) -> hir::ConstraintExpr {
        let class = match self.resolve_type(&c.class) {
            Some(n) => n,
            None => Rc::from(c.class.name.as_str()),
        };
        hir::ConstraintExpr { class, ty: self.type_expr(&c.ty), span: c.span }
    }

    pub(super) fn sig_type(&mut self, q: &QualType) -> hir::SigType {
        let context = q.context.iter().map(|c| self.constraint(c)).collect();
        hir::SigType { context, ty: self.type_expr(&q.ty), span: q.span }
    }

    fn data_decl(&mut self, d: &ast::DataDecl) -> hir::DataDef {
        let mut cons = Vec::new();
        for c in &d.cons {
            let (fields, labels) = match &c.fields {
                ConFields::Positional { fields, .. } => {
                    let fs: Vec<(hir::TypeExpr, bool)> =
                        fields.iter().map(|(strict, t)| (self.type_expr(t), *strict)).collect();
                    let n = fs.len();
                    (fs, vec![None; n])
                }
                ConFields::Record(groups) => {
                    let mut fs = Vec::new();
                    let mut labels = Vec::new();
                    for (names, strict, t) in groups {
                        for n in names {
                            fs.push((self.type_expr(t), *strict));
                            labels.push(Some(self.global_name(&n.name)));
                        }
                    }
                    (fs, labels)
                }
            };
            let exists = c.exists.iter().map(|v| Rc::from(v.name.as_str())).collect();
            let context = c.context.iter().map(|k| self.constraint(k)).collect();
            cons.push(hir::ConDef { exists, context, name: self.global_name(&c.name.name), fields, labels, span: c.span });
        }
        if d.newtype && (cons.len() != 1 || cons[0].fields.len() != 1) {
            self.errors.push(Diagnostic::new(
                "E0110",
                "a newtype must have exactly one constructor with exactly one field",
                d.span,
                "here",
            ));
        }
        hir::DataDef {
            name: self.global_name(&d.name.name),
            params: d.params.iter().map(|p| Rc::from(p.name.as_str())).collect(),
            newtype: d.newtype,
            cons,
            span: d.span,
        }
    }

    fn class_decl(&mut self, c: &ast::ClassDecl, methods: &FxHashMap<String, Name>) -> hir::ClassDef {
        let mut supers = Vec::new();
        for ctx in &c.context {
            let k = self.constraint(ctx);
            if !matches!(&k.ty, hir::TypeExpr::Var(v, _) if **v == *c.param.name) {
                self.errors.push(Diagnostic::new(
                    "E0207",
                    "a superclass constraint must be on the class variable",
                    ctx.span,
                    "here",
                ));
            }
            supers.push((k.class, k.span));
        }
        let mut sigs = Vec::new();
        let mut bodies = Vec::new();
        for d in &c.decls {
            match d {
                Decl::TypeSig { names, ty, .. } => {
                    let sig = self.sig_type(ty);
                    for n in names {
                        sigs.push((self.global_name(&n.name), sig.clone()));
                    }
                }
                Decl::FunClause(_) | Decl::PatBind { .. } => bodies.push(d.clone()),
                Decl::Fixity { .. } => {}
                other => self.errors.push(Diagnostic::new(
                    "E0110",
                    "this declaration is not allowed in a class",
                    decl_span(other),
                    "here",
                )),
            }
        }
        let defaults = self.binds(&bodies, BinderMode::Method(methods)).binds;
        hir::ClassDef {
            name: self.global_name(&c.name.name),
            param: Rc::from(c.param.name.as_str()),
            supers,
            methods: sigs,
            defaults,
            span: c.span,
        }
    }

    fn instance_decl(
        &mut self,
        i: &ast::InstanceDecl,
        local_classes: &FxHashMap<String, FxHashMap<String, Name>>,
    ) -> Option<hir::InstDef> {
        let class = self.resolve_type(&i.class)?;
        let methods: FxHashMap<String, Name> = if crate::types::module_of(&class) == self.module {
            local_classes.get(base_name(&class)).cloned().unwrap_or_default()
        } else {
            match self.env.classes.get(&class) {
                Some(c) => c.methods.iter().map(|m| (base_name(m).to_string(), m.clone())).collect(),
                None => {
                    self.errors.push(Diagnostic::new(
                        "E0101",
                        format!("`{}` is not a class", i.class),
                        i.class.span,
                        "not a class",
                    ));
                    return None;
                }
            }
        };
        let context = i.context.iter().map(|c| self.constraint(c)).collect();
        let head = self.type_expr(&i.ty);
        let binds = self.binds(&i.decls, BinderMode::Method(&methods)).binds;
        Some(hir::InstDef { class, context, head, methods: binds, span: i.span })
    }
}
