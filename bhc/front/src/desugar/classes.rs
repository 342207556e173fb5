//! Classes and instances in Core: each class has a dictionary constructor (superclass
//! dictionaries, then methods), selectors for its superclasses and methods, and a
//! global per default method; each instance is a global dictionary (a function of its
//! context's dictionaries). Also record field selectors and the module's list of data
//! constructors.

use super::{lambda, Desugarer, SelfDict};
use crate::builtins;
use crate::core::{Alt, AltCon, Bind, Expr, TopBind};
use crate::hir;
use crate::interface::ValueKind;
use crate::typecheck::{EvVar, MethodImpl, TYPEABLE};
use crate::types::{base_name, module_of, wired, Name};
use bhc_stg::{DataCon, Global, Occ, Rep};
use bhc_syntax::ast::Span;
use std::rc::Rc;

/// The global selecting superclass `index` from a dictionary of `class`.
pub fn super_selector(class: &str, index: usize) -> String {
    format!("{}.$p{}{}", module_of(class), index + 1, base_name(class))
}

/// The global of a class's default method.
pub fn default_method(method: &str) -> String {
    format!("{}.$dm{}", module_of(method), base_name(method))
}

impl Desugarer<'_> {
    /// `\d -> case d of C:Class f0 .. fn -> fi`.
    fn field_of(&mut self, dc: &DataCon, index: usize) -> Expr {
        let d = self.fresh("dict", Rep::Ptr);
        let fields: Vec<_> = dc.fields.iter().map(|r| self.fresh("m", *r)).collect();
        let picked = match fields.get(index) {
            Some(f) => Expr::Var(Occ::Local(f.clone())),
            None => Expr::Var(Occ::Local(d.clone())),
        };
        let b = self.fresh("ds", Rep::Ptr);
        let case = Expr::Case(
            Box::new(Expr::Var(Occ::Local(d.clone()))),
            b,
            vec![Alt { con: AltCon::Data(dc.clone()), vars: fields, rhs: picked }],
        );
        Expr::Lam(vec![d], Box::new(case))
    }

    pub(super) fn classes(&mut self, classes: &[hir::ClassDef]) -> Vec<TopBind> {
        let mut out = Vec::new();
        for c in classes {
            let Some(info) = self.env.classes.get(&c.name).cloned() else {
                continue;
            };
            for i in 0..info.supers.len() {
                let e = self.field_of(&info.dict_con, i);
                out.push(TopBind { name: Global(Rc::from(super_selector(&c.name, i))), expr: e });
            }
            for (k, m) in info.methods.iter().enumerate() {
                let e = self.field_of(&info.dict_con, info.supers.len() + k);
                out.push(TopBind { name: Global(m.clone()), expr: e });
            }
            for b in &c.defaults {
                let hir::Bind::Fun { binder, matches, span } = b else {
                    continue;
                };
                let Some(method) = &binder.global else { continue };
                let e = self.fun(binder, matches, *span);
                out.push(TopBind { name: Global(Rc::from(default_method(method))), expr: e });
            }
        }
        out
    }

    pub(super) fn instances(&mut self, insts: &[hir::InstDef]) -> Vec<TopBind> {
        let mut out = Vec::new();
        for ci in &self.elab.instances.clone() {
            let Some(def) = insts.get(ci.index) else { continue };
            let Some(class) = self.env.classes.get(&ci.class).cloned() else {
                continue;
            };
            let params = self.dict_params(&ci.params);
            let this = self.fresh("this", Rep::Ptr);
            self.self_dict = Some(SelfDict { dict: ci.dict.clone(), params: ci.params.clone(), this: this.clone() });
            let mut fields = Vec::new();
            for ev in &ci.supers {
                fields.push(self.dict(*ev));
            }
            for imp in &ci.methods {
                fields.push(match imp {
                    MethodImpl::Defined(i) => match def.methods.get(*i) {
                        Some(hir::Bind::Fun { binder, matches, span }) => self.fun(binder, matches, *span),
                        _ => self.no_method("?", def.span),
                    },
                    MethodImpl::Default(dm) => {
                        Expr::App(Box::new(Self::global(dm)), vec![Expr::Var(Occ::Local(this.clone()))])
                    }
                    MethodImpl::Missing(m) => self.no_method(base_name(m), def.span),
                });
            }
            self.self_dict = None;
            let dict = Expr::App(Box::new(Expr::Con(class.dict_con.clone())), fields);
            let body = Expr::Let(Bind::Rec(vec![(this.clone(), dict)]), Box::new(Expr::Var(Occ::Local(this))));
            out.push(TopBind { name: Global(ci.dict.clone()), expr: lambda(params, body) });
        }
        out
    }

    /// The dictionary of `Typeable (tycon a1 .. an)`, which no instance declares:
    /// `C:Typeable (\_ -> TypeRep "tycon" [typeRep# d1 (), .., typeRep# dn ()])`, where
    /// `di` is the argument types' evidence (the proxy argument is never evaluated).
    pub(super) fn typeable_dict(&mut self, tycon: &Name, args: &[EvVar]) -> Expr {
        let span = Span::default();
        let class = self.env.classes.get(TYPEABLE).cloned();
        let Some(class) = class.filter(|c| c.supers.is_empty() && c.methods.len() == 1) else {
            self.internal(format!("internal: base does not define `{TYPEABLE}` with one method and no superclass"), span);
            return Expr::Lit(bhc_stg::Lit::Int(0));
        };
        let (Some(rep_con), Some(nil), Some(cons), Some(unit)) = (
            self.con("Prelude.TypeRep", span),
            self.con(wired::LIST, span),
            self.con(wired::CONS, span),
            self.con(wired::UNIT, span),
        ) else {
            return Expr::Lit(bhc_stg::Lit::Int(0));
        };
        let method = class.methods[0].clone();
        let mut reps = Expr::Con(nil);
        for ev in args.iter().rev() {
            let d = self.dict(*ev);
            let rep = Expr::App(Box::new(Self::global(&method)), vec![d, Expr::Con(unit.clone())]);
            reps = Expr::App(Box::new(Expr::Con(cons.clone())), vec![rep, reps]);
        }
        let unpack = self.prelude_global("unpackCString#", span);
        let name = Expr::App(Box::new(unpack), vec![Self::string_lit(tycon)]);
        let body = Expr::App(Box::new(Expr::Con(rep_con)), vec![name, reps]);
        let proxy = self.fresh("proxy", Rep::Ptr);
        Expr::App(Box::new(Expr::Con(class.dict_con)), vec![Expr::Lam(vec![proxy], Box::new(body))])
    }

    fn no_method(&mut self, method: &str, span: Span) -> Expr {
        let error = self.prelude_global("error", span);
        let unpack = self.prelude_global("unpackCString#", span);
        let msg =
            format!("{}: No instance nor default method for class operation {method}", self.srcmap.describe(span));
        let text = Expr::App(Box::new(unpack), vec![Self::string_lit(&msg)]);
        Expr::App(Box::new(error), vec![text])
    }

    /// `field = \r -> case r of { C .. x .. -> x; ... }` for each record field.
    pub(super) fn field_selectors(&mut self, data: &[hir::DataDef]) -> Vec<TopBind> {
        let mut out = Vec::new();
        for d in data {
            let Some(t) = self.env.tycons.get(&d.name).cloned() else {
                continue;
            };
            for field in &t.fields {
                let r = self.fresh("rec", Rep::Ptr);
                // A field of type `forall a. C a => t` is applied to the selector's
                // dictionary parameters.
                let context = self.env.values.get(field).map(|v| v.scheme.context.len()).unwrap_or(0);
                let dicts: Vec<_> = (0..context).map(|_| self.fresh("dict", Rep::Ptr)).collect();
                let apply = |f: Expr| {
                    if dicts.is_empty() {
                        f
                    } else {
                        Expr::App(Box::new(f), dicts.iter().map(|d| Expr::Var(Occ::Local(d.clone()))).collect())
                    }
                };
                if t.newtype {
                    out.push(TopBind {
                        name: Global(field.clone()),
                        expr: Expr::Lam(vec![r.clone()], Box::new(Expr::Var(Occ::Local(r)))),
                    });
                    continue;
                }
                let mut alts = Vec::new();
                for c in &t.cons {
                    let Some(ValueKind::Con(info)) = self.env.values.get(c).map(|v| v.kind.clone()) else {
                        continue;
                    };
                    let Some(pos) = info.labels.iter().position(|l| l.as_ref() == Some(field)) else {
                        continue;
                    };
                    let vars: Vec<_> = info.data_con.fields.iter().map(|rep| self.fresh("f", *rep)).collect();
                    let Some(picked) = vars.get(info.dicts + pos) else { continue };
                    let rhs = apply(Expr::Var(Occ::Local(picked.clone())));
                    alts.push(Alt { con: AltCon::Data(info.data_con.clone()), vars, rhs });
                }
                if alts.len() < t.cons.len() {
                    let msg = format!("No match in record selector {}", base_name(field));
                    let rhs = self.pat_error(d.span, &msg);
                    alts.push(Alt { con: AltCon::Default, vars: Vec::new(), rhs });
                }
                let b = self.fresh("ds", Rep::Ptr);
                let case = Expr::Case(Box::new(Expr::Var(Occ::Local(r.clone()))), b, alts);
                let params = dicts.iter().cloned().chain([r]).collect();
                out.push(TopBind { name: Global(field.clone()), expr: Expr::Lam(params, Box::new(case)) });
            }
        }
        out
    }

    /// The data constructors the module declares: its data types', its classes'
    /// dictionaries', and for base the wired-in lists, unit and tuples.
    pub(super) fn data_cons(&self, m: &hir::Module, is_base: bool) -> Vec<DataCon> {
        let mut out = Vec::new();
        if is_base {
            for v in builtins::wired_in().values {
                if let ValueKind::Con(c) = v.kind {
                    out.push(c.data_con);
                }
            }
        }
        for d in &m.data {
            if d.newtype {
                continue;
            }
            for c in &d.cons {
                if let Some(ValueKind::Con(info)) = self.env.values.get(&c.name).map(|v| &v.kind) {
                    out.push(info.data_con.clone());
                }
            }
        }
        for c in &m.classes {
            if let Some(info) = self.env.classes.get(&c.name) {
                out.push(info.dict_con.clone());
            }
        }
        out
    }
}
