//! Parses the Haskell files named on the command line and reports, per file, success or
//! the diagnostics, then the total throughput. `--repeat N` parses everything N times,
//! for measuring speed; `--dump` prints the AST.

use std::time::Instant;

use bhc_syntax::{parse_module, ParseOptions};

fn main() {
    let mut repeat = 1usize;
    let mut dump = false;
    let mut magic_hash = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--dump" => dump = true,
            "--magic-hash" => magic_hash = true,
            _ => files.push(arg),
        }
    }
    let sources: Vec<(String, String)> = files
        .into_iter()
        .filter_map(|f| match std::fs::read_to_string(&f) {
            Ok(s) => Some((f, s)),
            Err(e) => {
                eprintln!("{f}: {e}");
                None
            }
        })
        .collect();
    let opts = ParseOptions { magic_hash };
    let lines: usize = sources.iter().map(|(_, s)| s.lines().count()).sum();
    let started = Instant::now();
    for round in 0..repeat {
        for (name, src) in &sources {
            let result = parse_module(src, &opts);
            if round > 0 {
                continue;
            }
            match result {
                Ok(m) if dump => println!("{name}: {m:#?}"),
                Ok(_) => {}
                Err(diags) => {
                    for d in diags {
                        let start = (d.span().start as usize).min(src.len());
                        let line = src[..start].matches('\n').count() + 1;
                        println!("{name}:{line}: {} {}", d.code, d.message);
                        if let Some(h) = d.help {
                            println!("    help: {h}");
                        }
                    }
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!("{} lines x {repeat} in {secs:.3}s: {:.0} lines/s", lines, (lines * repeat) as f64 / secs);
}
