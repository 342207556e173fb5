//! From type expressions as written (renamed) to `Type`s: type variables, synonym
//! expansion, signatures to schemes. It must not unify.

use super::Checker;
use crate::hir::{ConstraintExpr, SigType, TypeExpr};
use crate::types::{base_name, Pred, Scheme, Type};
use bhc_syntax::ast::Span;
use bhc_syntax::Diagnostic;
use std::rc::Rc;

/// The type variables of a type being converted.
#[derive(Default)]
pub struct TyVars {
    pub names: Vec<Rc<str>>,
    pub types: Vec<Type>,
    /// Whether a new name becomes the next `Gen` (signatures) or is an error
    /// (declarations, where every variable must be a parameter).
    pub open: bool,
    /// The variables of the enclosing nested `forall`s, innermost last.
    pub foralls: Vec<Rc<[Rc<str>]>>,
}

impl TyVars {
    pub fn open() -> TyVars {
        TyVars { open: true, ..TyVars::default() }
    }

    pub fn closed(names: &[Rc<str>]) -> TyVars {
        TyVars {
            names: names.to_vec(),
            types: (0..names.len() as u32).map(Type::Gen).collect(),
            open: false,
            foralls: Vec::new(),
        }
    }
}

/// How deep synonym expansion may go before a cycle is assumed.
const SYNONYM_DEPTH: u32 = 100;

impl Checker<'_> {
    /// Converts a type whose kinds have been checked.
    pub fn convert(&mut self, te: &TypeExpr, vars: &mut TyVars) -> Type {
        let raw = self.convert_raw(te, vars);
        self.expand(&raw, te.span(), 0)
    }

    pub(super) fn convert_raw(&mut self, te: &TypeExpr, vars: &mut TyVars) -> Type {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || match te {
            TypeExpr::Forall(vs, ctx, body, _) => {
                let names: Rc<[Rc<str>]> = vs.iter().cloned().collect();
                vars.foralls.push(names.clone());
                let context: Vec<Pred> = ctx.iter().map(|c| self.convert_pred_raw(c, vars)).collect();
                let body = self.convert_raw(body, vars);
                vars.foralls.pop();
                Type::Forall(names, context.into(), Rc::new(body))
            }
            TypeExpr::Var(v, span) => match forall_bound(&vars.foralls, v) {
                Some(bound) => bound,
                None => match vars.names.iter().position(|n| n == v) {
                    Some(i) => vars.types[i].clone(),
                    None if vars.open => {
                        vars.names.push(v.clone());
                        let t = Type::Gen(vars.types.len() as u32);
                        vars.types.push(t.clone());
                        t
                    }
                    None => {
                        self.errors.push(Diagnostic::new(
                            "E0101",
                            format!("type variable not in scope: `{v}`"),
                            *span,
                            "not in scope",
                        ));
                        Type::tuple(Vec::new())
                    }
                },
            },
            TypeExpr::Con(n, span) => {
                // An unresolved name was reported by the renamer.
                if !self.env.tycons.contains_key(n) && !super::unresolved::is_unresolved(n) {
                    let what = if self.env.classes.contains_key(n) { "a class, not a type" } else { "not a type" };
                    self.errors.push(Diagnostic::new(
                        "E0207",
                        format!("`{}` is {what}", base_name(n)),
                        *span,
                        "used as a type here",
                    ));
                }
                Type::Con(n.clone())
            }
            TypeExpr::App(f, a, _) => Type::app(self.convert_raw(f, vars), self.convert_raw(a, vars)),
        })
    }

    /// Expands type synonyms (which must be applied to all their parameters). `depth`
    /// counts the synonyms expanded on the way here, not the type's nesting: a type a
    /// hundred brackets deep is no cycle.
    pub fn expand(&mut self, t: &Type, span: Span, depth: u32) -> Type {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expand_inner(t, span, depth))
    }

    fn expand_inner(&mut self, t: &Type, span: Span, depth: u32) -> Type {
        if depth > SYNONYM_DEPTH {
            self.errors.push(Diagnostic::new(
                "E0207",
                "cycle in type synonym declarations",
                span,
                "while expanding this type",
            ));
            return Type::tuple(Vec::new());
        }
        if let Type::Forall(names, ctx, body) = t {
            return Type::map_forall(names, ctx, body, |t| self.expand(t, span, depth));
        }
        let (head, args) = t.spine();
        let args: Vec<Type> = args.into_iter().map(|a| self.expand(a, span, depth)).collect();
        if let Type::Con(n) = head {
            if let Some(info) = self.env.tycons.get(n) {
                if let Some(rhs) = info.synonym.clone() {
                    let arity = info.arity;
                    if args.len() < arity {
                        self.errors.push(Diagnostic::new(
                            "E0207",
                            format!(
                                "type synonym `{}` should have {arity} argument(s), but has been given {}",
                                base_name(n),
                                args.len()
                            ),
                            span,
                            "here",
                        ));
                        return Type::tuple(Vec::new());
                    }
                    let mut out = rhs.instantiate(&args[..arity]);
                    for a in &args[arity..] {
                        out = Type::app(out, a.clone());
                    }
                    return self.expand(&out, span, depth + 1);
                }
            }
        }
        args.into_iter().fold(head.clone(), Type::app)
    }

    pub fn convert_pred(&mut self, c: &ConstraintExpr, vars: &mut TyVars) -> Pred {
        let p = self.convert_pred_raw(c, vars);
        Pred { ty: self.expand(&p.ty, c.span, 0), ..p }
    }

    fn convert_pred_raw(&mut self, c: &ConstraintExpr, vars: &mut TyVars) -> Pred {
        if !self.env.classes.contains_key(&c.class) && !super::unresolved::is_unresolved(&c.class) {
            self.errors.push(Diagnostic::new(
                "E0207",
                format!("`{}` is not a class", base_name(&c.class)),
                c.span,
                "used as a class here",
            ));
        }
        Pred { class: c.class.clone(), ty: self.convert_raw(&c.ty, vars) }
    }

    /// A signature's scheme, after checking its kinds; its free variables are
    /// quantified in order of appearance. `None` when its kinds are wrong (reported):
    /// what it annotates is then inferred as if it had no signature, so the bad
    /// signature causes no follow-up errors.
    pub fn sig_scheme(&mut self, sig: &SigType) -> Option<Scheme> {
        let errors = self.errors.len();
        self.check_sig_kinds(sig);
        (self.errors.len() == errors).then(|| self.sig_scheme_unchecked(sig, TyVars::open()))
    }

    /// A signature's scheme whose kinds were checked with its declaration (a class
    /// method's); its variables come after those already in `vars`.
    pub fn sig_scheme_unchecked(&mut self, sig: &SigType, mut vars: TyVars) -> Scheme {
        // A `forall` at the top names the signature's own variables (in its order).
        let body = match &sig.ty {
            TypeExpr::Forall(vs, ctx, body, _) if ctx.is_empty() => {
                for v in vs {
                    if !vars.names.contains(v) {
                        vars.names.push(v.clone());
                        vars.types.push(Type::Gen(vars.types.len() as u32));
                    }
                }
                &**body
            }
            t => t,
        };
        let ty = self.convert(body, &mut vars);
        let context = sig.context.iter().map(|c| self.convert_pred(c, &mut vars)).collect();
        Scheme { vars: vars.types.len() as u32, names: vars.names.clone(), context, ty }
    }
}

/// A variable bound by an enclosing nested `forall`, as a de Bruijn `Bound`.
fn forall_bound(foralls: &[Rc<[Rc<str>]>], v: &str) -> Option<Type> {
    foralls.iter().rev().enumerate().find_map(|(depth, names)| {
        names.iter().position(|n| &**n == v).map(|i| Type::Bound(depth as u32, i as u32))
    })
}
