-- Data.Array: immutable boxed arrays indexed by Ix types (GHC's module of the same
-- name; the Haskell 2010 library). Elements are stored lazily, so an array may be
-- defined in terms of itself (dynamic programming tables).
module Data.Array
  ( module Data.Ix, Array
  , array, listArray, accumArray, (!), bounds, numElements, indices, elems, assocs
  , (//), accum, ixmap
  ) where

import Data.Ix

infixl 9 !, //

-- | Bounds, number of elements, and the elements in index order.
data Array i e = Array !i !i !Int (Array# e)

-- | The element of an index that the construction did not define.
arrEleBottom :: a
arrEleBottom = errorWithoutStackTrace "(Array.!): undefined array element"

-- | Build an array from a size, an initial element and the writes to make, in order
-- (later writes to an index win; with a combining function, they accumulate).
buildArray :: (i, i) -> Int -> e -> (MutableArray# e -> RealWorld -> IORes ()) -> Array i e
buildArray (l, u) n@(I# n#) initial fill = case newArray# n# initial RealWorld of
  IORes marr -> case fill marr RealWorld of
    IORes () -> case unsafeFreezeArray# marr RealWorld of
      IORes arr -> Array l u n arr

writeAll :: MutableArray# e -> [(Int, e)] -> RealWorld -> IORes ()
writeAll marr ies w = case ies of
  [] -> IORes ()
  ((I# i, e) : rest) -> case writeArray# marr i e w of
    0# -> writeAll marr rest w
    _ -> writeAll marr rest w

accumAll :: (e -> a -> e) -> MutableArray# e -> [(Int, a)] -> RealWorld -> IORes ()
accumAll f marr ies w = case ies of
  [] -> IORes ()
  ((I# i, a) : rest) -> case readArray# marr i w of
    IORes old -> let new = f old a in new `seq` case writeArray# marr i new w of
      0# -> accumAll f marr rest w
      _ -> accumAll f marr rest w

safeRangeSize :: Ix i => (i, i) -> Int
safeRangeSize b = let r = rangeSize b in
  if r < 0 then errorWithoutStackTrace "Negative range size" else r

safeIndex :: Ix i => (i, i) -> Int -> i -> Int
safeIndex b n i = let i' = index b i in
  if 0 <= i' && i' < n then i' else errorWithoutStackTrace ("Error in array index; " ++ show i' ++ " not in range [0.." ++ show n ++ ")")

-- | An array from its bounds and (index, value) pairs; missing indices are undefined.
array :: Ix i => (i, i) -> [(i, e)] -> Array i e
array b ies = let n = safeRangeSize b in
  buildArray b n arrEleBottom (\marr -> writeAll marr [(safeIndex b n i, e) | (i, e) <- ies])

-- | An array from its bounds and the elements in index order.
listArray :: Ix i => (i, i) -> [e] -> Array i e
listArray b es = let n = safeRangeSize b in
  buildArray b n arrEleBottom (\marr -> writeAll marr (zip [0 .. n - 1] es))

-- | An array whose elements combine the values given for each index with a function,
-- from an initial value.
accumArray :: Ix i => (e -> a -> e) -> e -> (i, i) -> [(i, a)] -> Array i e
accumArray f initial b ies = let n = safeRangeSize b in
  buildArray b n initial (\marr -> accumAll f marr [(safeIndex b n i, a) | (i, a) <- ies])

(!) :: Ix i => Array i e -> i -> e
(!) arr@(Array l u n _) i = unsafeAt arr (safeIndex (l, u) n i)

unsafeAt :: Array i e -> Int -> e
unsafeAt (Array _ _ _ arr) (I# i) = case indexArray# arr i of IORes e -> e

bounds :: Array i e -> (i, i)
bounds (Array l u _ _) = (l, u)

numElements :: Array i e -> Int
numElements (Array _ _ n _) = n

indices :: Ix i => Array i e -> [i]
indices (Array l u _ _) = range (l, u)

-- | The elements in index order.
elems :: Array i e -> [e]
elems arr@(Array _ _ n _) = [unsafeAt arr i | i <- [0 .. n - 1]]

assocs :: Ix i => Array i e -> [(i, e)]
assocs arr@(Array l u _ _) = [(i, arr ! i) | i <- range (l, u)]

-- | A copy of the array with some elements replaced.
(//) :: Ix i => Array i e -> [(i, e)] -> Array i e
(//) arr@(Array l u n _) ies =
  buildArray (l, u) n arrEleBottom (\marr -> writeAll marr ([(i, unsafeAt arr i) | i <- [0 .. n - 1]]
    ++ [(safeIndex (l, u) n i, e) | (i, e) <- ies]))

-- | A copy of the array with values combined into some elements.
accum :: Ix i => (e -> a -> e) -> Array i e -> [(i, a)] -> Array i e
accum f arr@(Array l u n _) ies =
  buildArray (l, u) n arrEleBottom (\marr w -> case writeAll marr [(i, unsafeAt arr i) | i <- [0 .. n - 1]] w of
    IORes () -> accumAll f marr [(safeIndex (l, u) n i, a) | (i, a) <- ies] w)

-- | An array whose index i holds the old array's element at f i.
ixmap :: (Ix i, Ix j) => (i, i) -> (i -> j) -> Array j e -> Array i e
ixmap b f arr = array b [(i, arr ! f i) | i <- range b]

instance Functor (Array i) where
  fmap f arr@(Array l u n _) = buildArray (l, u) n arrEleBottom
    (\marr -> writeAll marr [(i, f (unsafeAt arr i)) | i <- [0 .. n - 1]])

instance Foldable (Array i) where
  foldr f z arr = foldr f z (elems arr)
  length = numElements
  toList = elems
  null arr = numElements arr == 0

instance Ix i => Traversable (Array i) where
  traverse f arr = fmap (listArray (bounds arr)) (traverse f (elems arr))

instance (Ix i, Eq e) => Eq (Array i e) where
  a == b = bounds a == bounds b && elems a == elems b

instance (Ix i, Ord e) => Ord (Array i e) where
  compare a b = compare (assocs a) (assocs b)

-- | Reads what show writes: `array bounds assocs`.
instance (Ix i, Read i, Read e) => Read (Array i e) where
  readsPrec p = readParen (p > 10) (\r ->
    [ (array b as, u) | ("array", s) <- lex r, (b, t) <- readsPrec 11 s, (as, u) <- readsPrec 11 t ])

instance (Ix i, Show i, Show e) => Show (Array i e) where
  showsPrec p a = showParen (p > 10)
    (showString "array " . showsPrec 11 (bounds a) . showChar ' ' . showsPrec 11 (assocs a))
