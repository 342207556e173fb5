-- Data.Monoid: the Monoid class and the standard monoid wrappers (GHC's module of the
-- same name).
module Data.Monoid
  ( Monoid(..), Semigroup(..), (<>)
  , Dual(..), Endo(..), All(..), Any(..), Sum(..), Product(..), First(..), Last(..)
  , Alt(..)
  ) where

import Control.Applicative (Alternative(..))

-- | The monoid with its operation flipped.
newtype Dual a = Dual { getDual :: a }

instance Eq a => Eq (Dual a) where
  Dual a == Dual b = a == b
instance Ord a => Ord (Dual a) where
  compare (Dual a) (Dual b) = compare a b
instance Show a => Show (Dual a) where
  showsPrec d (Dual a) = showParen (d >= 11) (showString "Dual {getDual = " . shows a . showChar '}')
instance Semigroup a => Semigroup (Dual a) where
  Dual a <> Dual b = Dual (b <> a)
instance Monoid a => Monoid (Dual a) where
  mempty = Dual mempty

-- | Booleans under conjunction.
newtype All = All { getAll :: Bool }

instance Eq All where
  All a == All b = a == b
instance Ord All where
  compare (All a) (All b) = compare a b
instance Show All where
  showsPrec d (All a) = showParen (d >= 11) (showString "All {getAll = " . shows a . showChar '}')
instance Semigroup All where
  All a <> All b = All (a && b)
instance Monoid All where
  mempty = All True

-- | Booleans under disjunction.
newtype Any = Any { getAny :: Bool }

instance Eq Any where
  Any a == Any b = a == b
instance Ord Any where
  compare (Any a) (Any b) = compare a b
instance Show Any where
  showsPrec d (Any a) = showParen (d >= 11) (showString "Any {getAny = " . shows a . showChar '}')
instance Semigroup Any where
  Any a <> Any b = Any (a || b)
instance Monoid Any where
  mempty = Any False

-- | Numbers under addition.
newtype Sum a = Sum { getSum :: a }

instance Eq a => Eq (Sum a) where
  Sum a == Sum b = a == b
instance Ord a => Ord (Sum a) where
  compare (Sum a) (Sum b) = compare a b
instance Show a => Show (Sum a) where
  showsPrec d (Sum a) = showParen (d >= 11) (showString "Sum {getSum = " . shows a . showChar '}')
instance Num a => Semigroup (Sum a) where
  Sum a <> Sum b = Sum (a + b)
instance Num a => Monoid (Sum a) where
  mempty = Sum 0
instance Functor Sum where
  fmap f (Sum a) = Sum (f a)

-- | Numbers under multiplication.
newtype Product a = Product { getProduct :: a }

instance Eq a => Eq (Product a) where
  Product a == Product b = a == b
instance Ord a => Ord (Product a) where
  compare (Product a) (Product b) = compare a b
instance Show a => Show (Product a) where
  showsPrec d (Product a) = showParen (d >= 11) (showString "Product {getProduct = " . shows a . showChar '}')
instance Num a => Semigroup (Product a) where
  Product a <> Product b = Product (a * b)
instance Num a => Monoid (Product a) where
  mempty = Product 1
instance Functor Product where
  fmap f (Product a) = Product (f a)

-- | The leftmost Just.
newtype First a = First { getFirst :: Maybe a }

instance Eq a => Eq (First a) where
  First a == First b = a == b
instance Ord a => Ord (First a) where
  compare (First a) (First b) = compare a b
instance Show a => Show (First a) where
  showsPrec d (First a) = showParen (d >= 11) (showString "First {getFirst = " . shows a . showChar '}')
instance Semigroup (First a) where
  First Nothing <> b = b
  a <> _ = a
instance Monoid (First a) where
  mempty = First Nothing

-- | The rightmost Just.
newtype Last a = Last { getLast :: Maybe a }

instance Eq a => Eq (Last a) where
  Last a == Last b = a == b
instance Ord a => Ord (Last a) where
  compare (Last a) (Last b) = compare a b
instance Show a => Show (Last a) where
  showsPrec d (Last a) = showParen (d >= 11) (showString "Last {getLast = " . shows a . showChar '}')
instance Semigroup (Last a) where
  a <> Last Nothing = a
  _ <> b = b
instance Monoid (Last a) where
  mempty = Last Nothing

-- | An Alternative under <|>.
newtype Alt f a = Alt { getAlt :: f a }

instance Alternative f => Semigroup (Alt f a) where
  Alt a <> Alt b = Alt (a <|> b)
instance Alternative f => Monoid (Alt f a) where
  mempty = Alt empty
