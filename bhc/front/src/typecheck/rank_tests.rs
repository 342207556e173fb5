//! Rank-N types: `forall` in argument types checked bidirectionally, `f $ x` typed as
//! `f x`, skolem escape, and `forall` types in interfaces and printing.

use crate::tests::{compile, errors, main_module, with_prelude};
use crate::{repl_type, Interface, ReplScope};
use bhc_syntax::ParseOptions;

/// A small state-thread library in the style of Control.Monad.ST.
const ST: &str = "\
data ST s a = ST a
data Ref s = Ref Int
runST :: (forall s. ST s a) -> a
runST (ST a) = a
newRef :: Int -> ST s (Ref s)
newRef n = ST (Ref n)
readRef :: Ref s -> ST s Int
readRef (Ref n) = ST n
bindST :: ST s a -> (a -> ST s b) -> ST s b
bindST (ST a) k = k a
";

fn accepted(src: &str) {
    if let Err(e) = main_module(src) {
        panic!("rejected:\n{}", e.join("\n"));
    }
}

#[test]
fn run_st_accepts_a_polymorphic_thread_with_and_without_dollar() {
    accepted(&format!("{ST}x = runST (newRef 1 `bindST` readRef)\ny = runST $ newRef 2 `bindST` readRef\nmain = print (x + y)\n"));
}

#[test]
fn a_reference_escaping_its_thread_is_rejected() {
    for body in ["runST (newRef 0)", "runST $ newRef 0"] {
        let errs = errors(&format!("{ST}leak = {body}\nmain = print 1\n"));
        assert!(errs.iter().any(|e| e.starts_with("E0210") && e.contains("the type variable `s` would escape its scope")), "{body}: {errs:?}");
    }
}

#[test]
fn rank_two_arguments_are_used_at_several_types() {
    accepted(
        "\
both :: (forall a. [a] -> [a]) -> ([Int], String) -> ([Int], String)
both f (xs, s) = (f xs, f s)
withId :: ((forall a. a -> a) -> r) -> r
withId k = k id
main = do
  print (both reverse ([1, 2], \"ab\"))
  print (withId (\\i -> (i 'x', i True)))
  print (withId $ \\i -> i 3)
",
    );
}

#[test]
fn a_monomorphic_argument_for_a_polymorphic_parameter_is_rejected() {
    let errs = errors("both :: (forall a. [a] -> [a]) -> ([Int], String) -> ([Int], String)\nboth f (xs, s) = (f xs, f s)\nmain = print (both (map (+ 1)) ([1], \"a\"))\n");
    assert!(errs.iter().any(|e| e.starts_with("E0201") || e.starts_with("E0203")), "{errs:?}");
}

#[test]
fn a_lambda_without_a_known_type_cannot_take_a_polymorphic_argument() {
    let with_id = "withId :: ((forall a. a -> a) -> r) -> r\nwithId k = k id\n";
    let errs = errors(&format!("{with_id}main = print (withId (id (\\_ -> 'c')))\n"));
    assert!(errs.iter().any(|e| e.starts_with("E0201") && e.contains("cannot stand for a `forall` type")), "{errs:?}");
    let errs = errors(&format!("{with_id}main = print (withId (id (\\i -> i 'x')))\n"));
    assert!(errs.iter().any(|e| e.starts_with("E0201") && e.contains("(forall a. a -> a) -> ")), "{errs:?}");
}

#[test]
fn forall_types_print_and_survive_interfaces() {
    let imports = with_prelude();
    let m = compile(&format!("module M where\n{ST}"), "M.hs", false, &imports).unwrap_or_else(|e| panic!("{}", e.join("\n"))).interface;
    assert_eq!(Interface::decode(&m.encode()).as_ref(), Ok(&m));
    let scope = ReplScope::new(&imports["Prelude"], Some(&m));
    let e = match bhc_syntax::parse_repl_input("runST", &ParseOptions::default()) {
        Ok(bhc_syntax::ReplInput::Expr(e)) => e,
        other => panic!("not an expression: {other:?}"),
    };
    assert_eq!(repl_type(&e, &scope).map_err(|_| ()), Ok("(forall s. ST s a) -> a".to_string()));
}

#[test]
fn explicit_top_level_forall_names_the_signature_variables() {
    accepted("pair :: forall a b. a -> b -> (a, b)\npair x y = (x, y)\nmain = print (pair 'x' True)\n");
}

/// A module with rank-2 types whose `forall`s have contexts.
const SHOWING: &str = "\
applyAll :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
applyAll f (x, y) = [f x, f y]
data Showy = Showy (forall a. (Show a, Eq a) => a -> a -> String)
";

#[test]
fn forall_types_with_contexts_print_and_survive_interfaces() {
    let imports = with_prelude();
    let m = compile(&format!("module M where\n{SHOWING}"), "M.hs", false, &imports)
        .unwrap_or_else(|e| panic!("{}", e.join("\n")))
        .interface;
    assert_eq!(Interface::decode(&m.encode()).as_ref(), Ok(&m));
    let scope = ReplScope::new(&imports["Prelude"], Some(&m));
    for (input, ty) in [
        ("applyAll", "(forall a. Show a => a -> [Char]) -> (Int, Bool) -> [[Char]]"),
        ("Showy", "(forall a. (Show a, Eq a) => a -> a -> [Char]) -> Showy"),
    ] {
        let e = match bhc_syntax::parse_repl_input(input, &ParseOptions::default()) {
            Ok(bhc_syntax::ReplInput::Expr(e)) => e,
            other => panic!("not an expression: {other:?}"),
        };
        assert_eq!(repl_type(&e, &scope).map_err(|_| ()), Ok(ty.to_string()));
    }
}

#[test]
fn a_context_in_a_nested_forall_is_given_to_the_argument_and_wanted_at_uses() {
    accepted(&format!(
        "{SHOWING}\
useShowy :: Showy -> String
useShowy (Showy f) = f 'a' 'b' ++ f [1 :: Int] [2]
passOn :: (forall a. Show a => a -> String) -> [String]
passOn g = applyAll g (1, True) ++ applyAll (\\v -> g v ++ g [v]) (2, False)
main = do
  print (applyAll show (1, True))
  putStrLn (useShowy (Showy (\\x y -> show (x == y))))
  print (passOn (\\x -> show (Just x)))
"
    ));
}

#[test]
fn a_constraint_the_nested_context_does_not_give_is_reported_with_it() {
    let errs = errors(&format!("{SHOWING}main = print (applyAll (\\v -> show (v + 1)) (1, True))\n"));
    assert!(errs.iter().any(|e| e.starts_with("E0203") && e.contains("could not deduce (Num a)") && e.contains("(Show a)")), "{errs:?}");
    // The variable of the nested `forall` still must not escape.
    let errs = errors(&format!("{SHOWING}leak :: (forall a. Show a => a -> a) -> Int\nleak f = f 1\nmain = print (leak (\\x -> 'c'))\n"));
    assert!(errs.iter().any(|e| e.starts_with("E0201")), "{errs:?}");
}
