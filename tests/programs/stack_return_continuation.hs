-- A deep evaluation returns into a full first stack chunk, to a case continuation
-- (inside putStrLn) that reads the stack across the frames below it: the runtime must
-- enlarge that chunk rather than move the frame away from them. (Before that fix this
-- program crashed; the depths are the ones that put the return at the chunk's end.)
boundary :: Integer -> IO ()
boundary n = do
  let x = foldr (+) 0 [1 .. n]
  putStrLn (show x)
  putStrLn "x"

main :: IO ()
main = do
  boundary 700
  boundary 1000
