//! Unlit tests: both styles, position preservation, and the adjacency error.

use super::unlit;

#[test]
fn bird_tracks_keep_code_and_blank_the_rest() {
    let src = "Some text.\n\n> main = print 1\n>   where x = 2\n\nMore text.\n";
    let out = unlit(src).unwrap();
    assert_eq!(out, "          \n\n  main = print 1\n    where x = 2\n\n          \n");
    assert_eq!(out.len(), src.len());
}

#[test]
fn latex_style_code_blocks() {
    let src = "\\documentclass{article}\n\\begin{code}\nmain = print 1\n\\end{code}\ntext > not code\n";
    let out = unlit(src).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[2], "main = print 1");
    assert!(lines[0].trim().is_empty() && lines[1].trim().is_empty() && lines[3].trim().is_empty() && lines[4].trim().is_empty());
    assert_eq!(out.len(), src.len());
}

#[test]
fn byte_offsets_and_line_numbers_are_preserved() {
    let src = "héllo wörld\r\n\r\n> x = 1\r\n";
    let out = unlit(src).unwrap();
    assert_eq!(out.len(), src.len());
    assert_eq!(out.find("x = 1"), src.find("x = 1"));
    assert_eq!(out.matches('\n').count(), src.matches('\n').count());
}

#[test]
fn bird_track_next_to_text_is_an_error() {
    let src = "Text\n> x = 1\n\n> y = 2\nmore text\n";
    let errs = unlit(src).unwrap_err();
    assert_eq!(errs.len(), 2);
    assert!(errs.iter().all(|e| e.code == "E0008"));
    let first = errs[0].span();
    assert_eq!(&src[first.start as usize..first.end as usize], "> x = 1");
    let second = errs[1].span();
    assert_eq!(&src[second.start as usize..second.end as usize], "> y = 2");
}

#[test]
fn unlit_output_parses() {
    let src = "A program.\n\n> module Main where\n> main :: IO ()\n> main = do\n>   print 1\n";
    let out = unlit(src).unwrap();
    assert!(crate::parse_module(&out, &crate::ParseOptions::default()).is_ok());
}
