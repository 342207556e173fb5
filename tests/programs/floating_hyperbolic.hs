-- asinh, acosh, atanh, log1p, expm1, log1pexp, log1mexp (Numeric) and Float's
-- elementary functions must give GHC's results bit for bit: GHC calls the C library's
-- functions (asinh, asinhf, expf, ...), whose last bits differ from other formulas.
-- floating_libm_sweep runs many more arguments (too many for the GC stress mode).
import Numeric (log1p, expm1, log1pexp, log1mexp)

doubles :: [Double]
doubles = [ 5.0e-324, 1e-5, 0.3, 0.7, 0.999, 1.0000001, 1.1, 3.7, 18, 50, 123.456, 1e300 ]

main :: IO ()
main = do
  mapM_ (\x -> print [asinh x, acosh x, atanh x, log1p x, expm1 x, log1pexp x, log1mexp x])
    (doubles ++ map negate doubles ++ [0, -0.0, 1 / 0, 0 / 0])
  mapM_ (\x -> print [asinh x, acosh x, atanh x, log1p x, expm1 x, log1pexp x, log1mexp x])
    (map realToFrac (doubles ++ map negate doubles) :: [Float])
  mapM_ (\x -> print [exp x, log x, sin x, cos x, tan x, x ** 1.3, asin x, acos x, atan x, sinh x, cosh x, tanh x])
    (map realToFrac doubles :: [Float])
  print [atan2 y x | y <- [1, -0.3, 0, -0.0], x <- [0.7, -2, 0, -0.0 :: Double]]
