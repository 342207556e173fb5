//! Checking class default methods and instance declarations: each method definition
//! against the method's type at the instance, with the instance context (and the
//! method's own context) given; the superclass dictionaries an instance must contain;
//! which methods come from a definition, a default, or nowhere.

use super::{Checker, EvVar, Wanted};
use crate::hir::{self, Bind};
use crate::types::{base_name, module_of, Name, Pred, Type};
use bhc_syntax::Diagnostic;
use std::rc::Rc;

/// Where an instance's method comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum MethodImpl {
    /// The instance defines it: index into the instance declaration's `methods`.
    Defined(usize),
    /// The class's default method (`$dm<method>` in the class's module).
    Default(Name),
    /// Neither: using it is a run-time error.
    Missing(Name),
}

/// An instance declaration as checked: its dictionary function's parameters (the
/// context's dictionaries), the evidence for its superclass dictionaries, and its
/// methods in class order.
#[derive(Clone, Debug)]
pub struct CheckedInstance {
    /// Index into the module's instance declarations.
    pub index: usize,
    pub dict: Name,
    pub class: Name,
    pub params: Vec<EvVar>,
    pub supers: Vec<EvVar>,
    pub methods: Vec<MethodImpl>,
}

impl Checker<'_> {
    pub fn check_class_defaults(&mut self, classes: &[hir::ClassDef]) {
        for c in classes {
            for b in &c.defaults {
                let Bind::Fun { binder, matches, span } = b else {
                    continue;
                };
                if self.unresolved_in(b) {
                    continue;
                }
                let Some(method) = &binder.global else { continue };
                let Some(scheme) = self.env.values.get(method).map(|v| v.scheme.clone()) else {
                    continue;
                };
                let name = binder.name.clone();
                let params = self.check_against_scheme(&scheme, *span, |ch, t| {
                    ch.record_binder(binder, t);
                    ch.check_matches(&name, matches, t, *span);
                });
                self.elab.bind_params.insert(binder.unique, params);
            }
        }
    }

    pub fn check_instances(&mut self, insts: &[hir::InstDef]) {
        let infos = std::mem::take(&mut self.own_instances);
        for (index, (def, info)) in insts.iter().zip(&infos).enumerate() {
            let Some(info) = info else { continue };
            let Some(class) = self.env.classes.get(&info.class).cloned() else {
                continue;
            };
            let names = head_var_names(&def.head);
            let skolems: Vec<Type> = (0..info.vars as usize)
                .map(|i| self.fresh_rigid(names.get(i).cloned().unwrap_or_else(|| Rc::from(format!("a{i}")))))
                .collect();
            let head = info.head.instantiate(&skolems);
            let givens: Vec<(Pred, EvVar)> =
                info.context.iter().map(|p| (p.instantiate(&skolems), self.fresh_ev())).collect();
            let params: Vec<EvVar> = givens.iter().map(|(_, e)| *e).collect();
            let gstart = self.givens.len();
            self.givens.extend(givens);

            let start = self.wanted.len();
            let origin: Rc<str> =
                Rc::from(format!("the superclasses of an instance declaration for `{}`", base_name(&info.class)));
            let mut supers = Vec::new();
            for s in &class.supers {
                let ev = self.fresh_ev();
                self.wanted.push(Wanted {
                    pred: Pred { class: s.clone(), ty: head.clone() },
                    ev,
                    span: def.span,
                    origin: origin.clone(),
                });
                supers.push(ev);
            }
            self.solve_inner(start);

            let mut methods = Vec::new();
            for m in &class.methods {
                let defined = def
                    .methods
                    .iter()
                    .position(|b| matches!(b, Bind::Fun { binder, .. } if binder.global.as_ref() == Some(m)));
                let imp = match defined {
                    Some(i) => {
                        self.instance_method(&def.methods[i], m, &head);
                        MethodImpl::Defined(i)
                    }
                    None if class.has_default(m) => {
                        MethodImpl::Default(Rc::from(format!("{}.$dm{}", module_of(&class.name), base_name(m))))
                    }
                    None => MethodImpl::Missing(m.clone()),
                };
                methods.push(imp);
            }
            for b in &def.methods {
                if let Bind::Fun { binder, .. } = b {
                    if binder.global.as_ref().is_some_and(|g| !class.methods.contains(g)) {
                        self.errors.push(Diagnostic::new(
                            "E0109",
                            format!("`{}` is not a method of class `{}`", binder.name, base_name(&class.name)),
                            binder.span,
                            "here",
                        ));
                    }
                }
            }
            self.givens.truncate(gstart);
            self.elab.instances.push(CheckedInstance {
                index,
                dict: info.dict.clone(),
                class: info.class.clone(),
                params,
                supers,
                methods,
            });
        }
    }

    /// Checks one method definition against the method's type at the instance head.
    fn instance_method(&mut self, b: &Bind, method: &Name, head: &Type) {
        let Bind::Fun { binder, matches, span } = b else { return };
        if self.unresolved_in(b) {
            return;
        }
        let Some(scheme) = self.env.values.get(method).map(|v| v.scheme.clone()) else {
            return;
        };
        let mut args = vec![head.clone()];
        for i in 1..scheme.vars as usize {
            let name = scheme.names.get(i).cloned().unwrap_or_else(|| Rc::from(format!("b{i}")));
            args.push(self.fresh_rigid(name));
        }
        let t = scheme.ty.instantiate(&args);
        let extra: Vec<(Pred, EvVar)> =
            scheme.context.iter().skip(1).map(|p| (p.instantiate(&args), self.fresh_ev())).collect();
        let name = binder.name.clone();
        let params = self.check_with_givens(&t, extra, *span, |ch, t| {
            ch.record_binder(binder, t);
            ch.check_matches(&name, matches, t, *span);
        });
        self.elab.bind_params.insert(binder.unique, params);
    }
}

/// The type variables of an instance head, in order.
fn head_var_names(t: &hir::TypeExpr) -> Vec<Rc<str>> {
    let mut out = Vec::new();
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            hir::TypeExpr::Var(v, _) => {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
            // A `forall` head is rejected later: it is not a type constructor application.
            hir::TypeExpr::Con(..) | hir::TypeExpr::Forall(..) => {}
            hir::TypeExpr::App(f, a, _) => {
                stack.push(a);
                stack.push(f);
            }
        }
    }
    out
}
