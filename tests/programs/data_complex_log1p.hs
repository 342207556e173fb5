-- Data.Complex: log1p and expm1 by GHC's formulas (precise near zero), at Double and Float.
import Data.Complex
import Numeric (log1p, expm1)
main :: IO ()
main = do
  let zs = [0.1 :+ 0.2, (-0.3) :+ 0.4, 2 :+ 1, 1e-10 :+ 1e-10, 0.9 :+ (-0.1), 0 :+ 0] :: [Complex Double]
  mapM_ (\z -> print (log1p z, expm1 z)) zs
  print (map log1p [0.25 :+ 0.25 :: Complex Float], map expm1 [0.5 :+ 0.5 :: Complex Float])
