//! What every part of the grammar shares: the parser input and error types, access to
//! the source text behind a token, and the parsers for names, operators, literals and
//! layout blocks. Nothing here knows about expressions, patterns or declarations.

use chumsky::input::MappedInput;
use chumsky::prelude::*;

use crate::ast::{Ident, Literal, QName, Span};
use crate::token::Tok;

pub type TokSpan = (Tok, SimpleSpan);
pub type In<'s> = MappedInput<Tok, SimpleSpan, &'s [TokSpan], fn(&'s TokSpan) -> (&'s Tok, &'s SimpleSpan)>;
pub type Extra<'s> = extra::Err<Rich<'s, Tok, SimpleSpan>>;
/// Every named parser is boxed: it keeps the combinator types (and compile times) small.
pub type P<'s, O> = Boxed<'s, 's, In<'s>, O, Extra<'s>>;

fn split(t: &TokSpan) -> (&Tok, &SimpleSpan) {
    (&t.0, &t.1)
}

/// The parser input over a slice of laid-out tokens; `eoi` is where end of input is shown.
pub fn input<'s>(toks: &'s [TokSpan], eoi: usize) -> In<'s> {
    toks.map(SimpleSpan::from(eoi..eoi), split as fn(&'s TokSpan) -> (&'s Tok, &'s SimpleSpan))
}

pub fn sp(s: SimpleSpan) -> Span {
    Span::new(s.start as u32, s.end as u32)
}

/// The source text and literal values behind the tokens.
#[derive(Clone, Copy)]
pub struct Cx<'s> {
    pub src: &'s str,
    pub lits: &'s [Literal],
}

impl<'s> Cx<'s> {
    pub fn text(self, s: SimpleSpan) -> &'s str {
        self.src.get(s.start..s.end).unwrap_or("")
    }

    pub fn ident(self, s: SimpleSpan) -> Ident {
        Ident { name: self.text(s).to_string(), span: sp(s) }
    }

    /// Splits a (possibly) qualified name: the qualifier is the leading `Conid.` segments.
    pub fn qname(self, s: SimpleSpan) -> QName {
        let text = self.text(s);
        let mut qual_end = None;
        let mut i = 0;
        while text[i..].starts_with(char::is_uppercase) {
            let rest = &text[i..];
            let seg = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\'' || c == '#')).unwrap_or(rest.len());
            let after = i + seg;
            if text[after..].starts_with('.') && after + 1 < text.len() {
                qual_end = Some(after);
                i = after + 1;
            } else {
                break;
            }
        }
        match qual_end {
            Some(k) => QName { qualifier: Some(text[..k].to_string()), name: text[k + 1..].to_string(), span: sp(s) },
            None => QName::unqual(text, sp(s)),
        }
    }

    pub fn lit(self, i: u32) -> Option<Literal> {
        self.lits.get(i as usize).cloned()
    }
}

pub type Error<'s> = Rich<'s, Tok, SimpleSpan>;

/// Checks what `p` parsed with `check`. A failed check is reported without making the
/// parse fail, so that chumsky neither backtracks over it nor relabels it ("expected a
/// declaration"); `fallback` stands in for the bad node, and the caller sees the error.
pub fn checked<'s, A: 's, T: 's>(
    p: impl Parser<'s, In<'s>, A, Extra<'s>> + Clone + 's,
    check: impl Fn(A, SimpleSpan) -> Result<T, Error<'s>> + Clone + 's,
    fallback: impl Fn(SimpleSpan) -> T + Clone + 's,
) -> P<'s, T> {
    p.validate(move |a, e, emitter| {
        let span = e.span();
        match check(a, span) {
            Ok(t) => t,
            Err(err) => {
                emitter.emit(err);
                fallback(span)
            }
        }
    })
    .boxed()
}

pub fn open<'s>() -> P<'s, ()> {
    select! { Tok::LBrace => (), Tok::VLBrace => () }.labelled("`{`").boxed()
}

pub fn close<'s>() -> P<'s, ()> {
    select! { Tok::RBrace => (), Tok::VRBrace => () }.labelled("`}`").boxed()
}

pub fn semi<'s>() -> P<'s, ()> {
    select! { Tok::Semi => (), Tok::VSemi => () }.labelled("`;`").boxed()
}

/// `{ item ; item ; ... }` with explicit or layout braces; empty items are allowed.
pub fn block<'s, O: 's>(item: P<'s, O>) -> P<'s, Vec<O>> {
    item.or_not()
        .separated_by(semi())
        .collect::<Vec<Option<O>>>()
        .delimited_by(open(), close())
        .map(|items| items.into_iter().flatten().collect())
        .boxed()
}

fn sym<'s>(toks: &'static [Tok]) -> P<'s, SimpleSpan> {
    chumsky::primitive::select(move |t: Tok, e| toks.contains(&t).then(|| e.span())).boxed()
}

const VARSYM: &[Tok] = &[Tok::VarSym, Tok::Minus, Tok::Bang];
const QVARSYM: &[Tok] = &[Tok::VarSym, Tok::QVarSym, Tok::Minus, Tok::Bang];
const QVARSYM_NO_MINUS: &[Tok] = &[Tok::VarSym, Tok::QVarSym, Tok::Bang];
const CONSYM: &[Tok] = &[Tok::ConSym];
const QCONSYM: &[Tok] = &[Tok::ConSym, Tok::QConSym];
const VARID: &[Tok] = &[Tok::VarId];
const QVARID: &[Tok] = &[Tok::VarId, Tok::QVarId];
const CONID: &[Tok] = &[Tok::ConId];
const QCONID: &[Tok] = &[Tok::ConId, Tok::QConId];

fn in_parens<'s>(inner: P<'s, SimpleSpan>) -> P<'s, SimpleSpan> {
    inner.delimited_by(just(Tok::LParen), just(Tok::RParen)).boxed()
}

fn in_backquotes<'s>(inner: P<'s, SimpleSpan>) -> P<'s, SimpleSpan> {
    inner.delimited_by(just(Tok::Backquote), just(Tok::Backquote)).boxed()
}

/// A name whose text is at the inner span, written alone or wrapped (the wrapping is
/// part of the resulting span).
fn wrapped_ident<'s>(cx: Cx<'s>, plain: &'static [Tok], wrapped: &'static [Tok], backquotes: bool) -> P<'s, Ident> {
    let bare = sym(plain).map(move |s| cx.ident(s));
    let inner = sym(wrapped);
    let wrap = if backquotes { in_backquotes(inner) } else { in_parens(inner) };
    let wrapped = wrap.map_with(move |inner, e| Ident { name: cx.text(inner).to_string(), span: sp(e.span()) });
    bare.or(wrapped).boxed()
}

fn wrapped_qname<'s>(cx: Cx<'s>, plain: &'static [Tok], wrapped: &'static [Tok], backquotes: bool) -> P<'s, QName> {
    let bare = sym(plain).map(move |s| cx.qname(s));
    let inner = sym(wrapped);
    let wrap = if backquotes { in_backquotes(inner) } else { in_parens(inner) };
    let wrapped = wrap.map_with(move |inner, e| QName { span: sp(e.span()), ..cx.qname(inner) });
    bare.or(wrapped).boxed()
}

/// `x` or `(+)`: a variable being defined.
pub fn var<'s>(cx: Cx<'s>) -> P<'s, Ident> {
    wrapped_ident(cx, VARID, VARSYM, false).labelled("variable").boxed()
}

/// `C` or `(:+)`: a constructor being defined.
pub fn con<'s>(cx: Cx<'s>) -> P<'s, Ident> {
    wrapped_ident(cx, CONID, CONSYM, false)
}

pub fn qvar<'s>(cx: Cx<'s>) -> P<'s, QName> {
    wrapped_qname(cx, QVARID, QVARSYM, false)
}

pub fn qcon<'s>(cx: Cx<'s>) -> P<'s, QName> {
    wrapped_qname(cx, QCONID, QCONSYM, false)
}

pub fn qconid<'s>(cx: Cx<'s>) -> P<'s, QName> {
    sym(QCONID).map(move |s| cx.qname(s)).boxed()
}

/// A module name, `M` or `A.B.C`, as one identifier.
pub fn modid<'s>(cx: Cx<'s>) -> P<'s, Ident> {
    sym(QCONID).map(move |s| cx.ident(s)).labelled("module name").boxed()
}

pub fn varop<'s>(cx: Cx<'s>) -> P<'s, Ident> {
    wrapped_ident(cx, VARSYM, VARID, true)
}

pub fn conop<'s>(cx: Cx<'s>) -> P<'s, Ident> {
    wrapped_ident(cx, CONSYM, CONID, true)
}

pub fn qconop<'s>(cx: Cx<'s>) -> P<'s, QName> {
    wrapped_qname(cx, QCONSYM, QCONID, true)
}

/// Any infix operator occurrence: `+`, `M.+`, `:+`, `` `div` ``, `` `Cons` ``.
pub fn qop<'s>(cx: Cx<'s>) -> P<'s, QName> {
    wrapped_qname(cx, QVARSYM, QVARID, true).or(qconop(cx)).labelled("operator").boxed()
}

/// An infix operator other than `-`, which at the start of a section means negation.
pub fn qop_no_minus<'s>(cx: Cx<'s>) -> P<'s, QName> {
    wrapped_qname(cx, QVARSYM_NO_MINUS, QVARID, true).or(qconop(cx)).boxed()
}

/// The special constructors `()`, `[]`, `(,)`, `(,,)`, ... and `(->)` when `arrow`.
pub fn special_con<'s>(arrow: bool) -> P<'s, QName> {
    let unit = just(Tok::LParen).then(just(Tok::RParen)).to("()".to_string());
    let nil = just(Tok::LBracket).then(just(Tok::RBracket)).to("[]".to_string());
    let tuple = just(Tok::Comma)
        .repeated()
        .at_least(1)
        .count()
        .delimited_by(just(Tok::LParen), just(Tok::RParen))
        .map(|n| format!("({})", ",".repeat(n)));
    let specials = if arrow {
        let fun = just(Tok::RArrow).delimited_by(just(Tok::LParen), just(Tok::RParen)).to("(->)".to_string());
        choice((unit, nil, tuple, fun)).boxed()
    } else {
        choice((unit, nil, tuple)).boxed()
    };
    specials.map_with(|name, e| QName::unqual(name, sp(e.span()))).boxed()
}

pub fn literal<'s>(cx: Cx<'s>) -> P<'s, (Literal, Span)> {
    chumsky::primitive::select(move |t: Tok, e| match t {
        Tok::Lit(i) => cx.lit(i).map(|l| (l, sp(e.span()))),
        _ => None,
    })
    .labelled("literal")
    .boxed()
}

/// A contextual keyword of import declarations: `qualified`, `as`, `hiding`.
/// `quoted` is the word in backquotes, as diagnostics show it.
pub fn word<'s>(cx: Cx<'s>, w: &'static str, quoted: &'static str) -> P<'s, ()> {
    chumsky::primitive::select(move |t: Tok, e| (t == Tok::VarId && cx.text(e.span()) == w).then_some(()))
        .labelled(quoted)
        .boxed()
}
