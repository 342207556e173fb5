#!/usr/bin/env -S bhc run
-- Run with `bhc run examples/hello.hs`, or make it executable with bhc on your PATH.
main :: IO ()
main = do
  putStrLn "Hello from bhc!"
  print (sum [1 .. 100 :: Int])
