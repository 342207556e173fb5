//! The program's environment and handles as primops: arguments and program name (set
//! by the driver through `Runtime::set_args`, replaced by `withArgs`/`withProgName`),
//! environment variables, CPU time, errno texts, and the handle operations of `io`.
//! Text crosses as UTF-8 ByteArray#s; lists of texts as entries each ended by a NUL.
//! The process environment is only touched through `std::env`, whose lock keeps a
//! `setEnv#` from racing a read on another thread (the REPL's, the test harness's).

use super::{byte_array_bytes, byte_array_words, fill_byte_array, frame_arg};
use super::{new_boxed, new_byte_array, Outcome, Prim};
use crate::capability::Capability;
use crate::Word;

/// The program name and arguments `getProgName#`, `getArgCount#` and `getArg#` report.
#[derive(Clone, Debug, Default)]
pub(crate) struct ProgramEnv {
    pub(crate) prog_name: String,
    pub(crate) args: Vec<String>,
}

/// The result of an inline system operation.
///
/// # Safety
/// Pointer arguments point at BYTE_ARRAYs; `prim` is one of this module's inline ones.
pub(super) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Word {
    let h = a[0] as i64;
    let r: i64 = match prim {
        Prim::HandleOpen => open_file(cap, byte_array_bytes(a[0]), a[1] as i64),
        Prim::HandleClose => cap.io.close(h),
        Prim::HandleIsEof => cap.io.is_eof(h),
        Prim::HandleSetBuffering => cap.io.set_buffering(h, a[1] as i64),
        Prim::HandleGetBuffering => cap.io.buffering(h),
        Prim::HandleIsTerminal => cap.io.is_terminal(h),
        Prim::ArgCount => cap.env.args.len() as i64,
        Prim::EnvExists => env_var(byte_array_bytes(a[0])).is_some() as i64,
        Prim::EnvSet => set_env_var(byte_array_bytes(a[0]), Some(byte_array_bytes(a[1]))),
        Prim::EnvUnset => set_env_var(byte_array_bytes(a[0]), None),
        Prim::ArgsSet => {
            cap.env.args = nul_ended_entries(byte_array_bytes(a[0]));
            0
        }
        Prim::ProgNameSet => {
            cap.env.prog_name = String::from_utf8_lossy(byte_array_bytes(a[0])).into_owned();
            0
        }
        Prim::CpuTime => cpu_time_picoseconds(),
        _ => 0,
    };
    r as Word
}

/// Run an out-of-line system operation from the PRIM frame on top of the stack.
///
/// # Safety
/// The stack top is a PRIM frame of `prim` with arguments of the primop's types.
pub(super) unsafe fn call(cap: &mut Capability, prim: Prim) -> Outcome {
    match prim {
        Prim::ErrnoMessage => new_byte_array(cap, errno_message(frame_arg(cap, 0) as i64).as_bytes()),
        Prim::ArgIndex => {
            let arg = usize::try_from(frame_arg(cap, 0) as i64)
                .ok()
                .and_then(|i| cap.env.args.get(i))
                .cloned()
                .unwrap_or_default();
            new_byte_array(cap, arg.as_bytes())
        }
        Prim::ProgName => {
            let name = cap.env.prog_name.clone();
            new_byte_array(cap, name.as_bytes())
        }
        Prim::EnvAll => new_byte_array(cap, &environment()),
        _ => {
            let value = env_var(byte_array_bytes(frame_arg(cap, 0))).unwrap_or_default();
            new_boxed(cap, byte_array_words(value.len()), |_, p| fill_byte_array(p, &value))
        }
    }
}

/// Open a file; a directory opened for reading is -EISDIR, as GHC refuses it (the C
/// library would open it and fail only at the first read).
fn open_file(cap: &mut Capability, path: &[u8], mode: i64) -> i64 {
    use std::os::unix::ffi::OsStrExt;
    if mode == 0 && std::path::Path::new(std::ffi::OsStr::from_bytes(path)).is_dir() {
        return -(libc::EISDIR as i64);
    }
    cap.io.open(path, mode)
}

/// A name `setenv` accepts (std::env panics on the others).
fn valid_env_name(name: &[u8]) -> bool {
    !name.is_empty() && !name.contains(&b'=') && !name.contains(&0)
}

fn env_var(name: &[u8]) -> Option<Vec<u8>> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    if !valid_env_name(name) {
        return None;
    }
    std::env::var_os(std::ffi::OsStr::from_bytes(name)).map(|v| v.into_vec())
}

/// Set (`Some`) or remove (`None`) a variable: 0, or -EINVAL as the C functions give
/// for a name they refuse (and for a value holding NUL, which C cannot even pass).
fn set_env_var(name: &[u8], value: Option<&[u8]>) -> i64 {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    if !valid_env_name(name) || value.is_some_and(|v| v.contains(&0)) {
        return -(libc::EINVAL as i64);
    }
    let name = OsStr::from_bytes(name);
    match value {
        Some(v) => std::env::set_var(name, OsStr::from_bytes(v)),
        None => std::env::remove_var(name),
    }
    0
}

/// Every variable as `NAME=value` followed by NUL, in the environment's order.
fn environment() -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    let mut bytes = Vec::new();
    for (name, value) in std::env::vars_os() {
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(b'=');
        bytes.extend_from_slice(value.as_bytes());
        bytes.push(0);
    }
    bytes
}

/// The texts of NUL-ended UTF-8 entries (a missing last NUL still ends an entry).
fn nul_ended_entries(bytes: &[u8]) -> Vec<String> {
    let mut entries: Vec<String> = bytes
        .split(|&b| b == 0)
        .map(|e| String::from_utf8_lossy(e).into_owned())
        .collect();
    if bytes.last().is_none_or(|&b| b == 0) {
        entries.pop();
    }
    entries
}

/// The text of an errno value, without Rust's " (os error N)" suffix.
fn errno_message(e: i64) -> String {
    let text = std::io::Error::from_raw_os_error(e.unsigned_abs().min(i32::MAX as u64) as i32)
        .to_string();
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn cpu_time_picoseconds() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return 0;
    }
    ts.tv_sec
        .saturating_mul(1_000_000_000_000)
        .saturating_add(ts.tv_nsec * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_lists_are_nul_ended_entries() {
        assert_eq!(nul_ended_entries(b""), Vec::<String>::new());
        assert_eq!(nul_ended_entries(b"\0"), vec![""]);
        assert_eq!(nul_ended_entries(b"a\0\0bc\0"), vec!["a", "", "bc"]);
        assert_eq!(nul_ended_entries(b"a\0b"), vec!["a", "b"]);
    }

    #[test]
    fn errno_texts_and_environment() {
        assert_eq!(errno_message(2), "No such file or directory");
        assert_eq!(errno_message(-2), "No such file or directory");
        assert!(env_var(b"PATH").is_some());
        assert_eq!(env_var(b"BHC_SURELY_UNSET_VARIABLE"), None);
        assert_eq!(env_var(b""), None);
        assert_eq!(env_var(b"A=B"), None);
        assert_eq!(set_env_var(b"BHC_PRIMOP_TEST_VARIABLE", Some(b"v=1")), 0);
        assert_eq!(env_var(b"BHC_PRIMOP_TEST_VARIABLE"), Some(b"v=1".to_vec()));
        let all = environment();
        assert!(all.windows(29).any(|w| w == b"BHC_PRIMOP_TEST_VARIABLE=v=1\0"));
        assert_eq!(set_env_var(b"BHC_PRIMOP_TEST_VARIABLE", None), 0);
        assert_eq!(env_var(b"BHC_PRIMOP_TEST_VARIABLE"), None);
        for (name, value) in [(&b""[..], &b"x"[..]), (b"A=B", b"x"), (b"A\0B", b"x"), (b"A", b"x\0y")] {
            assert_eq!(set_env_var(name, Some(value)), -22);
        }
        assert_eq!(set_env_var(b"", None), -22);
        let t = cpu_time_picoseconds();
        assert!(t > 0);
    }
}
