//! Top-level declarations that only occur at the top of a module (Report §4.1–4.3):
//! `data`, `newtype`, `type`, `class`, `instance`, `default`. Heads are parsed as types
//! and checked afterwards, which keeps the grammar free of backtracking.

use chumsky::prelude::*;

use super::common::{checked, con, conop, qconid, sp, var, Cx, P};
use super::decls::Decls;
use super::types::{context, simple_head, Types};
use crate::ast::{ClassDecl, ConDecl, ConFields, Constraint, DataDecl, Decl, Ident, InstanceDecl, Type};
use crate::token::Tok;

type Field = (bool, Type);

pub fn top_decl<'s>(cx: Cx<'s>, types: &Types<'s>, decls: &Decls<'s>) -> P<'s, Decl> {
    choice((data(cx, types), type_synonym(types), class(types, decls), instance(types, decls), default(types), decls.decl.clone()))
        .labelled("declaration")
        .boxed()
}

fn bang<'s>(cx: Cx<'s>) -> P<'s, ()> {
    chumsky::primitive::select(move |t: Tok, e| {
        (t == Tok::Bang || (t == Tok::VarSym && cx.text(e.span()) == "!")).then_some(())
    })
    .labelled("`!`")
    .boxed()
}

/// `btype` or `context => btype`.
fn head_with_context<'s>(types: &Types<'s>) -> P<'s, (Vec<Constraint>, Type)> {
    checked(
        types.btype.clone().then(just(Tok::DArrow).ignore_then(types.btype.clone()).or_not()),
        |(first, second), _| match second {
            Some(head) => Ok((context(first)?, head)),
            None => Ok((Vec::new(), first)),
        },
        |span| (Vec::new(), Type::Tuple(Vec::new(), sp(span))),
    )
}

/// Stands in for a declaration that failed a check (the error is reported).
fn bad_decl(span: SimpleSpan) -> Decl {
    Decl::Default { types: Vec::new(), span: sp(span) }
}

fn apply_all(mut items: Vec<Field>) -> Result<Field, &'static str> {
    if items.len() == 1 {
        return items.pop().ok_or("missing type");
    }
    if items.iter().any(|(strict, _)| *strict) {
        return Err("a strictness mark `!` applies to a whole field, like `!Int` or `!(Maybe a)`");
    }
    let mut iter = items.into_iter().map(|(_, t)| t);
    let first = iter.next().ok_or("missing type")?;
    Ok((
        false,
        iter.fold(first, |f, x| {
            let span = f.span().to(x.span());
            Type::App(Box::new(f), Box::new(x), span)
        }),
    ))
}

fn constructor<'s>(cx: Cx<'s>, types: &Types<'s>) -> P<'s, ConDecl> {
    let field = bang(cx).or_not().map(|b| b.is_some()).then(types.atype.clone());
    let items = field.repeated().at_least(1).collect::<Vec<Field>>().boxed();
    let positional = checked(
        items.clone().then(conop(cx).then(items).or_not()),
        |(left, infix), span| {
            let err = |m: &str| Rich::custom(span, m.to_string());
            match infix {
                Some((name, right)) => {
                    let l = apply_all(left).map_err(err)?;
                    let r = apply_all(right).map_err(err)?;
                    Ok(ConDecl { exists: Vec::new(), context: Vec::new(), name, fields: ConFields::Positional { fields: vec![l, r], infix: true }, span: sp(span) })
                }
                None => {
                    let mut iter = left.into_iter();
                    let name = match iter.next() {
                        Some((false, Type::Con(q))) if q.qualifier.is_none() && !q.name.starts_with(['(', '[']) => {
                            crate::ast::Ident { name: q.name, span: q.span }
                        }
                        _ => return Err(err("expected a data constructor, like `Leaf` or `Node a (Tree a)`")),
                    };
                    Ok(ConDecl { exists: Vec::new(), context: Vec::new(), name, fields: ConFields::Positional { fields: iter.collect(), infix: false }, span: sp(span) })
                }
            }
        },
        |span| ConDecl {
            exists: Vec::new(),
            context: Vec::new(),
            name: crate::ast::Ident { name: String::new(), span: sp(span) },
            fields: ConFields::Positional { fields: Vec::new(), infix: false },
            span: sp(span),
        },
    );
    let field_group = var(cx)
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .then_ignore(just(Tok::DColon))
        .then(bang(cx).or_not().map(|b| b.is_some()))
        .then(types.ty.clone())
        .map(|((names, strict), ty)| (names, strict, ty));
    let record = con(cx)
        .then(
            field_group
                .separated_by(just(Tok::Comma))
                .collect::<Vec<_>>()
                .delimited_by(just(Tok::LBrace), just(Tok::RBrace)),
        )
        .map_with(|(name, groups), e| ConDecl { exists: Vec::new(), context: Vec::new(), name, fields: ConFields::Record(groups), span: sp(e.span()) });
    existential(cx, types)
        .then(record.or(positional))
        .map_with(|((exists, context), c), e| ConDecl { exists, context, span: sp(e.span()), ..c })
        .labelled("data constructor")
        .boxed()
}

/// `forall a b .` and `Ctx =>` before an existentially quantified constructor.
fn existential<'s>(cx: Cx<'s>, types: &Types<'s>) -> P<'s, (Vec<Ident>, Vec<Constraint>)> {
    let keyword = move |word: &'static str, tok: Tok| {
        chumsky::primitive::select(move |t: Tok, e| (t == tok && cx.text(e.span()) == word).then_some(()))
    };
    let binder = select! { Tok::VarId = e => e.span() }.map(move |s| cx.ident(s));
    let forall = keyword("forall", Tok::VarId)
        .ignore_then(binder.repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(keyword(".", Tok::VarSym).labelled("`.`"));
    let ctx = checked(
        types.btype.clone().then_ignore(just(Tok::DArrow)),
        |t, _| context(t),
        |_| Vec::new(),
    );
    forall.or_not().map(Option::unwrap_or_default).then(ctx.or_not().map(Option::unwrap_or_default)).boxed()
}

fn data<'s>(cx: Cx<'s>, types: &Types<'s>) -> P<'s, Decl> {
    let keyword = just(Tok::Data).to(false).or(just(Tok::Newtype).to(true));
    let deriving = just(Tok::Deriving).ignore_then(
        qconid(cx).map(|c| vec![c]).or(qconid(cx)
            .separated_by(just(Tok::Comma))
            .collect::<Vec<_>>()
            .delimited_by(just(Tok::LParen), just(Tok::RParen))),
    );
    let parsed = keyword
        .then(head_with_context(types))
        .then(
            just(Tok::Equals)
                .ignore_then(constructor(cx, types).separated_by(just(Tok::Bar)).at_least(1).collect::<Vec<_>>())
                .or_not(),
        )
        .then(deriving.or_not());
    checked(
        parsed,
        |(((newtype, (context, head)), cons), deriving), span| {
            let (name, params) = simple_head(head)?;
            let cons = cons.unwrap_or_default();
            if newtype && cons.len() != 1 {
                return Err(Rich::custom(span, "a newtype must have exactly one constructor"));
            }
            Ok(Decl::Data(DataDecl { newtype, context, name, params, cons, deriving: deriving.unwrap_or_default(), span: sp(span) }))
        },
        bad_decl,
    )
}

fn type_synonym<'s>(types: &Types<'s>) -> P<'s, Decl> {
    checked(
        just(Tok::Type).ignore_then(types.btype.clone()).then_ignore(just(Tok::Equals)).then(types.ty.clone()),
        |(head, ty), span| {
            let (name, params) = simple_head(head)?;
            Ok(Decl::TypeSyn { name, params, ty, span: sp(span) })
        },
        bad_decl,
    )
}

fn class<'s>(types: &Types<'s>, decls: &Decls<'s>) -> P<'s, Decl> {
    checked(
        just(Tok::Class)
            .ignore_then(head_with_context(types))
            .then(just(Tok::Where).ignore_then(decls.block.clone()).or_not()),
        |((context, head), body), span| {
            let (name, mut params) = simple_head(head)?;
            if params.len() != 1 {
                return Err(Rich::custom(span, "a class declaration must have exactly one type variable, like `class Eq a`"));
            }
            let param = params.remove(0);
            Ok(Decl::Class(ClassDecl { context, name, param, decls: body.unwrap_or_default(), span: sp(span) }))
        },
        bad_decl,
    )
}

fn instance<'s>(types: &Types<'s>, decls: &Decls<'s>) -> P<'s, Decl> {
    checked(
        just(Tok::Instance)
            .ignore_then(head_with_context(types))
            .then(just(Tok::Where).ignore_then(decls.block.clone()).or_not()),
        |((context, head), body), span| {
            let (class, ty) = match head {
                Type::App(f, ty, _) => match *f {
                    Type::Con(class) => (class, *ty),
                    _ => return Err(Rich::custom(span, "an instance head must be a class applied to one type, like `Show (Tree a)`")),
                },
                _ => return Err(Rich::custom(span, "an instance head must be a class applied to one type, like `Show (Tree a)`")),
            };
            let decls = body.unwrap_or_default();
            if let Some(bad) = decls.iter().find(|d| !matches!(d, Decl::FunClause(_) | Decl::PatBind { .. })) {
                let what = match bad {
                    Decl::TypeSig { .. } => "type signatures",
                    Decl::Fixity { .. } => "fixity declarations",
                    _ => "these declarations",
                };
                return Err(Rich::custom(span, format!("{what} are not allowed in an instance declaration")));
            }
            Ok(Decl::Instance(InstanceDecl { context, class, ty, decls, span: sp(span) }))
        },
        bad_decl,
    )
}

fn default<'s>(types: &Types<'s>) -> P<'s, Decl> {
    just(Tok::Default)
        .ignore_then(
            types
                .ty
                .clone()
                .separated_by(just(Tok::Comma))
                .collect::<Vec<_>>()
                .delimited_by(just(Tok::LParen), just(Tok::RParen)),
        )
        .map_with(|types, e| Decl::Default { types, span: sp(e.span()) })
        .boxed()
}
