-- Data.Monoid: the Monoid class and the standard monoid wrappers (GHC's module of the
-- same name).
module Data.Monoid
  ( Monoid(..), Semigroup(..), (<>)
  , Dual(..), Endo(..), All(..), Any(..), Sum(..), Product(..), First(..), Last(..)
  , Alt(..), Ap(..)
  ) where

import Control.Applicative (Alternative(..))

-- | The monoid with its operation flipped.
newtype Dual a = Dual { getDual :: a }
  deriving (Eq, Ord, Show, Read)

instance Semigroup a => Semigroup (Dual a) where
  Dual a <> Dual b = Dual (b <> a)
instance Monoid a => Monoid (Dual a) where
  mempty = Dual mempty

-- | Booleans under conjunction.
newtype All = All { getAll :: Bool }
  deriving (Eq, Ord, Show, Read)

instance Semigroup All where
  All a <> All b = All (a && b)
instance Monoid All where
  mempty = All True

-- | Booleans under disjunction.
newtype Any = Any { getAny :: Bool }
  deriving (Eq, Ord, Show, Read)

instance Semigroup Any where
  Any a <> Any b = Any (a || b)
instance Monoid Any where
  mempty = Any False

-- | Numbers under addition.
newtype Sum a = Sum { getSum :: a }
  deriving (Eq, Ord, Show, Read)

instance Num a => Semigroup (Sum a) where
  Sum a <> Sum b = Sum (a + b)
instance Num a => Monoid (Sum a) where
  mempty = Sum 0
instance Functor Sum where
  fmap f (Sum a) = Sum (f a)
-- | Arithmetic on the wrapped numbers (GHC derives it through the newtype).
instance Num a => Num (Sum a) where
  Sum a + Sum b = Sum (a + b)
  Sum a - Sum b = Sum (a - b)
  Sum a * Sum b = Sum (a * b)
  negate (Sum a) = Sum (negate a)
  abs (Sum a) = Sum (abs a)
  signum (Sum a) = Sum (signum a)
  fromInteger n = Sum (fromInteger n)

-- | Numbers under multiplication.
newtype Product a = Product { getProduct :: a }
  deriving (Eq, Ord, Show, Read)

instance Num a => Semigroup (Product a) where
  Product a <> Product b = Product (a * b)
instance Num a => Monoid (Product a) where
  mempty = Product 1
instance Functor Product where
  fmap f (Product a) = Product (f a)
-- | Arithmetic on the wrapped numbers (GHC derives it through the newtype).
instance Num a => Num (Product a) where
  Product a + Product b = Product (a + b)
  Product a - Product b = Product (a - b)
  Product a * Product b = Product (a * b)
  negate (Product a) = Product (negate a)
  abs (Product a) = Product (abs a)
  signum (Product a) = Product (signum a)
  fromInteger n = Product (fromInteger n)

-- | The leftmost Just.
newtype First a = First { getFirst :: Maybe a }
  deriving (Eq, Ord, Show, Read)

instance Semigroup (First a) where
  First Nothing <> b = b
  a <> _ = a
instance Monoid (First a) where
  mempty = First Nothing

-- | The rightmost Just.
newtype Last a = Last { getLast :: Maybe a }
  deriving (Eq, Ord, Show, Read)

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

-- | An Applicative's results combined with their own Semigroup.
newtype Ap f a = Ap { getAp :: f a }

instance (Applicative f, Semigroup a) => Semigroup (Ap f a) where
  Ap a <> Ap b = Ap (liftA2 (<>) a b)
instance (Applicative f, Monoid a) => Monoid (Ap f a) where
  mempty = Ap (pure mempty)
instance Functor f => Functor (Ap f) where
  fmap g (Ap a) = Ap (fmap g a)
