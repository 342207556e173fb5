-- System.IO.Error: the IOError type, its kinds and predicates (GHC's module of the
-- same name).
module System.IO.Error
  ( IOError, IOErrorType, userError, mkIOError, annotateIOError
  , isAlreadyExistsError, isDoesNotExistError, isAlreadyInUseError, isFullError, isEOFError
  , isIllegalOperation, isPermissionError, isUserError, isResourceVanishedError
  , ioeGetErrorType, ioeGetLocation, ioeGetErrorString, ioeGetHandle, ioeGetFileName
  , ioeSetErrorType, ioeSetErrorString, ioeSetLocation, ioeSetHandle, ioeSetFileName
  , alreadyExistsErrorType, doesNotExistErrorType, alreadyInUseErrorType, fullErrorType
  , eofErrorType, illegalOperationErrorType, permissionErrorType, userErrorType
  , isAlreadyExistsErrorType, isDoesNotExistErrorType, isAlreadyInUseErrorType, isFullErrorType
  , isEOFErrorType, isIllegalOperationErrorType, isPermissionErrorType, isUserErrorType
  , ioError, catchIOError, tryIOError, modifyIOError
  ) where

-- | An IOError of a kind, with a location, an optional handle and file name.
mkIOError :: IOErrorType -> String -> Maybe Handle -> Maybe FilePath -> IOError
mkIOError t location hdl path = IOError hdl t location "" Nothing path

-- | Add a location, handle and file name to an error that lacks them.
annotateIOError :: IOError -> String -> Maybe Handle -> Maybe FilePath -> IOError
annotateIOError e loc hdl path = e
  { ioe_handle = maybe (ioe_handle e) Just hdl
  , ioe_location = loc
  , ioe_filename = maybe (ioe_filename e) Just path
  }

isAlreadyExistsError, isDoesNotExistError, isAlreadyInUseError, isFullError, isEOFError,
  isIllegalOperation, isPermissionError, isUserError, isResourceVanishedError :: IOError -> Bool
isAlreadyExistsError = isAlreadyExistsErrorType . ioeGetErrorType
isDoesNotExistError = isDoesNotExistErrorType . ioeGetErrorType
isAlreadyInUseError = isAlreadyInUseErrorType . ioeGetErrorType
isFullError = isFullErrorType . ioeGetErrorType
isEOFError = isEOFErrorType . ioeGetErrorType
isIllegalOperation = isIllegalOperationErrorType . ioeGetErrorType
isPermissionError = isPermissionErrorType . ioeGetErrorType
isUserError = isUserErrorType . ioeGetErrorType
isResourceVanishedError e = ioeGetErrorType e == ResourceVanished

alreadyExistsErrorType, doesNotExistErrorType, alreadyInUseErrorType, fullErrorType,
  eofErrorType, illegalOperationErrorType, permissionErrorType, userErrorType :: IOErrorType
alreadyExistsErrorType = AlreadyExists
doesNotExistErrorType = NoSuchThing
alreadyInUseErrorType = ResourceBusy
fullErrorType = ResourceExhausted
eofErrorType = EOF
illegalOperationErrorType = IllegalOperation
permissionErrorType = PermissionDenied
userErrorType = UserError

isAlreadyExistsErrorType, isDoesNotExistErrorType, isAlreadyInUseErrorType, isFullErrorType,
  isEOFErrorType, isIllegalOperationErrorType, isPermissionErrorType, isUserErrorType :: IOErrorType -> Bool
isAlreadyExistsErrorType = (== AlreadyExists)
isDoesNotExistErrorType = (== NoSuchThing)
isAlreadyInUseErrorType = (== ResourceBusy)
isFullErrorType = (== ResourceExhausted)
isEOFErrorType = (== EOF)
isIllegalOperationErrorType = (== IllegalOperation)
isPermissionErrorType = (== PermissionDenied)
isUserErrorType = (== UserError)

ioeGetErrorType :: IOError -> IOErrorType
ioeGetErrorType = ioe_type

-- | The description of a user error, else the kind of error as text.
ioeGetErrorString :: IOError -> String
ioeGetErrorString e
  | isUserErrorType (ioe_type e) = ioe_description e
  | otherwise = show (ioe_type e)

ioeGetLocation :: IOError -> String
ioeGetLocation = ioe_location

ioeGetHandle :: IOError -> Maybe Handle
ioeGetHandle = ioe_handle

ioeGetFileName :: IOError -> Maybe FilePath
ioeGetFileName = ioe_filename

ioeSetErrorType :: IOError -> IOErrorType -> IOError
ioeSetErrorType e t = e { ioe_type = t }

ioeSetErrorString :: IOError -> String -> IOError
ioeSetErrorString e s = e { ioe_description = s }

ioeSetLocation :: IOError -> String -> IOError
ioeSetLocation e s = e { ioe_location = s }

ioeSetHandle :: IOError -> Handle -> IOError
ioeSetHandle e h = e { ioe_handle = Just h }

ioeSetFileName :: IOError -> FilePath -> IOError
ioeSetFileName e p = e { ioe_filename = Just p }

-- | Catch only IOErrors.
catchIOError :: IO a -> (IOError -> IO a) -> IO a
catchIOError = catch

tryIOError :: IO a -> IO (Either IOError a)
tryIOError a = catch (a >>= \v -> return (Right v)) (\e -> return (Left e))

-- | Change the IOErrors the action raises.
modifyIOError :: (IOError -> IOError) -> IO a -> IO a
modifyIOError f io = catch io (\e -> ioError (f e))
