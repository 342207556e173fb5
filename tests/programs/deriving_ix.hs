-- Derived Ix for an enumeration and for single-constructor products.
import Data.Ix

data Cell = A | B | C | D
  deriving (Show, Eq, Ord, Ix)

data Pos = Pos Int Int
  deriving (Show, Eq, Ord, Ix)

data Cube a = Cube a Char Bool
  deriving (Show, Eq, Ord, Ix)

main :: IO ()
main = do
  print (range (B, D))
  print (index (A, D) C, inRange (A, C) D, inRange (B, C) B, rangeSize (B, C))
  print (range (Pos 0 0, Pos 1 2))
  print (index (Pos 0 0, Pos 1 2) (Pos 1 0), index (Pos 0 0, Pos 1 2) (Pos 1 2))
  print (inRange (Pos 0 0, Pos 1 2) (Pos 2 0), inRange (Pos 0 0, Pos 1 2) (Pos 1 1))
  print (rangeSize (Pos 0 0, Pos 3 3))
  print (map (index (Cube 0 'a' False, Cube 1 'b' True)) (range (Cube 0 'a' False, Cube (1 :: Int) 'b' True)))
  print (range (Cube 'x' 'a' True, Cube 'y' 'a' True))
