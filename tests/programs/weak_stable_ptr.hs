-- System.Mem.Weak (explicit finalisation, deRefWeak after it) and Foreign.StablePtr.
import System.Mem
import System.Mem.Weak
import Foreign.StablePtr
import Data.IORef

main :: IO ()
main = do
  ref <- newIORef (0 :: Int)
  w <- mkWeak ref "value" (Just (putStrLn "finalized explicitly"))
  deRefWeak w >>= print
  finalize w
  deRefWeak w >>= print
  finalize w
  readIORef ref >>= print
  p <- newStablePtr [1, 2, 3 :: Int]
  performGC
  deRefStablePtr p >>= print
  q <- newStablePtr 'x'
  print (p == p)
  freeStablePtr p
  deRefStablePtr q >>= print
