-- The Prelude of bhc's base library, written on the primops of bhc/stg/src/primop.rs.
-- It follows the Prelude of today's GHC base: Functor/Applicative/Monad/MonadFail,
-- Semigroup/Monoid, Foldable/Traversable-generalised list functions, and the whole
-- Haskell 2010 Prelude (the numeric tower, Read with reads/readParen/lex, ...).
--
-- It is compiled with MagicHash names allowed and without an implicit Prelude import,
-- and it cannot import other base modules, so it holds every class, type and function
-- that the other base modules build on (Data.List, Control.Exception, System.IO, ...
-- re-export what they need from here; names they need that GHC's Prelude does not
-- export are defined here and left out of the export list). Representations
-- (Int = I# Int#, IO as a RealWorld function, ...) are fixed by docs/conventions.md,
-- which the front end and the runtime also rely on.
module Prelude
  ( -- * Basic data types
    Bool(..), (&&), (||), not, otherwise
  , Maybe(..), maybe
  , Either(..), either
  , Ordering(..)
  , Char, String
  , fst, snd, curry, uncurry
    -- * Basic classes
  , Eq(..), Ord(..), Enum(..), Bounded(..)
    -- * Numbers
  , Int, Integer, Float, Double, Rational, Word
  , Num(..), Real(..), Integral(..), Fractional(..)
  , Floating(pi, exp, log, sqrt, (**), logBase, sin, cos, tan, asin, acos, atan
             , sinh, cosh, tanh, asinh, acosh, atanh)
  , RealFrac(..), RealFloat(..)
  , subtract, even, odd, gcd, lcm, (^), (^^), fromIntegral, realToFrac
    -- * Semigroups and monoids
  , Semigroup((<>)), Monoid(mempty, mappend, mconcat)
    -- * Functors and monads
  , Functor(fmap, (<$)), (<$>)
  , Applicative(pure, (<*>), (*>), (<*))
  , Monad((>>=), (>>), return), MonadFail(fail)
  , mapM_, sequence_, (=<<)
    -- * Folds and traversals
  , Foldable(elem, foldMap, foldr, foldl, foldr1, foldl1, maximum, minimum, product, sum, null, length)
  , Traversable(traverse, sequenceA, mapM, sequence)
    -- * Miscellaneous functions
  , id, const, (.), flip, ($), until, asTypeOf, error, errorWithoutStackTrace, undefined
  , seq, ($!)
    -- * Lists
  , map, (++), filter, head, last, tail, init, (!!), reverse
  , and, or, any, all, concat, concatMap
  , scanl, scanl1, scanr, scanr1
  , iterate, repeat, replicate, cycle
  , take, drop, takeWhile, dropWhile, span, break, splitAt
  , notElem, lookup
  , zip, zip3, zipWith, zipWith3, unzip, unzip3
  , lines, words, unlines, unwords
    -- * Converting to and from strings
  , ShowS, Show(showsPrec, showList, show), shows, showChar, showString, showParen
  , ReadS, Read(readsPrec, readList), reads, readParen, read, lex
    -- * Input and output
  , IO, putChar, putStr, putStrLn, print
  , getChar, getLine, getContents, interact
  , readFile, writeFile, appendFile
  , FilePath, IOError, ioError, userError
  , readIO, readLn
    -- * Wired into the compiler and the runtime (docs/conventions.md)
  , unpackCString#, patError, runMainIO, runInteractiveIO
  , SomeException, nonTermination, stackOverflow, heapOverflow
  ) where

infixr 9 .
infixr 8 ^, ^^
infixl 7 *, /, `quot`, `rem`, `div`, `mod`, %
infixl 6 +, -
infixr 6 <>
infixr 5 ++
infix 4 ==, /=, <, <=, >, >=, `elem`, `notElem`
infixl 4 <$>, <$, <*>, *>, <*
infixr 3 &&
infixr 2 ||
infixl 1 >>, >>=
infixr 1 =<<
infixr 0 $, $!, `seq`
infixr 5 :|

-- ---------------------------------------------------------------------------
-- Primitive representations

data Bool = False | True
data Ordering = LT | EQ | GT
data Maybe a = Nothing | Just a
data Either a b = Left a | Right b

data Int = I# Int#
data Char = C# Char#
data Double = D# Double#

type String = [Char]
type ShowS = String -> String
type ReadS a = String -> [(a, String)]
type FilePath = String

data RealWorld = RealWorld
data IORes a = IORes a
newtype IO a = IO (RealWorld -> IORes a)

unIO :: IO a -> RealWorld -> IORes a
unIO (IO m) = m

isTrue# :: Int# -> Bool
isTrue# x = case x of
  0# -> False
  _ -> True

-- | A list with at least one element (Data.List.NonEmpty's type; Semigroup's sconcat
-- takes one).
data NonEmpty a = a :| [a]

-- ---------------------------------------------------------------------------
-- Booleans, tuples, functions

(&&) :: Bool -> Bool -> Bool
True && x = x
False && _ = False

(||) :: Bool -> Bool -> Bool
True || _ = True
False || x = x

not :: Bool -> Bool
not True = False
not False = True

otherwise :: Bool
otherwise = True

maybe :: b -> (a -> b) -> Maybe a -> b
maybe n _ Nothing = n
maybe _ f (Just x) = f x

either :: (a -> c) -> (b -> c) -> Either a b -> c
either f _ (Left x) = f x
either _ g (Right y) = g y

fst :: (a, b) -> a
fst (x, _) = x

snd :: (a, b) -> b
snd (_, y) = y

curry :: ((a, b) -> c) -> a -> b -> c
curry f x y = f (x, y)

uncurry :: (a -> b -> c) -> (a, b) -> c
uncurry f p = f (fst p) (snd p)

id :: a -> a
id x = x

const :: a -> b -> a
const x _ = x

(.) :: (b -> c) -> (a -> b) -> a -> c
(.) f g = \x -> f (g x)

flip :: (a -> b -> c) -> b -> a -> c
flip f x y = f y x

($) :: (a -> b) -> a -> b
f $ x = f x

seq :: a -> b -> b
seq = seq#

($!) :: (a -> b) -> a -> b
f $! x = x `seq` f x

until :: (a -> Bool) -> (a -> a) -> a -> a
until p f x = if p x then x else until p f (f x)

asTypeOf :: a -> a -> a
asTypeOf = const

-- ---------------------------------------------------------------------------
-- Eq and Ord

class Eq a where
  (==), (/=) :: a -> a -> Bool
  x /= y = not (x == y)
  x == y = not (x /= y)

class Eq a => Ord a where
  compare :: a -> a -> Ordering
  (<), (<=), (>), (>=) :: a -> a -> Bool
  max, min :: a -> a -> a
  compare x y = if x == y then EQ else if x <= y then LT else GT
  x < y = case compare x y of { LT -> True; _ -> False }
  x <= y = case compare x y of { GT -> False; _ -> True }
  x > y = case compare x y of { GT -> True; _ -> False }
  x >= y = case compare x y of { LT -> False; _ -> True }
  max x y = if x <= y then y else x
  min x y = if x <= y then x else y

instance Eq Int where
  I# x == I# y = isTrue# (x ==# y)
  I# x /= I# y = isTrue# (x /=# y)

instance Ord Int where
  I# x < I# y = isTrue# (x <# y)
  I# x <= I# y = isTrue# (x <=# y)
  I# x > I# y = isTrue# (x ># y)
  I# x >= I# y = isTrue# (x >=# y)
  compare (I# x) (I# y) = if isTrue# (x <# y) then LT else if isTrue# (x ==# y) then EQ else GT
  max a@(I# x) b@(I# y) = if isTrue# (x <=# y) then b else a
  min a@(I# x) b@(I# y) = if isTrue# (x <=# y) then a else b

instance Eq Char where
  C# x == C# y = isTrue# (eqChar# x y)
  C# x /= C# y = isTrue# (neChar# x y)

instance Ord Char where
  C# x < C# y = isTrue# (ltChar# x y)
  C# x <= C# y = isTrue# (leChar# x y)
  C# x > C# y = isTrue# (gtChar# x y)
  C# x >= C# y = isTrue# (geChar# x y)
  compare (C# x) (C# y) = if isTrue# (ltChar# x y) then LT else if isTrue# (eqChar# x y) then EQ else GT

-- IEEE comparisons: every comparison with NaN is False, and compare treats it as GT
-- (as GHC does).
instance Eq Double where
  D# x == D# y = isTrue# (x ==## y)

instance Ord Double where
  D# x < D# y = isTrue# (x <## y)
  D# x <= D# y = isTrue# (x <=## y)
  D# x > D# y = isTrue# (y <## x)
  D# x >= D# y = isTrue# (y <=## x)
  compare (D# x) (D# y) = if isTrue# (x <## y) then LT else if isTrue# (x ==## y) then EQ else GT

instance Eq Bool where
  True == True = True
  False == False = True
  _ == _ = False

instance Ord Bool where
  compare x y = compareInt (fromEnum x) (fromEnum y)

instance Eq Ordering where
  x == y = fromEnum x == fromEnum y

instance Ord Ordering where
  compare x y = compareInt (fromEnum x) (fromEnum y)

compareInt :: Int -> Int -> Ordering
compareInt (I# x) (I# y) = if isTrue# (x <# y) then LT else if isTrue# (x ==# y) then EQ else GT

instance Eq () where
  _ == _ = True

instance Ord () where
  compare _ _ = EQ

instance Eq a => Eq [a] where
  [] == [] = True
  (x:xs) == (y:ys) = x == y && xs == ys
  _ == _ = False

instance Ord a => Ord [a] where
  compare [] [] = EQ
  compare [] (_:_) = LT
  compare (_:_) [] = GT
  compare (x:xs) (y:ys) = case compare x y of
    EQ -> compare xs ys
    other -> other

instance Eq a => Eq (Maybe a) where
  Nothing == Nothing = True
  Just x == Just y = x == y
  _ == _ = False

instance Ord a => Ord (Maybe a) where
  compare Nothing Nothing = EQ
  compare Nothing (Just _) = LT
  compare (Just _) Nothing = GT
  compare (Just x) (Just y) = compare x y

instance (Eq a, Eq b) => Eq (Either a b) where
  Left x == Left y = x == y
  Right x == Right y = x == y
  _ == _ = False

instance (Ord a, Ord b) => Ord (Either a b) where
  compare (Left x) (Left y) = compare x y
  compare (Left _) (Right _) = LT
  compare (Right _) (Left _) = GT
  compare (Right x) (Right y) = compare x y

instance Eq a => Eq (NonEmpty a) where
  (x :| xs) == (y :| ys) = x == y && xs == ys

instance Ord a => Ord (NonEmpty a) where
  compare (x :| xs) (y :| ys) = thenCmp (compare x y) (compare xs ys)

-- | Lexicographic combination of two comparisons.
thenCmp :: Ordering -> Ordering -> Ordering
thenCmp EQ o = o
thenCmp o _ = o

instance (Eq a, Eq b) => Eq (a, b) where
  (a, b) == (a', b') = a == a' && b == b'

instance (Ord a, Ord b) => Ord (a, b) where
  compare (a, b) (a', b') = thenCmp (compare a a') (compare b b')

instance (Eq a, Eq b, Eq c) => Eq (a, b, c) where
  (a, b, c) == (a', b', c') = a == a' && b == b' && c == c'

instance (Ord a, Ord b, Ord c) => Ord (a, b, c) where
  compare (a, b, c) (a', b', c') = thenCmp (compare a a') (thenCmp (compare b b') (compare c c'))

instance (Eq a, Eq b, Eq c, Eq d) => Eq (a, b, c, d) where
  (a, b, c, d) == (a', b', c', d') = a == a' && b == b' && c == c' && d == d'

instance (Ord a, Ord b, Ord c, Ord d) => Ord (a, b, c, d) where
  compare (a, b, c, d) (a', b', c', d') =
    thenCmp (compare a a') (thenCmp (compare b b') (thenCmp (compare c c') (compare d d')))

instance (Eq a, Eq b, Eq c, Eq d, Eq e) => Eq (a, b, c, d, e) where
  (a, b, c, d, e) == (a', b', c', d', e') = a == a' && b == b' && c == c' && d == d' && e == e'

instance (Ord a, Ord b, Ord c, Ord d, Ord e) => Ord (a, b, c, d, e) where
  compare (a, b, c, d, e) (a', b', c', d', e') =
    thenCmp (compare a a') (thenCmp (compare b b') (thenCmp (compare c c')
      (thenCmp (compare d d') (compare e e'))))

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f) => Eq (a, b, c, d, e, f) where
  (a, b, c, d, e, f) == (a', b', c', d', e', f') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f) => Ord (a, b, c, d, e, f) where
  compare (a, b, c, d, e, f) (a', b', c', d', e', f') =
    thenCmp (compare a a') (thenCmp (compare b b') (thenCmp (compare c c')
      (thenCmp (compare d d') (thenCmp (compare e e') (compare f f')))))

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g) => Eq (a, b, c, d, e, f, g) where
  (a, b, c, d, e, f, g) == (a', b', c', d', e', f', g') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g) => Ord (a, b, c, d, e, f, g) where
  compare (a, b, c, d, e, f, g) (a', b', c', d', e', f', g') =
    thenCmp (compare a a') (thenCmp (compare b b') (thenCmp (compare c c')
      (thenCmp (compare d d') (thenCmp (compare e e') (thenCmp (compare f f') (compare g g'))))))

-- ---------------------------------------------------------------------------
-- Enum and Bounded

class Enum a where
  succ, pred :: a -> a
  toEnum :: Int -> a
  fromEnum :: a -> Int
  enumFrom :: a -> [a]
  enumFromThen :: a -> a -> [a]
  enumFromTo :: a -> a -> [a]
  enumFromThenTo :: a -> a -> a -> [a]
  succ x = toEnum (fromEnum x + 1)
  pred x = toEnum (fromEnum x - 1)
  enumFrom x = map toEnum (enumFrom (fromEnum x))
  enumFromThen x y = map toEnum (enumFromThen (fromEnum x) (fromEnum y))
  enumFromTo x y = map toEnum (enumFromTo (fromEnum x) (fromEnum y))
  enumFromThenTo x y z = map toEnum (enumFromThenTo (fromEnum x) (fromEnum y) (fromEnum z))

class Bounded a where
  minBound, maxBound :: a

-- | An enumeration's enumFrom and enumFromThen stop at its bounds (what derived
-- instances and the instances below use).
boundedEnumFrom :: (Enum a, Bounded a) => a -> [a]
boundedEnumFrom n = map toEnum (enumFromTo (fromEnum n) (fromEnum (maxBound `asTypeOf` n)))

boundedEnumFromThen :: (Enum a, Bounded a) => a -> a -> [a]
boundedEnumFromThen n1 n2
  | i2 >= i1 = map toEnum (enumFromThenTo i1 i2 (fromEnum (maxBound `asTypeOf` n1)))
  | otherwise = map toEnum (enumFromThenTo i1 i2 (fromEnum (minBound `asTypeOf` n1)))
  where
    i1 = fromEnum n1
    i2 = fromEnum n2

instance Enum Int where
  succ x = if x == maxBound then errorWithoutStackTrace "Prelude.Enum.succ{Int}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Prelude.Enum.pred{Int}: tried to take `pred' of minBound" else x - 1
  toEnum x = x
  fromEnum x = x
  enumFrom x = enumFromTo x maxBound
  enumFromTo (I# x) (I# y) = intRangeUp x y
  enumFromThen x y = enumFromThenTo x y (if y >= x then maxBound else minBound)
  enumFromThenTo (I# x) (I# y) (I# z)
    | isTrue# (y >=# x) = intStepUp x (y -# x) z
    | otherwise = intStepDown x (y -# x) z

-- Int ranges without overflow at the bounds: each step checks the room that is left.
intRangeUp :: Int# -> Int# -> [Int]
intRangeUp x y = if isTrue# (x ># y) then [] else go x
  where
    go i = I# i : (if isTrue# (i ==# y) then [] else go (i +# 1#))

intStepUp :: Int# -> Int# -> Int# -> [Int]
intStepUp x d z = if isTrue# (x ># z) then [] else go x
  where
    go i = I# i : (if isTrue# (i ># (z -# d)) then [] else go (i +# d))

intStepDown :: Int# -> Int# -> Int# -> [Int]
intStepDown x d z = if isTrue# (x <# z) then [] else go x
  where
    go i = I# i : (if isTrue# (i <# (z -# d)) then [] else go (i +# d))

instance Bounded Int where
  minBound = I# (negateInt# 9223372036854775807# -# 1#)
  maxBound = I# 9223372036854775807#

instance Enum Char where
  succ (C# c) = if isTrue# (ord# c ==# 1114111#)
    then errorWithoutStackTrace "Prelude.Enum.Char.succ: bad argument" else C# (chr# (ord# c +# 1#))
  pred (C# c) = if isTrue# (ord# c ==# 0#)
    then errorWithoutStackTrace "Prelude.Enum.Char.pred: bad argument" else C# (chr# (ord# c -# 1#))
  toEnum n = chr n
  fromEnum (C# c) = I# (ord# c)
  enumFrom c = enumFromTo c maxBound
  enumFromTo (C# x) (C# y) = map unsafeChr (intRangeUp (ord# x) (ord# y))
  enumFromThen c d = enumFromThenTo c d (if d >= c then maxBound else minBound)
  enumFromThenTo x y z = map unsafeChr (enumFromThenTo (fromEnum x) (fromEnum y) (fromEnum z))

unsafeChr :: Int -> Char
unsafeChr (I# i) = C# (chr# i)

-- | The character with a code point, checked (Data.Char re-exports it).
chr :: Int -> Char
chr n@(I# i)
  | n >= 0 && n <= 1114111 = C# (chr# i)
  | otherwise = errorWithoutStackTrace "Prelude.chr: bad argument"

-- | The code point of a character (Data.Char re-exports it).
ord :: Char -> Int
ord (C# c) = I# (ord# c)

instance Bounded Char where
  minBound = C# '\0'#
  maxBound = C# '\1114111'#

instance Enum Bool where
  toEnum n = if n == 0 then False else if n == 1 then True
             else errorWithoutStackTrace "Prelude.Enum.Bool.toEnum: bad argument"
  fromEnum False = 0
  fromEnum True = 1
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen

instance Bounded Bool where
  minBound = False
  maxBound = True

instance Enum Ordering where
  toEnum n = if n == 0 then LT else if n == 1 then EQ else if n == 2 then GT
             else errorWithoutStackTrace "Prelude.Enum.Ordering.toEnum: bad argument"
  fromEnum LT = 0
  fromEnum EQ = 1
  fromEnum GT = 2
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen

instance Bounded Ordering where
  minBound = LT
  maxBound = GT

instance Enum () where
  toEnum n = if n == 0 then () else errorWithoutStackTrace "Prelude.Enum.().toEnum: bad argument"
  fromEnum _ = 0
  enumFrom _ = [()]
  enumFromThen _ _ = repeat ()
  enumFromThenTo _ _ _ = repeat ()

instance Bounded () where
  minBound = ()
  maxBound = ()

instance (Bounded a, Bounded b) => Bounded (a, b) where
  minBound = (minBound, minBound)
  maxBound = (maxBound, maxBound)

instance (Bounded a, Bounded b, Bounded c) => Bounded (a, b, c) where
  minBound = (minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound)

instance (Bounded a, Bounded b, Bounded c, Bounded d) => Bounded (a, b, c, d) where
  minBound = (minBound, minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound, maxBound)

-- ---------------------------------------------------------------------------
-- The numeric classes (Haskell 2010 Report, section 6.4)

class Num a where
  (+), (-), (*) :: a -> a -> a
  negate, abs, signum :: a -> a
  fromInteger :: Integer -> a
  x - y = x + negate y
  negate x = fromInteger 0 - x

class (Num a, Ord a) => Real a where
  toRational :: a -> Rational

class (Real a, Enum a) => Integral a where
  quot, rem, div, mod :: a -> a -> a
  quotRem, divMod :: a -> a -> (a, a)
  toInteger :: a -> Integer
  n `quot` d = fst (quotRem n d)
  n `rem` d = snd (quotRem n d)
  n `div` d = fst (divMod n d)
  n `mod` d = snd (divMod n d)
  divMod n d = if signum r == negate (signum d) then (q - fromInteger 1, r + d) else qr
    where
      qr = quotRem n d
      q = fst qr
      r = snd qr

class Num a => Fractional a where
  (/) :: a -> a -> a
  recip :: a -> a
  fromRational :: Rational -> a
  recip x = fromInteger 1 / x
  x / y = x * recip y

class Fractional a => Floating a where
  pi :: a
  exp, log, sqrt :: a -> a
  (**), logBase :: a -> a -> a
  sin, cos, tan, asin, acos, atan :: a -> a
  sinh, cosh, tanh, asinh, acosh, atanh :: a -> a
  -- Numeric exports these four, GHC's Prelude does not.
  log1p, expm1, log1pexp, log1mexp :: a -> a
  x ** y = exp (log x * y)
  logBase x y = log y / log x
  sqrt x = x ** fromRational (1 :% 2)
  tan x = sin x / cos x
  tanh x = sinh x / cosh x
  log1p x = log (fromInteger 1 + x)
  expm1 x = exp x - fromInteger 1
  log1pexp x = log1p (exp x)
  log1mexp x = log1p (negate (exp x))

class (Real a, Fractional a) => RealFrac a where
  properFraction :: Integral b => a -> (b, a)
  truncate, round :: Integral b => a -> b
  ceiling, floor :: Integral b => a -> b
  truncate x = fst (properFraction x)
  round x =
    let (n, r) = properFraction x
        m = if r < fromInteger 0 then n - fromInteger 1 else n + fromInteger 1
    in case compare (abs r) (fromRational (1 :% 2)) of
         LT -> n
         EQ -> if even n then n else m
         GT -> m
  ceiling x = let (n, r) = properFraction x in if r > fromInteger 0 then n + fromInteger 1 else n
  floor x = let (n, r) = properFraction x in if r < fromInteger 0 then n - fromInteger 1 else n

infixr 8 **

class (RealFrac a, Floating a) => RealFloat a where
  floatRadix :: a -> Integer
  floatDigits :: a -> Int
  floatRange :: a -> (Int, Int)
  decodeFloat :: a -> (Integer, Int)
  encodeFloat :: Integer -> Int -> a
  exponent :: a -> Int
  significand :: a -> a
  scaleFloat :: Int -> a -> a
  isNaN, isInfinite, isDenormalized, isNegativeZero, isIEEE :: a -> Bool
  atan2 :: a -> a -> a
  exponent x = case decodeFloat x of
    (m, n) -> if m == 0 then 0 else n + floatDigits x
  significand x = case decodeFloat x of
    (m, _) -> encodeFloat m (negate (floatDigits x))
  scaleFloat k x
    | k == 0 || x == fromInteger 0 || isNaN x || isInfinite x = x
    | otherwise = case decodeFloat x of
        (m, n) -> encodeFloat m (n + clampExp k)
    where
      (lo, hi) = floatRange x
      bound = hi - lo + 4 * floatDigits x
      clampExp e = max (negate bound) (min bound e)
  atan2 y x
    | x > zero = atan (y / x)
    | x == zero && y > zero = pi / two
    | x < zero && y > zero = pi + atan (y / x)
    | (x <= zero && y < zero) || (x < zero && isNegativeZero y) || (isNegativeZero x && isNegativeZero y)
      = negate (atan2 (negate y) x)
    | y == zero && (x < zero || isNegativeZero x) = pi
    | x == zero && y == zero = y
    | otherwise = x + y
    where
      zero = fromInteger 0
      two = fromInteger 2

subtract :: Num a => a -> a -> a
subtract x y = y - x

even, odd :: Integral a => a -> Bool
even n = n `rem` fromInteger 2 == fromInteger 0
odd n = not (even n)

gcd :: Integral a => a -> a -> a
gcd x y = gcd' (abs x) (abs y)
  where
    gcd' a b = if b == fromInteger 0 then a else gcd' b (a `rem` b)

lcm :: Integral a => a -> a -> a
lcm x y
  | x == fromInteger 0 = fromInteger 0
  | y == fromInteger 0 = fromInteger 0
  | otherwise = abs ((x `quot` gcd x y) * y)

(^) :: (Num a, Integral b) => a -> b -> a
x0 ^ y0
  | y0 < 0 = errorWithoutStackTrace "Negative exponent"
  | y0 == 0 = 1
  | otherwise = f x0 y0
  where
    f x y
      | even y = f (x * x) (y `quot` 2)
      | y == 1 = x
      | otherwise = g (x * x) (y `quot` 2) x
    g x y z
      | even y = g (x * x) (y `quot` 2) z
      | y == 1 = x * z
      | otherwise = g (x * x) (y `quot` 2) (x * z)

(^^) :: (Fractional a, Integral b) => a -> b -> a
x ^^ n = if n >= 0 then x ^ n else recip (x ^ negate n)

fromIntegral :: (Integral a, Num b) => a -> b
fromIntegral x = fromInteger (toInteger x)

realToFrac :: (Real a, Fractional b) => a -> b
realToFrac x = fromRational (toRational x)

-- ---------------------------------------------------------------------------
-- Int

instance Num Int where
  I# x + I# y = I# (x +# y)
  I# x - I# y = I# (x -# y)
  I# x * I# y = I# (x *# y)
  negate (I# x) = I# (negateInt# x)
  abs n@(I# x) = if isTrue# (x <# 0#) then I# (negateInt# x) else n
  signum (I# x) = if isTrue# (x <# 0#) then I# (negateInt# 1#) else if isTrue# (x ==# 0#) then I# 0# else I# 1#
  fromInteger i = integerToInt i

instance Real Int where
  toRational x = toInteger x :% 1

-- As on GHC: division by zero raises DivideByZero, and minBound `quot` (-1) (whose
-- result does not fit) raises Overflow, while the remainders by -1 are 0.
instance Integral Int where
  quot a b
    | b == 0 = divZeroError
    | b == (-1) && a == minBound = overflowError
    | otherwise = quotInt a b
  rem a b
    | b == 0 = divZeroError
    | otherwise = remInt a b
  div a b
    | b == 0 = divZeroError
    | b == (-1) && a == minBound = overflowError
    | otherwise = divInt a b
  mod a b
    | b == 0 = divZeroError
    | otherwise = modInt a b
  quotRem a b
    | b == 0 = divZeroError
    | b == (-1) && a == minBound = (overflowError, 0)
    | otherwise = (quotInt a b, remInt a b)
  divMod a b
    | b == 0 = divZeroError
    | b == (-1) && a == minBound = (overflowError, 0)
    | otherwise = (divInt a b, modInt a b)
  toInteger (I# x) = IS# x

-- Division by -1 is special-cased: the primops would trap on minBound `quot` (-1).
-- Integer division uses these too, after checking the divisor.
quotInt, remInt :: Int -> Int -> Int
quotInt (I# x) (I# y) = if isTrue# (y ==# negateInt# 1#) then I# (negateInt# x) else I# (quotInt# x y)
remInt (I# x) (I# y) = if isTrue# (y ==# negateInt# 1#) then I# 0# else I# (remInt# x y)

-- Division rounding towards negative infinity, from the truncating primops.
divInt :: Int -> Int -> Int
divInt (I# x) (I# y) =
  if isTrue# (y ==# negateInt# 1#) then I# (negateInt# x)
  else if isTrue# (x ># 0#) && isTrue# (y <# 0#) then I# (quotInt# (x -# 1#) y -# 1#)
  else if isTrue# (x <# 0#) && isTrue# (y ># 0#) then I# (quotInt# (x +# 1#) y -# 1#)
  else I# (quotInt# x y)

modInt :: Int -> Int -> Int
modInt (I# x) (I# y) =
  if isTrue# (y ==# negateInt# 1#) then I# 0#
  else case remInt# x y of
    r -> if isTrue# (r /=# 0#) && isTrue# ((r <# 0#) /=# (y <# 0#)) then I# (r +# y) else I# r

-- ---------------------------------------------------------------------------
-- Integer
--
-- Small values are `IS# Int#`, all others `IB# BigInt#` (a bignum the runtime owns);
-- every operation keeps that invariant (docs/conventions.md, "Integer"), so equal
-- Integers have equal representations. Small operands take a fast path that checks
-- for overflow (addIntOverflows# ...) and only then turn to the bignum primops. A
-- BigInt# (like every unlifted pointer: ByteArray#, ...) must never be a thunk, so
-- every such primop result is bound by a `case` with a bang pattern (`case bigAdd# a b
-- of !r -> ...`); without the bang the front end binds a variable pattern lazily.
-- The operations other modules need are the functions of this section.

data Integer = IS# Int# | IB# BigInt#

-- | A bignum result as an Integer: small when it fits.
mkInteger :: BigInt# -> Integer
mkInteger b = case bigFitsInt# b of
  0# -> IB# b
  _ -> IS# (bigToInt# b)

-- | Apply a bignum operation to two Integers, widening the small ones.
bigBinOp :: (BigInt# -> BigInt# -> Integer) -> Integer -> Integer -> Integer
bigBinOp op x y = case x of
  IS# a -> case bigFromInt# a of
    !ba -> case y of
      IS# b -> case bigFromInt# b of
        !bb -> op ba bb
      IB# bb -> op ba bb
  IB# ba -> case y of
    IS# b -> case bigFromInt# b of
      !bb -> op ba bb
    IB# bb -> op ba bb

addBig, subBig, mulBig, quotBig, remBig, divBig, modBig :: BigInt# -> BigInt# -> Integer
addBig a b = case bigAdd# a b of !r -> mkInteger r
subBig a b = case bigSub# a b of !r -> mkInteger r
mulBig a b = case bigMul# a b of !r -> mkInteger r
quotBig a b = case bigQuot# a b of !r -> mkInteger r
remBig a b = case bigRem# a b of !r -> mkInteger r
divBig a b = case bigDiv# a b of !r -> mkInteger r
modBig a b = case bigMod# a b of !r -> mkInteger r

andBig, orBig, xorBig :: BigInt# -> BigInt# -> Integer
andBig a b = case bigAnd# a b of !r -> mkInteger r
orBig a b = case bigOr# a b of !r -> mkInteger r
xorBig a b = case bigXor# a b of !r -> mkInteger r

integerToInt :: Integer -> Int
integerToInt (IS# i) = I# i
integerToInt (IB# b) = I# (bigToInt# b)

-- | An unsigned machine word (held in an Int#) as an Integer (Data.Word uses it).
integerFromWord# :: Int# -> Integer
integerFromWord# w = if isTrue# (w >=# 0#) then IS# w else case bigFromWord# w of !b -> IB# b

-- | An integer literal beyond the Int# range: decimal digits with an optional '-'
-- (docs/conventions.md, "Literals").
integerFromAddr# :: Addr# -> Integer
integerFromAddr# a = case bigFromAddr# a of !b -> mkInteger b

integerToDouble :: Integer -> Double
integerToDouble (IS# i) = D# (int2Double# i)
integerToDouble (IB# b) = D# (bigToDouble# b)

integerCompare :: Integer -> Integer -> Ordering
integerCompare (IS# x) (IS# y) = if isTrue# (x <# y) then LT else if isTrue# (x ==# y) then EQ else GT
integerCompare (IS# _) (IB# b) = if isTrue# (bigSignum# b ># 0#) then LT else GT
integerCompare (IB# a) (IS# _) = if isTrue# (bigSignum# a ># 0#) then GT else LT
integerCompare (IB# a) (IB# b) = case bigCompare# a b of
  0# -> EQ
  c -> if isTrue# (c ># 0#) then GT else LT

instance Eq Integer where
  IS# x == IS# y = isTrue# (x ==# y)
  IB# a == IB# b = isTrue# (bigCompare# a b ==# 0#)
  _ == _ = False

instance Ord Integer where
  compare = integerCompare
  IS# x < IS# y = isTrue# (x <# y)
  x < y = case integerCompare x y of { LT -> True; _ -> False }
  IS# x <= IS# y = isTrue# (x <=# y)
  x <= y = case integerCompare x y of { GT -> False; _ -> True }
  IS# x > IS# y = isTrue# (x ># y)
  x > y = case integerCompare x y of { GT -> True; _ -> False }
  IS# x >= IS# y = isTrue# (x >=# y)
  x >= y = case integerCompare x y of { LT -> False; _ -> True }

integerAdd, integerSub, integerMul :: Integer -> Integer -> Integer
integerAdd (IS# x) (IS# y) = case addIntOverflows# x y of
  0# -> IS# (x +# y)
  _ -> bigBinOp addBig (IS# x) (IS# y)
integerAdd x y = bigBinOp addBig x y
integerSub (IS# x) (IS# y) = case subIntOverflows# x y of
  0# -> IS# (x -# y)
  _ -> bigBinOp subBig (IS# x) (IS# y)
integerSub x y = bigBinOp subBig x y
integerMul (IS# x) (IS# y) = case mulIntOverflows# x y of
  0# -> IS# (x *# y)
  _ -> bigBinOp mulBig (IS# x) (IS# y)
integerMul (IB# a) (IS# y) = case bigFromInt# y of !b -> mulBig a b
integerMul x y = bigBinOp mulBig x y

integerNegate :: Integer -> Integer
integerNegate (IS# x) = case subIntOverflows# 0# x of
  0# -> IS# (negateInt# x)
  _ -> bigBinOp subBig (IS# 0#) (IS# x)
integerNegate (IB# b) = case bigNegate# b of !r -> mkInteger r

instance Num Integer where
  (+) = integerAdd
  (-) = integerSub
  (*) = integerMul
  negate = integerNegate
  abs n@(IS# x) = if isTrue# (x <# 0#) then integerNegate n else n
  abs (IB# b) = case bigAbs# b of !r -> IB# r
  signum (IS# x) = if isTrue# (x <# 0#) then IS# (negateInt# 1#) else if isTrue# (x ==# 0#) then IS# 0# else IS# 1#
  signum (IB# b) = IS# (bigSignum# b)
  fromInteger n = n

instance Real Integer where
  toRational x = x :% 1

-- Division of small values by -1 negates (which may leave the Int# range); division
-- by zero raises DivideByZero.
instance Integral Integer where
  quot x y = integerDivision (\a b -> IS# (quotInt# a b)) (\_ -> integerNegate x) quotBig x y
  rem x y = integerDivision (\a b -> IS# (remInt# a b)) (\_ -> IS# 0#) remBig x y
  div x y = integerDivision (\a b -> toInteger (divInt (I# a) (I# b))) (\_ -> integerNegate x) divBig x y
  mod x y = integerDivision (\a b -> toInteger (modInt (I# a) (I# b))) (\_ -> IS# 0#) modBig x y
  quotRem x y = if y == 0 then divZeroError else (quot x y, rem x y)
  divMod x y = if y == 0 then divZeroError else (div x y, mod x y)
  toInteger n = n

-- | One Integer division: the small operation, the result for a divisor of -1, and
-- the bignum operation.
integerDivision :: (Int# -> Int# -> Integer) -> (() -> Integer) -> (BigInt# -> BigInt# -> Integer)
                -> Integer -> Integer -> Integer
integerDivision small byMinusOne big x y = case y of
  IS# b
    | isTrue# (b ==# 0#) -> divZeroError
    | isTrue# (b ==# negateInt# 1#) -> byMinusOne ()
    | IS# a <- x -> small a b
  _ -> bigBinOp big x y

instance Enum Integer where
  succ x = x + 1
  pred x = x - 1
  toEnum (I# x) = IS# x
  fromEnum n = integerToInt n
  -- Strict in the counter, as GHC's: `drop n [1..]` must not build a chain of (+1)s.
  enumFrom x = x `seq` (x : enumFrom (x + 1))
  enumFromTo (IS# x) (IS# y) = enumFromToSmall x y
  enumFromTo x y = if x > y then [] else x : enumFromTo (x + 1) y
  enumFromThen x y = x `seq` (x : enumFromThen y (y + y - x))
  enumFromThenTo x y z
    | y >= x = if x > z then [] else x : enumFromThenTo y (y + y - x) z
    | otherwise = if x < z then [] else x : enumFromThenTo y (y + y - x) z

-- | [x .. y] between small Integers, counting on an Int# (a comparison and an addition
-- of Integers per element cost more than the element).
enumFromToSmall :: Int# -> Int# -> [Integer]
enumFromToSmall x y = if isTrue# (x ># y) then [] else go x
  where
    go i = IS# i : (if isTrue# (i ==# y) then [] else go (i +# 1#))

-- Bitwise operations on Integer, as on an infinite two's complement number
-- (Data.Bits uses them).
integerAnd, integerOr, integerXor :: Integer -> Integer -> Integer
integerAnd (IS# x) (IS# y) = IS# (andI# x y)
integerAnd x y = bigBinOp andBig x y
integerOr (IS# x) (IS# y) = IS# (orI# x y)
integerOr x y = bigBinOp orBig x y
integerXor (IS# x) (IS# y) = IS# (xorI# x y)
integerXor x y = bigBinOp xorBig x y

integerComplement :: Integer -> Integer
integerComplement (IS# x) = IS# (notI# x)
integerComplement (IB# b) = case bigComplement# b of !r -> mkInteger r

integerShiftL, integerShiftR :: Integer -> Int -> Integer
integerShiftL (IS# x) (I# n)
  | isTrue# (n <# 64#) && isTrue# (uncheckedIShiftRA# (uncheckedIShiftL# x n) n ==# x) = IS# (uncheckedIShiftL# x n)
  | otherwise = case bigFromInt# x of !b -> case bigShiftL# b n of !r -> mkInteger r
integerShiftL (IB# b) (I# n) = case bigShiftL# b n of !r -> mkInteger r
integerShiftR (IS# x) (I# n)
  | isTrue# (n >=# 64#) = if isTrue# (x <# 0#) then IS# (negateInt# 1#) else IS# 0#
  | otherwise = IS# (uncheckedIShiftRA# x n)
integerShiftR (IB# b) (I# n) = case bigShiftR# b n of !r -> mkInteger r

integerTestBit :: Integer -> Int -> Bool
integerTestBit (IS# x) (I# n)
  | isTrue# (n >=# 64#) = isTrue# (x <# 0#)
  | otherwise = isTrue# (andI# (uncheckedIShiftRA# x n) 1#)
integerTestBit (IB# b) (I# n) = isTrue# (bigTestBit# b n)

-- | The number of set bits; for a negative number, minus that of its absolute value.
integerPopCount :: Integer -> Int
integerPopCount (IS# x)
  | isTrue# (x >=# 0#) = I# (popCnt# x)
  | otherwise = I# (negateInt# (popCnt# (negateInt# x)))
integerPopCount (IB# b) = I# (bigPopCount# b)

-- | The position of the highest set bit of a positive Integer.
integerLog2 :: Integer -> Int
integerLog2 (IS# x) = I# (63# -# clz# x)
integerLog2 n@(IB# b)
  -- Beyond Double's range the conversion below gives Infinity: count 1000 bits at a time.
  | high /= 0 = 1000 + integerLog2 high
  | otherwise = fixup (case decodeDouble (D# (bigToDouble# b)) of (_, e) -> e + 52)
  where
    high = integerShiftR n 1000
    -- The conversion to Double may round up to the next power of two.
    fixup k = if integerShiftR n k == 0 then fixup (k - 1) else k

-- | The bytes of a ByteArray# as Latin-1 characters, in front of a string.
unpackAppendBytes :: ByteArray# -> String -> String
unpackAppendBytes ba rest = chunk 0#
  where
    -- The runtime builds 4,096 cells at a time; only the rest after them is lazy. A
    -- long text (a big Integer's digits) then costs neither a suspended call per
    -- character nor all its cells at once.
    n = sizeofByteArray# ba
    chunk i = if isTrue# (i >=# n) then rest
      else case unpackBytes# ba i (if isTrue# (i +# 4096# >=# n) then rest else chunk (i +# 4096#)) of
        IORes s -> s

-- | The bytes of a ByteArray# decoded as UTF-8.
unpackUtf8 :: ByteArray# -> String
unpackUtf8 ba = decodeUtf8 (go 0#)
  where
    n = sizeofByteArray# ba
    go i = if isTrue# (i >=# n) then [] else I# (indexByteArray# ba i) : go (i +# 1#)

-- | UTF-8 bytes to characters (malformed bytes become U+FFFD).
decodeUtf8 :: [Int] -> String
decodeUtf8 [] = []
decodeUtf8 (b : bs)
  | b < 0x80 = unsafeChr b : decodeUtf8 bs
  | b < 0xc0 = '\xfffd' : decodeUtf8 bs
  | b < 0xe0 = multi 1 (b - 0xc0) bs
  | b < 0xf0 = multi 2 (b - 0xe0) bs
  | otherwise = multi 3 (b - 0xf0) bs
  where
    multi k acc rest = case splitAt k rest of
      (cont, rest') | length cont == k && all (\c -> c >= 0x80 && c < 0xc0) cont ->
        unsafeChr (listFoldl (\a c -> a * 64 + c - 0x80) acc cont) : decodeUtf8 rest'
      _ -> '\xfffd' : decodeUtf8 rest

-- | The UTF-8 bytes of a string.
encodeUtf8 :: String -> [Int]
encodeUtf8 [] = []
encodeUtf8 (c : cs)
  | n < 0x80 = n : encodeUtf8 cs
  | n < 0x800 = 0xc0 + n `quot` 64 : cont n (encodeUtf8 cs)
  | n < 0x10000 = 0xe0 + n `quot` 4096 : cont (n `quot` 64) (cont n (encodeUtf8 cs))
  | otherwise = 0xf0 + n `quot` 262144 : cont (n `quot` 4096) (cont (n `quot` 64) (cont n (encodeUtf8 cs)))
  where
    n = ord c
    cont m rest = 0x80 + m `rem` 64 : rest

-- | Run a continuation on a new ByteArray# holding the bytes.
withByteArray :: [Int] -> (ByteArray# -> RealWorld -> IORes a) -> RealWorld -> IORes a
withByteArray bytes k w = case length bytes of
  I# n -> case newByteArray# n w of
    IORes mba -> fill mba 0# bytes
  where
    fill mba i (I# b : bs) = case writeByteArray# mba i b w of
      _ -> fill mba (i +# 1#) bs
    fill mba _ [] = case unsafeFreezeByteArray# mba w of
      IORes ba -> k ba w

-- ---------------------------------------------------------------------------
-- Double and Float
--
-- Float is single precision held in a Double#: every operation rounds its result to
-- the nearest single with roundFloat#, which gives IEEE single arithmetic (one
-- rounding of the exact double result, which is exact for + - * / and sqrt).

data Float = F# Double#

instance Num Double where
  D# x + D# y = D# (x +## y)
  D# x - D# y = D# (x -## y)
  D# x * D# y = D# (x *## y)
  negate (D# x) = D# (negateDouble# x)
  abs (D# x) = if isTrue# (x <=## 0.0##) then D# (0.0## -## x) else D# x
  signum d@(D# x) = if isTrue# (x <## 0.0##) then D# (negateDouble# 1.0##)
                    else if isTrue# (0.0## <## x) then D# 1.0## else d
  fromInteger n = integerToDouble n

instance Fractional Double where
  D# x / D# y = D# (x /## y)
  recip (D# x) = D# (1.0## /## x)
  fromRational (n :% d) = rationalToDouble n d

instance Floating Double where
  pi = D# 3.141592653589793##
  exp (D# x) = D# (expDouble# x)
  log (D# x) = D# (logDouble# x)
  sqrt (D# x) = D# (sqrtDouble# x)
  D# x ** D# y = D# (x **## y)
  logBase x y = log y / log x
  sin (D# x) = D# (sinDouble# x)
  cos (D# x) = D# (cosDouble# x)
  tan (D# x) = D# (tanDouble# x)
  asin (D# x) = D# (asinDouble# x)
  acos (D# x) = D# (acosDouble# x)
  atan (D# x) = D# (atanDouble# x)
  sinh (D# x) = D# (sinhDouble# x)
  cosh (D# x) = D# (coshDouble# x)
  tanh (D# x) = D# (tanhDouble# x)
  asinh (D# x) = D# (asinhDouble# x)
  acosh (D# x) = D# (acoshDouble# x)
  atanh (D# x) = D# (atanhDouble# x)
  log1p (D# x) = D# (log1pDouble# x)
  expm1 (D# x) = D# (expm1Double# x)
  log1pexp = log1pexpOrd
  log1mexp = log1mexpOrd

-- | log (1 + exp a) and log (1 - exp a) without overflow or cancellation, for the
-- floating types that are ordered (GHC.Float's helpers of the same names).
log1pexpOrd :: (Ord a, Floating a) => a -> a
log1pexpOrd a
  | a <= 18 = log1p (exp a)
  | a <= 100 = a + exp (negate a)
  | otherwise = a

log1mexpOrd :: (Ord a, Floating a) => a -> a
log1mexpOrd x = if x > negate (log 2) then log (negate (expm1 x)) else log1p (negate (exp x))

instance Real Double where
  toRational x = case decodeDouble x of
    (m, e) -> if e >= 0 then integerShiftL m e :% 1 else m % integerShiftL 1 (negate e)

instance RealFrac Double where
  properFraction x = case truncateDouble x of
    n -> (fromInteger n, x - integerToDouble n)
  truncate x = fromInteger (truncateDouble x)
  round x = fromInteger (roundDouble x)
  floor x = fromInteger (floorDouble x)
  ceiling x = fromInteger (integerNegate (floorDouble (negate x)))

instance RealFloat Double where
  floatRadix _ = 2
  floatDigits _ = 53
  floatRange _ = (-1021, 1024)
  decodeFloat x = decodeDouble x
  encodeFloat m e = encodeDouble m e
  isNaN (D# x) = isTrue# (isDoubleNaN# x)
  isInfinite (D# x) = isTrue# (isDoubleInfinite# x)
  isDenormalized x = x /= 0 && abs x < D# 2.2250738585072014e-308##
  isNegativeZero (D# x) = isTrue# (isDoubleNegativeZero# x)
  isIEEE _ = True

-- | x = m * 2^e with 2^52 <= |m| < 2^53, or (0, 0) (GHC's decodeFloat).
decodeDouble :: Double -> (Integer, Int)
decodeDouble (D# x) = (IS# (decodeDoubleMantissa# x), I# (decodeDoubleExponent# x))

-- | m * 2^e correctly rounded; a mantissa beyond 62 bits is first cut to 62 bits with
-- a sticky lowest bit, which keeps the one rounding correct.
encodeDouble :: Integer -> Int -> Double
encodeDouble (IS# m) (I# e) = D# (encodeDouble# m e)
encodeDouble m e
  | m < 0 = negate (encodeDouble (integerNegate m) e)
  | otherwise = case stickyShift (integerLog2 m - 61) m of
      (q, s) -> encodeDouble q (e + s)

-- | Shift a positive Integer right by s bits (when s > 0), setting the lowest bit of
-- the result when a set bit was shifted out; the shift comes back too.
stickyShift :: Int -> Integer -> (Integer, Int)
stickyShift s m
  | s <= 0 = (m, 0)
  | otherwise = let q = integerShiftR m s in
      (if integerShiftL q s == m then q else integerOr q 1, s)

-- | n / d (d > 0) as the nearest Double.
rationalToDouble :: Integer -> Integer -> Double
rationalToDouble n d = case scaleRational 60 n d of
  (m, e) -> encodeDouble m e

-- | n / d (d > 0) as m * 2^e where |m| has `bits` or `bits + 1` significant bits and
-- its lowest bit is set when the division was inexact: rounding m * 2^e to fewer bits
-- is then the correctly rounded n / d.
scaleRational :: Int -> Integer -> Integer -> (Integer, Int)
scaleRational bits n d
  | n == 0 = (0, 0)
  | n < 0 = case scaleRational bits (integerNegate n) d of (m, e) -> (integerNegate m, e)
  | otherwise = (if r == 0 then q else integerOr q 1, e)
  where
    e = integerLog2 n - integerLog2 d - bits
    (q, r) = if e >= 0 then quotRem n (integerShiftL d e) else quotRem (integerShiftL n (negate e)) d

-- | The integer part of a Double, towards zero (the runtime converts values beyond
-- the Int# range).
truncateDouble :: Double -> Integer
truncateDouble d@(D# x)
  | abs d < D# 9.2e18## = IS# (double2Int# x)
  | otherwise = case bigFromDouble# x of !b -> mkInteger b

floorDouble :: Double -> Integer
floorDouble x = let n = truncateDouble x in if integerToDouble n > x then n - 1 else n

-- | Round half to even.
roundDouble :: Double -> Integer
roundDouble x =
  let n = truncateDouble x
      r = x - integerToDouble n
      m = if r < 0 then n - 1 else n + 1
  in case compare (abs r) (D# 0.5##) of
       LT -> n
       EQ -> if even n then n else m
       GT -> m

instance Enum Double where
  succ x = x + 1
  pred x = x - 1
  toEnum n = fromIntegral n
  fromEnum x = integerToInt (truncateDouble x)
  enumFrom = numericEnumFrom
  enumFromThen = numericEnumFromThen
  enumFromTo = numericEnumFromTo
  enumFromThenTo = numericEnumFromThenTo

-- Float: the Double operations, each result rounded to single precision.

float2Double :: Float -> Double
float2Double (F# x) = D# x

double2Float :: Double -> Float
double2Float (D# x) = F# (roundFloat# x)

instance Eq Float where
  F# x == F# y = isTrue# (x ==## y)

instance Ord Float where
  F# x < F# y = isTrue# (x <## y)
  F# x <= F# y = isTrue# (x <=## y)
  F# x > F# y = isTrue# (y <## x)
  F# x >= F# y = isTrue# (y <=## x)
  compare (F# x) (F# y) = if isTrue# (x <## y) then LT else if isTrue# (x ==## y) then EQ else GT

instance Num Float where
  F# x + F# y = F# (roundFloat# (x +## y))
  F# x - F# y = F# (roundFloat# (x -## y))
  F# x * F# y = F# (roundFloat# (x *## y))
  negate (F# x) = F# (negateDouble# x)
  abs x = double2Float (abs (float2Double x))
  signum x = double2Float (signum (float2Double x))
  fromInteger n = floatFromRational n 1

instance Fractional Float where
  F# x / F# y = F# (roundFloat# (x /## y))
  fromRational (n :% d) = floatFromRational n d

-- | n / d (d > 0) as the nearest Float: 30 bits with a sticky bit are exact in a
-- Double, so roundFloat# is the only rounding.
floatFromRational :: Integer -> Integer -> Float
floatFromRational n d = case scaleRational 30 n d of
  (m, e) -> double2Float (encodeDouble m e)

instance Floating Float where
  pi = double2Float pi
  exp (F# x) = F# (expFloat# x)
  log (F# x) = F# (logFloat# x)
  sqrt (F# x) = F# (roundFloat# (sqrtDouble# x))
  F# x ** F# y = F# (powerFloat# x y)
  logBase x y = log y / log x
  sin (F# x) = F# (sinFloat# x)
  cos (F# x) = F# (cosFloat# x)
  tan (F# x) = F# (tanFloat# x)
  asin (F# x) = F# (asinFloat# x)
  acos (F# x) = F# (acosFloat# x)
  atan (F# x) = F# (atanFloat# x)
  sinh (F# x) = F# (sinhFloat# x)
  cosh (F# x) = F# (coshFloat# x)
  tanh (F# x) = F# (tanhFloat# x)
  asinh (F# x) = F# (asinhFloat# x)
  acosh (F# x) = F# (acoshFloat# x)
  atanh (F# x) = F# (atanhFloat# x)
  log1p (F# x) = F# (log1pFloat# x)
  expm1 (F# x) = F# (expm1Float# x)
  log1pexp = log1pexpOrd
  log1mexp = log1mexpOrd

instance Real Float where
  toRational x = toRational (float2Double x)

instance RealFrac Float where
  properFraction x = case properFraction (float2Double x) of
    (n, r) -> (n, double2Float r)
  truncate x = truncate (float2Double x)
  round x = round (float2Double x)
  floor x = floor (float2Double x)
  ceiling x = ceiling (float2Double x)

instance RealFloat Float where
  floatRadix _ = 2
  floatDigits _ = 24
  floatRange _ = (-125, 128)
  decodeFloat x = case decodeDouble (float2Double x) of
    (m, e) -> if m == 0 then (0, 0) else (integerShiftR m 29, e + 29)
  encodeFloat m e = case stickyShift (integerLog2 (abs m) - 30) (abs m) of
    (q, s) -> double2Float (encodeDouble (if m < 0 then integerNegate q else q) (e + s))
  isNaN x = isNaN (float2Double x)
  isInfinite x = isInfinite (float2Double x)
  isDenormalized x = x /= 0 && abs x < F# 1.1754943508222875e-38##
  isNegativeZero x = isNegativeZero (float2Double x)
  isIEEE _ = True

instance Enum Float where
  succ x = x + 1
  pred x = x - 1
  toEnum n = fromIntegral n
  fromEnum x = fromEnum (float2Double x)
  enumFrom = numericEnumFrom
  enumFromThen = numericEnumFromThen
  enumFromTo = numericEnumFromTo
  enumFromThenTo = numericEnumFromThenTo

-- The Report's enumerations for Fractional types: the end point is included up to
-- half a step beyond it. The k-th element is computed as n + k * step (as GHC does),
-- so rounding errors do not accumulate.
numericEnumFrom :: Fractional a => a -> [a]
numericEnumFrom n = go (fromInteger 0)
  where
    go k = let n' = n + k in n' `seq` (n' : go (k + fromInteger 1))

numericEnumFromThen :: Fractional a => a -> a -> [a]
numericEnumFromThen n m = go (fromInteger 0)
  where
    step = m - n
    go k = let n' = n + k * step in n' `seq` (n' : go (k + fromInteger 1))

numericEnumFromTo :: (Ord a, Fractional a) => a -> a -> [a]
numericEnumFromTo n m = takeWhile (<= m + fromRational (1 :% 2)) (numericEnumFrom n)

numericEnumFromThenTo :: (Ord a, Fractional a) => a -> a -> a -> [a]
numericEnumFromThenTo e1 e2 e3 = takeWhile predicate (numericEnumFromThen e1 e2)
  where
    mid = (e2 - e1) / fromInteger 2
    predicate
      | e2 >= e1 = (<= e3 + mid)
      | otherwise = (>= e3 + mid)

-- ---------------------------------------------------------------------------
-- Word: an unsigned 64-bit machine word, held in an Int# and read as unsigned
-- (arithmetic wraps modulo 2^64, as on GHC). Data.Bits and Data.Word add the rest.

data Word = W# Int#

instance Eq Word where
  W# x == W# y = isTrue# (x ==# y)
  W# x /= W# y = isTrue# (x /=# y)

instance Ord Word where
  W# x < W# y = isTrue# (ltWord# x y)
  W# x <= W# y = isTrue# (leWord# x y)
  W# x > W# y = isTrue# (ltWord# y x)
  W# x >= W# y = isTrue# (leWord# y x)
  compare (W# x) (W# y) = if isTrue# (ltWord# x y) then LT else if isTrue# (x ==# y) then EQ else GT

instance Num Word where
  W# x + W# y = W# (x +# y)
  W# x - W# y = W# (x -# y)
  W# x * W# y = W# (x *# y)
  negate (W# x) = W# (negateInt# x)
  abs w = w
  signum (W# x) = if isTrue# (x ==# 0#) then W# 0# else W# 1#
  fromInteger n = case integerToInt n of I# x -> W# x

instance Bounded Word where
  minBound = W# 0#
  maxBound = W# (negateInt# 1#)

instance Real Word where
  toRational w = toInteger w :% 1

instance Enum Word where
  succ w = if w == maxBound then errorWithoutStackTrace "Enum.succ{Word}: tried to take `succ' of maxBound" else w + 1
  pred w = if w == minBound then errorWithoutStackTrace "Enum.pred{Word}: tried to take `pred' of minBound" else w - 1
  toEnum n@(I# x) = if n < 0 then errorWithoutStackTrace "Enum.toEnum{Word}: tag is negative" else W# x
  fromEnum w@(W# x) = if isTrue# (x <# 0#) then errorWithoutStackTrace ("Enum.fromEnum{Word}: value (" ++ show w ++ ") is outside of Int's bounds") else I# x
  enumFrom w = enumFromTo w maxBound
  enumFromTo x y = map fromInteger (enumFromTo (toInteger x) (toInteger y))
  enumFromThen x y = enumFromThenTo x y (if y >= x then maxBound else minBound)
  enumFromThenTo x y z = map fromInteger (enumFromThenTo (toInteger x) (toInteger y) (toInteger z))

instance Integral Word where
  quot (W# x) w@(W# y) = if w == 0 then divZeroError else W# (quotWord# x y)
  rem (W# x) w@(W# y) = if w == 0 then divZeroError else W# (remWord# x y)
  div = quot
  mod = rem
  quotRem x y = if y == 0 then divZeroError else (quot x y, rem x y)
  divMod = quotRem
  toInteger (W# x) = integerFromWord# x

instance Show Word where
  showsPrec p w = showsPrec p (toInteger w)

instance Read Word where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

-- ---------------------------------------------------------------------------
-- Ratio and Rational

-- | A ratio in lowest terms with a positive denominator; `:%` builds one without
-- reducing (fractional literals use it directly).
data Ratio a = !a :% !a

type Rational = Ratio Integer

-- | Build a ratio, reducing it to lowest terms.
(%) :: Integral a => a -> a -> Ratio a
x % y = reduce (x * signum y) (abs y)

-- | Reduce a fraction whose denominator is positive (zero raises
-- RatioZeroDenominator, as on GHC).
reduce :: Integral a => a -> a -> Ratio a
reduce x y
  | y == 0 = ratioZeroDenominatorError
  | otherwise = let d = gcd x y in (x `quot` d) :% (y `quot` d)

numerator :: Ratio a -> a
numerator (x :% _) = x

denominator :: Ratio a -> a
denominator (_ :% y) = y

instance Eq a => Eq (Ratio a) where
  (x :% y) == (x' :% y') = x == x' && y == y'

instance Integral a => Ord (Ratio a) where
  compare (x :% y) (x' :% y') = compare (x * y') (x' * y)
  (x :% y) <= (x' :% y') = x * y' <= x' * y
  (x :% y) < (x' :% y') = x * y' < x' * y

instance Integral a => Num (Ratio a) where
  (x :% y) + (x' :% y') = reduce (x * y' + x' * y) (y * y')
  (x :% y) - (x' :% y') = reduce (x * y' - x' * y) (y * y')
  (x :% y) * (x' :% y') = reduce (x * x') (y * y')
  negate (x :% y) = negate x :% y
  abs (x :% y) = abs x :% y
  signum (x :% _) = signum x :% 1
  fromInteger x = fromInteger x :% 1

instance Integral a => Fractional (Ratio a) where
  (x :% y) / (x' :% y') = (x * y') % (y * x')
  recip (x :% y)
    | x == 0 = ratioZeroDenominatorError
    | x < 0 = negate y :% negate x
    | otherwise = y :% x
  fromRational (x :% y) = fromInteger x % fromInteger y

instance Integral a => Real (Ratio a) where
  toRational (x :% y) = toInteger x :% toInteger y

instance Integral a => RealFrac (Ratio a) where
  properFraction (x :% y) = case quotRem x y of
    (q, r) -> (fromInteger (toInteger q), r :% y)
  truncate (x :% y) = fromInteger (toInteger (x `quot` y))
  floor (x :% y) = fromInteger (toInteger (x `div` y))
  ceiling (x :% y) = fromInteger (toInteger (negate (negate x `div` y)))

instance Integral a => Enum (Ratio a) where
  succ x = x + 1
  pred x = x - 1
  toEnum n = fromIntegral n :% 1
  fromEnum = fromInteger . truncate
  enumFrom = numericEnumFrom
  enumFromThen = numericEnumFromThen
  enumFromTo = numericEnumFromTo
  enumFromThenTo = numericEnumFromThenTo

instance Show a => Show (Ratio a) where
  showsPrec p (x :% y) = showParen (p > 7) (showsPrec 8 x . showString " % " . showsPrec 8 y)

instance (Integral a, Read a) => Read (Ratio a) where
  readsPrec p = readParen (p > 7) (\r ->
    [ (x % y, u) | (x, s) <- readsPrec 8 r, ("%", t) <- lex s, (y, u) <- readsPrec 8 t ])

-- ---------------------------------------------------------------------------
-- Show

class Show a where
  showsPrec :: Int -> a -> ShowS
  show :: a -> String
  showList :: [a] -> ShowS
  showsPrec _ x s = show x ++ s
  show x = showsPrec 0 x ""
  showList ls s = showListWith shows ls s

-- | Show a list with brackets and commas, each element with the given function
-- (Text.Show exports it).
showListWith :: (a -> ShowS) -> [a] -> ShowS
showListWith _ [] s = '[' : ']' : s
showListWith showx (x:xs) s = '[' : showx x (showl xs)
  where
    showl [] = ']' : s
    showl (y:ys) = ',' : showx y (showl ys)

shows :: Show a => a -> ShowS
shows = showsPrec 0

showChar :: Char -> ShowS
showChar = (:)

showString :: String -> ShowS
showString = (++)

showParen :: Bool -> ShowS -> ShowS
showParen b p = if b then showChar '(' . p . showChar ')' else p

showSpace :: ShowS
showSpace = showChar ' '

-- | Show a tuple from the shows of its components.
showTuple :: [ShowS] -> ShowS
showTuple ss = showChar '(' . foldr1 (\s r -> s . showChar ',' . r) ss . showChar ')'

showSignedInt :: Int -> Int -> ShowS
showSignedInt p n r
  | n < 0 && p > 6 = '(' : showIntDec n (')' : r)
  | otherwise = showIntDec n r

-- Decimal digits of an Int; careful with minBound, whose negation overflows.
showIntDec :: Int -> ShowS
showIntDec n r
  | n < 0 = if n == minBound then '-' : showPosInt (negate (n `quot` 10)) (digitChar (negate (n `rem` 10)) : r)
            else '-' : showPosInt (negate n) r
  | otherwise = showPosInt n r

showPosInt :: Int -> ShowS
showPosInt (I# n) = go n
  where
    -- The digits are produced from the last, on an unboxed counter.
    go m acc = if isTrue# (m <# 10#) then C# (chr# (m +# 48#)) : acc
      else go (quotInt# m 10#) (C# (chr# (remInt# m 10# +# 48#)) : acc)

-- | The digit character of 0..35 (lower-case letters beyond 9).
digitChar :: Int -> Char
digitChar (I# d) = if isTrue# (d <# 10#) then C# (chr# (d +# 48#)) else C# (chr# (d +# 87#))

instance Show Int where
  showsPrec = showSignedInt

instance Show Integer where
  showsPrec p (IS# i) r = showSignedInt p (I# i) r
  showsPrec p (IB# b) r
    | isTrue# (bigSignum# b <# 0#) && p > 6 = '(' : bigDigits (')' : r)
    | otherwise = bigDigits r
    where
      bigDigits rest = case bigToString# b of
        !text -> unpackAppendBytes text rest

-- GHC's text for floating-point numbers (shortest digits that read back), from the
-- runtime; negative numbers are parenthesised above precedence 6.
instance Show Double where
  showsPrec p (D# x) = showParen (p > 6 && (isTrue# (x <## 0.0##) || isTrue# (isDoubleNegativeZero# x)))
    (\r -> case showDouble# x of !text -> unpackAppendBytes text r)

instance Show Float where
  showsPrec p (F# x) = showParen (p > 6 && (isTrue# (x <## 0.0##) || isTrue# (isDoubleNegativeZero# x)))
    (\r -> case showFloat# x of !text -> unpackAppendBytes text r)

instance Show Bool where
  showsPrec _ True = showString "True"
  showsPrec _ False = showString "False"

instance Show Ordering where
  showsPrec _ LT = showString "LT"
  showsPrec _ EQ = showString "EQ"
  showsPrec _ GT = showString "GT"

instance Show () where
  showsPrec _ () = showString "()"

instance Show Char where
  showsPrec _ '\'' = showString "'\\''"
  showsPrec _ c = showChar '\'' . showLitChar c . showChar '\''
  showList cs = showChar '"' . showLitString cs . showChar '"'

instance Show a => Show [a] where
  showsPrec _ = showList

instance Show a => Show (Maybe a) where
  showsPrec _ Nothing = showString "Nothing"
  showsPrec d (Just x) = showParen (d > 10) (showString "Just " . showsPrec 11 x)

instance (Show a, Show b) => Show (Either a b) where
  showsPrec d (Left x) = showParen (d > 10) (showString "Left " . showsPrec 11 x)
  showsPrec d (Right x) = showParen (d > 10) (showString "Right " . showsPrec 11 x)

instance Show a => Show (NonEmpty a) where
  showsPrec d (x :| xs) = showParen (d > 5) (showsPrec 6 x . showString " :| " . showsPrec 6 xs)

instance (Show a, Show b) => Show (a, b) where
  showsPrec _ (a, b) = showTuple [shows a, shows b]

instance (Show a, Show b, Show c) => Show (a, b, c) where
  showsPrec _ (a, b, c) = showTuple [shows a, shows b, shows c]

instance (Show a, Show b, Show c, Show d) => Show (a, b, c, d) where
  showsPrec _ (a, b, c, d) = showTuple [shows a, shows b, shows c, shows d]

instance (Show a, Show b, Show c, Show d, Show e) => Show (a, b, c, d, e) where
  showsPrec _ (a, b, c, d, e) = showTuple [shows a, shows b, shows c, shows d, shows e]

instance (Show a, Show b, Show c, Show d, Show e, Show f) => Show (a, b, c, d, e, f) where
  showsPrec _ (a, b, c, d, e, f) = showTuple [shows a, shows b, shows c, shows d, shows e, shows f]

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g) => Show (a, b, c, d, e, f, g) where
  showsPrec _ (a, b, c, d, e, f, g) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g]

-- Tuples of 8 to 15 components (as many as GHC gives instances for).

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h) => Eq (a, b, c, d, e, f, g, h) where
  (a, b, c, d, e, f, g, h) == (a', b', c', d', e', f', g', h') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h) => Ord (a, b, c, d, e, f, g, h) where
  compare (a, b, c, d, e, f, g, h) (a', b', c', d', e', f', g', h') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h) => Show (a, b, c, d, e, f, g, h) where
  showsPrec _ (a, b, c, d, e, f, g, h) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i) => Eq (a, b, c, d, e, f, g, h, i) where
  (a, b, c, d, e, f, g, h, i) == (a', b', c', d', e', f', g', h', i') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i) => Ord (a, b, c, d, e, f, g, h, i) where
  compare (a, b, c, d, e, f, g, h, i) (a', b', c', d', e', f', g', h', i') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i) => Show (a, b, c, d, e, f, g, h, i) where
  showsPrec _ (a, b, c, d, e, f, g, h, i) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j) => Eq (a, b, c, d, e, f, g, h, i, j) where
  (a, b, c, d, e, f, g, h, i, j) == (a', b', c', d', e', f', g', h', i', j') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j) => Ord (a, b, c, d, e, f, g, h, i, j) where
  compare (a, b, c, d, e, f, g, h, i, j) (a', b', c', d', e', f', g', h', i', j') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j) => Show (a, b, c, d, e, f, g, h, i, j) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j, Eq k) => Eq (a, b, c, d, e, f, g, h, i, j, k) where
  (a, b, c, d, e, f, g, h, i, j, k) == (a', b', c', d', e', f', g', h', i', j', k') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j' && k == k'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j, Ord k) => Ord (a, b, c, d, e, f, g, h, i, j, k) where
  compare (a, b, c, d, e, f, g, h, i, j, k) (a', b', c', d', e', f', g', h', i', j', k') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j', compare k k']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j, Show k) => Show (a, b, c, d, e, f, g, h, i, j, k) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j, k) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j, shows k]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j, Eq k, Eq l) => Eq (a, b, c, d, e, f, g, h, i, j, k, l) where
  (a, b, c, d, e, f, g, h, i, j, k, l) == (a', b', c', d', e', f', g', h', i', j', k', l') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j' && k == k' && l == l'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j, Ord k, Ord l) => Ord (a, b, c, d, e, f, g, h, i, j, k, l) where
  compare (a, b, c, d, e, f, g, h, i, j, k, l) (a', b', c', d', e', f', g', h', i', j', k', l') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j', compare k k', compare l l']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j, Show k, Show l) => Show (a, b, c, d, e, f, g, h, i, j, k, l) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j, k, l) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j, shows k, shows l]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j, Eq k, Eq l, Eq m) => Eq (a, b, c, d, e, f, g, h, i, j, k, l, m) where
  (a, b, c, d, e, f, g, h, i, j, k, l, m) == (a', b', c', d', e', f', g', h', i', j', k', l', m') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j' && k == k' && l == l' && m == m'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j, Ord k, Ord l, Ord m) => Ord (a, b, c, d, e, f, g, h, i, j, k, l, m) where
  compare (a, b, c, d, e, f, g, h, i, j, k, l, m) (a', b', c', d', e', f', g', h', i', j', k', l', m') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j', compare k k', compare l l', compare m m']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j, Show k, Show l, Show m) => Show (a, b, c, d, e, f, g, h, i, j, k, l, m) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j, k, l, m) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j, shows k, shows l, shows m]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j, Eq k, Eq l, Eq m, Eq n) => Eq (a, b, c, d, e, f, g, h, i, j, k, l, m, n) where
  (a, b, c, d, e, f, g, h, i, j, k, l, m, n) == (a', b', c', d', e', f', g', h', i', j', k', l', m', n') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j' && k == k' && l == l' && m == m' && n == n'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j, Ord k, Ord l, Ord m, Ord n) => Ord (a, b, c, d, e, f, g, h, i, j, k, l, m, n) where
  compare (a, b, c, d, e, f, g, h, i, j, k, l, m, n) (a', b', c', d', e', f', g', h', i', j', k', l', m', n') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j', compare k k', compare l l', compare m m', compare n n']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j, Show k, Show l, Show m, Show n) => Show (a, b, c, d, e, f, g, h, i, j, k, l, m, n) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j, k, l, m, n) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j, shows k, shows l, shows m, shows n]

instance (Eq a, Eq b, Eq c, Eq d, Eq e, Eq f, Eq g, Eq h, Eq i, Eq j, Eq k, Eq l, Eq m, Eq n, Eq o) => Eq (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) where
  (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) == (a', b', c', d', e', f', g', h', i', j', k', l', m', n', o') =
    a == a' && b == b' && c == c' && d == d' && e == e' && f == f' && g == g' && h == h' && i == i' && j == j' && k == k' && l == l' && m == m' && n == n' && o == o'

instance (Ord a, Ord b, Ord c, Ord d, Ord e, Ord f, Ord g, Ord h, Ord i, Ord j, Ord k, Ord l, Ord m, Ord n, Ord o) => Ord (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) where
  compare (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) (a', b', c', d', e', f', g', h', i', j', k', l', m', n', o') =
    mconcat [compare a a', compare b b', compare c c', compare d d', compare e e', compare f f', compare g g', compare h h', compare i i', compare j j', compare k k', compare l l', compare m m', compare n n', compare o o']

instance (Show a, Show b, Show c, Show d, Show e, Show f, Show g, Show h, Show i, Show j, Show k, Show l, Show m, Show n, Show o) => Show (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) where
  showsPrec _ (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) =
    showTuple [shows a, shows b, shows c, shows d, shows e, shows f, shows g, shows h, shows i, shows j, shows k, shows l, shows m, shows n, shows o]

showLitString :: String -> ShowS
showLitString [] s = s
showLitString ('"' : cs) s = '\\' : '"' : showLitString cs s
showLitString (c : cs) s = showLitChar c (showLitString cs s)

-- | GHC's escapes: names for control characters, decimal for the rest beyond ASCII,
-- and \& where the next character would otherwise extend the escape (Data.Char
-- exports it).
showLitChar :: Char -> ShowS
showLitChar c s
  | c > '\DEL' = '\\' : protectEsc isDecDigit (showIntDec (ord c)) s
  | c >= ' ' = if c == '\\' then '\\' : '\\' : s else if c == '\DEL' then showString "\\DEL" s else c : s
  | c == '\a' = '\\' : 'a' : s
  | c == '\b' = '\\' : 'b' : s
  | c == '\f' = '\\' : 'f' : s
  | c == '\n' = '\\' : 'n' : s
  | c == '\r' = '\\' : 'r' : s
  | c == '\t' = '\\' : 't' : s
  | c == '\v' = '\\' : 'v' : s
  | c == '\SO' = protectEsc (== 'H') (showString "\\SO") s
  | otherwise = '\\' : showString (asciiNames !! ord c) s

protectEsc :: (Char -> Bool) -> ShowS -> ShowS
protectEsc p f = f . cont
  where
    cont s@(c:_) | p c = '\\' : '&' : s
    cont s = s

isDecDigit :: Char -> Bool
isDecDigit c = c >= '0' && c <= '9'

-- | The names of the ASCII control characters 0..31 as escapes write them.
asciiNames :: [String]
asciiNames =
  [ "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI"
  , "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US" ]

-- ---------------------------------------------------------------------------
-- Read (the Report's ReadS parsers; derived instances use readsPrec, readParen and lex)

class Read a where
  readsPrec :: Int -> ReadS a
  readList :: ReadS [a]
  readList = readListDefault

-- | The bracketed, comma-separated list syntax, elements read with readsPrec 0.
readListDefault :: Read a => ReadS [a]
readListDefault = readParen False (\r -> [pr | ("[", s) <- lex r, pr <- readl s])
  where
    readl s = [([], t) | ("]", t) <- lex s] ++ [(x : xs, u) | (x, t) <- reads s, (xs, u) <- readl' t]
    readl' s = [([], t) | ("]", t) <- lex s] ++ [(x : xs, v) | (",", t) <- lex s, (x, u) <- reads t, (xs, v) <- readl' u]

reads :: Read a => ReadS a
reads = readsPrec 0

read :: Read a => String -> a
read s = case [x | (x, t) <- reads s, ("", "") <- lex t] of
  [x] -> x
  [] -> errorWithoutStackTrace "Prelude.read: no parse"
  _ -> errorWithoutStackTrace "Prelude.read: ambiguous parse"

-- | Parse with or without surrounding parentheses; with True, they are required.
readParen :: Bool -> ReadS a -> ReadS a
readParen b g = if b then mandatory else optional
  where
    optional r = g r ++ mandatory r
    mandatory r = [(x, u) | ("(", s) <- lex r, (x, t) <- optional s, (")", u) <- lex t]

-- | One Haskell lexeme: an identifier, operator, punctuation, number, character or
-- string literal; ("", "") at the end of the input.
lex :: ReadS String
lex "" = [("", "")]
lex (c:s)
  | isSpaceChar c = lex (dropWhile isSpaceChar s)
lex ('\'' : s) = [('\'' : ch ++ "'", t) | (ch, '\'' : t) <- lexLitChar s, ch /= "'"]
lex ('"' : s) = [('"' : str, t) | (str, t) <- lexString s]
  where
    lexString ('"' : r) = [("\"", r)]
    lexString r = [(ch ++ str, u) | (ch, t) <- lexStrItem r, (str, u) <- lexString t]
    lexStrItem ('\\' : '&' : r) = [("\\&", r)]
    lexStrItem ('\\' : d : r) | isSpaceChar d = [("\\&", t) | '\\' : t <- [dropWhile isSpaceChar r]]
    lexStrItem r = lexLitChar r
lex (c:s)
  | isSingle c = [([c], s)]
  | isSym c = [(c : sym, t) | (sym, t) <- [span isSym s]]
  | isIdStart c = [(c : nam, t) | (nam, t) <- [span isIdChar s]]
  | c == '0', (x : d : ds) <- s, x == 'x' || x == 'X', isHexDigitChar d =
      [(c : x : d : hs, t) | (hs, t) <- [span isHexDigitChar ds]]
  | c == '0', (o : d : ds) <- s, o == 'o' || o == 'O', isOctDigitChar d =
      [(c : o : d : os, t) | (os, t) <- [span isOctDigitChar ds]]
  | isDecDigit c = [(c : ds ++ fe, t) | (ds, r) <- [span isDecDigit s], (fe, t) <- lexFracExp r]
  | otherwise = []
  where
    isSingle x = x `elem` ",;()[]{}`"
    isSym x = x `elem` "!@#$%&*+./<=>?\\^|:-~"
    isIdStart x = isAlphaChar x || x == '_'
    isIdChar x = isAlphaChar x || isDecDigit x || x == '_' || x == '\''
    lexFracExp ('.' : d : ds) | isDecDigit d = [('.' : d : fs ++ e, u) | (fs, t) <- [span isDecDigit ds], (e, u) <- lexExp t]
    lexFracExp r = lexExp r
    lexExp (e : r) | e == 'e' || e == 'E' = case r of
      (sgn : d : ds) | (sgn == '+' || sgn == '-') && isDecDigit d -> [(e : sgn : d : es, t) | (es, t) <- [span isDecDigit ds]]
      (d : ds) | isDecDigit d -> [(e : d : es, t) | (es, t) <- [span isDecDigit ds]]
      _ -> [("", e : r)]
    lexExp r = [("", r)]

isSpaceChar :: Char -> Bool
isSpaceChar c = c == ' ' || (c >= '\t' && c <= '\r') || c == '\xa0'

-- | Letters as the Read lexer sees them: ASCII and Latin-1 letters.
isAlphaChar :: Char -> Bool
isAlphaChar c = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
  || (c >= '\xc0' && c <= '\xff' && c /= '\xd7' && c /= '\xf7')

isHexDigitChar :: Char -> Bool
isHexDigitChar c = isDecDigit c || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')

isOctDigitChar :: Char -> Bool
isOctDigitChar c = c >= '0' && c <= '7'

-- | The source text of one character of a literal: a plain character or an escape
-- (Data.Char exports it).
lexLitChar :: ReadS String
lexLitChar [] = []
lexLitChar (c : s)
  | c /= '\\' = [([c], s)]
  | otherwise = [('\\' : esc, t) | (_, t) <- readEscape s, let esc = take (length s - length t) s]

-- | Read one character of a literal, decoding escapes (Data.Char exports it).
readLitChar :: ReadS Char
readLitChar [] = []
readLitChar (c : s)
  | c /= '\\' = [(c, s)]
  | otherwise = readEscape s

-- The part of an escape after the backslash.
readEscape :: ReadS Char
readEscape s = case s of
  ('a' : t) -> [('\a', t)]
  ('b' : t) -> [('\b', t)]
  ('f' : t) -> [('\f', t)]
  ('n' : t) -> [('\n', t)]
  ('r' : t) -> [('\r', t)]
  ('t' : t) -> [('\t', t)]
  ('v' : t) -> [('\v', t)]
  ('\\' : t) -> [('\\', t)]
  ('"' : t) -> [('"', t)]
  ('\'' : t) -> [('\'', t)]
  ('^' : c : t) | c >= '@' && c <= '_' -> [(unsafeChr (ord c - 64), t)]
  ('x' : t@(d : _)) | isHexDigitChar d -> numEscape 16 isHexDigitChar t
  ('o' : t@(d : _)) | isOctDigitChar d -> numEscape 8 isOctDigitChar t
  (d : _) | isDecDigit d -> numEscape 10 isDecDigit s
  _ -> case [(unsafeChr i, drop (length name) s) | (i, name) <- zip [0 ..] asciiNames, name `isPrefixOfStr` s] of
    -- SOH must win over SO when both match, as the Report says.
    (r : _ : _) -> [r]
    [r] -> [r]
    [] -> if "SP" `isPrefixOfStr` s then [(' ', drop 2 s)] else if "DEL" `isPrefixOfStr` s then [('\DEL', drop 3 s)] else []
  where
    numEscape base isDig t = case span isDig t of
      (ds, rest) -> let n = foldl (\acc d -> acc * base + toInteger (digitValue d)) 0 ds in
        if n > 1114111 then [] else [(unsafeChr (fromInteger n), rest)]

isPrefixOfStr :: String -> String -> Bool
isPrefixOfStr [] _ = True
isPrefixOfStr _ [] = False
isPrefixOfStr (x:xs) (y:ys) = x == y && isPrefixOfStr xs ys

-- | The value of a hexadecimal digit character.
digitValue :: Char -> Int
digitValue c
  | isDecDigit c = ord c - 48
  | c >= 'a' && c <= 'f' = ord c - 87
  | otherwise = ord c - 55

-- | Read a number in a base from lexed digits (Numeric's readInt).
readIntBase :: Num a => a -> (Char -> Bool) -> (Char -> Int) -> ReadS a
readIntBase base isDig digToInt r = case span isDig r of
  ([], _) -> []
  (ds, rest) -> [(foldl (\n d -> n * base + fromIntegral (digToInt d)) (fromInteger 0) ds, rest)]

-- | A signed number: an optional '-' lexeme before what the reader accepts, with
-- optional parentheses around the whole (Numeric's readSigned).
readSigned :: Real a => ReadS a -> ReadS a
readSigned readPos = readParen False read'
  where
    read' r = read'' r ++ [(negate x, t) | ("-", s) <- lex r, (x, t) <- read'' s]
    read'' r = [(n, s) | (str, s) <- lex r, (n, "") <- readPos str]

-- | An integer literal as the Read instances accept it: decimal, or 0x / 0o.
readIntegralLit :: Num a => ReadS a
readIntegralLit ('0' : x : s) | x == 'x' || x == 'X' = readIntBase (fromInteger 16) isHexDigitChar digitValue s
                              | x == 'o' || x == 'O' = readIntBase (fromInteger 8) isOctDigitChar digitValue s
readIntegralLit s = readIntBase (fromInteger 10) isDecDigit digitValue s

instance Read Int where
  readsPrec _ = readSigned readIntegralLit

instance Read Integer where
  readsPrec _ = readSigned readIntegerLit

-- | readIntegralLit at Integer: the runtime converts the digits, subquadratically,
-- where the generic fold multiplies a growing Integer once per digit.
readIntegerLit :: ReadS Integer
readIntegerLit ('0' : x : s) | x == 'x' || x == 'X' = readIntegerDigits 16# isHexDigitChar s
                             | x == 'o' || x == 'O' = readIntegerDigits 8# isOctDigitChar s
readIntegerLit s = readIntegerDigits 10# isDecDigit s

readIntegerDigits :: Int# -> (Char -> Bool) -> ReadS Integer
readIntegerDigits base isDig r = case span isDig r of
  ([], _) -> []
  (ds, rest) -> [(integerFromText base ds, rest)]

-- | Digits in a base (ASCII) as an Integer.
integerFromText :: Int# -> String -> Integer
integerFromText base ds =
  case withByteArray (map ord ds) (\text _ -> case bigFromText# text base of !b -> IORes (mkInteger b)) RealWorld of
    IORes n -> n

-- Floating-point numbers: decimal literals with optional fraction and exponent (the
-- runtime converts them, correctly rounded), integer literals, NaN and Infinity.
instance Read Double where
  readsPrec _ = readSigned readDoubleLexeme

instance Read Float where
  readsPrec p s = [(double2Float x, t) | (x, t) <- readsPrec p s]

-- | The value of one lexeme as a Double.
readDoubleLexeme :: ReadS Double
readDoubleLexeme "NaN" = [(D# (0.0## /## 0.0##), "")]
readDoubleLexeme "Infinity" = [(D# (1.0## /## 0.0##), "")]
readDoubleLexeme s@('0' : x : _) | x `elem` "xXoO" = [(integerToDouble n, t) | (n, t) <- readIntegralLit s]
readDoubleLexeme s@(c : _)
  | isDecDigit c = case withByteArray (map ord s) (\text _ -> IORes (D# (readDouble# text))) RealWorld of
      IORes d -> [(d, "")]
readDoubleLexeme _ = []

instance Read Char where
  readsPrec _ = readParen False (\r -> [(c, t) | ('\'' : s, t) <- lex r, (c, "\'") <- readLitChar s])
  readList r = readParen False (\q -> [(l, t) | ('"' : s, t) <- lex q, (l, "") <- readStr s]) r ++ readListDefault r
    where
      readStr "\"" = [("", "")]
      readStr ('\\' : '&' : s) = readStr s
      readStr s = [(c : cs, u) | (c, t) <- readLitChar s, (cs, u) <- readStr t]

instance Read a => Read [a] where
  readsPrec _ = readList

instance Read Bool where
  readsPrec _ = readParen False (\r -> [(b, t) | (tok, t) <- lex r, b <- readCon tok])
    where
      readCon "True" = [True]
      readCon "False" = [False]
      readCon _ = []

instance Read Ordering where
  readsPrec _ = readParen False (\r -> [(o, t) | (tok, t) <- lex r, o <- readCon tok])
    where
      readCon "LT" = [LT]
      readCon "EQ" = [EQ]
      readCon "GT" = [GT]
      readCon _ = []

instance Read () where
  readsPrec _ = readParen False (\r -> [((), t) | ("(", s) <- lex r, (")", t) <- lex s])

instance Read a => Read (Maybe a) where
  readsPrec d r =
    readParen False (\q -> [(Nothing, t) | ("Nothing", t) <- lex q]) r
      ++ readParen (d > 10) (\q -> [(Just x, u) | ("Just", t) <- lex q, (x, u) <- readsPrec 11 t]) r

instance (Read a, Read b) => Read (Either a b) where
  readsPrec d = readParen (d > 10) (\r ->
    [(Left x, u) | ("Left", t) <- lex r, (x, u) <- readsPrec 11 t]
      ++ [(Right x, u) | ("Right", t) <- lex r, (x, u) <- readsPrec 11 t])

instance (Read a, Read b) => Read (a, b) where
  readsPrec _ = readParen False (\r ->
    [((a, b), w) | ("(", s) <- lex r, (a, t) <- reads s, (",", u) <- lex t, (b, v) <- reads u, (")", w) <- lex v])

instance (Read a, Read b, Read c) => Read (a, b, c) where
  readsPrec _ = readParen False (\r ->
    [ ((a, b, c), y) | ("(", s) <- lex r, (a, t) <- reads s, (",", u) <- lex t, (b, v) <- reads u
                     , (",", w) <- lex v, (c, x) <- reads w, (")", y) <- lex x ])

instance (Read a, Read b, Read c, Read d) => Read (a, b, c, d) where
  readsPrec _ = readParen False (\r ->
    [ ((a, b, c, d), z) | ("(", s) <- lex r, (a, t) <- reads s, (",", u) <- lex t, (b, v) <- reads u
                        , (",", w) <- lex v, (c, x) <- reads w, (",", x') <- lex x, (d, y) <- reads x'
                        , (")", z) <- lex y ])

-- ---------------------------------------------------------------------------
-- Semigroup and Monoid

class Semigroup a where
  (<>) :: a -> a -> a
  sconcat :: NonEmpty a -> a
  stimes :: Integral b => b -> a -> a
  sconcat (a :| as) = go a as
    where
      go b (c : cs) = b <> go c cs
      go b [] = b
  stimes n x
    | n <= 0 = errorWithoutStackTrace "stimes: positive multiplier expected"
    | n == 1 = x
    | otherwise = x <> stimes (n - 1) x

class Semigroup a => Monoid a where
  mempty :: a
  mappend :: a -> a -> a
  mconcat :: [a] -> a
  mappend = (<>)
  mconcat = foldr mappend mempty

instance Semigroup [a] where
  (<>) = (++)

instance Monoid [a] where
  mempty = []
  mconcat = concat

instance Semigroup (NonEmpty a) where
  (a :| as) <> (b :| bs) = a :| (as ++ b : bs)

instance Semigroup Ordering where
  LT <> _ = LT
  EQ <> y = y
  GT <> _ = GT

instance Monoid Ordering where
  mempty = EQ

instance Semigroup () where
  _ <> _ = ()

instance Monoid () where
  mempty = ()

instance Semigroup a => Semigroup (Maybe a) where
  Nothing <> b = b
  a <> Nothing = a
  Just a <> Just b = Just (a <> b)

instance Semigroup a => Monoid (Maybe a) where
  mempty = Nothing

instance Semigroup (Either a b) where
  Left _ <> b = b
  a <> _ = a

instance (Semigroup a, Semigroup b) => Semigroup (a, b) where
  (a, b) <> (a', b') = (a <> a', b <> b')

instance (Monoid a, Monoid b) => Monoid (a, b) where
  mempty = (mempty, mempty)

instance (Semigroup a, Semigroup b, Semigroup c) => Semigroup (a, b, c) where
  (a, b, c) <> (a', b', c') = (a <> a', b <> b', c <> c')

instance (Monoid a, Monoid b, Monoid c) => Monoid (a, b, c) where
  mempty = (mempty, mempty, mempty)

instance Semigroup b => Semigroup (a -> b) where
  f <> g = \x -> f x <> g x

instance Monoid b => Monoid (a -> b) where
  mempty = \_ -> mempty

instance Semigroup a => Semigroup (IO a) where
  a <> b = liftA2 (<>) a b

instance Monoid a => Monoid (IO a) where
  mempty = pure mempty

-- | The monoid of endomorphisms under composition (Data.Monoid exports it; Foldable's
-- default foldr uses it).
newtype Endo a = Endo { appEndo :: a -> a }

instance Semigroup (Endo a) where
  Endo f <> Endo g = Endo (f . g)

instance Monoid (Endo a) where
  mempty = Endo id

-- ---------------------------------------------------------------------------
-- Functor, Applicative, Monad

class Functor f where
  fmap :: (a -> b) -> f a -> f b
  (<$) :: a -> f b -> f a
  (<$) = fmap . const

(<$>) :: Functor f => (a -> b) -> f a -> f b
(<$>) = fmap

class Functor f => Applicative f where
  pure :: a -> f a
  (<*>) :: f (a -> b) -> f a -> f b
  liftA2 :: (a -> b -> c) -> f a -> f b -> f c
  (*>) :: f a -> f b -> f b
  (<*) :: f a -> f b -> f a
  (<*>) = liftA2 id
  liftA2 f x y = fmap f x <*> y
  a *> b = (id <$ a) <*> b
  a <* b = liftA2 const a b

class Applicative m => Monad m where
  (>>=) :: m a -> (a -> m b) -> m b
  (>>) :: m a -> m b -> m b
  return :: a -> m a
  m >> k = m >>= \_ -> k
  return = pure

class Monad m => MonadFail m where
  fail :: String -> m a

(=<<) :: Monad m => (a -> m b) -> m a -> m b
f =<< m = m >>= f

instance Functor IO where
  fmap f (IO m) = IO (\w -> case m w of IORes a -> IORes (f a))

instance Applicative IO where
  pure x = IO (\_ -> IORes x)
  IO mf <*> IO mx = IO (\w -> case mf w of IORes f -> case mx w of IORes x -> IORes (f x))
  liftA2 f (IO mx) (IO my) = IO (\w -> case mx w of IORes x -> case my w of IORes y -> IORes (f x y))
  IO ma *> IO mb = IO (\w -> case ma w of IORes _ -> mb w)

instance Monad IO where
  IO m >>= k = IO (\w -> case m w of IORes a -> unIO (k a) w)
  IO ma >> IO mb = IO (\w -> case ma w of IORes _ -> mb w)

instance MonadFail IO where
  fail s = ioError (userError s)

instance Functor Maybe where
  fmap _ Nothing = Nothing
  fmap f (Just x) = Just (f x)

instance Applicative Maybe where
  pure = Just
  Just f <*> m = fmap f m
  Nothing <*> _ = Nothing
  liftA2 f (Just x) (Just y) = Just (f x y)
  liftA2 _ _ _ = Nothing
  Just _ *> m = m
  Nothing *> _ = Nothing

instance Monad Maybe where
  Just x >>= k = k x
  Nothing >>= _ = Nothing
  (>>) = (*>)

instance MonadFail Maybe where
  fail _ = Nothing

instance Functor [] where
  fmap = map

instance Applicative [] where
  pure x = [x]
  fs <*> xs = [f x | f <- fs, x <- xs]
  liftA2 f xs ys = [f x y | x <- xs, y <- ys]
  xs *> ys = [y | _ <- xs, y <- ys]

instance Monad [] where
  xs >>= f = concatMap f xs

instance MonadFail [] where
  fail _ = []

instance Functor (Either e) where
  fmap _ (Left e) = Left e
  fmap f (Right x) = Right (f x)

instance Applicative (Either e) where
  pure = Right
  Left e <*> _ = Left e
  Right f <*> r = fmap f r

instance Monad (Either e) where
  Left e >>= _ = Left e
  Right x >>= k = k x

instance Functor NonEmpty where
  fmap f (a :| as) = f a :| map f as

instance Functor ((->) r) where
  fmap = (.)

instance Applicative ((->) r) where
  pure = const
  f <*> g = \x -> f x (g x)
  liftA2 q f g = \x -> q (f x) (g x)

instance Monad ((->) r) where
  f >>= k = \r -> k (f r) r

instance Functor ((,) a) where
  fmap f (x, y) = (x, f y)

instance Monoid a => Applicative ((,) a) where
  pure x = (mempty, x)
  (u, f) <*> (v, x) = (u <> v, f x)
  liftA2 f (u, x) (v, y) = (u <> v, f x y)

instance Monoid a => Monad ((,) a) where
  (u, a) >>= k = case k a of (v, b) -> (u <> v, b)

-- ---------------------------------------------------------------------------
-- Foldable and Traversable

class Foldable t where
  fold :: Monoid m => t m -> m
  foldMap :: Monoid m => (a -> m) -> t a -> m
  foldr :: (a -> b -> b) -> b -> t a -> b
  foldr' :: (a -> b -> b) -> b -> t a -> b
  foldl :: (b -> a -> b) -> b -> t a -> b
  foldl' :: (b -> a -> b) -> b -> t a -> b
  foldr1 :: (a -> a -> a) -> t a -> a
  foldl1 :: (a -> a -> a) -> t a -> a
  toList :: t a -> [a]
  null :: t a -> Bool
  length :: t a -> Int
  elem :: Eq a => a -> t a -> Bool
  maximum :: Ord a => t a -> a
  minimum :: Ord a => t a -> a
  sum :: Num a => t a -> a
  product :: Num a => t a -> a
  fold = foldMap id
  foldMap f = foldr (\x acc -> f x <> acc) mempty
  foldr f z t = appEndo (foldMap (\x -> Endo (f x)) t) z
  foldr' f z0 xs = foldl (\k x z -> k $! f x z) id xs z0
  foldl f z t = foldr (\x k acc -> k (f acc x)) id t z
  foldl' f z0 xs = foldr (\x k z -> k $! f z x) id xs z0
  foldr1 f xs = case foldr (\x m -> Just (case m of { Nothing -> x; Just y -> f x y })) Nothing xs of
    Nothing -> errorWithoutStackTrace "foldr1: empty structure"
    Just r -> r
  foldl1 f xs = case foldl (\m y -> Just (case m of { Nothing -> y; Just x -> f x y })) Nothing xs of
    Nothing -> errorWithoutStackTrace "foldl1: empty structure"
    Just r -> r
  toList t = foldr (:) [] t
  null t = foldr (\_ _ -> False) True t
  length t = foldl' (\c _ -> c + 1) 0 t
  elem x t = foldr (\y r -> x == y || r) False t
  maximum t = case foldl' (\m y -> Just (case m of { Nothing -> y; Just x -> max x y })) Nothing t of
    Nothing -> errorWithoutStackTrace "maximum: empty structure"
    Just r -> r
  minimum t = case foldl' (\m y -> Just (case m of { Nothing -> y; Just x -> min x y })) Nothing t of
    Nothing -> errorWithoutStackTrace "minimum: empty structure"
    Just r -> r
  sum t = foldl' (+) (fromInteger 0) t
  product t = foldl' (*) (fromInteger 1) t

-- The list instance uses the list functions directly (no Endo, no Maybe wrappers),
-- with GHC's error messages for empty lists.
instance Foldable [] where
  foldMap f = foldr (\x acc -> f x <> acc) mempty
  foldr = listFoldr
  foldl = listFoldl
  foldl' = listFoldl'
  foldr1 f (x : xs) = go x xs
    where
      go y [] = y
      go y (z : zs) = f y (go z zs)
  foldr1 _ [] = errorEmptyList "foldr1"
  foldl1 f (x : xs) = listFoldl f x xs
  foldl1 _ [] = errorEmptyList "foldl1"
  toList xs = xs
  null [] = True
  null _ = False
  length xs = lenAcc xs 0
  elem = listElem
  maximum [] = errorEmptyList "maximum"
  maximum (x : xs) = listFoldl' max x xs
  minimum [] = errorEmptyList "minimum"
  minimum (x : xs) = listFoldl' min x xs
  sum = listFoldl' (+) (fromInteger 0)
  product = listFoldl' (*) (fromInteger 1)

lenAcc :: [a] -> Int -> Int
lenAcc [] n = n
lenAcc (_ : ys) n = n `seq` lenAcc ys (n + 1)

listFoldr :: (a -> b -> b) -> b -> [a] -> b
listFoldr f z = go
  where
    go [] = z
    go (x : xs) = f x (go xs)

listFoldl :: (b -> a -> b) -> b -> [a] -> b
listFoldl _ z [] = z
listFoldl f z (x : xs) = listFoldl f (f z x) xs

listFoldl' :: (b -> a -> b) -> b -> [a] -> b
listFoldl' _ z [] = z
listFoldl' f z (x : xs) = let z' = f z x in z' `seq` listFoldl' f z' xs

listElem :: Eq a => a -> [a] -> Bool
listElem _ [] = False
listElem x (y : ys) = x == y || listElem x ys

errorEmptyList :: String -> a
errorEmptyList fun = errorWithoutStackTrace ("Prelude." ++ fun ++ ": empty list")

instance Foldable Maybe where
  foldMap f = maybe mempty f
  foldr _ z Nothing = z
  foldr f z (Just x) = f x z
  foldl _ z Nothing = z
  foldl f z (Just x) = f z x
  null Nothing = True
  null _ = False
  length Nothing = 0
  length _ = 1
  toList Nothing = []
  toList (Just x) = [x]

instance Foldable (Either a) where
  foldMap _ (Left _) = mempty
  foldMap f (Right y) = f y
  foldr _ z (Left _) = z
  foldr f z (Right y) = f y z
  null (Left _) = True
  null _ = False
  length (Left _) = 0
  length _ = 1

instance Foldable ((,) a) where
  foldMap f (_, y) = f y
  foldr f z (_, y) = f y z
  null _ = False
  length _ = 1

instance Foldable NonEmpty where
  foldr f z (a :| as) = f a (listFoldr f z as)
  toList (a :| as) = a : as
  null _ = False
  length (_ :| as) = 1 + length as

class (Functor t, Foldable t) => Traversable t where
  traverse :: Applicative f => (a -> f b) -> t a -> f (t b)
  sequenceA :: Applicative f => t (f a) -> f (t a)
  mapM :: Monad m => (a -> m b) -> t a -> m (t b)
  sequence :: Monad m => t (m a) -> m (t a)
  traverse f = sequenceA . fmap f
  sequenceA = traverse id
  mapM = traverse
  sequence = sequenceA

instance Traversable [] where
  traverse f = listFoldr (\x ys -> liftA2 (:) (f x) ys) (pure [])
  mapM f = go
    where
      go [] = return []
      go (x : xs) = f x >>= \y -> go xs >>= \ys -> return (y : ys)
  sequence = mapM id

instance Traversable Maybe where
  traverse _ Nothing = pure Nothing
  traverse f (Just x) = fmap Just (f x)

instance Traversable (Either a) where
  traverse _ (Left x) = pure (Left x)
  traverse f (Right y) = fmap Right (f y)

instance Traversable ((,) a) where
  traverse f (x, y) = fmap (\z -> (x, z)) (f y)

instance Traversable NonEmpty where
  traverse f (a :| as) = liftA2 (:|) (f a) (traverse f as)

-- Folds over any Foldable that the Prelude exports as functions.

mapM_ :: (Foldable t, Monad m) => (a -> m b) -> t a -> m ()
mapM_ f = foldr (\x k -> f x >> k) (return ())

sequence_ :: (Foldable t, Monad m) => t (m a) -> m ()
sequence_ = foldr (>>) (return ())

and :: Foldable t => t Bool -> Bool
and = foldr (&&) True

or :: Foldable t => t Bool -> Bool
or = foldr (||) False

any :: Foldable t => (a -> Bool) -> t a -> Bool
any p = foldr (\x r -> p x || r) False

all :: Foldable t => (a -> Bool) -> t a -> Bool
all p = foldr (\x r -> p x && r) True

concat :: Foldable t => t [a] -> [a]
concat = foldr (++) []

concatMap :: Foldable t => (a -> [b]) -> t a -> [b]
concatMap f = foldr (\x r -> f x ++ r) []

notElem :: (Foldable t, Eq a) => a -> t a -> Bool
notElem x t = not (elem x t)

-- ---------------------------------------------------------------------------
-- Lists

map :: (a -> b) -> [a] -> [b]
map _ [] = []
map f (x:xs) = f x : map f xs

(++) :: [a] -> [a] -> [a]
[] ++ ys = ys
(x:xs) ++ ys = x : (xs ++ ys)

filter :: (a -> Bool) -> [a] -> [a]
filter _ [] = []
filter p (x:xs) = if p x then x : filter p xs else filter p xs

head :: [a] -> a
head (x:_) = x
head [] = errorEmptyList "head"

last :: [a] -> a
last [x] = x
last (_:xs) = last xs
last [] = errorEmptyList "last"

tail :: [a] -> [a]
tail (_:xs) = xs
tail [] = errorEmptyList "tail"

init :: [a] -> [a]
init [x] = []
init (x:xs) = x : init xs
init [] = errorEmptyList "init"

(!!) :: [a] -> Int -> a
xs !! n | n < 0 = errorWithoutStackTrace "Prelude.!!: negative index"
[] !! _ = errorWithoutStackTrace "Prelude.!!: index too large"
(x:_) !! 0 = x
(_:xs) !! n = xs !! (n - 1)

reverse :: [a] -> [a]
reverse l = rev l []
  where
    rev [] a = a
    rev (x:xs) a = rev xs (x : a)

scanl :: (b -> a -> b) -> b -> [a] -> [b]
scanl f q ls = q : (case ls of
  [] -> []
  x:xs -> scanl f (f q x) xs)

scanl1 :: (a -> a -> a) -> [a] -> [a]
scanl1 f (x:xs) = scanl f x xs
scanl1 _ [] = []

scanr :: (a -> b -> b) -> b -> [a] -> [b]
scanr _ q0 [] = [q0]
scanr f q0 (x:xs) = case scanr f q0 xs of
  qs@(q:_) -> f x q : qs

scanr1 :: (a -> a -> a) -> [a] -> [a]
scanr1 _ [] = []
scanr1 _ [x] = [x]
scanr1 f (x:xs) = case scanr1 f xs of
  qs@(q:_) -> f x q : qs

iterate :: (a -> a) -> a -> [a]
iterate f x = x : iterate f (f x)

repeat :: a -> [a]
repeat x = let xs = x : xs in xs

replicate :: Int -> a -> [a]
replicate n x = if n <= 0 then [] else x : replicate (n - 1) x

cycle :: [a] -> [a]
cycle [] = errorEmptyList "cycle"
cycle xs = let ys = xs ++ ys in ys

take :: Int -> [a] -> [a]
take n _ | n <= 0 = []
take _ [] = []
take n (x:xs) = x : take (n - 1) xs

drop :: Int -> [a] -> [a]
drop n xs | n <= 0 = xs
drop _ [] = []
drop n (_:xs) = drop (n - 1) xs

splitAt :: Int -> [a] -> ([a], [a])
splitAt n xs
  | n <= 0 = ([], xs)
  | otherwise = case xs of
      [] -> ([], [])
      (y:ys) -> let r = splitAt (n - 1) ys in (y : fst r, snd r)

takeWhile :: (a -> Bool) -> [a] -> [a]
takeWhile _ [] = []
takeWhile p (x:xs) = if p x then x : takeWhile p xs else []

dropWhile :: (a -> Bool) -> [a] -> [a]
dropWhile _ [] = []
dropWhile p xs@(x:xs') = if p x then dropWhile p xs' else xs

span :: (a -> Bool) -> [a] -> ([a], [a])
span _ [] = ([], [])
span p xs@(x:xs')
  | p x = let r = span p xs' in (x : fst r, snd r)
  | otherwise = ([], xs)

break :: (a -> Bool) -> [a] -> ([a], [a])
break p = span (not . p)

lookup :: Eq a => a -> [(a, b)] -> Maybe b
lookup _ [] = Nothing
lookup key ((k, v) : rest) = if key == k then Just v else lookup key rest

zip :: [a] -> [b] -> [(a, b)]
zip (a:xs) (b:ys) = (a, b) : zip xs ys
zip _ _ = []

zip3 :: [a] -> [b] -> [c] -> [(a, b, c)]
zip3 (a:xs) (b:ys) (c:zs) = (a, b, c) : zip3 xs ys zs
zip3 _ _ _ = []

zipWith :: (a -> b -> c) -> [a] -> [b] -> [c]
zipWith f (a:xs) (b:ys) = f a b : zipWith f xs ys
zipWith _ _ _ = []

zipWith3 :: (a -> b -> c -> d) -> [a] -> [b] -> [c] -> [d]
zipWith3 f (a:xs) (b:ys) (c:zs) = f a b c : zipWith3 f xs ys zs
zipWith3 _ _ _ _ = []

unzip :: [(a, b)] -> ([a], [b])
unzip = listFoldr (\(a, b) ~(xs, ys) -> (a : xs, b : ys)) ([], [])

unzip3 :: [(a, b, c)] -> ([a], [b], [c])
unzip3 = listFoldr (\(a, b, c) ~(xs, ys, zs) -> (a : xs, b : ys, c : zs)) ([], [], [])

lines :: String -> [String]
lines "" = []
lines s = let r = break (== '\n') s in fst r : (case snd r of
  [] -> []
  _:s'' -> lines s'')

unlines :: [String] -> String
unlines [] = []
unlines (l:ls) = l ++ '\n' : unlines ls

words :: String -> [String]
words s = case dropWhile isSpaceChar s of
  "" -> []
  s' -> let r = break isSpaceChar s' in fst r : words (snd r)

unwords :: [String] -> String
unwords [] = ""
unwords [w] = w
unwords (w:ws) = w ++ ' ' : unwords ws

-- ---------------------------------------------------------------------------
-- Exceptions (GHC's extensible exceptions; Control.Exception exports them)
--
-- Every exception is a SomeException holding a value of some type in the Exception
-- class; `fromException` recovers the value at its own type by comparing type
-- representations (Typeable, solved by the type checker, see docs/conventions.md).

-- | The representation of a type: its constructor's qualified name and the
-- representations of its arguments.
data TypeRep = TypeRep [Char] [TypeRep]

instance Eq TypeRep where
  TypeRep a as == TypeRep b bs = a == b && as == bs

-- | The types whose representation is known at run time. There are no instances in
-- source: the type checker builds the dictionary of every `Typeable T` itself. The
-- argument of typeRep# is never evaluated.
class Typeable a where
  typeRep# :: a -> TypeRep

-- | The value at another type, when the two types are the same (Data.Typeable's cast).
cast :: (Typeable a, Typeable b) => a -> Maybe b
cast x = r
  where
    -- unsafeCoerce# returns its argument as a value, so it coerces the constructor
    -- `Just x` (evaluated) and never x itself (maybe a thunk).
    r = if typeRep# x == typeRep# (unJustProxy r) then unsafeCoerce# (Just x) else Nothing


-- | A stand-in for the value a Maybe would hold, only ever given to typeRep#.
unJustProxy :: Maybe a -> a
unJustProxy _ = undefined

-- | Any exception.
data SomeException = forall e . Exception e => SomeException e

instance Show SomeException where
  showsPrec p (SomeException e) = showsPrec p e

class (Typeable e, Show e) => Exception e where
  toException :: e -> SomeException
  fromException :: SomeException -> Maybe e
  displayException :: e -> String
  toException = SomeException
  fromException (SomeException e) = cast e
  displayException = show

instance Exception SomeException where
  toException se = se
  fromException = Just
  displayException (SomeException e) = displayException e

-- | The exception `error` raises.
data ErrorCall = ErrorCall String

instance Eq ErrorCall where
  ErrorCall a == ErrorCall b = a == b

instance Ord ErrorCall where
  compare (ErrorCall a) (ErrorCall b) = compare a b

instance Show ErrorCall where
  showsPrec _ (ErrorCall err) = showString err

instance Exception ErrorCall

data ArithException
  = Overflow
  | Underflow
  | LossOfPrecision
  | DivideByZero
  | Denormal
  | RatioZeroDenominator

instance Eq ArithException where
  a == b = arithTag a == arithTag b

instance Ord ArithException where
  compare a b = compare (arithTag a) (arithTag b)

arithTag :: ArithException -> Int
arithTag e = I# (dataToTag# e)

instance Show ArithException where
  showsPrec _ e = showString (case e of
    Overflow -> "arithmetic overflow"
    Underflow -> "arithmetic underflow"
    LossOfPrecision -> "loss of precision"
    DivideByZero -> "divide by zero"
    Denormal -> "denormal"
    RatioZeroDenominator -> "Ratio has zero denominator")

instance Exception ArithException

data ArrayException
  = IndexOutOfBounds String
  | UndefinedElement String

instance Eq ArrayException where
  IndexOutOfBounds a == IndexOutOfBounds b = a == b
  UndefinedElement a == UndefinedElement b = a == b
  _ == _ = False

instance Ord ArrayException where
  compare (IndexOutOfBounds a) (IndexOutOfBounds b) = compare a b
  compare (IndexOutOfBounds _) (UndefinedElement _) = LT
  compare (UndefinedElement _) (IndexOutOfBounds _) = GT
  compare (UndefinedElement a) (UndefinedElement b) = compare a b

instance Show ArrayException where
  showsPrec _ (IndexOutOfBounds s) =
    showString "array index out of range" . (if null s then id else showString ": " . showString s)
  showsPrec _ (UndefinedElement s) =
    showString "undefined array element" . (if null s then id else showString ": " . showString s)

instance Exception ArrayException

-- | A failed pattern match, with GHC's message (location and kind of match).
data PatternMatchFail = PatternMatchFail String

instance Show PatternMatchFail where
  showsPrec _ (PatternMatchFail err) = showString err

instance Exception PatternMatchFail

data ExitCode = ExitSuccess | ExitFailure Int

instance Eq ExitCode where
  ExitSuccess == ExitSuccess = True
  ExitFailure a == ExitFailure b = a == b
  _ == _ = False

instance Ord ExitCode where
  compare ExitSuccess ExitSuccess = EQ
  compare ExitSuccess (ExitFailure _) = LT
  compare (ExitFailure _) ExitSuccess = GT
  compare (ExitFailure a) (ExitFailure b) = compare a b

instance Show ExitCode where
  showsPrec _ ExitSuccess = showString "ExitSuccess"
  showsPrec d (ExitFailure n) = showParen (d > 10) (showString "ExitFailure " . showsPrec 11 n)

instance Read ExitCode where
  readsPrec d r =
    readParen False (\q -> [(ExitSuccess, t) | ("ExitSuccess", t) <- lex q]) r
      ++ readParen (d > 10) (\q -> [(ExitFailure n, u) | ("ExitFailure", t) <- lex q, (n, u) <- readsPrec 11 t]) r

instance Exception ExitCode

-- | The asynchronous exceptions: raised in a thread from outside its own code (the
-- runtime raises the overflows).
data SomeAsyncException = forall e . Exception e => SomeAsyncException e

instance Show SomeAsyncException where
  showsPrec p (SomeAsyncException e) = showsPrec p e

instance Exception SomeAsyncException where
  displayException (SomeAsyncException e) = displayException e

asyncExceptionToException :: Exception e => e -> SomeException
asyncExceptionToException = toException . SomeAsyncException

asyncExceptionFromException :: Exception e => SomeException -> Maybe e
asyncExceptionFromException se = case fromException se of
  Just (SomeAsyncException e) -> cast e
  Nothing -> Nothing

data AsyncException = StackOverflow | HeapOverflow | ThreadKilled | UserInterrupt

instance Eq AsyncException where
  a == b = I# (dataToTag# a) == I# (dataToTag# b)

instance Ord AsyncException where
  compare a b = compare (I# (dataToTag# a)) (I# (dataToTag# b))

instance Show AsyncException where
  showsPrec _ e = showString (case e of
    StackOverflow -> "stack overflow"
    HeapOverflow -> "heap overflow"
    ThreadKilled -> "thread killed"
    UserInterrupt -> "user interrupt")

instance Exception AsyncException where
  toException = asyncExceptionToException
  fromException = asyncExceptionFromException

-- | A thunk that demands its own value (`<<loop>>`).
data NonTermination = NonTermination

instance Show NonTermination where
  showsPrec _ NonTermination = showString "<<loop>>"

instance Exception NonTermination

nonTermination :: SomeException
nonTermination = toException NonTermination

stackOverflow :: SomeException
stackOverflow = toException StackOverflow

heapOverflow :: SomeException
heapOverflow = toException HeapOverflow

-- | Raise an exception in pure code (Control.Exception exports it).
throw :: Exception e => e -> a
throw e = raise# (toException e)

-- | Raise an exception when the action runs (Control.Exception exports it).
throwIO :: Exception e => e -> IO a
throwIO e = IO (\_ -> raise# (toException e))

error :: [Char] -> a
error s = raise# (toException (ErrorCall s))

errorWithoutStackTrace :: [Char] -> a
errorWithoutStackTrace s = raise# (toException (ErrorCall s))

undefined :: a
undefined = error "Prelude.undefined"

patError :: Addr# -> a
patError s = raise# (toException (PatternMatchFail (unpackCString# s)))

divZeroError :: a
divZeroError = raise# (toException DivideByZero)

overflowError :: a
overflowError = raise# (toException Overflow)

ratioZeroDenominatorError :: a
ratioZeroDenominatorError = raise# (toException RatioZeroDenominator)

-- | Run an action, handing every exception it raises to the handler.
catchException :: IO a -> (SomeException -> IO a) -> IO a
catchException (IO m) handler = IO (catch# m (\e -> unIO (handler e)))

-- | Catch the exceptions of one type (Control.Exception exports it); others go on.
catch :: Exception e => IO a -> (e -> IO a) -> IO a
catch act handler = catchException act (\se -> case fromException se of
  Just e -> handler e
  Nothing -> IO (\_ -> raise# se))

-- | Force a value to weak head normal form when the action runs.
evaluate :: a -> IO a
evaluate x = IO (\_ -> x `seq` IORes x)

-- | The program's top level: run main, and report an uncaught exception the way GHC
-- does (`prog: message` on stderr, exit code 1; an ExitCode exits with its code).
runMainIO :: String -> IO a -> IO ()
runMainIO prog main = catchException (main >> hFlushFd 1#) (topHandler prog)

topHandler :: String -> SomeException -> IO ()
topHandler prog e = case fromException e of
  Just ExitSuccess -> exitProcess 0
  Just (ExitFailure n) -> exitProcess n
  Nothing -> case fromException e of
    Just HeapOverflow -> report ["Heap exhausted;", "Use `+RTS -M<size>' to increase it."] 251
    Just StackOverflow -> report ["Stack space overflow.", "Use `+RTS -Ksize -RTS' to increase it."] 2
    _ -> report [displayException e] 1
  where
    -- GHC's exit codes and wording for running out of heap or stack.
    report lines code = do
      hFlushFd 1#
      hPutStrFd 2# (concatMap (\l -> prog ++ ": " ++ l ++ "\n") lines)
      exitProcess code

-- | The REPL's wrapper: like runMainIO, but the session goes on after an exception.
runInteractiveIO :: IO a -> IO ()
runInteractiveIO act = catchException (act >> return ()) handler
  where
    handler e = do
      hFlushFd 1#
      hPutStrFd 2# ("*** Exception: " ++ displayException e ++ "\n")

-- | End the process with an exit code (buffers are flushed by the runtime). Exiting
-- from Haskell code is an exception (ExitCode) so that it unwinds through handlers
-- like GHC's; only the top-level handler calls this.
exitProcess :: Int -> IO ()
exitProcess (I# code) = IO (\w -> case exit# code w of
  0# -> IORes ()
  _ -> IORes ())

-- ---------------------------------------------------------------------------
-- Strings from literals

-- Literals are UTF-8, with NUL written as the overlong pair C0 80 (as GHC does) so that
-- a zero byte always ends the literal.
unpackCString# :: Addr# -> [Char]
unpackCString# addr = unpack 0#
  where
    unpack i = case ord# (indexCharOffAddr# addr i) of
      0# -> []
      b -> if isTrue# (b <# 128#) then C# (chr# b) : unpack (i +# 1#)
           else case ord# (indexCharOffAddr# addr (i +# 1#)) -# 128# of
             c1 -> if isTrue# (b <# 224#)
               then C# (chr# (uncheckedIShiftL# (b -# 192#) 6# +# c1)) : unpack (i +# 2#)
               else case ord# (indexCharOffAddr# addr (i +# 2#)) -# 128# of
                 c2 -> if isTrue# (b <# 240#)
                   then C# (chr# (uncheckedIShiftL# (b -# 224#) 12# +# uncheckedIShiftL# c1 6# +# c2))
                          : unpack (i +# 3#)
                   else case ord# (indexCharOffAddr# addr (i +# 3#)) -# 128# of
                     c3 -> C# (chr# (uncheckedIShiftL# (b -# 240#) 18# +# uncheckedIShiftL# c1 12#
                                     +# uncheckedIShiftL# c2 6# +# c3)) : unpack (i +# 4#)

-- ---------------------------------------------------------------------------
-- Input and output
--
-- IOError is GHC's IOException record; its Show is GHC's (`<stdin>: hGetLine: end of
-- file`, `user error (boom)`). System.IO.Error exports the predicates and
-- constructors.

type IOError = IOException

data IOException = IOError
  { ioe_handle :: Maybe Handle
  , ioe_type :: IOErrorType
  , ioe_location :: String
  , ioe_description :: String
  , ioe_errno :: Maybe Int
  , ioe_filename :: Maybe FilePath
  }

instance Eq IOException where
  IOError h1 t1 l1 d1 e1 f1 == IOError h2 t2 l2 d2 e2 f2 =
    h1 == h2 && t1 == t2 && l1 == l2 && d1 == d2 && e1 == e2 && f1 == f2

instance Show IOException where
  showsPrec _ (IOError hdl iot loc s _ fn) =
    (case fn of
       Nothing -> case hdl of
         Nothing -> id
         Just h -> showsPrec 11 h . showString ": "
       Just name -> showString name . showString ": ")
    . (if null loc then id else showString loc . showString ": ")
    . showsPrec 11 iot
    . (if null s then id else showString " (" . showString s . showString ")")

instance Exception IOException

data IOErrorType
  = AlreadyExists
  | NoSuchThing
  | ResourceBusy
  | ResourceExhausted
  | EOF
  | IllegalOperation
  | PermissionDenied
  | UserError
  | UnsatisfiedConstraints
  | SystemError
  | ProtocolError
  | OtherError
  | InvalidArgument
  | InappropriateType
  | HardwareFault
  | UnsupportedOperation
  | TimeExpired
  | ResourceVanished
  | Interrupted

instance Eq IOErrorType where
  a == b = I# (dataToTag# a) == I# (dataToTag# b)

instance Show IOErrorType where
  showsPrec _ e = showString (case e of
    AlreadyExists -> "already exists"
    NoSuchThing -> "does not exist"
    ResourceBusy -> "resource busy"
    ResourceExhausted -> "resource exhausted"
    EOF -> "end of file"
    IllegalOperation -> "illegal operation"
    PermissionDenied -> "permission denied"
    UserError -> "user error"
    HardwareFault -> "hardware fault"
    InappropriateType -> "inappropriate type"
    Interrupted -> "interrupted"
    InvalidArgument -> "invalid argument"
    OtherError -> "failed"
    ProtocolError -> "protocol error"
    ResourceVanished -> "resource vanished"
    SystemError -> "system error"
    TimeExpired -> "timeout"
    UnsatisfiedConstraints -> "unsatisfied constraints"
    UnsupportedOperation -> "unsupported operation")

userError :: String -> IOError
userError s = IOError Nothing UserError "" s Nothing Nothing

ioError :: IOError -> IO a
ioError e = IO (\_ -> raise# (toException e))

-- | A handle: the runtime's handle number (0, 1, 2 are stdin, stdout, stderr) and the
-- name `show` gives it. System.IO exports it with the operations.
data Handle = Handle Int String

instance Eq Handle where
  Handle a _ == Handle b _ = a == b

instance Show Handle where
  showsPrec _ h = showString "{handle: " . showHandleName h . showChar '}'

showHandleName :: Handle -> ShowS
showHandleName (Handle _ name) = showString name

stdin, stdout, stderr :: Handle
stdin = Handle 0 "<stdin>"
stdout = Handle 1 "<stdout>"
stderr = Handle 2 "<stderr>"

-- | Raise the IOError GHC raises at the end of input (GHC names the handle's file in
-- it, so it shows as "<stdin>: hGetLine: end of file").
eofError :: Handle -> String -> IO a
eofError h@(Handle _ name) loc = ioError (IOError (Just h) EOF loc "" Nothing (Just name))

hPutStrFd :: Int# -> String -> IO ()
hPutStrFd fd s = IO (\w -> case hPutStrBegin# fd w of t -> putLoop t s w)

-- | Each cell is forced here; the runtime writes its character and the evaluated
-- prefix after it in one step. Characters go through a spare buffer per call, as in
-- GHC, so what an exception interrupts is not written.
putLoop :: Int# -> String -> RealWorld -> IORes ()
putLoop t s w = case s of
  [] -> case hPutStrEnd# t w of
    0# -> IORes ()
    _ -> IORes ()
  (C# c : cs) -> case hPutStrStep# t c cs w of
    IORes r -> putLoop t r w

hFlushFd :: Int# -> IO ()
hFlushFd fd = IO (\w -> case hFlush# fd w of
  0# -> IORes ()
  _ -> IORes ())

-- | Write a string to a handle (System.IO exports it).
hPutStr :: Handle -> String -> IO ()
hPutStr (Handle (I# fd) _) s = hPutStrFd fd s

hPutStrLn :: Handle -> String -> IO ()
hPutStrLn h s = hPutStr h s >> hPutChar h '\n'

hPutChar :: Handle -> Char -> IO ()
hPutChar (Handle (I# fd) _) (C# c) = IO (\w -> case hPutChar# fd c w of
  0# -> IORes ()
  _ -> IORes ())

hFlush :: Handle -> IO ()
hFlush (Handle (I# fd) _) = hFlushFd fd

-- | The next character of a handle, or -1 at the end of input.
hGetCharCode :: Handle -> IO Int
hGetCharCode (Handle (I# fd) _) = IO (\w -> case hGetChar# fd w of
  c -> IORes (I# c))

hGetChar :: Handle -> IO Char
hGetChar h = hGetCharCode h >>= \c ->
  if c < 0 then eofError h "hGetChar" else return (unsafeChr c)

hGetLine :: Handle -> IO String
hGetLine h = hGetCharCode h >>= \c ->
  if c < 0 then eofError h "hGetLine" else lineFrom (unsafeChr c)
  where
    lineFrom '\n' = return []
    lineFrom c = hGetCharCode h >>= \d ->
      if d < 0 then return [c] else fmap (c :) (lineFrom (unsafeChr d))

-- | The rest of a handle's input, read lazily as the string is demanded.
hGetContents :: Handle -> IO String
hGetContents h = IO (\_ -> IORes (lazyRead h))

lazyRead :: Handle -> String
lazyRead h = case unIO (hGetCharCode h) RealWorld of
  IORes c -> if c < 0 then [] else unsafeChr c : lazyRead h

-- | The IOError for a failed system call: errno's kind and text, as GHC reports it.
errnoError :: Int -> String -> Maybe Handle -> Maybe FilePath -> IOError
errnoError errno@(I# e) loc h path =
  IOError h kind loc (case errnoMessage# e of !text -> unpackUtf8 text) (Just errno) path
  where
    kind
      | errno == 2 = NoSuchThing
      | errno == 13 || errno == 1 = PermissionDenied
      | errno == 17 = AlreadyExists
      | errno == 16 || errno == 26 = ResourceBusy
      | errno == 28 = ResourceExhausted
      | errno == 21 || errno == 20 = InappropriateType
      | errno == 22 = InvalidArgument
      | otherwise = OtherError

-- | Open a file in a mode as openFile# numbers them (0 read, 1 write, 2 append,
-- 3 read-write; System.IO's IOMode in that order).
openFileMode :: FilePath -> Int -> IO Handle
openFileMode path (I# mode) = IO (withByteArray (encodeUtf8 path) (\bytes w ->
  case openFile# bytes mode w of
    h -> if isTrue# (h <# 0#)
      then unIO (ioError (openError (I# (negateInt# h)))) w
      else IORes (Handle (I# h) path)))
  where
    -- Reading a directory is refused before the C library is asked, in GHC's words.
    openError 21 | isTrue# (mode ==# 0#) =
      IOError Nothing InappropriateType "openFile" "is a directory" Nothing (Just path)
    openError errno = errnoError errno "openFile" Nothing (Just path)

-- | Open a file, run the action on it, and close it (also when the action raises).
withFileMode :: FilePath -> Int -> (Handle -> IO r) -> IO r
withFileMode path mode act = openFileMode path mode >>= \h ->
  (act h `catchException` (\e -> hClose h >> IO (\_ -> raise# e))) >>= \r -> hClose h >> return r

hClose :: Handle -> IO ()
hClose (Handle (I# h) _) = IO (\w -> case hClose# h w of
  0# -> IORes ()
  _ -> IORes ())

-- | The contents of a file, read lazily.
readFile :: FilePath -> IO String
readFile path = openFileMode path 0 >>= hGetContents

writeFile :: FilePath -> String -> IO ()
writeFile path s = withFileMode path 1 (\h -> hPutStr h s)

appendFile :: FilePath -> String -> IO ()
appendFile path s = withFileMode path 2 (\h -> hPutStr h s)

putChar :: Char -> IO ()
putChar = hPutChar stdout

putStr :: String -> IO ()
putStr = hPutStr stdout

putStrLn :: String -> IO ()
putStrLn = hPutStrLn stdout

-- | The text is made when the action runs, so an action kept by a CAF (`main = print
-- n`) does not keep all its characters alive.
print :: Show a => a -> IO ()
print x = IO (\w -> unIO (putStrLn (show x)) w)

getChar :: IO Char
getChar = hGetChar stdin

getLine :: IO String
getLine = hGetLine stdin

getContents :: IO String
getContents = hGetContents stdin

interact :: (String -> String) -> IO ()
interact f = getContents >>= \s -> putStr (f s)

readIO :: Read a => String -> IO a
readIO s = case [x | (x, t) <- reads s, ("", "") <- lex t] of
  [x] -> return x
  [] -> ioError (userError "Prelude.readIO: no parse")
  _ -> ioError (userError "Prelude.readIO: ambiguous parse")

readLn :: Read a => IO a
readLn = getLine >>= readIO
