-- Data.Int: signed integers of 8, 16, 32 and 64 bits (GHC's module of the same name).
-- Each is held in an Int, sign-extended, and every result is narrowed back, so
-- arithmetic wraps as on GHC; Int64 has Int's operations at its own type.
module Data.Int
  ( Int, Int8, Int16, Int32, Int64
  ) where

import Data.Bits
import Data.Ix

-- | A signed 8-bit integer (arithmetic wraps).
newtype Int8 = I8 Int

-- | The low 8 bits of an Int, sign-extended.
narrowInt8 :: Int -> Int
narrowInt8 (I# x) = I# (narrowInt# 8# x)

instance Eq Int8 where
  I8 a == I8 b = a == b

instance Ord Int8 where
  compare (I8 a) (I8 b) = compare a b
  I8 a < I8 b = a < b
  I8 a <= I8 b = a <= b
  I8 a > I8 b = a > b
  I8 a >= I8 b = a >= b

instance Show Int8 where
  showsPrec p (I8 a) = showsPrec p a

instance Read Int8 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Int8 where
  minBound = I8 (-128)
  maxBound = I8 127

instance Num Int8 where
  I8 a + I8 b = I8 (narrowInt8 (a + b))
  I8 a - I8 b = I8 (narrowInt8 (a - b))
  I8 a * I8 b = I8 (narrowInt8 (a * b))
  negate (I8 a) = I8 (narrowInt8 (negate a))
  abs (I8 a) = I8 (narrowInt8 (abs a))
  signum (I8 a) = I8 (signum a)
  fromInteger i = I8 (narrowInt8 (fromInteger i))

instance Real Int8 where
  toRational (I8 a) = toRational a

instance Enum Int8 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Int8}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Int8}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (-128) && n <= 127 then I8 n else errorWithoutStackTrace ("Enum.toEnum{Int8}: tag (" ++ show n ++ ") is outside of bounds (-128,127)")
  fromEnum (I8 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (I8 a) (I8 b) = map I8 (enumFromTo a b)
  enumFromThenTo (I8 a) (I8 b) (I8 c) = map I8 (enumFromThenTo a b c)

instance Integral Int8 where
  quot (I8 a) (I8 b)
    | b == (-1) && a == (-128) = overflowError
    | otherwise = I8 (quot a b)
  div (I8 a) (I8 b)
    | b == (-1) && a == (-128) = overflowError
    | otherwise = I8 (div a b)
  rem (I8 a) (I8 b) = I8 (rem a b)
  mod (I8 a) (I8 b) = I8 (mod a b)
  quotRem (I8 a) (I8 b)
    | b == (-1) && a == (-128) = (overflowError, 0)
    | otherwise = case quotRem a b of (q, r) -> (I8 q, I8 r)
  divMod (I8 a) (I8 b)
    | b == (-1) && a == (-128) = (overflowError, 0)
    | otherwise = case divMod a b of (q, r) -> (I8 q, I8 r)
  toInteger (I8 a) = toInteger a

instance Ix Int8 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Int8}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 8 bits as a non-negative Int.
unsignedInt8 :: Int8 -> Int
unsignedInt8 (I8 (I# x)) = I# (narrowWord# 8# x)

instance Bits Int8 where
  I8 a .&. I8 b = I8 (a .&. b)
  I8 a .|. I8 b = I8 (a .|. b)
  xor (I8 a) (I8 b) = I8 (xor a b)
  complement (I8 a) = I8 (narrowInt8 (complement a))
  zeroBits = I8 0
  bit i = if i >= 0 && i < 8 then I8 (narrowInt8 (bit i)) else I8 0
  testBit (I8 a) i = i >= 0 && i < 8 && testBit a i
  shiftL (I8 a) i = I8 (narrowInt8 (shiftL a i))
  shiftR (I8 a) i = I8 (shiftR a i)
  rotateL x i = let k = i `mod` 8; u = unsignedInt8 x in if k == 0 then x else I8 (narrowInt8 (shiftL u k .|. shiftR u (8 - k)))
  rotateR x i = rotateL x (8 - i `mod` 8)
  bitSizeMaybe _ = Just 8
  bitSize _ = 8
  isSigned _ = True
  popCount x = popCount (unsignedInt8 x)

instance FiniteBits Int8 where
  finiteBitSize _ = 8
  countLeadingZeros x = countLeadingZeros (unsignedInt8 x) - 56
  countTrailingZeros (I8 a) = if a == 0 then 8 else countTrailingZeros a

-- | A signed 16-bit integer (arithmetic wraps).
newtype Int16 = I16 Int

-- | The low 16 bits of an Int, sign-extended.
narrowInt16 :: Int -> Int
narrowInt16 (I# x) = I# (narrowInt# 16# x)

instance Eq Int16 where
  I16 a == I16 b = a == b

instance Ord Int16 where
  compare (I16 a) (I16 b) = compare a b
  I16 a < I16 b = a < b
  I16 a <= I16 b = a <= b
  I16 a > I16 b = a > b
  I16 a >= I16 b = a >= b

instance Show Int16 where
  showsPrec p (I16 a) = showsPrec p a

instance Read Int16 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Int16 where
  minBound = I16 (-32768)
  maxBound = I16 32767

instance Num Int16 where
  I16 a + I16 b = I16 (narrowInt16 (a + b))
  I16 a - I16 b = I16 (narrowInt16 (a - b))
  I16 a * I16 b = I16 (narrowInt16 (a * b))
  negate (I16 a) = I16 (narrowInt16 (negate a))
  abs (I16 a) = I16 (narrowInt16 (abs a))
  signum (I16 a) = I16 (signum a)
  fromInteger i = I16 (narrowInt16 (fromInteger i))

instance Real Int16 where
  toRational (I16 a) = toRational a

instance Enum Int16 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Int16}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Int16}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (-32768) && n <= 32767 then I16 n else errorWithoutStackTrace ("Enum.toEnum{Int16}: tag (" ++ show n ++ ") is outside of bounds (-32768,32767)")
  fromEnum (I16 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (I16 a) (I16 b) = map I16 (enumFromTo a b)
  enumFromThenTo (I16 a) (I16 b) (I16 c) = map I16 (enumFromThenTo a b c)

instance Integral Int16 where
  quot (I16 a) (I16 b)
    | b == (-1) && a == (-32768) = overflowError
    | otherwise = I16 (quot a b)
  div (I16 a) (I16 b)
    | b == (-1) && a == (-32768) = overflowError
    | otherwise = I16 (div a b)
  rem (I16 a) (I16 b) = I16 (rem a b)
  mod (I16 a) (I16 b) = I16 (mod a b)
  quotRem (I16 a) (I16 b)
    | b == (-1) && a == (-32768) = (overflowError, 0)
    | otherwise = case quotRem a b of (q, r) -> (I16 q, I16 r)
  divMod (I16 a) (I16 b)
    | b == (-1) && a == (-32768) = (overflowError, 0)
    | otherwise = case divMod a b of (q, r) -> (I16 q, I16 r)
  toInteger (I16 a) = toInteger a

instance Ix Int16 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Int16}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 16 bits as a non-negative Int.
unsignedInt16 :: Int16 -> Int
unsignedInt16 (I16 (I# x)) = I# (narrowWord# 16# x)

instance Bits Int16 where
  I16 a .&. I16 b = I16 (a .&. b)
  I16 a .|. I16 b = I16 (a .|. b)
  xor (I16 a) (I16 b) = I16 (xor a b)
  complement (I16 a) = I16 (narrowInt16 (complement a))
  zeroBits = I16 0
  bit i = if i >= 0 && i < 16 then I16 (narrowInt16 (bit i)) else I16 0
  testBit (I16 a) i = i >= 0 && i < 16 && testBit a i
  shiftL (I16 a) i = I16 (narrowInt16 (shiftL a i))
  shiftR (I16 a) i = I16 (shiftR a i)
  rotateL x i = let k = i `mod` 16; u = unsignedInt16 x in if k == 0 then x else I16 (narrowInt16 (shiftL u k .|. shiftR u (16 - k)))
  rotateR x i = rotateL x (16 - i `mod` 16)
  bitSizeMaybe _ = Just 16
  bitSize _ = 16
  isSigned _ = True
  popCount x = popCount (unsignedInt16 x)

instance FiniteBits Int16 where
  finiteBitSize _ = 16
  countLeadingZeros x = countLeadingZeros (unsignedInt16 x) - 48
  countTrailingZeros (I16 a) = if a == 0 then 16 else countTrailingZeros a

-- | A signed 32-bit integer (arithmetic wraps).
newtype Int32 = I32 Int

-- | The low 32 bits of an Int, sign-extended.
narrowInt32 :: Int -> Int
narrowInt32 (I# x) = I# (narrowInt# 32# x)

instance Eq Int32 where
  I32 a == I32 b = a == b

instance Ord Int32 where
  compare (I32 a) (I32 b) = compare a b
  I32 a < I32 b = a < b
  I32 a <= I32 b = a <= b
  I32 a > I32 b = a > b
  I32 a >= I32 b = a >= b

instance Show Int32 where
  showsPrec p (I32 a) = showsPrec p a

instance Read Int32 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Int32 where
  minBound = I32 (-2147483648)
  maxBound = I32 2147483647

instance Num Int32 where
  I32 a + I32 b = I32 (narrowInt32 (a + b))
  I32 a - I32 b = I32 (narrowInt32 (a - b))
  I32 a * I32 b = I32 (narrowInt32 (a * b))
  negate (I32 a) = I32 (narrowInt32 (negate a))
  abs (I32 a) = I32 (narrowInt32 (abs a))
  signum (I32 a) = I32 (signum a)
  fromInteger i = I32 (narrowInt32 (fromInteger i))

instance Real Int32 where
  toRational (I32 a) = toRational a

instance Enum Int32 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Int32}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Int32}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (-2147483648) && n <= 2147483647 then I32 n else errorWithoutStackTrace ("Enum.toEnum{Int32}: tag (" ++ show n ++ ") is outside of bounds (-2147483648,2147483647)")
  fromEnum (I32 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (I32 a) (I32 b) = map I32 (enumFromTo a b)
  enumFromThenTo (I32 a) (I32 b) (I32 c) = map I32 (enumFromThenTo a b c)

instance Integral Int32 where
  quot (I32 a) (I32 b)
    | b == (-1) && a == (-2147483648) = overflowError
    | otherwise = I32 (quot a b)
  div (I32 a) (I32 b)
    | b == (-1) && a == (-2147483648) = overflowError
    | otherwise = I32 (div a b)
  rem (I32 a) (I32 b) = I32 (rem a b)
  mod (I32 a) (I32 b) = I32 (mod a b)
  quotRem (I32 a) (I32 b)
    | b == (-1) && a == (-2147483648) = (overflowError, 0)
    | otherwise = case quotRem a b of (q, r) -> (I32 q, I32 r)
  divMod (I32 a) (I32 b)
    | b == (-1) && a == (-2147483648) = (overflowError, 0)
    | otherwise = case divMod a b of (q, r) -> (I32 q, I32 r)
  toInteger (I32 a) = toInteger a

instance Ix Int32 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Int32}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 32 bits as a non-negative Int.
unsignedInt32 :: Int32 -> Int
unsignedInt32 (I32 (I# x)) = I# (narrowWord# 32# x)

instance Bits Int32 where
  I32 a .&. I32 b = I32 (a .&. b)
  I32 a .|. I32 b = I32 (a .|. b)
  xor (I32 a) (I32 b) = I32 (xor a b)
  complement (I32 a) = I32 (narrowInt32 (complement a))
  zeroBits = I32 0
  bit i = if i >= 0 && i < 32 then I32 (narrowInt32 (bit i)) else I32 0
  testBit (I32 a) i = i >= 0 && i < 32 && testBit a i
  shiftL (I32 a) i = I32 (narrowInt32 (shiftL a i))
  shiftR (I32 a) i = I32 (shiftR a i)
  rotateL x i = let k = i `mod` 32; u = unsignedInt32 x in if k == 0 then x else I32 (narrowInt32 (shiftL u k .|. shiftR u (32 - k)))
  rotateR x i = rotateL x (32 - i `mod` 32)
  bitSizeMaybe _ = Just 32
  bitSize _ = 32
  isSigned _ = True
  popCount x = popCount (unsignedInt32 x)

instance FiniteBits Int32 where
  finiteBitSize _ = 32
  countLeadingZeros x = countLeadingZeros (unsignedInt32 x) - 32
  countTrailingZeros (I32 a) = if a == 0 then 32 else countTrailingZeros a

-- | A signed 64-bit integer: Int's operations at its own type.
newtype Int64 = I64 Int

instance Eq Int64 where
  I64 a == I64 b = a == b

instance Ord Int64 where
  compare (I64 a) (I64 b) = compare a b
  I64 a < I64 b = a < b
  I64 a <= I64 b = a <= b
  I64 a > I64 b = a > b
  I64 a >= I64 b = a >= b

instance Show Int64 where
  showsPrec p (I64 a) = showsPrec p a

instance Read Int64 where
  readsPrec p s = [(I64 a, r) | (a, r) <- readsPrec p s]

instance Bounded Int64 where
  minBound = I64 minBound
  maxBound = I64 maxBound

instance Num Int64 where
  I64 a + I64 b = I64 (a + b)
  I64 a - I64 b = I64 (a - b)
  I64 a * I64 b = I64 (a * b)
  negate (I64 a) = I64 (negate a)
  abs (I64 a) = I64 (abs a)
  signum (I64 a) = I64 (signum a)
  fromInteger i = I64 (fromInteger i)

instance Real Int64 where
  toRational (I64 a) = toRational a

instance Enum Int64 where
  succ (I64 a) = I64 (succ a)
  pred (I64 a) = I64 (pred a)
  toEnum n = I64 (toEnum n)
  fromEnum (I64 a) = fromEnum a
  enumFrom (I64 a) = map I64 (enumFrom a)
  enumFromThen (I64 a) (I64 b) = map I64 (enumFromThen a b)
  enumFromTo (I64 a) (I64 b) = map I64 (enumFromTo a b)
  enumFromThenTo (I64 a) (I64 b) (I64 c) = map I64 (enumFromThenTo a b c)

instance Integral Int64 where
  quot (I64 a) (I64 b) = I64 (quot a b)
  rem (I64 a) (I64 b) = I64 (rem a b)
  div (I64 a) (I64 b) = I64 (div a b)
  mod (I64 a) (I64 b) = I64 (mod a b)
  quotRem (I64 a) (I64 b) = case quotRem a b of (q, r) -> (I64 q, I64 r)
  divMod (I64 a) (I64 b) = case divMod a b of (q, r) -> (I64 q, I64 r)
  toInteger (I64 a) = toInteger a

instance Ix Int64 where
  range (m, n) = [m .. n]
  unsafeIndex (I64 m, _) (I64 i) = unsafeIndex (m, m) i
  index (I64 m, I64 n) (I64 i) = index (m, n) i
  inRange (I64 m, I64 n) (I64 i) = inRange (m, n) i

instance Bits Int64 where
  I64 a .&. I64 b = I64 (a .&. b)
  I64 a .|. I64 b = I64 (a .|. b)
  xor (I64 a) (I64 b) = I64 (xor a b)
  complement (I64 a) = I64 (complement a)
  zeroBits = I64 zeroBits
  bit i = I64 (bit i)
  testBit (I64 a) i = testBit a i
  shiftL (I64 a) i = I64 (shiftL a i)
  shiftR (I64 a) i = I64 (shiftR a i)
  unsafeShiftL (I64 a) i = I64 (unsafeShiftL a i)
  unsafeShiftR (I64 a) i = I64 (unsafeShiftR a i)
  rotateL (I64 a) i = I64 (rotateL a i)
  rotateR (I64 a) i = I64 (rotateR a i)
  bitSizeMaybe _ = Just 64
  bitSize _ = 64
  isSigned _ = True
  popCount (I64 a) = popCount a

instance FiniteBits Int64 where
  finiteBitSize _ = 64
  countLeadingZeros (I64 a) = countLeadingZeros a
  countTrailingZeros (I64 a) = countTrailingZeros a
