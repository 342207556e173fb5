-- Strings are lists of characters; show escapes them as GHC does.
main :: IO ()
main = do
  putStrLn (reverse "stressed")
  print "tab\there \"quoted\" back\\slash"
  print 'x'
  print '\''
  print '\n'
  print "\1234\&5 \SO\&H \DEL"
  print (words "  several   words here  ", unwords ["a", "b"])
  print (lines "one\ntwo\n\nthree", unlines ["x", "y"])
  putStr (concat ["no", " newline", "\n"])
  print (show 42 ++ show (-7), length "héllo")
  print (filter (/= ' ') "a b c", elem 'z' "abc", lookup 2 [(1, "one"), (2, "two")])
