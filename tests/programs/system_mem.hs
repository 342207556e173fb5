-- System.Mem: explicit collections leave live data intact.
import System.Mem
import Data.IORef

main :: IO ()
main = do
  let xs = [1 .. 3000] :: [Int]
  r <- newIORef (map (* 2) (take 1000 xs))
  performGC
  performMajorGC
  performMinorGC
  readIORef r >>= print . sum
  print (sum xs)
  performGC
  print (length (show (product [1 .. 300 :: Integer])))
