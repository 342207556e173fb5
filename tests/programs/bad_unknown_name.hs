main :: IO ()
main = print (fodlr (+) 0 [1, 2, 3])
