//! The module's type-level declarations into the environment: type constructors and
//! synonyms, data constructors (with their `DataCon`s and field selectors), classes
//! (methods, superclasses, dictionary constructors) and instances (heads, contexts,
//! dictionary names), and the `default` declaration. Bodies are checked elsewhere.

use super::convert::TyVars;
use super::Checker;
use crate::hir;
use crate::interface::{ClassInfo, ConInfo, InstanceInfo, TyConInfo, ValueInfo, ValueKind};
use crate::types::{base_name, Kind, Name, Pred, Scheme, Type};
use bhc_stg::{DataCon, Global, Rep};
use bhc_syntax::Diagnostic;
use std::rc::Rc;

impl Checker<'_> {
    pub fn declarations(&mut self, m: &hir::Module) {
        for d in &m.data {
            let mut fields: Vec<Name> = Vec::new();
            for c in &d.cons {
                for l in c.labels.iter().flatten() {
                    if !fields.contains(l) {
                        fields.push(l.clone());
                    }
                }
            }
            let info = TyConInfo {
                name: d.name.clone(),
                arity: d.params.len(),
                kind: Kind::simple(d.params.len()),
                cons: d.cons.iter().map(|c| c.name.clone()).collect(),
                fields,
                newtype: d.newtype,
                synonym: None,
            };
            self.env.tycons.insert(d.name.clone(), info);
        }
        for s in &m.synonyms {
            let info = TyConInfo {
                name: s.name.clone(),
                arity: s.params.len(),
                kind: Kind::simple(s.params.len()),
                cons: Vec::new(),
                fields: Vec::new(),
                newtype: false,
                synonym: Some(Type::tuple(Vec::new())),
            };
            self.env.tycons.insert(s.name.clone(), info);
        }
        for c in &m.classes {
            self.class_header(c);
        }
        self.infer_declaration_kinds(m);
        for s in &m.synonyms {
            let mut vars = TyVars::closed(&s.params);
            let rhs = self.convert_raw(&s.rhs, &mut vars);
            if let Some(info) = self.env.tycons.get_mut(&s.name) {
                info.synonym = Some(rhs);
            }
        }
        for d in &m.data {
            self.data_cons(d);
        }
        for c in &m.classes {
            self.class_methods(c);
        }
        for i in &m.instances {
            let info = self.instance_header(i);
            self.own_instances.push(info);
        }
        if let Some(ts) = &m.defaults {
            let mut out = Vec::new();
            for t in ts {
                self.check_value_kind(t);
                let mut vars = TyVars::default();
                out.push(self.convert(t, &mut vars));
            }
            self.defaults = out;
        }
    }

    fn data_cons(&mut self, d: &hir::DataDef) {
        let result =
            d.params.iter().enumerate().fold(Type::Con(d.name.clone()), |t, (i, _)| Type::app(t, Type::Gen(i as u32)));
        let family_size = d.cons.len() as u32;
        let mut field_types: Vec<(Name, Type)> = Vec::new();
        for (tag, c) in d.cons.iter().enumerate() {
            let all_vars: Vec<Rc<str>> = d.params.iter().chain(&c.exists).cloned().collect();
            let mut vars = TyVars::closed(&all_vars);
            let tys: Vec<Type> = c.fields.iter().map(|(t, _)| self.convert(t, &mut vars)).collect();
            let context: Vec<Pred> = c.context.iter().map(|k| self.convert_pred(k, &mut vars)).collect();
            let reps: Vec<Rep> = tys.iter().map(crate::builtins::rep_of).collect();
            if d.newtype && reps.iter().any(|r| *r != Rep::Ptr) {
                self.errors.push(Diagnostic::new("E0207", "a newtype cannot wrap an unboxed type", c.span, "here"));
            }
            if d.newtype && (!c.exists.is_empty() || !context.is_empty()) {
                self.errors.push(Diagnostic::new(
                    "E0207",
                    "a newtype constructor cannot have an existential context",
                    c.span,
                    "here",
                ));
            }
            let dicts = context.len();
            let ty = tys.iter().rev().fold(result.clone(), |acc, t| Type::fun(t.clone(), acc));
            let scheme = Scheme { vars: all_vars.len() as u32, names: all_vars.clone(), context, ty };
            let fields = std::iter::repeat(Rep::Ptr).take(dicts).chain(reps).collect();
            let data_con = DataCon { name: Global(c.name.clone()), tag: tag as u32, family_size, fields };
            let universal = d.params.len() as u32;
            for (label, t) in c.labels.iter().zip(&tys) {
                let Some(label) = label else { continue };
                // A field of existential type has no selector (it would let the type escape).
                if mentions_gen_from(t, universal) {
                    continue;
                }
                match field_types.iter().find(|(l, _)| l == label) {
                    Some((_, prev)) if prev != t => self.errors.push(Diagnostic::new(
                        "E0113",
                        format!("field `{}` has different types in different constructors", base_name(label)),
                        c.span,
                        "here",
                    )),
                    Some(_) => {}
                    None => field_types.push((label.clone(), t.clone())),
                }
            }
            let info = ConInfo {
                data_con,
                tycon: d.name.clone(),
                newtype: d.newtype,
                labels: c.labels.clone(),
                strict: c.fields.iter().map(|(_, s)| *s).collect(),
                dicts,
            };
            self.env
                .values
                .insert(c.name.clone(), ValueInfo { name: c.name.clone(), scheme, kind: ValueKind::Con(info) });
        }
        for (label, t) in field_types {
            let scheme = match t {
                // The selector of a field of type `forall a. C a => t` has the type
                // `forall params a. C a => T params -> t` (its dictionaries come first).
                Type::Forall(names, ctx, body) => {
                    let first = d.params.len();
                    let gens: Vec<Type> = (0..names.len()).map(|i| Type::Gen((first + i) as u32)).collect();
                    Scheme {
                        vars: (first + names.len()) as u32,
                        names: d.params.iter().chain(names.iter()).cloned().collect(),
                        context: Type::open_context(&ctx, &gens),
                        ty: Type::fun(result.clone(), Type::open_forall(&body, &gens)),
                    }
                }
                t => Scheme {
                    vars: d.params.len() as u32,
                    names: d.params.clone(),
                    context: Vec::new(),
                    ty: Type::fun(result.clone(), t),
                },
            };
            self.env.values.insert(
                label.clone(),
                ValueInfo { name: label, scheme, kind: ValueKind::Field { tycon: d.name.clone() } },
            );
        }
    }

    fn class_header(&mut self, c: &hir::ClassDef) {
        let supers: Vec<Name> = c.supers.iter().map(|(n, _)| n.clone()).collect();
        for (n, span) in &c.supers {
            let known = self.env.classes.contains_key(n) || n == &c.name;
            let local = !known && crate::types::module_of(n) == self.module;
            if !known && !local {
                self.errors.push(Diagnostic::new("E0207", format!("`{}` is not a class", base_name(n)), *span, "here"));
            }
        }
        let methods: Vec<Name> = c.methods.iter().map(|(n, _)| n.clone()).collect();
        let defaults: Vec<Name> = c.defaults.iter().filter_map(bind_global).collect();
        let dict_name = format!("{}.C:{}", self.module, base_name(&c.name));
        let dict_con = DataCon {
            name: Global(Rc::from(dict_name)),
            tag: 0,
            family_size: 1,
            fields: vec![Rep::Ptr; supers.len() + methods.len()],
        };
        self.env
            .classes
            .insert(c.name.clone(), ClassInfo { name: c.name.clone(), kind: Kind::Star, supers, methods, defaults, dict_con });
    }

    fn class_methods(&mut self, c: &hir::ClassDef) {
        let class_pred = Pred { class: c.name.clone(), ty: Type::Gen(0) };
        for (index, (name, sig)) in c.methods.iter().enumerate() {
            let vars = TyVars { names: vec![c.param.clone()], types: vec![Type::Gen(0)], open: true, foralls: Vec::new() };
            let mut scheme = self.sig_scheme_unchecked(sig, vars);
            if !mentions_gen0(&scheme.ty) {
                self.errors.push(Diagnostic::new(
                    "E0207",
                    format!(
                        "the type of class method `{}` does not mention the class variable `{}`",
                        base_name(name),
                        c.param
                    ),
                    sig.span,
                    "here",
                ));
            }
            scheme.context.insert(0, class_pred.clone());
            self.env.values.insert(
                name.clone(),
                ValueInfo { name: name.clone(), scheme, kind: ValueKind::Method { class: c.name.clone(), index } },
            );
        }
    }

    fn instance_header(&mut self, i: &hir::InstDef) -> Option<InstanceInfo> {
        if !self.env.classes.contains_key(&i.class) {
            self.errors.push(Diagnostic::new(
                "E0207",
                format!("`{}` is not a class", base_name(&i.class)),
                i.span,
                "here",
            ));
            return None;
        }
        if !self.check_instance_kinds(i) {
            return None;
        }
        let mut vars = TyVars::open();
        let head = self.convert(&i.head, &mut vars);
        let (h, args) = head.spine();
        let Type::Con(tycon) = h else {
            self.errors.push(Diagnostic::new(
                "E0208",
                "an instance head must be a type constructor applied to type variables",
                i.head.span(),
                "here",
            ));
            return None;
        };
        let distinct_vars = args.iter().enumerate().all(|(k, a)| matches!(a, Type::Gen(g) if *g as usize == k));
        if !distinct_vars || args.len() != vars.types.len() {
            self.errors.push(Diagnostic::new(
                "E0208",
                "an instance head must be a type constructor applied to distinct type variables (Haskell 2010)",
                i.head.span(),
                "here",
            ));
            return None;
        }
        let nvars = vars.types.len();
        vars.open = false;
        let context: Vec<Pred> = i.context.iter().map(|c| self.convert_pred(c, &mut vars)).collect();
        if let Some(prev) = self.env.instance_for(&i.class, tycon) {
            let d = Diagnostic::new(
                "E0208",
                format!("duplicate instance declarations for `{} {}`", base_name(&i.class), base_name(tycon)),
                i.span,
                "this instance",
            )
            .with_help(format!("another instance is `{}`", prev.dict));
            self.errors.push(d);
            return None;
        }
        let mut dict = format!("{}.$f{}{}", self.module, base_name(&i.class), base_name(tycon));
        let mut n = 1;
        while self.env.has_dict(&dict) {
            n += 1;
            dict = format!("{}.$f{}{}{n}", self.module, base_name(&i.class), base_name(tycon));
        }
        let info = InstanceInfo { class: i.class.clone(), vars: nvars as u32, head, context, dict: Rc::from(dict) };
        self.env.add_instance(info.clone());
        Some(info)
    }
}

fn mentions_gen_from(t: &Type, first: u32) -> bool {
    match t {
        Type::Gen(i) => *i >= first,
        Type::App(f, a) => mentions_gen_from(f, first) || mentions_gen_from(a, first),
        _ => false,
    }
}

fn mentions_gen0(t: &Type) -> bool {
    match t {
        Type::Gen(0) => true,
        Type::App(f, a) => mentions_gen0(f) || mentions_gen0(a),
        _ => false,
    }
}

pub(super) fn bind_global(b: &hir::Bind) -> Option<Name> {
    match b {
        hir::Bind::Fun { binder, .. } => binder.global.clone(),
        hir::Bind::Pat { .. } => None,
    }
}
