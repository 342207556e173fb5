-- Data.Char: character classification, case conversion and digit conversion (GHC's
-- module of the same name). ASCII characters are classified here; the rest of
-- Unicode through the runtime's tables (generalCategory#, toUpper#, toLower#).
module Data.Char
  ( Char, String
  , isControl, isSpace, isLower, isUpper, isAlpha, isLetter, isDigit, isOctDigit, isHexDigit
  , isAlphaNum, isPrint, isPunctuation, isSymbol, isSeparator, isMark, isNumber
  , isAscii, isLatin1, isAsciiUpper, isAsciiLower
  , GeneralCategory(..), generalCategory
  , toUpper, toLower, toTitle
  , digitToInt, intToDigit
  , ord, chr
  , showLitChar, lexLitChar, readLitChar
  ) where

-- | The Unicode general categories, in GHC's order.
data GeneralCategory
  = UppercaseLetter
  | LowercaseLetter
  | TitlecaseLetter
  | ModifierLetter
  | OtherLetter
  | NonSpacingMark
  | SpacingCombiningMark
  | EnclosingMark
  | DecimalNumber
  | LetterNumber
  | OtherNumber
  | ConnectorPunctuation
  | DashPunctuation
  | OpenPunctuation
  | ClosePunctuation
  | InitialQuote
  | FinalQuote
  | OtherPunctuation
  | MathSymbol
  | CurrencySymbol
  | ModifierSymbol
  | OtherSymbol
  | Space
  | LineSeparator
  | ParagraphSeparator
  | Control
  | Format
  | Surrogate
  | PrivateUse
  | NotAssigned
  deriving (Show, Eq, Ord, Enum, Bounded)

generalCategory :: Char -> GeneralCategory
generalCategory (C# c) = toEnum (I# (generalCategory# c))

-- The category's position in the list above, for range tests.
categoryIndex :: Char -> Int
categoryIndex (C# c) = I# (generalCategory# c)

isAscii :: Char -> Bool
isAscii c = c < '\x80'

isLatin1 :: Char -> Bool
isLatin1 c = c <= '\xff'

isAsciiUpper :: Char -> Bool
isAsciiUpper c = c >= 'A' && c <= 'Z'

isAsciiLower :: Char -> Bool
isAsciiLower c = c >= 'a' && c <= 'z'

isControl :: Char -> Bool
isControl c
  | isAscii c = c < ' ' || c == '\DEL'
  | otherwise = generalCategory c == Control

-- | White space: the ASCII space characters, no-break space, and the Unicode spaces.
isSpace :: Char -> Bool
isSpace c
  | c <= '\x377' = c == ' ' || (c >= '\t' && c <= '\r') || c == '\xa0'
  | otherwise = generalCategory c == Space

isUpper :: Char -> Bool
isUpper c
  | isAscii c = isAsciiUpper c
  | otherwise = let i = categoryIndex c in i == 0 || i == 2

isLower :: Char -> Bool
isLower c
  | isAscii c = isAsciiLower c
  | otherwise = categoryIndex c == 1

isAlpha :: Char -> Bool
isAlpha c
  | isAscii c = isAsciiUpper c || isAsciiLower c
  | otherwise = categoryIndex c <= 4

isLetter :: Char -> Bool
isLetter = isAlpha

isDigit :: Char -> Bool
isDigit c = c >= '0' && c <= '9'

isOctDigit :: Char -> Bool
isOctDigit c = c >= '0' && c <= '7'

isHexDigit :: Char -> Bool
isHexDigit c = isDigit c || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')

-- | Letters and numbers of any script.
isAlphaNum :: Char -> Bool
isAlphaNum c
  | isAscii c = isDigit c || isAsciiUpper c || isAsciiLower c
  | otherwise = let i = categoryIndex c in i <= 4 || (i >= 8 && i <= 10)

isPrint :: Char -> Bool
isPrint c
  | isAscii c = c >= ' ' && c < '\DEL'
  | otherwise = categoryIndex c <= 22

isPunctuation :: Char -> Bool
isPunctuation c = let i = categoryIndex c in i >= 11 && i <= 17

isSymbol :: Char -> Bool
isSymbol c = let i = categoryIndex c in i >= 18 && i <= 21

isSeparator :: Char -> Bool
isSeparator c = let i = categoryIndex c in i >= 22 && i <= 24

isMark :: Char -> Bool
isMark c = let i = categoryIndex c in i >= 5 && i <= 7

isNumber :: Char -> Bool
isNumber c = let i = categoryIndex c in i >= 8 && i <= 10

toUpper :: Char -> Char
toUpper c@(C# c#)
  | isAsciiLower c = unsafeChr (ord c - 32)
  | isAscii c = c
  | otherwise = C# (toUpper# c#)

toLower :: Char -> Char
toLower c@(C# c#)
  | isAsciiUpper c = unsafeChr (ord c + 32)
  | isAscii c = c
  | otherwise = C# (toLower# c#)

-- | Title case (Unicode's simple titlecase mapping).
toTitle :: Char -> Char
toTitle c
  | n >= 0x1C4 && n <= 0x1CC = chr (0x1C5 + 3 * ((n - 0x1C4) `quot` 3))
  | n >= 0x1F1 && n <= 0x1F3 = '\x1F2'
  | n >= 0x10D0 && n <= 0x10FF = c
  | otherwise = toUpper c
  where
    -- The Latin digraphs (DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz) have a title case of
    -- their own; Georgian Mkhedruli letters are their own title case though their
    -- upper case is Mtavruli. Everything else titlecases as it uppercases.
    n = ord c

-- | The value of a hexadecimal digit (either case).
digitToInt :: Char -> Int
digitToInt c
  | isDigit c = ord c - ord '0'
  | c >= 'a' && c <= 'f' = ord c - ord 'a' + 10
  | c >= 'A' && c <= 'F' = ord c - ord 'A' + 10
  | otherwise = errorWithoutStackTrace ("Char.digitToInt: not a digit " ++ show c)

-- | The lower-case hexadecimal digit of 0..15.
intToDigit :: Int -> Char
intToDigit i
  | i >= 0 && i <= 15 = digitChar i
  | otherwise = errorWithoutStackTrace ("Char.intToDigit: not a digit " ++ show i)
