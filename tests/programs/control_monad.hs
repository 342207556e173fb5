-- Control.Monad: the monadic combinators over Maybe, lists, Either and IO.
import Control.Monad

main :: IO ()
main = do
  forM_ [1, 2 :: Int] print
  mapM_ print "ab"
  r <- forM [1, 2, 3 :: Int] (\x -> return (x * 2))
  print r
  print =<< foldM (\a x -> do { when (x == 2) (putStrLn "two"); return (a + x) }) 0 [1, 2, 3 :: Int]
  foldM_ (\a x -> print (a + x) >> return (a + x)) 0 [5, 6 :: Int]
  replicateM_ 2 (putStrLn "again")
  print (replicateM 2 "ab", sequence [Just 1, Just (2 :: Int)], sequence_ [Just 1, Nothing :: Maybe Int], mapM (\x -> [x, -x]) [1, 2 :: Int])
  print (join [[1, 2], [3 :: Int]], join (Just (Just 'j')), void [1, 2 :: Int], when False undefined :: Maybe (), unless True undefined :: Maybe ())
  print (filterM (const [True, False]) [1, 2 :: Int], zipWithM (\a b -> if b /= 0 then Just (a `div` b) else Nothing) [6, 8] [2, 4 :: Int], zipWithM_ (\_ _ -> Nothing :: Maybe ()) "a" "b")
  print (guard True :: [()], guard False :: Maybe (), mzero :: [Int], mplus [1] [2 :: Int], msum [Nothing, Just 3, Just (4 :: Int)], mfilter even (Just (3 :: Int)), mfilter even [1 .. 6 :: Int])
  print (liftM (+ 1) (Just (1 :: Int)), liftM2 (+) [1, 2] [10 :: Int], ap [(+ 1)] [1, 2 :: Int], (return 3 >>= \x -> Just (x + 1)) :: Maybe Int, (>=>) (\x -> Just (x + 1)) (\y -> Just (y * 2)) (3 :: Int))
  print ((<=<) (\x -> [x, x]) (\y -> [y + 1]) (1 :: Int), forever Nothing :: Maybe (), (Just 5 >> Nothing :: Maybe Int), fmap (* 2) (Right 4 :: Either String Int), (Left "stop" >>= \x -> Right (x + 1 :: Int)))
  print ((do { x <- [1, 2, 3]; y <- "ab"; guard (x /= 2); return (x :: Int, y) }), mapAndUnzipM (\x -> Just (x, x * x)) [1, 2, 3 :: Int], (<$!>) (+ 1) (Just (1 :: Int)))
