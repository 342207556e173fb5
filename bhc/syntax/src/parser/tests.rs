//! Parser tests: the AST shape of representative declarations, expressions, patterns and
//! types (rendered by `crate::sexp`), the REPL entry point, and syntax errors.

use crate::ast::{Export, Module};
use crate::sexp;
use crate::{parse_module, parse_repl_input, Diagnostic, ParseOptions, ReplInput};

const PLAIN: ParseOptions = ParseOptions { magic_hash: false };
const MAGIC: ParseOptions = ParseOptions { magic_hash: true };

fn module(src: &str) -> Module {
    match parse_module(src, &PLAIN) {
        Ok(m) => m,
        Err(d) => panic!("parse failed for {src:?}: {d:#?}"),
    }
}

fn decls_with(src: &str, opts: &ParseOptions) -> Vec<String> {
    match parse_module(src, opts) {
        Ok(m) => m.decls.iter().map(sexp::decl).collect(),
        Err(d) => panic!("parse failed for {src:?}: {d:#?}"),
    }
}

fn decls(src: &str) -> Vec<String> {
    decls_with(src, &PLAIN)
}

fn decl(src: &str) -> String {
    let mut ds = decls(src);
    assert_eq!(ds.len(), 1, "{ds:?}");
    ds.remove(0)
}

fn expr(src: &str) -> String {
    match parse_repl_input(src, &PLAIN) {
        Ok(ReplInput::Expr(e)) => sexp::expr(&e),
        other => panic!("not an expression: {src:?}: {other:#?}"),
    }
}

fn pat(src: &str) -> String {
    pat_with(src, &PLAIN)
}

fn pat_with(src: &str, opts: &ParseOptions) -> String {
    match parse_repl_input(&format!("{src} <- e"), opts) {
        Ok(ReplInput::Bind(p, _)) => sexp::pat(&p),
        other => panic!("not a pattern: {src:?}: {other:#?}"),
    }
}

fn ty(src: &str) -> String {
    let d = decl(&format!("x :: {src}"));
    d.strip_prefix("(sig x ").and_then(|s| s.strip_suffix(')')).unwrap_or(&d).to_string()
}

fn errors(src: &str) -> Vec<Diagnostic> {
    match parse_module(src, &PLAIN) {
        Ok(m) => panic!("expected an error for {src:?}, got {m:#?}"),
        Err(d) => d,
    }
}

// ---- module structure

#[test]
fn module_header_exports_and_imports() {
    let m = module(
        "module Data.Foo (f, T(..), C(m1, (+.)), U, module M, (<+>)) where\n\
         import Prelude hiding (lookup)\n\
         import qualified Data.Map as Map\n\
         import Data.List (sortBy, Maybe(Just), Either(..))\n\
         import M ()\n\
         f = 1\n",
    );
    assert_eq!(m.name.as_ref().map(|n| n.name.as_str()), Some("Data.Foo"));
    let exports = m.exports.as_ref().unwrap();
    assert_eq!(exports.len(), 6);
    assert!(matches!(&exports[1], Export::AllOf(q) if q.name == "T"));
    assert!(matches!(&exports[2], Export::Some(q, items) if q.name == "C" && items[1].name == "+."));
    assert!(matches!(&exports[4], Export::Module(m) if m.name == "M"));
    assert!(matches!(&exports[5], Export::Name(q) if q.name == "<+>"));
    assert_eq!(m.imports.len(), 4);
    assert!(matches!(&m.imports[0].items, Some((true, items)) if items.len() == 1));
    assert!(m.imports[1].qualified);
    assert_eq!(m.imports[1].alias.as_ref().unwrap().name, "Map");
    assert!(matches!(&m.imports[2].items, Some((false, items)) if items.len() == 3));
    assert!(matches!(&m.imports[3].items, Some((false, items)) if items.is_empty()));
    assert_eq!(m.decls.len(), 1);
}

#[test]
fn module_without_header() {
    let m = module("main = print 1\n");
    assert!(m.name.is_none());
    assert!(m.exports.is_none());
    assert_eq!(m.decls.len(), 1);
}

#[test]
fn empty_modules() {
    assert!(module("").decls.is_empty());
    assert!(module("-- nothing\n{- at all -}\n").decls.is_empty());
    let m = module("module M where");
    assert_eq!(m.name.unwrap().name, "M");
    assert!(module("module M (f) where\n\n").decls.is_empty());
}

#[test]
fn module_header_errors() {
    let d = errors("module M\nf = 1");
    assert!(d[0].message.contains("expected"), "{d:#?}");
    let d = errors("module m where");
    assert!(d[0].message.contains("module name"), "{d:#?}");
    let d = errors("module M where\nx = 1\n}");
    assert!(d[0].message.contains("`}`"), "{d:#?}");
}

#[test]
fn module_with_explicit_braces() {
    let m = module("module M where { import A ; x = 1 ; y = 2 }");
    assert_eq!(m.imports.len(), 1);
    assert_eq!(m.decls.len(), 2);
}

// ---- declarations

#[test]
fn type_signatures() {
    assert_eq!(decl("f, g :: Int -> Int"), "(sig f g (-> Int Int))");
    assert_eq!(decl("(<+>) :: a -> a -> a"), "(sig <+> (-> a (-> a a)))");
    assert_eq!(decl("f :: Eq a => a -> Bool"), "(sig f (=> (ctx (Eq a)) (-> a Bool)))");
    assert_eq!(
        decl("f :: (Eq a, Show a) => [a] -> String"),
        "(sig f (=> (ctx (Eq a) (Show a)) (-> (TList a) String)))"
    );
    assert_eq!(decl("f :: (Monad m) => m a"), "(sig f (=> (ctx (Monad m)) (TApp m a)))");
}

#[test]
fn fixity_declarations() {
    assert_eq!(decls("infixl 6 +., -.\ninfixr 5 :+\ninfix `elem2`"), [
        "(left 6 +. -.)",
        "(right 5 :+)",
        "(none 9 elem2)"
    ]);
}

#[test]
fn function_clauses() {
    assert_eq!(decl("f x (Just y) _ = y"), "(fun f x (pparen (Just y)) _ y)");
    assert_eq!(decl("x <+> y = x"), "(fun <+> x y x)");
    assert_eq!(decl("x `op` y = y"), "(fun op x y y)");
    assert_eq!(decl("(f . g) x = f (g x)"), "(fun . f g x (app f (paren (app g x))))");
    assert_eq!(decl("(x <+> y) z = z"), "(fun <+> x y z z)");
    assert_eq!(decl("(<+>) a b = a"), "(fun <+> a b a)");
    assert_eq!(decl("(x:xs) +++ ys = x"), "(fun +++ (pparen (pchain x : xs)) ys x)");
}

#[test]
fn guards_and_where() {
    assert_eq!(
        decl("f x | x > 0, let y = x, Just z <- g y = z\n    | otherwise = 0\n  where g = h"),
        "(fun f x (where (guards (| (chain x > 0) (let (bind y x)) (<- (Just z) (app g y)) z) (| otherwise 0)) (bind g h)))"
    );
}

#[test]
fn pattern_bindings() {
    assert_eq!(decl("x = 1"), "(bind x 1)");
    assert_eq!(decl("(a, b) = p"), "(bind (ptuple a b) p)");
    assert_eq!(decl("Just y = m"), "(bind (Just y) m)");
    assert_eq!(decl("x : xs = l"), "(bind (pchain x : xs) l)");
    assert_eq!(decl("all@(x:_) = l"), "(bind (@ all (pparen (pchain x : _))) l)");
    assert_eq!(decl("~(a, b) = p"), "(bind (~ (ptuple a b)) p)");
}

#[test]
fn data_declarations() {
    assert_eq!(decl("data Color = Red | Green | Blue deriving (Eq, Show)"), "(data (ctx) (Color) (Red) (Green) (Blue) (deriving Eq Show))");
    assert_eq!(
        decl("data Tree a = Leaf | Node (Tree a) !a (Tree a) deriving Show"),
        "(data (ctx) (Tree a) (Leaf) (Node (TApp Tree a) !a (TApp Tree a)) (deriving Show))"
    );
    assert_eq!(decl("data P = P { px, py :: !Double, name :: String }"), "(data (ctx) (P) (P px,py::!Double name::String) (deriving))");
    assert_eq!(decl("data C = !Double :+ !Double"), "(data (ctx) (C) (infix :+ !Double !Double) (deriving))");
    assert_eq!(decl("data L a = a :< [a] | Nil"), "(data (ctx) (L a) (infix :< a (TList a)) (Nil) (deriving))");
    assert_eq!(decl("data Eq a => Set a = Set [a]"), "(data (ctx (Eq a)) (Set a) (Set (TList a)) (deriving))");
    assert_eq!(decl("data Void"), "(data (ctx) (Void) (deriving))");
    assert_eq!(decl("data T = (:@) Int Int"), "(data (ctx) (T) (:@ Int Int) (deriving))");
    assert_eq!(decl("newtype Age = Age Int deriving (Eq, Ord)"), "(newtype (ctx) (Age) (Age Int) (deriving Eq Ord))");
    assert_eq!(decl("newtype W a = W { unW :: a }"), "(newtype (ctx) (W a) (W unW::a) (deriving))");
}

#[test]
fn type_synonyms() {
    assert_eq!(decl("type Name = String"), "(type (Name) String)");
    assert_eq!(decl("type Pair a b = (a, b)"), "(type (Pair a b) (TTuple a b))");
    assert_eq!(decl("type F = Int -> Int"), "(type (F) (-> Int Int))");
}

#[test]
fn classes_and_instances() {
    assert_eq!(
        decl("class (Eq a) => Container a where\n  empty :: a\n  insert, remove :: Int -> a -> a\n  remove _ x = x\n  infixl 5 `insert`"),
        "(class (ctx (Eq a)) Container a (sig empty a) (sig insert remove (-> Int (-> a a))) (fun remove _ x x) (left 5 insert))"
    );
    assert_eq!(decl("class Show a"), "(class (ctx) Show a)");
    assert_eq!(
        decl("instance Show a => Show (Tree a) where\n  show Leaf = \"L\"\n  show _ = \"N\""),
        "(instance (ctx (Show a)) Show (TApp Tree a) (fun show Leaf \"L\") (fun show _ \"N\"))"
    );
    assert_eq!(decl("instance Functor ((->) r)"), "(instance (ctx) Functor (TApp (->) r))");
    assert_eq!(decl("instance (Eq a, Eq b) => Eq (a, b)"), "(instance (ctx (Eq a) (Eq b)) Eq (TTuple a b))");
    assert_eq!(decl("instance Monad []"), "(instance (ctx) Monad [])");
}

#[test]
fn default_declarations() {
    assert_eq!(decl("default (Integer, Double)"), "(default Integer Double)");
    assert_eq!(decl("default ()"), "(default)");
}

// ---- expressions

#[test]
fn application_and_operators() {
    assert_eq!(expr("f x y"), "(app (app f x) y)");
    assert_eq!(expr("a + b * c"), "(chain a + b * c)");
    assert_eq!(expr("- x + y"), "(chain neg x + y)");
    assert_eq!(expr("a * - b"), "(chain a * neg b)");
    assert_eq!(expr("x `div` 2"), "(chain x div 2)");
    assert_eq!(expr("M.f M.x M.+ y"), "(chain (app M.f M.x) M.+ y)");
    assert_eq!(expr("x : xs"), "(chain x : xs)");
    assert_eq!(expr("f $ \\x -> x + 1"), "(chain f $ (\\ x (chain x + 1)))");
}

#[test]
fn keyword_expressions() {
    assert_eq!(expr("\\x (Just y) -> x"), "(\\ x (pparen (Just y)) x)");
    assert_eq!(expr("let x = 1; y = 2 in x + y"), "(let (bind x 1) (bind y 2) (chain x + y))");
    assert_eq!(expr("if a then b else c"), "(if a b c)");
    assert_eq!(expr("case m of { Just x -> x; Nothing -> 0 }"), "(case m (alt (Just x) x) (alt Nothing 0))");
    assert_eq!(expr("case m of Just x | x > 0 -> x\n                 | otherwise -> 0"), "(case m (alt (Just x) (guards (| (chain x > 0) x) (| otherwise 0))))");
    assert_eq!(
        expr("do { x <- getLine; let { y = x }; putStrLn y }"),
        "(do (<- x getLine) (let (bind y x)) (app putStrLn y))"
    );
    assert_eq!(expr("do\n  x <- a\n  b x"), "(do (<- x a) (app b x))");
}

#[test]
fn tuples_lists_and_sequences() {
    assert_eq!(expr("(a, b, c)"), "(tuple a b c)");
    assert_eq!(expr("()"), "()");
    assert_eq!(expr("(,) 1"), "(app (,) 1)");
    assert_eq!(expr("(,,)"), "(,,)");
    assert_eq!(expr("[]"), "[]");
    assert_eq!(expr("[1, 2, 3]"), "(list 1 2 3)");
    assert_eq!(expr("[x]"), "(list x)");
    assert_eq!(expr("[1 ..]"), "(enum 1 _ _)");
    assert_eq!(expr("[1, 3 ..]"), "(enum 1 3 _)");
    assert_eq!(expr("[1 .. 10]"), "(enum 1 _ 10)");
    assert_eq!(expr("[1, 3 .. 10]"), "(enum 1 3 10)");
    assert_eq!(expr("[LT ..]"), "(enum LT _ _)");
    assert_eq!(
        expr("[(x, y) | x <- xs, let y = x * 2, even y]"),
        "(comp (tuple x y) (<- x xs) (let (bind y (chain x * 2))) (app even y))"
    );
}

#[test]
fn sections() {
    assert_eq!(expr("(+ 1)"), "(rsec + 1)");
    assert_eq!(expr("(1 +)"), "(lsec 1 +)");
    assert_eq!(expr("(`div` 2)"), "(rsec div 2)");
    assert_eq!(expr("(x `elem`)"), "(lsec x elem)");
    assert_eq!(expr("(a + b +)"), "(lsec (chain a + b) +)");
    assert_eq!(expr("(- 1)"), "(paren (chain neg 1))");
    assert_eq!(expr("(-)"), "-");
    assert_eq!(expr("(+)"), "+");
    assert_eq!(expr("(:)"), ":");
    assert_eq!(expr("(subtract 1)"), "(paren (app subtract 1))");
    assert_eq!(expr("(: [])"), "(rsec : [])");
    assert_eq!(expr("(M.+ 1)"), "(rsec M.+ 1)");
}

#[test]
fn annotations_records_and_parens() {
    assert_eq!(expr("x :: Int"), "(:: x Int)");
    assert_eq!(expr("(1 :: Int, 2)"), "(tuple (:: 1 Int) 2)");
    assert_eq!(expr("read s :: Num a => a"), "(:: (app read s) (=> (ctx (Num a)) a))");
    assert_eq!(expr("P { px = 1, py = 2 }"), "(rcon P px=1 py=2)");
    assert_eq!(expr("P {}"), "(rcon P)");
    assert_eq!(expr("p { px = 3 }"), "(rupd p px=3)");
    assert_eq!(expr("f p { px = 3 }"), "(app f (rupd p px=3))");
    assert_eq!(expr("(a + b) * c"), "(chain (paren (chain a + b)) * c)");
}

#[test]
fn literals() {
    assert_eq!(expr("'x'"), "'x'");
    assert_eq!(expr("\"hi\\n\""), "\"hi\\n\"");
    assert_eq!(expr("1.5e3"), "1.5e3");
    assert_eq!(expr("0x10"), "16");
}

// ---- patterns

#[test]
fn patterns() {
    assert_eq!(pat("x"), "x");
    assert_eq!(pat("_"), "_");
    assert_eq!(pat("Just (x, _)"), "(Just (ptuple x _))");
    assert_eq!(pat("M.Just x"), "(M.Just x)");
    assert_eq!(pat("x : y : rest"), "(pchain x : y : rest)");
    assert_eq!(pat("a :+ b"), "(pchain a :+ b)");
    assert_eq!(pat("a `Cons` b"), "(pchain a Cons b)");
    assert_eq!(pat("[a, b]"), "(plist a b)");
    assert_eq!(pat("[]"), "[]");
    assert_eq!(pat("()"), "()");
    assert_eq!(pat("xs@(x:_)"), "(@ xs (pparen (pchain x : _)))");
    assert_eq!(pat("~(a, b)"), "(~ (ptuple a b))");
    assert_eq!(pat("P { px = 1, py = y }"), "(P px=1 py=y)");
    assert_eq!(pat("(-1)"), "(pparen -1)");
    assert_eq!(pat("(Just (-2.5))"), "(pparen (Just (pparen -2.5)))");
    assert_eq!(pat("'c'"), "'c'");
    assert_eq!(pat("\"s\""), "\"s\"");
    assert_eq!(pat("(,) a b"), "((,) a b)");
}

#[test]
fn negative_literal_in_case_alternative() {
    assert_eq!(expr("case n of -1 -> a; _ -> b"), "(case n (alt -1 a) (alt _ b))");
}

#[test]
fn bang_patterns_only_with_magic_hash() {
    assert_eq!(pat_with("!x", &MAGIC), "(! x)");
    assert_eq!(decls_with("f !x !(a, b) = x", &MAGIC), ["(fun f (! x) (! (ptuple a b)) x)"]);
    assert_eq!(decls_with("a ! i = a", &MAGIC), ["(fun ! a i a)"]);
    assert_eq!(decl("f !x = x"), "(fun ! f x x)");
}

#[test]
fn magic_hash_syntax() {
    assert_eq!(
        decls_with("data Int = I# Int#\nplusInt (I# x) (I# y) = I# (x +# y)\nc = C# 'c'#\ns = unpackCString# \"abc\"#\nd = D# 1.5##\nn = f (-1#)", &MAGIC),
        [
            "(data (ctx) (Int) (I# Int#) (deriving))",
            "(fun plusInt (pparen (I# x)) (pparen (I# y)) (app I# (paren (chain x +# y))))",
            "(bind c (app C# 'c'#))",
            "(bind s (app unpackCString# \"abc\"#))",
            "(bind d (app D# 1.5##))",
            "(bind n (app f (paren (chain neg 1#))))"
        ]
    );
}

// ---- types

#[test]
fn types() {
    assert_eq!(ty("a"), "a");
    assert_eq!(ty("Maybe a"), "(TApp Maybe a)");
    assert_eq!(ty("Either a b -> c"), "(-> (TApp (TApp Either a) b) c)");
    assert_eq!(ty("a -> b -> c"), "(-> a (-> b c))");
    assert_eq!(ty("(a -> b) -> c"), "(-> (-> a b) c)");
    assert_eq!(ty("[a]"), "(TList a)");
    assert_eq!(ty("(a, [b])"), "(TTuple a (TList b))");
    assert_eq!(ty("()"), "()");
    assert_eq!(ty("[] a"), "(TApp [] a)");
    assert_eq!(ty("(->) a b"), "(TApp (TApp (->) a) b)");
    assert_eq!(ty("(,) a b"), "(TApp (TApp (,) a) b)");
    assert_eq!(ty("M.T a"), "(TApp M.T a)");
    assert_eq!(ty("m (Maybe a)"), "(TApp m (TApp Maybe a))");
}

#[test]
fn forall_types() {
    assert_eq!(ty("(forall s. ST s a) -> a"), "(-> (forall (vars s) (TApp (TApp ST s) a)) a)");
    assert_eq!(ty("forall a b. a -> b"), "(forall (vars a b) (-> a b))");
    assert_eq!(ty("((forall a. IO a -> IO a) -> IO b) -> IO b").matches("forall").count(), 1);
    assert_eq!(ty("forall -> a"), "(-> forall a)", "`forall` without binders is a type variable");
    assert_eq!(
        ty("(forall a. Show a => a -> String) -> Int"),
        "(-> (forall (vars a) (=> (ctx (Show a)) (-> a String))) Int)"
    );
    assert_eq!(
        ty("(forall a. forall b. (Eq a, Show b) => a -> b) -> Int"),
        "(-> (forall (vars a) (forall (vars b) (=> (ctx (Eq a) (Show b)) (-> a b)))) Int)"
    );
}

// ---- the REPL entry point

#[test]
fn repl_inputs() {
    let p = |s: &str| parse_repl_input(s, &PLAIN).unwrap();
    assert!(matches!(p(""), ReplInput::Empty));
    assert!(matches!(p("  -- just a comment"), ReplInput::Empty));
    assert!(matches!(p("1 + 2"), ReplInput::Expr(_)));
    assert!(matches!(p("let x = 1 in x"), ReplInput::Expr(_)));
    assert!(matches!(p("x <- getLine"), ReplInput::Bind(..)));
    assert!(matches!(p("let x = 1"), ReplInput::Let(ds) if ds.len() == 1));
    assert!(matches!(p("let f 0 = 1\n    f n = n"), ReplInput::Let(ds) if ds.len() == 2));
    assert!(matches!(p("f x = x + 1"), ReplInput::Decls(ds) if ds.len() == 1));
    assert!(matches!(p("data T = A | B"), ReplInput::Decls(_)));
    assert!(matches!(p("f :: Int\nf = 1"), ReplInput::Decls(ds) if ds.len() == 2));
}

#[test]
fn repl_errors_pick_the_likely_reading() {
    let d = parse_repl_input("f x = ", &PLAIN).unwrap_err();
    assert!(d[0].message.contains("expected an expression"), "{d:?}");
    let d = parse_repl_input("1 + )", &PLAIN).unwrap_err();
    assert!(d[0].message.contains("unexpected `)`"), "{d:?}");
}

// ---- errors

#[test]
fn syntax_error_points_at_the_token() {
    let src = "f = (1 + )) * 2";
    let d = errors(src);
    assert_eq!(d[0].code, "E0001");
    let at = d[0].span().start as usize;
    assert_eq!(&src[at..at + 1], ")");
    assert!(d[0].message.starts_with("unexpected `)`"), "{}", d[0].message);
}

#[test]
fn missing_expression_message() {
    let d = errors("f x =\ng = 2");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("expected an expression"), "{}", d[0].message);
    assert!(d[0].help.is_some());
    assert_eq!(d[0].span().start, 5, "shown right after `=`");
}

#[test]
fn several_errors_per_module() {
    let d = errors("a = (\nb = 1\nc = ]\nd = 2\ne = let in");
    assert_eq!(d.len(), 3, "{d:#?}");
}

#[test]
fn unclosed_paren_gets_help() {
    let d = errors("f = (1 + 2");
    assert!(d[0].help.as_deref().unwrap_or("").contains("`)`"), "{d:#?}");
}

#[test]
fn import_after_declaration_is_reported() {
    let d = errors("x = 1\nimport Data.List");
    assert!(d[0].message.contains("import"), "{d:#?}");
}

#[test]
fn malformed_heads_are_reported() {
    assert!(errors("data T Int = A")[0].message.contains("declaration head"));
    assert!(errors("class C a b")[0].message.contains("one type variable"));
    assert!(errors("f :: Foo a b => a")[0].message.contains("context"));
    assert!(errors("instance Show a => Show a where\n  f :: Int")[0].message.contains("not allowed"));
}

#[test]
fn haskell98_library_idioms() {
    let src = [
        "module List where",
        "infix 5 \\\\",
        "(\\\\)               :: (Eq a) => [a] -> [a] -> [a]",
        "(\\\\)                = foldl (flip delete)",
        "deleteBy eq x (y:ys)= if x `eq` y then ys else deleteBy eq x ys",
        "partition p         = foldr select ([],[])",
        "\t\t      where select x (ts,fs) | p x       = (x:ts,fs)",
        "\t\t  \t\t\t     | otherwise = (ts,x:fs)",
        "unzip4                    = foldr (\\(a,b,c,d) ~(as,bs,cs,ds) ->",
        "                                       (a:as,b:bs,c:cs,d:ds))",
        "\t\t\t\t  ([],[],[],[])",
        "genericSplitAt n (x:xs) | n > 0  =  (x:xs',xs'') where",
        "                               (xs',xs'') = genericSplitAt (n-1) xs",
        "mapAccumL f s (x:xs)    = (s'',y:ys)",
        "                          where (s', y ) = f s x",
        "                                (s'',ys) = mapAccumL f s' xs",
        "permutations (x:xs)     = [zs | ys <- permutations xs, zs <- interleave x ys ]",
        "  where interleave         :: a -> [a] -> [[a]]",
        "        interleave x []     = [[x]]",
    ]
    .join("\n");
    let ds = decls(&src);
    assert_eq!(ds.len(), 9, "{ds:#?}");
    assert_eq!(ds[0], "(none 5 \\\\)");
    assert_eq!(
        ds[4],
        "(fun partition p (where (app (app foldr select) (tuple [] [])) (fun select x (ptuple ts fs) (guards (| (app p x) (tuple (chain x : ts) fs)) (| otherwise (tuple ts (chain x : fs)))))))"
    );
    assert!(ds[5].starts_with("(bind unzip4 (app (app foldr (paren (\\ (ptuple a b c d) (~ (ptuple as bs cs ds))"), "{}", ds[5]);
    assert!(ds[6].contains("(where (guards (| (chain n > 0) (tuple (chain x : xs') xs''))) (bind (ptuple xs' xs'')"), "{}", ds[6]);
}

#[test]
fn instance_and_class_idioms() {
    let src = "class (Eq a) => Container f a where\n  empty :: f a\n";
    assert!(parse_module(src, &PLAIN).is_err(), "a class has one parameter in Haskell 2010");
    let ds = decls(
        &[
            "instance (Num a) => Num (V a) where",
            "  V a + V b = V (a + b)",
            "  negate (V a) = V (negate a)",
            "  fromInteger n = V (fromInteger n)",
            "class Eq a where",
            "  (==), (/=) :: a -> a -> Bool",
            "  x /= y = not (x == y)",
            "  x == y | True = not (x /= y)",
        ]
        .join("\n"),
    );
    assert_eq!(
        ds[0],
        "(instance (ctx (Num a)) Num (TApp V a) (fun + (V a) (V b) (app V (paren (chain a + b)))) (fun negate (pparen (V a)) (app V (paren (app negate a)))) (fun fromInteger n (app V (paren (app fromInteger n)))))"
    );
    assert_eq!(
        ds[1],
        "(class (ctx) Eq a (sig == /= (-> a (-> a Bool))) (fun /= x y (app not (paren (chain x == y)))) (fun == x y (guards (| True (app not (paren (chain x /= y)))))))"
    );
}

#[test]
fn negative_literal_patterns_in_clauses() {
    assert_eq!(decls("f (-1) = 0\nf (-2.5) = 1"), ["(fun f (pparen -1) 0)", "(fun f (pparen -2.5) 1)"]);
}

#[test]
fn spans_are_byte_offsets_into_the_source() {
    use crate::ast::{Decl, Expr, RhsBody};
    let src = "main = pure ()\nf xs = map (+ 1) xs\n";
    let m = module(src);
    let text = |s: crate::ast::Span| &src[s.start as usize..s.end as usize];
    let Decl::FunClause(f) = &m.decls[1] else { panic!() };
    assert_eq!(text(f.span), "f xs = map (+ 1) xs");
    assert_eq!(text(f.name.span), "f");
    assert_eq!(text(f.args[0].span()), "xs");
    let RhsBody::Plain(body) = &f.rhs.body else { panic!() };
    assert_eq!(text(body.span()), "map (+ 1) xs");
    let Expr::App(fun, _, _) = body else { panic!() };
    let Expr::App(_, section, _) = &**fun else { panic!() };
    assert_eq!(text(section.span()), "(+ 1)");
    assert_eq!(m.span, crate::ast::Span::new(0, src.len() as u32));
}

#[test]
fn existential_constructors() {
    assert_eq!(
        decl("data SomeException = forall e . Exception e => SomeException e"),
        decl("data SomeException = forall e . Exception e => SomeException e")
    );
    let d = decl("data S = forall e . Exception e => SomeException e | forall a b. (Show a, Eq b) => P a b | Q Int");
    assert!(d.contains("(forall (vars e) (ctx (Exception e)) (SomeException e))"), "{d}");
    assert!(d.contains("(forall (vars a b) (ctx (Show a) (Eq b)) (P a b))"), "{d}");
    assert!(d.contains("(Q Int)"), "{d}");
    let ctx_only = decl("data T a = Show a => T a");
    assert!(ctx_only.contains("(forall (vars) (ctx (Show a)) (T a))"), "{ctx_only}");
}
