-- Data.Ord: orderings and helpers for comparing (GHC's module of the same name).
module Data.Ord
  ( Ord(..), Ordering(..), Down(..), comparing, clamp
  ) where

-- | Compare by a key: @sortBy (comparing snd)@.
comparing :: Ord b => (a -> b) -> a -> a -> Ordering
comparing f x y = compare (f x) (f y)

-- | Limit a value to a range given as (low, high).
clamp :: Ord a => (a, a) -> a -> a
clamp (low, high) a = min high (max a low)

-- | The reversed ordering of a type: @sortOn Down@ sorts in descending order.
newtype Down a = Down { getDown :: a }

instance Eq a => Eq (Down a) where
  Down x == Down y = x == y

instance Ord a => Ord (Down a) where
  compare (Down x) (Down y) = compare y x

instance Show a => Show (Down a) where
  showsPrec d (Down x) = showParen (d >= 11) (showString "Down " . showsPrec 11 x)
