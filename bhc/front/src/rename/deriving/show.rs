//! Derived `Show` (Report §11.4), matching GHC's output character for character:
//! prefix constructors parenthesised from precedence 11, records as `C {f = v, ...}`
//! (fields at precedence 0, operator fields as `(op)`), infix constructors at their
//! declared fixity with both operands at one more (associativity is ignored, as the
//! Report says).

use super::{prefix_form, Con, Gen};
use bhc_syntax::ast::{Decl, Expr};

pub(super) fn show(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let show_string = |s: &str| g.app(g.prelude("showString"), vec![g.string(s)]);
    let shows_prec = |p: usize, v: &str| g.app(g.prelude("showsPrec"), vec![g.int(p), g.var(v)]);
    let show_paren = |test: &str, prec: usize, body: Expr| {
        let test = g.app(g.prelude(test), vec![g.var("d"), g.int(prec)]);
        g.app(g.prelude("showParen"), vec![test, body])
    };
    let mut out = Vec::new();
    for c in cons {
        let body = match (&c.labels, c.infix, c.arity) {
            (_, _, 0) => show_string(&c.prefix_name()),
            (Some(labels), _, _) => {
                let mut parts = vec![show_string(&format!("{} {{", c.prefix_name()))];
                for (i, l) in labels.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    parts.push(show_string(&format!("{sep}{} = ", prefix_form(l))));
                    parts.push(shows_prec(0, &format!("a{}", i + 1)));
                }
                parts.push(show_string("}"));
                show_paren(">=", 11, g.compose(parts))
            }
            (None, true, 2) => {
                let p = usize::from(c.fixity.prec);
                let parts = vec![
                    shows_prec(p + 1, "a1"),
                    show_string(&format!(" {} ", c.infix_name())),
                    shows_prec(p + 1, "a2"),
                ];
                show_paren(">", p, g.compose(parts))
            }
            (None, _, n) => {
                let mut parts = vec![show_string(&format!("{} ", c.prefix_name()))];
                for i in 1..=n {
                    if i > 1 {
                        parts.push(show_string(" "));
                    }
                    parts.push(shows_prec(11, &format!("a{i}")));
                }
                show_paren(">=", 11, g.compose(parts))
            }
        };
        out.push(g.clause("showsPrec", vec![g.pvar("d"), g.pcon(c, "a")], body));
    }
    out
}
