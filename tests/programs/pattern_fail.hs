-- An incomplete pattern match reports its source location.
classify :: Int -> String
classify 0 = "zero"
classify 1 = "one"

main :: IO ()
main = do
  putStrLn (classify 1)
  putStrLn (classify 2)
