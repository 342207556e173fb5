-- Data.Ix: types whose values index arrays (GHC's module of the same name; the
-- Haskell 2010 Ix class).
module Data.Ix
  ( Ix(..)
  ) where

class Ord a => Ix a where
  -- | The indices of a range, in order.
  range :: (a, a) -> [a]
  -- | The position of an index in a range (an error outside it).
  index :: (a, a) -> a -> Int
  unsafeIndex :: (a, a) -> a -> Int
  inRange :: (a, a) -> a -> Bool
  rangeSize :: (a, a) -> Int
  unsafeRangeSize :: (a, a) -> Int
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace "Ix.index: index out of range"
  unsafeIndex b i = index b i
  rangeSize b@(_, h)
    | inRange b h = unsafeIndex b h + 1
    | otherwise = 0
  unsafeRangeSize b@(_, h) = unsafeIndex b h + 1

-- GHC's message for an index outside its range.
indexError :: Show a => (a, a) -> a -> String -> b
indexError rng i tp = errorWithoutStackTrace
  (showString "Ix{" . showString tp . showString "}.index: Index " . showParen True (showsPrec 0 i)
    . showString " out of range " $ showParen True (showsPrec 0 rng) "")

instance Ix Int where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = i - m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Int"
  inRange (m, n) i = m <= i && i <= n

instance Ix Integer where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromInteger (i - m)
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Integer"
  inRange (m, n) i = m <= i && i <= n

instance Ix Word where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromIntegral (i - m)
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Word"
  inRange (m, n) i = m <= i && i <= n

instance Ix Char where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Char"
  inRange (m, n) i = m <= i && i <= n

instance Ix Bool where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Bool"
  inRange (m, n) i = m <= i && i <= n

instance Ix Ordering where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = indexError b i "Ordering"
  inRange (m, n) i = m <= i && i <= n

instance Ix () where
  range _ = [()]
  unsafeIndex _ _ = 0
  inRange _ _ = True
  index _ _ = 0

instance (Ix a, Ix b) => Ix (a, b) where
  range ((l1, l2), (u1, u2)) = [(i1, i2) | i1 <- range (l1, u1), i2 <- range (l2, u2)]
  unsafeIndex ((l1, l2), (u1, u2)) (i1, i2) =
    unsafeIndex (l1, u1) i1 * unsafeRangeSize (l2, u2) + unsafeIndex (l2, u2) i2
  inRange ((l1, l2), (u1, u2)) (i1, i2) = inRange (l1, u1) i1 && inRange (l2, u2) i2
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace "Error in array index"

instance (Ix a, Ix b, Ix c) => Ix (a, b, c) where
  range ((l1, l2, l3), (u1, u2, u3)) =
    [(i1, i2, i3) | i1 <- range (l1, u1), i2 <- range (l2, u2), i3 <- range (l3, u3)]
  unsafeIndex ((l1, l2, l3), (u1, u2, u3)) (i1, i2, i3) =
    unsafeIndex (l3, u3) i3 + unsafeRangeSize (l3, u3)
      * (unsafeIndex (l2, u2) i2 + unsafeRangeSize (l2, u2) * unsafeIndex (l1, u1) i1)
  inRange ((l1, l2, l3), (u1, u2, u3)) (i1, i2, i3) =
    inRange (l1, u1) i1 && inRange (l2, u2) i2 && inRange (l3, u3) i3
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace "Error in array index"

instance (Ix a, Ix b, Ix c, Ix d) => Ix (a, b, c, d) where
  range ((l1, l2, l3, l4), (u1, u2, u3, u4)) =
    [(i1, i2, i3, i4) | i1 <- range (l1, u1), i2 <- range (l2, u2), i3 <- range (l3, u3), i4 <- range (l4, u4)]
  unsafeIndex ((l1, l2, l3, l4), (u1, u2, u3, u4)) (i1, i2, i3, i4) =
    unsafeIndex (l4, u4) i4 + unsafeRangeSize (l4, u4)
      * (unsafeIndex (l3, u3) i3 + unsafeRangeSize (l3, u3)
      * (unsafeIndex (l2, u2) i2 + unsafeRangeSize (l2, u2) * unsafeIndex (l1, u1) i1))
  inRange ((l1, l2, l3, l4), (u1, u2, u3, u4)) (i1, i2, i3, i4) =
    inRange (l1, u1) i1 && inRange (l2, u2) i2 && inRange (l3, u3) i3 && inRange (l4, u4) i4
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace "Error in array index"
