square :: Int -> Int
square x = x * x
