-- Control.Exception: throwing and catching exceptions (GHC's module of the same
-- name). SomeException, the Exception class and the exception types live in the
-- Prelude, which `error`, the arithmetic and the top-level handler need; a program
-- declares its own exception type with `instance Exception T` (the class's defaults
-- use the type's Typeable representation, which the type checker provides).
module Control.Exception
  ( SomeException(..), Exception(..)
  , ErrorCall(..), ArithException(..), ArrayException(..), AssertionFailed(..)
  , SomeAsyncException(..), AsyncException(..), asyncExceptionToException, asyncExceptionFromException
  , PatternMatchFail(..), NonTermination(..), IOException
  , throw, throwIO, ioError, evaluate
  , catch, catches, Handler(..), catchJust, handle, handleJust, try, tryJust
  , bracket, bracket_, bracketOnError, finally, onException
  , mapException, assert, mask, mask_, uninterruptibleMask, uninterruptibleMask_
  ) where

-- | A handler for one type of exception, for `catches`.
data Handler a = forall e . Exception e => Handler (e -> IO a)

instance Functor Handler where
  fmap f (Handler h) = Handler (fmap f . h)

-- | Catch with the first handler whose type matches the exception; with none, the
-- exception goes on.
catches :: IO a -> [Handler a] -> IO a
catches io handlers = io `catchException` catchesHandler handlers

catchesHandler :: [Handler a] -> SomeException -> IO a
catchesHandler handlers e = foldr tryHandler (throwIO e) handlers
  where
    tryHandler (Handler handler) res = case fromException e of
      Just e' -> handler e'
      Nothing -> res

-- | The exception of a failed assertion.
newtype AssertionFailed = AssertionFailed String

instance Show AssertionFailed where
  showsPrec _ (AssertionFailed err) = showString err

instance Exception AssertionFailed

-- | catch for the exceptions the selector picks.
catchJust :: Exception e => (e -> Maybe b) -> IO a -> (b -> IO a) -> IO a
catchJust p a handler = catch a handler'
  where
    handler' e = case p e of
      Nothing -> throwIO e
      Just b -> handler b

-- | catch with the handler first.
handle :: Exception e => (e -> IO a) -> IO a -> IO a
handle = flip catch

handleJust :: Exception e => (e -> Maybe b) -> (b -> IO a) -> IO a -> IO a
handleJust p = flip (catchJust p)

-- | The result, or the exception of the given type that the action raised.
try :: Exception e => IO a -> IO (Either e a)
try a = catch (a >>= \v -> return (Right v)) (\e -> return (Left e))

tryJust :: Exception e => (e -> Maybe b) -> IO a -> IO (Either b a)
tryJust p a = try a >>= \r -> case r of
  Right v -> return (Right v)
  Left e -> case p e of
    Nothing -> throwIO e
    Just b -> return (Left b)

-- | Run the action, then the finaliser, also when the action raises.
finally :: IO a -> IO b -> IO a
a `finally` sequel = (a `onException` sequel) >>= \r -> sequel >> return r

-- | Run the second action only when the first raises, then raise again.
onException :: IO a -> IO b -> IO a
onException io what = catchException io (\e -> what >> IO (\_ -> raise# e))

-- | Acquire, use and release a resource; release also runs when use raises.
bracket :: IO a -> (a -> IO b) -> (a -> IO c) -> IO c
bracket before after thing = before >>= \a -> (thing a `onException` after a) >>= \r -> after a >> return r

bracket_ :: IO a -> IO b -> IO c -> IO c
bracket_ before after thing = bracket before (const after) (const thing)

-- | Like bracket, but the release runs only when use raises.
bracketOnError :: IO a -> (a -> IO b) -> (a -> IO c) -> IO c
bracketOnError before after thing = before >>= \a -> thing a `onException` after a

-- | Map the exceptions of one type that a pure value raises.
mapException :: (Exception e1, Exception e2) => (e1 -> e2) -> a -> a
mapException f v = case unIO (catch (evaluate v) (\x -> throwIO (f x))) RealWorld of
  IORes r -> r

-- | Assertions are not checked (as GHC with optimisation).
assert :: Bool -> a -> a
assert _ x = x

-- | There are no asynchronous exceptions between threads yet, so masking runs the
-- action as it is, and `restore` is the identity. The types are GHC's.
mask :: ((forall a. IO a -> IO a) -> IO b) -> IO b
mask io = io id

uninterruptibleMask :: ((forall a. IO a -> IO a) -> IO b) -> IO b
uninterruptibleMask io = io id

-- | There are no asynchronous exceptions between threads yet, so masking runs the
-- action as it is.
mask_ :: IO a -> IO a
mask_ io = io

uninterruptibleMask_ :: IO a -> IO a
uninterruptibleMask_ io = io
