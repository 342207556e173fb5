{-# LANGUAGE RankNTypes #-}
-- Rank-2 types with contexts in class methods, with outer givens, with Ord (a
-- superclass chain), nested rank-2 arguments and several classes in one context.
import Data.List (sortBy)

class Container f where
  cmap :: (forall a. Show a => a -> String) -> f -> [String]

data Pair = Pair Int Char

instance Container Pair where
  cmap g (Pair i c) = [g i, g c]

-- the rank-2 argument uses an outer given too
withPrefix :: Show p => p -> (Int, Bool) -> [String]
withPrefix p = go (\x -> show p ++ show x)
  where
    go :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
    go f (a, b) = [f a, f b]

-- an Ord-using sort through a rank-2 comparator builder
sortBoth :: (forall a. Ord a => a -> a -> Ordering) -> ([Int], String) -> ([Int], String)
sortBoth cmp (xs, s) = (sortBy cmp xs, sortBy cmp s)

-- arguments of several forms: an annotated variable, if, composition, case
applyAll :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
applyAll f (x, y) = [f x, f y]

forms :: IO ()
forms = do
  print (applyAll (show :: Show b => b -> String) (1, True))
  print (applyAll (\x -> show x :: String) (2, False))
  print (applyAll (if True then show else const "no") (3, True))
  print (applyAll (show . Just) $ (4, True))
  print (applyAll (\x -> case show x of s -> reverse s) (56, False))

-- through a type synonym; with a context that mentions an outer variable; in a
-- continuation's argument
type ShowF = forall a. Show a => a -> String

useF :: ShowF -> String
useF f = f 'x' ++ f (Just True)

outer :: Show b => b -> (forall a. Show a => a -> b -> String) -> String
outer b k = k (1 :: Int) b ++ k "s" b

cps :: ((forall a. Show a => a -> String) -> Int) -> Int
cps k = k show

-- nested: a rank-2 function taking a rank-2 argument
twice :: ((forall a. Show a => a -> String) -> String) -> String
twice k = k show ++ "/" ++ k (\x -> "[" ++ show x ++ "]")

main :: IO ()
main = do
  print (cmap show (Pair 1 'x'))
  print (withPrefix "p" (3, True))
  print (sortBoth compare ([3, 1, 2], "cab"))
  print (sortBoth (flip compare) ([3, 1, 2], "cab"))
  putStrLn (twice (\f -> f (1 :: Int) ++ f "s"))
  print (let h :: (forall a. (Num a, Show a) => a -> String) -> String
             h f = f (2 :: Int) ++ f (2.5 :: Double)
         in h (\x -> show (x * 2)))
  forms
  putStrLn (useF show)
  putStrLn (outer 'q' (\x y -> show x ++ show y))
  print (cps (\h -> length (h (Just [1 :: Int]))))
