-- The Prelude's functions and instances that the other golden programs do not reach:
-- Enum ranges at several types, numeric conversions and rounding, show/read of
-- negative numbers and nested structures, list functions, strings, Ordering.
main :: IO ()
main = do
  print ([1 .. 5 :: Int], [1, 3 .. 10 :: Int], [10, 8 .. 1 :: Int], take 3 [5 :: Integer ..], ['a' .. 'e'], [LT ..], [False ..], [1.0, 1.5 .. 3.0 :: Double], [3, 2.5 .. 1 :: Float])
  print (succ 'a', pred 10 :: Int, fromEnum 'A', toEnum 66 :: Char, [minBound .. maxBound :: Ordering], fromEnum (2.7 :: Double), toEnum 3 :: Double, [1 .. 0 :: Int])
  print (fromIntegral (300 :: Int) :: Integer, realToFrac (1.5 :: Float) :: Double, truncate (-2.5 :: Double) :: Int, round (-2.5 :: Double) :: Int, round (2.5 :: Float) :: Integer, ceiling (2.000001 :: Double) :: Int, floor (-0.5 :: Double) :: Integer)
  print (7 `div` (-2) :: Int, 7 `mod` (-2) :: Int, (-7) `quot` 2 :: Int, (-7) `rem` 2 :: Int, divMod (-7) 2 :: (Integer, Integer), quotRem (-7) 2 :: (Integer, Integer), gcd 0 0 :: Int, lcm 4 6 :: Integer, 2 ^ (10 :: Int) :: Int, 2 ^^ (-2 :: Int) :: Double, 2 ** 0.5 :: Double)
  print (show (-5 :: Int), showsPrec 7 (-5 :: Int) "", show [Just (-1 :: Int)], show (Left 3 :: Either Int String), show ('x', "y\n", 1.0e-2 :: Double), show (Just ""), read "[(1,True)]" :: [(Int, Bool)])
  print (words "a  b\tc\nd", unwords ["x", "y"], lines "l1\r\nl2", unlines ["a"], reverse "abc", concat ["ab", "c"], concatMap (replicate 2) "xy", and [True, False], or [False, True])
  print (zip [1 :: Int ..] "abc", unzip3 [(1 :: Int, 'a', True)], lookup 2 [(1, "one"), (2 :: Int, "two")], elem 'z' "abc", filter odd [1 .. 10 :: Int], takeWhile (< 3) [1 .. 10 :: Int], dropWhile (< 8) [1 .. 10 :: Int], span even [2, 4, 5, 6 :: Int])
  print (iterate (* 3) 1 !! 5 :: Int, until (> 100) (* 2) (1 :: Int), foldr (-) 0 [1 .. 5 :: Int], foldl (-) 0 [1 .. 5 :: Int], scanl (flip (:)) [] "ab", scanr1 max [3, 1, 4 :: Int], maximum "hello", minimum [3.5, -1 :: Double])
  print (compare (1, 'a') (1, 'b'), max "ab" "b", EQ <> GT, mconcat ["a", "b"], fmap (+ 1) (3 :: Int, 4 :: Int), (+ 1) <$> [1, 2 :: Int], sequence_ [Just 1, Just (2 :: Int)], mapM_ Just [1 :: Int], either show (map succ) (Right "ab" :: Either Int String))
  print (fst (1 :: Int, 'x'), snd (1 :: Int, 'x'), curry fst 'a' 'b', uncurry (+) (1, 2 :: Int), id 3 :: Int, const 'k' (), flip (-) 1 (5 :: Int), (subtract 1 . negate) (4 :: Int), asTypeOf 3 (4 :: Int), seq (1 :: Int) 'y', ($!) succ 'a')
  print (isNaN (0 / 0 :: Double), isInfinite (1 / 0 :: Double), isNegativeZero (-0.0 :: Double), decodeFloat (1.5 :: Double), encodeFloat 3 (-1) :: Double, significand (8 :: Double), exponent (8 :: Double), floatDigits (1 :: Float), floatRange (1 :: Double), scaleFloat 3 (1 :: Double))
  print (properFraction (3.75 :: Double) :: (Int, Double), properFraction (-3.75 :: Double) :: (Integer, Double), toRational (0.5 :: Float), fromRational (3 / 4) :: Double, 1 / 3 :: Float, sqrt 2 :: Float, pi :: Float, exp 1 :: Double, atan2 1 (-1) :: Double)
  print (minBound :: Int, maxBound :: Char, (minBound, maxBound) :: (Bool, Ordering), show (maxBound :: Int), read "  ( ( 3 ) ) " :: Int, read "-3.5e2" :: Double, reads "12 rest" :: [(Integer, String)], (read "(1,2,3)" :: (Int, Int, Int)))
  mapM_ (putStr . show) [1, 2, 3 :: Int] >> putStrLn ""
  print (showString "abc" "def", showParen True (showString "x") "", shows (12 :: Int) "!", showChar 'c' "", lex " (x)", userError "u", zipWith3 (,,) "a" "b" "c", splitAt 2 "hello", replicate 0 'x', last [1, 2, 3 :: Int], init "abc", null [], length "four", [1, 2, 3] !! 1 :: Int)
