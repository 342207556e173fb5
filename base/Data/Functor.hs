-- Data.Functor: functors and their operators (GHC's module of the same name).
module Data.Functor
  ( Functor(..), (<$>), ($>), (<&>), void
  ) where

import Control.Monad (void)

infixl 4 $>
infixl 1 <&>

-- | Replace the contents, keeping the shape.
($>) :: Functor f => f a -> b -> f b
($>) = flip (<$)

-- | fmap with the arguments flipped.
(<&>) :: Functor f => f a -> (a -> b) -> f b
as <&> f = f <$> as
