-- hGetBuffering reports the mode hSetBuffering set, block size included; a size that is
-- not positive is rejected with GHC's error, and a closed handle has no buffering.
import System.IO
import Control.Exception

main :: IO ()
main = do
  hSetBuffering stdout (BlockBuffering (Just 100))
  hGetBuffering stdout >>= print
  hSetBuffering stdout (BlockBuffering Nothing)
  hGetBuffering stdout >>= print
  hSetBuffering stdout LineBuffering
  hGetBuffering stdout >>= print
  zero <- try (hSetBuffering stdout (BlockBuffering (Just 0))) :: IO (Either IOException ())
  print zero
  negative <- try (hSetBuffering stdout (BlockBuffering (Just (-5)))) :: IO (Either IOException ())
  print negative
  hGetBuffering stdout >>= print
  let path = "/tmp/bhc_golden_system_io_buffering.txt"
  h <- openFile path WriteMode
  hSetBuffering h (BlockBuffering (Just 4096))
  hGetBuffering h >>= print
  hClose h
  closed <- try (hGetBuffering h) :: IO (Either IOException BufferMode)
  print closed
