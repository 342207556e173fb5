-- Double and Float: show (shortest digits that read back), read, rounding, the
-- RealFloat operations, maths functions and enumerations.
main :: IO ()
main = do
  print (1.0 :: Double, 0.1 :: Double, 1.0e-2 :: Double, 1.0e7 :: Double, 123456.789 :: Double, -0.0 :: Double)
  print (1 / 0 :: Double, 0 / 0 :: Double, -1 / 0 :: Double, 5.0e-324 :: Double)
  print (sqrt 2 :: Double, pi :: Double, exp 1 :: Double, 3.5 :: Float, sqrt 2 :: Float, 0.1 :: Float)
  print (map round [0.5, 1.5, 2.5, -0.5, -1.5 :: Double] :: [Integer])
  print (floor (-2.5 :: Double) :: Int, ceiling (2.1 :: Double) :: Int, properFraction (3.75 :: Double) :: (Int, Double), truncate (-7.9 :: Float) :: Int)
  print (decodeFloat (1.5 :: Double), encodeFloat 3 (-1) :: Double, isNaN (0 / 0 :: Double), isInfinite (1 / 0 :: Double))
  print (decodeFloat (0.1 :: Float), significand (8 :: Double), exponent (8 :: Double), isNegativeZero (-0.0 :: Double))
  print (read "3.25" :: Double, read "-1e-3" :: Double, read "  7 " :: Double, read "Infinity" :: Double, read "0x10" :: Double)
  print (toRational (0.75 :: Double), fromRational (1 / 3) :: Double, realToFrac (1.5 :: Float) :: Double)
  print (showsPrec 7 (-1.5 :: Double) "", [1.0, 1.5 .. 3.0 :: Double], [0.1, 0.2 .. 1.0 :: Double])
  print (minimum [3.5, 2.25 :: Double], atan2 1 (-1) :: Double, 2 ** 0.5 :: Double, logBase 2 1024 :: Double)
  print (sin 1 :: Double, cos 1 :: Double, tan 1 :: Double, acosh 2 :: Double)
  print (12345678912345678 :: Double, 1.0e22 :: Double, 9.999999e-5 :: Double, fromIntegral (3 :: Int) / (7 :: Float))
  print (read "[1.5,2.0e-3]" :: [Double], read "(-2.5)" :: Double, show (2 / 3 :: Float))
