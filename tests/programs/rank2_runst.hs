{-# LANGUAGE RankNTypes #-}
-- runST with STRef code, `runST $ do`, an array-like structure of references, and a
-- user function with a rank-2 argument.
import Control.Monad.ST
import Data.STRef

sumST :: [Int] -> Int
sumST xs = runST $ do
  ref <- newSTRef 0
  mapM_ (\x -> modifySTRef ref (+ x)) xs
  readSTRef ref

fibST :: Int -> Integer
fibST n = runST (do
  a <- newSTRef 0
  b <- newSTRef 1
  let loop 0 = readSTRef a
      loop k = do
        x <- readSTRef a
        y <- readSTRef b
        writeSTRef a y
        writeSTRef b (x + y)
        loop (k - 1 :: Int)
  loop n)

-- A fixed-size mutable array of cells, STArray-style.
newtype Cells s = Cells [STRef s Int]

newCells :: [Int] -> ST s (Cells s)
newCells xs = fmap Cells (mapM newSTRef xs)

readCell :: Cells s -> Int -> ST s Int
readCell (Cells rs) i = readSTRef (rs !! i)

writeCell :: Cells s -> Int -> Int -> ST s ()
writeCell (Cells rs) i v = writeSTRef (rs !! i) v

freeze :: Cells s -> ST s [Int]
freeze (Cells rs) = mapM readSTRef rs

bubbleSort :: [Int] -> [Int]
bubbleSort xs = runST $ do
  cells <- newCells xs
  let n = length xs
  mapM_ (\i -> mapM_ (\j -> do
            a <- readCell cells j
            b <- readCell cells (j + 1)
            if a > b then writeCell cells j b >> writeCell cells (j + 1) a else return ())
          [0 .. n - i - 2])
        [0 .. n - 1]
  freeze cells

-- A rank-2 argument used at two types.
both :: (forall a. [a] -> [a]) -> ([Int], String) -> ([Int], String)
both f (xs, s) = (f xs, f s)

applyST :: (forall s. ST s Int) -> Int
applyST act = runST act + 1

main :: IO ()
main = do
  print (sumST [1 .. 100])
  print (fibST 90)
  print (bubbleSort [5, 2, 9, 1, 5, 6])
  print (both reverse ([1, 2, 3], "abc"))
  print (both (take 2) ([7, 8, 9], "xyz"))
  print (applyST (newSTRef 41 >>= readSTRef))
