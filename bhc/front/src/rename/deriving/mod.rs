//! Derived instances (Report ch. 11) for Eq, Ord, Show, Read, Enum, Bounded and Ix,
//! generated as ordinary instance declarations (AST) that are then renamed and checked
//! like the user's own. Every generated node carries the span of the deriving clause.
//! The code refers to base entities by their original names (`Prelude.x`, `Data.Ix.x`),
//! which the renamer resolves whatever the module imports. It must not resolve names
//! itself, and it must not look at types: the type checker judges the instances.

mod compare;
mod enumeration;
mod ix;
mod read;
mod show;

use crate::interface::Fixity;
use bhc_syntax::ast::{
    ConDecl, ConFields, Constraint, DataDecl, Decl, Expr, FunClause, Ident, InstanceDecl, Literal, Pat, QName, Rhs,
    RhsBody, Span, Stmt, Type,
};
use bhc_syntax::Diagnostic;
use rustc_hash::FxHashMap;

/// The modules whose entities derived code names by their original names.
pub const BASE_MODULES: [&str; 2] = ["Prelude", "Data.Ix"];

struct Gen<'a> {
    span: Span,
    module: &'a str,
}

/// What deriving needs to know about one constructor.
struct Con<'a> {
    name: &'a str,
    arity: usize,
    labels: Option<Vec<&'a str>>,
    /// Declared infix (`a :+ b` or ``a `C` b``).
    infix: bool,
    fixity: Fixity,
}

impl Con<'_> {
    /// The constructor as it appears in prefix position: `(:+)` for an operator.
    fn prefix_name(&self) -> String {
        prefix_form(self.name)
    }
    /// The constructor as it appears between its arguments: `` `C` `` for a name.
    fn infix_name(&self) -> String {
        if is_operator(self.name) {
            self.name.to_string()
        } else {
            format!("`{}`", self.name)
        }
    }
}

fn is_operator(name: &str) -> bool {
    !name.starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// `(+++)` for an operator, the name itself otherwise.
fn prefix_form(name: &str) -> String {
    if is_operator(name) {
        format!("({name})")
    } else {
        name.to_string()
    }
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
    fn ix(&self, name: &str) -> Expr {
        Expr::Var(self.q(Some("Data.Ix"), name))
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
    /// `C p1 .. pn` with variables `{prefix}1 .. {prefix}n`.
    fn pcon(&self, c: &Con, prefix: &str) -> Pat {
        let args = (1..=c.arity).map(|i| self.pvar(&format!("{prefix}{i}"))).collect();
        Pat::Con(self.own_con(c.name), args, self.span)
    }
    fn ptuple(&self, pats: Vec<Pat>) -> Pat {
        Pat::Tuple(pats, self.span)
    }
    fn tuple(&self, es: Vec<Expr>) -> Expr {
        Expr::Tuple(es, self.span)
    }
    fn wild(&self) -> Pat {
        Pat::Wildcard(self.span)
    }
    fn rhs(&self, e: Expr) -> Rhs {
        Rhs { body: RhsBody::Plain(e), wheres: Vec::new(), span: self.span }
    }
    fn clause(&self, name: &str, args: Vec<Pat>, body: Expr) -> Decl {
        self.clause_where(name, args, body, Vec::new())
    }
    fn clause_where(&self, name: &str, args: Vec<Pat>, body: Expr, wheres: Vec<Decl>) -> Decl {
        let rhs = Rhs { body: RhsBody::Plain(body), wheres, span: self.span };
        Decl::FunClause(FunClause { name: self.ident(name), args, rhs, span: self.span })
    }
    fn compose(&self, fs: Vec<Expr>) -> Expr {
        let mut it = fs.into_iter().rev();
        let last = it.next().unwrap_or_else(|| self.prelude("id"));
        it.fold(last, |acc, f| self.app(self.prelude("."), vec![f, acc]))
    }
    /// `e1 && e2 && ...`, `True` for none.
    fn all(&self, tests: Vec<Expr>) -> Expr {
        tests.into_iter().rev().reduce(|acc, t| self.app(self.prelude("&&"), vec![t, acc])).unwrap_or_else(|| self.prelude_con("True"))
    }
    fn con_expr(&self, c: &Con) -> Expr {
        Expr::Con(self.own_con(c.name))
    }
    /// `C e1 .. en`
    fn con_app(&self, c: &Con, prefix: &str) -> Expr {
        self.app(self.con_expr(c), (1..=c.arity).map(|i| self.var(&format!("{prefix}{i}"))).collect())
    }
    fn list_comp(&self, head: Expr, quals: Vec<Stmt>) -> Expr {
        Expr::ListComp(Box::new(head), quals, self.span)
    }
    fn bind(&self, pat: Pat, e: Expr) -> Stmt {
        Stmt::Bind(pat, e, self.span)
    }
    /// `fromTag n = C_n` and `tag C_n = n` for the constructors of an enumeration, for
    /// use in a `where`.
    fn tag_functions(&self, cons: &[Con]) -> Vec<Decl> {
        let mut out = Vec::new();
        for (i, c) in cons.iter().enumerate() {
            out.push(self.clause("fromTag", vec![Pat::Lit(Literal::Int(i as i128), self.span)], self.con_expr(c)));
        }
        let bad = self.app(self.prelude("error"), vec![self.string("toEnum: bad argument")]);
        out.push(self.clause("fromTag", vec![self.wild()], bad));
        out.extend(self.tag_function(cons));
        out
    }
    /// `tag C_n = n`, for a `where`.
    fn tag_function(&self, cons: &[Con]) -> Vec<Decl> {
        cons.iter()
            .enumerate()
            .map(|(i, c)| {
                let args = (0..c.arity).map(|_| self.wild()).collect();
                self.clause("tag", vec![Pat::Con(self.own_con(c.name), args, self.span)], self.int(i))
            })
            .collect()
    }
}

/// The derived instance declarations of a data type, or diagnostics for classes that
/// cannot be derived. `fixities` holds the fixity declarations of the module's
/// constructors by unqualified name.
pub fn derive(d: &DataDecl, module: &str, fixities: &FxHashMap<String, Fixity>, errors: &mut Vec<Diagnostic>) -> Vec<Decl> {
    let mut out = Vec::new();
    let cons: Vec<Con> = d.cons.iter().map(|c| con_shape(c, fixities)).collect();
    let enumeration = !cons.is_empty() && cons.iter().all(|c| c.arity == 0);
    for class in &d.deriving {
        let g = Gen { span: class.span, module };
        let (methods, class_module) = match class.name.as_str() {
            "Eq" => (Some(compare::eq(&g, &cons)), "Prelude"),
            "Ord" => (Some(compare::ord(&g, &cons)), "Prelude"),
            "Show" => (Some(show::show(&g, &cons)), "Prelude"),
            "Read" => (Some(read::read(&g, &cons)), "Prelude"),
            "Enum" if enumeration => (Some(enumeration::enumeration(&g, &cons)), "Prelude"),
            "Bounded" if cons.len() == 1 || enumeration => (Some(enumeration::bounded(&g, &cons)), "Prelude"),
            "Ix" if enumeration => (Some(ix::enumeration(&g, &cons)), "Data.Ix"),
            "Ix" if cons.len() == 1 => (Some(ix::product(&g, &cons[0])), "Data.Ix"),
            _ => (None, "Prelude"),
        };
        let Some(decls) = methods else {
            errors.push(
                Diagnostic::new(
                    "E0110",
                    format!("cannot derive `{}` for `{}`", class.name, d.name.name),
                    class.span,
                    "not derivable here",
                )
                .with_help(
                    "bhc derives Eq, Ord, Show and Read for any data type; Enum for enumerations; \
                     Bounded and Ix for enumerations and single-constructor types",
                ),
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
                class: g.q(Some(class_module), &class.name),
                ty: Type::Var(p.clone()),
                span: class.span,
            })
            .collect();
        out.push(Decl::Instance(InstanceDecl {
            context,
            class: g.q(Some(class_module), &class.name),
            ty: head,
            decls,
            span: class.span,
        }));
    }
    out
}

fn con_shape<'a>(c: &'a ConDecl, fixities: &FxHashMap<String, Fixity>) -> Con<'a> {
    let fixity = fixities.get(&c.name.name).copied().unwrap_or(Fixity::DEFAULT);
    match &c.fields {
        ConFields::Positional { fields, infix } => {
            Con { name: &c.name.name, arity: fields.len(), labels: None, infix: *infix, fixity }
        }
        ConFields::Record(groups) => {
            let labels: Vec<&str> =
                groups.iter().flat_map(|(names, _, _)| names.iter().map(|n| n.name.as_str())).collect();
            Con { name: &c.name.name, arity: labels.len(), labels: Some(labels), infix: false, fixity }
        }
    }
}
