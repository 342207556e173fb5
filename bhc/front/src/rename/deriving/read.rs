//! Derived `Read` (Report §11.4): the inverse of derived `Show`, built from base's
//! `readParen`, `lex` and `readsPrec` exactly as the Report's example instance is.
//! Prefix constructors need parentheses above precedence 10, records above 11, infix
//! constructors above their declared precedence (operands at one more); nullary
//! constructors never need them. Parentheses are always allowed.

use super::{Con, Gen};
use bhc_syntax::ast::{Decl, Expr, Literal, Pat, Stmt};

pub(super) fn read(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let alts: Vec<Expr> = cons.iter().map(|c| alternative(g, c)).collect();
    let body = alts
        .into_iter()
        .reduce(|acc, a| g.app(g.prelude("++"), vec![acc, a]))
        .unwrap_or_else(|| Expr::List(Vec::new(), g.span));
    vec![g.clause("readsPrec", vec![g.pvar("d"), g.pvar("r")], body)]
}

/// `readParen (d > prec) (\s0 -> [(C a1 .. an, sk) | ...]) r` for one constructor.
fn alternative(g: &Gen, c: &Con) -> Expr {
    let mut reader = Reader { g, quals: Vec::new(), state: 0 };
    let paren_above = match (&c.labels, c.infix, c.arity) {
        (_, _, 0) => {
            reader.tokens(&prefix_tokens(c.name));
            None
        }
        (Some(labels), _, _) => {
            reader.tokens(&prefix_tokens(c.name));
            reader.token("{");
            for (i, l) in labels.iter().enumerate() {
                if i > 0 {
                    reader.token(",");
                }
                reader.tokens(&prefix_tokens(l));
                reader.token("=");
                reader.value(0, i + 1);
            }
            reader.token("}");
            Some(11)
        }
        (None, true, 2) => {
            let p = usize::from(c.fixity.prec);
            reader.value(p + 1, 1);
            reader.tokens(&infix_tokens(c.name));
            reader.value(p + 1, 2);
            Some(p)
        }
        (None, _, n) => {
            reader.tokens(&prefix_tokens(c.name));
            for i in 1..=n {
                reader.value(11, i);
            }
            Some(10)
        }
    };
    let result = g.tuple(vec![g.con_app(c, "a"), g.var(&format!("s{}", reader.state))]);
    let comprehension = g.list_comp(result, reader.quals);
    let parser = Expr::Lambda(vec![g.pvar("s0")], Box::new(comprehension), g.span);
    let test = match paren_above {
        Some(p) => g.app(g.prelude(">"), vec![g.var("d"), g.int(p)]),
        None => g.prelude_con("False"),
    };
    g.app(g.prelude("readParen"), vec![test, parser, g.var("r")])
}

/// The qualifiers of one comprehension, threading the remaining input `s0`, `s1`, ...
struct Reader<'g, 'a> {
    g: &'g Gen<'a>,
    quals: Vec<Stmt>,
    state: usize,
}

impl Reader<'_, '_> {
    fn next_state(&mut self) -> (String, String) {
        self.state += 1;
        (format!("s{}", self.state - 1), format!("s{}", self.state))
    }
    /// `(token, s') <- lex s`
    fn token(&mut self, token: &str) {
        let (from, to) = self.next_state();
        let g = self.g;
        let pat = g.ptuple(vec![Pat::Lit(Literal::String(token.to_string()), g.span), g.pvar(&to)]);
        self.quals.push(g.bind(pat, g.app(g.prelude("lex"), vec![g.var(&from)])));
    }
    fn tokens(&mut self, tokens: &[String]) {
        for t in tokens {
            self.token(t);
        }
    }
    /// `(a_i, s') <- readsPrec prec s`
    fn value(&mut self, prec: usize, field: usize) {
        let (from, to) = self.next_state();
        let g = self.g;
        let pat = g.ptuple(vec![g.pvar(&format!("a{field}")), g.pvar(&to)]);
        self.quals.push(g.bind(pat, g.app(g.prelude("readsPrec"), vec![g.int(prec), g.var(&from)])));
    }
}

/// The lexemes of a name in prefix position: `(`, `:+`, `)` for an operator.
fn prefix_tokens(name: &str) -> Vec<String> {
    if super::is_operator(name) {
        vec!["(".to_string(), name.to_string(), ")".to_string()]
    } else {
        vec![name.to_string()]
    }
}

/// The lexemes of a constructor between its operands: `` ` ``, `C`, `` ` `` for a name.
fn infix_tokens(name: &str) -> Vec<String> {
    if super::is_operator(name) {
        vec![name.to_string()]
    } else {
        vec!["`".to_string(), name.to_string(), "`".to_string()]
    }
}
