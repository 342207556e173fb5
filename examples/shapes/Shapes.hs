-- A module with an export list and an abstract-ish API, used by Main.hs.
module Shapes (Shape (..), area, describe) where

data Shape = Circle Double | Rect Double Double
  deriving (Show, Eq)

area :: Shape -> Double
area (Circle r) = pi * r * r
area (Rect w h) = w * h

describe :: Shape -> String
describe s = show s ++ " has area " ++ show (area s)
