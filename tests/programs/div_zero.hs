main :: IO ()
main = do
  print (10 `div` 3 :: Int)
  print (1 `div` (0 :: Int))
