-- Text.Read: read, reads, readMaybe, readEither, lex and readParen on numbers,
-- records, operators, lists, tuples and strings, including failures.
import Text.Read

data Shape = Circle Double | Rect { width :: Int, height :: Int } | Shape :+: Shape
  deriving (Show, Read, Eq)
infixl 6 :+:

main :: IO ()
main = do
  print (read " 42 " :: Int, read "-7" :: Int, read "(-7)" :: Integer, read "0x1F" :: Int, read "0o17" :: Int, read "123456789012345678901234567890" :: Integer)
  print (read "3.25" :: Double, read "-1.5e-3" :: Double, read "7" :: Double, read "Infinity" :: Double, read "[1,2, 3]" :: [Int], read " ( 1 , \"a\" ) " :: (Int, String))
  print (readMaybe "12" :: Maybe Int, readMaybe "12x" :: Maybe Int, readMaybe "" :: Maybe Int, readEither "5" :: Either String Int, readEither "five" :: Either String Int, readEither "1 2" :: Either String Int)
  print (read "Circle 2.0" :: Shape, read "Rect {width = 3, height = 4}" :: Shape, read " Rect { width = 3 , height = 4 } " == Rect 3 4, read "Circle 1.0 :+: Rect {width = 1, height = 2}" :: Shape)
  print (readMaybe "Rect 3 4" :: Maybe Shape, reads "17 rest" :: [(Int, String)], reads "nope" :: [(Int, String)], lex "  hello world", lex "<= x", lex "'a' b", lex "\"str\" tail", lex "")
  print (read "(True,'x',LT)" :: (Bool, Char, Ordering), read "Just [Left 1, Right 'c']" :: Maybe [Either Int Char], read "\"esc\\n\\t\\\"q\\\"\"" :: String, read "()" :: ())
  print (readParen True reads "((5))" :: [(Int, String)], readParen False reads "5" :: [(Int, String)], (readsPrec 11 "-5" :: [(Int, String)]), read "  [ ( 1 , 2 ) ] " :: [(Int, Int)])
