-- Data.Bits: the Bits and FiniteBits operations at Int, Integer, Word and the sized
-- types, including negative numbers, shifts past the width and bit counts.
import Data.Bits
import Data.Int
import Data.Word

main :: IO ()
main = do
  let x = 0x5A3C :: Int
  print (x .&. 0xFF, x .|. 0x100, xor x 0xFFFF, complement x, shiftL x 4, shiftR x 4, x `shift` (-3), rotateL (1 :: Word8) 9, rotateR (1 :: Word8) 1)
  print (testBit x 2, testBit x 3, setBit (0 :: Int) 63, clearBit x 2, complementBit x 0, popCount x, popCount (-1 :: Int), bit 10 :: Int, zeroBits :: Int)
  print (finiteBitSize (0 :: Int), finiteBitSize (0 :: Word16), countLeadingZeros (1 :: Int), countTrailingZeros (8 :: Word32), countLeadingZeros (0 :: Int8), countTrailingZeros (0 :: Word64))
  print (shiftR (-16 :: Int) 2, shiftR (-1 :: Int) 70, shiftL (1 :: Int) 64, shiftR (maxBound :: Word) 63, rotate (0x80000001 :: Word32) 4, (-8 :: Int) `unsafeShiftR` 1)
  print (bitSizeMaybe (0 :: Integer), bitSizeMaybe (0 :: Int32), isSigned (0 :: Word), isSigned (0 :: Int), (.&.) (-12 :: Integer) 255, shiftL (3 :: Integer) 100, shiftR (-(2 ^ 100) :: Integer) 98)
  print (popCount (2 ^ 100 - 1 :: Integer), popCount (-7 :: Integer), testBit (2 ^ 80 :: Integer) 80, complement (0 :: Integer), xor (2 ^ 70) (2 ^ 70 + 5 :: Integer), (.|.) (-1) (5 :: Integer))
  print (toIntegralSized (300 :: Int) :: Maybe Word8, toIntegralSized (200 :: Int) :: Maybe Word8, toIntegralSized (-1 :: Int) :: Maybe Word)
  print (foldr xor 0 [1 .. 100 :: Word16], map (popCount :: Int8 -> Int) [minBound, -1, 0, maxBound], countLeadingZeros (-1 :: Int16))
