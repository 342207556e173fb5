-- Big Integers shown and printed at many sizes and signs (digit counts around powers of
-- ten and of two, a 109,694-digit product, a factorial), and showsPrec's parentheses.
sizes :: [Integer]
sizes = [s * (10 ^ k + d) | k <- [0, 1, 18, 19, 20, 37, 38, 39, 40, 57, 100, 1000, 4321], d <- [-1, 0, 1], s <- [1, -1]]

digitSum :: Integer -> Int
digitSum = sum . map (\c -> fromEnum c - 48) . filter (/= '-') . show

main :: IO ()
main = do
  mapM_ print sizes
  print (map (length . show) sizes)
  print (2 ^ 64 :: Integer, negate (2 ^ 64) :: Integer, 2 ^ 63 :: Integer, negate (2 ^ 63) :: Integer)
  putStrLn (showsPrec 7 (negate (3 ^ 100) :: Integer) "")
  putStrLn (showsPrec 6 (negate (3 ^ 100) :: Integer) "")
  putStrLn (showsPrec 7 (3 ^ 100 :: Integer) "")
  print (Just (negate (7 ^ 50) :: Integer), [negate (2 ^ 70) :: Integer, 0, 2 ^ 70])
  let big = 7 ^ (118000 :: Int) * (3 ^ (20900 :: Int) + 1) :: Integer
      s = show big
  print (length s, digitSum big, take 30 s, drop (length s - 30) s)
  print (product [1 .. 3249 :: Integer] `mod` (10 ^ 40 + 7), length (show (product [1 .. 3249 :: Integer])))
  print (negate big `div` (10 ^ 100000))
