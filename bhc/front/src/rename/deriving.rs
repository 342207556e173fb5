//! Derived instances (Report ch. 11) for Eq, Ord, Show, Enum and Bounded, generated as
//! ordinary instance declarations (AST) that are then renamed and checked like the
//! user's own. Every generated node carries the span of the deriving clause. The code
//! refers to Prelude entities as `Prelude.x`, which the renamer resolves to the
//! original names whatever the module imports. It must not resolve names itself.

use bhc_syntax::ast::{
    Alt, ConDecl, ConFields, Constraint, DataDecl, Decl, Expr, FunClause, Ident, InstanceDecl, Literal, Pat, QName,
    Rhs, RhsBody, Span, Type,
};
use bhc_syntax::Diagnostic;

struct Gen<'a> {
    span: Span,
    module: &'a str,
}

struct Con<'a> {
    name: &'a str,
    arity: usize,
    labels: Option<Vec<&'a str>>,
    infix: bool,
}

impl Gen<'_> {
    fn q(&self, qualifier: Option<&str>, name: &str) -> QName {
        QName { qualifier: qualifier.map(str::to_string), name: name.to_string(), span: self.span }
    }
    fn ident(&self, name: &str) -> Ident {
        Ident { name: name.to_string(), span: self.span }
    }
    fn prelude(&self, name: &str) -> Expr {
        Expr::Var(self.q(Some("Prelude"), name))
    }
    fn prelude_con(&self, name: &str) -> Expr {
        Expr::Con(self.q(Some("Prelude"), name))
    }
    fn var(&self, name: &str) -> Expr {
        Expr::Var(self.q(None, name))
    }
    fn own_con(&self, name: &str) -> QName {
        self.q(Some(self.module), name)
    }
    fn app(&self, f: Expr, args: Vec<Expr>) -> Expr {
        args.into_iter().fold(f, |acc, a| Expr::App(Box::new(acc), Box::new(a), self.span))
    }
    fn int(&self, n: usize) -> Expr {
        Expr::Lit(Literal::Int(n as i128), self.span)
    }
    fn string(&self, s: &str) -> Expr {
        Expr::Lit(Literal::String(s.to_string()), self.span)
    }
    fn pvar(&self, name: &str) -> Pat {
        Pat::Var(self.ident(name))
    }
    fn pcon(&self, c: &Con, prefix: &str) -> Pat {
        let args = (1..=c.arity).map(|i| self.pvar(&format!("{prefix}{i}"))).collect();
        Pat::Con(self.own_con(c.name), args, self.span)
    }
    fn wild(&self) -> Pat {
        Pat::Wildcard(self.span)
    }
    fn rhs(&self, e: Expr) -> Rhs {
        Rhs { body: RhsBody::Plain(e), wheres: Vec::new(), span: self.span }
    }
    fn clause(&self, name: &str, args: Vec<Pat>, body: Expr) -> Decl {
        Decl::FunClause(FunClause { name: self.ident(name), args, rhs: self.rhs(body), span: self.span })
    }
    fn compose(&self, fs: Vec<Expr>) -> Expr {
        let mut it = fs.into_iter().rev();
        let last = it.next().unwrap_or_else(|| self.prelude("id"));
        it.fold(last, |acc, f| self.app(self.prelude("."), vec![f, acc]))
    }
    fn con_expr(&self, c: &Con) -> Expr {
        Expr::Con(self.own_con(c.name))
    }
}

fn is_operator(name: &str) -> bool {
    name.starts_with(':')
}

/// The derived instance declarations of a data type, or diagnostics for classes that
/// cannot be derived.
pub fn derive(d: &DataDecl, module: &str, errors: &mut Vec<Diagnostic>) -> Vec<Decl> {
    let mut out = Vec::new();
    for class in &d.deriving {
        let g = Gen { span: class.span, module };
        let cons: Vec<Con> = d.cons.iter().map(con_shape).collect();
        let methods = match class.name.as_str() {
            "Eq" => Some(eq(&g, &cons)),
            "Ord" => Some(ord(&g, &cons)),
            "Show" => Some(show(&g, &cons)),
            "Enum" if cons.iter().all(|c| c.arity == 0) && !cons.is_empty() => Some(enumeration(&g, &cons)),
            "Bounded" if cons.len() == 1 || (!cons.is_empty() && cons.iter().all(|c| c.arity == 0)) => {
                Some(bounded(&g, &cons))
            }
            _ => None,
        };
        let Some(decls) = methods else {
            errors.push(
                Diagnostic::new(
                    "E0110",
                    format!("cannot derive `{}` for `{}`", class.name, d.name.name),
                    class.span,
                    "not derivable here",
                )
                .with_help("bhc derives Eq, Ord, Show, and Enum and Bounded for enumerations"),
            );
            continue;
        };
        let head = d.params.iter().fold(Type::Con(g.own_con(&d.name.name)), |t, p| {
            Type::App(Box::new(t), Box::new(Type::Var(p.clone())), class.span)
        });
        let context = d
            .params
            .iter()
            .map(|p| Constraint {
                class: g.q(Some("Prelude"), &class.name),
                ty: Type::Var(p.clone()),
                span: class.span,
            })
            .collect();
        out.push(Decl::Instance(InstanceDecl {
            context,
            class: g.q(Some("Prelude"), &class.name),
            ty: head,
            decls,
            span: class.span,
        }));
    }
    out
}

fn con_shape(c: &ConDecl) -> Con<'_> {
    match &c.fields {
        ConFields::Positional { fields, infix } => {
            Con { name: &c.name.name, arity: fields.len(), labels: None, infix: *infix }
        }
        ConFields::Record(groups) => {
            let labels: Vec<&str> =
                groups.iter().flat_map(|(names, _, _)| names.iter().map(|n| n.name.as_str())).collect();
            Con { name: &c.name.name, arity: labels.len(), labels: Some(labels), infix: false }
        }
    }
}

fn eq(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for c in cons {
        let tests: Vec<Expr> = (1..=c.arity)
            .map(|i| g.app(g.prelude("=="), vec![g.var(&format!("a{i}")), g.var(&format!("b{i}"))]))
            .collect();
        let body = tests
            .into_iter()
            .rev()
            .reduce(|acc, t| g.app(g.prelude("&&"), vec![t, acc]))
            .unwrap_or_else(|| g.prelude_con("True"));
        out.push(g.clause("==", vec![g.pcon(c, "a"), g.pcon(c, "b")], body));
    }
    if cons.len() > 1 {
        out.push(g.clause("==", vec![g.wild(), g.wild()], g.prelude_con("False")));
    }
    out
}

fn ord(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for c in cons {
        let mut body = g.prelude_con("EQ");
        for i in (1..=c.arity).rev() {
            let test = g.app(g.prelude("compare"), vec![g.var(&format!("a{i}")), g.var(&format!("b{i}"))]);
            let alts = vec![
                Alt { pat: Pat::Con(g.q(Some("Prelude"), "EQ"), Vec::new(), g.span), rhs: g.rhs(body), span: g.span },
                Alt { pat: g.pvar("r"), rhs: g.rhs(g.var("r")), span: g.span },
            ];
            body = Expr::Case(Box::new(test), alts, g.span);
        }
        out.push(g.clause("compare", vec![g.pcon(c, "a"), g.pcon(c, "b")], body));
    }
    if cons.len() > 1 {
        let tag = |e: Expr| g.app(g.var("tag"), vec![e]);
        let body = g.app(g.prelude("compare"), vec![tag(g.var("x")), tag(g.var("y"))]);
        let wheres = cons
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let args = (0..c.arity).map(|_| g.wild()).collect();
                g.clause("tag", vec![Pat::Con(g.own_con(c.name), args, g.span)], g.int(i))
            })
            .collect();
        out.push(Decl::FunClause(FunClause {
            name: g.ident("compare"),
            args: vec![g.pvar("x"), g.pvar("y")],
            rhs: Rhs { body: RhsBody::Plain(body), wheres, span: g.span },
            span: g.span,
        }));
    }
    out
}

fn show(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    let show_string = |s: &str| g.app(g.prelude("showString"), vec![g.string(s)]);
    let shows_prec = |p: usize, v: &str| g.app(g.prelude("showsPrec"), vec![g.int(p), g.var(v)]);
    let paren_if = |min: usize, body: Expr| {
        let test = g.app(g.prelude(">="), vec![g.var("d"), g.int(min)]);
        g.app(g.prelude("showParen"), vec![test, body])
    };
    for c in cons {
        let prefix_name = if is_operator(c.name) { format!("({})", c.name) } else { c.name.to_string() };
        let body = match (&c.labels, c.infix, c.arity) {
            (_, _, 0) => show_string(&prefix_name),
            (Some(labels), _, _) => {
                let mut parts = vec![show_string(&format!("{prefix_name} {{"))];
                for (i, l) in labels.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    parts.push(show_string(&format!("{sep}{l} = ")));
                    parts.push(shows_prec(0, &format!("a{}", i + 1)));
                }
                parts.push(show_string("}"));
                paren_if(11, g.compose(parts))
            }
            (None, true, 2) => {
                let parts = vec![shows_prec(10, "a1"), show_string(&format!(" {} ", c.name)), shows_prec(10, "a2")];
                paren_if(10, g.compose(parts))
            }
            (None, _, n) => {
                let mut parts = vec![show_string(&format!("{prefix_name} "))];
                for i in 1..=n {
                    if i > 1 {
                        parts.push(show_string(" "));
                    }
                    parts.push(shows_prec(11, &format!("a{i}")));
                }
                paren_if(11, g.compose(parts))
            }
        };
        out.push(g.clause("showsPrec", vec![g.pvar("d"), g.pcon(c, "a")], body));
    }
    out
}

fn enumeration(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let mut out = Vec::new();
    for (i, c) in cons.iter().enumerate() {
        out.push(g.clause("fromEnum", vec![g.pcon(c, "a")], g.int(i)));
    }
    let mut alts: Vec<Alt> = cons
        .iter()
        .enumerate()
        .map(|(i, c)| Alt { pat: Pat::Lit(Literal::Int(i as i128), g.span), rhs: g.rhs(g.con_expr(c)), span: g.span })
        .collect();
    let bad = g.app(g.prelude("error"), vec![g.string("toEnum: bad argument")]);
    alts.push(Alt { pat: g.wild(), rhs: g.rhs(bad), span: g.span });
    out.push(g.clause("toEnum", vec![g.pvar("n")], Expr::Case(Box::new(g.var("n")), alts, g.span)));
    let (first, last) = (g.con_expr(&cons[0]), g.con_expr(&cons[cons.len() - 1]));
    out.push(g.clause("enumFrom", vec![g.pvar("x")], g.app(g.prelude("enumFromTo"), vec![g.var("x"), last.clone()])));
    let from = |v: &str| g.app(g.prelude("fromEnum"), vec![g.var(v)]);
    let up = g.app(g.prelude(">="), vec![from("y"), from("x")]);
    let bound = Expr::If(Box::new(up), Box::new(last), Box::new(first), g.span);
    let body = g.app(g.prelude("enumFromThenTo"), vec![g.var("x"), g.var("y"), bound]);
    out.push(g.clause("enumFromThen", vec![g.pvar("x"), g.pvar("y")], body));
    out
}

fn bounded(g: &Gen, cons: &[Con]) -> Vec<Decl> {
    let bound = |c: &Con, which: &str| g.app(g.con_expr(c), (0..c.arity).map(|_| g.prelude(which)).collect());
    vec![
        Decl::PatBind { pat: g.pvar("minBound"), rhs: g.rhs(bound(&cons[0], "minBound")), span: g.span },
        Decl::PatBind { pat: g.pvar("maxBound"), rhs: g.rhs(bound(&cons[cons.len() - 1], "maxBound")), span: g.span },
    ]
}
