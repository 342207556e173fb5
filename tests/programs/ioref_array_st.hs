-- Data.IORef, Data.STRef with Control.Monad.ST, and Data.Array (lazy, self-referential
-- tables, accumArray, (//), bounds and Ix for tuples).
import Control.Monad.ST
import Data.Array
import Data.IORef
import Data.STRef

sumST :: [Int] -> Int
sumST xs = runST (do
  ref <- newSTRef 0
  mapM_ (\x -> modifySTRef' ref (+ x)) xs
  readSTRef ref)

main :: IO ()
main = do
  r <- newIORef (0 :: Int)
  modifyIORef r (+ 5)
  modifyIORef' r (* 3)
  readIORef r >>= print
  v <- atomicModifyIORef' r (\x -> (x + 1, x * 2))
  print v
  readIORef r >>= print
  print (sumST [1 .. 100])
  let a = listArray (0, 4) "hello" :: Array Int Char
  print (a ! 1, bounds a, elems a)
  let t = array (0, 5) [(i, if i == 0 then 1 else fromIntegral i * t ! (i - 1)) | i <- [0 .. 5]] :: Array Int Integer
  print (t ! 5)
  let b = listArray ((0, 0), (2, 2)) [1 ..] :: Array (Int, Int) Int
  print (b ! (1, 2), sum (elems b), bounds b)
  print (accumArray (+) 0 (0, 3) [(i `mod` 4, i) | i <- [1 .. 10 :: Int]] :: Array Int Int)
  print (a // [(0, 'j')], fmap succ a, indices a)
