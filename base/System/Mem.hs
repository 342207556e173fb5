-- System.Mem: asking the runtime for a garbage collection (GHC's module of the same
-- name).
module System.Mem
  ( performGC, performMajorGC, performMinorGC
  ) where

-- | A major collection (as GHC's performGC).
performGC :: IO ()
performGC = performMajorGC

performMajorGC :: IO ()
performMajorGC = IO (\w -> case performMajorGC# w of
  0# -> IORes ()
  _ -> IORes ())

-- | A collection of the young generation.
performMinorGC :: IO ()
performMinorGC = IO (\w -> case performGC# w of
  0# -> IORes ()
  _ -> IORes ())
