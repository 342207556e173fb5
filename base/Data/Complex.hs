-- Data.Complex: complex numbers in rectangular form (GHC's module of the same name,
-- and the Haskell 2010 library), with the Num, Fractional and Floating instances
-- GHC defines (the same formulas, so results agree to the last bit).
module Data.Complex
  ( Complex((:+))
  , realPart, imagPart, mkPolar, cis, polar, magnitude, phase, conjugate
  ) where

infix 6 :+

-- | A complex number: real part :+ imaginary part.
data Complex a = !a :+ !a

instance Eq a => Eq (Complex a) where
  (x :+ y) == (x' :+ y') = x == x' && y == y'

instance Show a => Show (Complex a) where
  showsPrec d (x :+ y) = showParen (d > 6) (showsPrec 7 x . showString " :+ " . showsPrec 7 y)

instance Read a => Read (Complex a) where
  readsPrec d = readParen (d > 6) (\r ->
    [(x :+ y, u) | (x, s) <- readsPrec 7 r, (":+", t) <- lex s, (y, u) <- readsPrec 7 t])

instance Functor Complex where
  fmap f (x :+ y) = f x :+ f y

realPart :: Complex a -> a
realPart (x :+ _) = x

imagPart :: Complex a -> a
imagPart (_ :+ y) = y

conjugate :: Num a => Complex a -> Complex a
conjugate (x :+ y) = x :+ negate y

-- | The complex number with a magnitude and a phase.
mkPolar :: Floating a => a -> a -> Complex a
mkPolar r theta = (r * cos theta) :+ (r * sin theta)

-- | The unit complex number with a phase.
cis :: Floating a => a -> Complex a
cis theta = cos theta :+ sin theta

polar :: RealFloat a => Complex a -> (a, a)
polar z = (magnitude z, phase z)

-- | The magnitude, scaled to avoid overflow and underflow (as GHC computes it).
magnitude :: RealFloat a => Complex a -> a
magnitude (x :+ y) = scaleFloat k (sqrt (sqr (scaleFloat mk x) + sqr (scaleFloat mk y)))
  where
    k = max (exponent x) (exponent y)
    mk = negate k
    sqr z = z * z

-- | The phase in (-pi, pi]; 0 for 0.
phase :: RealFloat a => Complex a -> a
phase (0 :+ 0) = 0
phase (x :+ y) = atan2 y x

instance RealFloat a => Num (Complex a) where
  (x :+ y) + (x' :+ y') = (x + x') :+ (y + y')
  (x :+ y) - (x' :+ y') = (x - x') :+ (y - y')
  (x :+ y) * (x' :+ y') = (x * x' - y * y') :+ (x * y' + y * x')
  negate (x :+ y) = negate x :+ negate y
  abs z = magnitude z :+ 0
  signum (0 :+ 0) = 0
  signum z@(x :+ y) = (x / r) :+ (y / r)
    where
      r = magnitude z
  fromInteger n = fromInteger n :+ 0

instance RealFloat a => Fractional (Complex a) where
  (x :+ y) / (x' :+ y') = ((x * x'' + y * y'') / d) :+ ((y * x'' - x * y'') / d)
    where
      x'' = scaleFloat k x'
      y'' = scaleFloat k y'
      k = negate (max (exponent x') (exponent y'))
      d = x' * x'' + y' * y''
  fromRational a = fromRational a :+ 0

instance RealFloat a => Floating (Complex a) where
  pi = pi :+ 0
  exp (x :+ y) = (expx * cos y) :+ (expx * sin y)
    where
      expx = exp x
  log z = log (magnitude z) :+ phase z
  x ** y = case (x, y) of
    (_, 0 :+ 0) -> 1 :+ 0
    (0 :+ 0, exp_re :+ _) -> case compare exp_re 0 of
      GT -> 0 :+ 0
      LT -> inf :+ 0
      EQ -> nan :+ nan
    (re :+ im, exp_re :+ _)
      | (isInfinite re || isInfinite im) -> case compare exp_re 0 of
          GT -> inf :+ 0
          LT -> 0 :+ 0
          EQ -> nan :+ nan
      | otherwise -> exp (log x * y)
    where
      inf = 1 / 0
      nan = 0 / 0
  sqrt (0 :+ 0) = 0
  sqrt z@(x :+ y) = u :+ (if y < 0 then negate v else v)
    where
      (u, v) = if x < 0 then (v', u') else (u', v')
      v' = abs y / (u' * 2)
      u' = sqrt ((magnitude z + abs x) / 2)
  sin (x :+ y) = (sin x * cosh y) :+ (cos x * sinh y)
  cos (x :+ y) = (cos x * cosh y) :+ negate (sin x * sinh y)
  tan (x :+ y) = (sinx * coshy :+ cosx * sinhy) / (cosx * coshy :+ negate (sinx * sinhy))
    where
      sinx = sin x
      cosx = cos x
      sinhy = sinh y
      coshy = cosh y
  sinh (x :+ y) = (cos y * sinh x) :+ (sin y * cosh x)
  cosh (x :+ y) = (cos y * cosh x) :+ (sin y * sinh x)
  tanh (x :+ y) = (cosy * sinhx :+ siny * coshx) / (cosy * coshx :+ siny * sinhx)
    where
      siny = sin y
      cosy = cos y
      sinhx = sinh x
      coshx = cosh x
  asin z@(x :+ y) = y' :+ negate x'
    where
      (x' :+ y') = log (((negate y) :+ x) + sqrt (1 - z * z))
  acos z = y'' :+ negate x''
    where
      (x'' :+ y'') = log (z + ((negate y') :+ x'))
      (x' :+ y') = sqrt (1 - z * z)
  atan z@(x :+ y) = y' :+ negate x'
    where
      (x' :+ y') = log (((1 - y) :+ x) / sqrt (1 + z * z))
  asinh z = log (z + sqrt (1 + z * z))
  acosh z = log (z + (sqrt (z + 1)) * (sqrt (z - 1)))
  atanh z = 0.5 * log ((1.0 + z) / (1.0 - z))
  -- GHC's formulas, which keep precision near zero (atan2's arguments as GHC has them).
  log1p x@(a :+ b)
    | abs a < 0.5 && abs b < 0.5 = log1p (u / (1 + sqrt (u + 1))) :+ atan2 (1 + a) b
    | otherwise = log (1 + x)
    where
      u = 2 * a + a * a + b * b
  expm1 x@(a :+ b)
    | a * a + b * b < 1 = (u * w + u + w) :+ (u + 1) * sin b
    | otherwise = exp x - 1
    where
      u = expm1 a
      v = sin (b / 2)
      w = -2 * v * v
