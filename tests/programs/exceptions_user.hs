-- User-defined exception types are thrown and caught by type; handlers for other
-- types let them pass; bracket/finally run their finalisers; try returns Left.
import Control.Exception
import System.Exit

data BankError = InsufficientFunds Int | UnknownAccount String
  deriving Show

instance Exception BankError

data Other = Other deriving Show
instance Exception Other

withdraw :: Int -> Int -> IO Int
withdraw bal amt
  | amt > bal = throwIO (InsufficientFunds (amt - bal))
  | otherwise = return (bal - amt)

main :: IO ()
main = do
  r <- try (withdraw 10 20)
  case r of
    Left (InsufficientFunds n) -> putStrLn ("short by " ++ show n)
    Left e -> putStrLn ("other: " ++ show e)
    Right v -> print v
  r2 <- try (withdraw 30 20) :: IO (Either BankError Int)
  print (either (const (-1)) id r2)
  (throwIO Other >> return ()) `catch` (\e -> putStrLn ("caught Other: " ++ show (e :: Other)))
  -- A handler for another type does not catch it.
  ((throwIO (UnknownAccount "bob") >> return ()) `catch` (\e -> putStrLn ("wrong " ++ show (e :: Other))))
    `catch` (\e -> putStrLn ("outer caught " ++ show (e :: BankError)))
  -- SomeException catches everything; fromException recovers the type.
  (throw (UnknownAccount "eve") :: IO ()) `catch` \se -> do
    putStrLn ("some: " ++ show (se :: SomeException))
    print (fmap show (fromException se :: Maybe BankError))
    print (fmap show (fromException se :: Maybe ArithException))
  (evaluate (1 `div` (0 :: Int)) >> return ()) `catch` \e -> putStrLn ("arith: " ++ displayException (e :: ArithException))
  (putStrLn "body" >> throwIO (ErrorCall "in body")) `catch` (\(ErrorCall m) -> putStrLn ("error: " ++ m)) `finally` putStrLn "finally ran"
  res <- try (evaluate (head ([] :: [Int])))
  case res of
    Left (ErrorCall m) -> putStrLn "head failed"
    Right _ -> putStrLn "no"
  r3 <- try (bracket (putStrLn "acquire" >> return 5) (\_ -> putStrLn "release") (\x -> throwIO (InsufficientFunds x) >> return x))
  print (either (\e -> show (e :: BankError)) show r3)
  handle (\e -> putStrLn ("exit caught: " ++ show (e :: ExitCode))) (exitWith (ExitFailure 3))
  (exitWith (ExitFailure 4)) `finally` putStrLn "cleanup before exit"
  putStrLn "not reached"
