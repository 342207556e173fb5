-- Data.Foldable and Data.Traversable: folds over lists, Maybe, Either, pairs and a
-- user type with derived-by-hand instances; traversals and mapAccum.
import Data.Foldable
import Data.Traversable
import Data.Monoid

data Tree a = Leaf | Node (Tree a) a (Tree a)

instance Foldable Tree where
  foldr _ z Leaf = z
  foldr f z (Node l x r) = foldr f (f x (foldr f z r)) l

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

instance Traversable Tree where
  traverse _ Leaf = pure Leaf
  traverse f (Node l x r) = Node <$> traverse f l <*> f x <*> traverse f r

tree :: Tree Int
tree = Node (Node Leaf 1 Leaf) 2 (Node (Node Leaf 3 Leaf) 4 Leaf)

main :: IO ()
main = do
  print (toList tree, sum tree, product tree, length tree, null tree, null Leaf, elem 3 tree, maximum tree, minimum tree)
  print (foldl (flip (:)) [] tree, foldr1 (-) tree, foldl1 (-) tree, foldl' (+) 0 tree, foldMap (\x -> [x, x]) tree, fold [[1], [2, 3 :: Int]])
  print (getSum (foldMap Sum tree), getAll (foldMap (All . even) tree), any even tree, all (< 5) tree, concatMap show tree, find (> 2) tree, maximumBy compare tree, minimumBy (flip compare) tree)
  print (and (Just True), or [False], notElem 9 tree, foldr' (:) [] tree, asum [Nothing, Just 1, Just (2 :: Int)], sum (3, 4 :: Int), length ('x', 'y'), toList (Left 1 :: Either Int Char))
  for_ [1, 2 :: Int] print
  traverse_ print "ab"
  mapM_ print (Just 'm')
  sequenceA_ [putStr "x", putStrLn "y"]
  forM_ tree (\x -> putStr (show x ++ " "))
  putStrLn ""
  print (fmap toList (traverse (\x -> if x > 0 then Just (x * 10) else Nothing) tree), fmap toList (traverse (\x -> if x > 2 then Just x else Nothing) tree))
  print (sequenceA [Just 1, Just (2 :: Int)], sequence [[1, 2], [3 :: Int]], traverse (\x -> [x, x + 10]) [1, 2 :: Int], mapAccumL (\a x -> (a + x, a)) 0 [1 .. 5 :: Int], mapAccumR (\a x -> (a + x, a)) 0 [1 .. 5 :: Int])
  r <- for [1, 2, 3 :: Int] (\x -> return (x * x))
  print r
  print (fmap toList (mapM (\x -> Right x :: Either String Int) tree), foldlM (\a x -> if x > 0 then Just (a + x) else Nothing) 0 [1, 2, 3 :: Int], foldrM (\x a -> [a + x]) 0 [1, 2 :: Int])
  print (toList (fmap (* 2) tree), fst (mapAccumL (\a x -> (a ++ show x, ())) "" tree), sequenceA (Just [1, 2 :: Int]), traverse Just (Right 'x' :: Either () Char))
