//! Front-end throughput benchmark: generates a large module (data types with derived
//! instances, a class with instances, functions with signatures, guards, `case`, `let`,
//! `where` and list comprehensions), writes it to a file (to time `ghc -O0 -fno-code`
//! on the same text), then times parse + rename + type check + desugar on it.
//!
//! `cargo run --release -p bhc-front --example gen_large -- [groups] [out.hs]`

use bhc_front::{compile_module, FrontOptions, Interface};
use bhc_syntax::{parse_module, ParseOptions};
use std::collections::HashMap;
use std::fmt::Write;
use std::time::Instant;

fn generate(groups: usize) -> String {
    let mut s = String::from("module Main where\n\nclass Describe a where\n  describe :: a -> String\n  weight :: a -> Int\n  weight _ = 1\n\n");
    for i in 0..groups {
        let _ = write!(
            s,
            "data Shape{i} = Circle{i} Int | Rect{i} Int Int | Named{i} {{ label{i} :: String, size{i} :: Int }}
  deriving (Eq, Ord, Show)

instance Describe Shape{i} where
  describe (Circle{i} r) = \"circle \" ++ show r
  describe (Rect{i} w h) = \"rect \" ++ show (w * h)
  describe s = label{i} s
  weight s = area{i} s `div` 2

area{i} :: Shape{i} -> Int
area{i} (Circle{i} r) = 3 * r * r
area{i} (Rect{i} w h)
  | w > h = w * h
  | otherwise = h * w
area{i} (Named{i} _ n) = n

total{i} :: [Shape{i}] -> Int
total{i} shapes = sum [area{i} s | s <- shapes, area{i} s > 0]

classify{i} :: Int -> Maybe Shape{i}
classify{i} n = case n `mod` 3 of
  0 -> Just (Circle{i} n)
  1 -> let w = n + 1
           h = n * 2
       in Just (Rect{i} w h)
  _ -> Nothing
  where
    unused = n

pipeline{i} :: [Int] -> (Int, String)
pipeline{i} xs = (total{i} shapes, concatMap describe shapes)
  where
    shapes = [s | Just s <- map classify{i} xs]

"
        );
    }
    s.push_str("main :: IO ()\nmain = print (fst (pipeline0 [1 .. 10]))\n");
    s
}

fn prelude() -> Result<Interface, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../base/Prelude.hs");
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let parsed = parse_module(&src, &ParseOptions { magic_hash: true }).map_err(|e| format!("{e:?}"))?;
    let opts = FrontOptions { file_name: "Prelude.hs".into(), is_base: true, source: src.clone(), ..FrontOptions::default() };
    compile_module(&parsed, &HashMap::new(), &opts).map(|c| c.interface).map_err(|e| format!("{e:?}"))
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let groups: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let src = generate(groups);
    if let Some(out) = args.get(2) {
        std::fs::write(out, &src).map_err(|e| e.to_string())?;
    }
    let lines = src.lines().count();
    let imports: HashMap<String, Interface> = [("Prelude".to_string(), prelude()?)].into_iter().collect();
    let opts = FrontOptions { file_name: "Main.hs".into(), source: src.clone(), ..FrontOptions::default() };
    let start = Instant::now();
    let parsed = parse_module(&src, &ParseOptions::default()).map_err(|e| format!("{e:?}"))?;
    let parsed_at = start.elapsed();
    let compiled = compile_module(&parsed, &imports, &opts).map_err(|e| format!("{:?}", e.first()))?;
    let total = start.elapsed();
    println!(
        "{lines} lines: parse {:.3}s, rename+check+desugar {:.3}s, total {:.3}s = {:.0} lines/s ({} Core bindings)",
        parsed_at.as_secs_f64(),
        (total - parsed_at).as_secs_f64(),
        total.as_secs_f64(),
        lines as f64 / total.as_secs_f64(),
        compiled.core.bindings.len()
    );
    Ok(())
}
