main = do { let { a = 7 ^ (118000 :: Int) :: Integer; b = 3 ^ (209000 :: Int) + 1 :: Integer }; print (a * b) }
