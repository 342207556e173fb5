-- Debug.Trace: printing from pure code for debugging (GHC's module of the same name).
-- Messages go to stderr when the traced value is demanded.
module Debug.Trace
  ( trace, traceShow, traceShowId, traceId, traceM, traceShowM, traceIO, traceWith, traceShowWith
  ) where

-- | Print the message on stderr (after flushing stdout).
traceIO :: String -> IO ()
traceIO msg = hFlush stdout >> hPutStrLn stderr msg

-- | Print the message when the result is demanded, then return the second argument.
trace :: String -> a -> a
trace msg x = case unIO (traceIO msg) RealWorld of
  IORes _ -> x

traceId :: String -> String
traceId a = trace a a

traceShow :: Show a => a -> b -> b
traceShow = trace . show

traceShowId :: Show a => a -> a
traceShowId a = trace (show a) a

traceWith :: (a -> String) -> a -> a
traceWith f a = trace (f a) a

traceShowWith :: Show b => (a -> b) -> a -> a
traceShowWith f = traceWith (show . f)

-- | Trace in an applicative sequence, when the action runs.
traceM :: Applicative f => String -> f ()
traceM string = trace string (pure ())

traceShowM :: (Show a, Applicative f) => a -> f ()
traceShowM = traceM . show
