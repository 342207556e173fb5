-- do blocks: let, nested do, if and case inside do, mapM_, sequence_, return values.
greet :: String -> IO ()
greet name = putStrLn ("hello, " ++ name)

countdown :: Int -> IO ()
countdown 0 = putStrLn "liftoff"
countdown n = do
  putStr (show n ++ " ")
  countdown (n - 1)

main :: IO ()
main = do
  greet "world"
  let xs = [1, 2, 3] :: [Int]
      total = sum xs
  mapM_ print xs
  sequence_ [putStr "a", putStr "b", putStrLn "c"]
  n <- return (total * 2)
  if n > 10
    then putStrLn "big"
    else putStrLn "small"
  case xs of
    (x : _) -> print x
    [] -> return ()
  rs <- mapM (\x -> return (x * x)) xs
  print rs
  countdown 3
  let loop i = if i > 3 then return () else do
        print i
        loop (i + 1)
  loop (1 :: Int)
