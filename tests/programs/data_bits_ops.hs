-- Data.Bits on Int and Integer: popCount, leading/trailing zeros, rotations, shifts.
import Data.Bits
main :: IO ()
main = do
  print (map popCount [-1, -2, -7, 0, 255, 2^70, -(2^70) :: Integer])
  print (map popCount [-1, minBound, maxBound, 0, 255 :: Int])
  print (map countLeadingZeros [0, 1, -1, 255 :: Int], map countTrailingZeros [0, 1, -1, 256 :: Int])
  print (rotateL (1 :: Int) 65, rotateR (1 :: Int) 1, shiftR (-8 :: Int) 1, complement (0 :: Integer))
  print (shiftL (-3) 70 :: Integer, shiftR (-(2^70)) 68 :: Integer, testBit (-1 :: Integer) 200, (2^70 - 1) .&. (-(2^65)) :: Integer, xor (2^64) (-1) :: Integer)
