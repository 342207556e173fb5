-- System.Environment: the program's command-line arguments, its name, and its
-- environment variables (GHC's module of the same name). The runtime holds them as
-- UTF-8 bytes.
module System.Environment
  ( getArgs, getProgName, lookupEnv, getEnv
  ) where

-- | The command-line arguments (without the program name).
getArgs :: IO [String]
getArgs = IO (\w -> case getArgCount# w of
  n -> collect w n [])
  where
    collect w i acc = if isTrue# (i <=# 0#) then IORes acc
      else case getArg# (i -# 1#) w of
        !arg -> collect w (i -# 1#) (unpackUtf8 arg : acc)

-- | The program's name, as the runtime was given it.
getProgName :: IO String
getProgName = IO (\w -> case getProgName# w of
  !name -> IORes (unpackUtf8 name))

-- | The value of an environment variable, if it is set.
lookupEnv :: String -> IO (Maybe String)
lookupEnv name = IO (withByteArray (encodeUtf8 name) (\key w -> case envExists# key w of
  0# -> IORes Nothing
  _ -> case lookupEnv# key w of
    IORes value -> IORes (Just (unpackUtf8 value))))

-- | The value of an environment variable; an IOError (does not exist) if it is unset.
getEnv :: String -> IO String
getEnv name = lookupEnv name >>= \v -> case v of
  Just value -> return value
  Nothing -> ioError (IOError Nothing NoSuchThing "getEnv" "no environment variable" Nothing (Just name))
