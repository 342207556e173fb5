-- Data.Semigroup: (<>), sconcat, stimes, the Min/Max/First/Last wrappers and the
-- Monoid wrappers it re-exports.
import Data.Semigroup
import Data.List.NonEmpty (NonEmpty(..))


main :: IO ()
main = do
  print (Min 3 <> Min (1 :: Int), Max 3 <> Max (1 :: Int), First 'a' <> First 'b', Last 'a' <> Last 'b')
  print (getMin (sconcat (Min 5 :| [Min 2, Min (8 :: Int)])), getMax (sconcat (Max 5 :| [Max 2, Max (8 :: Int)])))
  print (sconcat ("ab" :| ["cd", "ef"]), stimes (3 :: Int) "ab", stimes (2 :: Int) (Sum (5 :: Int)), stimes (3 :: Int) (Product (2 :: Int)))
  print (mempty :: Min Int, mempty :: Max Int, Min 'x' <> mempty, getSum (foldMap Sum [1 .. 10 :: Int]))
  print (All True <> All False, Any True <> Any False, getDual (Dual "a" <> Dual "b"), appEndo (Endo (+ 1) <> Endo (* 2)) (5 :: Int))
  print (stimesMonoid (3 :: Int) "xy", stimesIdempotent (5 :: Int) (Max (4 :: Int)), mtimesDefault (2 :: Int) [1, 2 :: Int], mtimesDefault (0 :: Int) "zz")
  print (appEndo (diff "ab") "cd", take 7 (cycle1 "abc"), Just [1] <> Nothing <> Just [2, 3 :: Int], (LT <> GT, EQ <> GT, mconcat [EQ, EQ, LT]))
  print (("a", Sum (1 :: Int)) <> ("b", Sum 2), compare (Min 1) (Min (2 :: Int)), Max 'a' == Max 'a', show (Min (Just 'q')))
  print (fmap negate (Sum 3 :: Sum Int), (minimum [Max 3, Max (1 :: Int)]), sconcat ((Sum (1 :: Int), "x") :| []) == (Sum 1, "x"))
