-- Pseudo-random Integer arithmetic across the small/big boundary: every operation's
-- results (checked against GHC) and the identities that tie them together.
import Data.Bits

-- | A linear congruential generator (Knuth's MMIX constants), modulo 2^64.
lcg :: Integer -> Integer
lcg s = (6364136223846793005 * s + 1442695040888963407) `mod` 18446744073709551616

-- | Numbers of 1 to 200 bits, of both signs.
integers :: Int -> [Integer]
integers n = take n (go 42)
  where
    go s = let s1 = lcg s
               s2 = lcg s1
               s3 = lcg s2
               bits = fromInteger (s1 `mod` 200) + 1
               x = (s2 * 18446744073709551616 * 18446744073709551616 * 18446744073709551616 + s3 * s1) `mod` (2 ^ bits)
           in (if odd (s3 `div` 65536) then negate x else x) : go s3

main :: IO ()
main = do
  let xs = integers 400
      pairs = zip xs (drop 1 xs)
  mapM_ (\(a, b) -> print (a + b, a - b, a * b)) (take 30 pairs)
  mapM_ (\(a, b) -> print (quotRem a b, divMod a b, gcd a b)) (take 30 [(a, b) | (a, b) <- pairs, b /= 0])
  mapM_ (\(a, b) -> print (a .&. b, a .|. b, xor a b, shiftR a 7, shiftL a 3, popCount a)) (take 15 pairs)
  print (and [q * b + r == a && abs r < abs b && signum r /= negate (signum b) | (a, b) <- pairs, b /= 0, let (q, r) = quotRem a b])
  print (and [q * b + r == a && (r == 0 || signum r == signum b) | (a, b) <- pairs, b /= 0, let (q, r) = divMod a b])
  print (and [read (show a) == a && (a + b) - b == a && compare a b == compare (a - b) 0 | (a, b) <- pairs])
  print (sum xs, product (take 20 xs), maximum xs, minimum xs)
