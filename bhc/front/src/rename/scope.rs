//! The global scope of a module: which text (`map`, `M.map`, `Prelude.Int`) names which
//! original entities, built from the imports (Report §5.3) and the module's own
//! top-level definitions; and the export list (§5.2) computed from it. It must not
//! rename expressions.

use crate::interface::{Interface, NameTable};
use crate::types::{base_name, Name};
use bhc_syntax::ast::{Export, Import, Span};
use bhc_syntax::Diagnostic;
use std::collections::HashMap;
use rustc_hash::FxHashMap;

#[derive(Clone, Debug, Default)]
pub struct GlobalScope {
    /// Text (possibly qualified) to the entities it may denote; more than one means the
    /// text is ambiguous when used.
    pub values: FxHashMap<String, Vec<Name>>,
    pub types: FxHashMap<String, Vec<Name>>,
    /// For `module M` exports: the names brought in unqualified by imports with alias M.
    pub by_alias: FxHashMap<String, NameTable>,
}

fn add(map: &mut FxHashMap<String, Vec<Name>>, text: String, name: &Name) {
    let entry = map.entry(text).or_default();
    if !entry.contains(name) {
        entry.push(name.clone());
    }
}

impl GlobalScope {
    /// Brings `names` into scope unqualified (unless `qualified_only`) and as `alias.x`.
    pub fn add_table(&mut self, names: &NameTable, alias: &str, qualified_only: bool) {
        for (text, name) in &names.values {
            if !qualified_only {
                add(&mut self.values, text.clone(), name);
            }
            add(&mut self.values, format!("{alias}.{text}"), name);
        }
        for (text, name) in &names.types {
            if !qualified_only {
                add(&mut self.types, text.clone(), name);
            }
            add(&mut self.types, format!("{alias}.{text}"), name);
        }
        if !qualified_only {
            let t = self.by_alias.entry(alias.to_string()).or_default();
            t.values.extend(names.values.iter().map(|(k, v)| (k.clone(), v.clone())));
            t.types.extend(names.types.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }

    /// Every unqualified value name in scope (for suggestions).
    pub fn unqualified_values(&self) -> impl Iterator<Item = &str> {
        self.values.keys().filter(|k| !(k.starts_with(char::is_uppercase) && k.contains('.'))).map(String::as_str)
    }
}

/// The sub-names (constructors and fields, or methods) of an exported type or class.
fn subordinates(iface: &Interface, owner: &Name) -> Vec<Name> {
    if let Some(t) = iface.tycons.get(owner) {
        return t.cons.iter().chain(t.fields.iter()).cloned().collect();
    }
    if let Some(c) = iface.classes.get(owner) {
        return c.methods.clone();
    }
    Vec::new()
}

/// The names an import declaration brings in (before qualification).
pub fn imported_names(iface: &Interface, import: &Import, errors: &mut Vec<Diagnostic>) -> NameTable {
    let all = &iface.exports;
    let Some((hiding, items)) = &import.items else {
        return all.clone();
    };
    let mut listed = NameTable::default();
    for item in items {
        let (q, subs): (_, Option<Vec<&str>>) = match item {
            Export::Name(q) => (q, Some(Vec::new())),
            Export::AllOf(q) => (q, None),
            Export::Some(q, ids) => (q, Some(ids.iter().map(|i| i.name.as_str()).collect())),
            Export::Module(m) => {
                errors.push(Diagnostic::new("E0111", "`module` items are not allowed in import lists", m.span, "here"));
                continue;
            }
        };
        let text = q.name.as_str();
        let mut found = false;
        if let Some(v) = all.values.get(text) {
            listed.values.insert(text.to_string(), v.clone());
            found = true;
        }
        if let Some(t) = all.types.get(text) {
            listed.types.insert(text.to_string(), t.clone());
            found = true;
            for sub in subordinates(iface, t) {
                let bare = base_name(&sub).to_string();
                let wanted = subs.as_ref().is_none_or(|s| s.contains(&bare.as_str()));
                if wanted && all.values.get(&bare) == Some(&sub) {
                    listed.values.insert(bare, sub);
                }
            }
        }
        if *hiding && !found {
            // Hiding a name that is not exported is allowed (Report §5.3.1).
            continue;
        }
        if !found {
            errors.push(Diagnostic::new(
                "E0111",
                format!("module `{}` does not export `{text}`", iface.module),
                q.span,
                "not exported",
            ));
        }
    }
    if !*hiding {
        return listed;
    }
    let mut rest = all.clone();
    rest.values.retain(|k, _| !listed.values.contains_key(k));
    rest.types.retain(|k, _| !listed.types.contains_key(k));
    rest
}

/// Processes the imports of a module into `scope`. Every module but base imports Prelude
/// implicitly unless it imports it explicitly.
pub fn import_all(
    scope: &mut GlobalScope,
    imports: &[Import],
    interfaces: &HashMap<String, Interface>,
    implicit_prelude: bool,
    base_module: bool,
    span: Span,
    errors: &mut Vec<Diagnostic>,
) {
    let explicit_prelude = imports.iter().any(|i| i.module.name == "Prelude");
    if implicit_prelude && !explicit_prelude {
        match interfaces.get("Prelude") {
            // Base modules build on the Prelude's internals (I#, IORes, ...), which its
            // export list hides from user programs.
            Some(p) => scope.add_table(if base_module { &p.top_level } else { &p.exports }, "Prelude", false),
            None => errors.push(Diagnostic::new(
                "E0108",
                "could not find module `Prelude`",
                span,
                "implicitly imported here",
            )),
        }
    }
    for import in imports {
        let Some(iface) = interfaces.get(&import.module.name) else {
            errors.push(Diagnostic::new(
                "E0108",
                format!("could not find module `{}`", import.module.name),
                import.module.span,
                "imported here",
            ));
            continue;
        };
        let names = imported_names(iface, import, errors);
        let alias = import.alias.as_ref().unwrap_or(&import.module);
        scope.add_table(&names, &alias.name, import.qualified);
    }
}

/// The module's export table from its export list (Report §5.2). `lookup` resolves a
/// (possibly qualified) name in one namespace of the module's scope.
pub struct ExportContext<'a> {
    pub module: &'a str,
    pub scope: &'a GlobalScope,
    pub top_level: &'a NameTable,
    /// Sub-names of a type or class (constructors and fields, or methods).
    pub subordinates: &'a dyn Fn(&Name) -> Vec<Name>,
}

pub fn exports(cx: &ExportContext, list: &Option<Vec<Export>>, errors: &mut Vec<Diagnostic>) -> NameTable {
    let Some(items) = list else {
        return cx.top_level.clone();
    };
    let mut out = NameTable::default();
    let single = |map: &FxHashMap<String, Vec<Name>>, text: &str| -> Option<Name> {
        match map.get(text).map(Vec::as_slice) {
            Some([n]) => Some(n.clone()),
            _ => None,
        }
    };
    for item in items {
        match item {
            Export::Module(m) => {
                if m.name == cx.module {
                    merge(&mut out, cx.top_level);
                } else if let Some(t) = cx.scope.by_alias.get(&m.name) {
                    merge(&mut out, t);
                } else {
                    errors.push(Diagnostic::new(
                        "E0111",
                        format!("the export item `module {}` names no import", m.name),
                        m.span,
                        "here",
                    ));
                }
            }
            Export::Name(q) | Export::AllOf(q) | Export::Some(q, _) => {
                let text = q.to_string();
                let mut found = false;
                if !matches!(item, Export::Name(_)) || q.is_con() {
                    if let Some(t) = single(&cx.scope.types, &text) {
                        found = true;
                        out.types.insert(q.name.clone(), t.clone());
                        let wanted: Option<Vec<&str>> = match item {
                            Export::Some(_, ids) => Some(ids.iter().map(|i| i.name.as_str()).collect()),
                            Export::AllOf(_) => None,
                            _ => Some(Vec::new()),
                        };
                        for sub in (cx.subordinates)(&t) {
                            let bare = base_name(&sub).to_string();
                            if wanted.as_ref().is_none_or(|w| w.contains(&bare.as_str())) {
                                out.values.insert(bare, sub);
                            }
                        }
                    }
                }
                if matches!(item, Export::Name(_)) && !q.is_con() {
                    if let Some(v) = single(&cx.scope.values, &text) {
                        found = true;
                        out.values.insert(q.name.clone(), v);
                    }
                }
                if !found {
                    errors.push(Diagnostic::new(
                        "E0111",
                        format!("`{text}` is exported but not (unambiguously) in scope"),
                        q.span,
                        "here",
                    ));
                }
            }
        }
    }
    out
}

fn merge(out: &mut NameTable, t: &NameTable) {
    out.values.extend(t.values.iter().map(|(k, v)| (k.clone(), v.clone())));
    out.types.extend(t.types.iter().map(|(k, v)| (k.clone(), v.clone())));
}
