-- System.Environment: the program's command-line arguments, its name, and its
-- environment variables (GHC's module of the same name, with GHC's errors). The
-- runtime holds them as UTF-8 bytes; lists of texts cross as NUL-ended entries.
module System.Environment
  ( getArgs, getProgName, withArgs, withProgName
  , getEnvironment, lookupEnv, getEnv, setEnv, unsetEnv
  ) where

import Control.Exception (bracket_)

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

-- | Run an action with these arguments, restoring the old ones afterwards (also when
-- it throws).
withArgs :: [String] -> IO a -> IO a
withArgs args act = getArgs >>= \old -> bracket_ (setArgs args) (setArgs old) act

-- | Run an action with this program name, restoring the old one afterwards.
withProgName :: String -> IO a -> IO a
withProgName name act = getProgName >>= \old -> bracket_ (setProgName name) (setProgName old) act

setArgs :: [String] -> IO ()
setArgs args = IO (withByteArray (nulEnded args) (\bytes w -> case setArgs# bytes w of
  _ -> IORes ()))

setProgName :: String -> IO ()
setProgName name = IO (withByteArray (encodeUtf8 name) (\bytes w -> case setProgName# bytes w of
  _ -> IORes ()))

nulEnded :: [String] -> [Int]
nulEnded = concatMap (\s -> encodeUtf8 s ++ [0])

-- | Every environment variable with its value, split at the first '='.
getEnvironment :: IO [(String, String)]
getEnvironment = IO (\w -> case getEnvironment# w of
  !entries -> IORes (map divide (splitEntries (unpackUtf8 entries))))
  where
    splitEntries [] = []
    splitEntries s = case break (== '\0') s of
      (entry, rest) -> entry : splitEntries (drop 1 rest)
    divide entry = case break (== '=') entry of
      (name, _ : value) -> (name, value)
      (name, []) -> (name, [])

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

-- | Set a variable; an empty value removes it, as in GHC. Both texts end at a NUL. An
-- empty name or one holding '=' is an InvalidArgument IOError.
setEnv :: String -> String -> IO ()
setEnv name0 value0
  | null name || '=' `elem` name = ioError (IOError Nothing InvalidArgument "setEnv" "" Nothing Nothing)
  | null value = unsetEnv name
  | otherwise = IO (withByteArray (encodeUtf8 name) (\key -> withByteArray (encodeUtf8 value) (\val w ->
      case setEnv# key val w of
        r -> checkEnvResult "setEnv" (I# r) w)))
  where
    name = takeWhile (/= '\0') name0
    value = takeWhile (/= '\0') value0

-- | Remove a variable (nothing happens if it is unset); a name the C library refuses
-- is an InvalidArgument IOError.
unsetEnv :: String -> IO ()
unsetEnv name = IO (withByteArray (encodeUtf8 name) (\key w -> case unsetEnv# key w of
  r -> checkEnvResult "unsetEnv" (I# r) w))

checkEnvResult :: String -> Int -> RealWorld -> IORes ()
checkEnvResult loc r w = if r < 0 then unIO (ioError (errnoError (negate r) loc Nothing Nothing)) w
  else IORes ()
