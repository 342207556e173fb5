-- Data.Array and Data.Ix: arrays over Int, Char, tuple and Bool indices, bulk
-- construction, accumulation, incremental update, bounds, and Ix's functions.
import Data.Array
import Data.Ix

main :: IO ()
main = do
  let a = listArray (0, 4) [10, 20, 30, 40, 50] :: Array Int Int
  print (a ! 2, bounds a, elems a, indices a, assocs a)
  print (a // [(1, 99), (3, 77)], fmap (* 2) a, sum a, length a, maximum a)
  print (accumArray (+) 0 (0, 3) [(0, 1), (3, 5), (0, 2), (2, 7)] :: Array Int Int)
  print (accum (flip (:)) (listArray ('a', 'c') (repeat [])) [('a', 1), ('c', 2), ('a', 3 :: Int)])
  let m = array ((0, 0), (1, 2)) [((i, j), i * 10 + j) | i <- [0, 1], j <- [0 .. 2]] :: Array (Int, Int) Int
  print (m, m ! (1, 2), bounds m, ixmap (0, 2) (\j -> (1, j)) m)
  print (listArray (False, True) "ny", listArray (1, 3) "xyz" == listArray (1, 3) "xyz", compare (listArray (0, 1) [1, 2]) (listArray (0, 1) [1, 3 :: Int]))
  let fibs = listArray (0, 50) [if i < 2 then toInteger i else fibs ! (i - 1) + fibs ! (i - 2) | i <- [0 .. 50]] :: Array Int Integer
  print (fibs ! 50)
  print (range ((0, 0), (1, 2)), index (10, 20) 15, index ((0, 0), (2, 3)) (1, 2), inRange (1, 5) 6, inRange ('a', 'z') 'q', rangeSize (5, 1), rangeSize ((0, 0), (3, 4)))
  print (range ('x', 'z'), range (LT, GT), index (False, True) True, range ((1, 'a'), (2, 'b')), rangeSize (1 :: Integer, 100))
  print (read "array (0,1) [(0,'a'),(1,'b')]" :: Array Int Char, listArray (0, -1) [] :: Array Int ())
