//! The module header with its export list, and import declarations (Report §5).

use chumsky::prelude::*;

use super::common::{con, modid, qconid, qvar, sp, var, word, Cx, P};
use crate::ast::{Export, Ident, Import};
use crate::token::Tok;

/// `module M (exports) where`; the body's opening brace comes after it.
pub fn header<'s>(cx: Cx<'s>) -> P<'s, (Ident, Option<Vec<Export>>)> {
    just(Tok::Module)
        .ignore_then(modid(cx))
        .then(item_list(export(cx)).or_not())
        .then_ignore(just(Tok::Where))
        .boxed()
}

fn item_list<'s>(item: P<'s, Export>) -> P<'s, Vec<Export>> {
    item.separated_by(just(Tok::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(just(Tok::LParen), just(Tok::RParen))
        .boxed()
}

/// An entity in an export or import list (without `module M`).
fn entity<'s>(cx: Cx<'s>) -> P<'s, Export> {
    let member = var(cx).or(con(cx));
    let members = choice((
        just(Tok::DotDot).to(None),
        member.separated_by(just(Tok::Comma)).collect::<Vec<_>>().map(Some),
    ))
    .delimited_by(just(Tok::LParen), just(Tok::RParen));
    let ty = qconid(cx).then(members.or_not()).map(|(name, members)| match members {
        None => Export::Name(name),
        Some(None) => Export::AllOf(name),
        Some(Some(items)) => Export::Some(name, items),
    });
    qvar(cx).map(Export::Name).or(ty).labelled("import or export item").boxed()
}

fn export<'s>(cx: Cx<'s>) -> P<'s, Export> {
    just(Tok::Module).ignore_then(modid(cx)).map(Export::Module).or(entity(cx)).boxed()
}

pub fn import<'s>(cx: Cx<'s>) -> P<'s, Import> {
    just(Tok::Import)
        .ignore_then(word(cx, "qualified", "`qualified`").or_not().map(|q| q.is_some()))
        .then(modid(cx))
        .then(word(cx, "as", "`as`").ignore_then(modid(cx)).or_not())
        .then(word(cx, "hiding", "`hiding`").or_not().map(|h| h.is_some()).then(item_list(entity(cx))).or_not())
        .map_with(|(((qualified, module), alias), items), e| Import { module, qualified, alias, items, span: sp(e.span()) })
        .boxed()
}
