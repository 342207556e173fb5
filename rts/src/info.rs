//! Info tables: the one description of every heap object and every stack frame.
//!
//! Every heap object and every frame starts with a pointer to an [`InfoTable`]. The GC,
//! the interpreter, the native RTS code and (later) compiled code all read the same
//! `#[repr(C)]` struct; nothing else may describe an object's layout. This module only
//! defines the table and the control-transfer protocol ([`NextStep`]); the tables of the
//! RTS's own closures live next to their code in `native`.

use crate::capability::Capability;

/// Native code behind an info table. For a closure it is the entry code (evaluate or
/// enter the closure in `R1`); for a frame it is the return code (`R1` holds the value
/// being returned to the frame on top of the stack). It never calls the scheduler: it
/// returns what the scheduler must do next.
pub type EntryCode = unsafe extern "C" fn(*mut Capability) -> NextStep;

/// What a heap object or a stack frame is.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosureType {
    /// A constructor application: pointer fields, then non-pointer fields (layout).
    Constr,
    /// A native thunk with a fixed layout (today: the re-raise thunk left by `raise#`).
    Thunk,
    /// A partial application: `[info][fun][n][args...]`; `fun` is a BCO.
    Pap,
    /// An applied thunk: `[info][fun][n][args...]`, entered by applying `fun` (a BCO of
    /// arity `n`) to the arguments; the updatable kind pushes an update frame first.
    Ap,
    /// An indirection to the value of an updated thunk: `[info][value]`.
    Ind,
    /// A thunk under evaluation. It keeps the layout of the AP it was, so that an
    /// interrupted evaluation can be undone.
    Blackhole,
    /// A byte-code object (see `object` for its fields).
    Bco,
    /// An array of pointers: `[info][n][elements...]`.
    Array,
    /// Raw bytes: `[info][byte count][data words...]` (also bignums).
    ByteArray,
    /// A mutable variable: `[info][value]`.
    MutVar,
    /// A weak pointer: `[info][key][value][finalizer]`, traced only by the collector's
    /// weak-pointer pass.
    Weak,
    /// Frame: an interpreted case continuation `[info][bco][env...]`; the BCO's bitmap
    /// describes the environment words.
    RetBco,
    /// Frame: `[info][updatee]`.
    UpdateFrame,
    /// Frame: `[info][handler]`.
    CatchFrame,
    /// Frame: `[info]`, the bottom of every stack.
    StopFrame,
    /// Frame: `[info][n][bitmap words][args...]`: apply the returned function to `n`
    /// arguments; bit `i` of the bitmap says whether argument `i` is a pointer.
    ApplyFrame,
    /// Frame: `[info][operation][args...]`: run an out-of-line runtime operation (see
    /// `primops`), whose table entry says which arguments are pointers.
    PrimFrame,
    /// Frame: `[info]`, the bottom of every stack chunk but the first: returning to it
    /// continues in the chunk below.
    UnderflowFrame,
}

/// The GC layout of a fixed-size object: pointer words first, then non-pointer words.
/// Variable-size objects (PAP, AP, BCO, arrays, RET_BCO and apply frames) keep their
/// size in the object or frame itself and have an empty layout here.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub ptrs: u32,
    pub nptrs: u32,
}

impl Layout {
    pub const NONE: Layout = Layout { ptrs: 0, nptrs: 0 };

    pub const fn words(self) -> usize {
        self.ptrs as usize + self.nptrs as usize
    }
}

/// A name for diagnostics, as a pointer and a length so that the table stays `repr(C)`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct InfoName {
    pub ptr: *const u8,
    pub len: usize,
}

/// The description of a closure or frame type. Info tables never move and live as long
/// as the runtime that uses them: the RTS's own are statics, constructor tables are
/// owned by the `Runtime`.
#[repr(C)]
#[derive(Debug)]
pub struct InfoTable {
    /// Entry code for closures, return code for frames.
    pub entry: EntryCode,
    pub closure_type: ClosureType,
    /// The constructor tag for CONSTR; 0 for everything else (a BCO keeps its arity in
    /// the object because all BCOs share one info table).
    pub tag: u32,
    pub layout: Layout,
    /// The static reference table. Null for every table the interpreter uses: a BCO
    /// reaches top-level closures through its pointer array, which the GC scavenges
    /// like any field, and top-level closures are retained while their module is
    /// loaded. Native code will point this at its own SRT.
    pub srt: *const crate::Word,
    pub name: InfoName,
}

// SAFETY: an info table is immutable once built and its pointers refer to immutable
// data that outlives it, so sharing it between threads is sound.
unsafe impl Sync for InfoTable {}

impl InfoTable {
    pub const fn new_static(
        entry: EntryCode,
        closure_type: ClosureType,
        layout: Layout,
        name: &'static str,
    ) -> InfoTable {
        InfoTable {
            entry,
            closure_type,
            tag: 0,
            layout,
            srt: std::ptr::null(),
            name: InfoName {
                ptr: name.as_ptr(),
                len: name.len(),
            },
        }
    }

    /// The diagnostic name.
    pub fn name(&self) -> &str {
        // SAFETY: `name` points at `len` bytes of a `str` that lives as long as the
        // table (a `&'static str` or a string owned next to the table by the runtime).
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.name.ptr, self.name.len))
        }
    }
}

/// What the scheduler must do next; returned by every piece of native code and by the
/// interpreter. The registers (`R1`, `Sp`, ...) live in the [`Capability`].
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Enter (evaluate) the closure in `R1`; the stack top is its continuation.
    Enter,
    /// Return `R1` to the frame on top of the stack.
    Return,
    /// Interpret the BCO in `R1`, whose arguments are on top of the stack.
    Interpret,
    /// The frame on top is a RET_BCO frame: interpret its continuation with `R1`.
    InterpretReturn,
    /// Collect garbage so that `need` words are free (rooting `R1` if `r1_is_ptr`),
    /// then do `retry`.
    HeapCheck,
    /// Grow the stack so that `need` words are free, then do `retry`. On overflow, drop
    /// `loose` unframed words and raise `Prelude.stackOverflow`.
    StackCheck,
    /// Raise the exception closure in `R1`; the stack top is a frame.
    Raise,
    /// The stop frame was reached: the thread is done.
    Finished,
    /// `exit#` was called with `exit_code`.
    Exit,
    /// The interrupt flag was seen; the stack top is a frame.
    Interrupted,
    /// A broken invariant, recorded in the capability; the stack top is a frame.
    Fatal,
}
