-- Data.Function and Data.Ord: on, (&), fix, comparing,
-- Down.
import Data.Function
import Data.Ord
import Data.List (sortBy, sortOn, groupBy)

main :: IO ()
main = do
  print (((==) `on` (`mod` 10)) 13 (23 :: Int), ((+) `on` length) "ab" "cde", [1, 2, 3 :: Int] & map (* 2) & sum, id 5 & (+ 1) :: Int)
  print (fix (\rec n -> if n <= 1 then 1 else n * rec (n - 1)) (10 :: Integer), take 5 (fix (1 :)) :: [Int], const 1 (undefined :: Int) :: Int, flip (-) 1 (10 :: Int), (subtract 3 . (* 2)) (5 :: Int))
  print (groupBy ((==) `on` fst) [(1 :: Int, 'a'), (1, 'b'), (2, 'c')], sortBy (comparing snd) [(1 :: Int, 'c'), (2, 'a'), (3, 'b')], sortBy (comparing Down) [3, 1, 2 :: Int])
  print (comparing length "ab" "c", Down 3 < Down (4 :: Int), compare (Down 'a') (Down 'b'), getDown (Down 'x'), sortOn Down "hello", max (Down 1) (Down (2 :: Int)), show (Down (Just (3 :: Int))))
  print (compare 1 (2 :: Int), (min `on` abs) (-3) (2 :: Int), minimum (map Down [1, 5, 3 :: Int]))
