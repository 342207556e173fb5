-- Laziness: infinite lists, unused bottoms, sharing, knot-tying.
nats :: [Int]
nats = go 0 where go n = n : go (n + 1)

fibs :: [Integer]
fibs = 0 : 1 : zipWith (+) fibs (tail fibs)

primes :: [Int]
primes = sieve [2 ..] where sieve (p : xs) = p : sieve (filter (\x -> x `mod` p /= 0) xs)

main :: IO ()
main = do
  print (take 5 nats)
  print (takeWhile (< 100) (map (* 3) nats))
  print (take 6 primes)
  print (fst (1 :: Int, undefined :: Int))
  print (length [undefined, undefined :: Int])
  print (take 10 fibs)
  print (fibs !! 80)
  print (take 10 (cycle [1, 2, 3 :: Int]))
  print (take 3 (repeat 'z'))
  print (take 8 (iterate (* 2) (1 :: Int)))
  print (False && undefined, True || undefined)
  let xs = map (* 2) [1 .. 5 :: Int]
  print (sum xs + length xs)
