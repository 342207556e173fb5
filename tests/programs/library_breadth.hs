-- A wide sample of GHC base functions (Control.Monad, Data.List, Data.Maybe, Data.Monoid,
-- Text.Read, ...), each checked against GHC's output.
import Control.Monad
import Control.Applicative
import Data.List
import Data.Maybe
import Data.Either
import Data.Function (on, (&))
import Data.Ord (comparing, Down(..))
import qualified Data.Foldable as F
import Data.Traversable (for)
import Data.Functor ((<&>), ($>))
import Data.Monoid
import Text.Read (readMaybe, readEither)
import Data.IORef
import Debug.Trace
import Data.Char (isDigit)

main :: IO ()
main = do
  forM_ [1, 2 :: Int] print
  xs <- replicateM 2 (return 'x')
  print xs
  r <- foldM (\a b -> return (a + b)) 0 [1 .. 10 :: Int]
  print r
  print =<< filterM (const (return True)) [1, 2, 3 :: Int]
  print (join [[1], [2 :: Int]], void (Just 3), guard True :: Maybe (), mplus Nothing (Just 1 :: Maybe Int))
  print (liftA2 (+) (Just 1) (Just (2 :: Int)), (<|>) Nothing (Just 'a'), zipWithM (\a b -> Just (a + b)) [1, 2] [3, 4 :: Int])
  print (sortBy (comparing snd) [(1 :: Int, 'b'), (2, 'a')], sortOn Down [3, 1, 2 :: Int], groupBy ((==) `on` (`div` 10)) [1, 2, 11, 12, 21 :: Int])
  print (nub [1, 1, 2 :: Int], partition even [1 .. 10 :: Int], foldl' (+) 0 [1 .. 100 :: Int], intercalate ", " ["a", "b"], transpose ["abc", "de"])
  print (isPrefixOf "ab" "abc", isSuffixOf "bc" "abc", isInfixOf "b" "abc", stripPrefix "ab" "abc", splitAt 2 [1, 2, 3 :: Int], span even [2, 4, 5 :: Int])
  print (mapMaybe (\x -> if x > 1 then Just x else Nothing) [1, 2, 3 :: Int], catMaybes [Just 1, Nothing :: Maybe Int], fromMaybe 0 Nothing :: Int, partitionEithers [Left 'a', Right (1 :: Int)])
  print (readMaybe "12" :: Maybe Int, readMaybe "x" :: Maybe Int, readEither "3.5" :: Either String Double)
  print (getSum (foldMap Sum [1 .. 10 :: Int]), getProduct (foldMap Product [1 .. 5 :: Int]), getAll (foldMap (All . even) [2, 4 :: Int]), getFirst (First (Just 1) <> First (Just (2 :: Int))))
  print ([1, 2, 3 :: Int] & map (* 2), Just 1 <&> (+ (1 :: Int)), Just 'a' $> 'b')
  print (F.toList (Just 3 :: Maybe Int), F.foldr' (+) 0 [1, 2 :: Int], words "a b  c", unwords ["x", "y"], zip3 [1 :: Int] "a" [True])
  t <- for [1, 2 :: Int] (return . (* 2))
  print (t, insert 3 [1, 2, 4, 5 :: Int], delete 3 [1, 3, 5, 3 :: Int], [1, 2, 3] \\ [2 :: Int], union [1, 2] [2, 3 :: Int], intersect [1, 2, 3] [2, 3, 4 :: Int])
  print (tails [1, 2 :: Int], inits "ab", subsequences "abc", permutations [1, 2, 3 :: Int], zipWith3 (,,) "a" "b" "c", lookup 2 [(2 :: Int, "two")])
  print (unfoldr (\n -> if n > 3 then Nothing else Just (n, n + 1)) (1 :: Int), iterate (* 2) 1 !! 10 :: Int, takeWhile (< 3) [1 ..] :: [Int], dropWhileEnd isDigit "abc123", genericLength "abc" :: Integer)
  print (maximumBy (comparing fst) [(1 :: Int, 'a'), (3, 'b')], minimumBy (comparing abs) [-3, 2, -1 :: Int], elemIndex 3 [1, 2, 3 :: Int], findIndex even [1, 3, 4 :: Int], find (> 2) [1, 5 :: Int], scanl' (+) 0 [1, 2, 3 :: Int])
  ref <- newIORef (0 :: Int)
  mapM_ (\i -> modifyIORef ref (+ i)) [1 .. 10]
  readIORef ref >>= print
  print (trace "tracing" (1 :: Int))
  print (either show (map succ) (Right "ab" :: Either Int String), lefts [Left 1, Right 'a', Left (2 :: Int)], fromLeft 0 (Left (3 :: Int) :: Either Int Char), isRight (Right 1 :: Either () Int))
  print (mconcat ["ab", "cd"], mempty :: String, replicate 3 'x', concat [[1], [2, 3 :: Int]], and [], or [True], all even [2, 4 :: Int], any odd [2, 4 :: Int])
  when True (putStrLn "when")
  unless False (putStrLn "unless")
  print (foldr1 (-) [10, 3, 2 :: Int], foldl1 (-) [10, 3, 2 :: Int], lines "a\nb\n", unlines ["a", "b"], sum [] :: Int, product [1 .. 10 :: Integer])
  print (zip [1 :: Int ..] "abc", lookup 'b' (zip "abc" [1 :: Int ..]), elem 3 [1, 2, 3 :: Int], notElem 'z' "abc", reverse [1, 2, 3 :: Int], last [1, 2 :: Int], init "abc", null [], length "four")
  print (sortOn negate [3, 1, 2 :: Int], insertBy (comparing negate) 2 [3, 1 :: Int], nubBy (\a b -> a `mod` 3 == b `mod` 3) [1 .. 10 :: Int], group "aabbbc", splitAt 1 "xy", isSubsequenceOf "ac" "abc", zip [1 :: Int, 2] (repeat 'z'))
