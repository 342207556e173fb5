-- Deep recursion that spans many stack chunks: returns across chunk boundaries,
-- exceptions unwinding through them, and thunks updated on the way.
import Control.Exception

sumTo :: Int -> Integer
sumTo 0 = 0
sumTo n = fromIntegral n + sumTo (n - 1)

deepThrow :: Int -> Int
deepThrow 0 = throw (ErrorCall "bottom")
deepThrow n = 1 + deepThrow (n - 1)

-- A handler every 1000 levels: the innermost catches the exception raised below it.
layered :: Int -> IO Int
layered 0 = throwIO (userError "deep")
layered n
  | n `mod` 1000 == 0 = fmap (+ 1) (layered (n - 1)) `catch` handler
  | otherwise = fmap (+ 1) (layered (n - 1))
  where
    handler :: IOException -> IO Int
    handler _ = return n

message :: Either ErrorCall Integer -> String
message = either (\(ErrorCall m) -> m) show

main :: IO ()
main = do
  print (sumTo 6000)
  r <- try (evaluate (deepThrow 6000))
  putStrLn (either (\(ErrorCall m) -> "caught " ++ m) show r)
  layered 5000 >>= print
  print (foldl (+) 0 [1 .. 10000 :: Integer])
  let t = sumTo 5000 + (if sumTo 10 > 0 then throw (ErrorCall "again") else 0)
  r2 <- try (evaluate t)
  putStrLn (message r2)
  r3 <- try (evaluate t)
  putStrLn (message r3)
  print (length (show (product [1 .. 1000 :: Integer])))
