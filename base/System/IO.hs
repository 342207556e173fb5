-- System.IO: handles, files and buffering (GHC's module of the same name). Handles
-- are the runtime's handle numbers (0, 1, 2 are stdin, stdout, stderr); text is UTF-8.
module System.IO
  ( IO, FilePath, Handle, IOMode(..), BufferMode(..)
  , stdin, stdout, stderr
  , openFile, withFile, hClose, readFile, writeFile, appendFile
  , hSetBuffering, hGetBuffering, hFlush, hIsEOF, isEOF, hIsTerminalDevice
  , hPutChar, hPutStr, hPutStrLn, hPrint, hGetChar, hGetLine, hGetContents, hGetContents'
  , putChar, putStr, putStrLn, print, getChar, getLine, getContents, getContents', interact
  , readFile'
  , readIO, readLn
  ) where

data IOMode = ReadMode | WriteMode | AppendMode | ReadWriteMode
  deriving (Eq, Ord, Show, Read, Enum)

data BufferMode = NoBuffering | LineBuffering | BlockBuffering (Maybe Int)
  deriving (Eq, Ord, Show, Read)

openFile :: FilePath -> IOMode -> IO Handle
openFile path mode = openFileMode path (fromEnum mode)

-- | Open a file, run the action on it, and close it (also when the action raises).
withFile :: FilePath -> IOMode -> (Handle -> IO r) -> IO r
withFile path mode = withFileMode path (fromEnum mode)

-- | The runtime numbers the modes 0, 1 and 2, and @BlockBuffering (Just n)@ as 3 + n.
hSetBuffering :: Handle -> BufferMode -> IO ()
hSetBuffering handle@(Handle (I# h) name) mode = case mode of
  BlockBuffering (Just n)
    | n <= 0 -> ioError (IOError (Just handle) InvalidArgument "hSetBuffering" ("illegal buffer size " ++ showsPrec 9 n "") Nothing (Just name))
  _ -> IO (\w -> case hSetBuffering# h (modeCode mode) w of
    0# -> IORes ()
    _ -> IORes ())
  where
    modeCode NoBuffering = 0#
    modeCode LineBuffering = 1#
    modeCode (BlockBuffering Nothing) = 2#
    modeCode (BlockBuffering (Just (I# n))) = 3# +# n

hGetBuffering :: Handle -> IO BufferMode
hGetBuffering handle@(Handle (I# h) name) = IO (\w -> case hGetBuffering# h w of
  0# -> IORes NoBuffering
  1# -> IORes LineBuffering
  2# -> IORes (BlockBuffering Nothing)
  n | isTrue# (n <# 0#) -> unIO (ioError (IOError (Just handle) IllegalOperation "hGetBuffering" "handle is closed" Nothing (Just name))) w
    | otherwise -> IORes (BlockBuffering (Just (I# (n -# 3#)))))

-- | Whether the handle is at the end of its input (reading ahead if needed).
hIsEOF :: Handle -> IO Bool
hIsEOF (Handle (I# h) _) = IO (\w -> case hIsEOF# h w of
  0# -> IORes False
  _ -> IORes True)

isEOF :: IO Bool
isEOF = hIsEOF stdin

hIsTerminalDevice :: Handle -> IO Bool
hIsTerminalDevice (Handle (I# h) _) = IO (\w -> case hIsTerminal# h w of
  0# -> IORes False
  _ -> IORes True)

hPrint :: Show a => Handle -> a -> IO ()
hPrint h x = IO (\w -> unIO (hPutStrLn h (show x)) w)

-- | All of a handle's remaining input, read now (before the handle can be closed).
hGetContents' :: Handle -> IO String
hGetContents' h = hGetContents h >>= \s -> length s `seq` return s

getContents' :: IO String
getContents' = hGetContents' stdin

-- | A file's whole contents, read now.
readFile' :: FilePath -> IO String
readFile' path = withFile path ReadMode hGetContents'
