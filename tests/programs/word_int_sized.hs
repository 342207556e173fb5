-- Data.Word and Data.Int: bounds, wrapping arithmetic, conversions, bits, read/show.
import Data.Int
import Data.Word
import Data.Bits
main :: IO ()
main = do
  print (maxBound :: Int8, minBound :: Int16, maxBound :: Int32, minBound :: Int64, maxBound :: Word8, maxBound :: Word16, maxBound :: Word32, maxBound :: Word64)
  print (fromIntegral (200 :: Int) :: Int8, fromIntegral (-1 :: Int) :: Word32, fromIntegral (2^40 + 7 :: Integer) :: Word16)
  print (complement 0 :: Word8, complement 5 :: Int8, shiftL 1 7 :: Int8, shiftR (-128) 3 :: Int8, rotateL 0x81 1 :: Word8, rotateR 1 1 :: Word16)
  print (popCount (-1 :: Int32), countLeadingZeros (1 :: Word16), countTrailingZeros (0 :: Int8), testBit (0x80 :: Word8) 7)
  print (div (-7) 2 :: Int16, mod (-7) 2 :: Int16, quotRem (-7) 2 :: (Int32, Int32), divMod 200 7 :: (Word8, Word8))
  print (toInteger (maxBound :: Word64) + 1, (maxBound :: Word) `div` 10)
  print ([minBound .. maxBound :: Int8] == map fromIntegral [-128 .. 127 :: Int], sum (map fromIntegral [1 .. 100 :: Int]) :: Word8)
  print (read "[1,2,300]" :: [Word8], read "-5" :: Int64, show (-5 :: Int8), showsPrec 11 (-5 :: Int32) "")
  print (byteSwap16 0x1234, byteSwap32 0x12345678, byteSwap64 0x0102030405060708)
  print (xor (0xff :: Word) 0x0f, (.&.) (-1 :: Int64) 0xff, maxBound - 1 :: Word, 3 - 5 :: Word)
