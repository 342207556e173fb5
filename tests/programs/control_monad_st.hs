-- Control.Monad.ST and Data.STRef: local mutable state run purely with runST.
import Control.Monad.ST
import Data.STRef
import Control.Monad

sumST :: [Int] -> Int
sumST xs = runST $ do
  ref <- newSTRef 0
  mapM_ (\x -> modifySTRef' ref (+ x)) xs
  readSTRef ref

fibST :: Int -> Integer
fibST n = runST $ do
  a <- newSTRef 0
  b <- newSTRef 1
  replicateM_ n $ do
    x <- readSTRef a
    y <- readSTRef b
    writeSTRef a y
    writeSTRef b $! x + y
  readSTRef a

main :: IO ()
main = do
  print (sumST [1 .. 1000], fibST 90)
  print (runST (newSTRef "abc" >>= \r -> modifySTRef r reverse >> readSTRef r))
  print (runST (do { r <- newSTRef (1 :: Int); forM_ [1 .. 10] (\i -> modifySTRef r (* i)); readSTRef r }))
  print (runST (do { r1 <- newSTRef 'a'; r2 <- newSTRef 'a'; return (r1 == r1, r1 == r2) }))
  x <- stToIO (newSTRef (5 :: Int) >>= \r -> modifySTRef r (+ 1) >> readSTRef r)
  print x
  print (runST (fmap (* 2) (return (21 :: Int))), runST (pure 'p' <* return ()))
