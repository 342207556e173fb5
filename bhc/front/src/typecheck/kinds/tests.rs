//! Kind inference and kind errors on source programs, and the `:kind` query.

use crate::tests::{compile, errors, main_module, with_prelude};
use crate::{repl_kind, ReplScope};
use bhc_syntax::ParseOptions;

fn kind_errors(src: &str) -> Vec<String> {
    errors(src).into_iter().filter(|e| e.starts_with("E0211")).collect()
}

fn accepted(src: &str) {
    if let Err(e) = main_module(src) {
        panic!("rejected:\n{}", e.join("\n"));
    }
}

fn kind_in(module_src: &str, ty: &str) -> Result<String, Vec<String>> {
    let imports = with_prelude();
    let m = compile(module_src, "M.hs", false, &imports)?.interface;
    let scope = ReplScope::new(&imports["Prelude"], Some(&m));
    let src = format!("x :: {ty}\nx = x\n");
    let parsed = bhc_syntax::parse_module(&src, &ParseOptions::default()).map_err(|_| vec!["parse".to_string()])?;
    let Some(bhc_syntax::ast::Decl::TypeSig { ty, .. }) = parsed.decls.first() else {
        return Err(vec!["not a signature".to_string()]);
    };
    repl_kind(&ty.ty, &scope).map_err(|ds| ds.into_iter().map(|d| d.message).collect())
}

#[test]
fn higher_kinded_declarations_are_inferred() {
    let m = "\
module M where
data Fix f = Fix (f (Fix f))
newtype Compose f g a = Compose (f (g a))
data Rose a = Rose a [Rose a]
type Pair f = (f Int, f Bool)
class Container f where
  empty :: f a
  insert :: a -> f a -> f a
data Phantom a = Phantom
";
    assert_eq!(kind_in(m, "Fix").as_deref(), Ok("(* -> *) -> *"));
    assert_eq!(kind_in(m, "Compose").as_deref(), Ok("(* -> *) -> (* -> *) -> * -> *"));
    assert_eq!(kind_in(m, "Rose").as_deref(), Ok("* -> *"));
    assert_eq!(kind_in(m, "Pair").as_deref(), Ok("(* -> *) -> *"));
    assert_eq!(kind_in(m, "Phantom").as_deref(), Ok("* -> *"), "unconstrained kinds default to *");
    assert_eq!(kind_in(m, "Either Int").as_deref(), Ok("* -> *"));
    assert_eq!(kind_in(m, "Int").as_deref(), Ok("*"));
    assert!(kind_in(m, "Int Int").is_err());
}

#[test]
fn mutually_recursive_declarations_share_one_group() {
    let m = "\
module M where
data T f = T (U f)
data U f = U (f Int) (T f)
";
    assert_eq!(kind_in(m, "T").as_deref(), Ok("(* -> *) -> *"));
    assert_eq!(kind_in(m, "U").as_deref(), Ok("(* -> *) -> *"));
}

#[test]
fn higher_kinded_user_classes_keep_working() {
    accepted(
        "\
data Fix f = Fix (f (Fix f))
data ListF a r = Nil | Cons a r
instance Functor (ListF a) where
  fmap _ Nil = Nil
  fmap f (Cons a r) = Cons a (f r)
cata :: Functor f => (f a -> a) -> Fix f -> a
cata alg (Fix x) = alg (fmap (cata alg) x)
class C f where
  m :: f a -> f a
instance C Maybe where
  m = id
newtype Box a = Box a
instance Functor Box where
  fmap f (Box a) = Box (f a)
instance Applicative Box where
  pure = Box
  Box f <*> Box a = Box (f a)
instance Monad Box where
  Box a >>= f = f a
main = print (cata (\\l -> case l of { Nil -> 0; Cons a r -> a + r }) (Fix (Cons 1 (Fix Nil))) :: Int)
",
    );
}

#[test]
fn instance_of_a_constructor_class_at_a_plain_type() {
    let errs = kind_errors("instance Functor Int where\n  fmap = undefined\nmain = print 1\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("`Functor` expects a type of kind `* -> *`, but `Int` has kind `*`"), "{errs:?}");
    assert!(errs[0].contains("such as `Maybe`"), "{errs:?}");
}

#[test]
fn instance_head_with_too_many_arguments() {
    let errs = kind_errors("data P a b = P a b\ninstance Functor (P a b) where\n  fmap = undefined\nmain = print 1\n");
    assert!(errs.iter().any(|e| e.contains("as in `Functor (P a)`")), "{errs:?}");
}

#[test]
fn unapplied_constructors_in_fields_and_signatures() {
    let errs = kind_errors("data T = T (Maybe)\nf :: Maybe -> Int\nf _ = 1\nmain = print 1\n");
    assert!(errs.iter().any(|e| e.contains("expected a type, but `Maybe` has kind `* -> *`") && e.contains("[Maybe]")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("help: apply it to 1 more type argument(s), as in `Maybe Int`")), "{errs:?}");
}

#[test]
fn contexts_and_class_methods_are_kind_checked() {
    assert!(!kind_errors("f :: Eq Maybe => Int\nf = 1\nmain = print 1\n").is_empty());
    assert!(!kind_errors("k :: Functor f => f -> Int\nk _ = 4\nmain = print 1\n").is_empty());
    let errs = kind_errors("class C f where\n  m :: f a -> f\nmain = print 1\n");
    assert!(!errs.is_empty(), "a class variable used at two kinds");
    assert!(!kind_errors("data W a = W (a a)\nmain = print 1\n").is_empty(), "infinite kind");
    assert!(!kind_errors("h :: Int Int -> Int\nh _ = 3\nmain = print 1\n").is_empty());
    assert!(!kind_errors("main = print (1 :: Maybe)\n").is_empty(), "expression signatures");
    let errs = kind_errors("class Functor f => Weird f where\n  w :: f -> Int\nmain = print 1\n");
    assert!(errs.iter().any(|e| e.contains("`f` has kind `* -> *` from its other uses")), "the superclass fixes the kind: {errs:?}");
    let errs = kind_errors("class Eq a => C a where\n  m :: a -> a\ninstance C Maybe\nmain = print 1\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
}

#[test]
fn a_bad_signature_causes_no_follow_up_errors() {
    let errs = errors("f :: Maybe -> Int\nf _ = 1\nmain = print (f 'x', 2 :: Maybe)\n");
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs.iter().all(|e| e.starts_with("E0211")), "{errs:?}");
}
