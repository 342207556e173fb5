-- hPutStr of strings whose tails are not evaluated yet, as GHC does it: each call fills
-- a spare buffer handed to the handle at 2047 characters, at a newline when
-- line-buffered and at the end, so what an exception interrupts is not written;
-- unbuffered, every character is. Interleaved with hFlush and hSetBuffering, with big
-- Integers' digits (built 4,096 at a time) as the evaluated prefixes.
import Control.Exception
import System.IO

attempt :: IO () -> IO ()
attempt act = do
  r <- try act
  case r of
    Left (ErrorCall m) -> putStrLn ("<" ++ m ++ ">")
    Right () -> putStrLn "<done>"

main :: IO ()
main = do
  let big = 3 ^ (10000 :: Int) :: Integer
  putStrLn (show big)
  putStrLn (showsPrec 7 (negate big) "")
  hFlush stdout
  attempt (putStr (show (2 ^ 200 :: Integer) ++ undefined))
  attempt (putStr (concatMap show [1 .. 800 :: Int] ++ undefined))
  attempt (putStr (show (negate big) ++ "!" ++ error "late"))
  putStr "kept "
  attempt (putStrLn ("lost" ++ undefined))
  attempt (print (length [1 .. 10 :: Int], 2 ^ 70 :: Integer))
  hSetBuffering stdout LineBuffering
  attempt (putStr ("line one\nline two" ++ undefined))
  attempt (putStr (show big ++ undefined))
  hSetBuffering stdout NoBuffering
  attempt (putStr ("unbuffered " ++ show (2 ^ 100 :: Integer) ++ undefined))
  hSetBuffering stdout (BlockBuffering Nothing)
  putStr (take 2500 (cycle "ab\n"))
  hFlush stdout
  putStrLn (show (10 ^ 30 - 1 :: Integer) ++ " end")
