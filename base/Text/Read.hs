-- Text.Read: parsing values from strings with the Read class (GHC's module of the
-- same name, on the Report's ReadS parsers).
module Text.Read
  ( Read(..), ReadS, reads, read, readParen, lex, readMaybe, readEither
  ) where

-- | Parse the whole string (surrounding white space allowed), or Nothing.
readMaybe :: Read a => String -> Maybe a
readMaybe s = case readEither s of
  Left _ -> Nothing
  Right a -> Just a

-- | Parse the whole string, or explain why not (GHC's messages).
readEither :: Read a => String -> Either String a
readEither s = case [x | (x, t) <- reads s, ("", "") <- lex t] of
  [x] -> Right x
  [] -> Left "Prelude.read: no parse"
  _ -> Left "Prelude.read: ambiguous parse"
