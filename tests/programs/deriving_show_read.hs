-- Derived Show and Read: infix constructors at their fixity (symbolic and
-- backquoted), records with operator fields, negative fields, nested
-- parameterised types, round trips.
infixl 6 :+:
infixl 7 :*:
infixr 5 :::
infix 4 `Eq2`

data Expr = Lit Int | Expr :+: Expr | Expr :*: Expr | Neg Expr
  deriving (Show, Read, Eq)

data Chain = End | Int ::: Chain
  deriving (Show, Read, Eq)

data Pair = Int `Eq2` Int | Int `Plain` Bool
  deriving (Show, Read, Eq)

data Rec = Rec {field :: Maybe Int, (<+>) :: Int}
  deriving (Show, Read, Eq)

data Op = (:%%) Int Int | Nullary
  deriving (Show, Read, Eq)

data Box a = Box a | Empty
  deriving (Show, Read, Eq)

data Color = Red | Green | Blue
  deriving (Show, Read, Eq)

newtype Age = Age Int
  deriving (Show, Read, Eq)

roundTrip :: (Show a, Read a, Eq a) => a -> Bool
roundTrip x = read (show x) == x

main :: IO ()
main = do
  print (Lit 1 :+: Lit 2 :*: Lit 3)
  print ((Lit 1 :+: Lit 2) :*: Lit 3)
  print (Neg (Lit (-4)) :+: Lit 0)
  print (Just (Lit 1 :+: Lit 2))
  print (3 ::: (-4) ::: End)
  print (Just (1 `Eq2` 2), 3 `Plain` True)
  print (Rec {field = Just (-3), (<+>) = 7})
  print ((:%%) 1 (-2), [Nullary])
  print (Box (Box (Just (-5 :: Int))), Empty :: Box Int)
  print (Age 5, Just (Age (-6)))
  putStrLn (showsPrec 7 (Lit 1 :+: Lit 2) "")
  putStrLn (showsPrec 6 (Lit 1 :+: Lit 2) "")
  print (read "Blue" :: Color)
  print (read " ( Green ) " :: Color)
  print (map read (words "Red Green Blue") :: [Color])
  print (read "Lit 1 :+: Lit 2 :*: Lit 3" :: Expr)
  print (read "1 ::: (2 ::: End)" :: Chain)
  print (read "1 `Eq2` 2" :: Pair)
  print (read "Rec {field = Nothing, (<+>) = -2}" :: Rec)
  print (read "(:%%) 4 (-5)" :: Op)
  print (read "Box (Box 3)" :: Box (Box Int))
  print (read "[Box 'a',Empty]" :: [Box Char])
  print (read "(Red,Just (Age 1))" :: (Color, Maybe Age))
  print (roundTrip (Neg (Lit (-1)) :*: (Lit 2 :+: Lit 3)))
  print (roundTrip (3 ::: (-4) ::: End))
  print (roundTrip [1 `Eq2` 2, 3 `Plain` False])
  print (roundTrip (Rec (Just 1) (-1)))
  print (roundTrip (Box (Just [Left 1, Right 'x'] :: Maybe [Either Int Char])))
  print ((reads :: ReadS Color) "Green rest")
  print ((reads :: ReadS Color) "Purple")
  print ((reads :: ReadS Age) "Age")
