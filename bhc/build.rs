//! Embeds every module of base/ into the driver, so that a `bhc` binary needs no files
//! beside it: generates `base_modules.rs` with (module name, path, source) triples.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "hs") {
            out.push(path);
        }
    }
}

fn main() {
    // Read when the script runs, not baked in when it is compiled: a build script
    // binary reused from another checkout (same source, same fingerprint) would
    // otherwise embed that checkout's base.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let base = Path::new(&manifest).join("../base");
    println!("cargo:rerun-if-changed={}", base.display());
    let mut files = Vec::new();
    collect(&base, &mut files);
    files.sort();
    let mut code = String::from("/// (module name, path under base/, source text) for every module of base.\npub const MODULES: &[(&str, &str, &str)] = &[\n");
    for file in &files {
        let rel = file.strip_prefix(&base).expect("file under base/");
        let module = rel.with_extension("").iter().map(|c| c.to_string_lossy().into_owned()).collect::<Vec<_>>().join(".");
        let abs = file.canonicalize().expect("canonical path");
        code.push_str(&format!("    ({module:?}, {:?}, include_str!({:?})),\n", format!("base/{}", rel.display()), abs.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("base_modules.rs");
    std::fs::write(out, code).expect("write base_modules.rs");
}
