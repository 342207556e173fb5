main :: IO ()
main = putStrLn "Hello from bhc!"
