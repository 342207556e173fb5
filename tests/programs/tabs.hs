main :: IO ()
main = do
	putStrLn "tab-indented"
	print (1 + 2)
