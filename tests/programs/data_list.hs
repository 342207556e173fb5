-- Data.List: GHC's list functions, checked against GHC's output.
import Data.List

main :: IO ()
main = do
  let xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] :: [Int]
  print (sort xs, sortBy (flip compare) xs, sortOn negate xs, insert 4 (sort xs))
  print (nub xs, nubBy (\a b -> a `mod` 3 == b `mod` 3) xs, delete 5 xs, xs \\ [1, 5, 5], union [1, 2, 3] [3, 4, 1 :: Int], intersect xs [1, 5, 7])
  print (group (sort xs), groupBy (\a b -> even a == even b) xs, partition odd xs, splitAt 3 xs, span (< 5) xs, break (> 4) xs)
  print (isPrefixOf [3, 1] xs, isSuffixOf [3, 5] xs, isInfixOf [9, 2] xs, isSubsequenceOf [3, 4, 9] xs, stripPrefix "foo" "foobar", stripPrefix "x" "foobar")
  print (elemIndex 5 xs, elemIndices 5 xs, findIndex (> 4) xs, findIndices even xs, find (> 4) xs, lookup 2 (zip xs "abcdefghijk"))
  print (intercalate ", " ["a", "b", "c"], intersperse '-' "abc", transpose ["abc", "de", "f"], subsequences [1, 2, 3 :: Int], permutations [1, 2, 3 :: Int])
  print (foldl' (+) 0 xs, foldl1' max xs, scanl (+) 0 [1, 2, 3 :: Int], scanl1 (+) [1, 2, 3 :: Int], scanr (+) 0 [1, 2, 3 :: Int], scanr1 (+) [1, 2, 3 :: Int], scanl' (+) 0 [1, 2 :: Int])
  print (mapAccumL (\a x -> (a + x, a * x)) 0 [1 .. 5 :: Int], mapAccumR (\a x -> (a + x, a * x)) 0 [1 .. 5 :: Int])
  print (take 5 (iterate (* 2) 1 :: [Int]), unfoldr (\n -> if n > 60 then Nothing else Just (n, n * 2)) (1 :: Int), take 7 (cycle [1, 2, 3 :: Int]), replicate 3 'x')
  print (inits "abc", tails "abc", zip3 [1, 2, 3 :: Int] "ab" [True], unzip3 [(1 :: Int, 'a', True), (2, 'b', False)], zipWith3 (\a b c -> a + b + c) [1, 2] [3, 4] [5, 6 :: Int])
  print (lines "a\nb\n\nc", unlines ["a", "b"], words "  hello   world \n x", unwords ["a", "b"], dropWhileEnd (== ' ') "trail   ", takeWhile (/= ' ') "hi there")
  print (genericLength "abcd" :: Integer, genericTake (2 :: Integer) "abc", genericDrop (1 :: Integer) "abc", genericSplitAt (1 :: Integer) "abc", genericIndex "abc" (2 :: Integer), genericReplicate (2 :: Integer) 'z')
  print (maximumBy (\a b -> compare (snd a) (snd b)) (zip [1 :: Int ..] "hello"), minimumBy (\a b -> compare (abs a) (abs b)) [-3, 2, -1, 4 :: Int])
  print (deleteBy (\a b -> a == b + 1) 4 [1, 2, 3, 4 :: Int], insertBy (flip compare) 3 [5, 4, 2, 1 :: Int], unionBy (\a b -> a `mod` 5 == b `mod` 5) [1, 2] [6, 8 :: Int], intersectBy (\a b -> a == b * 2) [2, 4, 6] [1, 2 :: Int])
  print (zip4 [1 :: Int, 2] "ab" [True, False] [(), ()], lookup 'c' (zip "abc" [1 :: Int ..]), and [], or [], all even [2, 4 :: Int], any odd [2, 4 :: Int], concat [[1], [2, 3 :: Int]], concatMap show [1, 2, 3 :: Int])
  print (uncons "abc", uncons "", singleton 'a', sum [1 .. 100 :: Integer], product [1 .. 20 :: Integer], elem 3 xs, notElem 3 xs, reverse xs, last xs, init xs, null xs, length xs)
  print (splitAt (-1) [1, 2 :: Int], take (-3) "abc", drop 10 "abc", xs !! 4, zipWith (,) "ab" [1 :: Int ..], unzip [(1 :: Int, 'a'), (2, 'b')])
  print (foldr (\x acc -> x : take 2 acc) [] [1 .. 10 :: Int], take 3 (foldr (:) [] [1 ..]) :: [Int], takeWhile (< 10) (map (^ 2) [1 ..]) :: [Int])
  print (sortOn snd (zip [1 :: Int ..] "banana"), insert 'c' "abde", group "aabccc", isPrefixOf "" "x", words "", lines "", lines "a\n")
