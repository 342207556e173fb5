//! Broken programs and the diagnostics they must get: code, message and help, checked
//! against what a Haskell programmer needs (each was compared with GHC 9's message;
//! see docs/diagnostics.md). Several errors per module are reported, not only the first.

use bhc_front::{compile_module, Compiled, FrontOptions, Interface};
use bhc_syntax::{parse_module, ParseOptions};
use std::cell::OnceCell;
use std::collections::HashMap;

thread_local! {
    static PRELUDE: OnceCell<Interface> = const { OnceCell::new() };
}

fn prelude() -> Interface {
    PRELUDE.with(|p| {
        p.get_or_init(|| {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
            let src = std::fs::read_to_string(path).unwrap_or_default();
            let parsed = parse_module(&src, &ParseOptions { magic_hash: true }).expect("Prelude parses");
            let opts = FrontOptions { file_name: "Prelude.hs".into(), is_base: true, source: src.clone(), ..FrontOptions::default() };
            match compile_module(&parsed, &HashMap::new(), &opts) {
                Ok(Compiled { interface, .. }) => interface,
                Err(ds) => panic!("Prelude does not compile: {ds:?}"),
            }
        })
        .clone()
    })
}

/// (code, message, help) of each diagnostic, in order.
fn diagnose(src: &str) -> Vec<(String, String, String)> {
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude())].into_iter().collect();
    let known = vec![
        ("Data.List".to_string(), vec!["sort".to_string(), "nub".to_string(), "sortBy".to_string()]),
        ("Data.Char".to_string(), vec!["toUpper".to_string(), "isDigit".to_string()]),
    ];
    let opts = FrontOptions { file_name: "Main.hs".into(), source: src.into(), known_exports: known, ..FrontOptions::default() };
    let result = parse_module(src, &ParseOptions::default()).and_then(|m| compile_module(&m, &imports, &opts).map(|_| ()));
    match result {
        Ok(()) => Vec::new(),
        Err(ds) => ds.into_iter().map(|d| (d.code.to_string(), d.message, d.help.unwrap_or_default())).collect(),
    }
}

/// Asserts that some diagnostic has this code, a message containing `message` and a
/// help containing `help`.
fn expect(src: &str, code: &str, message: &str, help: &str) {
    let ds = diagnose(src);
    assert!(
        ds.iter().any(|(c, m, h)| c == code && m.contains(message) && h.contains(help)),
        "wanted {code} `{message}` with help `{help}`; got:\n{}",
        ds.iter().map(|(c, m, h)| format!("  {c} {m} | help: {h}")).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn dump_for_review() {
    let Ok(dir) = std::env::var("BHC_DIAG_DIR") else { return };
    let mut names: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "hs")) {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        println!("=== {}", p.display());
        for (c, m, h) in diagnose(&src) {
            println!("  {c} {m} | help: {h}");
        }
    }
}

#[test]
fn near_miss_variable() {
    expect("main = print (foldrr (+) 0 [1, 2, 3])\n", "E0101", "variable not in scope: `foldrr`", "did you mean `foldr`?");
}

#[test]
fn missing_import_for_a_base_name() {
    expect("main = print (sort [3, 1, 2])\n", "E0101", "not in scope: `sort`", "add `import Data.List (sort)`");
}

#[test]
fn missing_import_for_data_char() {
    expect("main = print (toUpper 'a')\n", "E0101", "not in scope: `toUpper`", "add `import Data.Char (toUpper)`");
}

#[test]
fn number_used_as_a_string() {
    expect("main = putStrLn (1 + 2)\n", "E0203", "no instance for (Num [Char]) arising from a use of `+`", "`[Char]` is not a numeric type");
}

#[test]
fn missing_derived_instance() {
    expect("data T = A | B\nmain = print (A == B)\n", "E0203", "no instance for (Eq T)", "add `deriving (Eq)` to the declaration of `T`");
}

#[test]
fn ambiguous_read_show() {
    expect("main = print (read \"1\")\n", "E0204", "ambiguous type variable", "applies only when a numeric class constrains");
}

#[test]
fn expected_versus_actual() {
    expect("f :: Int -> Int\nf x = x ++ \"a\"\nmain = print (f 1)\n", "E0201", "couldn't match expected type", "");
}

#[test]
fn infinite_type() {
    expect("f x = x x\nmain = print 1\n", "E0202", "occurs check: cannot construct the infinite type", "");
}

#[test]
fn missing_context_in_signature() {
    expect("g :: a -> a\ng x = x + 1\nmain = print (g 1)\n", "E0203", "no instance for (Num a)", "add (Num a) to the context of the type signature");
}

#[test]
fn constructor_pattern_arity() {
    expect("data T = T Int Int\nf (T x) = x\nmain = print 1\n", "E0206", "the constructor `T` should have 2 argument(s), but has been given 1", "");
}

#[test]
fn unsaturated_type() {
    expect("f :: Maybe -> Int\nf _ = 1\nmain = print 1\n", "E0211", "expected a type, but `Maybe` has kind `* -> *`", "as in `Maybe Int`");
}

#[test]
fn instance_at_the_wrong_kind() {
    // GHC 9: "Expected kind ‘* -> *’, but ‘Int’ has kind ‘*’" and nothing more.
    expect(
        "instance Functor Int where\n  fmap = undefined\nmain = print 1\n",
        "E0211",
        "`Functor` expects a type of kind `* -> *`, but `Int` has kind `*`",
        "`Functor` is a class of type constructors that take one type argument, such as `Maybe` or `[]`",
    );
}

#[test]
fn near_miss_constructor() {
    expect("main = print (Jus 3)\n", "E0101", "data constructor not in scope: `Jus`", "did you mean `Just`?");
}

#[test]
fn non_contiguous_clauses() {
    expect("f 0 = 1\ng = 2\nf n = n\nmain = print 1\n", "E0104", "`f` is defined again", "contiguous");
}

#[test]
fn fixity_conflict() {
    expect("infixl 6 +++\ninfixr 6 ***\na +++ b = a\na *** b = b\nmain = print (1 +++ 2 *** 3)\n", "E0106", "cannot mix `+++` [infixl 6] and `***` [infixr 6]", "add parentheses");
}

#[test]
fn existential_escape() {
    expect("data Box = forall a . Box a\nopen (Box x) = x\nmain = print 1\n", "E0210", "would escape its scope", "through its context's class methods");
}

#[test]
fn duplicate_definition() {
    expect("x = 1\nx = 2\nmain = print x\n", "E0103", "multiple declarations of `x`", "");
}

#[test]
fn record_field_typo() {
    expect("data P = P { name :: String }\nmain = print (name (P { nme = \"x\" }))\n", "E0101", "not in scope: `nme`", "did you mean `name`?");
}

#[test]
fn several_errors_per_module_and_no_echoes() {
    let ds = diagnose("main = do\n  print (x y)\n  print (Jus 3)\n  putStrLn (1 + 2)\n");
    let codes: Vec<&str> = ds.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(codes, ["E0101", "E0101", "E0101"], "{ds:?}");
    let suggestion = &ds[0].2;
    assert!(!suggestion.contains('$'), "an identifier is never offered an operator: {suggestion}");
    let ds = diagnose("main = putStrLn (1 + 2)\n");
    assert_eq!(ds.len(), 1, "one missing instance is reported once: {ds:?}");
}

#[test]
fn reference_escaping_run_st() {
    // GHC 9: "Couldn't match type 'a' with 'STRef s Int' ... because type variable 's'
    // would escape its scope", with the skolem's binding site.
    let src = "\
data ST s a = ST a
data STRef s a = STRef a
runST :: (forall s. ST s a) -> a
runST (ST a) = a
newSTRef :: a -> ST s (STRef s a)
newSTRef a = ST (STRef a)
leak = runST (newSTRef 'x')
main = print 1
";
    expect(src, "E0210", "the type variable `s` would escape its scope", "a state thread cannot return its references");
}

#[test]
fn a_constraint_not_given_by_a_nested_forall_context() {
    // GHC 9: "Could not deduce (Num a) arising from a use of 'showNeg' from the context:
    // Show a bound by a type expected by the context: forall a. Show a => a -> String".
    let src = "\
applyAll :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
applyAll f (x, y) = [f x, f y]
showNeg :: (Num a, Show a) => a -> String
showNeg x = show (negate x)
main = print (applyAll showNeg (1, True))
";
    expect(
        src,
        "E0203",
        "could not deduce (Num a) arising from a use of `showNeg` from the context (Show a)",
        "this is checked against `forall a. Show a => a -> [Char]`: it must work for every type `a` given only (Show a), which does not imply (Num a)",
    );
}

#[test]
fn unknown_names_and_unrelated_type_errors_together() {
    // GHC 9 reports both: `Variable not in scope: nmae` and the `Bool`/`Int` mismatch.
    let src = "\
count :: Int
count = length \"abc\" + True
greet = map succ (nmae ++ \"x\")
twice = greet ++ greet
main = putStrLn greet
";
    let ds = diagnose(src);
    let codes: Vec<&str> = ds.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(codes, ["E0201", "E0101"], "in source order, and nothing about `greet`, `twice` or `main`: {ds:?}");
    assert!(ds[1].1.contains("`nmae`"), "{ds:?}");
}

#[test]
fn an_unknown_name_causes_no_follow_up_errors() {
    let src = "\
data T = A
f :: Foo -> Int
f _ = 1
g x = f x + 1
h (Cc y) = y
instance Show T where
  show A = nope
main = print (undefinedThing 1)
";
    let ds = diagnose(src);
    assert!(ds.iter().all(|(c, _, _)| c == "E0101"), "only the unknown names: {ds:?}");
    assert_eq!(ds.len(), 4, "{ds:?}");
}

/// A cycle of synonyms is an error; a type nested deeper than the expansion bound, with
/// no synonym in it, is not (it was reported as a cycle).
#[test]
fn synonym_cycles_are_reported_and_deep_types_are_not() {
    expect("type A = [B]\ntype B = Maybe A\nx :: A\nx = []\nmain = print (length x)\n", "E0207", "cycle", "");
    let depth = 150;
    let src = format!(
        "x :: {}Int{}\nx = {}1{}\nmain = print (length x)\n",
        "[".repeat(depth),
        "]".repeat(depth),
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_eq!(diagnose(&src), Vec::new());
}
