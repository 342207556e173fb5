import Control.Monad.ST
import Data.STRef

-- The reference would outlive its state thread: rejected.
leak = runST (newSTRef (0 :: Int))

main :: IO ()
main = print 1
