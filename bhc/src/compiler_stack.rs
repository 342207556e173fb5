//! The thread the compiler runs on. Its passes recurse over the program, so `bhc` and
//! `bhci` run them on a thread with a large stack (only the pages touched are used): a
//! deeply nested but legal program must not overflow it. The renamer bounds nesting far
//! below what this stack holds. It must not be used for anything but that thread.

use std::process::ExitCode;

const COMPILER_STACK_BYTES: usize = 1 << 30;

/// Runs `work` on a thread with the compiler's stack and returns its exit code; if the
/// thread cannot be started or panics, says so under `program`'s name and fails.
pub fn run_on_compiler_stack(program: &str, work: impl FnOnce() -> ExitCode + Send + 'static) -> ExitCode {
    let worker = std::thread::Builder::new().stack_size(COMPILER_STACK_BYTES).spawn(work);
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("{program}: internal error: the compiler thread could not run");
            ExitCode::FAILURE
        }
    }
}
