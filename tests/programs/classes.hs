-- Overloading through the Prelude's classes: constrained polymorphic functions,
-- instances for lists, tuples and Maybe, defaulting of literals.
largest :: Ord a => [a] -> a
largest = foldr1 max

count :: Eq a => a -> [a] -> Int
count x = length . filter (== x)

pairUp :: [a] -> [b] -> [(a, b)]
pairUp = zip

showAll :: Show a => [a] -> String
showAll xs = concatMap (\x -> show x ++ ";") xs

main :: IO ()
main = do
  print (largest [3, 9, 2 :: Int], largest "hello", largest [[1, 2], [3 :: Int]])
  print (count 'l' "hello world", count (Just 1) [Just 1, Nothing, Just (1 :: Int)])
  print (pairUp [1, 2, 3 :: Int] "ab")
  putStrLn (showAll [True, False])
  print (compare 1 2, compare "b" "a", [LT ..])
  print ((1, 'x') < (1, 'y'), Just 3 > Nothing, [1, 2] == [1, 2 :: Integer])
  print (2 + 3)
  print (fromIntegral (length "four") * 2.5 > (9 :: Double))
  print (minimum [[3], [1, 2]], maximum "bhc")
  print (succ 'a', pred 10, [fromEnum 'A', fromEnum True], toEnum 98 :: Char)
