-- Negative zero: `-0`, `-0.0`, `-(0)` and `negate 0` are `negate (fromInteger 0)` (or of
-- `fromRational 0`), which is -0.0 at Double and Float; as patterns, -0 matches 0.
isZero :: Double -> String
isZero (-0) = "zero"
isZero _ = "other"

isZeroF :: Float -> String
isZeroF (-0.0) = "zero"
isZeroF _ = "other"

classify :: Double -> String
classify x = case x of
  -0 -> "case zero"
  _ -> "case other"

main :: IO ()
main = do
  print (-0 :: Double)
  print (-0.0 :: Double)
  print (-(0) :: Double)
  print (negate 0 :: Double)
  print (-0 :: Float)
  print (-0.0 :: Float)
  print (-(0) :: Float)
  print (negate 0 :: Float)
  print (map isNegativeZero [-0, -0.0, -(0), negate 0, 0, 0.0 :: Double])
  print (map isNegativeZero [-0, -0.0, -(0), negate 0, 0, 0.0 :: Float])
  print (show (-0 :: Double), show (-0.0 :: Float))
  print (1 / (-0 :: Double), 1 / (-0.0 :: Float))
  print (-0 :: Int, -0 :: Integer, negate 0 :: Int, -5 :: Int, -5 :: Double)
  putStrLn (isZero 0 ++ " " ++ isZero (-0) ++ " " ++ isZero (-0.0) ++ " " ++ isZero 1)
  putStrLn (isZeroF 0 ++ " " ++ isZeroF (-0) ++ " " ++ isZeroF 2)
  putStrLn (classify 0 ++ ", " ++ classify (-0.0) ++ ", " ++ classify 3)
  print (let z = -0 in (z :: Double, z == (0 :: Double)))
  print [-0, 1, -0.0 :: Double]
