-- Data.List.NonEmpty: construction, the list-like functions and the instances.
import qualified Data.List.NonEmpty as NE
import Data.List.NonEmpty (NonEmpty(..), (<|))
main :: IO ()
main = do
  let ne = 3 :| [1, 2 :: Int]
  print (NE.head ne, NE.tail ne, NE.last ne, NE.init ne, NE.length ne, NE.toList ne, NE.map (* 2) ne, NE.reverse ne, NE.sort ne)
  print (NE.nonEmpty ([] :: [Int]), NE.nonEmpty "ab", NE.fromList "xyz", 0 <| ne, NE.cons 9 ne, NE.zip ne (NE.fromList "abc"), NE.zipWith (+) ne ne, NE.sortBy (flip compare) ne)
  print (fmap show ne, sum ne, maximum ne, ne <> ne, foldr (:) [] ne, traverse Just ne)
