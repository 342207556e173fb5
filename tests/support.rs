//! Shared helpers for the integration tests: running a bhc binary on a program with
//! optional stdin and comparing its output with expected files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::io::Write;

pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: i32,
}

/// Run `cmd args` in `dir` with `stdin` piped in and a hard time limit.
pub fn run(cmd: &Path, args: &[&str], dir: &Path, stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new("timeout");
    command.arg("-k").arg("2").arg("60").arg(cmd).args(args).current_dir(dir);
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the program under test");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("wait for the program under test");
    Run { stdout: out.stdout, stderr: out.stderr, code: out.status.code().unwrap_or(-1) }
}

pub fn read_or(path: &Path, default: &[u8]) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|_| default.to_vec())
}

/// Files in `dir` with extension `ext`, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// A short description of how two outputs differ.
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    for (i, (el, al)) in e.lines().zip(a.lines()).enumerate() {
        if el != al {
            return format!("line {}: expected {el:?}, got {al:?}", i + 1);
        }
    }
    format!("expected {} lines, got {} lines", e.lines().count(), a.lines().count())
}
