//! The Haskell stack of the (single) thread: one buffer of words holding pointers and
//! non-pointers together, growing down, made of frames that each start with a return
//! info pointer. It grows by copy-and-double up to a limit; the scheduler turns running
//! past the limit into `Prelude.stackOverflow`. Frames hold no stack addresses, so the
//! stack can move when it grows. This module must not allocate on the Haskell heap.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable};
use crate::native::STOP_FRAME_INFO;
use crate::object::*;
use crate::Word;

pub(crate) struct Stack {
    buf: Vec<Word>,
    initial_words: usize,
    max_words: usize,
}

impl Stack {
    pub(crate) fn new(initial_words: usize, max_words: usize) -> Stack {
        let initial_words = initial_words.max(256);
        Stack {
            buf: vec![0; initial_words],
            initial_words,
            max_words: max_words.max(initial_words),
        }
    }

    pub(crate) fn end(&mut self) -> P {
        let len = self.buf.len();
        // SAFETY: one past the end of the buffer.
        unsafe { self.buf.as_mut_ptr().add(len) }
    }
}

/// One past the bottom word of the stack.
pub(crate) fn end_of(cap: &Capability) -> P {
    let len = cap.stack.buf.len();
    // SAFETY: one past the end of the buffer.
    unsafe { cap.stack.buf.as_ptr().add(len) as P }
}

/// Empty the stack (shrinking it back to its initial size) and push a stop frame.
pub(crate) fn reset(cap: &mut Capability) {
    if cap.stack.buf.len() > cap.stack.initial_words {
        cap.stack.buf = vec![0; cap.stack.initial_words];
    }
    cap.sp_lim = cap.stack.buf.as_mut_ptr();
    cap.sp = cap.stack.end();
    // SAFETY: the buffer has at least 256 words, so one push fits.
    unsafe { cap.push(&STOP_FRAME_INFO as *const InfoTable as Word) };
}

/// Make room for `need` more words, moving the stack to a buffer twice as large (or
/// larger). Fails when that would exceed the stack limit.
pub(crate) fn grow(cap: &mut Capability, need: usize) -> Result<(), ()> {
    let old_len = cap.stack.buf.len();
    let used = (cap.stack.end() as usize - cap.sp as usize) / crate::options::WORD_BYTES;
    let wanted = used.checked_add(need).ok_or(())?;
    if wanted > cap.stack.max_words {
        return Err(());
    }
    let new_len = old_len
        .saturating_mul(2)
        .max(wanted.saturating_mul(2))
        .min(cap.stack.max_words);
    let mut buf = vec![0; new_len];
    buf[new_len - used..].copy_from_slice(&cap.stack.buf[old_len - used..]);
    cap.stack.buf = buf;
    cap.sp_lim = cap.stack.buf.as_mut_ptr();
    // SAFETY: `used <= new_len`, so the new top is inside the new buffer.
    cap.sp = unsafe { cap.stack.end().sub(used) };
    Ok(())
}

/// The size in words of the frame at `p`.
///
/// # Safety
/// `p` points at a frame.
pub(crate) unsafe fn frame_size(p: P) -> usize {
    let info = *p as *const InfoTable;
    match (*info).closure_type {
        ClosureType::RetBco => 2 + bco_bitmap_len(*p.add(1) as P),
        ClosureType::UpdateFrame | ClosureType::CatchFrame => 2,
        ClosureType::ApplyFrame => {
            let n = *p.add(1);
            2 + bitmap_words(n) + n
        }
        ClosureType::PrimFrame => crate::primops::prim_frame_size(p),
        _ => 1,
    }
}
