{-# LANGUAGE RankNTypes #-}
-- Record fields of forall types, with and without a context: the selectors take the
-- context's dictionaries first (GHC: `fmt :: Fmt -> forall a. Show a => a -> String`),
-- and record construction and update check the new value against the forall type.
data Fmt = Fmt { name :: String, fmt :: forall a. Show a => a -> String }
data Poly = Poly { rev :: forall a. [a] -> [a], tag :: Int }
data Box b = Box { unbox :: b, pair :: forall c. Show c => c -> b -> String }

render :: Fmt -> String
render r = name r ++ ": " ++ fmt r (1 :: Int) ++ fmt r True

main :: IO ()
main = do
  let plain = Fmt "plain" show
      loud = plain { name = "loud", fmt = \x -> show x ++ "!" }
  putStrLn (render plain)
  putStrLn (render loud)
  let p = Poly reverse 1
  print (rev p [1, 2, 3 :: Int], rev p "abc", tag p)
  print (rev (p { rev = take 2 }) "xyz")
  let b = Box 'z' (\c z -> show c ++ [z])
  putStrLn (pair b (3 :: Int) (unbox b))
  print (map (fmt plain) [True, False])
