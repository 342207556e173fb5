-- Allocation throughput: a tight loop that allocates a short-lived list and boxed
-- Ints at every step and keeps nothing. Measure with `+RTS -s`: bytes allocated
-- divided by MUT time.
main :: IO ()
main = print (go 0 0)
  where
    go :: Int -> Int -> Int
    go acc n
      | n == 20000000 = acc
      | otherwise = let acc' = acc + sum [n, 1] in acc' `seq` go acc' (n + 1)
