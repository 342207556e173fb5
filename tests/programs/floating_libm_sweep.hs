-- A wide sweep of arguments through the inverse hyperbolic functions, log1p/expm1/
-- log1pexp/log1mexp and Float's elementary functions: every result must be GHC's, bit
-- for bit (GHC calls the C library). floating_hyperbolic is the short version.
import Numeric (log1p, expm1, log1pexp, log1mexp)

doubles :: [Double]
doubles =
  [ 0, -0.0, 1e-300, 5.0e-324, 1e-20, 1e-10, 1e-8, 1e-5, 0.001, 0.01, 0.1, 0.2, 0.25, 0.3
  , 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99, 0.999, 0.9999999, 1, 1.0000001, 1.1, 1.5
  , 2, 2.5, 3, 3.7, 5, 7.25, 10, 12.5, 18, 20, 30, 50, 99, 100, 101, 123.456, 1000
  , 1e5, 1e8, 1e15, 1e20, 1e100, 1e300, 1.7976931348623157e308
  , 1 / 0, 0 / 0 ]
  ++ [ fromIntegral k / 97 + 1 / 7 | k <- [1 .. 120 :: Int] ]
  ++ [ 1 + fromIntegral k * 1.37e-3 | k <- [1 .. 40 :: Int] ]

floats :: [Float]
floats = map realToFrac doubles

both :: [Double] -> [Double]
both xs = xs ++ map negate xs

main :: IO ()
main = do
  mapM_ (\x -> print (x, asinh x, acosh x, atanh x)) (both doubles)
  mapM_ (\x -> print (x, log1p x, expm1 x, log1pexp x, log1mexp x)) (both doubles)
  mapM_ (\x -> print (x, asinh x, acosh x, atanh x)) (map realToFrac (both doubles) :: [Float])
  mapM_ (\x -> print (x, log1p x, expm1 x, log1pexp x, log1mexp x)) (map negate floats ++ floats)
  mapM_ (\x -> print (x, exp x, log x, sqrt x, sin x, cos x, tan x)) (map negate floats ++ floats)
  mapM_ (\x -> print (x, asin x, acos x, atan x, sinh x, cosh x, tanh x)) (map negate floats ++ floats)
  mapM_ (\x -> print (x, x ** 1.3, 2.5 ** x, logBase 3 x, atan2 x 0.7, atan2 (-0.3) x)) (map negate floats ++ floats)
  mapM_ (\x -> print (x, atan2 x 0.7, atan2 (-0.3) x, atan2 x (-2))) (both doubles)
