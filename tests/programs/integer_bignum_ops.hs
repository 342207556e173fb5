-- Integer beyond 64 bits: arithmetic, division and its signs, comparison, conversion,
-- reading and showing, bit operations.
import Data.Bits

main :: IO ()
main = do
  print (product [1 .. 25 :: Integer])
  print (2 ^ 64 :: Integer, 2 ^ 63 - 1 :: Integer, negate (2 ^ 63) :: Integer)
  print (12345678901234567890123 * 98765432109876543210 :: Integer)
  print ((2 ^ 100) `div` 7 :: Integer, (2 ^ 100) `mod` 7 :: Integer)
  print ((-(2 ^ 100)) `divMod` 7 :: (Integer, Integer), (-(2 ^ 100)) `quotRem` (7 :: Integer))
  print (fromInteger (2 ^ 64 + 5) :: Int, toInteger (maxBound :: Int) + 1)
  print (gcd (2 ^ 80) (6 ^ 40) :: Integer, lcm 12 18 :: Integer)
  print (compare (2 ^ 70) (3 :: Integer), compare (-(2 ^ 70)) (3 :: Integer), (2 ^ 70 :: Integer) == 2 ^ 70)
  print (read "123456789012345678901234567890" :: Integer, read "-98765432109876543210" :: Integer)
  print (showsPrec 11 (-(2 ^ 70) :: Integer) "", abs (-(2 ^ 65)) :: Integer, signum (-(2 ^ 65)) :: Integer)
  print (shiftL 1 100 :: Integer, shiftR (2 ^ 100) 98 :: Integer, popCount (2 ^ 100 - 1 :: Integer), testBit (2 ^ 100 :: Integer) 100)
  print (map popCount [-1, -2, -7, 0, 255, 2 ^ 70, -(2 ^ 70) :: Integer])
  print (shiftL (-3) 70 :: Integer, shiftR (-(2 ^ 70)) 68 :: Integer, (2 ^ 70 - 1) .&. (-(2 ^ 65)) :: Integer, xor (2 ^ 64) (-1) :: Integer)
  print (9223372036854775807 + 1 :: Integer, (-9223372036854775808) - 1 :: Integer, 3037000500 * 3037000500 :: Integer)
  print (fromIntegral (2 ^ 70 :: Integer) :: Double, truncate (1e20 :: Double) :: Integer, round (-2.5e19 :: Double) :: Integer)
  print (sum [2 ^ k | k <- [0 .. 200 :: Int]] :: Integer)
