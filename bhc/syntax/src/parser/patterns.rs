//! Patterns (Report §3.17). Infix constructor chains stay unresolved (`Pat::OpChain`);
//! negative numeric literals are folded into `Pat::Lit`.

use chumsky::prelude::*;

use super::common::{checked, literal, qcon, qconop, qvar, sp, special_con, var, Cx, P};
use crate::ast::{Literal, Pat, PatElem, QName, Span};
use crate::token::Tok;

#[derive(Clone)]
pub struct Pats<'s> {
    pub pat: P<'s, Pat>,
    pub apat: P<'s, Pat>,
}

pub fn patterns<'s>(cx: Cx<'s>) -> Pats<'s> {
    let pat = recursive(|pat| op_pattern(cx, apattern(cx, pat.boxed()))).labelled("pattern").boxed();
    let apat = apattern(cx, pat.clone());
    Pats { pat, apat }
}

fn negate(lit: Literal) -> Option<Literal> {
    Some(match lit {
        Literal::Int(n) => Literal::Int(-n),
        Literal::BigInt(s) => Literal::BigInt(format!("-{s}")),
        Literal::Frac(s) => Literal::Frac(format!("-{s}")),
        Literal::PrimInt(n) => Literal::PrimInt(n.wrapping_neg()),
        Literal::PrimDouble(d) => Literal::PrimDouble(-d),
        _ => return None,
    })
}

fn apattern<'s>(cx: Cx<'s>, pat: P<'s, Pat>) -> P<'s, Pat> {
    recursive(move |apat| {
        let apat = apat.boxed();
        let var_or_as = var(cx)
            .then(just(Tok::At).ignore_then(apat.clone()).or_not())
            .map_with(|(v, p), e| match p {
                Some(p) => Pat::As(v, Box::new(p), sp(e.span())),
                None => Pat::Var(v),
            });
        let wildcard = just(Tok::Underscore).map_with(|_, e| Pat::Wildcard(sp(e.span())));
        let field = qvar(cx).then_ignore(just(Tok::Equals)).then(pat.clone());
        let record = qcon(cx)
            .then(
                field
                    .separated_by(just(Tok::Comma))
                    .collect::<Vec<_>>()
                    .delimited_by(just(Tok::LBrace), just(Tok::RBrace)),
            )
            .map_with(|(c, fields), e| Pat::Record(c, fields, sp(e.span())));
        let con = qcon(cx).or(special_con(false)).map_with(|c, e| Pat::Con(c, Vec::new(), sp(e.span())));
        let lit = literal(cx).map(|(l, s)| Pat::Lit(l, s));
        let lazy = just(Tok::Tilde).ignore_then(apat.clone()).map_with(|p, e| Pat::Lazy(Box::new(p), sp(e.span())));
        let bang = just(Tok::Bang).ignore_then(apat).map_with(|p, e| Pat::Bang(Box::new(p), sp(e.span())));
        let parens = pat
            .clone()
            .separated_by(just(Tok::Comma))
            .at_least(1)
            .collect::<Vec<_>>()
            .delimited_by(just(Tok::LParen), just(Tok::RParen))
            .map_with(|mut ps, e| {
                if ps.len() == 1 {
                    Pat::Paren(Box::new(ps.remove(0)), sp(e.span()))
                } else {
                    Pat::Tuple(ps, sp(e.span()))
                }
            });
        let list = pat
            .separated_by(just(Tok::Comma))
            .at_least(1)
            .collect::<Vec<_>>()
            .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
            .map_with(|ps, e| Pat::List(ps, sp(e.span())));
        choice((var_or_as, wildcard, record, con, lit, lazy, bang, parens, list)).labelled("pattern")
    })
    .boxed()
}

/// `lpat (conop lpat)*`, where `lpat` is an applied constructor, a negative literal or an
/// atomic pattern.
fn op_pattern<'s>(cx: Cx<'s>, apat: P<'s, Pat>) -> P<'s, Pat> {
    let neg_lit = checked(
        just(Tok::Minus).ignore_then(literal(cx)),
        |(l, _), span| match negate(l) {
            Some(l) => Ok(Pat::Lit(l, sp(span))),
            None => Err(Rich::custom(span, "only a numeric literal can be negated in a pattern")),
        },
        |span| Pat::Wildcard(sp(span)),
    );
    let applied = qcon(cx)
        .or(special_con(false))
        .then(apat.clone().repeated().at_least(1).collect::<Vec<_>>())
        .map_with(|(c, args), e| Pat::Con(c, args, sp(e.span())));
    let lpat = choice((neg_lit, applied, apat)).boxed();
    lpat.clone()
        .then(qconop(cx).then(lpat).repeated().collect::<Vec<(QName, Pat)>>())
        .map(|(first, rest)| {
            if rest.is_empty() {
                return first;
            }
            let start = first.span();
            let mut end: Span = start;
            let mut elems = vec![PatElem::Operand(first)];
            for (op, p) in rest {
                end = p.span();
                elems.push(PatElem::Op(op));
                elems.push(PatElem::Operand(p));
            }
            Pat::OpChain(elems, start.to(end))
        })
        .boxed()
}
