-- `error` after some output: the output is flushed, the message goes to stderr as
-- `prog: message`, and the exit code is 1.
main :: IO ()
main = do
  putStrLn "before"
  print (length (error "boom" :: [Int]))
  putStrLn "never printed"
