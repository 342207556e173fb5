-- Int arithmetic: precedence, negative operands of div/mod/quot/rem, show of negatives.
square :: Int -> Int
square x = x * x

main :: IO ()
main = do
  print (1 + 2 * 3 - 4)
  print (2 * (3 + 4))
  print (7 `div` 2, 7 `mod` 2)
  print ((-7) `div` 2, (-7) `mod` 2)
  print (7 `quot` (-2), 7 `rem` (-2))
  print (negate 5, abs (-3), signum (-9))
  print (square 12 - square 5)
  print (2 ^ 10)
  print (maxBound :: Int)
  print (minBound :: Int)
  print [-1, 0, 1]
  print (Just (-3))
  print (gcd 12 18, lcm 4 6)
  print (sum [1 .. 100], product [1 .. 10])
