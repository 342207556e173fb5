-- Pseudo-random arithmetic at the sized integral types (wrapping, division rounding,
-- shifts and rotations past the width, bit counts), showHex/readHex and showOct/
-- readOct round trips, and Ratio normalisation: results checked against GHC, plus
-- the identities that must hold for every value.
import Data.Bits
import Data.Int
import Data.Ratio
import Data.Word
import Numeric (showHex, readHex, showOct, readOct)

-- | A linear congruential generator (Knuth's MMIX constants), modulo 2^64.
lcg :: Word64 -> Word64
lcg s = 6364136223846793005 * s + 1442695040888963407

randoms :: Int -> [Word64]
randoms n = take n (tail (iterate lcg 7))

-- | The same bits at a sized type (fromIntegral wraps).
at :: Num a => Word64 -> a
at = fromIntegral

ops :: (Show a, Integral a, Bits a) => [a] -> [String]
ops xs =
  [ show (a + b, a - b, a * b, negate a, abs a, signum a)
      ++ (if b /= 0 && not (b == -1 && a == minBound') then show (quotRem a b, divMod a b) else "")
      ++ show (a .&. b, a .|. b, xor a b, complement a, shiftL a k, shiftR a k, rotate a k, popCount a, testBit a k)
  | (a, b, k) <- zip3 xs (drop 1 xs) (map ((`mod` 70) . fromIntegral) (drop 2 xs)) ]
  where minBound' = if isSigned (head xs) then bit (finiteBitSizeOf (head xs) - 1) else 0
        finiteBitSizeOf v = maybe 64 id (bitSizeMaybe v)

laws :: (Integral a, Bits a) => [a] -> Bool
laws xs = and
  [ (a + b) - b == a && xor (xor a b) b == a && complement (complement a) == a
    && (b == 0 || (b == -1 && a < 0 && a == negate a) || (let (q, r) = quotRem a b in q * b + r == a))
    && (b == 0 || (b == -1 && a < 0 && a == negate a) || (let (q, r) = divMod a b in q * b + r == a))
    && popCount a + popCount (complement a) == maybe 0 id (bitSizeMaybe a)
  | (a, b) <- zip xs (drop 1 xs) ]

main :: IO ()
main = do
  let ws = randoms 5
  mapM_ putStrLn (ops (map at ws :: [Int8]))
  mapM_ putStrLn (ops (map at ws :: [Word16]))
  mapM_ putStrLn (ops (map at ws :: [Int32]))
  mapM_ putStrLn (ops (map at ws :: [Word64]))
  mapM_ putStrLn (ops (map at ws :: [Int]))
  let many = randoms 24
  print (laws (map at many :: [Int8]), laws (map at many :: [Int16]), laws (map at many :: [Int32]), laws (map at many :: [Int64]))
  print (laws (map at many :: [Word8]), laws (map at many :: [Word16]), laws (map at many :: [Word32]), laws (map at many :: [Word]))
  print (and [fst (head (readHex (showHex w ""))) == w && fst (head (readOct (showOct w ""))) == w | w <- many])
  print (and [fst (head (readHex (showHex n ""))) == n | w <- many, let n = toInteger w * toInteger w * 12345 :: Integer])
  print (map (\w -> showHex w "") (take 5 many), map (\w -> showOct (at w :: Word16) "") (take 5 many))
  let ratios = [ (at a `mod` 2001 - 1000) % (at b `mod` 999 - 499) | (a, b) <- zip many (drop 1 many), at b `mod` 999 /= (499 :: Integer) ] :: [Rational]
  print (take 8 ratios)
  print (and [denominator r > 0 && gcd (numerator r) (denominator r) == 1 | r <- ratios])
  print (sum (take 12 ratios), product (take 6 ratios), and [r * recip r == 1 | r <- ratios, r /= 0])
