//! Core: the small lambda calculus the desugarer produces and the simplifier (later) and
//! the STG lowering consume. Types are gone by this point (dictionaries are ordinary
//! arguments, newtypes are erased); what remains is each variable's run-time
//! representation. `case` always evaluates its scrutinee. This module defines data and
//! its printing only.

use bhc_stg::{DataCon, Global, Lit, Occ, PrimOp, Var};
use std::fmt::{self, Write};

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Var(Occ),
    /// An unboxed literal (`Int#`, `Char#`, `Double#`, `Addr#`).
    Lit(Lit),
    /// A constructor used as a value; it may be partially applied or unapplied.
    Con(DataCon),
    /// A primop used as a value; the lowering eta-expands unsaturated uses.
    Prim(PrimOp),
    App(Box<Expr>, Vec<Expr>),
    Lam(Vec<Var>, Box<Expr>),
    Let(Bind, Box<Expr>),
    /// Evaluate the scrutinee, bind it to the binder, pick the first matching alternative.
    /// A `Default` alternative, if any, comes last.
    Case(Box<Expr>, Var, Vec<Alt>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Bind {
    NonRec(Var, Box<Expr>),
    Rec(Vec<(Var, Expr)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alt {
    pub con: AltCon,
    /// The constructor's fields in source order (empty for literals and default).
    pub vars: Vec<Var>,
    pub rhs: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AltCon {
    Data(DataCon),
    Lit(Lit),
    Default,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TopBind {
    pub name: Global,
    pub expr: Expr,
}

/// A module in Core: all top-level bindings form one recursive group.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Module {
    pub name: String,
    pub data_cons: Vec<DataCon>,
    pub bindings: Vec<TopBind>,
}

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "-- Core for module {}", self.name)?;
        for b in &self.bindings {
            let mut s = String::new();
            expr(&mut s, &b.expr, 1)?;
            writeln!(f, "{} = {s}", b.name)?;
        }
        Ok(())
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        expr(&mut s, self, 0)?;
        f.write_str(&s)
    }
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
}

fn atomic(e: &Expr) -> bool {
    matches!(e, Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_))
}

fn expr(out: &mut String, e: &Expr, depth: usize) -> fmt::Result {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(out, e, depth))
}

fn expr_inner(out: &mut String, e: &Expr, depth: usize) -> fmt::Result {
    match e {
        Expr::Var(o) => write!(out, "{o}"),
        Expr::Lit(l) => write!(out, "{l}"),
        Expr::Con(c) => write!(out, "{}", c.name),
        Expr::Prim(p) => write!(out, "{}", p.name()),
        Expr::App(f, args) => {
            let paren = |out: &mut String, e: &Expr| -> fmt::Result {
                if atomic(e) {
                    expr(out, e, depth)
                } else {
                    out.push('(');
                    expr(out, e, depth + 1)?;
                    out.push(')');
                    Ok(())
                }
            };
            paren(out, f)?;
            for a in args {
                out.push(' ');
                paren(out, a)?;
            }
            Ok(())
        }
        Expr::Lam(vs, body) => {
            out.push('\\');
            for v in vs {
                write!(out, "{v} ")?;
            }
            out.push_str("->");
            newline(out, depth + 1);
            expr(out, body, depth + 1)
        }
        Expr::Let(bind, body) => {
            let pairs: Vec<(&Var, &Expr)> = match bind {
                Bind::NonRec(v, e) => {
                    out.push_str("let");
                    vec![(v, e)]
                }
                Bind::Rec(bs) => {
                    out.push_str("letrec");
                    bs.iter().map(|(v, e)| (v, e)).collect()
                }
            };
            for (v, e) in pairs {
                newline(out, depth + 1);
                write!(out, "{v} = ")?;
                expr(out, e, depth + 2)?;
            }
            newline(out, depth);
            out.push_str("in ");
            expr(out, body, depth)
        }
        Expr::Case(scrut, binder, alts) => {
            out.push_str("case ");
            expr(out, scrut, depth + 1)?;
            write!(out, " of {binder} {{")?;
            for alt in alts {
                newline(out, depth + 1);
                match &alt.con {
                    AltCon::Data(c) => write!(out, "{}", c.name)?,
                    AltCon::Lit(l) => write!(out, "{l}")?,
                    AltCon::Default => out.push('_'),
                }
                for v in &alt.vars {
                    write!(out, " {v}")?;
                }
                out.push_str(" ->");
                newline(out, depth + 2);
                expr(out, &alt.rhs, depth + 2)?;
            }
            newline(out, depth);
            out.push('}');
            Ok(())
        }
    }
}
