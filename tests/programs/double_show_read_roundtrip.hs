-- Show/read round trips for pseudo-random Doubles and Floats over the whole exponent
-- range (subnormals included): the text is GHC's, and reading it back is exact.

-- | A linear congruential generator (Knuth's MMIX constants), modulo 2^64.
lcg :: Integer -> Integer
lcg s = (6364136223846793005 * s + 1442695040888963407) `mod` 18446744073709551616

doubles :: Int -> [Double]
doubles n = take n (go 12345)
  where
    go s = let s1 = lcg s
               s2 = lcg s1
               m = s1 `mod` 9007199254740992
               e = fromInteger (s2 `mod` 2100) - 1100
               x = encodeFloat m e
           in (if even (s2 `div` 4096) then x else negate x) : go s2

main :: IO ()
main = do
  let ds = doubles 3000
      fs = map realToFrac (take 1000 ds) :: [Float]
  mapM_ print (take 40 ds)
  mapM_ print (take 20 fs)
  print (length [d | d <- ds, read (show d) /= d])
  print (length [f | f <- fs, read (show f) /= f])
  print (sum (map (length . show) ds), sum (map (length . show) fs))
  print (map (\d -> decodeFloat d) (take 5 ds))
