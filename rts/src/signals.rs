//! Ctrl-C: a SIGINT handler that asks the running computation to stop through the
//! capability's interrupt flag, which the interpreter polls before each BCO runs.
//!
//! The handler must do nothing but store to that flag: it may run between any two
//! instructions of any thread, so it cannot allocate, lock or touch the heap.

use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::Arc;

/// The flag SIGINT sets. It is leaked from an `Arc` and never freed, so the handler can
/// never see a dangling pointer, however a new flag races with a signal.
static TARGET: AtomicPtr<AtomicBool> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_signal: libc::c_int) {
    let flag = TARGET.load(Ordering::Acquire);
    if !flag.is_null() {
        // SAFETY: TARGET only holds pointers from `Arc::into_raw` that are never released.
        unsafe { (*flag).store(true, Ordering::Relaxed) };
    }
}

/// From now on SIGINT sets `flag` instead of ending the process. Blocking system calls
/// are restarted after the handler runs, so an interrupted `read` of stdin goes on.
pub(crate) fn interrupt_on_sigint(flag: Arc<AtomicBool>) -> std::io::Result<()> {
    TARGET.store(Arc::into_raw(flag).cast_mut(), Ordering::Release);
    // SAFETY: a zeroed `sigaction` is a valid empty one (no flags, empty mask), filled
    // in before use; `on_sigint` is async-signal-safe (one atomic load and store).
    let installed = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut())
    };
    if installed == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
