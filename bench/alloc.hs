-- Allocation throughput: a tight loop that allocates a short-lived list cell and a
-- boxed Int per step. Measure with `+RTS -s`: bytes allocated / MUT time.
main :: IO ()
main = print (go 0 0)
  where
    go :: Int -> Int -> Int
    go acc n
      | n == 20000000 = acc
      | otherwise = go (acc + sum [n, 1]) (n + 1)
