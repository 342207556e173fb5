-- System.IO files and handles, System.IO.Error, System.Environment and System.Mem.
import Control.Exception
import System.Environment
import System.IO
import System.IO.Error
import System.Mem

main :: IO ()
main = do
  getArgs >>= print
  lookupEnv "BHC_SURELY_UNSET_VARIABLE" >>= print
  r <- try (getEnv "BHC_SURELY_UNSET_VARIABLE")
  either (\e -> putStrLn ("caught: " ++ show (e :: IOException))) putStrLn r
  performGC
  let path = "/tmp/bhc_golden_system_io.txt"
  writeFile path "line1\nline2 \955\n"
  appendFile path "line3\n"
  s <- readFile path
  putStr s
  print (length (lines s))
  withFile path ReadMode $ \h -> do
    l <- hGetLine h
    eof <- hIsEOF h
    putStrLn (l ++ " " ++ show eof)
    rest <- hGetContents h
    putStr rest
  h <- openFile path WriteMode
  hPutStrLn h "replaced"
  hPrint h (42 :: Int)
  hClose h
  readFile path >>= putStr
  r2 <- try (readFile "/nonexistent/file")
  case r2 of
    Left e -> putStrLn ("error: " ++ show e) >> print (isDoesNotExistError e, ioeGetFileName e)
    Right _ -> return ()
  r3 <- tryIOError (ioError (userError "custom"))
  print (fmap (const ()) r3, either isUserError (const False) r3)
  hSetBuffering stdout NoBuffering
  hGetBuffering stdout >>= print
  hPutStrLn stderr "to stderr"
