double :: Int -> Int
double x = x * 2

greeting :: String
greeting = "hi" ++ " there"

main :: IO ()
main = putStrLn greeting
