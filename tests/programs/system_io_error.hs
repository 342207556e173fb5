-- System.IO.Error: building, classifying, annotating and catching IOErrors.
import System.IO
import System.IO.Error
import Control.Exception (try, throwIO)

main :: IO ()
main = do
  r <- tryIOError (openFile "/nonexistent/dir/file" ReadMode)
  case r of
    Left e -> do
      print e
      print (isDoesNotExistError e, isAlreadyExistsError e, isPermissionError e, isUserError e, isEOFError e, isFullError e, isIllegalOperation e, isAlreadyInUseError e)
      print (ioeGetFileName e, ioeGetLocation e, ioeGetErrorString e, ioeGetHandle e)
    Right _ -> putStrLn "opened?"
  let u = userError "my message"
  print (u, isUserError u, ioeGetErrorString u, isUserErrorType (ioeGetErrorType u))
  let e2 = mkIOError doesNotExistErrorType "myLocation" Nothing (Just "some/path")
  print (e2, isDoesNotExistError e2, isDoesNotExistErrorType (ioeGetErrorType e2))
  let e3 = ioeSetErrorString (ioeSetLocation (ioeSetFileName e2 "other/path") "newLoc") "custom text"
  print (e3, ioeGetErrorString e3, ioeGetLocation e3, ioeGetFileName e3)
  print (annotateIOError e2 "annotated" Nothing (Just "file.txt"))
  print (map (\t -> mkIOError t "loc" Nothing Nothing) [alreadyExistsErrorType, doesNotExistErrorType, alreadyInUseErrorType, fullErrorType, eofErrorType, illegalOperationErrorType, permissionErrorType, userErrorType])
  r2 <- tryIOError (ioError (userError "thrown") :: IO ())
  print r2
  r3 <- try (modifyIOError (\e -> ioeSetLocation e "modified") (ioError (mkIOError eofErrorType "orig" Nothing Nothing)))
  print (r3 :: Either IOError ())
  catchIOError (ioError (mkIOError permissionErrorType "perm" (Just stdout) Nothing)) (\e -> print (e, isPermissionError e, ioeGetHandle e))
  r4 <- tryIOError (hGetLine stdin)
  print (fmap (const ()) r4, either isEOFError (const False) r4)
  r5 <- tryIOError (readFile "/")
  print (either (const "failed reading a directory") id r5)
