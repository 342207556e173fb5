//! The program's environment and handles as primops: arguments and program name (set
//! by the driver through `Runtime::set_args`), environment variables, CPU time, errno
//! texts, and the handle operations of `io`. Text crosses as UTF-8 ByteArray#s.

use super::{byte_array_bytes, byte_array_words, fill_byte_array, frame_arg};
use super::{alloc_or_raise, new_byte_array, Outcome, Prim};
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
        Prim::HandleOpen => cap.io.open(byte_array_bytes(a[0]), a[1] as i64),
        Prim::HandleClose => cap.io.close(h),
        Prim::HandleIsEof => cap.io.is_eof(h),
        Prim::HandleSetBuffering => cap.io.set_buffering(h, a[1] as i64),
        Prim::HandleGetBuffering => cap.io.buffering(h),
        Prim::HandleIsTerminal => cap.io.is_terminal(h),
        Prim::ArgCount => cap.env.args.len() as i64,
        Prim::EnvExists => env_var(byte_array_bytes(a[0])).is_some() as i64,
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
        _ => {
            let value = env_var(byte_array_bytes(frame_arg(cap, 0))).unwrap_or_default();
            let words = byte_array_words(value.len());
            match alloc_or_raise(cap, words + 2) {
                Ok(p) => {
                    fill_byte_array(p, &value);
                    let boxed = p.add(words);
                    *boxed = cap.iores_info;
                    *boxed.add(1) = p as Word;
                    Outcome::Value(boxed as Word)
                }
                Err(o) => o,
            }
        }
    }
}

fn env_var(name: &[u8]) -> Option<Vec<u8>> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let name = std::ffi::OsStr::from_bytes(name);
    if name.is_empty() || name.as_bytes().contains(&b'=') || name.as_bytes().contains(&0) {
        return None;
    }
    std::env::var_os(name).map(|v| v.into_vec())
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
    fn errno_texts_and_environment() {
        assert_eq!(errno_message(2), "No such file or directory");
        assert_eq!(errno_message(-2), "No such file or directory");
        assert!(env_var(b"PATH").is_some());
        assert_eq!(env_var(b"BHC_SURELY_UNSET_VARIABLE"), None);
        assert_eq!(env_var(b""), None);
        assert_eq!(env_var(b"A=B"), None);
        let t = cpu_time_picoseconds();
        assert!(t > 0);
    }
}
