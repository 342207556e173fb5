-- Numeric: showHex/showOct/showBin of Integers beyond Int (converted by the runtime at
-- once; a quotRem per digit on a 30,000-bit number would take quadratic time).
import Numeric
import Data.Word
main :: IO ()
main = do
  let n = 3 ^ (20000 :: Int) :: Integer
  print (length (showHex n ""), take 20 (showOct n ""), take 20 (reverse (showHex n "")))
  print (showHex (2 ^ 64 :: Integer) "", showHex (2 ^ 63 - 1 :: Integer) "", showOct (2 ^ 70 + 5 :: Integer) "x", showHex (maxBound :: Word64) "", showHex (255 :: Int) "")
  print (showHex (0 :: Integer) "", showOct (-0 :: Integer) "")
