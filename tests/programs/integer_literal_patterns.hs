-- Literal patterns at type Integer: big values (outside Int) match no small literal
-- and fall through to the next equation.
classify :: Integer -> String
classify 0 = "zero"
classify 1 = "one"
classify n = "other " ++ show n

isqrt :: Integer -> Integer
isqrt 0 = 0
isqrt n = go n
  where
    go x =
      let y = (x + n `div` x) `div` 2
      in if y >= x then x else go y

main :: IO ()
main = do
  mapM_ (putStrLn . classify) [0, 1, 2 ^ 64, negate (2 ^ 70), 7]
  print (isqrt (2 * 10 ^ 40))
  print (case 10 ^ 20 :: Integer of { 0 -> "no"; _ -> "big" })
