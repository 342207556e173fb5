//! Fixity resolution of operator chains (Haskell 2010 Report §10.6), for expressions and
//! patterns alike. It works on already-renamed operands and operators with their
//! fixities, using an explicit stack so that long chains cannot exhaust the Rust stack.
//! It must not look names up.

use crate::interface::Fixity;
use bhc_syntax::ast::{Assoc, Span};
use bhc_syntax::Diagnostic;

pub enum Elem<T, O> {
    Operand(T),
    Op {
        op: O,
        fixity: Fixity,
        name: String,
        span: Span,
    },
    /// A prefix minus (expressions only).
    Negate(Span),
}

enum StackOp<O> {
    Binary { op: O, fixity: Fixity, name: String },
    Negate(Span),
}

impl<O> StackOp<O> {
    fn fixity(&self) -> Fixity {
        match self {
            StackOp::Binary { fixity, .. } => *fixity,
            StackOp::Negate(_) => NEGATE,
        }
    }

    fn describe(&self) -> String {
        describe(self.name(), self.fixity())
    }

    fn name(&self) -> &str {
        match self {
            StackOp::Binary { name, .. } => name,
            StackOp::Negate(_) => "prefix -",
        }
    }
}

const NEGATE: Fixity = Fixity { assoc: Assoc::Left, prec: 6 };

fn describe(name: &str, f: Fixity) -> String {
    let assoc = match f.assoc {
        Assoc::Left => "infixl",
        Assoc::Right => "infixr",
        Assoc::None => "infix",
    };
    format!("`{name}` [{assoc} {}]", f.prec)
}

/// Resolves `elems` into one operand. `binary` builds an operator application,
/// `negate` a negation.
pub fn resolve<T, O>(
    elems: Vec<Elem<T, O>>,
    span: Span,
    mut binary: impl FnMut(O, T, T) -> T,
    mut negate: impl FnMut(Span, T) -> T,
) -> Result<T, Diagnostic> {
    let mut operands: Vec<T> = Vec::new();
    let mut ops: Vec<StackOp<O>> = Vec::new();
    let mut reduce = |operands: &mut Vec<T>, op: StackOp<O>| -> Result<(), Diagnostic> {
        let missing = || Diagnostic::new("E0106", "malformed operator expression", span, "here");
        match op {
            StackOp::Negate(s) => {
                let e = operands.pop().ok_or_else(missing)?;
                operands.push(negate(s, e));
            }
            StackOp::Binary { op, .. } => {
                let r = operands.pop().ok_or_else(missing)?;
                let l = operands.pop().ok_or_else(missing)?;
                operands.push(binary(op, l, r));
            }
        }
        Ok(())
    };
    for elem in elems {
        match elem {
            Elem::Operand(t) => operands.push(t),
            Elem::Negate(s) => {
                if let Some(top) = ops.last() {
                    if top.fixity().prec >= 6 {
                        return Err(Diagnostic::new(
                            "E0106",
                            format!(
                                "cannot mix {} and prefix `-` [infixl 6] in the same infix expression",
                                top.describe()
                            ),
                            s,
                            "this negation",
                        )
                        .with_help("add parentheses around the negated expression"));
                    }
                }
                ops.push(StackOp::Negate(s));
            }
            Elem::Op { op, fixity, name, span: op_span } => {
                while let Some(top) = ops.last() {
                    let f1 = top.fixity();
                    if f1.prec == fixity.prec && (f1.assoc != fixity.assoc || f1.assoc == Assoc::None) {
                        return Err(Diagnostic::new(
                            "E0106",
                            format!(
                                "cannot mix {} and {} in the same infix expression",
                                top.describe(),
                                describe(&name, fixity)
                            ),
                            op_span,
                            "this operator",
                        )
                        .with_help("add parentheses to say which one applies first"));
                    }
                    if f1.prec > fixity.prec || (f1.prec == fixity.prec && f1.assoc == Assoc::Left) {
                        let Some(top) = ops.pop() else { break };
                        reduce(&mut operands, top)?;
                    } else {
                        break;
                    }
                }
                ops.push(StackOp::Binary { op, fixity, name });
            }
        }
    }
    while let Some(top) = ops.pop() {
        reduce(&mut operands, top)?;
    }
    match (operands.pop(), operands.is_empty()) {
        (Some(t), true) => Ok(t),
        _ => Err(Diagnostic::new("E0106", "malformed operator expression", span, "here")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(name: &str, assoc: Assoc, prec: u8) -> Elem<String, String> {
        Elem::Op { op: name.to_string(), fixity: Fixity { assoc, prec }, name: name.to_string(), span: Span::default() }
    }

    fn run(elems: Vec<Elem<String, String>>) -> Result<String, Diagnostic> {
        resolve(elems, Span::default(), |o, l, r| format!("({l} {o} {r})"), |_, e| format!("(-{e})"))
    }

    fn x(s: &str) -> Elem<String, String> {
        Elem::Operand(s.to_string())
    }

    #[test]
    fn precedence_and_associativity() {
        let plus = || op("+", Assoc::Left, 6);
        let times = || op("*", Assoc::Left, 7);
        let cons = || op(":", Assoc::Right, 5);
        assert_eq!(run(vec![x("a"), plus(), x("b"), times(), x("c")]).unwrap(), "(a + (b * c))");
        assert_eq!(run(vec![x("a"), plus(), x("b"), plus(), x("c")]).unwrap(), "((a + b) + c)");
        assert_eq!(run(vec![x("a"), cons(), x("b"), cons(), x("c")]).unwrap(), "(a : (b : c))");
        assert_eq!(run(vec![Elem::Negate(Span::default()), x("a"), plus(), x("b")]).unwrap(), "((-a) + b)");
        assert_eq!(run(vec![Elem::Negate(Span::default()), x("a"), times(), x("b")]).unwrap(), "(-(a * b))");
        assert_eq!(run(vec![x("a"), cons(), Elem::Negate(Span::default()), x("b")]).unwrap(), "(a : (-b))");
    }

    #[test]
    fn rejects_ambiguous_mixes() {
        let eq = || op("==", Assoc::None, 4);
        assert!(run(vec![x("a"), eq(), x("b"), eq(), x("c")]).is_err());
        let times = op("*", Assoc::Left, 7);
        assert!(run(vec![x("a"), times, Elem::Negate(Span::default()), x("b")]).is_err());
        let l = op("+", Assoc::Left, 6);
        let r = op("++", Assoc::Right, 6);
        assert!(run(vec![x("a"), l, x("b"), r, x("c")]).is_err());
    }
}
