-- Data.Traversable: the Traversable class and traversals (GHC's module of the same
-- name).
module Data.Traversable
  ( Traversable(..), for, forM, mapAccumL, mapAccumR
  ) where

import Control.Monad (forM)

-- | traverse with the arguments flipped.
for :: (Traversable t, Applicative f) => t a -> (a -> f b) -> f (t b)
for = flip traverse

-- A state transformer from the left and from the right, for the accumulating maps.
newtype StateL s a = StateL (s -> (s, a))
newtype StateR s a = StateR (s -> (s, a))

runStateL :: StateL s a -> s -> (s, a)
runStateL (StateL k) = k

runStateR :: StateR s a -> s -> (s, a)
runStateR (StateR k) = k

instance Functor (StateL s) where
  fmap f (StateL k) = StateL (\s -> let (s', v) = k s in (s', f v))

instance Applicative (StateL s) where
  pure x = StateL (\s -> (s, x))
  StateL kf <*> StateL kv = StateL (\s -> let (s', f) = kf s; (s'', v) = kv s' in (s'', f v))

instance Functor (StateR s) where
  fmap f (StateR k) = StateR (\s -> let (s', v) = k s in (s', f v))

instance Applicative (StateR s) where
  pure x = StateR (\s -> (s, x))
  StateR kf <*> StateR kv = StateR (\s -> let (s', v) = kv s; (s'', f) = kf s' in (s'', f v))

-- | Map with an accumulator from the left.
mapAccumL :: Traversable t => (s -> a -> (s, b)) -> s -> t a -> (s, t b)
mapAccumL f s t = runStateL (traverse (\a -> StateL (\s' -> f s' a)) t) s

-- | Map with an accumulator from the right.
mapAccumR :: Traversable t => (s -> a -> (s, b)) -> s -> t a -> (s, t b)
mapAccumR f s t = runStateR (traverse (\a -> StateR (\s' -> f s' a)) t) s
