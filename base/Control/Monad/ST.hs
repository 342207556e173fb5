-- Control.Monad.ST: the strict state-thread monad (GHC's module of the same name).
-- An ST computation is an IO computation whose effects stay on local references;
-- runST runs it. Its rank-2 type, as GHC's, keeps references from escaping.
module Control.Monad.ST
  ( ST, runST, stToIO, RealWorld
  ) where

import Data.STRef (ST(..), runST, stToIO)
