-- Big Integers shown and printed at many sizes and signs, and hPutStr of long strings
-- whose tails are not evaluated yet: what an exception interrupts is lost as in GHC
-- (a spare buffer per call, handed over at 2047 characters, at a newline when
-- line-buffered, and at the end), interleaved with hFlush and hSetBuffering.
import Control.Exception
import System.IO

sizes :: [Integer]
sizes = [s * (10 ^ k + d) | k <- [0, 1, 18, 19, 20, 37, 38, 39, 40, 57, 100, 1000, 4321], d <- [-1, 0, 1], s <- [1, -1]]

attempt :: IO () -> IO ()
attempt act = do
  r <- try act
  case r of
    Left (ErrorCall m) -> putStrLn ("<" ++ m ++ ">")
    Right () -> putStrLn "<done>"

digitSum :: Integer -> Int
digitSum = sum . map (\c -> fromEnum c - 48) . filter (/= '-') . show

main :: IO ()
main = do
  mapM_ print sizes
  print (map (length . show) sizes)
  print (2 ^ 64 :: Integer, negate (2 ^ 64) :: Integer, 2 ^ 63 :: Integer, negate (2 ^ 63) :: Integer)
  putStrLn (showsPrec 7 (negate (3 ^ 100) :: Integer) "")
  putStrLn (showsPrec 6 (negate (3 ^ 100) :: Integer) "")
  putStrLn (showsPrec 7 (3 ^ 100 :: Integer) "")
  print (Just (negate (7 ^ 50) :: Integer), [negate (2 ^ 70) :: Integer, 0, 2 ^ 70])
  let big = 7 ^ (11800 :: Int) * (3 ^ (20900 :: Int) + 1) :: Integer
      s = show big
  print (length s, digitSum big, take 30 s, drop (length s - 30) s)
  print (product [1 .. 3249 :: Integer] `mod` (10 ^ 40 + 7), length (show (product [1 .. 3249 :: Integer])))
  hPutStrLn stdout (show (negate big `div` (10 ^ 9000)))
  hFlush stdout
  attempt (putStr (show (2 ^ 200 :: Integer) ++ undefined))
  attempt (putStr (concatMap show [1 .. 3000 :: Int] ++ undefined))
  attempt (putStr (show (negate (10 ^ 5000) :: Integer) ++ "!" ++ error "late"))
  putStr "kept "
  attempt (putStrLn ("lost" ++ undefined))
  hSetBuffering stdout LineBuffering
  attempt (putStr ("line one\nline two" ++ undefined))
  attempt (putStr (replicate 3000 'y' ++ undefined))
  hSetBuffering stdout NoBuffering
  attempt (putStr ("unbuffered " ++ show (2 ^ 100 :: Integer) ++ undefined))
  hSetBuffering stdout (BlockBuffering Nothing)
  putStr (take 5000 (cycle "abc\n"))
  hFlush stdout
  putStrLn (show (10 ^ 30 - 1 :: Integer) ++ " end")
