//! The process's CPU time, which the statistics report as GHC does (mutator and GC
//! time in CPU seconds, with elapsed time beside them). This module only reads clocks.

use std::time::Duration;

/// CPU time used by the whole process so far.
pub(crate) fn cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for the call to fill in.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec.max(0) as u64, ts.tv_nsec.clamp(0, 999_999_999) as u32)
}
