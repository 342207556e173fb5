//! The standard handles as the RTS owns them: stdout block-buffered (line-buffered on a
//! terminal), stderr unbuffered, stdin read as UTF-8. Output can be captured in memory
//! for tests. Characters are Unicode scalar values; anything else is written as U+FFFD.
//! This module knows nothing about the heap.

use std::io::{BufRead, IsTerminal, Write};

const BLOCK: usize = 8192;

pub(crate) struct Io {
    capture: bool,
    line_buffered: bool,
    out_buf: Vec<u8>,
    captured_out: Vec<u8>,
    captured_err: Vec<u8>,
    input: Option<Box<dyn BufRead>>,
}

impl Io {
    pub(crate) fn new(capture: bool) -> Io {
        Io {
            capture,
            line_buffered: !capture && std::io::stdout().is_terminal(),
            out_buf: Vec::with_capacity(BLOCK),
            captured_out: Vec::new(),
            captured_err: Vec::new(),
            input: None,
        }
    }

    pub(crate) fn set_input(&mut self, input: Box<dyn BufRead>) {
        self.input = Some(input);
    }

    /// `hPutChar#`: 0 on success, -1 for a handle other than 1 or 2 or a write error.
    pub(crate) fn put_char(&mut self, fd: i64, c: usize) -> i64 {
        let ch = u32::try_from(c)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut bytes = [0; 4];
        let bytes = ch.encode_utf8(&mut bytes).as_bytes();
        match fd {
            1 => {
                self.out_buf.extend_from_slice(bytes);
                if self.out_buf.len() >= BLOCK || (self.line_buffered && ch == '\n') {
                    return self.flush_out();
                }
                0
            }
            2 => {
                if self.capture {
                    self.captured_err.extend_from_slice(bytes);
                    0
                } else {
                    status(std::io::stderr().write_all(bytes))
                }
            }
            _ => -1,
        }
    }

    /// `hFlush#`.
    pub(crate) fn flush(&mut self, fd: i64) -> i64 {
        match fd {
            1 => self.flush_out(),
            2 => 0,
            _ => -1,
        }
    }

    pub(crate) fn flush_all(&mut self) {
        self.flush_out();
    }

    fn flush_out(&mut self) -> i64 {
        if self.capture {
            self.captured_out.append(&mut self.out_buf);
            return 0;
        }
        let mut out = std::io::stdout().lock();
        let r = out.write_all(&self.out_buf).and_then(|_| out.flush());
        self.out_buf.clear();
        status(r)
    }

    /// `hGetChar#`: the next character of stdin (invalid UTF-8 reads as U+FFFD), or -1 at
    /// the end of input or for a handle other than 0. Output is flushed first.
    pub(crate) fn get_char(&mut self, fd: i64) -> i64 {
        if fd != 0 {
            return -1;
        }
        self.flush_out();
        let Some(first) = self.read_byte() else {
            return -1;
        };
        let len = match first {
            0x00..=0x7f => return first as i64,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return char::REPLACEMENT_CHARACTER as i64,
        };
        let mut buf = [first, 0, 0, 0];
        for slot in buf.iter_mut().take(len).skip(1) {
            match self.peek_byte() {
                Some(b) if b & 0xc0 == 0x80 => {
                    *slot = b;
                    self.read_byte();
                }
                _ => return char::REPLACEMENT_CHARACTER as i64,
            }
        }
        match std::str::from_utf8(&buf[..len]) {
            Ok(s) => s.chars().next().map_or(-1, |c| c as i64),
            Err(_) => char::REPLACEMENT_CHARACTER as i64,
        }
    }

    fn peek_byte(&mut self) -> Option<u8> {
        match &mut self.input {
            Some(input) => input.fill_buf().ok().and_then(|b| b.first().copied()),
            None => std::io::stdin()
                .lock()
                .fill_buf()
                .ok()
                .and_then(|b| b.first().copied()),
        }
    }

    fn read_byte(&mut self) -> Option<u8> {
        let b = self.peek_byte()?;
        match &mut self.input {
            Some(input) => input.consume(1),
            None => std::io::stdin().lock().consume(1),
        }
        Some(b)
    }

    pub(crate) fn take_captured(&mut self) -> (Vec<u8>, Vec<u8>) {
        self.flush_out();
        (
            std::mem::take(&mut self.captured_out),
            std::mem::take(&mut self.captured_err),
        )
    }
}

fn status(r: std::io::Result<()>) -> i64 {
    if r.is_ok() {
        0
    } else {
        -1
    }
}
