-- Fractional literals are exact rationals, however many digits their terms need.
import Data.Ratio (numerator, denominator)

tiny :: Rational
tiny = 1.5e-40

main :: IO ()
main = do
  print (5.0e-324 :: Double, 1.7976931348623157e308 :: Double)
  print (-2.5e-300 :: Double)
  print (numerator tiny, denominator tiny)
  print (1e45 :: Rational)
  print (0.125 :: Rational, -0.75 :: Rational)
  print (realToFrac (2.5e-50 :: Double) * 1e50 :: Double)
