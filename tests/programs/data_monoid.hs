-- Data.Monoid: the wrappers (Sum, Product, Min-less ones: All, Any, First, Last, Dual,
-- Endo, Alt, Ap) and mconcat/mempty at several types.
import Data.Monoid

main :: IO ()
main = do
  print (getSum (foldMap Sum [1 .. 10 :: Int]), getProduct (foldMap Product [1 .. 5 :: Int]), getAll (foldMap (All . odd) [1, 3 :: Int]), getAny (foldMap (Any . even) [1, 3 :: Int]))
  print (getFirst (First (Just 1) <> First Nothing <> First (Just (3 :: Int))), getLast (Last (Just 1) <> Last Nothing <> Last (Just (3 :: Int))), getFirst (mempty :: First Int))
  print (getDual (Dual [1] <> Dual [2 :: Int]), appEndo (foldMap Endo [(+ 1), (* 3)]) (4 :: Int), getAlt (Alt Nothing <> Alt (Just 'a') <> Alt (Just 'b')))
  print (mempty :: String, mconcat ["ab", "cd"], mempty :: (String, [Int]), mconcat [Sum 1, Sum (2 :: Int)], Sum 1 <> mempty :: Sum Int, (mempty, ()) :: ((), ()))
  print (Sum 3 + Sum (4 :: Int), Product 3 * Product (4 :: Int), show (Sum (-1 :: Int)), read "Sum {getSum = 5}" :: Sum Int, Sum 'a' < Sum 'b', fmap (+ 1) (Product (2 :: Int)))
  print (mconcat (map Any [False, False]), mconcat (map All []), First (Just 'q') == First (Just 'q'), getAp (Ap (Just [1 :: Int]) <> Ap (Just [2])), mappend [1 :: Int] [2])
