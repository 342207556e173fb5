-- Data.Bits: bitwise operations on integral types (GHC's module of the same name).
-- Int is 64-bit two's complement; Integer behaves as an infinite two's complement
-- number. Word and the sized types get their instances in Data.Word and Data.Int.
module Data.Bits
  ( Bits(..), FiniteBits(..)
  , bitDefault, testBitDefault, popCountDefault, toIntegralSized, oneBits
  , (.^.), (.>>.), (.<<.), (!>>.), (!<<.)
  ) where

infixl 8 `shift`, `rotate`, `shiftL`, `shiftR`, `rotateL`, `rotateR`
infixl 7 .&.
infixl 6 `xor`
infixl 5 .|.
infixl 8 .>>., .<<., !>>., !<<.
infixl 6 .^.

class Eq a => Bits a where
  (.&.), (.|.), xor :: a -> a -> a
  complement :: a -> a
  -- | Shift left for a positive count, right (arithmetically) for a negative one.
  shift :: a -> Int -> a
  rotate :: a -> Int -> a
  zeroBits :: a
  bit :: Int -> a
  setBit, clearBit, complementBit :: a -> Int -> a
  testBit :: a -> Int -> Bool
  bitSizeMaybe :: a -> Maybe Int
  bitSize :: a -> Int
  isSigned :: a -> Bool
  shiftL, shiftR, unsafeShiftL, unsafeShiftR :: a -> Int -> a
  rotateL, rotateR :: a -> Int -> a
  popCount :: a -> Int
  shift x i
    | i >= 0 = shiftL x i
    | otherwise = shiftR x (negate i)
  rotate x i
    | i >= 0 = rotateL x i
    | otherwise = rotateR x (negate i)
  zeroBits = clearBit (bit 0) 0
  setBit x i = x .|. bit i
  clearBit x i = x .&. complement (bit i)
  complementBit x i = x `xor` bit i
  bitSize x = case bitSizeMaybe x of
    Just n -> n
    Nothing -> errorWithoutStackTrace "Data.Bits.bitSize: size is undefined"
  shiftL x i = shift x i
  shiftR x i = shift x (negate i)
  unsafeShiftL = shiftL
  unsafeShiftR = shiftR
  rotateL x i = rotate x i
  rotateR x i = rotate x (negate i)

class Bits b => FiniteBits b where
  finiteBitSize :: b -> Int
  countLeadingZeros, countTrailingZeros :: b -> Int
  countLeadingZeros x = (w - 1) - go (w - 1)
    where
      go i
        | i < 0 = i
        | testBit x i = i
        | otherwise = go (i - 1)
      w = finiteBitSize x
  countTrailingZeros x = go 0
    where
      go i
        | i >= w = i
        | testBit x i = i
        | otherwise = go (i + 1)
      w = finiteBitSize x

-- | bit from shifting 1 (for instances of Num).
bitDefault :: (Bits a, Num a) => Int -> a
bitDefault i = 1 `shiftL` i

testBitDefault :: (Bits a, Num a) => a -> Int -> Bool
testBitDefault x i = (x .&. bit i) /= 0

-- | Count the set bits by clearing the lowest one at a time.
popCountDefault :: (Bits a, Num a) => a -> Int
popCountDefault = go 0
  where
    go c 0 = c
    go c w = c `seq` go (c + 1) (w .&. (w - 1))

-- | All bits set.
oneBits :: Bits a => a
oneBits = complement zeroBits

(.^.) :: Bits a => a -> a -> a
(.^.) = xor

(.>>.), (.<<.), (!>>.), (!<<.) :: Bits a => a -> Int -> a
(.>>.) = shiftR
(.<<.) = shiftL
(!>>.) = unsafeShiftR
(!<<.) = unsafeShiftL

-- | Convert when the value fits in the target type.
toIntegralSized :: (Integral a, Integral b, Bounded b) => a -> Maybe b
toIntegralSized x =
  let y = fromIntegral x
  in if toInteger y == toInteger x then Just y else Nothing

instance Bits Int where
  I# x .&. I# y = I# (andI# x y)
  I# x .|. I# y = I# (orI# x y)
  xor (I# x) (I# y) = I# (xorI# x y)
  complement (I# x) = I# (notI# x)
  zeroBits = 0
  bit i = if i >= 0 && i < 64 then 1 `shiftL` i else 0
  testBit x i = i >= 0 && i < 64 && (x .&. (1 `shiftL` i)) /= 0
  shiftL (I# x) (I# i) = if isTrue# (i >=# 64#) then I# 0# else I# (uncheckedIShiftL# x i)
  shiftR (I# x) (I# i) = if isTrue# (i >=# 64#) then (if isTrue# (x <# 0#) then I# (negateInt# 1#) else I# 0#)
    else I# (uncheckedIShiftRA# x i)
  unsafeShiftL (I# x) (I# i) = I# (uncheckedIShiftL# x i)
  unsafeShiftR (I# x) (I# i) = I# (uncheckedIShiftRA# x i)
  rotateL x i = rotateInt x (i `mod` 64)
  rotateR x i = rotateInt x ((negate i) `mod` 64)
  bitSizeMaybe _ = Just 64
  bitSize _ = 64
  isSigned _ = True
  popCount (I# x) = I# (popCnt# x)

-- Rotate left by 0..63: the bits shifted out at the top come back at the bottom
-- (a logical shift right, made from the arithmetic one by masking).
rotateInt :: Int -> Int -> Int
rotateInt x 0 = x
rotateInt x@(I# x#) i@(I# i#) =
  let low = I# (andI# (uncheckedIShiftRA# x# (64# -# i#)) (uncheckedIShiftL# 1# i# -# 1#))
  in shiftL x i .|. low

instance FiniteBits Int where
  finiteBitSize _ = 64
  countLeadingZeros (I# x) = I# (clz# x)
  countTrailingZeros (I# x) = I# (ctz# x)

instance Bits Integer where
  (.&.) = integerAnd
  (.|.) = integerOr
  xor = integerXor
  complement = integerComplement
  zeroBits = 0
  bit i = integerShiftL 1 i
  testBit = integerTestBit
  shiftL x i = integerShiftL x i
  shiftR x i = integerShiftR x i
  rotateL = shiftL
  rotateR = shiftR
  bitSizeMaybe _ = Nothing
  bitSize _ = errorWithoutStackTrace "Data.Bits.bitSize(Integer)"
  isSigned _ = True
  popCount = integerPopCount

instance Bits Bool where
  (.&.) = (&&)
  (.|.) = (||)
  xor = (/=)
  complement = not
  zeroBits = False
  bit 0 = True
  bit _ = False
  testBit x 0 = x
  testBit _ _ = False
  shift x 0 = x
  shift _ _ = False
  rotate x _ = x
  bitSizeMaybe _ = Just 1
  bitSize _ = 1
  isSigned _ = False
  popCount False = 0
  popCount True = 1

instance FiniteBits Bool where
  finiteBitSize _ = 1
  countTrailingZeros x = if x then 0 else 1
  countLeadingZeros x = if x then 0 else 1

instance Bits Word where
  W# x .&. W# y = W# (andI# x y)
  W# x .|. W# y = W# (orI# x y)
  xor (W# x) (W# y) = W# (xorI# x y)
  complement (W# x) = W# (notI# x)
  zeroBits = 0
  bit i = if i >= 0 && i < 64 then 1 `shiftL` i else 0
  testBit (W# x) i = testBit (I# x) i
  shiftL (W# x) (I# i) = if isTrue# (i >=# 64#) then W# 0# else W# (uncheckedIShiftL# x i)
  shiftR (W# x) (I# i) = if isTrue# (i >=# 64#) then W# 0# else W# (uncheckedShiftRL# x i)
  unsafeShiftL (W# x) (I# i) = W# (uncheckedIShiftL# x i)
  unsafeShiftR (W# x) (I# i) = W# (uncheckedShiftRL# x i)
  rotateL (W# x) i = case rotateL (I# x) i of I# r -> W# r
  rotateR (W# x) i = case rotateR (I# x) i of I# r -> W# r
  bitSizeMaybe _ = Just 64
  bitSize _ = 64
  isSigned _ = False
  popCount (W# x) = I# (popCnt# x)

instance FiniteBits Word where
  finiteBitSize _ = 64
  countLeadingZeros (W# x) = I# (clz# x)
  countTrailingZeros (W# x) = I# (ctz# x)
