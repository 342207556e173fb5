-- Data.STRef: mutable references in the ST monad (GHC's module of the same name), and
-- the ST monad itself, which Control.Monad.ST re-exports.
module Data.STRef
  ( ST, runST, stToIO, STRef, newSTRef, readSTRef, writeSTRef, modifySTRef, modifySTRef'
  ) where

-- | A state thread: effects on references local to the computation.
newtype ST s a = ST (RealWorld -> IORes a)

unST :: ST s a -> RealWorld -> IORes a
unST (ST m) = m

instance Functor (ST s) where
  fmap f (ST m) = ST (\w -> case m w of IORes a -> IORes (f a))

instance Applicative (ST s) where
  pure x = ST (\_ -> IORes x)
  ST mf <*> ST mx = ST (\w -> case mf w of IORes f -> case mx w of IORes x -> IORes (f x))

instance Monad (ST s) where
  ST m >>= k = ST (\w -> case m w of IORes a -> unST (k a) w)

-- | Run a state thread and return its result. The computation must work for every
-- state thread `s`, so no reference of it escapes (GHC's type).
runST :: (forall s. ST s a) -> a
runST st = case unST st RealWorld of IORes a -> a

stToIO :: ST RealWorld a -> IO a
stToIO (ST m) = IO m

data STRef s a = STRef (MutVar# a)

instance Eq (STRef s a) where
  STRef a == STRef b = isTrue# (sameMutVar# a b)

newSTRef :: a -> ST s (STRef s a)
newSTRef x = ST (\w -> case newMutVar# x w of
  IORes v -> IORes (STRef v))

readSTRef :: STRef s a -> ST s a
readSTRef (STRef v) = ST (\w -> readMutVar# v w)

writeSTRef :: STRef s a -> a -> ST s ()
writeSTRef (STRef v) x = ST (\w -> case writeMutVar# v x w of
  0# -> IORes ()
  _ -> IORes ())

modifySTRef :: STRef s a -> (a -> a) -> ST s ()
modifySTRef ref f = readSTRef ref >>= \x -> writeSTRef ref (f x)

modifySTRef' :: STRef s a -> (a -> a) -> ST s ()
modifySTRef' ref f = readSTRef ref >>= \x -> let x' = f x in x' `seq` writeSTRef ref x'
