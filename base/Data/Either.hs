-- Data.Either: functions on sums (GHC's module of the same name).
module Data.Either
  ( Either(..), either, lefts, rights, partitionEithers, isLeft, isRight
  , fromLeft, fromRight
  ) where

-- | The Left values, in order.
lefts :: [Either a b] -> [a]
lefts xs = [x | Left x <- xs]

-- | The Right values, in order.
rights :: [Either a b] -> [b]
rights xs = [x | Right x <- xs]

-- | Split into the Left values and the Right values, each in order.
partitionEithers :: [Either a b] -> ([a], [b])
partitionEithers = foldr (either left right) ([], [])
  where
    left a ~(l, r) = (a : l, r)
    right a ~(l, r) = (l, a : r)

isLeft :: Either a b -> Bool
isLeft (Left _) = True
isLeft (Right _) = False

isRight :: Either a b -> Bool
isRight (Left _) = False
isRight (Right _) = True

-- | The Left value, or the default.
fromLeft :: a -> Either a b -> a
fromLeft _ (Left a) = a
fromLeft a _ = a

-- | The Right value, or the default.
fromRight :: b -> Either a b -> b
fromRight _ (Right b) = b
fromRight b _ = b
