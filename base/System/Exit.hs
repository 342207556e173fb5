-- System.Exit: ending the program with an exit code (GHC's module of the same name).
-- Exiting throws ExitCode, so `finally` and `bracket` handlers run on the way out; the
-- top-level handler (Prelude.runMainIO) turns it into the process's exit code.
module System.Exit
  ( ExitCode(..), exitWith, exitFailure, exitSuccess, die
  ) where

exitWith :: ExitCode -> IO a
exitWith code = case code of
  ExitFailure 0 -> ioError (IOError Nothing InvalidArgument "exitWith" "ExitFailure 0" Nothing Nothing)
  _ -> throwIO code

exitFailure :: IO a
exitFailure = exitWith (ExitFailure 1)

exitSuccess :: IO a
exitSuccess = exitWith ExitSuccess

-- | Print a message on stderr and exit with code 1.
die :: String -> IO a
die err = hPutStrLn stderr err >> exitFailure
