-- Data.Either: the Either functions and instances.
import Data.Either

main :: IO ()
main = do
  let es = [Left "a", Right 1, Right 2, Left "b"] :: [Either String Int]
  print (lefts es, rights es, partitionEithers es, either length negate (Left "abc" :: Either String Int), either length negate (Right 4 :: Either String Int))
  print (isLeft (Left 'a' :: Either Char ()), isRight (Left 'a' :: Either Char ()), fromLeft 0 (Left (3 :: Int) :: Either Int ()), fromRight 'z' (Left 3 :: Either Int Char), fromRight 'z' (Right 'q' :: Either Int Char))
  print (fmap (+ 1) (Right 1 :: Either String Int), fmap (+ 1) (Left "e" :: Either String Int), sequence [Right 1, Left "x", Left "y" :: Either String Int], traverse (\x -> if x > 0 then Right x else Left x) [1, -2, 3 :: Int])
  print (Right (+ 1) <*> (Right 2 :: Either String Int), (Left "bad" :: Either String Int) >>= Right . (* 2), compare (Left 5) (Right 'a' :: Either Int Char), read "Left 3" :: Either Int Bool, show (Right (-2) :: Either () Int))
  print (Left 1 <> (Right 2 :: Either Int Int), Left 1 <> (Left 3 :: Either Int Int), length (Right 'x' :: Either () Char), sum (Left 7 :: Either Int Int), foldr (:) [] (Right 'r' :: Either () Char))
