A literate program in bird-track style: only the lines after `>` are code.

> main :: IO ()
> main = do
>   putStrLn "from a literate program"
>   print (sum [1 .. 10 :: Int])

Text after the code is ignored too.
