-- Text.Printf: C-style formatted output (GHC's module of the same name). `printf`
-- takes a format string and any number of arguments and is a String or an IO action,
-- decided by its type (the PrintfType class); `hPrintf` writes to a handle. Formats:
-- %d %i %u %x %X %o %b %c %s %v %e %E %f %F %g %G and %%, with the flags - + space 0
-- #, a width and a precision (either may be * to take it from the arguments); the
-- C length modifiers (hh h l ll L) are accepted and ignored. The results match GHC's
-- character for character (floating point uses Numeric's showEFloat/showFFloat/
-- showGFloat, so %f without a precision prints the shortest digits).
module Text.Printf
  ( printf, hPrintf
  , PrintfType, HPrintfType, PrintfArg(..), IsChar(..)
  , FieldFormatter, FieldFormat(..), FormatAdjustment(..), FormatSign(..), vFmt
  , formatChar, formatString, formatInt, formatInteger, formatRealFloat
  , errorBadFormat, errorShortFormat, errorMissingArgument, errorBadArgument, perror
  ) where

import Data.Char (intToDigit, isDigit, toUpper)
import Numeric (showEFloat, showFFloat, showGFloat, showFFloatAlt, showGFloatAlt, showIntAtBase)

-- | Format a string with arguments; the result is a String or an IO action.
printf :: PrintfType r => String -> r
printf format = spr format []

-- | printf to a handle.
hPrintf :: HPrintfType r => Handle -> String -> r
hPrintf h format = hspr h format []

-- | The types printf can produce: String, IO a, and functions taking one more
-- argument. The arguments are collected in reverse order.
class PrintfType t where
  spr :: String -> [FieldFormatter] -> t

instance IsChar c => PrintfType [c] where
  spr format args = map fromChar (uprintf format (reverse args))

-- The result of the action is () (it is a type variable so that `printf ...` is an
-- IO action of any type in a do block).
instance PrintfType (IO a) where
  spr format args = putStr (uprintf format (reverse args)) >> return (unsafeCoerce# ())

instance (PrintfArg a, PrintfType r) => PrintfType (a -> r) where
  spr format args = \a -> spr format (formatArg a : args)

class HPrintfType t where
  hspr :: Handle -> String -> [FieldFormatter] -> t

instance HPrintfType (IO a) where
  hspr h format args = hPutStr h (uprintf format (reverse args)) >> return (unsafeCoerce# ())

instance (PrintfArg a, HPrintfType r) => HPrintfType (a -> r) where
  hspr h format args = \a -> hspr h format (formatArg a : args)

-- | The characters of the strings printf produces and accepts.
class IsChar c where
  toChar :: c -> Char
  fromChar :: Char -> c

instance IsChar Char where
  toChar c = c
  fromChar c = c

-- | How to align a field in its width.
data FormatAdjustment = LeftAdjust | ZeroPad

-- | What to print before a non-negative number.
data FormatSign = SignPlus | SignSpace

-- | One parsed conversion specification.
data FieldFormat = FieldFormat
  { fmtWidth :: Maybe Int
  , fmtPrecision :: Maybe Int
  , fmtAdjust :: Maybe FormatAdjustment
  , fmtSign :: Maybe FormatSign
  , fmtAlternate :: Bool
  , fmtModifiers :: String
  , fmtChar :: Char
  }

-- | Format one argument by its specification, in front of the rest of the output.
type FieldFormatter = FieldFormat -> ShowS

-- | The types that can be printf's arguments.
class PrintfArg a where
  formatArg :: a -> FieldFormatter
  formatList :: [a] -> FieldFormatter
  formatList _ fmt = errorBadFormat (fmtChar fmt)

instance PrintfArg Char where
  formatArg = formatChar
  formatList = formatString

instance IsChar c => PrintfArg [c] where
  formatArg = formatList . map toChar

instance PrintfArg Int where
  formatArg = formatInt

instance PrintfArg Integer where
  formatArg = formatInteger

instance PrintfArg Word where
  formatArg = formatInt

instance PrintfArg Double where
  formatArg = formatRealFloat

instance PrintfArg Float where
  formatArg = formatRealFloat

-- | %v becomes the given conversion.
vFmt :: Char -> FieldFormat -> FieldFormat
vFmt c fmt = if fmtChar fmt == 'v' then fmt { fmtChar = c } else fmt

formatChar :: Char -> FieldFormatter
formatChar c fmt = case fmtChar (vFmt 'c' fmt) of
  'c' -> showString (adjust fmt ("", [c]))
  other -> errorBadFormat other

formatString :: String -> FieldFormatter
formatString s fmt = case fmtChar (vFmt 's' fmt) of
  's' -> showString (adjust fmt ("", maybe s (\n -> take n s) (fmtPrecision fmt)))
  other -> errorBadFormat other

-- | A bounded integral type: negative numbers in the unsigned formats wrap around
-- its size.
formatInt :: (Integral a, Bounded a) => a -> FieldFormatter
formatInt x = formatIntegral (Just (toInteger (minBound `asTypeOf` x))) (toInteger x)

formatInteger :: Integer -> FieldFormatter
formatInteger = formatIntegral Nothing

formatIntegral :: Maybe Integer -> Integer -> FieldFormatter
formatIntegral m x fmt0 = case fmtChar fmt of
  'd' -> showString (adjustSigned fmt (fmti prec x))
  'i' -> showString (adjustSigned fmt (fmti prec x))
  'x' -> showString (adjust fmt (fmtu 16 (alt "0x") prec m x))
  'X' -> showString (adjust fmt (upcase (fmtu 16 (alt "0X") prec m x)))
  'b' -> showString (adjust fmt (fmtu 2 (alt "0b") prec m x))
  'o' -> showString (adjust fmt (fmtu 8 (alt "0") prec m x))
  'u' -> showString (adjust fmt (fmtu 10 Nothing prec m x))
  'c' | x >= 0 && x <= 1114111 -> formatChar (toEnum (fromInteger x)) fmt
  other -> errorBadFormat other
  where
    prec = fmtPrecision fmt0
    -- A precision turns zero padding off (as in C).
    fmt = vFmt 'd' (case (prec, fmtAdjust fmt0) of
      (Just _, Just ZeroPad) -> fmt0 { fmtAdjust = Nothing }
      _ -> fmt0)
    alt prefix = if fmtAlternate fmt0 then Just prefix else Nothing
    upcase (s, t) = (s, map toUpper t)

-- | The sign and the digits of a signed number, with at least `prec` digits.
fmti :: Maybe Int -> Integer -> (String, String)
fmti prec i
  | i < 0 = ("-", integralPrec prec (show (negate i)))
  | otherwise = ("", integralPrec prec (show i))

-- | The prefix and digits of a number in an unsigned format; a negative number of a
-- bounded type is taken modulo its size.
fmtu :: Integer -> Maybe String -> Maybe Int -> Maybe Integer -> Integer -> (String, String)
fmtu b prefix prec m i
  | i < 0 = case m of
      Just lo -> fmtu b prefix prec Nothing (-2 * lo + i)
      Nothing -> errorBadArgument
  | otherwise = case prefix of
      Just pre | i /= 0 && not (pre == "0" && take 1 digits == "0") -> (pre, digits)
      _ -> ("", digits)
  where
    digits = integralPrec prec (showIntAtBase b intToDigit i "")

integralPrec :: Maybe Int -> String -> String
integralPrec Nothing digits = digits
integralPrec (Just 0) "0" = ""
integralPrec (Just prec) digits = replicate (prec - length digits) '0' ++ digits

formatRealFloat :: RealFloat a => a -> FieldFormatter
formatRealFloat x fmt0 = case fmtChar fmt of
  c | c `elem` "eEfFgG" -> showString (adjustSigned fmt (dfmt c (fmtPrecision fmt) (fmtAlternate fmt) x))
  other -> errorBadFormat other
  where
    fmt = vFmt 'g' fmt0

-- | The sign and the text of a floating-point number in a format.
dfmt :: RealFloat a => Char -> Maybe Int -> Bool -> a -> (String, String)
dfmt c prec alt d = case caseConvert (showFunction prec d "") of
  '-' : cs -> ("-", cs)
  cs -> ("", cs)
  where
    caseConvert = if c `elem` "EFG" then map toUpper else id
    showFunction = case c of
      _ | c `elem` "eE" -> showEFloat
        | c `elem` "fF" -> if alt then showFFloatAlt else showFFloat
        | otherwise -> if alt then showGFloatAlt else showGFloat

-- | Pad a field (sign or prefix, then text) to its width.
adjust :: FieldFormat -> (String, String) -> String
adjust fmt (pre, str) = case fmtWidth fmt of
  Just width | natural < width ->
    let fill = replicate (width - natural) (if zero then '0' else ' ') in
    if left then pre ++ str ++ fill else if zero then pre ++ fill ++ str else fill ++ pre ++ str
  _ -> pre ++ str
  where
    natural = length pre + length str
    (left, zero) = case fmtAdjust fmt of
      Just LeftAdjust -> (True, False)
      Just ZeroPad -> (False, True)
      Nothing -> (False, False)

-- | adjust, with the + or space flag for non-negative numbers.
adjustSigned :: FieldFormat -> (String, String) -> String
adjustSigned fmt ("", str) = case fmtSign fmt of
  Just SignPlus -> adjust fmt ("+", str)
  Just SignSpace -> adjust fmt (" ", str)
  Nothing -> adjust fmt ("", str)
adjustSigned fmt ps = adjust fmt ps

-- | The output of a format with its arguments (in order).
uprintf :: String -> [FieldFormatter] -> String
uprintf format args = uprintfs format args ""

uprintfs :: String -> [FieldFormatter] -> ShowS
uprintfs "" [] = id
uprintfs "" (_ : _) = errorShortFormat
uprintfs ('%' : '%' : cs) us = showChar '%' . uprintfs cs us
uprintfs ('%' : _) [] = errorMissingArgument
uprintfs ('%' : cs) us = case getSpecs cs us of
  (_, _, []) -> errorMissingArgument
  (fmt, rest, u : us') -> u fmt . uprintfs rest us'
uprintfs (c : cs) us = showChar c . uprintfs cs us

-- | Parse the flags, width, precision, modifiers and conversion character after a %;
-- a * takes the width or precision from the arguments.
getSpecs :: String -> [FieldFormatter] -> (FieldFormat, String, [FieldFormatter])
getSpecs = flags False False Nothing False
  where
    flags l z s a cs us = case cs of
      '-' : cs' -> flags True z s a cs' us
      '+' : cs' -> flags l z (Just SignPlus) a cs' us
      ' ' : cs' -> flags l z (case s of { Just SignPlus -> s; _ -> Just SignSpace }) a cs' us
      '0' : cs' -> flags l True s a cs' us
      '#' : cs' -> flags l z s True cs' us
      '*' : cs' -> case us of
        [] -> errorMissingArgument
        u : us' ->
          let n = argInt u
              (l', width) = if n < 0 then (True, negate n) else (l, n)
          in precision l' z s a (Just width) cs' us'
      _ -> case span isDigit cs of
        ([], _) -> precision l z s a Nothing cs us
        (ds, cs') -> precision l z s a (Just (read ds)) cs' us
    precision l z s a width cs us = case cs of
      '.' : '*' : cs' -> case us of
        [] -> errorMissingArgument
        u : us' -> conversion l z s a width (Just (argInt u)) cs' us'
      '.' : cs' -> case span isDigit cs' of
        (ds, cs'') -> conversion l z s a width (Just (if null ds then 0 else read ds)) cs'' us
      _ -> conversion l z s a width Nothing cs us
    conversion l z s a width prec cs us = case dropModifiers cs of
      (mods, c : cs') ->
        ( FieldFormat
            { fmtWidth = width
            , fmtPrecision = prec
            , fmtAdjust = if l then Just LeftAdjust else if z then Just ZeroPad else Nothing
            , fmtSign = s
            , fmtAlternate = a
            , fmtModifiers = mods
            , fmtChar = c
            }
        , cs'
        , us )
      (_, []) -> errorShortFormat
    dropModifiers cs = case cs of
      'h' : 'h' : cs' -> ("hh", cs')
      'l' : 'l' : cs' -> ("ll", cs')
      m : cs' | m `elem` "hlL" -> ([m], cs')
      _ -> ("", cs)

-- | The value of an argument used as a width or precision (an Int formatted with %d).
argInt :: FieldFormatter -> Int
argInt u = case reads (u intFormat "") of
  [(n, "")] -> n
  _ -> errorBadArgument
  where
    intFormat = FieldFormat Nothing Nothing Nothing Nothing False "" 'd'

perror :: String -> a
perror s = errorWithoutStackTrace ("printf: " ++ s)

errorBadFormat :: Char -> a
errorBadFormat c = perror ("bad formatting char " ++ show c)

errorShortFormat, errorMissingArgument, errorBadArgument :: a
errorShortFormat = perror "formatting string ended prematurely"
errorMissingArgument = perror "argument list ended prematurely"
errorBadArgument = perror "bad argument"
