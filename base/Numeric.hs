-- Numeric: showing and reading numbers in other bases and floating-point formats
-- (GHC's module of the same name; the float formatting is GHC's formatRealFloat on
-- the Burger-Dybvig shortest digits).
module Numeric
  ( showSigned, showIntAtBase, showInt, showHex, showOct, showBin
  , showEFloat, showFFloat, showGFloat, showFFloatAlt, showGFloatAlt, showFloat
  , floatToDigits, fromRat
  , readSigned, readInt, readDec, readOct, readHex, readBin, readFloat, lexDigits
  , Floating(..)
  ) where

-- | Show a signed number with the given shower for non-negative ones, with
-- parentheses at precedence above 6.
showSigned :: Real a => (a -> ShowS) -> Int -> a -> ShowS
showSigned showPos p x
  | x < 0 = showParen (p > 6) (showChar '-' . showPos (negate x))
  | otherwise = showPos x

-- | Show a non-negative number in a base, with a function for the digits.
showIntAtBase :: Integral a => a -> (Int -> Char) -> a -> ShowS
showIntAtBase base toChr n0 r0
  | base <= 1 = errorWithoutStackTrace ("Numeric.showIntAtBase: applied to unsupported base " ++ show (toInteger base))
  | n0 < 0 = errorWithoutStackTrace ("Numeric.showIntAtBase: applied to negative number " ++ show (toInteger n0))
  | otherwise = showIt (quotRem n0 base) r0
  where
    showIt (n, d) r = seq c (case n of
        0 -> r'
        _ -> showIt (quotRem n base) r')
      where
        c = toChr (fromIntegral d)
        r' = c : r

-- | Show a non-negative integral number in decimal.
showInt :: Integral a => a -> ShowS
showInt n r
  | n < 0 = errorWithoutStackTrace ("Numeric.showInt: can't show negative numbers")
  | otherwise = showIntAtBase 10 digitChar n r

showHex :: Integral a => a -> ShowS
showHex = showDigitsIn 16#

showOct :: Integral a => a -> ShowS
showOct = showDigitsIn 8#

showBin :: Integral a => a -> ShowS
showBin = showDigitsIn 2#

-- | showIntAtBase with the standard digits. A number beyond Int's range is converted
-- by the runtime in one go: a quotRem per digit on a big Integer is quadratic.
showDigitsIn :: Integral a => Int# -> a -> ShowS
showDigitsIn base n = case toInteger n of
  IB# b | n > 0 -> \r -> case bigToStringBase# b base of !text -> unpackAppendBytes text r
  _ -> showIntAtBase (fromIntegral (I# base)) digitChar n

-- | Read a non-negative number in a base, with a digit test and value function.
readInt :: Num a => a -> (Char -> Bool) -> (Char -> Int) -> ReadS a
readInt = readIntBase

readDec :: (Eq a, Num a) => ReadS a
readDec = readInt 10 isDecDigit digitValue

readOct :: (Eq a, Num a) => ReadS a
readOct = readInt 8 isOctDigitChar digitValue

readHex :: (Eq a, Num a) => ReadS a
readHex = readInt 16 isHexDigitChar digitValue

readBin :: (Eq a, Num a) => ReadS a
readBin = readInt 2 (\c -> c == '0' || c == '1') digitValue

-- | Read an unsigned floating-point number as `read` accepts it.
readFloat :: RealFrac a => ReadS a
readFloat r = [(fromRational x, t) | (x, t) <- readRational r]

-- | A decimal number with optional fraction and exponent, as an exact Rational.
readRational :: ReadS Rational
readRational r = [ ((n % 1) * 10 ^^ (k - d), t) | (ds, s) <- lexDigits r, (ds', s') <- lexFrac s
                 , let d = length ds', let n = foldl (\a c -> a * 10 + toInteger (digitValue c)) 0 (ds ++ ds')
                 , (k, t) <- readExp s' ]
  where
    lexFrac ('.' : ds) = lexDigits ds
    lexFrac s = [("", s)]
    readExp (e : s) | e == 'e' || e == 'E' = readExp' s
    readExp s = [(0, s)]
    readExp' ('-' : s) = [(negate k, t) | (k, t) <- readDec s]
    readExp' ('+' : s) = readDec s
    readExp' s = readDec s

-- | The leading decimal digits of a string.
lexDigits :: ReadS String
lexDigits s = case span isDecDigit s of
  ([], _) -> []
  (ds, rest) -> [(ds, rest)]

-- | The rational as the nearest floating-point number.
fromRat :: RealFloat a => Rational -> a
fromRat = fromRational

-- | Show in standard decimal or scientific notation, as `show` does.
showFloat :: RealFloat a => a -> ShowS
showFloat x = showString (formatRealFloat FFGeneric Nothing False x)

-- | Scientific notation, with the given number of decimals (all digits with Nothing).
showEFloat :: RealFloat a => Maybe Int -> a -> ShowS
showEFloat d x = showString (formatRealFloat FFExponent d False x)

-- | Fixed-point notation, with the given number of decimals (all digits with Nothing).
showFFloat :: RealFloat a => Maybe Int -> a -> ShowS
showFFloat d x = showString (formatRealFloat FFFixed d False x)

-- | Fixed for 0.1 <= |x| < 10^7, scientific otherwise.
showGFloat :: RealFloat a => Maybe Int -> a -> ShowS
showGFloat d x = showString (formatRealFloat FFGeneric d False x)

-- | showFFloat, always with a decimal point.
showFFloatAlt :: RealFloat a => Maybe Int -> a -> ShowS
showFFloatAlt d x = showString (formatRealFloat FFFixed d True x)

showGFloatAlt :: RealFloat a => Maybe Int -> a -> ShowS
showGFloatAlt d x = showString (formatRealFloat FFGeneric d True x)

data FFFormat = FFExponent | FFFixed | FFGeneric

formatRealFloat :: RealFloat a => FFFormat -> Maybe Int -> Bool -> a -> String
formatRealFloat fmt decs alt x
  | isNaN x = "NaN"
  | isInfinite x = if x < 0 then "-Infinity" else "Infinity"
  | x < 0 || isNegativeZero x = '-' : doFmt fmt (floatToDigits 10 (negate x))
  | otherwise = doFmt fmt (floatToDigits 10 x)
  where
    doFmt format (is, e) =
      let ds = map digitChar is in
      case format of
        FFGeneric -> doFmt (if e < 0 || e > 7 then FFExponent else FFFixed) (is, e)
        FFExponent -> case decs of
          Nothing ->
            let showE = show (e - 1) in
            case ds of
              "0" -> "0.0e0"
              [d] -> d : ".0e" ++ showE
              (d : ds') -> d : '.' : ds' ++ "e" ++ showE
              [] -> errorWithoutStackTrace "formatRealFloat/doFmt/FFExponent: []"
          Just dec | dec <= 0 -> case is of
            [0] -> "0e0"
            _ ->
              let (ei, is') = roundTo 1 is
                  n = digitChar (head (if ei > 0 then init is' else is'))
              in n : 'e' : show (e - 1 + ei)
          Just dec ->
            let dec' = max dec 1 in
            case is of
              [0] -> '0' : '.' : replicate dec' '0' ++ "e0"
              _ ->
                let (ei, is') = roundTo (dec' + 1) is
                    ds' = map digitChar (if ei > 0 then init is' else is')
                in head ds' : '.' : tail ds' ++ 'e' : show (e - 1 + ei)
        FFFixed ->
          let mk0 ls = if null ls then "0" else ls in
          case decs of
            Nothing
              | e <= 0 -> "0." ++ replicate (negate e) '0' ++ ds
              | otherwise ->
                  let f 0 s rs = mk0 (reverse s) ++ '.' : mk0 rs
                      f n s "" = f (n - 1) ('0' : s) ""
                      f n s (r : rs) = f (n - 1) (r : s) rs
                  in f e "" ds
            Just dec ->
              let dec' = max dec 0 in
              if e >= 0
                then
                  let (ei, is') = roundTo (dec' + e) is
                      (ls, rs) = splitAt (e + ei) (map digitChar is')
                  in mk0 ls ++ (if null rs && not alt then "" else '.' : rs)
                else
                  let (ei, is') = roundTo dec' (replicate (negate e) 0 ++ is)
                      ds' = map digitChar (if ei > 0 then is' else 0 : is')
                  in head ds' : (if null (tail ds') && not alt then "" else '.' : tail ds')

-- | Round a digit list to n digits, half to even; the carry comes first.
roundTo :: Int -> [Int] -> (Int, [Int])
roundTo d is = case f d True is of
  x@(0, _) -> x
  (1, xs) -> (1, 1 : xs)
  _ -> errorWithoutStackTrace "roundTo: bad Value"
  where
    f n _ [] = (0, replicate n 0)
    f 0 e (x : xs)
      | x == 5 && e && all (== 0) xs = (0, [])
      | otherwise = (if x >= 5 then 1 else 0, [])
    f n _ (i : xs) =
      let (c, ds) = f (n - 1) (even i) xs
          i' = c + i
      in if i' == 10 then (1, 0 : ds) else (0, i' : ds)

-- | The shortest digits that identify the number in a base, and the exponent:
-- x = 0.d1d2... * base^e (Burger and Dybvig's algorithm, as in GHC).
floatToDigits :: RealFloat a => Integer -> a -> ([Int], Int)
floatToDigits base x
  | x == 0 = ([0], 0)
  | otherwise = (map fromIntegral (reverse rds), k)
  where
    (f0, e0) = decodeFloat x
    (minExp0, _) = floatRange x
    p = floatDigits x
    b = floatRadix x
    minExp = minExp0 - p
    (f, e) = let n = minExp - e0 in
      if n > 0 then (f0 `quot` (b ^ n), e0 + n) else (f0, e0)
    (r, s, mUp, mDn) =
      if e >= 0
        then let be = b ^ e in
          if f == b ^ (p - 1) then (f * be * b * 2, 2 * b, be * b, be) else (f * be * 2, 2, be, be)
        else if e > minExp && f == b ^ (p - 1)
          then (f * b * 2, b ^ (negate e + 1) * 2, b, 1)
          else (f * 2, b ^ negate e * 2, 1, 1)
    k :: Int
    k = fixup k0
      where
        k0
          | b == 2 && base == 10 =
              let lx = p - 1 + e0
                  k1 = (lx * 8651) `quot` 28738
              in if lx >= 0 then k1 + 1 else k1
          -- An estimate from below for other bases (fixup counts up from it): x >= 1
          -- when e >= 0, and x >= b^e >= base^(e * bits of b) otherwise.
          | e >= 0 = 0
          | otherwise = e * bitLength b
        bitLength v = if v <= 1 then 0 else 1 + bitLength (v `quot` 2)
        fixup n
          | n >= 0 = if r + mUp <= base ^ n * s then n else fixup (n + 1)
          | otherwise = if base ^ negate n * (r + mUp) <= s then n else fixup (n + 1)
    gen ds rn sN mUpN mDnN =
      let (dn, rn') = (rn * base) `quotRem` sN
          mUpN' = mUpN * base
          mDnN' = mDnN * base
      in case (rn' < mDnN', rn' + mUpN' > sN) of
           (True, False) -> dn : ds
           (False, True) -> dn + 1 : ds
           (True, True) -> if rn' * 2 < sN then dn : ds else dn + 1 : ds
           (False, False) -> gen (dn : ds) rn' sN mUpN' mDnN'
    rds
      | k >= 0 = gen [] r (s * base ^ k) mUp mDn
      | otherwise = let bk = base ^ negate k in gen [] (r * bk) s (mUp * bk) (mDn * bk)
