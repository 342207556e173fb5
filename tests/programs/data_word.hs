-- Data.Word: Word, Word8, Word16, Word32, Word64: wrapping arithmetic, conversions,
-- bounds, division, enumeration, show and read.
import Data.Word

main :: IO ()
main = do
  print (maxBound :: Word8, maxBound :: Word16, maxBound :: Word32, maxBound :: Word64, maxBound :: Word, minBound :: Word)
  print (200 + 100 :: Word8, 0 - 1 :: Word16, 70000 * 70000 :: Word32, negate 1 :: Word64, fromIntegral (-1 :: Int) :: Word, fromIntegral (300 :: Int) :: Word8)
  print (div 250 (7 :: Word8), mod 250 (7 :: Word8), quotRem (maxBound :: Word) 10, divMod (1000 :: Word16) 33, toInteger (maxBound :: Word64) + 1, fromInteger (2 ^ 64 + 5) :: Word64)
  print ([250 ..] :: [Word8], [1, 3 .. 11] :: [Word32], succ (254 :: Word8), fromEnum (65535 :: Word16), toEnum 65 :: Word8, read "255" :: Word8, read "18446744073709551615" :: Word)
  print (compare (maxBound :: Word) 0, realToFrac (maxBound :: Word32) :: Double, fromIntegral (maxBound - 4095 :: Word64) :: Double, truncate (1e10 :: Double) :: Word64, byteSwap16 0x1234, byteSwap32 0x12345678, byteSwap64 0x0102030405060708)
  print (gcd (12 :: Word) 18, lcm (4 :: Word8) 6, (2 :: Word32) ^ (31 :: Int), sum [1 .. 100 :: Word8], product [1 .. 10 :: Word16], show (0 :: Word), abs (5 :: Word), signum (0 :: Word8))
