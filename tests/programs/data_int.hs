-- Data.Int: Int8, Int16, Int32, Int64 and Int: wrapping arithmetic, conversions,
-- bounds, division rounding, enumeration, show and read.
import Data.Int

main :: IO ()
main = do
  print (minBound :: Int8, maxBound :: Int8, minBound :: Int16, maxBound :: Int32, minBound :: Int64, maxBound :: Int)
  print (127 + 1 :: Int8, (-128) - 1 :: Int8, 300 * 300 :: Int16, negate minBound :: Int32, abs (minBound :: Int8), fromIntegral (200 :: Int) :: Int8, fromIntegral (40000 :: Int) :: Int16)
  print (div (-7) (2 :: Int8), mod (-7) (2 :: Int8), quot (-7) (2 :: Int16), rem (-7) (2 :: Int16), divMod (-100) (7 :: Int32), quotRem (minBound :: Int64) 3, div 7 (-2 :: Int))
  print ([125 ..] :: [Int8], [10, 7 .. -5] :: [Int16], pred (0 :: Int32), toEnum (-5) :: Int64, fromEnum (-3 :: Int8), read "-128" :: Int8, read "(-5)" :: Int32, show (-42 :: Int64), showsPrec 7 (-1 :: Int16) "")
  print (toInteger (minBound :: Int64) - 1, fromInteger (2 ^ 63) :: Int64, fromInteger (-129) :: Int8, realToFrac (-3 :: Int32) :: Double, truncate (-2.7 :: Double) :: Int8, round (2.5 :: Double) :: Int16, round (3.5 :: Double) :: Int32)
  print (signum (-5 :: Int8), gcd (-12 :: Int16) 18, lcm (4 :: Int32) (-6), (-2 :: Int64) ^ (63 :: Int), sum [1 .. 100 :: Int8], compare (-1 :: Int8) 1, maximum [3, -4, 2 :: Int16])
