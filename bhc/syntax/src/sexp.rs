//! Test support: a compact S-expression rendering of the AST without spans, so that tests
//! can state the expected shape of a parse in one readable line.

use crate::ast::*;

fn list(head: &str, items: impl IntoIterator<Item = String>) -> String {
    let mut s = format!("({head}");
    for i in items {
        s.push(' ');
        s.push_str(&i);
    }
    s.push(')');
    s
}

fn qname(q: &QName) -> String {
    q.to_string()
}

pub fn lit(l: &Literal) -> String {
    match l {
        Literal::Int(n) => n.to_string(),
        Literal::BigInt(s) | Literal::Frac(s) => s.clone(),
        Literal::Char(c) => format!("{c:?}"),
        Literal::String(s) => format!("{s:?}"),
        Literal::PrimInt(n) => format!("{n}#"),
        Literal::PrimChar(c) => format!("{c:?}#"),
        Literal::PrimString(b) => format!("{:?}#", String::from_utf8_lossy(b)),
        Literal::PrimDouble(d) => format!("{d}##"),
    }
}

pub fn ty(t: &Type) -> String {
    match t {
        Type::Var(v) => v.name.clone(),
        Type::Con(q) => qname(q),
        Type::App(f, x, _) => list("TApp", [ty(f), ty(x)]),
        Type::Fun(a, b, _) => list("->", [ty(a), ty(b)]),
        Type::List(t, _) => list("TList", [ty(t)]),
        Type::Tuple(ts, _) => list("TTuple", ts.iter().map(ty)),
        Type::Forall(vs, ctx, t, _) => {
            let body = qualtype(&QualType { context: ctx.clone(), ty: (**t).clone(), span: t.span() });
            list("forall", [list("vars", vs.iter().map(|v| v.name.clone())), body])
        }
    }
}

pub fn qualtype(q: &QualType) -> String {
    if q.context.is_empty() {
        return ty(&q.ty);
    }
    let ctx = q.context.iter().map(|c| list(&qname(&c.class), [ty(&c.ty)]));
    list("=>", [list("ctx", ctx), ty(&q.ty)])
}

pub fn pat(p: &Pat) -> String {
    match p {
        Pat::Var(v) => v.name.clone(),
        Pat::Wildcard(_) => "_".into(),
        Pat::Lit(l, _) => lit(l),
        Pat::Con(c, args, _) if args.is_empty() => qname(c),
        Pat::Con(c, args, _) => list(&qname(c), args.iter().map(pat)),
        Pat::OpChain(elems, _) => list(
            "pchain",
            elems.iter().map(|e| match e {
                PatElem::Operand(p) => pat(p),
                PatElem::Op(o) => qname(o),
            }),
        ),
        Pat::Tuple(ps, _) => list("ptuple", ps.iter().map(pat)),
        Pat::List(ps, _) => list("plist", ps.iter().map(pat)),
        Pat::As(v, p, _) => list("@", [v.name.clone(), pat(p)]),
        Pat::Lazy(p, _) => list("~", [pat(p)]),
        Pat::Bang(p, _) => list("!", [pat(p)]),
        Pat::Record(c, fs, _) => list(&qname(c), fs.iter().map(|(f, p)| format!("{}={}", qname(f), pat(p)))),
        Pat::Paren(p, _) => list("pparen", [pat(p)]),
    }
}

pub fn stmt(s: &Stmt) -> String {
    match s {
        Stmt::Bind(p, e, _) => list("<-", [pat(p), expr(e)]),
        Stmt::Let(ds, _) => list("let", ds.iter().map(decl)),
        Stmt::Expr(e, _) => expr(e),
    }
}

pub fn expr(e: &Expr) -> String {
    match e {
        Expr::Var(q) | Expr::Con(q) => qname(q),
        Expr::Lit(l, _) => lit(l),
        Expr::App(f, x, _) => list("app", [expr(f), expr(x)]),
        Expr::OpChain(elems, _) => list(
            "chain",
            elems.iter().map(|e| match e {
                OpElem::Operand(x) => expr(x),
                OpElem::Op(o) => qname(o),
                OpElem::Negate(_) => "neg".into(),
            }),
        ),
        Expr::Lambda(ps, b, _) => list("\\", ps.iter().map(pat).chain([expr(b)])),
        Expr::Let(ds, b, _) => list("let", ds.iter().map(decl).chain([expr(b)])),
        Expr::If(c, t, f, _) => list("if", [expr(c), expr(t), expr(f)]),
        Expr::Case(s, alts, _) => list(
            "case",
            [expr(s)].into_iter().chain(alts.iter().map(|a| list("alt", [pat(&a.pat), rhs(&a.rhs)]))),
        ),
        Expr::Do(ss, _) => list("do", ss.iter().map(stmt)),
        Expr::Tuple(es, _) => list("tuple", es.iter().map(expr)),
        Expr::List(es, _) => list("list", es.iter().map(expr)),
        Expr::EnumFrom { from, then, to, .. } => list(
            "enum",
            [expr(from), then.as_deref().map_or("_".into(), expr), to.as_deref().map_or("_".into(), expr)],
        ),
        Expr::ListComp(e, qs, _) => list("comp", [expr(e)].into_iter().chain(qs.iter().map(stmt))),
        Expr::LeftSection(e, op, _) => list("lsec", [expr(e), qname(op)]),
        Expr::RightSection(op, e, _) => list("rsec", [qname(op), expr(e)]),
        Expr::Typed(e, t, _) => list("::", [expr(e), qualtype(t)]),
        Expr::RecordCon(c, fs, _) => list("rcon", [qname(c)].into_iter().chain(fields(fs))),
        Expr::RecordUpdate(e, fs, _) => list("rupd", [expr(e)].into_iter().chain(fields(fs))),
        Expr::Paren(e, _) => list("paren", [expr(e)]),
    }
}

fn fields(fs: &[(QName, Expr)]) -> Vec<String> {
    fs.iter().map(|(f, e)| format!("{}={}", qname(f), expr(e))).collect()
}

pub fn rhs(r: &Rhs) -> String {
    let body = match &r.body {
        RhsBody::Plain(e) => expr(e),
        RhsBody::Guarded(gs) => list(
            "guards",
            gs.iter().map(|g| list("|", g.guards.iter().map(stmt).chain([expr(&g.body)]))),
        ),
    };
    if r.wheres.is_empty() {
        body
    } else {
        list("where", [body].into_iter().chain(r.wheres.iter().map(decl)))
    }
}

fn con(c: &ConDecl) -> String {
    let plain = con_fields(c);
    if c.exists.is_empty() && c.context.is_empty() {
        return plain;
    }
    let vars = c.exists.iter().map(|v| v.name.clone());
    let ctx = c.context.iter().map(|k| list(&qname(&k.class), [ty(&k.ty)]));
    list("forall", [list("vars", vars), list("ctx", ctx), plain])
}

fn con_fields(c: &ConDecl) -> String {
    let strict = |s: bool, t: &Type| if s { format!("!{}", ty(t)) } else { ty(t) };
    match &c.fields {
        ConFields::Positional { fields, infix } => {
            let head = if *infix { format!("infix {}", c.name.name) } else { c.name.name.clone() };
            list(&head, fields.iter().map(|(s, t)| strict(*s, t)))
        }
        ConFields::Record(groups) => list(
            &c.name.name,
            groups.iter().map(|(names, s, t)| {
                let names: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
                format!("{}::{}", names.join(","), strict(*s, t))
            }),
        ),
    }
}

pub fn decl(d: &Decl) -> String {
    match d {
        Decl::TypeSig { names, ty, .. } => {
            list("sig", names.iter().map(|n| n.name.clone()).chain([qualtype(ty)]))
        }
        Decl::Fixity { assoc, prec, ops, .. } => list(
            &format!("{assoc:?}").to_lowercase(),
            [prec.to_string()].into_iter().chain(ops.iter().map(|o| o.name.clone())),
        ),
        Decl::FunClause(f) => list("fun", [f.name.name.clone()].into_iter().chain(f.args.iter().map(pat)).chain([rhs(&f.rhs)])),
        Decl::PatBind { pat: p, rhs: r, .. } => list("bind", [pat(p), rhs(r)]),
        Decl::Data(d) => list(
            if d.newtype { "newtype" } else { "data" },
            [
                list("ctx", d.context.iter().map(|c| list(&qname(&c.class), [ty(&c.ty)]))),
                list(&d.name.name, d.params.iter().map(|p| p.name.clone())),
            ]
            .into_iter()
            .chain(d.cons.iter().map(con))
            .chain([list("deriving", d.deriving.iter().map(qname))]),
        ),
        Decl::TypeSyn { name, params, ty: t, .. } => {
            list("type", [list(&name.name, params.iter().map(|p| p.name.clone())), ty(t)])
        }
        Decl::Class(c) => list(
            "class",
            [
                list("ctx", c.context.iter().map(|k| list(&qname(&k.class), [ty(&k.ty)]))),
                format!("{} {}", c.name.name, c.param.name),
            ]
            .into_iter()
            .chain(c.decls.iter().map(decl)),
        ),
        Decl::Instance(i) => list(
            "instance",
            [
                list("ctx", i.context.iter().map(|k| list(&qname(&k.class), [ty(&k.ty)]))),
                qname(&i.class),
                ty(&i.ty),
            ]
            .into_iter()
            .chain(i.decls.iter().map(decl)),
        ),
        Decl::Default { types, .. } => list("default", types.iter().map(ty)),
    }
}
