-- Data.Maybe: the Maybe functions and instances.
import Data.Maybe

main :: IO ()
main = do
  let xs = [Just 1, Nothing, Just 3] :: [Maybe Int]
  print (catMaybes xs, mapMaybe (\x -> if x > 1 then Just (x * 2) else Nothing) [1, 2, 3 :: Int], fromMaybe 0 Nothing, fromMaybe 0 (Just (5 :: Int)))
  print (maybe "none" show (Just (1 :: Int)), maybe "none" show (Nothing :: Maybe Int), isJust (Just ()), isNothing (Just ()), fromJust (Just 'x'))
  print (listToMaybe [1, 2 :: Int], listToMaybe ([] :: [Int]), maybeToList (Just 'a'), maybeToList (Nothing :: Maybe Char))
  print (fmap (+ 1) (Just (1 :: Int)), Just (+ 3) <*> Just (4 :: Int), Just 5 >>= (\x -> if x > (3 :: Int) then Just x else Nothing), sequence xs, sequence [Just 1, Just (2 :: Int)])
  print (compare (Just 1) (Nothing :: Maybe Int), maximum xs, Just "a" <> Nothing <> Just "b", mconcat [Nothing, Just [1 :: Int]], traverse (\x -> if x > 0 then Just x else Nothing) [1, 2, 3 :: Int])
  print (read "Just (-3)" :: Maybe Int, read " Nothing " :: Maybe Int, showsPrec 11 (Just (1 :: Int)) "", [minBound .. maxBound :: Bool], foldr (+) 0 (Just (7 :: Int)), length (Just 'x'), sum (Nothing :: Maybe Int))
