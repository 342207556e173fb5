-- The Prelude of bhc's base library, written on the primops of bhc/stg/src/primop.rs.
-- It is compiled with MagicHash names allowed and without an implicit Prelude import.
-- Representations (Int = I# Int#, IO as a RealWorld function, ...) are fixed by
-- docs/conventions.md, which the front end and the runtime also rely on.
module Prelude
  ( -- * Basic data types
    Bool(..), (&&), (||), not, otherwise
  , Maybe(..), maybe
  , Either(..), either
  , Ordering(..)
  , Char, String
  , fst, snd, curry, uncurry
    -- * Classes
  , Eq(..), Ord(..), Enum(..), Bounded(..)
  , Int, Integer, Double
  , Num(..), Real, Integral(..)
  , Show(..), ShowS, shows, showChar, showString, showParen
  , Functor(..), Applicative(..), Monad(..), MonadFail(..)
  , (<$>), (=<<), mapM_, mapM, sequence, sequence_
    -- * Numeric functions
  , subtract, even, odd, gcd, lcm, (^), fromIntegral
    -- * Miscellaneous
  , id, const, (.), flip, ($), ($!), seq, until, asTypeOf, error, errorWithoutStackTrace, undefined
    -- * Lists
  , map, (++), filter, head, last, tail, init, null, length, (!!), reverse
  , foldl, foldl1, foldr, foldr1, and, or, any, all, sum, product, concat, concatMap
  , maximum, minimum, scanl, scanl1, scanr, scanr1, iterate, repeat, replicate, cycle
  , take, drop, splitAt, takeWhile, dropWhile, span, break, elem, notElem, lookup
  , zip, zip3, zipWith, zipWith3, unzip, unzip3, lines, words, unlines, unwords
    -- * Input and output
  , IO, putChar, putStr, putStrLn, print, getChar, getLine, getContents, interact
    -- * Wired into the compiler and the runtime (docs/conventions.md)
  , unpackCString#, patError, runMainIO, runInteractiveIO
  , SomeException, nonTermination, stackOverflow, heapOverflow
  ) where

infixr 9 .
infixr 8 ^
infixl 7 *, `quot`, `rem`, `div`, `mod`
infixl 6 +, -
infixr 5 ++
infix 4 ==, /=, <, <=, >, >=, `elem`, `notElem`
infixl 4 <$>, <$, <*>, *>, <*
infixr 3 &&
infixr 2 ||
infixl 1 >>, >>=
infixr 1 =<<
infixr 0 $, $!, `seq`

-- ---------------------------------------------------------------------------
-- Primitive representations

data Bool = False | True
data Ordering = LT | EQ | GT
data Maybe a = Nothing | Just a
data Either a b = Left a | Right b

data Int = I# Int#
data Char = C# Char#
data Double = D# Double#
-- Fixed width until the bignum work replaces it.
data Integer = IS# Int#

type String = [Char]
type ShowS = String -> String

data RealWorld = RealWorld
data IORes a = IORes a
newtype IO a = IO (RealWorld -> IORes a)

unIO :: IO a -> RealWorld -> IORes a
unIO (IO m) = m

isTrue# :: Int# -> Bool
isTrue# x = case x of
  0# -> False
  _ -> True

-- ---------------------------------------------------------------------------
-- Exceptions (the Exception class and the typed hierarchy come with Control.Exception)

data SomeException
  = ErrorCall String
  | PatternMatchFail String
  | DivideByZero
  | NonTermination
  | StackOverflow
  | HeapOverflow
  | ExitCode Int

displayException :: SomeException -> String
displayException e = case e of
  ErrorCall s -> s
  PatternMatchFail s -> s
  DivideByZero -> "divide by zero"
  NonTermination -> "<<loop>>"
  StackOverflow -> "stack overflow"
  HeapOverflow -> "heap overflow"
  ExitCode n -> if n == 0 then "ExitSuccess" else "ExitFailure " ++ show n

nonTermination :: SomeException
nonTermination = NonTermination

stackOverflow :: SomeException
stackOverflow = StackOverflow

heapOverflow :: SomeException
heapOverflow = HeapOverflow

error :: [Char] -> a
error s = raise# (ErrorCall s)

errorWithoutStackTrace :: [Char] -> a
errorWithoutStackTrace s = raise# (ErrorCall s)

undefined :: a
undefined = error "Prelude.undefined"

patError :: Addr# -> a
patError s = raise# (PatternMatchFail (unpackCString# s))

divZeroError :: a
divZeroError = raise# DivideByZero

catchException :: IO a -> (SomeException -> IO a) -> IO a
catchException (IO m) handler = IO (catch# m (\e -> unIO (handler e)))

-- The program's top level: run main, and report an uncaught exception the way GHC does.
runMainIO :: String -> IO a -> IO ()
runMainIO prog main = catchException (main >> return ()) (topHandler prog)

topHandler :: String -> SomeException -> IO ()
topHandler prog e = case e of
  ExitCode n -> exitProcess n
  _ -> do
    hFlushFd 1#
    hPutStrFd 2# (prog ++ ": " ++ displayException e ++ "\n")
    exitProcess 1

-- The REPL's wrapper: like runMainIO, but the session goes on after an exception.
runInteractiveIO :: IO a -> IO ()
runInteractiveIO act = catchException (act >> return ()) handler
  where
    handler e = do
      hFlushFd 1#
      hPutStrFd 2# ("*** Exception: " ++ displayException e ++ "\n")

-- Exiting is an exception (ExitCode) so that it unwinds through handlers like GHC's;
-- only the top-level handler ends the process.
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

instance Eq Integer where
  IS# x == IS# y = isTrue# (x ==# y)

instance Ord Integer where
  IS# x < IS# y = isTrue# (x <# y)
  IS# x <= IS# y = isTrue# (x <=# y)
  IS# x > IS# y = isTrue# (x ># y)
  IS# x >= IS# y = isTrue# (x >=# y)
  compare (IS# x) (IS# y) = if isTrue# (x <# y) then LT else if isTrue# (x ==# y) then EQ else GT

instance Eq Char where
  C# x == C# y = isTrue# (eqChar# x y)
  C# x /= C# y = isTrue# (neChar# x y)

instance Ord Char where
  C# x < C# y = isTrue# (ltChar# x y)
  C# x <= C# y = isTrue# (leChar# x y)
  C# x > C# y = isTrue# (gtChar# x y)
  C# x >= C# y = isTrue# (geChar# x y)

instance Eq Double where
  D# x == D# y = isTrue# (x ==## y)

instance Ord Double where
  D# x < D# y = isTrue# (x <## y)
  D# x <= D# y = isTrue# (x <=## y)
  D# x > D# y = isTrue# (y <## x)
  D# x >= D# y = isTrue# (y <=## x)

instance Eq Bool where
  True == True = True
  False == False = True
  _ == _ = False

instance Ord Bool where
  compare x y = compare (fromEnum x) (fromEnum y)

instance Eq Ordering where
  x == y = fromEnum x == fromEnum y

instance Ord Ordering where
  compare x y = compare (fromEnum x) (fromEnum y)

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

instance (Eq a, Eq b) => Eq (a, b) where
  (a, b) == (c, d) = a == c && b == d

instance (Ord a, Ord b) => Ord (a, b) where
  compare (a, b) (c, d) = case compare a c of
    EQ -> compare b d
    other -> other

instance (Eq a, Eq b, Eq c) => Eq (a, b, c) where
  (a, b, c) == (d, e, f) = a == d && b == e && c == f

instance (Ord a, Ord b, Ord c) => Ord (a, b, c) where
  compare (a, b, c) (d, e, f) = case compare a d of
    EQ -> case compare b e of
      EQ -> compare c f
      other -> other
    other -> other

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

instance Enum Int where
  succ x = x + 1
  pred x = x - 1
  toEnum x = x
  fromEnum x = x
  enumFrom x = x : enumFrom (x + 1)
  enumFromTo x y = if x > y then [] else x : enumFromTo (x + 1) y
  enumFromThen x y = x : enumFromThen y (y + y - x)
  enumFromThenTo x y z
    | y >= x = if x > z then [] else x : enumFromThenTo y (y + y - x) z
    | otherwise = if x < z then [] else x : enumFromThenTo y (y + y - x) z

instance Bounded Int where
  minBound = I# (negateInt# 9223372036854775807# -# 1#)
  maxBound = I# 9223372036854775807#

instance Enum Integer where
  succ x = x + 1
  pred x = x - 1
  toEnum (I# x) = IS# x
  fromEnum (IS# x) = I# x
  enumFrom x = x : enumFrom (x + 1)
  enumFromTo x y = if x > y then [] else x : enumFromTo (x + 1) y
  enumFromThen x y = x : enumFromThen y (y + y - x)
  enumFromThenTo x y z
    | y >= x = if x > z then [] else x : enumFromThenTo y (y + y - x) z
    | otherwise = if x < z then [] else x : enumFromThenTo y (y + y - x) z

instance Enum Char where
  toEnum (I# i) = C# (chr# i)
  fromEnum (C# c) = I# (ord# c)
  enumFrom c = enumFromTo c (C# '\1114111'#)

instance Bounded Char where
  minBound = C# '\0'#
  maxBound = C# '\1114111'#

instance Enum Bool where
  toEnum n = if n == 0 then False else if n == 1 then True else error "Prelude.Enum.Bool.toEnum: bad argument"
  fromEnum False = 0
  fromEnum True = 1
  enumFrom x = enumFromTo x True

instance Bounded Bool where
  minBound = False
  maxBound = True

instance Enum Ordering where
  toEnum n = if n == 0 then LT else if n == 1 then EQ else if n == 2 then GT else error "Prelude.Enum.Ordering.toEnum: bad argument"
  fromEnum LT = 0
  fromEnum EQ = 1
  fromEnum GT = 2
  enumFrom x = enumFromTo x GT

instance Bounded Ordering where
  minBound = LT
  maxBound = GT

instance Enum () where
  toEnum _ = ()
  fromEnum _ = 0
  enumFrom _ = [()]

instance Bounded () where
  minBound = ()
  maxBound = ()

-- ---------------------------------------------------------------------------
-- Numbers

class Num a where
  (+), (-), (*) :: a -> a -> a
  negate, abs, signum :: a -> a
  fromInteger :: Integer -> a
  x - y = x + negate y
  negate x = fromInteger 0 - x

class (Num a, Ord a) => Real a

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

instance Num Int where
  I# x + I# y = I# (x +# y)
  I# x - I# y = I# (x -# y)
  I# x * I# y = I# (x *# y)
  negate (I# x) = I# (negateInt# x)
  abs n = if n < 0 then negate n else n
  signum n = if n < 0 then negate 1 else if n == 0 then 0 else 1
  fromInteger (IS# i) = I# i

instance Real Int

instance Integral Int where
  quot (I# x) (I# y) = if isTrue# (y ==# 0#) then divZeroError else I# (quotInt# x y)
  rem (I# x) (I# y) = if isTrue# (y ==# 0#) then divZeroError else I# (remInt# x y)
  div x y = if y == 0 then divZeroError else divInt x y
  mod x y = if y == 0 then divZeroError else modInt x y
  quotRem x y = (quot x y, rem x y)
  divMod x y = (div x y, mod x y)
  toInteger (I# x) = IS# x

-- Division rounding towards negative infinity, from the truncating primops.
divInt :: Int -> Int -> Int
divInt (I# x) (I# y) =
  if isTrue# (x ># 0#) && isTrue# (y <# 0#) then I# (quotInt# (x -# 1#) y -# 1#)
  else if isTrue# (x <# 0#) && isTrue# (y ># 0#) then I# (quotInt# (x +# 1#) y -# 1#)
  else I# (quotInt# x y)

modInt :: Int -> Int -> Int
modInt (I# x) (I# y) = case remInt# x y of
  r -> if isTrue# (r /=# 0#) && isTrue# ((r <# 0#) /=# (y <# 0#)) then I# (r +# y) else I# r

instance Num Integer where
  IS# x + IS# y = IS# (x +# y)
  IS# x - IS# y = IS# (x -# y)
  IS# x * IS# y = IS# (x *# y)
  negate (IS# x) = IS# (negateInt# x)
  abs n = if n < 0 then negate n else n
  signum n = if n < 0 then negate 1 else if n == 0 then 0 else 1
  fromInteger n = n

instance Real Integer

instance Integral Integer where
  quot (IS# x) (IS# y) = if isTrue# (y ==# 0#) then divZeroError else IS# (quotInt# x y)
  rem (IS# x) (IS# y) = if isTrue# (y ==# 0#) then divZeroError else IS# (remInt# x y)
  div (IS# x) (IS# y) = if isTrue# (y ==# 0#) then divZeroError else toInteger (divInt (I# x) (I# y))
  mod (IS# x) (IS# y) = if isTrue# (y ==# 0#) then divZeroError else toInteger (modInt (I# x) (I# y))
  quotRem x y = (quot x y, rem x y)
  divMod x y = (div x y, mod x y)
  toInteger n = n

instance Num Double where
  D# x + D# y = D# (x +## y)
  D# x - D# y = D# (x -## y)
  D# x * D# y = D# (x *## y)
  negate (D# x) = D# (negateDouble# x)
  abs d = if d < D# 0.0## then negate d else d
  signum d = if d < D# 0.0## then D# (negateDouble# 1.0##) else if d == D# 0.0## then d else D# 1.0##
  fromInteger (IS# i) = D# (int2Double# i)

subtract :: Num a => a -> a -> a
subtract x y = y - x

even, odd :: Integral a => a -> Bool
even n = n `rem` 2 == 0
odd n = not (even n)

gcd :: Integral a => a -> a -> a
gcd x y = gcd' (abs x) (abs y)
  where
    gcd' a 0 = a
    gcd' a b = gcd' b (a `rem` b)

lcm :: Integral a => a -> a -> a
lcm _ 0 = 0
lcm 0 _ = 0
lcm x y = abs ((x `quot` (gcd x y)) * y)

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

fromIntegral :: (Integral a, Num b) => a -> b
fromIntegral x = fromInteger (toInteger x)

-- ---------------------------------------------------------------------------
-- Show

class Show a where
  showsPrec :: Int -> a -> ShowS
  show :: a -> String
  showList :: [a] -> ShowS
  showsPrec _ x s = show x ++ s
  show x = showsPrec 0 x ""
  showList ls s = showListWith shows ls s

showListWith :: (a -> ShowS) -> [a] -> ShowS
showListWith _ [] s = "[]" ++ s
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

showSignedInt :: Int -> Int -> ShowS
showSignedInt p n r
  | n < 0 && p > 6 = '(' : showInt n (')' : r)
  | otherwise = showInt n r

-- Decimal digits of an Int; careful with minBound, whose negation overflows.
showInt :: Int -> ShowS
showInt n r
  | n < 0 = if n == minBound then '-' : showPos (negate (n `quot` 10)) (showDigit (negate (n `rem` 10)) r)
            else '-' : showPos (negate n) r
  | otherwise = showPos n r
  where
    showPos m acc = if m < 10 then showDigit m acc else showPos (m `quot` 10) (showDigit (m `rem` 10) acc)
    showDigit d acc = toEnum (fromEnum '0' + d) : acc

instance Show Int where
  showsPrec = showSignedInt

instance Show Integer where
  showsPrec p (IS# i) = showSignedInt p (I# i)

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

instance (Show a, Show b) => Show (a, b) where
  showsPrec _ (a, b) = showChar '(' . shows a . showChar ',' . shows b . showChar ')'

instance (Show a, Show b, Show c) => Show (a, b, c) where
  showsPrec _ (a, b, c) =
    showChar '(' . shows a . showChar ',' . shows b . showChar ',' . shows c . showChar ')'

instance (Show a, Show b, Show c, Show d) => Show (a, b, c, d) where
  showsPrec _ (a, b, c, d) =
    showChar '(' . shows a . showChar ',' . shows b . showChar ',' . shows c
      . showChar ',' . shows d . showChar ')'

showLitString :: String -> ShowS
showLitString [] s = s
showLitString ('"' : cs) s = showString "\\\"" (showLitString cs s)
showLitString (c : cs) s = showLitChar c (showLitString cs s)

-- GHC's escapes: names for control characters, decimal for the rest beyond ASCII, and
-- \& where the next character would otherwise extend the escape.
showLitChar :: Char -> ShowS
showLitChar c s
  | c > '\DEL' = showChar '\\' (protectEsc isDigitChar (showInt (fromEnum c)) s)
  | c == '\DEL' = showString "\\DEL" s
  | c == '\\' = showString "\\\\" s
  | c >= ' ' = showChar c s
  | c == '\a' = showString "\\a" s
  | c == '\b' = showString "\\b" s
  | c == '\f' = showString "\\f" s
  | c == '\n' = showString "\\n" s
  | c == '\r' = showString "\\r" s
  | c == '\t' = showString "\\t" s
  | c == '\v' = showString "\\v" s
  | c == '\SO' = protectEsc (== 'H') (showString "\\SO") s
  | otherwise = showChar '\\' (showString (asciiName (fromEnum c)) s)

protectEsc :: (Char -> Bool) -> ShowS -> ShowS
protectEsc p f = f . cont
  where
    cont s@(c:_) | p c = "\\&" ++ s
    cont s = s

isDigitChar :: Char -> Bool
isDigitChar c = c >= '0' && c <= '9'

asciiName :: Int -> String
asciiName n = names !! n
  where
    names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
             "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]

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
  (*>) :: f a -> f b -> f b
  (<*) :: f a -> f b -> f a
  a *> b = fmap (const id) a <*> b
  a <* b = fmap const a <*> b

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
  IO ma *> IO mb = IO (\w -> case ma w of IORes _ -> mb w)

instance Monad IO where
  IO m >>= k = IO (\w -> case m w of IORes a -> unIO (k a) w)
  IO ma >> IO mb = IO (\w -> case ma w of IORes _ -> mb w)

instance MonadFail IO where
  fail s = ioError s

ioError :: String -> IO a
ioError s = IO (\_ -> raise# (ErrorCall ("user error (" ++ s ++ ")")))

instance Functor Maybe where
  fmap _ Nothing = Nothing
  fmap f (Just x) = Just (f x)

instance Applicative Maybe where
  pure = Just
  Just f <*> m = fmap f m
  Nothing <*> _ = Nothing

instance Monad Maybe where
  Just x >>= k = k x
  Nothing >>= _ = Nothing

instance MonadFail Maybe where
  fail _ = Nothing

instance Functor [] where
  fmap = map

instance Applicative [] where
  pure x = [x]
  fs <*> xs = concatMap (\f -> map f xs) fs

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

mapM_ :: Monad m => (a -> m b) -> [a] -> m ()
mapM_ f = foldr (\x k -> f x >> k) (return ())

mapM :: Monad m => (a -> m b) -> [a] -> m [b]
mapM f = sequence . map f

sequence :: Monad m => [m a] -> m [a]
sequence [] = return []
sequence (m:ms) = m >>= \x -> sequence ms >>= \xs -> return (x : xs)

sequence_ :: Monad m => [m a] -> m ()
sequence_ = foldr (>>) (return ())

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
head [] = errorWithoutStackTrace "Prelude.head: empty list"

last :: [a] -> a
last [x] = x
last (_:xs) = last xs
last [] = errorWithoutStackTrace "Prelude.last: empty list"

tail :: [a] -> [a]
tail (_:xs) = xs
tail [] = errorWithoutStackTrace "Prelude.tail: empty list"

init :: [a] -> [a]
init [x] = []
init (x:xs) = x : init xs
init [] = errorWithoutStackTrace "Prelude.init: empty list"

null :: [a] -> Bool
null [] = True
null _ = False

length :: [a] -> Int
length xs = lenAcc xs 0
  where
    lenAcc [] n = n
    lenAcc (_:ys) n = n `seq` lenAcc ys (n + 1)

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

foldl :: (b -> a -> b) -> b -> [a] -> b
foldl _ z [] = z
foldl f z (x:xs) = foldl f (f z x) xs

foldl1 :: (a -> a -> a) -> [a] -> a
foldl1 f (x:xs) = foldl f x xs
foldl1 _ [] = errorWithoutStackTrace "Prelude.foldl1: empty list"

foldr :: (a -> b -> b) -> b -> [a] -> b
foldr _ z [] = z
foldr f z (x:xs) = f x (foldr f z xs)

foldr1 :: (a -> a -> a) -> [a] -> a
foldr1 _ [x] = x
foldr1 f (x:xs) = f x (foldr1 f xs)
foldr1 _ [] = errorWithoutStackTrace "Prelude.foldr1: empty list"

and, or :: [Bool] -> Bool
and = foldr (&&) True
or = foldr (||) False

any, all :: (a -> Bool) -> [a] -> Bool
any p = or . map p
all p = and . map p

sum, product :: Num a => [a] -> a
sum = foldl' (+) (fromInteger 0)
product = foldl' (*) (fromInteger 1)

foldl' :: (b -> a -> b) -> b -> [a] -> b
foldl' _ z [] = z
foldl' f z (x:xs) = let z' = f z x in z' `seq` foldl' f z' xs

concat :: [[a]] -> [a]
concat = foldr (++) []

concatMap :: (a -> [b]) -> [a] -> [b]
concatMap f = foldr ((++) . f) []

maximum, minimum :: Ord a => [a] -> a
maximum [] = errorWithoutStackTrace "Prelude.maximum: empty list"
maximum xs = foldl1 max xs
minimum [] = errorWithoutStackTrace "Prelude.minimum: empty list"
minimum xs = foldl1 min xs

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
replicate n x = take n (repeat x)

cycle :: [a] -> [a]
cycle [] = errorWithoutStackTrace "Prelude.cycle: empty list"
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
splitAt n xs = (take n xs, drop n xs)

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

elem, notElem :: Eq a => a -> [a] -> Bool
elem _ [] = False
elem x (y:ys) = x == y || elem x ys
notElem x ys = not (elem x ys)

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
unzip = foldr (\(a, b) ~(xs, ys) -> (a : xs, b : ys)) ([], [])

unzip3 :: [(a, b, c)] -> ([a], [b], [c])
unzip3 = foldr (\(a, b, c) ~(xs, ys, zs) -> (a : xs, b : ys, c : zs)) ([], [], [])

lines :: String -> [String]
lines "" = []
lines s = let r = break (== '\n') s in fst r : (case snd r of
  [] -> []
  _:s'' -> lines s'')

unlines :: [String] -> String
unlines = concatMap (++ "\n")

words :: String -> [String]
words s = case dropWhile isSpaceChar s of
  "" -> []
  s' -> let r = break isSpaceChar s' in fst r : words (snd r)

unwords :: [String] -> String
unwords [] = ""
unwords [w] = w
unwords (w:ws) = w ++ ' ' : unwords ws

isSpaceChar :: Char -> Bool
isSpaceChar c = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'

-- ---------------------------------------------------------------------------
-- Input and output on the standard handles

hPutStrFd :: Int# -> String -> IO ()
hPutStrFd fd s = IO (\w -> putLoop fd s w)

putLoop :: Int# -> String -> RealWorld -> IORes ()
putLoop fd s w = case s of
  [] -> IORes ()
  (C# c : cs) -> case hPutChar# fd c w of
    0# -> putLoop fd cs w
    _ -> putLoop fd cs w

hFlushFd :: Int# -> IO ()
hFlushFd fd = IO (\w -> case hFlush# fd w of
  0# -> IORes ()
  _ -> IORes ())

putChar :: Char -> IO ()
putChar c = hPutStrFd 1# [c]

putStr :: String -> IO ()
putStr s = hPutStrFd 1# s

putStrLn :: String -> IO ()
putStrLn s = hPutStrFd 1# (s ++ "\n")

print :: Show a => a -> IO ()
print x = putStrLn (show x)

getChar :: IO Char
getChar = IO (\w -> case hGetChar# 0# w of
  c -> if isTrue# (c <# 0#) then raise# (ErrorCall "Prelude.getChar: end of file")
       else IORes (C# (chr# c)))

getLine :: IO String
getLine = IO (\w -> case hGetChar# 0# w of
  c -> if isTrue# (c <# 0#) then raise# (ErrorCall "Prelude.getLine: end of file")
       else unIO (lineFrom (C# (chr# c))) w)
  where
    lineFrom '\n' = return []
    lineFrom c = IO (\w -> case hGetChar# 0# w of
      d -> if isTrue# (d <# 0#) then IORes [c]
           else case unIO (lineFrom (C# (chr# d))) w of
             IORes rest -> IORes (c : rest))

-- Strict for now; lazy hGetContents comes with the System.IO work.
getContents :: IO String
getContents = IO (\w -> readAll w)
  where
    readAll w = case hGetChar# 0# w of
      c -> if isTrue# (c <# 0#) then IORes []
           else case readAll w of
             IORes rest -> IORes (C# (chr# c) : rest)

interact :: (String -> String) -> IO ()
interact f = getContents >>= \s -> putStr (f s)
