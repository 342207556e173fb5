-- Data.Char (Unicode categories and case mapping) and Numeric (bases, float formats).
import Data.Char
import Numeric
main :: IO ()
main = do
  print (map generalCategory "aZ1 !\x3bb\x2028\x1F600")
  print (map toUpper "hello \x3bb\xdf", map toLower "WORLD \x39b", isAlpha '\x3bb', isUpper 'A', isSpace '\t', isPunctuation '!')
  print (map digitToInt "09afAF", intToDigit 11, ord 'A', chr 97, isHexDigit 'g', isOctDigit '7', isSymbol '+', isSeparator ' ')
  print (showHex (255 :: Int) "", showOct (8 :: Int) "", showFFloat (Just 2) (3.14159 :: Double) "", showEFloat (Just 3) (1234.5 :: Double) "", showGFloat (Just 2) (0.01 :: Double) "")
  print (fst (head (readHex "ff" :: [(Int, String)])), fst (head (readOct "17" :: [(Integer, String)])), fst (head (readDec "42x" :: [(Int, String)])))
  print (showFFloat Nothing (1.0e-2 :: Double) "", showEFloat Nothing (0.1 :: Double) "", showFFloat (Just 0) (2.5 :: Double) "", floatToDigits 10 (0.3 :: Double))
  print (showSigned showInt 7 (-5 :: Int) "", showIntAtBase 2 intToDigit (10 :: Int) "", fst (head (readSigned readDec "-12" :: [(Int, String)])))
  print (fst (head (readFloat "2.5e3" :: [(Double, String)])), isLetter 'x', isMark '\x301', isNumber '\x00bd', subtract 1 (ord maxBound))
  print (lexLitChar "\\nabc", readLitChar "\\x41rest", showLitChar '\n' "")
