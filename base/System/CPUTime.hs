-- System.CPUTime: the processor time the program has used (GHC's module of the same
-- name).
module System.CPUTime
  ( getCPUTime, cpuTimePrecision
  ) where

-- | The processor time used so far, in picoseconds.
getCPUTime :: IO Integer
getCPUTime = IO (\w -> case getCPUTime# w of
  t -> IORes (IS# t))

-- | The smallest difference getCPUTime reports (one microsecond), in picoseconds.
cpuTimePrecision :: Integer
cpuTimePrecision = 1000000
