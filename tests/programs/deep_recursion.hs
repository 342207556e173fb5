-- Deep non-tail recursion grows the Haskell stack; long lists exercise the collector.
sumTo :: Int -> Int
sumTo 0 = 0
sumTo n = n + sumTo (n - 1)

build :: Int -> [Int]
build n = if n == 0 then [] else n : build (n - 1)

main :: IO ()
main = do
  print (sumTo 200000)
  print (foldr (+) 0 [1 .. 200000])
  print (length (build 300000))
  print (sum (map (`mod` 7) [1 .. 300000]))
  print (length (show [1 .. 20000 :: Int]))
