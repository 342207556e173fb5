-- Data.List.NonEmpty: lists with at least one element (the commonly used part of
-- GHC's module of the same name). The type and its class instances live in the
-- Prelude, which Semigroup's sconcat needs; import this module qualified, as with
-- GHC, since its names clash with the Prelude's.
module Data.List.NonEmpty
  ( NonEmpty(..), nonEmpty, fromList, toList
  , head, tail, last, init, length, map, reverse, cons, (<|), sort, sortBy, zip, zipWith
  ) where

import Prelude hiding (head, tail, last, init, length, map, reverse, zip, zipWith, toList)
import qualified Data.List as L
import Data.Semigroup (NonEmpty(..))

infixr 5 <|

-- | The list as a NonEmpty, if it has an element.
nonEmpty :: [a] -> Maybe (NonEmpty a)
nonEmpty [] = Nothing
nonEmpty (x : xs) = Just (x :| xs)

fromList :: [a] -> NonEmpty a
fromList (x : xs) = x :| xs
fromList [] = errorWithoutStackTrace "NonEmpty.fromList: empty list"

toList :: NonEmpty a -> [a]
toList (x :| xs) = x : xs

head :: NonEmpty a -> a
head (x :| _) = x

tail :: NonEmpty a -> [a]
tail (_ :| xs) = xs

last :: NonEmpty a -> a
last (x :| xs) = L.last (x : xs)

init :: NonEmpty a -> [a]
init (x :| xs) = L.init (x : xs)

length :: NonEmpty a -> Int
length (_ :| xs) = 1 + L.length xs

map :: (a -> b) -> NonEmpty a -> NonEmpty b
map f (x :| xs) = f x :| L.map f xs

reverse :: NonEmpty a -> NonEmpty a
reverse (x :| xs) = fromList (L.reverse (x : xs))

cons, (<|) :: a -> NonEmpty a -> NonEmpty a
cons y (x :| xs) = y :| (x : xs)
(<|) = cons

sort :: Ord a => NonEmpty a -> NonEmpty a
sort (x :| xs) = fromList (L.sort (x : xs))

sortBy :: (a -> a -> Ordering) -> NonEmpty a -> NonEmpty a
sortBy f (x :| xs) = fromList (L.sortBy f (x : xs))

zip :: NonEmpty a -> NonEmpty b -> NonEmpty (a, b)
zip (x :| xs) (y :| ys) = (x, y) :| L.zip xs ys

zipWith :: (a -> b -> c) -> NonEmpty a -> NonEmpty b -> NonEmpty c
zipWith f (x :| xs) (y :| ys) = f x y :| L.zipWith f xs ys
