-- Foreign.StablePtr: references that keep a value alive and at a fixed identity until
-- freed (GHC's module of the same name; they are the runtime's small numbers).
module Foreign.StablePtr
  ( StablePtr, newStablePtr, deRefStablePtr, freeStablePtr
  ) where

-- | A stable reference to a value of type a.
data StablePtr a = StablePtr Int

instance Eq (StablePtr a) where
  StablePtr a == StablePtr b = a == b

newStablePtr :: a -> IO (StablePtr a)
newStablePtr x = IO (\w -> case makeStablePtr# x w of
  n -> IORes (StablePtr (I# n)))

-- | The value (the pointer must not have been freed).
deRefStablePtr :: StablePtr a -> IO a
deRefStablePtr (StablePtr (I# n)) = IO (\w -> deRefStablePtr# n w)

-- | Let the value go.
freeStablePtr :: StablePtr a -> IO ()
freeStablePtr (StablePtr (I# n)) = IO (\w -> case freeStablePtr# n w of
  0# -> IORes ()
  _ -> IORes ())
