-- Data.Tuple: functions on pairs (GHC's module of the same name).
module Data.Tuple
  ( fst, snd, curry, uncurry, swap
  ) where

-- | Exchange the components of a pair.
swap :: (a, b) -> (b, a)
swap (a, b) = (b, a)
