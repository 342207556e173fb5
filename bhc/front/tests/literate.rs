//! Literate Haskell through the whole front end: bird tracks and `\begin{code}` blocks
//! are unlit, parsed, renamed, type checked and desugared like a `.hs` module, and a
//! diagnostic points at the line of the `.lhs` file itself.

use bhc_front::{compile_module, Compiled, FrontOptions, Interface};
use bhc_syntax::{parse_module, unlit, Diagnostic, ParseOptions};
use std::collections::HashMap;

fn prelude() -> Interface {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let parsed = parse_module(&src, &ParseOptions { magic_hash: true }).expect("Prelude parses");
    let opts = FrontOptions { file_name: "Prelude.hs".into(), is_base: true, source: src.clone(), ..FrontOptions::default() };
    match compile_module(&parsed, &HashMap::new(), &opts) {
        Ok(Compiled { interface, .. }) => interface,
        Err(ds) => panic!("Prelude does not compile: {ds:?}"),
    }
}

fn compile_lhs(text: &str, imports: &HashMap<String, Interface>) -> Result<Compiled, Vec<Diagnostic>> {
    let code = unlit(text)?;
    let parsed = parse_module(&code, &ParseOptions::default())?;
    let opts = FrontOptions { file_name: "Main.lhs".into(), source: code.clone(), ..FrontOptions::default() };
    compile_module(&parsed, imports, &opts)
}

fn line_of(text: &str, d: &Diagnostic) -> usize {
    1 + text[..d.span().start as usize].matches('\n').count()
}

#[test]
fn both_literate_styles_compile_and_errors_point_into_the_lhs() {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let bird = "A literate program.\n\n> main :: IO ()\n> main = print (double 21)\n\nProse between.\n\n> double :: Int -> Int\n> double x = x * 2\n";
    let latex = "Prose.\n\\begin{code}\nmain :: IO ()\nmain = print (double 21)\n\\end{code}\nMore prose > with a bracket.\n\\begin{code}\ndouble :: Int -> Int\ndouble x = x * 2\n\\end{code}\n";
    for text in [bird, latex] {
        let core = compile_lhs(text, &imports).unwrap_or_else(|ds| panic!("{ds:?}")).core.to_string();
        assert!(core.contains("Main.double") && core.contains("Main.main"), "{core}");
    }
    let broken = "Prose.\n\n> main :: IO ()\n> main = putStrLn (double 2)\n\n> double :: Int -> Int\n> double x = x * 2\n";
    let errors = compile_lhs(broken, &imports).err().unwrap_or_default();
    let mismatch = errors.iter().find(|d| d.code == "E0201").unwrap_or_else(|| panic!("{errors:?}"));
    assert_eq!(line_of(broken, mismatch), 4);
}
