-- Data.Complex: arithmetic, polar form and the Floating functions, as GHC computes them.
import Data.Complex
main :: IO ()
main = do
  let z = 3 :+ 4 :: Complex Double
      w = 1 :+ (-2) :: Complex Double
  print (z, w, z + w, z * w, z / w, negate z)
  print (magnitude z, phase z, realPart z, imagPart w, conjugate w, polar (0 :+ 2 :: Complex Double))
  print (abs z, signum z, sqrt z, sqrt (-4 :: Complex Double), exp (0 :+ pi :: Complex Double))
  print (log z, z ** 2, sin w, cos w, tanh w, asin (0.5 :: Complex Double), atan w)
  print (mkPolar 2 (pi / 2) :: Complex Double, cis 0 :: Complex Double, fmap (* 2) z)
  print (read "2.0 :+ (-1.5)" :: Complex Double, showsPrec 7 z "", [z] == [3 :+ 4])
