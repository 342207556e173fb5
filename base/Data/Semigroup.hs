-- Data.Semigroup: the Semigroup class and its wrappers (the core of GHC's module of
-- the same name: Min, Max, First, Last, stimes, sconcat).
module Data.Semigroup
  ( Semigroup(..), NonEmpty(..), Monoid(..)
  , Min(..), Max(..), First(..), Last(..)
  , Dual(..), Endo(..), All(..), Any(..), Sum(..), Product(..)
  , stimesMonoid, stimesIdempotent, mtimesDefault, diff, cycle1
  ) where

import Data.Monoid (Dual(..), All(..), Any(..), Sum(..), Product(..))

-- | The smaller of two values.
newtype Min a = Min { getMin :: a }
  deriving (Eq, Ord, Show, Read)

instance Ord a => Semigroup (Min a) where
  Min a <> Min b = Min (min a b)
instance (Ord a, Bounded a) => Monoid (Min a) where
  mempty = Min maxBound

-- | The larger of two values.
newtype Max a = Max { getMax :: a }
  deriving (Eq, Ord, Show, Read)

instance Ord a => Semigroup (Max a) where
  Max a <> Max b = Max (max a b)
instance (Ord a, Bounded a) => Monoid (Max a) where
  mempty = Max minBound

-- | The leftmost value.
newtype First a = First { getFirst :: a }
  deriving (Eq, Ord, Show, Read)

instance Semigroup (First a) where
  a <> _ = a

-- | The rightmost value.
newtype Last a = Last { getLast :: a }
  deriving (Eq, Ord, Show, Read)

instance Semigroup (Last a) where
  _ <> b = b

-- | stimes for a monoid: zero repetitions are mempty.
stimesMonoid :: (Integral b, Monoid a) => b -> a -> a
stimesMonoid n x
  | n < 0 = errorWithoutStackTrace "stimesMonoid: negative multiplier"
  | n == 0 = mempty
  | otherwise = mconcat (replicateI n x)
  where
    replicateI k y = if k <= 0 then [] else y : replicateI (k - 1) y

-- | stimes for an idempotent semigroup: every positive count gives the value.
stimesIdempotent :: Integral b => b -> a -> a
stimesIdempotent n x
  | n <= 0 = errorWithoutStackTrace "stimesIdempotent: positive multiplier expected"
  | otherwise = x

-- | Repeat a value of a monoid n times (mempty for zero).
mtimesDefault :: (Integral b, Monoid a) => b -> a -> a
mtimesDefault n x
  | n == 0 = mempty
  | otherwise = stimes n x

-- | A value as an endomorphism by left multiplication.
diff :: Semigroup m => m -> Endo m
diff = Endo . (<>)

-- | The infinite repetition of a value.
cycle1 :: Semigroup m => m -> m
cycle1 xs = xs' where xs' = xs <> xs'
