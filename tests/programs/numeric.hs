-- Numeric: showing numbers in other bases and float formats, reading them back.
import Numeric

main :: IO ()
main = do
  print (showHex (255 :: Int) "", showOct (64 :: Int) "", showHex (2 ^ 70 :: Integer) "", showIntAtBase 36 (\d -> toEnum (d + if d < 10 then 48 else 87)) (123456 :: Int) "", showInt (42 :: Integer) "")
  print (showFFloat (Just 3) (3.14159 :: Double) "", showFFloat Nothing (1.0e-2 :: Double) "", showEFloat (Just 2) (1234.5 :: Double) "", showEFloat Nothing (0.001 :: Double) "", showGFloat (Just 2) (0.5 :: Double) "", showGFloat (Just 2) (1.0e8 :: Double) "")
  print (showFFloat (Just 0) (2.5 :: Double) "", showFFloat (Just 1) (0.05 :: Double) "", showFFloatAlt (Just 0) (3 :: Double) "", showGFloatAlt Nothing (7 :: Double) "", showFloat (1.5e-3 :: Float) "", showFFloat (Just 2) (-0.005 :: Double) "")
  print (showSigned showInt 7 (-5 :: Int) "", showSigned showInt 0 (-5 :: Int) "", floatToDigits 10 (0.3 :: Double), floatToDigits 2 (0.75 :: Double), fromRat (1 / 3) :: Double)
  print (readHex "ffz" :: [(Int, String)], readOct "777" :: [(Integer, String)], readDec "12ab" :: [(Int, String)], readSigned readDec "-15 x" :: [(Int, String)], readFloat "2.5e2x" :: [(Double, String)])
  print (readHex "DEADbeef" :: [(Integer, String)], fst (head (readHex (showHex (2 ^ 100 + 7 :: Integer) ""))) == (2 ^ 100 + 7 :: Integer), lexDigits "123abc", readInt 3 (`elem` "012") (\c -> fromEnum c - 48) "2101" :: [(Int, String)])
  print (map (\x -> showFFloat (Just 2) x "") [0.125, 0.375, 1.005, 1e21, 123456.789 :: Double], showEFloat (Just 0) (9.99 :: Double) "", showGFloat Nothing (1e-5 :: Double) "")
