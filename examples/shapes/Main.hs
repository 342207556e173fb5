-- Run with: bhc run examples/shapes/Main.hs
-- (bhc finds Shapes.hs next to Main.hs; a second run links both from their interface files.)
import Data.List (sortOn)
import Shapes

main :: IO ()
main = mapM_ (putStrLn . describe) (sortOn area [Rect 3 4, Circle 1, Rect 1 2])
