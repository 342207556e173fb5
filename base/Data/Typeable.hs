-- Data.Typeable: run-time representations of types and type-safe casts (the part of
-- GHC's module of the same name that needs no kind polymorphism). The type checker
-- provides every Typeable instance itself (docs/conventions.md, "Exceptions").
module Data.Typeable
  ( Typeable, TypeRep, typeOf, cast, typeRepTyCon, typeRepArgs, tyConName
  ) where

-- | The representation of a value's type (the value is not evaluated).
typeOf :: Typeable a => a -> TypeRep
typeOf = typeRep#

-- | The name of the type constructor, unqualified.
typeRepTyCon :: TypeRep -> String
typeRepTyCon (TypeRep name _) = tyConName name

typeRepArgs :: TypeRep -> [TypeRep]
typeRepArgs (TypeRep _ args) = args

-- | A qualified type constructor name without its module.
tyConName :: String -> String
tyConName name = case break (== '.') name of
  (m : _, '.' : rest) | m >= 'A' && m <= 'Z' && not (null rest) -> tyConName rest
  _ -> name

instance Ord TypeRep where
  compare (TypeRep a as) (TypeRep b bs) = compare (a, as) (b, bs)

-- GHC's notation: lists and tuples in brackets, functions with arrows, other
-- constructors applied to their arguments.
instance Show TypeRep where
  showsPrec p (TypeRep name args) = case (tyConName name, args) of
    ("[]", [a]) -> showChar '[' . showsPrec 0 a . showChar ']'
    ("->", [a, b]) -> showParen (p > 8) (showsPrec 9 a . showString " -> " . showsPrec 8 b)
    ('(' : ',' : _, _) -> showChar '(' . commaSep args . showChar ')'
    (con, []) -> showString con
    (con, _) -> showParen (p > 9) (showString con . foldr (\a r -> showChar ' ' . showsPrec 10 a . r) id args)
    where
      commaSep [] = id
      commaSep (a : as) = showsPrec 0 a . foldr (\b r -> showChar ',' . showsPrec 0 b . r) id as
