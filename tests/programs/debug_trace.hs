-- Debug.Trace: messages on stderr, interleaved with evaluation; the values pass
-- through unchanged.
import Debug.Trace

fact :: Int -> Int
fact n = trace ("fact " ++ show n) (if n <= 1 then 1 else n * fact (n - 1))

main :: IO ()
main = do
  print (fact 4)
  print (traceShow (1 :: Int, 'x') "value")
  print (traceShowId (42 :: Int))
  print (traceId "id-string")
  traceM "traceM in IO"
  traceShowM [1, 2, 3 :: Int]
  traceIO "traceIO message"
  let x = trace "evaluated once" (10 :: Int)
  print (x + x)
