main = print (product [1 .. 3249 :: Integer])
