-- Text.Printf: conversions, flags, widths and precisions as GHC formats them.
import Text.Printf
import System.IO
main :: IO ()
main = do
  printf "%d %i %5d|%-5d|%05d|%+d|% d\n" (42 :: Int) (-7 :: Int) (3 :: Int) (4 :: Int) (-12 :: Int) (5 :: Int) (6 :: Int)
  printf "%s|%10s|%-10s|%.2s|%c|%%\n" "hello" "right" "left" "truncate" 'x'
  printf "%f %.2f %8.3f %-8.1f| %e %.3e %g %g %g\n" (3.14159 :: Double) (2.5 :: Double) (1.0005 :: Double) (-2.25 :: Double) (1234.5 :: Double) (0.000123 :: Double) (0.5 :: Double) (1e7 :: Double) (123.456 :: Double)
  printf "%x %X %o %b %#x %#o %08.3f\n" (255 :: Int) (255 :: Int) (8 :: Int) (5 :: Int) (255 :: Int) (8 :: Int) (3.14159 :: Double)
  printf "%d %x\n" (2 ^ 70 :: Integer) (-1 :: Int)
  let s = printf "%d-%s" (1 :: Int) "a" :: String
  putStrLn s
  printf "%5.1f%%\n" (99.5 :: Double)
  printf "%3c|%-3c|\n" 'a' 'b'
  printf "%.3d|%6.3d|%v %v\n" (7 :: Int) (-7 :: Int) (10 :: Int) (1.5 :: Double)
  printf "%*d|%-*d|\n" (6 :: Int) (42 :: Int) (4 :: Int) (1 :: Int)
  printf "%.0f %.0f %.0f %.1e\n" (0.5 :: Double) (1.5 :: Double) (2.5 :: Double) (0 :: Double)
  printf "%s\n" (show [1, 2, 3 :: Int])
  hPrintf stdout "%s %d\n" "via hPrintf" (3 :: Int)
  printf "%e %f %g\n" (-0.0 :: Double) (1/0 :: Double) (100 :: Double)
  printf "%5s|%-6d|%x\n" "ab" (12 :: Integer) (255 :: Integer)
  printf "%.3f %.10f %f\n" (1/3 :: Double) (2/3 :: Double) (1e-5 :: Double)
  printf "%x|%o|%#x|%#o|%5x|%b|%u\n" (0 :: Int) (0 :: Int) (0 :: Int) (0 :: Int) (0 :: Int) (0::Int) (-3 :: Int)
  printf "%.0d|%05.1f|%-05d|%+.2e|%010.3e|% f\n" (0 :: Int) (2.25 :: Double) (3 :: Int) (12345.678 :: Double) (-1.5 :: Double) (2 :: Double)
  printf "%c%c\n" 'o' 'k'
  printf "%G %E %F\n" (1e-9 :: Double) (2.5 :: Double) (1.5 :: Double)
  printf "%3d%%|%s\n" (50 :: Int) (show (Just 'x'))
  printf "%ld %lld %hd\n" (1 :: Int) (2 :: Int) (3 :: Int)
