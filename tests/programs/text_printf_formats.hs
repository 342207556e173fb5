-- Text.Printf: the format directives at several argument types, widths, precision,
-- flags, printf to a String and hPrintf.
import Text.Printf
import System.IO

main :: IO ()
main = do
  printf "%d %5d %-5d| %05d %+d %x %X %o %c %s\n" (42 :: Int) (42 :: Int) (42 :: Int) (42 :: Int) (42 :: Int) (255 :: Int) (255 :: Int) (8 :: Int) 'z' "str"
  printf "%.2f %8.3f %-8.1f| %e %.3e %g %g %g\n" (3.14159 :: Double) (2.5 :: Double) (1.25 :: Double) (1234.5 :: Double) (0.000123 :: Double) (0.5 :: Double) (1e7 :: Double) (123456.0 :: Double)
  printf "%s has %d items costing %.2f\n" "cart" (3 :: Int) (9.999 :: Double)
  let s = printf "%03d-%s" (7 :: Int) "x" :: String
  putStrLn s
  printf "%10s|%-10s|%.2s\n" "right" "left" "truncate"
  printf "%d %d %u\n" (-5 :: Int) (123456789012345678901234567890 :: Integer) (3 :: Int)
  printf "100%% done, %c%c\n" 'o' 'k'
  hPrintf stdout "%s %d\n" "handle" (1 :: Int)
  printf "%5.1f|%-6.2e|%+.0f\n" (-2.25 :: Double) (12.5 :: Double) (2.5 :: Double)
  printf "%x %o %b\n" (-1 :: Int) (255 :: Integer) (5 :: Int)
