-- Data.Ratio: Rational and Ratio Int: normalisation, arithmetic, comparison,
-- conversions, show and read.
import Data.Ratio

main :: IO ()
main = do
  let r = 6 % 8 :: Rational
  print (r, numerator r, denominator r, (-3) % 6 :: Rational, 3 % (-6) :: Rational, 0 % 5 :: Rational)
  print (r + 1 % 3, r - 2, r * r, r / (1 % 4), recip r, negate r, abs ((-1) % 2 :: Rational), signum ((-1) % 2 :: Rational))
  print (compare r (2 % 3), r == 3 % 4, max r (7 % 9), truncate (7 % 2 :: Rational) :: Int, floor ((-7) % 2 :: Rational) :: Int, ceiling (7 % 2 :: Rational) :: Int, round (5 % 2 :: Rational) :: Int, round (7 % 2 :: Rational) :: Int)
  print (fromRational r :: Double, toRational (0.75 :: Double), toRational (0.1 :: Double), fromIntegral (3 :: Int) :: Rational, properFraction ((-7) % 3 :: Rational) :: (Integer, Rational))
  print (approxRational (pi :: Double) 0.001, approxRational (0.3333 :: Double) 0.001, 3 % 4 + 1 % 4 :: Ratio Int, (2 % 3 :: Ratio Int) ^ (3 :: Int), (2 % 3 :: Rational) ^^ (-2 :: Int))
  print (read "3 % 4" :: Rational, showsPrec 8 r "", show [1 % 2, 2 % 3 :: Rational], realToFrac (1.5 :: Double) :: Rational, [1 % 2, 1 .. 3 :: Rational], sum (map (1 %) [1 .. 10]) :: Rational)
