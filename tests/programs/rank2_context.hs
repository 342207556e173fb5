{-# LANGUAGE RankNTypes #-}
-- Rank-2 types whose nested forall has a class context: arguments become functions of
-- the given dictionaries, uses of the parameter pass the instantiated ones; in
-- constructor fields, let and where bindings, with superclasses and instance contexts.
module Main where

data Showy = Showy (forall a. Show a => a -> String)

data Both = Both { label :: String, fmt :: forall a. (Show a, Num a) => a -> String }

useShowy :: Showy -> Int -> Bool -> String
useShowy (Showy f) n b = f n ++ " " ++ f b

applyAll :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
applyAll f (x, y) = [f x, f y]

-- passing a rank-2 parameter on
twice :: (forall a. Show a => a -> String) -> (Int, Bool) -> [String]
twice g p = applyAll g p ++ applyAll (\v -> g v ++ g v) p

-- superclass: Ord given, Eq used
countEq :: (forall a. Ord a => a -> a -> Bool) -> (Int, Char) -> [Bool]
countEq cmp (i, c) = [cmp i i, cmp c 'z']

-- a given used at a compound type (instance with context)
listShow :: (forall a. Show a => a -> String) -> [String]
listShow f = [f [1 :: Int, 2], f (Just 'x'), f (1 :: Int, "s")]

-- numeric context
sumWith :: (forall n. Num n => n -> n) -> (Int, Double) -> (Int, Double)
sumWith g (i, d) = (g i, g d)

-- a method of the given's class used directly
showBoth :: (forall a. Show a => [a] -> String) -> String
showBoth f = f [True, False] ++ f "ab"

main :: IO ()
main = do
  mapM_ putStrLn (applyAll show (1, True))
  print (applyAll (\v -> show v ++ "!") (2, False))
  putStrLn (useShowy (Showy show) 3 True)
  putStrLn (useShowy (Showy (\x -> "<" ++ show x ++ ">")) 4 False)
  print (twice (\x -> '#' : show x) (5, True))
  print (countEq (<=) (3, 'a'))
  print (countEq (\x y -> x == y) (3, 'a'))
  print (listShow show)
  print (sumWith (\x -> x * 2 + 1) (10, 0.5))
  print (sumWith negate (10, 0.5))
  putStrLn (showBoth (concatMap show))
  let local :: (forall a. Show a => a -> String) -> String
      local h = h 'c' ++ h (3 :: Integer)
  putStrLn (local show)
  putStrLn (local shout)
  let b = Both "both" (\x -> show (x + 1))
  case b of Both l f -> putStrLn (l ++ ": " ++ f (41 :: Int) ++ " " ++ f (1.5 :: Double))
  putStrLn (stars 3)
  where
    shout :: Show b => b -> String
    shout x = show x ++ "!!"
    stars :: Int -> String
    stars n = helper (\x -> replicate n '*' ++ show x)
    helper :: (forall a. Show a => a -> String) -> String
    helper k = k 'q' ++ k [1 :: Int]
