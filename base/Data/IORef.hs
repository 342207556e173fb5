-- Data.IORef: mutable references in the IO monad (GHC's module of the same name), on
-- the runtime's MutVar# objects.
module Data.IORef
  ( IORef, newIORef, readIORef, writeIORef, modifyIORef, modifyIORef', atomicModifyIORef
  , atomicModifyIORef', atomicWriteIORef
  ) where

-- | A mutable variable holding a value of type a.
data IORef a = IORef (MutVar# a)

instance Eq (IORef a) where
  IORef a == IORef b = isTrue# (sameMutVar# a b)

newIORef :: a -> IO (IORef a)
newIORef x = IO (\w -> case newMutVar# x w of
  IORes v -> IORes (IORef v))

readIORef :: IORef a -> IO a
readIORef (IORef v) = IO (\w -> readMutVar# v w)

writeIORef :: IORef a -> a -> IO ()
writeIORef (IORef v) x = IO (\w -> case writeMutVar# v x w of
  0# -> IORes ()
  _ -> IORes ())

-- | Apply a function to the contents (lazily: the new value is a thunk).
modifyIORef :: IORef a -> (a -> a) -> IO ()
modifyIORef ref f = readIORef ref >>= \x -> writeIORef ref (f x)

-- | Apply a function to the contents and force the result.
modifyIORef' :: IORef a -> (a -> a) -> IO ()
modifyIORef' ref f = readIORef ref >>= \x -> let x' = f x in x' `seq` writeIORef ref x'

-- | Replace the contents and return a result (there is one thread, so it is atomic).
atomicModifyIORef :: IORef a -> (a -> (a, b)) -> IO b
atomicModifyIORef ref f = readIORef ref >>= \x -> let r = f x in writeIORef ref (fst r) >> return (snd r)

atomicModifyIORef' :: IORef a -> (a -> (a, b)) -> IO b
atomicModifyIORef' ref f = readIORef ref >>= \x -> case f x of
  (a, b) -> a `seq` b `seq` (writeIORef ref a >> return b)

atomicWriteIORef :: IORef a -> a -> IO ()
atomicWriteIORef = writeIORef
