-- Control.Applicative: applicative functors and the Alternative class (GHC's module
-- of the same name).
module Control.Applicative
  ( Applicative(..), Alternative(..), Functor(..)
  , (<$>), (<$), (<**>), liftA, liftA3, optional, asum
  , ZipList(..), Const(..)
  ) where

infixl 3 <|>
infixl 4 <**>

-- | A monoid on applicative functors: failure and choice.
class Applicative f => Alternative f where
  empty :: f a
  (<|>) :: f a -> f a -> f a
  some :: f a -> f [a]
  many :: f a -> f [a]
  some v = liftA2 (:) v (many v)
  many v = some v <|> pure []

instance Alternative Maybe where
  empty = Nothing
  Nothing <|> r = r
  l <|> _ = l

instance Alternative [] where
  empty = []
  (<|>) = (++)

-- | <*> with the arguments the other way round (effects still left to right).
(<**>) :: Applicative f => f a -> f (a -> b) -> f b
(<**>) = liftA2 (\a f -> f a)

liftA :: Applicative f => (a -> b) -> f a -> f b
liftA f a = pure f <*> a

liftA3 :: Applicative f => (a -> b -> c -> d) -> f a -> f b -> f c -> f d
liftA3 f a b c = liftA2 f a b <*> c

-- | One or none.
optional :: Alternative f => f a -> f (Maybe a)
optional v = fmap Just v <|> pure Nothing

-- | The first success of a collection of alternatives.
asum :: (Foldable t, Alternative f) => t (f a) -> f a
asum = foldr (<|>) empty

-- | Lists with the zipping Applicative.
newtype ZipList a = ZipList { getZipList :: [a] }

instance Show a => Show (ZipList a) where
  showsPrec d (ZipList xs) = showParen (d >= 11) (showString "ZipList {getZipList = " . shows xs . showChar '}')

instance Eq a => Eq (ZipList a) where
  ZipList a == ZipList b = a == b

instance Functor ZipList where
  fmap f (ZipList xs) = ZipList (map f xs)

instance Applicative ZipList where
  pure x = ZipList (repeat x)
  liftA2 f (ZipList xs) (ZipList ys) = ZipList (zipWith f xs ys)
  ZipList fs <*> ZipList xs = ZipList (zipWith id fs xs)

-- | The constant functor: an applicative when the constant is a monoid.
newtype Const a b = Const { getConst :: a }

instance Show a => Show (Const a b) where
  showsPrec d (Const x) = showParen (d >= 11) (showString "Const " . showsPrec 11 x)

instance Functor (Const m) where
  fmap _ (Const v) = Const v

instance Monoid m => Applicative (Const m) where
  pure _ = Const mempty
  Const f <*> Const v = Const (f <> v)
  liftA2 _ (Const x) (Const y) = Const (x <> y)
