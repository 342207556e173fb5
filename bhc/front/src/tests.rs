//! End-to-end tests of the front end on source text: base/Prelude.hs, then small
//! programs compiled against it, checking types, diagnostics and the Core produced.

use crate::{compile_module, compile_repl_expr, repl_type, Compiled, FrontOptions, Interface, ReplScope};
use bhc_syntax::{parse_module, ParseOptions};
use std::cell::OnceCell;
use std::collections::HashMap;

fn prelude_source() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
    std::fs::read_to_string(path).unwrap_or_default()
}

pub(crate) fn compile(
    src: &str,
    file: &str,
    is_base: bool,
    imports: &HashMap<String, Interface>,
) -> Result<Compiled, Vec<String>> {
    let parsed = parse_module(src, &ParseOptions { magic_hash: is_base }).map_err(|ds| render(src, ds))?;
    let opts = FrontOptions { file_name: file.into(), is_base, source: src.into(), ..FrontOptions::default() };
    compile_module(&parsed, imports, &opts).map_err(|ds| render(src, ds))
}

fn render(src: &str, ds: Vec<bhc_syntax::Diagnostic>) -> Vec<String> {
    ds.into_iter()
        .map(|d| {
            let s = d.span();
            let text = src.get(s.start as usize..s.end as usize).unwrap_or("");
            let text: String = text.chars().take(60).collect();
            format!("{} {} [{text}]{}", d.code, d.message, d.help.map(|h| format!(" help: {h}")).unwrap_or_default())
        })
        .collect()
}

thread_local! {
    /// Prelude, compiled once per test thread (interfaces hold `Rc`s).
    static PRELUDE: OnceCell<Result<Compiled, Vec<String>>> = const { OnceCell::new() };
}

fn prelude_compiled() -> Result<Compiled, Vec<String>> {
    PRELUDE.with(|p| p.get_or_init(|| compile(&prelude_source(), "Prelude.hs", true, &HashMap::new())).clone())
}

pub(crate) fn prelude() -> Result<Interface, Vec<String>> {
    prelude_compiled().map(|c| c.interface)
}

pub(crate) fn with_prelude() -> HashMap<String, Interface> {
    let mut m = HashMap::new();
    match prelude() {
        Ok(p) => {
            m.insert("Prelude".to_string(), p);
        }
        Err(e) => panic!("Prelude does not compile:\n{}", e.join("\n")),
    }
    m
}

pub(crate) fn main_module(src: &str) -> Result<Compiled, Vec<String>> {
    compile(src, "Main.hs", false, &with_prelude())
}

pub(crate) fn errors(src: &str) -> Vec<String> {
    match main_module(src) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn type_of(module_src: Option<&str>, expr: &str) -> Result<String, Vec<String>> {
    let imports = with_prelude();
    let loaded = module_src.map(|s| compile(s, "M.hs", false, &imports).map(|c| c.interface)).transpose()?;
    let scope = ReplScope::new(&imports["Prelude"], loaded.as_ref());
    let e = match bhc_syntax::parse_repl_input(expr, &ParseOptions::default()) {
        Ok(bhc_syntax::ReplInput::Expr(e)) => e,
        other => panic!("not an expression: {other:?}"),
    };
    repl_type(&e, &scope).map_err(|ds| render(expr, ds))
}

#[test]
fn prelude_compiles_and_lowers() {
    let c = prelude_compiled().unwrap_or_else(|e| panic!("{}", e.join("\n")));
    if let Err(e) = crate::lower::lower_module(&c.core) {
        panic!("{e}");
    }
    let names: Vec<String> = c.core.data_cons.iter().map(|d| d.name.to_string()).collect();
    for wired in ["Prelude.:", "Prelude.[]", "Prelude.()", "Prelude.(,,,,,,)", "Prelude.I#", "Prelude.C:Monad"] {
        assert!(names.iter().any(|n| n == wired), "{wired} missing from {names:?}");
    }
}

/// All variables bound in a Core expression have distinct uniques.
fn check_distinct(e: &crate::core::Expr, seen: &mut std::collections::HashSet<u32>) -> Result<(), u32> {
    use crate::core::{Bind, Expr};
    let bind = |v: &bhc_stg::Var, seen: &mut std::collections::HashSet<u32>| {
        if seen.insert(v.unique) {
            Ok(())
        } else {
            Err(v.unique)
        }
    };
    match e {
        Expr::Var(_) | Expr::Lit(_) | Expr::Con(_) | Expr::Prim(_) => Ok(()),
        Expr::App(f, args) => {
            check_distinct(f, seen)?;
            args.iter().try_for_each(|a| check_distinct(a, seen))
        }
        Expr::Lam(vs, b) => {
            vs.iter().try_for_each(|v| bind(v, seen))?;
            check_distinct(b, seen)
        }
        Expr::Let(b, body) => {
            match b {
                Bind::NonRec(v, e) => {
                    bind(v, seen)?;
                    check_distinct(e, seen)?;
                }
                Bind::Rec(bs) => {
                    for (v, e) in bs {
                        bind(v, seen)?;
                        check_distinct(e, seen)?;
                    }
                }
            }
            check_distinct(body, seen)
        }
        Expr::Case(s, v, alts) => {
            check_distinct(s, seen)?;
            bind(v, seen)?;
            for a in alts {
                a.vars.iter().try_for_each(|v| bind(v, seen))?;
                check_distinct(&a.rhs, seen)?;
            }
            Ok(())
        }
    }
}

#[test]
fn every_variable_is_bound_once() {
    let c = prelude_compiled().unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let mut seen = std::collections::HashSet::new();
    for b in &c.core.bindings {
        if let Err(u) = check_distinct(&b.expr, &mut seen) {
            panic!("unique {u} bound twice (in {})", b.name);
        }
    }
}

#[test]
fn sum_of_a_range_compiles_to_core() {
    let c = main_module("main = print (sum [1..10])\n").unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let core = c.core.to_string();
    assert!(core.contains("Main.main ="), "{core}");
    assert!(core.contains("Prelude.enumFromTo"), "{core}");
    assert!(core.contains("Prelude.$fShowInteger"), "{core}");
}

/// A method's recursive use of its own instance (`mycmp xs ys` inside `MyOrd [a]`)
/// refers to the dictionary being defined instead of building it again.
#[test]
fn recursive_instance_methods_reuse_their_own_dictionary() {
    let core = core_of(
        "class MyOrd a where\n  mycmp :: a -> a -> Ordering\n\
         instance MyOrd Int where\n  mycmp = compare\n\
         instance MyOrd a => MyOrd [a] where\n  mycmp (x:xs) (y:ys) = case mycmp x y of\n    EQ -> mycmp xs ys\n    o -> o\n  mycmp xs ys = compare (null ys) (null xs)\n\
         main = print (mycmp [1, 2 :: Int] [1, 3])\n",
    );
    let start = core.find("Main.$fMyOrd[] =").unwrap_or_else(|| panic!("{core}"));
    let definition: String = core[start..].lines().skip(1).take_while(|l| l.starts_with(' ')).collect::<Vec<_>>().join("\n");
    assert!(definition.contains("this"), "{definition}");
    assert!(!definition.contains("Main.$fMyOrd[]"), "{definition}");
}

/// The Core of a Main module, which must also lower to STG.
fn core_of(src: &str) -> String {
    let c = main_module(src).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    if let Err(e) = crate::lower::lower_module(&c.core) {
        panic!("{e}\n{}", c.core);
    }
    c.core.to_string()
}

fn repl(module_src: Option<&str>, expr: &str) -> Result<crate::ReplCompiled, Vec<String>> {
    let imports = with_prelude();
    let loaded = module_src.map(|s| compile(s, "M.hs", false, &imports).map(|c| c.interface)).transpose()?;
    let scope = ReplScope::new(&imports["Prelude"], loaded.as_ref());
    let e = match bhc_syntax::parse_repl_input(expr, &ParseOptions::default()) {
        Ok(bhc_syntax::ReplInput::Expr(e)) => e,
        other => panic!("not an expression: {other:?}"),
    };
    compile_repl_expr(&e, &scope, "Interactive1").map_err(|ds| render(expr, ds))
}

fn has_error(errs: &[String], code: &str, text: &str) -> bool {
    errs.iter().any(|e| e.starts_with(code) && e.contains(text))
}

#[test]
fn types_print_like_ghci() {
    assert_eq!(type_of(None, "map").unwrap(), "(a -> b) -> [a] -> [b]");
    assert_eq!(type_of(None, "(+) 1").unwrap(), "Num a => a -> a");
    assert_eq!(type_of(None, "\\x -> (x, 'c')").unwrap(), "a -> (a, Char)");
    assert_eq!(type_of(None, "show 1").unwrap(), "String".replace("String", "[Char]"));
    assert_eq!(type_of(None, "(.)").unwrap(), "(b -> c) -> (a -> b) -> a -> c");
    assert_eq!(type_of(None, "Just").unwrap(), "a -> Maybe a");
    assert_eq!(type_of(None, "(>>=)").unwrap(), "Monad m => m a -> (a -> m b) -> m b");
}

#[test]
fn let_polymorphism_and_generalisation() {
    assert_eq!(type_of(None, "let i x = x in (i 'c', i True)").unwrap(), "(Char, Bool)");
    assert_eq!(type_of(None, "let twice f = f . f in twice").unwrap(), "(a -> a) -> a -> a");
    // A lambda-bound variable is monomorphic.
    let errs = type_of(None, "(\\i -> (i 'c', i True)) id").unwrap_err();
    assert!(has_error(&errs, "E0201", "Char"), "{errs:?}");
}

#[test]
fn constraints_are_solved_and_simplified() {
    assert_eq!(type_of(None, "\\x y -> x == y && x < y").unwrap(), "Ord a => a -> a -> Bool");
    assert_eq!(type_of(None, "\\x -> show [x]").unwrap(), "Show a => a -> [Char]");
    let m = "f x = x + 1\ng x = f x * 2\n";
    assert_eq!(type_of(Some(m), "g").unwrap(), "Num a => a -> a");
}

#[test]
fn defaulting_follows_the_report() {
    let c = core_of("main = print (2 ^ 10)\n");
    assert!(c.contains("Prelude.$fShowInteger"), "{c}");
    let errs = errors("main = print (read' \"1\")\nread' :: Show a => String -> a\nread' = undefined\n");
    assert!(has_error(&errs, "E0204", "ambiguous type variable"), "{errs:?}");
}

#[test]
fn monomorphism_restriction_keeps_simple_bindings_monomorphic() {
    let c = core_of("n = 3\nmain = print (n + length [])\n");
    assert!(c.contains("Main.n = Prelude.I# 3#"), "{c}");
    // With a function binding, the same definition is generalised.
    let c = core_of("n () = 3\nmain = print (n () + length [])\n");
    assert!(c.contains("Main.n = \\dict"), "{c}");
}

#[test]
fn type_errors_say_expected_and_actual() {
    let errs = errors("main = putStrLn (length [1,2])\n");
    assert!(has_error(&errs, "E0201", "couldn't match expected type `[Char]` with actual type `Int`"), "{errs:?}");
    let errs = errors("main = print (\\x -> x + (1::Int))\n");
    assert!(has_error(&errs, "E0203", "no instance for (Show (Int -> Int))"), "{errs:?}");
    let errs = errors("f x = x x\nmain = return ()\n");
    assert!(has_error(&errs, "E0202", "infinite type"), "{errs:?}");
}

#[test]
fn unknown_names_get_a_suggestion() {
    let errs = errors("main = print (fodlr (+) 0 [1])\n");
    assert!(
        errs.iter().any(|e| e.starts_with("E0101") && e.contains("fodlr") && e.contains("did you mean `foldr`?")),
        "{errs:?}"
    );
    let errs = errors("main = print (Jsut 1)\n");
    assert!(errs.iter().any(|e| e.contains("did you mean `Just`?")), "{errs:?}");
}

#[test]
fn duplicate_and_scattered_definitions_are_rejected() {
    let errs = errors("f 0 = 1\ng = 2\nf n = n\nmain = return ()\n");
    assert!(has_error(&errs, "E0104", "`f`"), "{errs:?}");
    let errs = errors("f 0 = 1\nf a b = 2\nmain = return ()\n");
    assert!(has_error(&errs, "E0105", "different numbers of arguments"), "{errs:?}");
    let errs = errors("x = 1\nx = 2\nmain = return ()\n");
    assert!(has_error(&errs, "E0103", "`x`"), "{errs:?}");
}

#[test]
fn fixities_resolve_with_user_declarations() {
    let src = "infixr 5 +++\n(+++) :: [a] -> [a] -> [a]\nxs +++ ys = foldr (:) ys xs\nmain = print ([1] +++ [2] +++ [3] == [1,2,3] && - 2 + 3 == 1)\n";
    let c = core_of(src);
    assert!(c.contains("Main.+++"), "{c}");
    let errs = errors("main = print (1 == 2 == 3)\n");
    assert!(has_error(&errs, "E0106", "cannot mix"), "{errs:?}");
}

#[test]
fn user_classes_with_superclasses_and_defaults() {
    let src = "\
class Show a => Pretty a where
  pretty :: a -> String
  pretty x = \"<\" ++ show x ++ \">\"
  prettyList :: [a] -> String
instance Pretty Int
instance Pretty a => Pretty [a] where
  pretty xs = concatMap pretty xs
  prettyList = concatMap pretty
main = putStrLn (pretty [1, 2 :: Int])
";
    let c = core_of(src);
    assert!(c.contains("Main.$fPrettyInt = letrec"), "{c}");
    assert!(c.contains("Main.$dmpretty"), "{c}");
    assert!(c.contains("No instance nor default method for class operation prettyList"), "{c}");
    assert!(c.contains("Main.$fPretty[] Main.$fPrettyInt"), "{c}");
}

#[test]
fn higher_kinded_classes() {
    let src = "\
class Container f where
  empty :: f a
  insert :: a -> f a -> f a
newtype Box a = Box [a]
instance Container Box where
  empty = Box []
  insert x (Box xs) = Box (x : xs)
size :: Box a -> Int
size (Box xs) = length xs
main = print (size (insert 'a' empty))
";
    let c = core_of(src);
    let size = c.split("Main.size =").nth(1).and_then(|s| s.split("Main.main").next()).unwrap_or("");
    assert!(size.contains("Prelude.length") && !size.contains("case"), "newtype patterns are erased: {c}");
}

#[test]
fn polymorphic_recursion_needs_and_uses_a_signature() {
    let src = "\
data Nested a = Flat a | Nest (Nested [a])
depth :: Nested a -> Int
depth (Flat _) = 0
depth (Nest n) = 1 + depth n
main = print (depth (Nest (Flat [True])))
";
    core_of(src);
}

#[test]
fn mutual_recursion_is_typed_together() {
    let src = "\
isEven 0 = True
isEven n = isOdd (n - 1)
isOdd 0 = False
isOdd n = isEven (n - 1)
main = print (isEven (10 :: Int))
";
    core_of(src);
    assert_eq!(type_of(Some(src), "isOdd").unwrap(), "(Eq a, Num a) => a -> Bool");
}

#[test]
fn clauses_fall_through_when_guards_fail() {
    let src = "\
classify :: Int -> String
classify 0 = \"zero\"
classify n | n < 0 = \"negative\"
           | n > 100 = \"big\"
classify _ = \"other\"
main = putStrLn (classify 5)
";
    let c = core_of(src);
    // Literal patterns on Int match the unboxed value directly.
    assert!(c.contains("Prelude.I# lit_"), "{c}");
    assert!(c.contains("0# ->"), "{c}");
    assert!(c.contains("\"other\"#"), "falling through the guards reaches the last clause: {c}");
    assert!(!c.contains("Non-exhaustive"), "{c}");
}

#[test]
fn nested_patterns_compile_to_case_trees() {
    let src = "\
zip3' (a:as) (b:bs) (c:cs) = (a, b, c) : zip3' as bs cs
zip3' _ _ _ = []
firstTwo (x:y:_) = Just (x, y)
firstTwo ~_ = Nothing
main = print (zip3' [1] \"a\" [True], firstTwo \"ab\")
";
    let c = core_of(src);
    assert!(c.contains("Main.zip3' = \\arg"), "{c}");
    assert!(!c.contains("Non-exhaustive patterns in function zip3'"), "the match is exhaustive: {c}");
}

#[test]
fn pattern_match_failure_has_ghc_location() {
    let c = core_of("f :: Int -> Int\nf 1 = 2\nmain = print (f 3)\n");
    assert!(c.contains("\"Main.hs:2:1-7: Non-exhaustive patterns in function f\"#"), "{c}");
    let c = core_of("g :: Maybe Int -> Int\ng m = case m of\n  Just x -> x\nmain = print (g Nothing)\n");
    assert!(c.contains("Main.hs:(2,7)-(3,13): Non-exhaustive patterns in case"), "{c}");
}

#[test]
fn do_blocks_and_comprehensions() {
    let src = "\
main = do
  let xs = [x * y | x <- [1..3], y <- [x..3], odd (x + y)]
  line <- return \"ok\"
  Just n <- return (Just (length xs))
  print (n, line)
";
    let c = core_of(src);
    assert!(c.contains("Prelude.>>="), "{c}");
    assert!(c.contains("Prelude.fail"), "refutable binds call fail: {c}");
    assert!(c.contains("Pattern match failure in do expression at Main.hs:4:3-8"), "{c}");
}

#[test]
fn records_sections_and_seq() {
    let src = "\
data P = P { px :: Int, py :: Int }
move :: P -> P
move p = p { px = px p + 1 }
main = print (map (subtract 1) [px (move (P { px = 1, py = 2 }))], (`div` 2) 10, (2 -) 1, seq 1 2)
";
    let c = core_of(src);
    assert!(c.contains("Main.px = \\rec"), "{c}");
}

#[test]
fn repl_prints_values_and_runs_actions() {
    let r = repl(None, "1 + 2").unwrap();
    assert_eq!(r.ty, "Integer");
    assert_eq!(r.entry, "Interactive1.it_run");
    assert!(r.core.to_string().contains("Prelude.print Prelude.$fShowInteger"), "{}", r.core);
    let r = repl(None, "putStrLn \"hi\"").unwrap();
    assert_eq!(r.ty, "IO ()");
    let r = repl(None, "return 'x'").unwrap();
    assert_eq!(r.ty, "IO Char");
    assert!(r.core.to_string().contains("Prelude.print Prelude.$fShowChar"), "{}", r.core);
    let r = repl(None, "[]").unwrap();
    assert_eq!(r.ty, "[()]");
    // GHCi's extended defaulting counts the `Show` of printing: a lone `Monoid a` is ().
    let r = repl(None, "mempty").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(r.ty, "()");
    let errs = repl(None, "id").unwrap_err();
    assert!(has_error(&errs, "E0203", "Show"), "{errs:?}");
    let r = repl(Some("module M where\nsecret = 42 :: Int\n"), "secret * 2").unwrap();
    assert_eq!(r.ty, "Int");
}

#[test]
fn derived_instances() {
    let src = "\
data Colour = Red | Green | Blue deriving (Eq, Ord, Show, Enum, Bounded)
data Shape a = Circle a | Rect { w :: a, h :: a } | a :+: a deriving (Eq, Ord, Show)
main = do
  print [minBound .. maxBound :: Colour]
  print (Circle 1 < Rect 2 3, Rect 1 2 == Rect 1 2, show (1 :+: 2))
";
    let c = core_of(src);
    assert!(c.contains("Main.$fShowColour"), "{c}");
    assert!(c.contains("Main.$fOrdShape = \\dict"), "{c}");
    let errs = errors("data F = F (Int -> Int) deriving Show\nmain = return ()\n");
    assert!(has_error(&errs, "E0203", "Show (Int -> Int)"), "{errs:?}");
    let errs = errors("data T = A Int deriving Enum\nmain = return ()\n");
    assert!(has_error(&errs, "E0110", "cannot derive `Enum`"), "{errs:?}");
    let errs = errors("data T = A Int | B deriving (Eq, Ord, Ix)\nmain = return ()\n");
    assert!(has_error(&errs, "E0110", "cannot derive `Ix`"), "{errs:?}");
}

#[test]
fn strict_fields_are_forced_and_pattern_bindings_are_lazy() {
    let src = "\
data P = P !Int Int
(a, b) = (1 :: Int, 'x')
main = do
  let (q, r) = quotRem 7 2
      ~(Just z) = Nothing :: Maybe Int
  case P q r of
    P x _ -> print (x + a, b)
";
    let c = core_of(src);
    assert!(c.contains("strict_"), "{c}");
    assert!(c.contains("Main.a = case Main.$pat"), "{c}");
}

#[test]
fn lazy_patterns_bind_each_variable_once() {
    let src = "\
(a, ~(b, c)) = (1 :: Int, (2 :: Int, 3 :: Int))
f ~(x, y) = x + y :: Int
main = print (a + b + c + f (4, 5))
";
    let c = main_module(src).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let mut seen = std::collections::HashSet::new();
    for b in &c.core.bindings {
        if let Err(u) = check_distinct(&b.expr, &mut seen) {
            panic!("unique {u} bound twice (in {})\n{}", b.name, c.core);
        }
    }
}

#[test]
fn type_constructors_must_be_fully_applied() {
    let errs = errors("f :: Maybe -> Int\nf _ = 1\nmain = return ()\n");
    assert!(has_error(&errs, "E0211", "expected a type, but `Maybe` has kind `* -> *`"), "{errs:?}");
}

#[test]
fn modules_import_each_other() {
    let mut imports = with_prelude();
    let lib = "\
module Geometry (Shape(..), area, Point, origin) where
data Shape = Square Double | Circle Double
data Point = Point Int Int
area :: Shape -> Double
area (Square s) = s * s
area (Circle r) = 3.14 * r * r
origin = Point 0 0
hidden = 1
";
    let g = compile(lib, "Geometry.hs", false, &imports).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert!(g.interface.exports.values.contains_key("Square"));
    assert!(!g.interface.exports.values.contains_key("hidden"));
    assert!(!g.interface.exports.values.contains_key("Point"), "Point is exported abstractly");
    imports.insert("Geometry".into(), g.interface);
    let main = "\
import qualified Geometry as G
import Geometry (Shape(Square))
main = print (G.area (Square 2) + G.area (G.Circle 1) > 1)
";
    let c = compile(main, "Main.hs", false, &imports).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert!(c.core.to_string().contains("Geometry.area"), "{}", c.core);
    let errs =
        compile("import Geometry (Shape)\nmain = print (area (Square 1))\n", "Main.hs", false, &imports).unwrap_err();
    assert!(errs.iter().any(|e| e.contains("`area`")) && errs.iter().any(|e| e.contains("`Square`")), "{errs:?}");
    let errs = compile("import Geometry\nmain = print hidden\n", "Main.hs", false, &imports).unwrap_err();
    assert!(has_error(&errs, "E0101", "hidden"), "{errs:?}");
}

#[test]
fn long_programs_do_not_exhaust_the_stack() {
    let items: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
    let src = format!(
        "xs = [{}]\nys = {} : []\nzs = {}\nmain = print (length xs + length ys + zs)\n",
        items.join(", "),
        items.join(" : "),
        items.join(" + ")
    );
    match main_module(&src) {
        Ok(c) => {
            assert!(c.core.to_string().contains("Main.xs"));
            let stg = crate::lower::lower_module(&c.core).expect("lowers");
            assert!(stg.to_string().contains("Main.ys"));
        }
        Err(e) => panic!("{}", e.join("\n")),
    }
    let stmts: String = (0..2000).map(|i| format!("  print {i}\n")).collect();
    if let Err(e) = main_module(&format!("main = do\n{stmts}")) {
        panic!("{}", e.join("\n"));
    }
}

#[test]
fn several_errors_are_reported_and_signatures_are_checked() {
    let errs = errors("f :: a -> a\nf x = x + 1\ng :: Int\ng = 'c'\nh = True && 3\nmain = return ()\n");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("E0203") && e.contains("(Num a)") && e.contains("add (Num a) to the context")),
        "{errs:?}"
    );
    assert!(has_error(&errs, "E0201", "`Int` with actual type `Char`"), "{errs:?}");
    assert!(has_error(&errs, "E0203", "(Num Bool)"), "{errs:?}");
}

#[test]
fn local_overloaded_functions_take_dictionaries() {
    let src = "\
describe :: Show a => a -> String
describe x = wrap x
  where wrap y = \"<\" ++ show y ++ \">\"
main = do
  let pair x = (show x, x == x)
  print (pair (1 :: Int), pair 'c', describe True)
";
    let c = core_of(src);
    assert!(c.contains("pair_"), "{c}");
    assert!(c.contains("Prelude.$fShowChar"), "{c}");
}

#[test]
fn unlifted_pointer_types_are_in_scope_with_primitives() {
    let src = "module Data.Box where\ndata Box a = Box (MutVar# a) | Bytes ByteArray# | Big BigInt#\nfirst :: Array# a -> MutableArray# a -> MutableByteArray# -> Int\nfirst _ _ _ = 0\n";
    let parsed = parse_module(src, &ParseOptions { magic_hash: true }).map_err(|ds| render(src, ds)).unwrap();
    let opts = FrontOptions { file_name: "Box.hs".into(), primitives: true, source: src.into(), ..FrontOptions::default() };
    if let Err(ds) = compile_module(&parsed, &with_prelude(), &opts) {
        panic!("{}", render(src, ds).join("\n"));
    }
}

const SHOWABLE: &str = "data Showable = forall a . Show a => MkShowable a | Plain Int
instance Show Showable where
  show (MkShowable a) = show a
  show (Plain n) = show n
items :: [Showable]
items = [MkShowable (1 :: Int), MkShowable True, Plain 3]
twice :: Showable -> String
twice s = case s of
  MkShowable x -> show [x, x]
  Plain _ -> \"plain\"
main :: IO ()
main = putStrLn (concatMap show items ++ concatMap twice items)
";

#[test]
fn existential_constructors_pack_and_unpack_dictionaries() {
    let c = main_module(SHOWABLE).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let core = c.core.to_string();
    // Construction applies the constructor to the Show dictionary of the packed value.
    assert!(core.contains("Main.MkShowable Prelude.$fShowInt"), "{core}");
    assert!(crate::lower::lower_module(&c.core).is_ok());
    let scheme = c.interface.values.get("Main.MkShowable").map(|v| crate::types::show_scheme(&v.scheme));
    assert_eq!(scheme.as_deref(), Some("Show a => a -> Showable"));
}

#[test]
fn existential_type_variables_must_not_escape() {
    let es = errors("data Box = forall a . Box a\nunbox (Box x) = x\nmain = print 1\n");
    assert!(es.iter().any(|e| e.starts_with("E0210 the existentially quantified type variable `a` would escape")), "{es:?}");
    let es = errors("data Box = forall a . Box a\nf :: Box -> Int\nf b = let Box y = b in 1\nmain = print (f (Box 'c'))\n");
    assert!(es.iter().any(|e| e.starts_with("E0210 an existential constructor cannot be matched in a pattern binding")), "{es:?}");
    let es = errors("data Box = forall a . Box a\nf :: Box -> String\nf (Box x) = show x\nmain = putStrLn (f (Box 'c'))\n");
    assert!(es.iter().any(|e| e.starts_with("E0203 no instance for (Show a)")), "{es:?}");
}

#[test]
fn typeable_is_solved_by_the_checker() {
    // Base's Prelude exports Typeable only once it declares it; the test adds the
    // declarations when missing and uses them inside the Prelude itself.
    let mut src = prelude_source();
    if !src.contains("class Typeable") {
        src.push_str("\nclass Typeable a where\n  typeRep# :: a -> TypeRep\ndata TypeRep = TypeRep [Char] [TypeRep]\n");
    }
    let good = format!("{src}\ntypeableTest :: TypeRep\ntypeableTest = typeRep# (Just [True])\n");
    let c = compile(&good, "Prelude.hs", true, &HashMap::new()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let core = c.core.to_string();
    let test = core.split("Prelude.typeableTest =").nth(1).unwrap_or("");
    for name in ["\"Prelude.Maybe\"#", "\"Prelude.[]\"#", "\"Prelude.Bool\"#", "Prelude.C:Typeable"] {
        assert!(test.contains(name), "{name} missing from {test}");
    }
    assert!(crate::lower::lower_module(&c.core).is_ok());
    let bad = format!("{src}\ntypeableBad :: a -> TypeRep\ntypeableBad = typeRep#\n");
    let es = compile(&bad, "Prelude.hs", true, &HashMap::new()).err().unwrap_or_default();
    assert!(es.iter().any(|e| e.starts_with("E0203 no instance for (Typeable a)")), "{es:?}");
}

#[test]
fn fractional_literals_go_through_from_rational() {
    let core = core_of("half :: Fractional a => a\nhalf = 0.5\nd :: Double\nd = -2.5\nmain = print (d < half)\n");
    let half = core.split("Main.half =").nth(1).unwrap_or("");
    assert!(half.contains("Prelude.fromRational") && half.contains("Prelude.:%"), "{core}");
    let d = core.split("Main.d =").nth(1).and_then(|s| s.split("Main.").next()).unwrap_or("");
    assert!(d.contains("-2.5") && !d.contains("fromRational"), "a literal at Double is built directly: {core}");
}

#[test]
fn calls_with_unboxed_results_are_case_scrutinees() {
    let src = "module Data.Sq where\nsquare :: Int# -> Int#\nsquare x = x *# x\nsumSq :: Int -> Int -> Int\nsumSq (I# a) (I# b) = I# (square a +# twice b)\n  where\n    twice :: Int# -> Int#\n    twice y = y +# y\n";
    let parsed = parse_module(src, &ParseOptions { magic_hash: true }).map_err(|ds| render(src, ds)).unwrap();
    let opts = FrontOptions { file_name: "Sq.hs".into(), primitives: true, source: src.into(), ..FrontOptions::default() };
    let c = compile_module(&parsed, &with_prelude(), &opts).unwrap_or_else(|ds| panic!("{}", render(src, ds).join("\n")));
    let core = c.core.to_string();
    assert!(core.contains("case Data.Sq.square field_10 of unboxed_"), "{core}");
    assert!(core.contains("case twice_6 field_11 of unboxed_"), "{core}");
    // In STG each call is the scrutinee of a case whose binder is an unboxed Int.
    let stg = crate::lower::lower_module(&c.core).unwrap_or_else(|e| panic!("{e}\n{core}"));
    let debug = format!("{stg:?}");
    for callee in ["Global(Global(\"Data.Sq.square\"))", "Local(Var { name: \"twice\""] {
        let call = debug.find(&format!("scrut: App {{ fun: {callee}")).unwrap_or_else(|| panic!("{callee}: {debug}"));
        let binder = &debug[call..][debug[call..].find("binder: Var").unwrap_or(0)..];
        assert!(binder.split('}').next().is_some_and(|b| b.contains("rep: Int")), "{binder}");
    }
}
