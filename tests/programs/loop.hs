-- A thunk that demands itself is a <<loop>>, not a hang or a crash.
main :: IO ()
main = do
  putStrLn "start"
  let x = x + 1 :: Int
  print x
