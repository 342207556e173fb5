-- Data.Functor and Control.Applicative: fmap and its operators, Applicative
-- combinators, Alternative, ZipList, Const, Identity-free liftA*.
import Data.Functor
import Control.Applicative

main :: IO ()
main = do
  print (fmap (+ 1) [1, 2 :: Int], (+ 1) <$> Just (2 :: Int), Just 3 <&> (* 2) :: Maybe Int, 'x' <$ [1, 2 :: Int], Just 'a' $> 'b', void (Just 'v'))
  print (pure 5 :: [Int], [(+ 1), (* 2)] <*> [10, 20 :: Int], Just 1 *> Just (2 :: Int), Just 1 <* Just (2 :: Int), Nothing *> Just (2 :: Int), liftA2 (,) "ab" [1, 2 :: Int])
  print (liftA3 (,,) (Just 'a') (Just True) (Just ()), (<**>) (Just 3) (Just (+ (1 :: Int))), liftA (* 2) (Just (4 :: Int)), (,) <$> Right 1 <*> (Left "e" :: Either String Int))
  print (Nothing <|> Just 1 <|> Just (2 :: Int), [1, 2] <|> [3 :: Int], empty :: Maybe Int, optional (Just 'o'), optional (Nothing :: Maybe Char), asum' [Nothing, Just 'z'])
  print (getZipList (ZipList [(+ 1), (* 2)] <*> ZipList [10, 20 :: Int]), getZipList (liftA2 (+) (ZipList [1, 2, 3]) (ZipList [10, 20 :: Int])), take 3 (getZipList (pure 'p')))
  print (getConst (Const "c" <*> Const "d" :: Const String Int), getConst (fmap (+ (1 :: Int)) (Const 'k')), fmap length (Right "abc" :: Either () String), (fmap . fmap) (+ 1) [Just 1, Nothing :: Maybe Int])
  print ((+) <$> (* 2) <*> (+ 10) $ (3 :: Int), fmap (* 2) (+ 1) (4 :: Int), (pure 7 :: Either String Int), sequenceA [(+ 1), (* 2)] (5 :: Int), [x + y | x <- [1, 2], y <- [10 :: Int]] == liftA2 (+) [1, 2] [10])
  where asum' = foldr (<|>) empty
