//! Layout tests: the token stream after layout, rendered with virtual tokens as `{.`,
//! `;.` and `}.` and real tokens as their source text.

use super::layout;
use crate::lexer::lex;
use crate::token::Tok;

fn laid(src: &str) -> String {
    let (lexed, errors) = lex(src, false);
    assert!(errors.is_empty(), "{errors:?}");
    let laid = layout(&lexed.lexemes, src.len());
    let words: Vec<String> = laid
        .toks
        .iter()
        .map(|(t, s)| match t {
            Tok::VLBrace => "{.".to_string(),
            Tok::VSemi => ";.".to_string(),
            Tok::VRBrace => "}.".to_string(),
            _ => src[s.start..s.end].to_string(),
        })
        .collect();
    words.join(" ")
}

#[test]
fn top_level_block_without_header() {
    assert_eq!(laid("x = 1\ny = 2\n"), "{. x = 1 ;. y = 2 }.");
}

#[test]
fn module_header_then_body() {
    assert_eq!(laid("module M (f) where\nf = 1\ng = 2"), "module M ( f ) where {. f = 1 ;. g = 2 }.");
}

#[test]
fn empty_input_is_an_empty_block() {
    assert_eq!(laid(""), "{. }.");
    assert_eq!(laid("-- only a comment\n"), "{. }.");
}

#[test]
fn continuation_lines_are_not_new_items() {
    assert_eq!(laid("f x =\n  x\n    + 1\ng = 2"), "{. f x = x + 1 ;. g = 2 }.");
}

#[test]
fn let_in_on_one_line() {
    assert_eq!(laid("f = let x = 1 in x"), "{. f = let {. x = 1 }. in x }.");
    assert_eq!(laid("f = let x = 1; y = 2 in x"), "{. f = let {. x = 1 ; y = 2 }. in x }.");
}

#[test]
fn closing_paren_closes_case_block() {
    assert_eq!(
        laid("f = (case x of Just y -> y) + 1"),
        "{. f = ( case x of {. Just y -> y }. ) + 1 }."
    );
}

#[test]
fn do_block_closed_by_paren_comma_and_bracket() {
    assert_eq!(laid("f = (do a; b)"), "{. f = ( do {. a ; b }. ) }.");
    assert_eq!(laid("f = [do a, do b]"), "{. f = [ do {. a }. , do {. b }. ] }.");
    assert_eq!(laid("f = (do a, 1)"), "{. f = ( do {. a }. , 1 ) }.");
}

#[test]
fn where_after_guards() {
    let src = "f x\n  | x > 0 = a\n  | otherwise = b\n  where\n    a = 1\n    b = 2\n";
    assert_eq!(laid(src), "{. f x | x > 0 = a | otherwise = b where {. a = 1 ;. b = 2 }. }.");
}

#[test]
fn where_closes_do_block_on_same_line() {
    assert_eq!(laid("main = do print x where x = 1"), "{. main = do {. print x }. where {. x = 1 }. }.");
}

#[test]
fn where_at_alternative_indentation_closes_case_block() {
    let src = "f s = case s of\n  A -> 1\n  _ -> 2\n  where\n    y = 3\n";
    assert_eq!(laid(src), "{. f s = case s of {. A -> 1 ;. _ -> 2 ;. }. where {. y = 3 }. }.");
}

#[test]
fn if_then_else_aligned_in_do() {
    let src = "main = do\n  if c\n  then a\n  else b\n  next\n";
    assert_eq!(laid(src), "{. main = do {. if c then a else b ;. next }. }.");
}

#[test]
fn then_else_close_nested_do_blocks() {
    let src = "main = do\n  if c\n  then do\n    a\n  else do\n    b\n  next\n";
    assert_eq!(laid(src), "{. main = do {. if c then do {. a }. else do {. b }. ;. next }. }.");
    assert_eq!(laid("f = if c then do a else b"), "{. f = if c then do {. a }. else b }.");
}

#[test]
fn let_in_guard_closed_by_comma() {
    assert_eq!(
        laid("f x | let y = 2, y > 1 = y"),
        "{. f x | let {. y = 2 }. , y > 1 = y }."
    );
    assert_eq!(
        laid("xs = [z | let y = 2, z <- [y, y * 10]]"),
        "{. xs = [ z | let {. y = 2 }. , z <- [ y , y * 10 ] ] }."
    );
}

#[test]
fn commas_in_guards_and_signatures_stay_in_the_block() {
    assert_eq!(
        laid("f = x where\n  g, h :: Int\n  g | a, b = 1\n"),
        "{. f = x where {. g , h :: Int ;. g | a , b = 1 }. }."
    );
    assert_eq!(
        laid("f = case x of\n  A | a, b -> 1\n"),
        "{. f = case x of {. A | a , b -> 1 }. }."
    );
}

#[test]
fn let_in_tuple() {
    assert_eq!(
        laid("t = (let a = 1 in a, let b = 2 in b)"),
        "{. t = ( let {. a = 1 }. in a , let {. b = 2 }. in b ) }."
    );
}

#[test]
fn explicit_braces_and_semicolons() {
    assert_eq!(
        laid("f x = let { a = x; b = a } in case b of { 4 -> 0; _ -> b }"),
        "{. f x = let { a = x ; b = a } in case b of { 4 -> 0 ; _ -> b } }."
    );
    assert_eq!(laid("module M where { x = 1 ; y = 2 }"), "module M where { x = 1 ; y = 2 }");
}

#[test]
fn explicit_semicolons_inside_an_implicit_case_block() {
    assert_eq!(
        laid("p m = (case m of Just v -> v; Nothing -> 0) + 100"),
        "{. p m = ( case m of {. Just v -> v ; Nothing -> 0 }. ) + 100 }."
    );
}

#[test]
fn record_braces_are_not_layout() {
    assert_eq!(
        laid("r = do\n  let p = P { a = 1\n            , b = 2 }\n  q\n"),
        "{. r = do {. let {. p = P { a = 1 , b = 2 } }. ;. q }. }."
    );
}

#[test]
fn empty_where_block_before_next_declaration() {
    assert_eq!(laid("class C a where\nf = 1"), "{. class C a where {. }. ;. f = 1 }.");
    assert_eq!(laid("class C a where"), "{. class C a where {. }. }.");
}

#[test]
fn nested_blocks_close_together() {
    let src = "f = do\n  x <- case y of\n    A -> do\n      z\ng = 1\n";
    assert_eq!(laid(src), "{. f = do {. x <- case y of {. A -> do {. z }. }. }. ;. g = 1 }.");
}

#[test]
fn tabs_count_to_the_next_multiple_of_eight() {
    assert_eq!(laid("f = do\n\ta\n        b\n"), "{. f = do {. a ;. b }. }.");
}

#[test]
fn top_level_separators_are_recorded() {
    let src = "x = 1\ny = do\n  a\n  b\nz = 3";
    let (lexed, _) = lex(src, false);
    let l = layout(&lexed.lexemes, src.len());
    assert_eq!(l.top_semis.len(), 2);
    assert_eq!(l.body_open, Some(0));
    assert_eq!(l.body_close, Some(l.toks.len() - 1));
}

#[test]
fn stray_comma_does_not_close_the_module_block() {
    assert_eq!(laid("x = 1, 2\ny = 3"), "{. x = 1 , 2 ;. y = 3 }.");
}
