{-# LANGUAGE ExistentialQuantification #-}
-- A user-defined exception hierarchy (GHC's documented pattern): handlers for the
-- parent catch the child; SomeException patterns; an uncaught one ends the program.
import Control.Exception
import Data.Maybe (isJust)
import Data.Typeable (cast)

-- A user-defined hierarchy, as in GHC's Control.Exception documentation.
data SomeCompilerException = forall e . Exception e => SomeCompilerException e

instance Show SomeCompilerException where
  show (SomeCompilerException e) = show e

instance Exception SomeCompilerException

compilerExceptionToException :: Exception e => e -> SomeException
compilerExceptionToException = toException . SomeCompilerException

compilerExceptionFromException :: Exception e => SomeException -> Maybe e
compilerExceptionFromException x = do
  SomeCompilerException a <- fromException x
  cast a

data MismatchedParentheses = MismatchedParentheses deriving Show

instance Exception MismatchedParentheses where
  toException = compilerExceptionToException
  fromException = compilerExceptionFromException
  displayException _ = "mismatched parentheses!"

main :: IO ()
main = do
  throwIO MismatchedParentheses `catch` \e -> putStrLn ("Caught " ++ show (e :: MismatchedParentheses))
  throwIO MismatchedParentheses `catch` \e -> putStrLn ("Caught " ++ show (e :: SomeCompilerException))
  r <- try (throwIO MismatchedParentheses)
  case r of
    Left (SomeException e) -> putStrLn ("some: " ++ displayException e)
    Right () -> return ()
  print (isJust (fromException (toException DivideByZero) :: Maybe ArithException))
  print (isJust (fromException (toException DivideByZero) :: Maybe ErrorCall))
  throwIO MismatchedParentheses
