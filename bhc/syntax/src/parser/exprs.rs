//! Expressions and statements (Report §3). Infix expressions are parsed as flat chains
//! (`Expr::OpChain`) for the renamer to resolve; application is folded left. Nothing
//! here recurses except through brackets and the keyword forms, so operator and
//! application chains never deepen the Rust stack.

use chumsky::prelude::*;

use super::common::{block, checked, literal, qcon, qop, qop_no_minus, qvar, sp, special_con, Cx, P};
use super::decls::{rhs, value_decls, Decls};
use super::patterns::Pats;
use super::types::Types;
use crate::ast::{Alt, Decl, Expr, OpElem, Pat, QName, Span, Stmt};
use crate::token::Tok;

#[derive(Clone)]
pub struct Exprs<'s> {
    pub stmt: P<'s, Stmt>,
    pub decls: Decls<'s>,
}

pub fn expressions<'s>(cx: Cx<'s>, types: &Types<'s>, pats: &Pats<'s>) -> Exprs<'s> {
    let exp = recursive(|exp| {
        let exp = exp.boxed();
        let decls = value_decls(cx, exp.clone(), types, pats);
        expression(cx, exp, types, pats, &decls)
    })
    .labelled("expression")
    .boxed();
    let decls = value_decls(cx, exp.clone(), types, pats);
    let stmt = stmt(exp.clone(), pats.pat.clone(), decls.block.clone());
    Exprs { stmt, decls }
}

/// `let decls` (without `in`), `p <- e`, or `e`.
pub fn stmt<'s>(exp: P<'s, Expr>, pat: P<'s, Pat>, decl_block: P<'s, Vec<Decl>>) -> P<'s, Stmt> {
    let let_stmt = just(Tok::Let)
        .ignore_then(decl_block)
        .then(just(Tok::In).ignore_then(exp.clone()).or_not())
        .map_with(|(decls, body), e| {
            let span = sp(e.span());
            match body {
                None => Stmt::Let(decls, span),
                Some(body) => Stmt::Expr(Expr::Let(decls, Box::new(body), span), span),
            }
        });
    let bind = pat
        .then_ignore(just(Tok::LArrow))
        .then(exp.clone())
        .map_with(|(p, e), x| Stmt::Bind(p, e, sp(x.span())));
    let expr = exp.map_with(|e, x| Stmt::Expr(e, sp(x.span())));
    choice((let_stmt, bind, expr)).labelled("statement").boxed()
}

enum ParenTail {
    LeftSection(QName),
    Rest(Option<crate::ast::QualType>, Vec<Expr>),
}

#[derive(Clone)]
enum BracketTail {
    From(Option<Expr>, Option<Expr>),
    List(Vec<Expr>),
    Comp(Vec<Stmt>),
}

fn expression<'s>(cx: Cx<'s>, exp: P<'s, Expr>, types: &Types<'s>, pats: &Pats<'s>, decls: &Decls<'s>) -> P<'s, Expr> {
    let stmt = stmt(exp.clone(), pats.pat.clone(), decls.block.clone());

    let right_section = qop_no_minus(cx).then(exp.clone()).map(|(op, e)| (op, e));
    let paren_tail = choice((
        qop(cx).map(ParenTail::LeftSection),
        just(Tok::DColon)
            .ignore_then(types.qualtype.clone())
            .or_not()
            .then(just(Tok::Comma).ignore_then(exp.clone()).repeated().collect::<Vec<_>>())
            .map(|(ty, rest)| ParenTail::Rest(ty, rest)),
    ));
    let paren = just(Tok::LParen)
        .ignore_then(
            right_section
                .map(Ok)
                .or(exp.clone().then(paren_tail).map(Err)),
        )
        .then_ignore(just(Tok::RParen))
        .map_with(|inner, e| {
            let span = sp(e.span());
            match inner {
                Ok((op, rhs)) => Expr::RightSection(op, Box::new(rhs), span),
                Err((lhs, ParenTail::LeftSection(op))) => Expr::LeftSection(Box::new(lhs), op, span),
                Err((first, ParenTail::Rest(ty, rest))) => {
                    let first = match ty {
                        Some(t) => {
                            let s = first.span().to(t.span);
                            Expr::Typed(Box::new(first), t, s)
                        }
                        None => first,
                    };
                    if rest.is_empty() {
                        Expr::Paren(Box::new(first), span)
                    } else {
                        let mut all = vec![first];
                        all.extend(rest);
                        Expr::Tuple(all, span)
                    }
                }
            }
        });

    let enum_to = just(Tok::DotDot).ignore_then(exp.clone().or_not());
    let after_second = choice((
        enum_to.clone().map(Err),
        just(Tok::Comma).ignore_then(exp.clone()).repeated().collect::<Vec<_>>().map(Ok),
    ));
    let bracket_tail = choice((
        enum_to.map(|to| BracketTail::From(None, to)),
        just(Tok::Comma).ignore_then(exp.clone()).then(after_second).map(|(second, rest)| match rest {
            Err(to) => BracketTail::From(Some(second), to),
            Ok(more) => {
                let mut all = vec![second];
                all.extend(more);
                BracketTail::List(all)
            }
        }),
        just(Tok::Bar)
            .ignore_then(stmt.clone().separated_by(just(Tok::Comma)).at_least(1).collect::<Vec<_>>())
            .map(BracketTail::Comp),
        empty().to(BracketTail::List(Vec::new())),
    ));
    let bracket = exp
        .clone()
        .then(bracket_tail)
        .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
        .map_with(|(first, tail), e| {
            let span = sp(e.span());
            match tail {
                BracketTail::From(then, to) => Expr::EnumFrom {
                    from: Box::new(first),
                    then: then.map(Box::new),
                    to: to.map(Box::new),
                    span,
                },
                BracketTail::List(rest) => {
                    let mut all = vec![first];
                    all.extend(rest);
                    Expr::List(all, span)
                }
                BracketTail::Comp(quals) => Expr::ListComp(Box::new(first), quals, span),
            }
        });

    let aexp0 = choice((
        qvar(cx).map(Expr::Var),
        special_con(false).map(Expr::Con),
        qcon(cx).map(Expr::Con),
        literal(cx).map(|(l, s)| Expr::Lit(l, s)),
        paren,
        bracket,
    ))
    .labelled("expression")
    .boxed();

    let fbind = qvar(cx).then_ignore(just(Tok::Equals)).then(exp.clone());
    let fbinds = fbind
        .separated_by(just(Tok::Comma))
        .collect::<Vec<_>>()
        .delimited_by(just(Tok::LBrace), just(Tok::RBrace))
        .map_with(|fields, e| (fields, sp(e.span())));
    let aexp = aexp0
        .foldl(fbinds.repeated(), |e, (fields, s)| {
            let span = e.span().to(s);
            match e {
                Expr::Con(c) => Expr::RecordCon(c, fields, span),
                other => Expr::RecordUpdate(Box::new(other), fields, span),
            }
        })
        .boxed();
    let fexp = aexp
        .clone()
        .foldl(aexp.repeated(), |f, x| {
            let span = f.span().to(x.span());
            Expr::App(Box::new(f), Box::new(x), span)
        })
        .boxed();

    let lambda = just(Tok::Backslash)
        .ignore_then(pats.apat.clone().repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(just(Tok::RArrow))
        .then(exp.clone())
        .map_with(|(ps, body), e| Expr::Lambda(ps, Box::new(body), sp(e.span())));
    let let_expr = just(Tok::Let)
        .ignore_then(decls.block.clone())
        .then_ignore(just(Tok::In))
        .then(exp.clone())
        .map_with(|(ds, body), e| Expr::Let(ds, Box::new(body), sp(e.span())));
    let if_expr = just(Tok::If)
        .ignore_then(exp.clone())
        .then_ignore(just(Tok::Semi).or_not())
        .then_ignore(just(Tok::Then))
        .then(exp.clone())
        .then_ignore(just(Tok::Semi).or_not())
        .then_ignore(just(Tok::Else))
        .then(exp.clone())
        .map_with(|((c, t), f), e| Expr::If(Box::new(c), Box::new(t), Box::new(f), sp(e.span())));
    let alt = pats
        .pat
        .clone()
        .then(rhs(Tok::RArrow, exp.clone(), stmt.clone(), decls.block.clone()))
        .map_with(|(pat, rhs), e| Alt { pat, rhs, span: sp(e.span()) })
        .boxed();
    let case_expr = just(Tok::Case)
        .ignore_then(exp.clone())
        .then_ignore(just(Tok::Of))
        .then(block(alt))
        .map_with(|(scrut, alts), e| Expr::Case(Box::new(scrut), alts, sp(e.span())));
    let do_expr = checked(
        just(Tok::Do).ignore_then(block(stmt)),
        |stmts, span| {
            if stmts.is_empty() {
                Err(Rich::custom(span, "empty `do` block"))
            } else {
                Ok(Expr::Do(stmts, sp(span)))
            }
        },
        |span| Expr::Do(Vec::new(), sp(span)),
    );
    let lexp = choice((lambda, let_expr, if_expr, case_expr, do_expr, fexp)).boxed();

    let negation = just(Tok::Minus).map_with(|_, e| sp(e.span())).or_not();
    let operand = negation.then(lexp).labelled("expression").boxed();
    let infixexp = operand
        .clone()
        .then(qop(cx).then(operand).repeated().collect::<Vec<_>>())
        .map(|((neg, first), rest)| op_chain(neg, first, rest));

    infixexp
        .then(just(Tok::DColon).ignore_then(types.qualtype.clone()).or_not())
        .map(|(e, ty)| match ty {
            Some(t) => {
                let span = e.span().to(t.span);
                Expr::Typed(Box::new(e), t, span)
            }
            None => e,
        })
        .boxed()
}

fn op_chain(neg: Option<Span>, first: Expr, rest: Vec<(QName, (Option<Span>, Expr))>) -> Expr {
    if neg.is_none() && rest.is_empty() {
        return first;
    }
    let start = neg.unwrap_or_else(|| first.span());
    let mut end = first.span();
    let mut elems = Vec::with_capacity(rest.len() * 2 + 2);
    if let Some(n) = neg {
        elems.push(OpElem::Negate(n));
    }
    elems.push(OpElem::Operand(first));
    for (op, (neg, e)) in rest {
        elems.push(OpElem::Op(op));
        if let Some(n) = neg {
            elems.push(OpElem::Negate(n));
        }
        end = e.span();
        elems.push(OpElem::Operand(e));
    }
    Expr::OpChain(elems, start.to(end))
}
