-- System.IO: handles, files and buffering (GHC's module of the same name). Handles
-- are the runtime's handle numbers (0, 1, 2 are stdin, stdout, stderr); text is UTF-8.
module System.IO
  ( IO, FilePath, Handle, IOMode(..), BufferMode(..)
  , stdin, stdout, stderr
  , openFile, withFile, hClose, readFile, writeFile, appendFile
  , hSetBuffering, hGetBuffering, hFlush, hIsEOF, isEOF, hIsTerminalDevice
  , hPutChar, hPutStr, hPutStrLn, hPrint, hGetChar, hGetLine, hGetContents
  , putChar, putStr, putStrLn, print, getChar, getLine, getContents, interact
  , readIO, readLn
  ) where

data IOMode = ReadMode | WriteMode | AppendMode | ReadWriteMode
  deriving (Eq, Ord, Show, Read, Enum)

data BufferMode = NoBuffering | LineBuffering | BlockBuffering (Maybe Int)
  deriving (Eq, Ord, Show, Read)

-- | The IOError for a failed call: errno's kind and text, as GHC reports it.
errnoError :: Int -> String -> Maybe Handle -> Maybe FilePath -> IOError
errnoError errno@(I# e) loc h path = IOError h kind loc (bytesToString (errnoMessage# e)) (Just errno) path
  where
    kind
      | errno == 2 = NoSuchThing
      | errno == 13 || errno == 1 = PermissionDenied
      | errno == 17 = AlreadyExists
      | errno == 16 || errno == 26 = ResourceBusy
      | errno == 28 = ResourceExhausted
      | errno == 21 || errno == 20 = InappropriateType
      | errno == 22 = InvalidArgument
      | otherwise = OtherError

-- | The text of UTF-8 bytes.
bytesToString :: ByteArray# -> String
bytesToString bytes = decode 0#
  where
    size = sizeofByteArray# bytes
    byte i = indexByteArray# bytes i
    decode i = if isTrue# (i >=# size) then [] else case byte i of
      b -> if isTrue# (b <# 128#) then C# (chr# b) : decode (i +# 1#)
           else if isTrue# (b <# 224#) then C# (chr# (uncheckedIShiftL# (b -# 192#) 6# +# (byte (i +# 1#) -# 128#))) : decode (i +# 2#)
           else if isTrue# (b <# 240#) then C# (chr# (uncheckedIShiftL# (b -# 224#) 12# +# uncheckedIShiftL# (byte (i +# 1#) -# 128#) 6#
                                                  +# (byte (i +# 2#) -# 128#))) : decode (i +# 3#)
           else C# (chr# (uncheckedIShiftL# (b -# 240#) 18# +# uncheckedIShiftL# (byte (i +# 1#) -# 128#) 12#
                          +# uncheckedIShiftL# (byte (i +# 2#) -# 128#) 6# +# (byte (i +# 3#) -# 128#))) : decode (i +# 4#)

-- | The UTF-8 bytes of a string, handed to a continuation (an unlifted array cannot be
-- a function's result).
withUtf8 :: String -> (ByteArray# -> RealWorld -> IORes a) -> RealWorld -> IORes a
withUtf8 s k w = case length bytes of
  I# n -> case newByteArray# n w of
    IORes mba -> case fill mba 0# bytes w of
      IORes () -> case unsafeFreezeByteArray# mba w of
        IORes ba -> k ba w
  where
    bytes = concatMap utf8 s
    fill mba i bs w' = case bs of
      [] -> IORes ()
      (I# b : rest) -> case writeByteArray# mba i b w' of
        0# -> fill mba (i +# 1#) rest w'
        _ -> fill mba (i +# 1#) rest w'

utf8 :: Char -> [Int]
utf8 c
  | n < 0x80 = [n]
  | n < 0x800 = [0xc0 + n `div` 64, 0x80 + n `mod` 64]
  | n < 0x10000 = [0xe0 + n `div` 4096, 0x80 + (n `div` 64) `mod` 64, 0x80 + n `mod` 64]
  | otherwise = [0xf0 + n `div` 262144, 0x80 + (n `div` 4096) `mod` 64, 0x80 + (n `div` 64) `mod` 64, 0x80 + n `mod` 64]
  where
    n = fromEnum c

openFile :: FilePath -> IOMode -> IO Handle
openFile path mode = IO (withUtf8 path (\bytes w -> case fromEnum mode of
  I# m -> case openFile# bytes m w of
    h -> if isTrue# (h <# 0#) then unIO (ioError (errnoError (I# (negateInt# h)) "openFile" Nothing (Just path))) w
         else IORes (Handle (I# h) path)))

hClose :: Handle -> IO ()
hClose (Handle (I# h) _) = IO (\w -> case hClose# h w of
  0# -> IORes ()
  _ -> IORes ())

-- | Open a file, run the action on it, and close it (also when the action raises).
withFile :: FilePath -> IOMode -> (Handle -> IO r) -> IO r
withFile path mode act = openFile path mode >>= \h ->
  catchException (act h) (\e -> hClose h >> IO (\_ -> raise# e)) >>= \r -> hClose h >> return r

-- | The contents of a file, read lazily.
readFile :: FilePath -> IO String
readFile path = openFile path ReadMode >>= hGetContents

writeFile :: FilePath -> String -> IO ()
writeFile path s = withFile path WriteMode (\h -> hPutStr h s)

appendFile :: FilePath -> String -> IO ()
appendFile path s = withFile path AppendMode (\h -> hPutStr h s)

hSetBuffering :: Handle -> BufferMode -> IO ()
hSetBuffering (Handle (I# h) _) mode = IO (\w -> case hSetBuffering# h (modeCode mode) w of
  0# -> IORes ()
  _ -> IORes ())
  where
    modeCode NoBuffering = 0#
    modeCode LineBuffering = 1#
    modeCode (BlockBuffering _) = 2#

hGetBuffering :: Handle -> IO BufferMode
hGetBuffering (Handle (I# h) _) = IO (\w -> case hGetBuffering# h w of
  0# -> IORes NoBuffering
  1# -> IORes LineBuffering
  _ -> IORes (BlockBuffering Nothing))

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
hPrint h x = hPutStrLn h (show x)
