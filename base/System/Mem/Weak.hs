-- System.Mem.Weak: weak pointers (GHC's module of the same name). A weak pointer
-- refers to a value without keeping its key alive; once the key is unreachable, the
-- value is dropped and the finalizer runs (at the latest when the running program or
-- REPL evaluation ends). See docs/conventions.md, "Weak and stable pointers".
module System.Mem.Weak
  ( Weak, mkWeak, deRefWeak, finalize, mkWeakPtr, addFinalizer, mkWeakPair
  ) where

-- | A weak pointer to a value of type v.
data Weak v = Weak (Weak# v)

-- | A weak pointer from a key to a value, with an optional finalizer.
mkWeak :: k -> v -> Maybe (IO ()) -> IO (Weak v)
mkWeak key value finalizer = IO (\w -> case mkWeak# key value (unIO (maybe (return ()) id finalizer)) w of
  IORes weak -> IORes (Weak weak))

-- | The value, if the key is still alive.
deRefWeak :: Weak v -> IO (Maybe v)
deRefWeak (Weak weak) = IO (\w -> case weakAlive# weak w of
  0# -> IORes Nothing
  _ -> case deRefWeak# weak w of
    IORes v -> IORes (Just v))

-- | Run the finalizer now (once) and kill the weak pointer.
finalize :: Weak v -> IO ()
finalize (Weak weak) = IO (\w -> case weakAlive# weak w of
  0# -> IORes ()
  _ -> case finalizeWeak# weak w of
    IORes run -> run w)

-- | A weak pointer whose key is its value.
mkWeakPtr :: k -> Maybe (IO ()) -> IO (Weak k)
mkWeakPtr key finalizer = mkWeak key key finalizer

-- | Run an action once the value is unreachable.
addFinalizer :: key -> IO () -> IO ()
addFinalizer key finalizer = mkWeakPtr key (Just finalizer) >> return ()

-- | A weak pointer to the pair of a key and a value.
mkWeakPair :: k -> v -> Maybe (IO ()) -> IO (Weak (k, v))
mkWeakPair key value finalizer = mkWeak key (key, value) finalizer
