//! The Haskell stack of the (single) thread: a chain of chunks, each a buffer of words
//! holding pointers and non-pointers together, growing down, made of frames that each
//! start with a return info pointer. When a stack check fails, a new chunk is started
//! whose bottom frame is an underflow frame: returning to it continues in the chunk
//! below. A frame never spans two chunks, so the words a failed check had pushed
//! without a frame (a function's arguments) move to the new chunk. A case continuation
//! may read the stack across the frames below it that belong to the same activation
//! (see the byte-code compiler's `case`), so a failed check on returning to a frame
//! does not move it: the current chunk is enlarged in place instead. Running past the
//! limit (`+RTS -K`) fails, and the scheduler turns that into `Prelude.stackOverflow`.
//!
//! The collector scans a chunk below the current one only until everything it points
//! at is in the old generation: nothing writes to such a chunk until control returns
//! into it. Frames hold no stack addresses. This module must not allocate on the
//! Haskell heap.

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout, NextStep};
use crate::native::{word, STOP_FRAME_INFO};
use crate::object::*;
use crate::Word;

/// Words in a chunk after the first (GHC uses 32 KiB chunks; interpreted frames are
/// larger than compiled ones).
const CHUNK_WORDS: usize = 16 * 1024;

/// Scans after which a chunk below the current one points only at old objects (the
/// first moves its young objects to the aging step, the second promotes them).
const SCANS_TO_CLEAN: u8 = 2;

pub(crate) static UNDERFLOW_FRAME_INFO: InfoTable = InfoTable::new_static(
    underflow_return,
    ClosureType::UnderflowFrame,
    Layout::NONE,
    "UNDERFLOW_FRAME",
);

pub(crate) struct Stack {
    /// Chunk 0 is the bottom of the stack; chunks above `current` are kept for reuse.
    chunks: Vec<Vec<Word>>,
    current: usize,
    /// For each chunk below the current one: its stack pointer when it was left, and
    /// the collections that have scanned it since.
    below: Vec<(P, u8)>,
    /// Words in use in the chunks below the current one.
    words_below: usize,
    initial_words: usize,
    max_words: usize,
}

impl Stack {
    pub(crate) fn new(initial_words: usize, max_words: usize) -> Stack {
        let initial_words = initial_words.max(256);
        Stack {
            chunks: vec![vec![0; initial_words]],
            current: 0,
            below: Vec::new(),
            words_below: 0,
            initial_words,
            max_words: max_words.max(initial_words),
        }
    }

    /// One past the bottom word of chunk `i`.
    fn chunk_end(&self, i: usize) -> P {
        let chunk = &self.chunks[i];
        // SAFETY: one past the end of the buffer.
        unsafe { chunk.as_ptr().add(chunk.len()) as P }
    }
}

/// The frames of the stack as segments `(top, end)`, from the current chunk down, with
/// whether a minor collection must scan each (the current chunk always; one below it
/// until it is clean). Counting a segment as scanned is `note_scanned`.
pub(crate) fn segments(s: &Stack, sp: P) -> Vec<(P, P, bool)> {
    let mut out = vec![(sp, s.chunk_end(s.current), true)];
    for i in (0..s.current).rev() {
        let (sp, scans) = s.below[i];
        out.push((sp, s.chunk_end(i), scans < SCANS_TO_CLEAN));
    }
    out
}

/// Record that a collection scanned every chunk below the current one.
pub(crate) fn note_scanned(s: &mut Stack) {
    for (_, scans) in &mut s.below {
        *scans = scans.saturating_add(1);
    }
}

/// Empty the stack (back to its first chunk, shrunk to its initial size) and push a
/// stop frame.
pub(crate) fn reset(cap: &mut Capability) {
    let s = &mut cap.stack;
    s.chunks.truncate(1);
    if s.chunks[0].len() > s.initial_words {
        s.chunks[0] = vec![0; s.initial_words];
    }
    s.current = 0;
    s.below.clear();
    s.words_below = 0;
    cap.sp_lim = s.chunks[0].as_mut_ptr();
    cap.sp = s.chunk_end(0);
    // SAFETY: the chunk has at least 256 words, so one push fits.
    unsafe { cap.push(word(&STOP_FRAME_INFO)) };
}

/// Make room for `need` more words by starting a new chunk, moving the top `moved`
/// words (unframed arguments and the frame being returned to) into it. Fails when the
/// stack would exceed its limit.
pub(crate) fn grow(cap: &mut Capability, need: usize, moved: usize) -> Result<(), ()> {
    let s = &mut cap.stack;
    let end = s.chunk_end(s.current);
    let used = (end as usize - cap.sp as usize) / crate::options::WORD_BYTES;
    let total = s.words_below.checked_add(used).and_then(|w| w.checked_add(need));
    if total.is_none_or(|t| t > s.max_words) || moved > used {
        return Err(());
    }
    let size = CHUNK_WORDS.max(need + moved + 1);
    let next = s.current + 1;
    if s.chunks.len() <= next {
        s.chunks.push(vec![0; size]);
    } else if s.chunks[next].len() < size {
        s.chunks[next] = vec![0; size];
    }
    s.chunks.truncate(next + 1);
    // SAFETY: `moved <= used`, so the old top and the words after it are in the old
    // chunk; the new chunk has room for the moved words and the underflow frame.
    unsafe {
        let old_sp = cap.sp;
        s.below.push((old_sp.add(moved), 0));
        s.words_below += used - moved;
        s.current = next;
        let new_end = s.chunk_end(next);
        *new_end.sub(1) = word(&UNDERFLOW_FRAME_INFO);
        let new_sp = new_end.sub(1 + moved);
        std::ptr::copy_nonoverlapping(old_sp, new_sp, moved);
        cap.sp = new_sp;
    }
    cap.sp_lim = s.chunks[next].as_mut_ptr();
    Ok(())
}

/// Make room for `need` more words in the current chunk by moving it to a buffer twice
/// as large (or larger): for a failed check on returning to a frame, whose continuation
/// must stay next to the frames it reads across. Fails when the stack would exceed
/// its limit.
pub(crate) fn enlarge(cap: &mut Capability, need: usize) -> Result<(), ()> {
    let s = &mut cap.stack;
    let end = s.chunk_end(s.current);
    let used = (end as usize - cap.sp as usize) / crate::options::WORD_BYTES;
    let total = s.words_below.checked_add(used).and_then(|w| w.checked_add(need));
    if total.is_none_or(|t| t > s.max_words) {
        return Err(());
    }
    let chunk = &mut s.chunks[s.current];
    let old_len = chunk.len();
    let new_len = old_len.saturating_mul(2).max((used + need).saturating_mul(2));
    let mut buf = vec![0; new_len];
    buf[new_len - used..].copy_from_slice(&chunk[old_len - used..]);
    *chunk = buf;
    cap.sp_lim = chunk.as_mut_ptr();
    // SAFETY: `used <= new_len`, so the new top is inside the new buffer.
    cap.sp = unsafe { chunk.as_mut_ptr().add(new_len - used) };
    Ok(())
}

/// Continue in the chunk below: the current chunk's frames are all gone.
pub(crate) fn underflow(cap: &mut Capability) {
    let s = &mut cap.stack;
    let Some((sp, _)) = s.below.pop() else {
        return;
    };
    s.current -= 1;
    let end = s.chunk_end(s.current);
    s.words_below -= (end as usize - sp as usize) / crate::options::WORD_BYTES;
    // Keep one chunk above for reuse, so that a loop crossing the boundary does not
    // allocate a chunk each time.
    s.chunks.truncate(s.current + 2);
    cap.sp = sp;
    cap.sp_lim = s.chunks[s.current].as_mut_ptr();
}

unsafe extern "C" fn underflow_return(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability; the top frame is the
    // underflow frame at the bottom of the current chunk.
    let cap = unsafe { &mut *cap };
    underflow(cap);
    NextStep::Return
}

/// Every frame from the top of the stack down, following underflow frames into the
/// chunks below (the underflow frames themselves are not visited).
pub(crate) fn frames(cap: &Capability) -> Vec<P> {
    let mut out = Vec::new();
    for (mut p, end, _) in segments(&cap.stack, cap.sp) {
        // SAFETY: each segment is a sequence of frames.
        unsafe {
            while p < end {
                if closure_type(p) != ClosureType::UnderflowFrame {
                    out.push(p);
                }
                p = p.add(frame_size(p));
            }
        }
    }
    out
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
