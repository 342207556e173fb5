-- System.Exit: exit codes as exceptions that can be caught, and the final exit code.
import System.Exit
import Control.Exception

main :: IO ()
main = do
  r <- try (exitWith (ExitFailure 3))
  print (r :: Either ExitCode ())
  r2 <- try exitSuccess
  print (r2 :: Either ExitCode ())
  r3 <- try (exitFailure :: IO ())
  print (r3 :: Either ExitCode ())
  print (ExitSuccess, ExitFailure 2, ExitSuccess == ExitSuccess, ExitFailure 1 < ExitFailure 2, read "ExitFailure 4" :: ExitCode)
  r4 <- try (exitWith (ExitFailure 0))
  print (fmap (const ()) (r4 :: Either SomeException ()))
  (exitWith (ExitFailure 7) `finally` putStrLn "finalizer runs before exit") `catch` (\e -> putStrLn ("caught " ++ show (e :: ExitCode)))
  r5 <- try (die "dying message")
  print (r5 :: Either ExitCode ())
  putStrLn "exiting with 42"
  _ <- exitWith (ExitFailure 42)
  putStrLn "not reached"
