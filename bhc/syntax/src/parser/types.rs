//! Types, qualified types and contexts (Report §4.1). Contexts are parsed as types and
//! converted afterwards, so `(Eq a, Show a) => t` needs no backtracking. Function arrows
//! are parsed as a flat list and folded, so long arrow chains do not recurse.

use chumsky::prelude::*;

use super::common::{checked, qconid, sp, special_con, Cx, P};
use crate::ast::{Constraint, Ident, QName, QualType, Span, Type};
use crate::token::Tok;

#[derive(Clone)]
pub struct Types<'s> {
    pub ty: P<'s, Type>,
    pub btype: P<'s, Type>,
    pub atype: P<'s, Type>,
    pub qualtype: P<'s, QualType>,
}

pub fn types<'s>(cx: Cx<'s>) -> Types<'s> {
    let ty = recursive(|ty| {
        let atype = atype(cx, ty.clone().boxed());
        let btype = btype(atype);
        // After `forall a.`: another `forall`, or a type with an optional context
        // (`Show a => a -> String`), parsed as a qualified type so the context's
        // `btype` is read once.
        let forall = recursive(|forall| {
            let body = forall.map(|t| QualType { context: Vec::new(), span: Type::span(&t), ty: t });
            forall_binders(cx)
                .then(body.or(qualtype(btype.clone(), ty.clone().boxed())))
                .map_with(|(vars, q), e| Type::Forall(vars, q.context, Box::new(q.ty), sp(e.span())))
                .boxed()
        });
        forall.or(fun_type(btype))
    })
    .boxed();
    let atype = atype(cx, ty.clone());
    let btype = btype(atype.clone());
    let qualtype = forall_binders(cx).or_not().then(qualtype(btype.clone(), ty.clone())).map(|(vars, q)| match vars {
        Some(vars) => {
            let span = q.ty.span();
            QualType { ty: Type::Forall(vars, Vec::new(), Box::new(q.ty), span), ..q }
        }
        None => q,
    });
    Types { ty: ty.labelled("type").boxed(), btype, atype, qualtype: qualtype.boxed() }
}

/// `forall a b .`: `forall` is an ordinary variable name in Haskell 2010, so this is
/// recognised only when binders and a `.` follow.
fn forall_binders<'s>(cx: Cx<'s>) -> P<'s, Vec<Ident>> {
    let word = move |word: &'static str, tok: Tok| {
        chumsky::primitive::select(move |t: Tok, e| (t == tok && cx.text(e.span()) == word).then_some(()))
    };
    let binder = select! { Tok::VarId = e => e.span() }.map(move |s| cx.ident(s));
    word("forall", Tok::VarId)
        .ignore_then(binder.repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(word(".", Tok::VarSym))
        .boxed()
}

fn atype<'s>(cx: Cx<'s>, ty: P<'s, Type>) -> P<'s, Type> {
    let var = select! { Tok::VarId = e => e.span() }.map(move |s| Type::Var(cx.ident(s)));
    let con = qconid(cx).map(Type::Con);
    let special = special_con(true).map(Type::Con);
    let opcon = select! { Tok::ConSym = e => e.span(), Tok::QConSym = e => e.span() }
        .delimited_by(just(Tok::LParen), just(Tok::RParen))
        .map_with(move |inner, e| Type::Con(QName { span: sp(e.span()), ..cx.qname(inner) }));
    let parens = ty
        .clone()
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .delimited_by(just(Tok::LParen), just(Tok::RParen))
        .map_with(|mut tys, e| if tys.len() == 1 { tys.remove(0) } else { Type::Tuple(tys, sp(e.span())) });
    let list = ty
        .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
        .map_with(|t, e| Type::List(Box::new(t), sp(e.span())));
    choice((var, con, special, opcon, parens, list)).labelled("type").boxed()
}

fn btype<'s>(atype: P<'s, Type>) -> P<'s, Type> {
    atype
        .clone()
        .foldl(atype.repeated(), |f, x| {
            let span = f.span().to(x.span());
            Type::App(Box::new(f), Box::new(x), span)
        })
        .boxed()
}

fn fold_arrows(first: Type, rest: Vec<Type>) -> Type {
    let mut all = rest;
    all.insert(0, first);
    let mut acc = match all.pop() {
        Some(t) => t,
        None => return Type::Tuple(Vec::new(), Span::default()),
    };
    while let Some(arg) = all.pop() {
        let span = arg.span().to(acc.span());
        acc = Type::Fun(Box::new(arg), Box::new(acc), span);
    }
    acc
}

fn fun_type<'s>(btype: P<'s, Type>) -> P<'s, Type> {
    btype
        .clone()
        .then(just(Tok::RArrow).ignore_then(btype).repeated().collect::<Vec<_>>())
        .map(|(first, rest)| fold_arrows(first, rest))
        .boxed()
}

/// `btype => type` or a plain type. The context is parsed as a `btype` first.
fn qualtype<'s>(btype: P<'s, Type>, ty: P<'s, Type>) -> P<'s, QualType> {
    let with_context = just(Tok::DArrow).ignore_then(ty).map(Ok);
    let arrows = just(Tok::RArrow).ignore_then(btype.clone()).repeated().collect::<Vec<_>>().map(Err);
    checked(
        btype.then(with_context.or(arrows)),
        |(head, tail), span| {
            let span = sp(span);
            match tail {
                Ok(ty) => Ok(QualType { context: context(head)?, ty, span }),
                Err(rest) => Ok(QualType { context: Vec::new(), ty: fold_arrows(head, rest), span }),
            }
        },
        |span| QualType { context: Vec::new(), ty: Type::Tuple(Vec::new(), sp(span)), span: sp(span) },
    )
}

/// Converts the type written before `=>` into constraints: `C t`, `(C1 t1, C2 t2)`, `()`.
pub fn context<'a>(t: Type) -> Result<Vec<Constraint>, Rich<'a, Tok, SimpleSpan>> {
    match t {
        Type::Tuple(parts, _) => parts.into_iter().map(constraint).collect(),
        Type::Con(q) if q.name == "()" => Ok(Vec::new()),
        t => Ok(vec![constraint(t)?]),
    }
}

fn constraint<'a>(t: Type) -> Result<Constraint, Rich<'a, Tok, SimpleSpan>> {
    let span = t.span();
    match t {
        Type::App(f, arg, _) => match *f {
            Type::Con(class) => Ok(Constraint { class, ty: *arg, span }),
            _ => Err(bad_constraint(span)),
        },
        _ => Err(bad_constraint(span)),
    }
}

fn bad_constraint<'a>(span: Span) -> Rich<'a, Tok, SimpleSpan> {
    Rich::custom(
        SimpleSpan::from(span.start as usize..span.end as usize),
        "malformed context: expected a class applied to one type, like `Eq a`",
    )
}

/// `T a b` on the left of a `data`, `newtype`, `type` or `class` declaration.
pub fn simple_head<'a>(t: Type) -> Result<(Ident, Vec<Ident>), Rich<'a, Tok, SimpleSpan>> {
    let span = t.span();
    let mut params = Vec::new();
    let mut head = t;
    loop {
        match head {
            Type::App(f, arg, _) => {
                match *arg {
                    Type::Var(v) => params.push(v),
                    other => return Err(bad_head(other.span())),
                }
                head = *f;
            }
            Type::Con(q) if q.qualifier.is_none() && !q.name.starts_with(['(', '[']) => {
                params.reverse();
                return Ok((Ident { name: q.name, span: q.span }, params));
            }
            _ => return Err(bad_head(span)),
        }
    }
}

fn bad_head<'a>(span: Span) -> Rich<'a, Tok, SimpleSpan> {
    Rich::custom(
        SimpleSpan::from(span.start as usize..span.end as usize),
        "malformed declaration head: expected a type constructor applied to type variables, like `T a b`",
    )
}
