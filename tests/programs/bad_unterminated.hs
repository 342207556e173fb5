main :: IO ()
main = putStrLn "unterminated
