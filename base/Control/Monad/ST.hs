-- Control.Monad.ST: the strict state-thread monad (GHC's module of the same name).
-- An ST computation is an IO computation whose effects stay on local references;
-- runST runs it. (Without rank-2 types runST's argument is not checked to be
-- polymorphic in s, so the type system does not stop references escaping.)
module Control.Monad.ST
  ( ST, runST, stToIO, RealWorld
  ) where

import Data.STRef (ST(..), runST, stToIO)
