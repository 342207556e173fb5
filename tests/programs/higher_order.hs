-- Functions as values: lambdas, sections, composition, partial and over-saturated
-- application, folds.
compose3 :: (c -> d) -> (b -> c) -> (a -> b) -> a -> d
compose3 f g h = f . g . h

adder :: Int -> Int -> Int
adder x = \y -> x + y

applyTwice :: (a -> a) -> a -> a
applyTwice f = f . f

pick :: Bool -> Int -> Int -> Int
pick b = if b then (+) else (-)

main :: IO ()
main = do
  let add5 = adder 5
  print (map add5 [1, 2, 3])
  print (map (subtract 1) [1, 2, 3], map (\x -> x - 1) [4, 5 :: Int])
  print (map (2 ^) [1, 2, 3 :: Int], map (^ 2) [1, 2, 3 :: Int])
  print (compose3 (+ 1) (* 2) (subtract 3) 10)
  print (applyTwice (applyTwice (* 2)) 1)
  print (pick True 3 4, pick False 3 4)
  print (foldr (\x acc -> x : take 2 acc) [] [1 .. 10 :: Int])
  print (foldl (flip (:)) [] "abc")
  print (zipWith3 (\a b c -> a + b * c) [1, 2] [3, 4] [5, 6 :: Int])
  print (uncurry (+) (3, 4 :: Int), curry fst 'p' 'q')
  print ((`div` 2) 9, (2 `div`) 9)
  print (map ($ 3) [(+ 1), (* 2), negate])
  print (until (> 1000) (* 3) 1)
  print (either length negate (Left "abc" :: Either String Int), maybe 0 (+ 1) (Just 41))
