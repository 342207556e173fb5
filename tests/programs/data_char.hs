-- Data.Char: classification, case mapping, digits and character escapes, on ASCII,
-- Latin-1 and other Unicode characters.
import Data.Char

main :: IO ()
main = do
  let cs = "aZ5 \t\n!_\160\233\931\955\1633\8364\12354\128512\768\8544\65533"
  mapM_ (\c -> print (c, map ($ c) [isControl, isSpace, isLower, isUpper, isAlpha, isLetter, isDigit, isOctDigit, isHexDigit, isAlphaNum, isPrint, isPunctuation, isSymbol, isSeparator, isMark, isNumber, isAscii, isLatin1, isAsciiUpper, isAsciiLower])) cs
  print (map generalCategory cs)
  print (map toUpper cs, map toLower cs, map toTitle "a\223\453")
  print (map digitToInt "09afAF", map intToDigit [0, 9, 10, 15], ord 'A', chr 955, ord maxBound, [minBound :: Char])
  print (map (\c -> showLitChar c "") "\n\t\\\"'\DEL\200\1234a", lexLitChar "\\nabc", readLitChar "\\x41rest", lexLitChar "\\SOHx", readLitChar "\\^Ax")
  print (show "quote\"s and \\ and \1234\&5 and \SO\&H", read "\"\\955x\\SOH\\&\"" :: String, succ 'a', pred 'b', ['a' .. 'f'], ['a', 'c' .. 'i'])
  print (subtract (ord 'a') (ord 'z'), isSpace '\x2003', isPunctuation '\x2014', isSymbol '+', generalCategory '\x10FFFF', generalCategory '\xE000')
