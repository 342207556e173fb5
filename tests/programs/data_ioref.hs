-- Data.IORef: mutable references in IO, strict and lazy modification, atomic
-- variants, references holding functions and lists, equality.
import Data.IORef
import Control.Monad (forM_, replicateM_)

main :: IO ()
main = do
  r <- newIORef (0 :: Int)
  forM_ [1 .. 100] (\i -> modifyIORef r (+ i))
  readIORef r >>= print
  modifyIORef' r (* 2)
  readIORef r >>= print
  writeIORef r 7
  old <- atomicModifyIORef r (\x -> (x + 1, x * 10))
  new <- readIORef r
  print (old, new)
  v <- atomicModifyIORef' r (\x -> (x - 3, show x))
  readIORef r >>= \x -> print (v, x)
  atomicWriteIORef r 42
  readIORef r >>= print
  s <- newIORef [] :: IO (IORef [String])
  mapM_ (\w -> modifyIORef s (w :)) (words "push some words here")
  readIORef s >>= print
  f <- newIORef (+ 1) :: IO (IORef (Int -> Int))
  modifyIORef f (. (* 3))
  readIORef f >>= \g -> print (g 5)
  r2 <- newIORef (0 :: Int)
  print (r == r, r == r2)
  lazy <- newIORef (undefined :: Int)
  writeIORef lazy 3
  readIORef lazy >>= print
  counter <- newIORef (0 :: Integer)
  replicateM_ 10000 (modifyIORef' counter (+ 1))
  readIORef counter >>= print
