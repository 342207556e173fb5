-- System.Environment: variables (get, set, unset, the whole environment), arguments
-- and program name replaced for an action and restored afterwards, also on exceptions.
import Control.Exception
import System.Environment
import System.IO.Error

tryIO :: IO a -> IO (Either IOException a)
tryIO = try

main :: IO ()
main = do
  lookupEnv "BHC_ENV_TEST" >>= print
  r <- tryIO (getEnv "BHC_ENV_TEST")
  print r
  either (\e -> print (isDoesNotExistError e, ioeGetFileName e, ioeGetLocation e)) (const (return ())) r
  setEnv "BHC_ENV_TEST" "value=with=equals \955"
  getEnv "BHC_ENV_TEST" >>= putStrLn
  env <- getEnvironment
  print (lookup "BHC_ENV_TEST" env)
  agree <- mapM (\(k, v) -> fmap (== Just v) (lookupEnv k)) env
  print (and agree, length env == length agree, not (null env))
  setEnv "BHC_ENV_TEST" "second"
  lookupEnv "BHC_ENV_TEST" >>= print
  setEnv "BHC_ENV_TEST" ""
  lookupEnv "BHC_ENV_TEST" >>= print
  setEnv "BHC_ENV_TEST\0ignored" "before NUL\0after"
  lookupEnv "BHC_ENV_TEST" >>= print
  unsetEnv "BHC_ENV_TEST"
  lookupEnv "BHC_ENV_TEST" >>= print
  unsetEnv "BHC_ENV_TEST"
  fmap (lookup "BHC_ENV_TEST") getEnvironment >>= print
  mapM_ (\(k, v) -> tryIO (setEnv k v) >>= print) [("", "x"), ("A=B", "x")]
  mapM_ (\k -> do
          u <- tryIO (unsetEnv k)
          print u
          either (\e -> print (isDoesNotExistError e, ioeGetLocation e, ioeGetFileName e)) return u)
        ["", "A=B"]
  args <- getArgs
  print args
  withArgs ["one", "two \955", ""] (getArgs >>= print)
  withArgs [] (getArgs >>= print >> withArgs ["inner"] (getArgs >>= print) >> getArgs >>= print)
  getArgs >>= print . (== args)
  t <- tryIO (withArgs ["during"] (getArgs >>= print >> ioError (userError "thrown inside withArgs") :: IO ()))
  print t
  getArgs >>= print . (== args)
  name <- getProgName
  withProgName "renamed" (getProgName >>= putStrLn)
  t2 <- try (withProgName "renamed" (getProgName >>= putStrLn >> evaluate (1 `div` (0 :: Int))))
  print (t2 :: Either ArithException Int)
  getProgName >>= print . (== name)
  getEnv "BHC_ENV_TEST"
  putStrLn "not reached"
