{-# LANGUAGE RankNTypes #-}
-- mask and uninterruptibleMask with GHC's rank-2 types: `restore` is used at several
-- types in one body, with `$` and without.
import Control.Exception

main :: IO ()
main = do
  r <- mask $ \restore -> do
    x <- restore (return (41 :: Int))
    restore (putStrLn "restored")
    return (x + 1)
  print r
  s <- mask (\restore -> restore (return "hi") >>= \t -> return (t ++ "!"))
  putStrLn s
  uninterruptibleMask $ \restore -> restore (putStrLn "uninterruptible")
  mask_ (putStrLn "mask_")
  e <- try (mask $ \restore -> restore (throwIO (ErrorCall "boom"))) :: IO (Either ErrorCall ())
  print e
