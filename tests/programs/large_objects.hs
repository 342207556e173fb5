-- Arrays big enough to be large objects (block groups of their own, never copied),
-- kept alive across many collections and promoted to the old generation, and built
-- from values allocated after them (old-to-young pointers through the remembered set).
import Data.Array
import Data.IORef
import System.Mem (performGC, performMinorGC)

main :: IO ()
main = do
  let squares = listArray (0, 999) [i * i | i <- [0 .. 999 :: Int]]
  print (squares ! 999, sum (elems squares))
  performMinorGC
  performMinorGC
  ref <- newIORef squares
  mapM_ (\k -> modifyIORef' ref (\a -> a // [(k, k)])) [0, 100 .. 900]
  performGC
  a <- readIORef ref
  print (sum (elems a), a ! 100, a ! 101)
  let counts = accumArray (+) 0 (0, 499) [(i `mod` 500, 1) | i <- [1 .. 5000 :: Int]] :: Array Int Int
  performMinorGC
  print (counts ! 0, counts ! 499, sum (elems counts))
  let table = listArray (0, 999) [show i | i <- [0 .. 999 :: Int]] :: Array Int String
  performGC
  print (length (concat (elems table)), table ! 432)
