-- Control.Exception: throw and catch across the hierarchy (ErrorCall, ArithException,
-- IOException, user exceptions), handlers, finally, bracket, evaluate,
-- try, tryJust, catchJust, throwIO, catches and displayException.
import Control.Exception
import System.IO.Error (userError)

data Boom = Boom String deriving Show
instance Exception Boom

main :: IO ()
main = do
  r1 <- try (evaluate (1 `div` (0 :: Int)))
  print (r1 :: Either ArithException Int)
  r2 <- try (evaluate (head ([] :: [Int])))
  putStrLn (either (\e -> "caught ErrorCall: " ++ takeWhile (/= '\n') (show (e :: ErrorCall))) show r2)
  r3 <- try (throwIO (Boom "bang"))
  print (r3 :: Either Boom ())
  r4 <- try (evaluate (error "custom" :: Int))
  print (either (\(ErrorCall m) -> m) show r4)
  handle (\e -> putStrLn ("handled: " ++ show (e :: ArithException))) (throwIO Overflow)
  (putStrLn "body" >> throwIO (Boom "in body")) `catch` (\(Boom m) -> putStrLn ("caught " ++ m))
  (putStrLn "finally body" `finally` putStrLn "finalizer")
  r5 <- try ((throwIO DivideByZero >> return ()) `finally` putStrLn "finalizer after throw")
  print (r5 :: Either ArithException ())
  x <- bracket (putStrLn "acquire" >> return 5) (\_ -> putStrLn "release") (\n -> return (n * 2 :: Int))
  print x
  r6 <- try (bracket_ (putStrLn "in") (putStrLn "out") (throwIO (userError "mid")))
  print (r6 :: Either IOException ())
  r7 <- try (throw (Boom "pure") :: IO ())
  print (fmap (const ()) (r7 :: Either SomeException ()))
  let handlers = [Handler (\e -> return ("arith: " ++ show (e :: ArithException))), Handler (\(Boom m) -> return ("boom: " ++ m))]
  s1 <- (throwIO (Boom "x") >> return "none") `catches` handlers
  s2 <- (evaluate (2 `mod` (0 :: Int)) >> return "none") `catches` handlers
  print (s1, s2)
  r8 <- try (evaluate (length [1 .. 5 :: Int]))
  print (r8 :: Either SomeException Int)
  e <- try (throwIO (ErrorCall "wrapped"))
  case e of
    Left se -> print (fromException se :: Maybe ErrorCall, fromException se :: Maybe ArithException, displayException se)
    Right () -> return ()
  print (toException (Boom "t"), fromException (toException Underflow) :: Maybe ArithException)
  r9 <- tryJust (\ex -> if ex == LossOfPrecision then Just "lost" else Nothing) (throwIO LossOfPrecision)
  print (r9 :: Either String ())
  r10 <- try (catchJust (\ex -> if ex == Overflow then Just () else Nothing) (throwIO Underflow) (\_ -> putStrLn "no"))
  print (r10 :: Either ArithException ())
  n <- (evaluate (assertPositive (-1)) `onException` putStrLn "onException ran") `catch` (\(ErrorCall m) -> putStrLn m >> return 0)
  print n
  throwIO (Boom "uncaught")
  where
    assertPositive :: Int -> Int
    assertPositive k = if k > 0 then k else error "not positive"
