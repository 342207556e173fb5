-- Control.Exception.catches: the first handler whose type matches runs; others pass it on.
import Control.Exception
main :: IO ()
main = do
  let hs = [Handler (\e -> putStrLn ("arith " ++ show (e :: ArithException))), Handler (\(ErrorCall m) -> putStrLn ("error " ++ m))]
  (evaluate (1 `div` (0::Int)) >> return ()) `catches` hs
  (evaluate (error "x" :: Int) >> return ()) `catches` hs
  r <- try ((evaluate (head "") >> return ()) `catches` [Handler (\e -> putStrLn ("arith " ++ show (e :: ArithException)))])
  print (either (\e -> "passed on: " ++ show (e :: SomeException)) (const "none") r)
