-- System.IO: files through handles (modes, line and character reads, EOF), withFile,
-- buffering, stdout and stderr, strict and lazy reading, writeFile/appendFile.
import System.IO
import Control.Monad (unless)

main :: IO ()
main = do
  let path = "/tmp/bhc_golden_system_io_handles.txt"
  writeFile path "first line\nsecond \955 line\n\nlast without newline"
  h <- openFile path ReadMode
  l1 <- hGetLine h
  c <- hGetChar h
  rest <- hGetLine h
  e1 <- hIsEOF h
  print (l1, c, rest, e1)
  let loop = do
        eof <- hIsEOF h
        unless eof (hGetLine h >>= print >> loop)
  loop
  hClose h
  withFile path AppendMode (\hh -> hPutStr hh "\nappended" >> hPrint hh (3 :: Int))
  s <- readFile path
  print (length (lines s), last (lines s))
  withFile path WriteMode (\hh -> do
    hSetBuffering hh (BlockBuffering Nothing)
    b <- hGetBuffering hh
    print b
    mapM_ (hPutStrLn hh . show) [1 .. 5 :: Int]
    hFlush hh)
  readFile path >>= putStr
  contents <- withFile path ReadMode hGetContents'
  print (words contents)
  hSetBuffering stdout LineBuffering
  hGetBuffering stdout >>= print
  hPutStrLn stdout "to stdout"
  hPutStr stderr "to stderr\n"
  print (ReadMode, WriteMode, AppendMode, ReadWriteMode, NoBuffering, LineBuffering, BlockBuffering Nothing)
  print (stdin, stdout, stderr)
  interactLike <- return (map succ "HAL")
  putStrLn interactLike
  hClose stdout
