-- Data.Bifunctor on pairs, Either and larger tuples.
import Data.Bifunctor
main :: IO ()
main = do
  print (bimap (+ 1) show (1 :: Int, 2 :: Int), first negate (3 :: Int, "x"), second length ('a', "abc"))
  print (bimap length not (Left "ab" :: Either String Bool), first (* 2) (Right 'c' :: Either Int Char), second succ (Right 'c' :: Either Int Char))
  print (bimap (+ 1) (* 2) ('x', 1 :: Int, 2 :: Int), second show (True, 'y', 'z', 4 :: Int))
