//! Handles as the RTS owns them: a table indexed by small integers (0 stdin, 1 stdout,
//! 2 stderr, files from 3), each with GHC's buffering modes. Text is UTF-8 both ways
//! (invalid input bytes read as U+FFFD; a word that is not a scalar value is written as
//! U+FFFD). stdout is line-buffered on a terminal and block-buffered otherwise, stderr
//! unbuffered, files block-buffered; stdout is flushed before stdin is read. Output to
//! the standard handles can be captured in memory for tests. Failures are negative
//! errno values, end of input is -1 from `hGetChar#`. `hPutStr` goes through a spare
//! buffer per call, as GHC's does (see `put_str_begin`). This module knows nothing
//! about the heap.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, IsTerminal, Write};

const BLOCK: usize = 8192;
/// GHC's character buffer (`dEFAULT_CHAR_BUFFER_SIZE`): an `hPutStr` hands its spare
/// buffer to the handle when one more character would leave no room in it.
const SPARE_CHARS: usize = 2048;
/// Spare buffers a handle keeps at most; only calls that ended by an exception leave
/// theirs behind, so past this many they are all stale.
const MAX_SPARES: usize = 64;
const EBADF: i64 = 9;
const EIO: i64 = 5;

/// GHC's `BufferMode`, numbered as `hSetBuffering#` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Buffering {
    None = 0,
    Line = 1,
    Block = 2,
}

enum Source {
    Stdin,
    Reader(Box<dyn BufRead>),
}

enum Sink {
    Stdout,
    Stderr,
    /// Captured stdout (0) or stderr (1).
    Captured(usize),
    File(File),
}

/// The characters one `hPutStr` call has taken but not yet handed to its handle: the
/// bytes of `Handle::spare_bytes` from `start` to the next spare's start (or the end).
struct Spare {
    call: i64,
    start: usize,
    chars: usize,
}

struct Handle {
    source: Option<Source>,
    sink: Option<Sink>,
    buffering: Buffering,
    /// The size `BlockBuffering (Just n)` asked for, reported back by `hGetBuffering`;
    /// the buffer itself flushes at `BLOCK` bytes whatever the size, which changes when
    /// output appears but never what appears.
    block_size: Option<i64>,
    out_buf: Vec<u8>,
    terminal: bool,
    /// The spare buffers of the `hPutStr` calls in progress on this handle, innermost
    /// (the one evaluation is writing to) last.
    spares: Vec<Spare>,
    spare_bytes: Vec<u8>,
}

pub(crate) struct Io {
    handles: Vec<Option<Handle>>,
    captured: [Vec<u8>; 2],
    /// The number of the last `hPutStr` call `put_str_begin` started.
    last_call: i64,
}

fn errno(e: &std::io::Error) -> i64 {
    -(e.raw_os_error().map_or(EIO, |n| n as i64))
}

fn status(r: std::io::Result<()>) -> i64 {
    match r {
        Ok(()) => 0,
        Err(e) => errno(&e),
    }
}

impl Handle {
    fn new(source: Option<Source>, sink: Option<Sink>, buffering: Buffering, terminal: bool) -> Handle {
        Handle {
            source,
            sink,
            buffering,
            block_size: None,
            out_buf: Vec::new(),
            terminal,
            spares: Vec::new(),
            spare_bytes: Vec::new(),
        }
    }

    /// Make the spare of call `call` the innermost, dropping the ones above it: those
    /// calls started while this one was evaluating its string, and have ended (by an
    /// exception, since a normal end removes its spare). A spare dropped as stale is
    /// made afresh.
    fn spare_of(&mut self, call: i64) -> &mut Spare {
        match self.spares.iter().rposition(|s| s.call == call) {
            Some(i) => {
                if let Some(above) = self.spares.get(i + 1) {
                    self.spare_bytes.truncate(above.start);
                    self.spares.truncate(i + 1);
                }
            }
            None => {
                let start = self.spare_bytes.len();
                self.spares.push(Spare { call, start, chars: 0 });
            }
        }
        let last = self.spares.len() - 1;
        &mut self.spares[last]
    }

    /// Hand the innermost spare's characters to the handle's buffer, writing it out if
    /// asked or full.
    fn commit(&mut self, flush: bool, captured: &mut [Vec<u8>; 2]) -> i64 {
        let Some(spare) = self.spares.last_mut() else {
            return 0;
        };
        self.out_buf.extend_from_slice(&self.spare_bytes[spare.start..]);
        self.spare_bytes.truncate(spare.start);
        spare.chars = 0;
        if flush || self.out_buf.len() >= BLOCK {
            self.write_out(captured)
        } else {
            0
        }
    }

    fn write_out(&mut self, captured: &mut [Vec<u8>; 2]) -> i64 {
        if self.out_buf.is_empty() {
            return 0;
        }
        let r = match &mut self.sink {
            Some(Sink::Stdout) => {
                let mut out = std::io::stdout().lock();
                out.write_all(&self.out_buf).and_then(|_| out.flush())
            }
            Some(Sink::Stderr) => std::io::stderr().write_all(&self.out_buf),
            Some(Sink::Captured(i)) => {
                captured[*i].extend_from_slice(&self.out_buf);
                Ok(())
            }
            Some(Sink::File(f)) => f.write_all(&self.out_buf),
            None => Ok(()),
        };
        self.out_buf.clear();
        status(r)
    }

    fn peek_byte(&mut self) -> Result<Option<u8>, i64> {
        let buf = match &mut self.source {
            Some(Source::Stdin) => return Ok(peek_stdin()),
            Some(Source::Reader(r)) => r.fill_buf(),
            None => return Err(-EBADF),
        };
        buf.map(|b| b.first().copied()).map_err(|e| errno(&e))
    }

    fn consume(&mut self) {
        match &mut self.source {
            Some(Source::Stdin) => std::io::stdin().lock().consume(1),
            Some(Source::Reader(r)) => r.consume(1),
            None => {}
        }
    }
}

/// A character code as a `char`; a word that is not a scalar value is U+FFFD.
fn to_char(c: usize) -> char {
    u32::try_from(c)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn push_utf8(out: &mut Vec<u8>, ch: char) {
    if ch.is_ascii() {
        out.push(ch as u8);
    } else {
        out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// The handle and the call number of an `hPutStr` token (a negative errno names no
/// handle).
fn split_token(token: i64) -> (i64, i64) {
    if token < 0 {
        (token, 0)
    } else {
        (token & 0xffff_ffff, token >> 32)
    }
}

/// The open handle `h` if it can be written to.
fn writable(handles: &mut [Option<Handle>], h: i64) -> Option<&mut Handle> {
    usize::try_from(h)
        .ok()
        .and_then(|i| handles.get_mut(i))
        .and_then(|s| s.as_mut())
        .filter(|h| h.sink.is_some())
}

fn peek_stdin() -> Option<u8> {
    std::io::stdin()
        .lock()
        .fill_buf()
        .ok()
        .and_then(|b| b.first().copied())
}

impl Io {
    pub(crate) fn new(capture: bool) -> Io {
        let std_out = |sink: Sink, buffering: Buffering, terminal: bool| {
            Handle::new(None, Some(sink), buffering, terminal)
        };
        let out_terminal = !capture && std::io::stdout().is_terminal();
        let (out, err) = if capture {
            (Sink::Captured(0), Sink::Captured(1))
        } else {
            (Sink::Stdout, Sink::Stderr)
        };
        let out_mode = if out_terminal {
            Buffering::Line
        } else {
            Buffering::Block
        };
        let stdin = Handle::new(
            Some(Source::Stdin),
            None,
            if std::io::stdin().is_terminal() {
                Buffering::Line
            } else {
                Buffering::Block
            },
            !capture && std::io::stdin().is_terminal(),
        );
        Io {
            handles: vec![
                Some(stdin),
                Some(std_out(out, out_mode, out_terminal)),
                Some(std_out(
                    err,
                    Buffering::None,
                    !capture && std::io::stderr().is_terminal(),
                )),
            ],
            captured: [Vec::new(), Vec::new()],
            last_call: 0,
        }
    }

    fn handle(&mut self, h: i64) -> Option<&mut Handle> {
        usize::try_from(h)
            .ok()
            .and_then(|i| self.handles.get_mut(i))
            .and_then(|s| s.as_mut())
    }

    pub(crate) fn set_input(&mut self, input: Box<dyn BufRead>) {
        if let Some(h) = self.handle(0) {
            h.source = Some(Source::Reader(input));
        }
    }

    /// `hPutChar#`: 0, or a negative errno.
    pub(crate) fn put_char(&mut self, h: i64, c: usize) -> i64 {
        let ch = to_char(c);
        let Io { handles, captured, .. } = self;
        let Some(handle) = writable(handles, h) else {
            return -EBADF;
        };
        push_utf8(&mut handle.out_buf, ch);
        let full = match handle.buffering {
            Buffering::None => true,
            Buffering::Line => ch == '\n' || handle.out_buf.len() >= BLOCK,
            Buffering::Block => handle.out_buf.len() >= BLOCK,
        };
        if full {
            handle.write_out(captured)
        } else {
            0
        }
    }

    /// `hPutStr`'s start: a token naming the handle and this call's spare buffer (the
    /// call's number above the low 32 bits, the handle below; no number when the handle
    /// is unbuffered: the characters are then written as they come, as GHC writes them
    /// one `hPutChar` at a time), or a negative errno. GHC fills a spare buffer and hands
    /// it to the handle when it is full, at a newline when line-buffered, and at the
    /// end; what an exception interrupts is lost. So `putStr (s ++ undefined)` writes
    /// the part of `s` handed over before, and nested calls (a string whose evaluation
    /// writes to the same handle) keep their characters apart.
    pub(crate) fn put_str_begin(&mut self, h: i64) -> i64 {
        // Numbered from 1 and wrapping within 31 bits, so a token stays positive.
        self.last_call = self.last_call % (1 << 31) + 1;
        let call = self.last_call;
        let Some(handle) = writable(&mut self.handles, h) else {
            return -EBADF;
        };
        if handle.buffering == Buffering::None {
            return h;
        }
        if handle.spares.len() >= MAX_SPARES {
            handle.spares.clear();
            handle.spare_bytes.clear();
        }
        let start = handle.spare_bytes.len();
        handle.spares.push(Spare { call, start, chars: 0 });
        call << 32 | h
    }

    /// `hPutStr`'s characters `chars` for the call `token`: 0, or a negative errno.
    pub(crate) fn put_str_chars(&mut self, token: i64, chars: impl Iterator<Item = usize>) -> i64 {
        let (h, call) = split_token(token);
        let Io { handles, captured, .. } = self;
        let Some(handle) = writable(handles, h) else {
            return -EBADF;
        };
        if call == 0 {
            for c in chars {
                push_utf8(&mut handle.out_buf, to_char(c));
            }
            return handle.write_out(captured);
        }
        let line = handle.buffering == Buffering::Line;
        let mut n = handle.spare_of(call).chars;
        let mut r = 0;
        for c in chars {
            let ch = to_char(c);
            if n + 1 >= SPARE_CHARS {
                r = handle.commit(false, captured).min(r);
                n = 0;
            }
            n += 1;
            push_utf8(&mut handle.spare_bytes, ch);
            if line && ch == '\n' {
                r = handle.commit(true, captured).min(r);
                n = 0;
            }
        }
        if let Some(spare) = handle.spares.last_mut() {
            spare.chars = n;
        }
        r
    }

    /// `hPutStr`'s end: hand over what is left of the call's spare buffer.
    pub(crate) fn put_str_end(&mut self, token: i64) -> i64 {
        let (h, call) = split_token(token);
        let Io { handles, captured, .. } = self;
        let Some(handle) = writable(handles, h) else {
            return -EBADF;
        };
        if call == 0 {
            return 0;
        }
        handle.spare_of(call);
        let r = handle.commit(false, captured);
        if let Some(spare) = handle.spares.pop() {
            handle.spare_bytes.truncate(spare.start);
        }
        r
    }

    /// `hFlush#`: 0, or a negative errno.
    pub(crate) fn flush(&mut self, h: i64) -> i64 {
        let Io { handles, captured, .. } = self;
        match usize::try_from(h)
            .ok()
            .and_then(|i| handles.get_mut(i))
            .and_then(|s| s.as_mut())
        {
            Some(handle) => handle.write_out(captured),
            None => -EBADF,
        }
    }

    pub(crate) fn flush_all(&mut self) {
        let Io { handles, captured, .. } = self;
        for handle in handles.iter_mut().flatten() {
            handle.write_out(captured);
        }
    }

    /// Before reading stdin, show what was written to stdout (prompts).
    fn before_read(&mut self, h: i64) {
        if h == 0 {
            self.flush(1);
        }
    }

    /// `hGetChar#`: the next character, -1 at the end of input, or a negative errno
    /// below -1.
    pub(crate) fn get_char(&mut self, h: i64) -> i64 {
        self.before_read(h);
        let Some(handle) = self.handle(h) else {
            return -EBADF;
        };
        let first = match handle.peek_byte() {
            Ok(Some(b)) => b,
            Ok(None) => return -1,
            Err(e) => return if e == -1 { -EIO } else { e },
        };
        handle.consume();
        let len = match first {
            0x00..=0x7f => return first as i64,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return char::REPLACEMENT_CHARACTER as i64,
        };
        let mut buf = [first, 0, 0, 0];
        for slot in buf.iter_mut().take(len).skip(1) {
            match handle.peek_byte() {
                Ok(Some(b)) if b & 0xc0 == 0x80 => {
                    *slot = b;
                    handle.consume();
                }
                _ => return char::REPLACEMENT_CHARACTER as i64,
            }
        }
        match std::str::from_utf8(&buf[..len]) {
            Ok(s) => s.chars().next().map_or(-1, |c| c as i64),
            Err(_) => char::REPLACEMENT_CHARACTER as i64,
        }
    }

    /// `hIsEOF#`: 1 at the end of input (reading ahead), 0 otherwise, or a negative errno.
    pub(crate) fn is_eof(&mut self, h: i64) -> i64 {
        self.before_read(h);
        match self.handle(h).map(|handle| handle.peek_byte()) {
            Some(Ok(Some(_))) => 0,
            Some(Ok(None)) => 1,
            Some(Err(e)) => e,
            None => -EBADF,
        }
    }

    /// `openFile#`: a new handle for `path` in `mode` (0 read, 1 write, 2 append,
    /// 3 read-write), or a negative errno.
    pub(crate) fn open(&mut self, path: &[u8], mode: i64) -> i64 {
        let Ok(path) = std::str::from_utf8(path) else {
            return -22;
        };
        let mut opts = OpenOptions::new();
        match mode {
            0 => opts.read(true),
            1 => opts.write(true).create(true).truncate(true),
            2 => opts.append(true).create(true),
            3 => opts.read(true).write(true).create(true),
            _ => return -22,
        };
        let file = match opts.open(path) {
            Ok(f) => f,
            Err(e) => return errno(&e),
        };
        let (source, sink) = match mode {
            0 => (Some(Source::Reader(Box::new(BufReader::new(file)))), None),
            3 => match file.try_clone() {
                Ok(reader) => (
                    Some(Source::Reader(Box::new(BufReader::new(reader)))),
                    Some(Sink::File(file)),
                ),
                Err(e) => return errno(&e),
            },
            _ => (None, Some(Sink::File(file))),
        };
        let handle = Handle::new(source, sink, Buffering::Block, false);
        let slot = (3..self.handles.len()).find(|&i| self.handles[i].is_none());
        match slot {
            Some(i) => {
                self.handles[i] = Some(handle);
                i as i64
            }
            None => {
                self.handles.push(Some(handle));
                self.handles.len() as i64 - 1
            }
        }
    }

    /// `hClose#`: flush and close; closing a closed handle is allowed, as in GHC.
    pub(crate) fn close(&mut self, h: i64) -> i64 {
        let r = self.flush(h);
        if let Some(slot) = usize::try_from(h).ok().and_then(|i| self.handles.get_mut(i)) {
            *slot = None;
        }
        if r == -EBADF {
            0
        } else {
            r
        }
    }

    /// `hSetBuffering#`: 0, or a negative errno. Leaving a buffered mode flushes.
    /// Mode 3 + n is `BlockBuffering (Just n)`.
    pub(crate) fn set_buffering(&mut self, h: i64, mode: i64) -> i64 {
        let (buffering, block_size) = match mode {
            0 => (Buffering::None, None),
            1 => (Buffering::Line, None),
            2 => (Buffering::Block, None),
            n if n > 3 => (Buffering::Block, Some(n - 3)),
            _ => return -22,
        };
        let r = self.flush(h);
        match self.handle(h) {
            Some(handle) => {
                handle.buffering = buffering;
                handle.block_size = block_size;
                r
            }
            None => -EBADF,
        }
    }

    /// `hGetBuffering#`: the mode number as `hSetBuffering#` takes it, or a negative errno.
    pub(crate) fn buffering(&mut self, h: i64) -> i64 {
        self.handle(h).map_or(-EBADF, |handle| match (handle.buffering, handle.block_size) {
            (Buffering::Block, Some(n)) => n + 3,
            (mode, _) => mode as i64,
        })
    }

    /// `hIsTerminal#`: 1 when the handle is a terminal.
    pub(crate) fn is_terminal(&mut self, h: i64) -> i64 {
        self.handle(h).map_or(-EBADF, |handle| handle.terminal as i64)
    }

    pub(crate) fn take_captured(&mut self) -> (Vec<u8>, Vec<u8>) {
        self.flush_all();
        let [out, err] = &mut self.captured;
        (std::mem::take(out), std::mem::take(err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("bhc-io-{}-{name}", std::process::id()))
    }

    #[test]
    fn files_round_trip_utf8_and_report_eof() {
        let mut io = Io::new(true);
        let path = temp("roundtrip");
        let p = path.to_str().unwrap().as_bytes();
        let w = io.open(p, 1);
        assert!(w >= 3);
        for c in "λx\n".chars() {
            assert_eq!(io.put_char(w, c as usize), 0);
        }
        assert_eq!(io.close(w), 0);
        assert_eq!(io.close(w), 0, "closing twice is allowed");
        let r = io.open(p, 0);
        assert_eq!(io.is_eof(r), 0);
        assert_eq!(io.get_char(r), 'λ' as i64);
        assert_eq!(io.get_char(r), 'x' as i64);
        assert_eq!(io.get_char(r), '\n' as i64);
        assert_eq!(io.is_eof(r), 1);
        assert_eq!(io.get_char(r), -1);
        assert_eq!(io.put_char(r, 'a' as usize), -EBADF, "read-only handle");
        let a = io.open(p, 2);
        io.put_char(a, 'y' as usize);
        io.close(a);
        io.close(r);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "λx\ny");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(io.open(p, 0), -2, "ENOENT");
        assert_eq!(io.open(b"/", 1), -21, "EISDIR");
        assert_eq!(io.get_char(99), -EBADF);
    }

    #[test]
    fn buffering_modes_decide_when_output_appears() {
        let mut io = Io::new(true);
        assert_eq!(io.buffering(1), 2);
        assert_eq!(io.buffering(2), 0);
        io.put_char(1, 'a' as usize);
        assert!(io.captured[0].is_empty(), "block-buffered");
        assert_eq!(io.set_buffering(1, 1), 0);
        assert_eq!(io.captured[0], b"a", "changing the mode flushes");
        io.put_char(1, 'b' as usize);
        assert_eq!(io.captured[0], b"a");
        io.put_char(1, '\n' as usize);
        assert_eq!(io.captured[0], b"ab\n", "line-buffered");
        io.set_buffering(1, 0);
        io.put_char(1, 'c' as usize);
        assert_eq!(io.captured[0], b"ab\nc", "unbuffered");
        assert_eq!(io.set_buffering(1, 7), 0);
        assert_eq!(io.buffering(1), 7, "BlockBuffering (Just 4) is reported as set");
        assert_eq!(io.set_buffering(1, 3), -22, "BlockBuffering (Just 0)");
        assert_eq!(io.is_terminal(1), 0);
    }

    fn put_str(io: &mut Io, token: i64, text: &str) -> i64 {
        io.put_str_chars(token, text.chars().map(|c| c as usize))
    }

    #[test]
    fn put_str_hands_over_its_spare_buffer_as_ghc_does() {
        let mut io = Io::new(true);
        let t = io.put_str_begin(1);
        assert!(t > 0);
        put_str(&mut io, t, &"x".repeat(2046));
        io.flush(1);
        assert!(io.captured[0].is_empty(), "still in the spare buffer");
        put_str(&mut io, t, "yz");
        io.flush(1);
        assert_eq!(io.captured[0].len(), 2047, "handed over when one more would fill it");
        io.put_str_end(t);
        io.flush(1);
        assert_eq!(io.captured[0].len(), 2048);

        io.captured[0].clear();
        let aborted = io.put_str_begin(1);
        put_str(&mut io, aborted, "lost");
        let t = io.put_str_begin(1);
        put_str(&mut io, t, "kept");
        io.put_str_end(t);
        io.flush(1);
        assert_eq!(io.captured[0], b"kept", "an interrupted call's characters never appear");

        io.captured[0].clear();
        let outer = io.put_str_begin(1);
        put_str(&mut io, outer, "outer ");
        let inner = io.put_str_begin(1);
        put_str(&mut io, inner, "inner ");
        io.put_str_end(inner);
        let failed = io.put_str_begin(1);
        put_str(&mut io, failed, "failed ");
        put_str(&mut io, outer, "again");
        io.put_str_end(outer);
        io.flush(1);
        assert_eq!(io.captured[0], b"inner outer again", "nested calls keep their own characters");
    }

    #[test]
    fn put_str_follows_the_buffering_mode() {
        let mut io = Io::new(true);
        io.set_buffering(1, 1);
        let t = io.put_str_begin(1);
        put_str(&mut io, t, "one\ntwo");
        assert_eq!(io.captured[0], b"one\n", "a newline hands over and flushes when line-buffered");
        io.set_buffering(1, 0);
        assert_eq!(io.put_str_begin(1), 1, "unbuffered output needs no spare buffer");
        put_str(&mut io, 1, "now");
        assert_eq!(io.captured[0], b"one\nnow");
        assert_eq!(io.put_str_begin(9), -EBADF);
        assert_eq!(put_str(&mut io, 1 << 32, "x"), -EBADF, "stdin");
        assert_eq!(put_str(&mut io, -EBADF, "x"), -EBADF);
    }
}
