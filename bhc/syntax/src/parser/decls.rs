//! Value declarations (Report §4.4): type signatures, fixity declarations, function
//! clauses and pattern bindings, with their right-hand sides, guards and `where` blocks.
//! The left-hand side is tried as a function head first (`f p1 p2`, `x <+> y`,
//! `(f . g) x`) and then as a pattern, each only if `=` or `|` follows.

use chumsky::prelude::*;

use super::common::{block, checked, conop, literal, sp, var, varop, Cx, P};
use super::exprs::stmt;
use super::patterns::Pats;
use super::types::Types;
use crate::ast::{Assoc, Decl, Expr, FunClause, GuardedRhs, Ident, Literal, Pat, Rhs, RhsBody, Stmt};
use crate::token::Tok;

#[derive(Clone)]
pub struct Decls<'s> {
    pub decl: P<'s, Decl>,
    /// `{ decl ; ... }`, as after `let` and `where`.
    pub block: P<'s, Vec<Decl>>,
}

pub fn value_decls<'s>(cx: Cx<'s>, exp: P<'s, Expr>, types: &Types<'s>, pats: &Pats<'s>) -> Decls<'s> {
    let block_p = recursive(|blk| block(decl(cx, exp.clone(), types, pats, blk.boxed()))).boxed();
    let decl = decl(cx, exp, types, pats, block_p.clone());
    Decls { decl, block: block_p }
}

/// `= e` or guarded alternatives `| g = e ...`, then an optional `where` block; `eq` is
/// `=` for bindings and `->` for case alternatives.
pub fn rhs<'s>(eq: Tok, exp: P<'s, Expr>, stmt: P<'s, Stmt>, decl_block: P<'s, Vec<Decl>>) -> P<'s, Rhs> {
    let plain = just(eq).ignore_then(exp.clone()).map(RhsBody::Plain);
    let guard = just(Tok::Bar)
        .ignore_then(stmt.separated_by(just(Tok::Comma)).at_least(1).collect::<Vec<_>>())
        .then_ignore(just(eq))
        .then(exp)
        .map_with(|(guards, body), e| GuardedRhs { guards, body, span: sp(e.span()) });
    let guarded = guard.repeated().at_least(1).collect::<Vec<_>>().map(RhsBody::Guarded);
    plain
        .or(guarded)
        .then(just(Tok::Where).ignore_then(decl_block).or_not())
        .map_with(|(body, wheres), e| Rhs { body, wheres: wheres.unwrap_or_default(), span: sp(e.span()) })
        .boxed()
}

#[derive(Clone)]
enum Lhs {
    Fun(Ident, Vec<Pat>),
    Pat(Pat),
}

fn lhs<'s>(cx: Cx<'s>, pats: &Pats<'s>) -> P<'s, Lhs> {
    let pat = pats.pat.clone();
    let apat = pats.apat.clone();
    let funlhs = recursive(|funlhs| {
        let prefix = var(cx).then(apat.clone().repeated().at_least(1).collect::<Vec<_>>());
        let infix = pat
            .clone()
            .then(varop(cx))
            .then(pat.clone())
            .map(|((l, op), r)| (op, vec![l, r]));
        let nested = funlhs
            .delimited_by(just(Tok::LParen), just(Tok::RParen))
            .then(apat.clone().repeated().at_least(1).collect::<Vec<_>>())
            .map(|((name, mut args), more): ((Ident, Vec<Pat>), Vec<Pat>)| {
                args.extend(more);
                (name, args)
            });
        choice((prefix, infix, nested))
    });
    let rhs_start = just(Tok::Equals).or(just(Tok::Bar)).rewind();
    choice((
        funlhs.then_ignore(rhs_start).map(|(name, args)| Lhs::Fun(name, args)),
        pat.then_ignore(rhs_start).map(Lhs::Pat),
    ))
    .boxed()
}

fn decl<'s>(cx: Cx<'s>, exp: P<'s, Expr>, types: &Types<'s>, pats: &Pats<'s>, decl_block: P<'s, Vec<Decl>>) -> P<'s, Decl> {
    let sig = var(cx)
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .then_ignore(just(Tok::DColon))
        .then(types.qualtype.clone())
        .map_with(|(names, ty), e| Decl::TypeSig { names, ty, span: sp(e.span()) });

    let assoc = choice((
        just(Tok::Infixl).to(Assoc::Left),
        just(Tok::Infixr).to(Assoc::Right),
        just(Tok::Infix).to(Assoc::None),
    ));
    let prec = checked(
        literal(cx),
        |(lit, _), span| match lit {
            Literal::Int(n) if (0..=9).contains(&n) => Ok(n as u8),
            _ => Err(Rich::custom(span, "a fixity precedence must be a digit from 0 to 9")),
        },
        |_| 9,
    );
    let fixity = assoc
        .then(prec.or_not())
        .then(varop(cx).or(conop(cx)).separated_by(just(Tok::Comma)).at_least(1).collect::<Vec<_>>())
        .map_with(|((assoc, prec), ops), e| Decl::Fixity { assoc, prec: prec.unwrap_or(9), ops, span: sp(e.span()) });

    let stmt = stmt(exp.clone(), pats.pat.clone(), decl_block.clone());
    let binding = lhs(cx, pats).then(rhs(Tok::Equals, exp, stmt, decl_block)).map_with(|(lhs, rhs), e| {
        let span = sp(e.span());
        match lhs {
            Lhs::Fun(name, args) => Decl::FunClause(FunClause { name, args, rhs, span }),
            Lhs::Pat(pat) => Decl::PatBind { pat, rhs, span },
        }
    });

    choice((sig, fixity, binding)).labelled("declaration").boxed()
}
