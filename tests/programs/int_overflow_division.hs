-- Division by zero and minBound `quot` (-1) raise the arithmetic exceptions GHC raises;
-- Word and the sized types wrap.
import Control.Exception
import Data.Int
import Data.Word
main = do
  print (minBound `rem` (-1) :: Int, minBound `mod` (-1) :: Int)
  r <- try (evaluate (minBound `quot` (-1) :: Int))
  print (r :: Either ArithException Int)
  r <- try (evaluate (minBound `div` (-1) :: Int))
  print (r :: Either ArithException Int)
  r <- try (evaluate (minBound `quot` (-1) :: Int8))
  print (r :: Either ArithException Int8)
  print (fromIntegral (300 :: Int) :: Word8, fromIntegral (-1 :: Int) :: Word, maxBound :: Word, (0 :: Word) - 1, toInteger (maxBound :: Word))
  print (200 + 100 :: Word8, 100 + 100 :: Int8, negate 5 :: Word16, div (maxBound :: Word) 3, (maxBound :: Word) > 5)
  print (read "255" :: Word8, read "-3" :: Int16, [250 ..] :: [Word8], show (minBound :: Int64))
