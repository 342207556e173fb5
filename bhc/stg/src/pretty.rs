//! A readable rendering of STG for `--dump-stg`. Printing only; no analysis.

use crate::{Alts, Atom, Binding, Expr, Lit, Module, Occ, Rhs, UpdateFlag};
use std::fmt::{self, Write};

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "-- STG for module {}", self.name)?;
        for con in &self.data_cons {
            writeln!(f, "-- con {} tag {}/{} fields {:?}", con.name, con.tag, con.family_size, con.fields)?;
        }
        for b in &self.bindings {
            writeln!(f, "{b}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        write!(s, "{} = ", self.name)?;
        rhs(&mut s, &self.rhs, 1)?;
        f.write_str(&s)
    }
}

impl fmt::Display for Occ {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Occ::Local(v) => write!(f, "{v}"),
            Occ::Global(g) => write!(f, "{g}"),
        }
    }
}

impl fmt::Display for Lit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lit::Int(i) => write!(f, "{i}#"),
            Lit::Char(c) => write!(f, "{c:?}#"),
            Lit::Double(d) => write!(f, "{d:?}##"),
            Lit::String(s) => write!(f, "{:?}#", String::from_utf8_lossy(s)),
        }
    }
}

impl fmt::Display for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Atom::Occ(o) => write!(f, "{o}"),
            Atom::Lit(l) => write!(f, "{l}"),
        }
    }
}

fn atoms(args: &[Atom]) -> String {
    args.iter().map(|a| format!(" {a}")).collect()
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn rhs(out: &mut String, r: &Rhs, depth: usize) -> fmt::Result {
    match r {
        Rhs::Con { con, args } => write!(out, "{}{}", con.name, atoms(args)),
        Rhs::Closure { free, update, params, body } => {
            let fv: Vec<String> = free.iter().map(|v| v.to_string()).collect();
            let ps: Vec<String> = params.iter().map(|v| v.to_string()).collect();
            let flag = match update {
                UpdateFlag::Updatable => "u",
                UpdateFlag::Reentrant => "n",
            };
            write!(out, "{{{}}} \\{} [{}] ->", fv.join(","), flag, ps.join(" "))?;
            indent(out, depth);
            expr(out, body, depth)
        }
    }
}

fn expr(out: &mut String, e: &Expr, depth: usize) -> fmt::Result {
    // Long list literals nest deeply; grow the stack rather than overflow it.
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(out, e, depth))
}

fn expr_inner(out: &mut String, e: &Expr, depth: usize) -> fmt::Result {
    match e {
        Expr::App { fun, args } => write!(out, "{fun}{}", atoms(args)),
        Expr::Con { con, args } => write!(out, "{}{}", con.name, atoms(args)),
        Expr::Prim { op, args } => write!(out, "{}{}", op.name(), atoms(args)),
        Expr::Lit(l) => write!(out, "{l}"),
        Expr::Let { rec, binds, body } => {
            out.push_str(if *rec { "letrec" } else { "let" });
            for (v, r) in binds {
                indent(out, depth + 1);
                write!(out, "{v} = ")?;
                rhs(out, r, depth + 2)?;
            }
            indent(out, depth);
            out.push_str("in ");
            expr(out, body, depth)
        }
        Expr::Case { scrut, binder, alts } => {
            out.push_str("case ");
            expr(out, scrut, depth + 1)?;
            write!(out, " of {binder} {{")?;
            match alts {
                Alts::Algebraic { alts, default } => {
                    for (con, vars, body) in alts {
                        indent(out, depth + 1);
                        let vs: String = vars.iter().map(|v| format!(" {v}")).collect();
                        write!(out, "{}{} ->", con.name, vs)?;
                        indent(out, depth + 2);
                        expr(out, body, depth + 2)?;
                    }
                    if let Some(d) = default {
                        indent(out, depth + 1);
                        out.push_str("_ ->");
                        indent(out, depth + 2);
                        expr(out, d, depth + 2)?;
                    }
                }
                Alts::Prim { alts, default } => {
                    for (lit, body) in alts {
                        indent(out, depth + 1);
                        write!(out, "{lit} ->")?;
                        indent(out, depth + 2);
                        expr(out, body, depth + 2)?;
                    }
                    if let Some(d) = default {
                        indent(out, depth + 1);
                        out.push_str("_ ->");
                        indent(out, depth + 2);
                        expr(out, d, depth + 2)?;
                    }
                }
                Alts::Default(body) => {
                    indent(out, depth + 1);
                    out.push_str("_ ->");
                    indent(out, depth + 2);
                    expr(out, body, depth + 2)?;
                }
            }
            indent(out, depth);
            out.push('}');
            Ok(())
        }
    }
}
