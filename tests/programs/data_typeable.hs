-- Data.Typeable: typeOf shows types in GHC's notation; cast succeeds at the same type only.
import Data.Typeable
data T a = T a
main :: IO ()
main = do
  print (typeOf (Just [True]), typeOf 'c', typeOf "s", typeOf (1 :: Int, 'x'), typeOf not, typeOf (T (Just ())))
  print (typeOf (Left 3 :: Either Int (Maybe Bool)), typeOf (undefined :: Maybe (Int -> Int)))
  print (cast (3 :: Int) :: Maybe Int, cast 'x' :: Maybe Int, typeOf (3 :: Int) == typeOf (4 :: Int))
