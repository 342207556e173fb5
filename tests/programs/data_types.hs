-- User data types, constructor patterns, nested patterns, guards, where and case.
data Shape = Circle Int | Rect Int Int | Triangle Int Int Int

data Tree = Leaf | Node Tree Int Tree

area :: Shape -> Int
area (Circle r) = 3 * r * r
area (Rect w h) = w * h
area (Triangle a b c)
  | a == b && b == c = a * a
  | otherwise = s * 2
  where
    s = a + b + c

describe :: Shape -> String
describe s = case s of
  Circle _ -> "circle"
  Rect w h | w == h -> "square"
           | otherwise -> "rectangle"
  _ -> "triangle"

insert :: Int -> Tree -> Tree
insert x Leaf = Node Leaf x Leaf
insert x t@(Node l v r)
  | x < v = Node (insert x l) v r
  | x > v = Node l v (insert x r)
  | otherwise = t

toList :: Tree -> [Int]
toList Leaf = []
toList (Node l v r) = toList l ++ [v] ++ toList r

depth :: Tree -> Int
depth Leaf = 0
depth (Node l _ r) = 1 + max (depth l) (depth r)

firstTwo :: [a] -> Maybe (a, a)
firstTwo (x : y : _) = Just (x, y)
firstTwo _ = Nothing

main :: IO ()
main = do
  let shapes = [Circle 2, Rect 3 4, Rect 5 5, Triangle 2 2 2, Triangle 3 4 5]
  print (map area shapes)
  putStrLn (unwords (map describe shapes))
  let t = foldr insert Leaf [5, 3, 8, 1, 4, 7, 9, 2, 6]
  print (toList t)
  print (depth t)
  print (firstTwo "abc")
  print (firstTwo [1 :: Int])
