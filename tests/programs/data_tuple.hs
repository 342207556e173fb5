-- Data.Tuple: fst, snd, curry, uncurry, swap.
import Data.Tuple

main :: IO ()
main = do
  let p = (1 :: Int, "one")
  print (fst p, snd p, swap p, swap (swap p) == p)
  print (curry fst 'a' 'b', curry (\(a, b) -> a + b) 3 (4 :: Int), uncurry (+) (3, 4 :: Int), uncurry max (2, 7 :: Int))
  print (map swap (zip "abc" [1 :: Int ..]), map (uncurry replicate) [(2, 'x'), (3, 'y')])
  print (fst (1 :: Int, undefined :: Int), snd (undefined :: Int, True))
