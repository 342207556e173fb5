-- Data.Foldable: the Foldable class and folds over any foldable structure (GHC's
-- module of the same name).
module Data.Foldable
  ( Foldable(..)
  , foldrM, foldlM, traverse_, for_, sequenceA_, asum, mapM_, forM_, sequence_, msum
  , concat, concatMap, and, or, any, all, maximumBy, minimumBy, notElem, find
  ) where

import Control.Applicative (Alternative(..), asum)
import Control.Monad (MonadPlus(..), forM_, msum)

-- | A right fold with a monadic step.
foldrM :: (Foldable t, Monad m) => (a -> b -> m b) -> b -> t a -> m b
foldrM f z0 xs = foldl (\k x z -> f x z >>= k) return xs z0

-- | A left fold with a monadic step.
foldlM :: (Foldable t, Monad m) => (b -> a -> m b) -> b -> t a -> m b
foldlM f z0 xs = foldr (\x k z -> f z x >>= k) return xs z0

-- | Run an effect for each element, discarding results.
traverse_ :: (Foldable t, Applicative f) => (a -> f b) -> t a -> f ()
traverse_ f = foldr (\x k -> f x *> k) (pure ())

for_ :: (Foldable t, Applicative f) => t a -> (a -> f b) -> f ()
for_ = flip traverse_

sequenceA_ :: (Foldable t, Applicative f) => t (f a) -> f ()
sequenceA_ = foldr (*>) (pure ())

-- | The first element that satisfies the predicate.
find :: Foldable t => (a -> Bool) -> t a -> Maybe a
find p = foldr (\x r -> if p x then Just x else r) Nothing

-- | The largest element by a comparison (the last of equals, as in GHC).
maximumBy :: Foldable t => (a -> a -> Ordering) -> t a -> a
maximumBy cmp xs = case toList xs of
  [] -> errorWithoutStackTrace "maximumBy: empty structure"
  (y : ys) -> foldl' (\a b -> case cmp a b of { GT -> a; _ -> b }) y ys

-- | The smallest element by a comparison (the first of equals, as in GHC).
minimumBy :: Foldable t => (a -> a -> Ordering) -> t a -> a
minimumBy cmp xs = case toList xs of
  [] -> errorWithoutStackTrace "minimumBy: empty structure"
  (y : ys) -> foldl' (\a b -> case cmp a b of { GT -> b; _ -> a }) y ys
