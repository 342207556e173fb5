//! The storage manager seen from programs: constant-space loops stay small (maximum
//! residency from `+RTS -s`), a deep thunk chain grows the stack, the stack and heap
//! limits raise Haskell exceptions that `catch` handles, and uncaught ones end the
//! program with GHC's messages and exit codes.

mod support;

use std::path::{Path, PathBuf};
use support::{run, Run};

struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("bhc-storage-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Run `source` as Main.hs with the given RTS options.
    fn run(&self, source: &str, rts: &[&str]) -> Run {
        std::fs::write(self.0.join("Main.hs"), source).unwrap();
        let mut args = vec!["run", "Main.hs", "+RTS"];
        args.extend_from_slice(rts);
        args.push("-RTS");
        run(Path::new(env!("CARGO_BIN_EXE_bhc")), &args, &self.0, b"", &[])
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The "bytes maximum residency" figure of a `+RTS -s` report.
fn max_residency(stderr: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.contains("bytes maximum residency"))
        .unwrap_or_else(|| panic!("no residency in {stderr}"));
    line.split_whitespace().next().unwrap().replace(',', "").parse().unwrap()
}

#[test]
fn constant_space_programs_stay_under_a_megabyte() {
    let scratch = Scratch::new("space");
    let programs = [
        ("main = print (length [1..10000000])", "10000000\n"),
        ("import Data.List\nmain = print (foldl' (+) 0 [1..10000000])", "50000005000000\n"),
        ("main = mapM_ print (take 2 (drop 10000000 [1..]))", "10000001\n10000002\n"),
        ("main = print (last [1..10000000])", "10000000\n"),
    ];
    for (source, expected) in programs {
        let out = scratch.run(source, &["-s"]);
        assert_eq!((out.code, text(&out.stdout)), (0, expected.to_string()), "{source}");
        let residency = max_residency(&text(&out.stderr));
        assert!(residency < 1 << 20, "{source}: {residency} bytes maximum residency");
    }
}

#[test]
fn a_deep_thunk_chain_grows_the_stack_and_the_statistics_show_both_generations() {
    let scratch = Scratch::new("foldl");
    let out = scratch.run("main = print (foldl (+) 0 [1..1000000])", &["-s"]);
    assert_eq!((out.code, text(&out.stdout)), (0, "500000500000\n".to_string()));
    let stats = text(&out.stderr);
    for needle in ["bytes copied during GC", "Gen  0", "Gen  1", "MUT     time"] {
        assert!(stats.contains(needle), "{needle} missing from {stats}");
    }
}

#[test]
fn runaway_recursion_under_a_stack_limit_is_a_catchable_stack_overflow() {
    let scratch = Scratch::new("stack");
    let caught = scratch.run(
        "import Control.Exception\n\
         f :: Int -> Int\n\
         f n = 1 + f (n + 1)\n\
         main = do\n  r <- try (evaluate (f 0))\n  case r of\n    \
         Left StackOverflow -> putStrLn \"caught\"\n    Left e -> print e\n    Right v -> print v\n  \
         print (sum [1 .. 1000 :: Int])\n",
        &["-K1m"],
    );
    assert_eq!((caught.code, text(&caught.stdout)), (0, "caught\n500500\n".to_string()), "{}", text(&caught.stderr));
    let uncaught = scratch.run("main = print (foldr (+) 0 [1 :: Integer ..])", &["-K1m"]);
    assert_eq!(uncaught.code, 2, "{}", text(&uncaught.stderr));
    assert!(text(&uncaught.stderr).contains("Main.hs: Stack space overflow."), "{}", text(&uncaught.stderr));
}

#[test]
fn exceeding_the_heap_limit_is_a_catchable_heap_overflow() {
    let scratch = Scratch::new("heap");
    let caught = scratch.run(
        "import Control.Exception\n\
         main = do\n  let xs = [1 ..] :: [Integer]\n  r <- try (evaluate (length xs + fromIntegral (sum xs)))\n  \
         case r of\n    Left HeapOverflow -> putStrLn \"caught\"\n    Left e -> print e\n    Right v -> print v\n  \
         print (length [1 .. 100000 :: Int])\n",
        &["-M32m"],
    );
    assert_eq!((caught.code, text(&caught.stdout)), (0, "caught\n100000\n".to_string()), "{}", text(&caught.stderr));
    let uncaught = scratch.run(
        "main = let xs = [1 ..] :: [Integer] in print (length xs + fromIntegral (sum xs))",
        &["-M32m"],
    );
    assert_eq!(uncaught.code, 251, "{}", text(&uncaught.stderr));
    assert!(text(&uncaught.stderr).contains("Main.hs: Heap exhausted;"), "{}", text(&uncaught.stderr));
}
