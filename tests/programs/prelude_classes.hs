-- The Prelude's classes beyond Haskell 98: Semigroup/Monoid, Foldable/Traversable,
-- Applicative for functions and pairs, Enum ranges, Show of nested values.
main :: IO ()
main = do
  print ([1, 2] <> [3], mconcat ["ab", "cd"], mempty :: String)
  print (Just [1] <> Nothing <> Just [2], compare 1 2 <> compare 3 3)
  print (sum (Just 3), product [1 .. 5], length (Right 'x' :: Either Int Char), maximum "hello")
  print (foldr (:) [] (Just 'a'), null Nothing, elem 3 [1, 2, 3], concatMap show [1, 2, 3])
  print (traverse (\x -> if x > 0 then Just x else Nothing) [1, 2, 3])
  print (sequenceA [[1, 2], [3]], mapM (\x -> [x, x * 10]) [1, 2])
  print (fmap (+ 1) (Right 3 :: Either String Int), (+ 1) <$> (2, 3), ((+) <*> (* 2)) 5)
  print (pure 4 :: [Int], [(+ 1), (* 2)] <*> [10, 20], Just 1 *> Just 2, Just 1 <* Just 2)
  print ([LT ..], ['a' .. 'e'], [10, 8 .. 1], take 3 [5 ..], [False ..])
  print (minBound :: (Bool, Ordering), succ 'a', pred 10, fromEnum 'A', toEnum 66 :: Char)
  print (showsPrec 11 (-5 :: Int) "", Just (Left (3, 'x')) :: Maybe (Either (Int, Char) ()))
  print (show "tab\there\1234\&5\SOH", '\'', "\SO\&H", (1, 2, 3, 4, 5, 6, 7))
  print (divMod (-7) 2, quotRem (-7) 2, gcd 12 18, lcm 4 6, 2 ^ 10, subtract 3 10)
  print (words "  hello   world ", unwords ["a", "b"], lines "x\n\ny", unlines ["p", "q"])
  mapM_ print (zip3 [1, 2] "ab" [True, False])
  sequence_ [putStr "a", putStr "b", putStrLn "c"]
