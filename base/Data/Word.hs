-- Data.Word: unsigned integers of 8, 16, 32 and 64 bits, and Word (GHC's module of the
-- same name). Word8..Word32 are held in an Int, zero-extended, and every result is
-- narrowed back, so arithmetic wraps as on GHC; Word64 has Word's operations at its
-- own type.
module Data.Word
  ( Word, Word8, Word16, Word32, Word64
  , byteSwap16, byteSwap32, byteSwap64
  ) where

import Data.Bits
import Data.Ix

-- | An unsigned 8-bit integer (arithmetic wraps).
newtype Word8 = W8 Int

-- | The low 8 bits of an Int, zero-extended.
narrowWord8 :: Int -> Int
narrowWord8 (I# x) = I# (narrowWord# 8# x)

instance Eq Word8 where
  W8 a == W8 b = a == b

instance Ord Word8 where
  compare (W8 a) (W8 b) = compare a b
  W8 a < W8 b = a < b
  W8 a <= W8 b = a <= b
  W8 a > W8 b = a > b
  W8 a >= W8 b = a >= b

instance Show Word8 where
  showsPrec p (W8 a) = showsPrec p a

instance Read Word8 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Word8 where
  minBound = W8 (0)
  maxBound = W8 255

instance Num Word8 where
  W8 a + W8 b = W8 (narrowWord8 (a + b))
  W8 a - W8 b = W8 (narrowWord8 (a - b))
  W8 a * W8 b = W8 (narrowWord8 (a * b))
  negate (W8 a) = W8 (narrowWord8 (negate a))
  abs x = x
  signum (W8 a) = W8 (signum a)
  fromInteger i = W8 (narrowWord8 (fromInteger i))

instance Real Word8 where
  toRational (W8 a) = toRational a

instance Enum Word8 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Word8}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Word8}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (0) && n <= 255 then W8 n else errorWithoutStackTrace ("Enum.toEnum{Word8}: tag (" ++ show n ++ ") is outside of bounds (0,255)")
  fromEnum (W8 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (W8 a) (W8 b) = map W8 (enumFromTo a b)
  enumFromThenTo (W8 a) (W8 b) (W8 c) = map W8 (enumFromThenTo a b c)

instance Integral Word8 where
  quot (W8 a) (W8 b)
    | otherwise = W8 (quot a b)
  div (W8 a) (W8 b)
    | otherwise = W8 (div a b)
  rem (W8 a) (W8 b) = W8 (rem a b)
  mod (W8 a) (W8 b) = W8 (mod a b)
  quotRem (W8 a) (W8 b)
    | otherwise = case quotRem a b of (q, r) -> (W8 q, W8 r)
  divMod (W8 a) (W8 b)
    | otherwise = case divMod a b of (q, r) -> (W8 q, W8 r)
  toInteger (W8 a) = toInteger a

instance Ix Word8 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Word8}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 8 bits as a non-negative Int.
unsignedWord8 :: Word8 -> Int
unsignedWord8 (W8 (I# x)) = I# (narrowWord# 8# x)

instance Bits Word8 where
  W8 a .&. W8 b = W8 (a .&. b)
  W8 a .|. W8 b = W8 (a .|. b)
  xor (W8 a) (W8 b) = W8 (xor a b)
  complement (W8 a) = W8 (narrowWord8 (complement a))
  zeroBits = W8 0
  bit i = if i >= 0 && i < 8 then W8 (narrowWord8 (bit i)) else W8 0
  testBit (W8 a) i = i >= 0 && i < 8 && testBit a i
  shiftL (W8 a) i = W8 (narrowWord8 (shiftL a i))
  shiftR (W8 a) i = W8 (shiftR a i)
  rotateL x i = let k = i `mod` 8; u = unsignedWord8 x in if k == 0 then x else W8 (narrowWord8 (shiftL u k .|. shiftR u (8 - k)))
  rotateR x i = rotateL x (8 - i `mod` 8)
  bitSizeMaybe _ = Just 8
  bitSize _ = 8
  isSigned _ = False
  popCount x = popCount (unsignedWord8 x)

instance FiniteBits Word8 where
  finiteBitSize _ = 8
  countLeadingZeros x = countLeadingZeros (unsignedWord8 x) - 56
  countTrailingZeros (W8 a) = if a == 0 then 8 else countTrailingZeros a

-- | An unsigned 16-bit integer (arithmetic wraps).
newtype Word16 = W16 Int

-- | The low 16 bits of an Int, zero-extended.
narrowWord16 :: Int -> Int
narrowWord16 (I# x) = I# (narrowWord# 16# x)

instance Eq Word16 where
  W16 a == W16 b = a == b

instance Ord Word16 where
  compare (W16 a) (W16 b) = compare a b
  W16 a < W16 b = a < b
  W16 a <= W16 b = a <= b
  W16 a > W16 b = a > b
  W16 a >= W16 b = a >= b

instance Show Word16 where
  showsPrec p (W16 a) = showsPrec p a

instance Read Word16 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Word16 where
  minBound = W16 (0)
  maxBound = W16 65535

instance Num Word16 where
  W16 a + W16 b = W16 (narrowWord16 (a + b))
  W16 a - W16 b = W16 (narrowWord16 (a - b))
  W16 a * W16 b = W16 (narrowWord16 (a * b))
  negate (W16 a) = W16 (narrowWord16 (negate a))
  abs x = x
  signum (W16 a) = W16 (signum a)
  fromInteger i = W16 (narrowWord16 (fromInteger i))

instance Real Word16 where
  toRational (W16 a) = toRational a

instance Enum Word16 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Word16}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Word16}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (0) && n <= 65535 then W16 n else errorWithoutStackTrace ("Enum.toEnum{Word16}: tag (" ++ show n ++ ") is outside of bounds (0,65535)")
  fromEnum (W16 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (W16 a) (W16 b) = map W16 (enumFromTo a b)
  enumFromThenTo (W16 a) (W16 b) (W16 c) = map W16 (enumFromThenTo a b c)

instance Integral Word16 where
  quot (W16 a) (W16 b)
    | otherwise = W16 (quot a b)
  div (W16 a) (W16 b)
    | otherwise = W16 (div a b)
  rem (W16 a) (W16 b) = W16 (rem a b)
  mod (W16 a) (W16 b) = W16 (mod a b)
  quotRem (W16 a) (W16 b)
    | otherwise = case quotRem a b of (q, r) -> (W16 q, W16 r)
  divMod (W16 a) (W16 b)
    | otherwise = case divMod a b of (q, r) -> (W16 q, W16 r)
  toInteger (W16 a) = toInteger a

instance Ix Word16 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Word16}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 16 bits as a non-negative Int.
unsignedWord16 :: Word16 -> Int
unsignedWord16 (W16 (I# x)) = I# (narrowWord# 16# x)

instance Bits Word16 where
  W16 a .&. W16 b = W16 (a .&. b)
  W16 a .|. W16 b = W16 (a .|. b)
  xor (W16 a) (W16 b) = W16 (xor a b)
  complement (W16 a) = W16 (narrowWord16 (complement a))
  zeroBits = W16 0
  bit i = if i >= 0 && i < 16 then W16 (narrowWord16 (bit i)) else W16 0
  testBit (W16 a) i = i >= 0 && i < 16 && testBit a i
  shiftL (W16 a) i = W16 (narrowWord16 (shiftL a i))
  shiftR (W16 a) i = W16 (shiftR a i)
  rotateL x i = let k = i `mod` 16; u = unsignedWord16 x in if k == 0 then x else W16 (narrowWord16 (shiftL u k .|. shiftR u (16 - k)))
  rotateR x i = rotateL x (16 - i `mod` 16)
  bitSizeMaybe _ = Just 16
  bitSize _ = 16
  isSigned _ = False
  popCount x = popCount (unsignedWord16 x)

instance FiniteBits Word16 where
  finiteBitSize _ = 16
  countLeadingZeros x = countLeadingZeros (unsignedWord16 x) - 48
  countTrailingZeros (W16 a) = if a == 0 then 16 else countTrailingZeros a

-- | An unsigned 32-bit integer (arithmetic wraps).
newtype Word32 = W32 Int

-- | The low 32 bits of an Int, zero-extended.
narrowWord32 :: Int -> Int
narrowWord32 (I# x) = I# (narrowWord# 32# x)

instance Eq Word32 where
  W32 a == W32 b = a == b

instance Ord Word32 where
  compare (W32 a) (W32 b) = compare a b
  W32 a < W32 b = a < b
  W32 a <= W32 b = a <= b
  W32 a > W32 b = a > b
  W32 a >= W32 b = a >= b

instance Show Word32 where
  showsPrec p (W32 a) = showsPrec p a

instance Read Word32 where
  readsPrec p s = [(fromInteger n, r) | (n, r) <- readsPrec p s]

instance Bounded Word32 where
  minBound = W32 (0)
  maxBound = W32 4294967295

instance Num Word32 where
  W32 a + W32 b = W32 (narrowWord32 (a + b))
  W32 a - W32 b = W32 (narrowWord32 (a - b))
  W32 a * W32 b = W32 (narrowWord32 (a * b))
  negate (W32 a) = W32 (narrowWord32 (negate a))
  abs x = x
  signum (W32 a) = W32 (signum a)
  fromInteger i = W32 (narrowWord32 (fromInteger i))

instance Real Word32 where
  toRational (W32 a) = toRational a

instance Enum Word32 where
  succ x = if x == maxBound then errorWithoutStackTrace "Enum.succ{Word32}: tried to take `succ' of maxBound" else x + 1
  pred x = if x == minBound then errorWithoutStackTrace "Enum.pred{Word32}: tried to take `pred' of minBound" else x - 1
  toEnum n = if n >= (0) && n <= 4294967295 then W32 n else errorWithoutStackTrace ("Enum.toEnum{Word32}: tag (" ++ show n ++ ") is outside of bounds (0,4294967295)")
  fromEnum (W32 a) = a
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen
  enumFromTo (W32 a) (W32 b) = map W32 (enumFromTo a b)
  enumFromThenTo (W32 a) (W32 b) (W32 c) = map W32 (enumFromThenTo a b c)

instance Integral Word32 where
  quot (W32 a) (W32 b)
    | otherwise = W32 (quot a b)
  div (W32 a) (W32 b)
    | otherwise = W32 (div a b)
  rem (W32 a) (W32 b) = W32 (rem a b)
  mod (W32 a) (W32 b) = W32 (mod a b)
  quotRem (W32 a) (W32 b)
    | otherwise = case quotRem a b of (q, r) -> (W32 q, W32 r)
  divMod (W32 a) (W32 b)
    | otherwise = case divMod a b of (q, r) -> (W32 q, W32 r)
  toInteger (W32 a) = toInteger a

instance Ix Word32 where
  range (m, n) = [m .. n]
  unsafeIndex (m, _) i = fromEnum i - fromEnum m
  index b i
    | inRange b i = unsafeIndex b i
    | otherwise = errorWithoutStackTrace ("Ix{Word32}.index: Index (" ++ show i ++ ") out of range (" ++ show b ++ ")")
  inRange (m, n) i = m <= i && i <= n

-- | The 32 bits as a non-negative Int.
unsignedWord32 :: Word32 -> Int
unsignedWord32 (W32 (I# x)) = I# (narrowWord# 32# x)

instance Bits Word32 where
  W32 a .&. W32 b = W32 (a .&. b)
  W32 a .|. W32 b = W32 (a .|. b)
  xor (W32 a) (W32 b) = W32 (xor a b)
  complement (W32 a) = W32 (narrowWord32 (complement a))
  zeroBits = W32 0
  bit i = if i >= 0 && i < 32 then W32 (narrowWord32 (bit i)) else W32 0
  testBit (W32 a) i = i >= 0 && i < 32 && testBit a i
  shiftL (W32 a) i = W32 (narrowWord32 (shiftL a i))
  shiftR (W32 a) i = W32 (shiftR a i)
  rotateL x i = let k = i `mod` 32; u = unsignedWord32 x in if k == 0 then x else W32 (narrowWord32 (shiftL u k .|. shiftR u (32 - k)))
  rotateR x i = rotateL x (32 - i `mod` 32)
  bitSizeMaybe _ = Just 32
  bitSize _ = 32
  isSigned _ = False
  popCount x = popCount (unsignedWord32 x)

instance FiniteBits Word32 where
  finiteBitSize _ = 32
  countLeadingZeros x = countLeadingZeros (unsignedWord32 x) - 32
  countTrailingZeros (W32 a) = if a == 0 then 32 else countTrailingZeros a

-- | An unsigned 64-bit integer: Word's operations at its own type.
newtype Word64 = W64 Word

instance Eq Word64 where
  W64 a == W64 b = a == b

instance Ord Word64 where
  compare (W64 a) (W64 b) = compare a b
  W64 a < W64 b = a < b
  W64 a <= W64 b = a <= b
  W64 a > W64 b = a > b
  W64 a >= W64 b = a >= b

instance Show Word64 where
  showsPrec p (W64 a) = showsPrec p a

instance Read Word64 where
  readsPrec p s = [(W64 a, r) | (a, r) <- readsPrec p s]

instance Bounded Word64 where
  minBound = W64 minBound
  maxBound = W64 maxBound

instance Num Word64 where
  W64 a + W64 b = W64 (a + b)
  W64 a - W64 b = W64 (a - b)
  W64 a * W64 b = W64 (a * b)
  negate (W64 a) = W64 (negate a)
  abs (W64 a) = W64 (abs a)
  signum (W64 a) = W64 (signum a)
  fromInteger i = W64 (fromInteger i)

instance Real Word64 where
  toRational (W64 a) = toRational a

instance Enum Word64 where
  succ (W64 a) = W64 (succ a)
  pred (W64 a) = W64 (pred a)
  toEnum n = W64 (toEnum n)
  fromEnum (W64 a) = fromEnum a
  enumFrom (W64 a) = map W64 (enumFrom a)
  enumFromThen (W64 a) (W64 b) = map W64 (enumFromThen a b)
  enumFromTo (W64 a) (W64 b) = map W64 (enumFromTo a b)
  enumFromThenTo (W64 a) (W64 b) (W64 c) = map W64 (enumFromThenTo a b c)

instance Integral Word64 where
  quot (W64 a) (W64 b) = W64 (quot a b)
  rem (W64 a) (W64 b) = W64 (rem a b)
  div (W64 a) (W64 b) = W64 (div a b)
  mod (W64 a) (W64 b) = W64 (mod a b)
  quotRem (W64 a) (W64 b) = case quotRem a b of (q, r) -> (W64 q, W64 r)
  divMod (W64 a) (W64 b) = case divMod a b of (q, r) -> (W64 q, W64 r)
  toInteger (W64 a) = toInteger a

instance Ix Word64 where
  range (m, n) = [m .. n]
  unsafeIndex (W64 m, _) (W64 i) = unsafeIndex (m, m) i
  index (W64 m, W64 n) (W64 i) = index (m, n) i
  inRange (W64 m, W64 n) (W64 i) = inRange (m, n) i

instance Bits Word64 where
  W64 a .&. W64 b = W64 (a .&. b)
  W64 a .|. W64 b = W64 (a .|. b)
  xor (W64 a) (W64 b) = W64 (xor a b)
  complement (W64 a) = W64 (complement a)
  zeroBits = W64 zeroBits
  bit i = W64 (bit i)
  testBit (W64 a) i = testBit a i
  shiftL (W64 a) i = W64 (shiftL a i)
  shiftR (W64 a) i = W64 (shiftR a i)
  unsafeShiftL (W64 a) i = W64 (unsafeShiftL a i)
  unsafeShiftR (W64 a) i = W64 (unsafeShiftR a i)
  rotateL (W64 a) i = W64 (rotateL a i)
  rotateR (W64 a) i = W64 (rotateR a i)
  bitSizeMaybe _ = Just 64
  bitSize _ = 64
  isSigned _ = False
  popCount (W64 a) = popCount a

instance FiniteBits Word64 where
  finiteBitSize _ = 64
  countLeadingZeros (W64 a) = countLeadingZeros a
  countTrailingZeros (W64 a) = countTrailingZeros a

-- | The bytes in reverse order.
byteSwap16 :: Word16 -> Word16
byteSwap16 w = (w `shiftL` 8) .|. (w `shiftR` 8)

byteSwap32 :: Word32 -> Word32
byteSwap32 w = foldr (\i acc -> acc .|. (((w `shiftR` (8 * i)) .&. 0xff) `shiftL` (8 * (3 - i)))) 0 [0 .. 3]

byteSwap64 :: Word64 -> Word64
byteSwap64 w = foldr (\i acc -> acc .|. (((w `shiftR` (8 * i)) .&. 0xff) `shiftL` (8 * (7 - i)))) 0 [0 .. 7]
