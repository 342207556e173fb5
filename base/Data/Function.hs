-- Data.Function: combinators on functions (GHC's module of the same name).
module Data.Function
  ( id, const, (.), flip, ($), (&), on, fix, applyWhen
  ) where

infixl 0 `on`
infixl 1 &

-- | Reverse application: @x & f = f x@.
(&) :: a -> (a -> b) -> b
x & f = f x

-- | Combine the results of a function on two arguments: @(compare `on` fst)@.
on :: (b -> b -> c) -> (a -> b) -> a -> a -> c
on op f x y = f x `op` f y

-- | The least fixed point of a function: @fix f = f (fix f)@, shared.
fix :: (a -> a) -> a
fix f = let x = f x in x

-- | Apply the function when the condition holds, else leave the value.
applyWhen :: Bool -> (a -> a) -> a -> a
applyWhen True f x = f x
applyWhen False _ x = x
