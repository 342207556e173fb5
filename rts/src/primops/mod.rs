//! The runtime's own operations behind the primops that have no instruction of their
//! own: their table (name, arguments, result, how they run) and their dispatch.
//!
//! Two ways to run: an *inline* operation (`PRIM0`..`PRIM3`) computes a word inside a
//! BCO and may bump-allocate at most a fixed number of words, which the byte-code
//! compiler adds to the BCO's heap reservation, so it never collects. An *out-of-line*
//! operation (`PRIM_CALL`) needs heap of a size only known at run time (arrays,
//! bignums, text): the BCO pushes a PRIM frame holding the operation and its arguments
//! and leaves; the frame's return code runs the operation, collecting first if it must
//! (the GC sees the arguments through the frame), and returns the result to the frame
//! below. The names are those of the STG primops they implement; this module knows
//! nothing about STG itself.

mod arrays;
mod bignum;
mod floating;
mod numeric;
mod show_double;
mod system;
mod text;
mod weak;

use crate::capability::Capability;
use crate::info::{ClosureType, InfoTable, Layout, NextStep};
use crate::native::{raise_wired, word};
use crate::object::*;
use crate::runtime::RtsError;
use crate::Word;

pub(crate) use arrays::MUT_VAR_INFO;
pub(crate) use bignum::BIGINT_INFO;
pub(crate) use system::ProgramEnv;
pub(crate) use weak::{StableTable, WEAK_FINALIZER, WEAK_INFO, WEAK_KEY, WEAK_SIZE, WEAK_VALUE};

/// How an operation runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimKind {
    /// Inside the BCO, allocating at most this many words.
    Inline(u32),
    /// Through a PRIM frame; may collect.
    OutOfLine,
}

/// The representation of an argument or result: a pointer the GC must see, or a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimRep {
    Ptr,
    Word,
}

macro_rules! prims {
    ($( $variant:ident = $name:literal [$($arg:ident),*] -> $res:ident, $kind:expr; )*) => {
        /// A runtime operation. Discriminants are dense from 0, in this order; they are
        /// the operands of `PRIM0`..`PRIM3` and `PRIM_CALL`.
        #[repr(u32)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Prim { $($variant),* }

        impl Prim {
            pub const ALL: &'static [Prim] = &[$(Prim::$variant),*];

            /// The primop this operation implements, as written in Haskell source.
            pub fn name(self) -> &'static str {
                match self { $(Prim::$variant => $name),* }
            }

            /// The arguments it reads (a primop's trailing world token is not read).
            pub fn args(self) -> &'static [PrimRep] {
                match self { $(Prim::$variant => &[$(PrimRep::$arg),*]),* }
            }

            pub fn result(self) -> PrimRep {
                match self { $(Prim::$variant => PrimRep::$res),* }
            }

            pub fn kind(self) -> PrimKind {
                use PrimKind::*;
                match self { $(Prim::$variant => $kind),* }
            }
        }
    };
}

prims! {
    AddIntOverflows = "addIntOverflows#" [Word, Word] -> Word, Inline(0);
    SubIntOverflows = "subIntOverflows#" [Word, Word] -> Word, Inline(0);
    MulIntOverflows = "mulIntOverflows#" [Word, Word] -> Word, Inline(0);
    WordQuot = "quotWord#" [Word, Word] -> Word, Inline(0);
    WordRem = "remWord#" [Word, Word] -> Word, Inline(0);
    WordLt = "ltWord#" [Word, Word] -> Word, Inline(0);
    WordLe = "leWord#" [Word, Word] -> Word, Inline(0);
    WordShrl = "uncheckedShiftRL#" [Word, Word] -> Word, Inline(0);
    PopCount = "popCnt#" [Word] -> Word, Inline(0);
    Clz = "clz#" [Word] -> Word, Inline(0);
    Ctz = "ctz#" [Word] -> Word, Inline(0);
    NarrowInt = "narrowInt#" [Word, Word] -> Word, Inline(0);
    NarrowWord = "narrowWord#" [Word, Word] -> Word, Inline(0);
    WordToDouble = "word2Double#" [Word] -> Word, Inline(0);
    DoubleNe = "/=##" [Word, Word] -> Word, Inline(0);
    DoublePow = "**##" [Word, Word] -> Word, Inline(0);
    DoubleSqrt = "sqrtDouble#" [Word] -> Word, Inline(0);
    DoubleExp = "expDouble#" [Word] -> Word, Inline(0);
    DoubleLog = "logDouble#" [Word] -> Word, Inline(0);
    DoubleSin = "sinDouble#" [Word] -> Word, Inline(0);
    DoubleCos = "cosDouble#" [Word] -> Word, Inline(0);
    DoubleTan = "tanDouble#" [Word] -> Word, Inline(0);
    DoubleAsin = "asinDouble#" [Word] -> Word, Inline(0);
    DoubleAcos = "acosDouble#" [Word] -> Word, Inline(0);
    DoubleAtan = "atanDouble#" [Word] -> Word, Inline(0);
    DoubleSinh = "sinhDouble#" [Word] -> Word, Inline(0);
    DoubleCosh = "coshDouble#" [Word] -> Word, Inline(0);
    DoubleTanh = "tanhDouble#" [Word] -> Word, Inline(0);
    DoubleLog1p = "log1pDouble#" [Word] -> Word, Inline(0);
    DoubleExpm1 = "expm1Double#" [Word] -> Word, Inline(0);
    DoubleAsinh = "asinhDouble#" [Word] -> Word, Inline(0);
    DoubleAcosh = "acoshDouble#" [Word] -> Word, Inline(0);
    DoubleAtanh = "atanhDouble#" [Word] -> Word, Inline(0);
    FloatExp = "expFloat#" [Word] -> Word, Inline(0);
    FloatLog = "logFloat#" [Word] -> Word, Inline(0);
    FloatSin = "sinFloat#" [Word] -> Word, Inline(0);
    FloatCos = "cosFloat#" [Word] -> Word, Inline(0);
    FloatTan = "tanFloat#" [Word] -> Word, Inline(0);
    FloatAsin = "asinFloat#" [Word] -> Word, Inline(0);
    FloatAcos = "acosFloat#" [Word] -> Word, Inline(0);
    FloatAtan = "atanFloat#" [Word] -> Word, Inline(0);
    FloatSinh = "sinhFloat#" [Word] -> Word, Inline(0);
    FloatCosh = "coshFloat#" [Word] -> Word, Inline(0);
    FloatTanh = "tanhFloat#" [Word] -> Word, Inline(0);
    FloatAsinh = "asinhFloat#" [Word] -> Word, Inline(0);
    FloatAcosh = "acoshFloat#" [Word] -> Word, Inline(0);
    FloatAtanh = "atanhFloat#" [Word] -> Word, Inline(0);
    FloatLog1p = "log1pFloat#" [Word] -> Word, Inline(0);
    FloatExpm1 = "expm1Float#" [Word] -> Word, Inline(0);
    FloatPow = "powerFloat#" [Word, Word] -> Word, Inline(0);
    DoubleDecodeMantissa = "decodeDoubleMantissa#" [Word] -> Word, Inline(0);
    DoubleDecodeExponent = "decodeDoubleExponent#" [Word] -> Word, Inline(0);
    DoubleEncode = "encodeDouble#" [Word, Word] -> Word, Inline(0);
    DoubleIsNaN = "isDoubleNaN#" [Word] -> Word, Inline(0);
    DoubleIsInfinite = "isDoubleInfinite#" [Word] -> Word, Inline(0);
    DoubleIsNegativeZero = "isDoubleNegativeZero#" [Word] -> Word, Inline(0);
    DoubleRoundFloat = "roundFloat#" [Word] -> Word, Inline(0);
    DoubleShow = "showDouble#" [Word] -> Ptr, OutOfLine;
    FloatShow = "showFloat#" [Word] -> Ptr, OutOfLine;
    DoubleRead = "readDouble#" [Ptr] -> Word, Inline(0);
    CharGeneralCategory = "generalCategory#" [Word] -> Word, Inline(0);
    CharToUpper = "toUpper#" [Word] -> Word, Inline(0);
    CharToLower = "toLower#" [Word] -> Word, Inline(0);
    ByteArraySize = "sizeofByteArray#" [Ptr] -> Word, Inline(0);
    ByteArrayIndex = "indexByteArray#" [Ptr, Word] -> Word, Inline(0);
    ByteArrayNew = "newByteArray#" [Word] -> Ptr, OutOfLine;
    ByteArrayWrite = "writeByteArray#" [Ptr, Word, Word] -> Word, Inline(0);
    ByteArrayFreeze = "unsafeFreezeByteArray#" [Ptr] -> Ptr, Inline(2);
    MutVarNew = "newMutVar#" [Ptr] -> Ptr, Inline(4);
    MutVarRead = "readMutVar#" [Ptr] -> Ptr, Inline(2);
    MutVarWrite = "writeMutVar#" [Ptr, Ptr] -> Word, Inline(0);
    MutVarSame = "sameMutVar#" [Ptr, Ptr] -> Word, Inline(0);
    ArrayNew = "newArray#" [Word, Ptr] -> Ptr, OutOfLine;
    ArrayRead = "readArray#" [Ptr, Word] -> Ptr, Inline(2);
    ArrayWrite = "writeArray#" [Ptr, Word, Ptr] -> Word, Inline(0);
    ArrayMutableSize = "sizeofMutableArray#" [Ptr] -> Word, Inline(0);
    ArrayFreeze = "unsafeFreezeArray#" [Ptr] -> Ptr, Inline(2);
    ArrayThaw = "thawArray#" [Ptr] -> Ptr, OutOfLine;
    ArrayIndex = "indexArray#" [Ptr, Word] -> Ptr, Inline(2);
    ArraySize = "sizeofArray#" [Ptr] -> Word, Inline(0);
    BigFromInt = "bigFromInt#" [Word] -> Ptr, Inline(bignum::SMALL_WORDS);
    BigFromWord = "bigFromWord#" [Word] -> Ptr, Inline(bignum::SMALL_WORDS);
    BigFromAddr = "bigFromAddr#" [Word] -> Ptr, OutOfLine;
    BigFromText = "bigFromText#" [Ptr, Word] -> Ptr, OutOfLine;
    BigFromDouble = "bigFromDouble#" [Word] -> Ptr, OutOfLine;
    BigToInt = "bigToInt#" [Ptr] -> Word, Inline(0);
    BigToDouble = "bigToDouble#" [Ptr] -> Word, Inline(0);
    BigFitsInt = "bigFitsInt#" [Ptr] -> Word, Inline(0);
    BigAdd = "bigAdd#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigSub = "bigSub#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigMul = "bigMul#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigQuot = "bigQuot#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigRem = "bigRem#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigDiv = "bigDiv#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigMod = "bigMod#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigNegate = "bigNegate#" [Ptr] -> Ptr, OutOfLine;
    BigAbs = "bigAbs#" [Ptr] -> Ptr, OutOfLine;
    BigSignum = "bigSignum#" [Ptr] -> Word, Inline(0);
    BigCompare = "bigCompare#" [Ptr, Ptr] -> Word, Inline(0);
    BigGcd = "bigGcd#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigAnd = "bigAnd#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigOr = "bigOr#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigXor = "bigXor#" [Ptr, Ptr] -> Ptr, OutOfLine;
    BigComplement = "bigComplement#" [Ptr] -> Ptr, OutOfLine;
    BigShiftL = "bigShiftL#" [Ptr, Word] -> Ptr, OutOfLine;
    BigShiftR = "bigShiftR#" [Ptr, Word] -> Ptr, OutOfLine;
    BigTestBit = "bigTestBit#" [Ptr, Word] -> Word, Inline(0);
    BigPopCount = "bigPopCount#" [Ptr] -> Word, Inline(0);
    BigToString = "bigToString#" [Ptr] -> Ptr, OutOfLine;
    BigToStringBase = "bigToStringBase#" [Ptr, Word] -> Ptr, OutOfLine;
    UnpackBytes = "unpackBytes#" [Ptr, Word, Ptr] -> Ptr, OutOfLine;
    PutStrBegin = "hPutStrBegin#" [Word] -> Word, Inline(0);
    PutStrStep = "hPutStrStep#" [Word, Word, Ptr] -> Ptr, Inline(2);
    PutStrEnd = "hPutStrEnd#" [Word] -> Word, Inline(0);
    UnsafeCoerce = "unsafeCoerce#" [Ptr] -> Ptr, Inline(0);
    HandleOpen = "openFile#" [Ptr, Word] -> Word, Inline(0);
    HandleClose = "hClose#" [Word] -> Word, Inline(0);
    HandleIsEof = "hIsEOF#" [Word] -> Word, Inline(0);
    HandleSetBuffering = "hSetBuffering#" [Word, Word] -> Word, Inline(0);
    HandleGetBuffering = "hGetBuffering#" [Word] -> Word, Inline(0);
    HandleIsTerminal = "hIsTerminal#" [Word] -> Word, Inline(0);
    ErrnoMessage = "errnoMessage#" [Word] -> Ptr, OutOfLine;
    ArgCount = "getArgCount#" [] -> Word, Inline(0);
    ArgIndex = "getArg#" [Word] -> Ptr, OutOfLine;
    ProgName = "getProgName#" [] -> Ptr, OutOfLine;
    EnvLookup = "lookupEnv#" [Ptr] -> Ptr, OutOfLine;
    EnvExists = "envExists#" [Ptr] -> Word, Inline(0);
    EnvAll = "getEnvironment#" [] -> Ptr, OutOfLine;
    EnvSet = "setEnv#" [Ptr, Ptr] -> Word, Inline(0);
    EnvUnset = "unsetEnv#" [Ptr] -> Word, Inline(0);
    ArgsSet = "setArgs#" [Ptr] -> Word, Inline(0);
    ProgNameSet = "setProgName#" [Ptr] -> Word, Inline(0);
    CpuTime = "getCPUTime#" [] -> Word, Inline(0);
    PerformGc = "performGC#" [] -> Word, OutOfLine;
    PerformMajorGc = "performMajorGC#" [] -> Word, OutOfLine;
    WeakMk = "mkWeak#" [Ptr, Ptr, Ptr] -> Ptr, Inline(weak::WEAK_SIZE as u32 + 2);
    WeakAlive = "weakAlive#" [Ptr] -> Word, Inline(0);
    WeakDeRef = "deRefWeak#" [Ptr] -> Ptr, Inline(2);
    WeakFinalize = "finalizeWeak#" [Ptr] -> Ptr, Inline(2);
    StablePtrMake = "makeStablePtr#" [Ptr] -> Word, Inline(0);
    StablePtrDeRef = "deRefStablePtr#" [Word] -> Ptr, Inline(2);
    StablePtrFree = "freeStablePtr#" [Word] -> Word, Inline(0);
}

impl Prim {
    pub fn from_u32(w: u32) -> Option<Prim> {
        Prim::ALL.get(w as usize).copied()
    }

    pub fn from_name(name: &str) -> Option<Prim> {
        Prim::ALL.iter().copied().find(|p| p.name() == name)
    }

    pub fn arity(self) -> usize {
        self.args().len()
    }

    /// Whether the result comes in a `Prelude.IORes` box (which must be linked first).
    pub fn boxes_result(self) -> bool {
        matches!(
            self,
            Prim::ByteArrayNew
                | Prim::ByteArrayFreeze
                | Prim::MutVarNew
                | Prim::MutVarRead
                | Prim::ArrayNew
                | Prim::ArrayRead
                | Prim::ArrayFreeze
                | Prim::ArrayThaw
                | Prim::ArrayIndex
                | Prim::EnvLookup
                | Prim::WeakMk
                | Prim::WeakDeRef
                | Prim::WeakFinalize
                | Prim::StablePtrDeRef
                | Prim::UnpackBytes
                | Prim::PutStrStep
        )
    }

    /// Whether it builds strings, and so needs `Prelude.:` and `Prelude.C#` linked.
    pub fn builds_strings(self) -> bool {
        self == Prim::UnpackBytes
    }
}

/// The PRIM frame: `[info][operation][arg 0 .. arg n-1]`; the operation's table entry
/// says which arguments are pointers.
pub(crate) static PRIM_FRAME_INFO: InfoTable = InfoTable::new_static(
    prim_frame_return,
    ClosureType::PrimFrame,
    Layout::NONE,
    "PRIM_FRAME",
);

/// Words of a PRIM frame before its arguments.
pub(crate) const PRIM_FRAME_HEADER: usize = 2;

/// Size of the PRIM frame at `p`.
///
/// # Safety
/// `p` points at a PRIM frame.
pub(crate) unsafe fn prim_frame_size(p: P) -> usize {
    PRIM_FRAME_HEADER + frame_prim(p).arity()
}

/// The operation of the PRIM frame at `p` (validated when its code was linked).
///
/// # Safety
/// `p` points at a PRIM frame.
pub(crate) unsafe fn frame_prim(p: P) -> Prim {
    // SAFETY: frames are only built by `PRIM_CALL`, whose operand was validated.
    std::mem::transmute::<u32, Prim>(*p.add(1) as u32)
}

/// Run an inline operation on its arguments.
///
/// # Safety
/// `prim` is inline; pointer arguments point at objects of the types the primop's
/// signature gives; the heap has room for the operation's allocation.
pub(crate) unsafe fn inline(cap: &mut Capability, prim: Prim, a: [Word; 3]) -> Word {
    // First: `hPutStrStep#` runs once per character of a string built cell by cell.
    if let Some(w) = text::inline(cap, prim, a) {
        return w;
    }
    if let Some(w) = numeric::inline(prim, a) {
        return w;
    }
    if let Some(w) = floating::inline(prim, a) {
        return w;
    }
    if let Some(w) = arrays::inline(cap, prim, a) {
        return w;
    }
    if let Some(w) = bignum::inline(cap, prim, a) {
        return w;
    }
    if let Some(w) = weak::inline(cap, prim, a) {
        return w;
    }
    system::inline(cap, prim, a)
}

/// What an out-of-line operation produced.
pub(crate) enum Outcome {
    Value(Word),
    /// Raise a wired-in exception of `Prelude` (or fail with the error).
    Raise(&'static str, RtsError),
}

/// Return code of the PRIM frame: run its operation, pop the frame and return the
/// result to the frame below.
unsafe extern "C" fn prim_frame_return(cap: *mut Capability) -> NextStep {
    // SAFETY: the scheduler passes the unique capability; the top frame is a PRIM
    // frame built by `PRIM_CALL` with the operation's arguments.
    unsafe {
        let cap = &mut *cap;
        cap.r1_is_ptr = false;
        let prim = frame_prim(cap.sp);
        let outcome = match prim {
            Prim::DoubleShow | Prim::FloatShow => show_double::call(cap, prim),
            Prim::ByteArrayNew | Prim::ArrayNew | Prim::ArrayThaw => arrays::call(cap, prim),
            Prim::PerformGc | Prim::PerformMajorGc => match crate::gc::collect(
                cap,
                0,
                prim == Prim::PerformMajorGc,
            ) {
                Ok(()) => Outcome::Value(0),
                Err(e) => Outcome::Raise("Prelude.heapOverflow", e),
            },
            Prim::ErrnoMessage
            | Prim::ArgIndex
            | Prim::ProgName
            | Prim::EnvLookup
            | Prim::EnvAll => system::call(cap, prim),
            Prim::UnpackBytes => text::unpack_bytes(cap),
            _ => bignum::call(cap, prim),
        };
        match outcome {
            Outcome::Value(v) => {
                cap.sp = cap.sp.add(prim_frame_size(cap.sp));
                cap.r1 = v;
                NextStep::Return
            }
            Outcome::Raise(name, error) => raise_wired(cap, name, error),
        }
    }
}

/// Argument `i` of the PRIM frame on top of the stack. Read it again after any
/// allocation: a collection moves the objects it points at.
///
/// # Safety
/// The stack top is a PRIM frame with more than `i` arguments.
pub(crate) unsafe fn frame_arg(cap: &Capability, i: usize) -> Word {
    *cap.sp.add(PRIM_FRAME_HEADER + i)
}

/// Allocate for an out-of-line operation, collecting if needed.
pub(crate) fn alloc_or_raise(cap: &mut Capability, words: usize) -> Result<P, Outcome> {
    cap.alloc(words)
        .map_err(|e| Outcome::Raise("Prelude.heapOverflow", e))
}

/// An object of `words` words, filled in by `init`, returned in an `IORes` box. The
/// object and its box are two allocations: the object may be large (a block group of
/// its own), and nothing may point into the middle of one. `init` runs before the box
/// is allocated, so it may read PRIM frame arguments; the object is rooted meanwhile.
///
/// # Safety
/// `init` writes a whole object of `words` words at the address it is given.
pub(crate) unsafe fn new_boxed(
    cap: &mut Capability,
    words: usize,
    init: impl FnOnce(&mut Capability, P),
) -> Outcome {
    let p = match alloc_or_raise(cap, words) {
        Ok(p) => p,
        Err(o) => return o,
    };
    init(cap, p);
    cap.handles.push(p as Word);
    let boxed = alloc_or_raise(cap, 2);
    let p = cap.handles.pop().unwrap_or_default();
    match boxed {
        Ok(b) => {
            *b = cap.iores_info;
            *b.add(1) = p;
            Outcome::Value(b as Word)
        }
        Err(o) => o,
    }
}

/// Build a BYTE_ARRAY holding `bytes` (the caller has the room).
///
/// # Safety
/// `p` has room for `byte_array_words(bytes.len())` words.
pub(crate) unsafe fn fill_byte_array(p: P, bytes: &[u8]) {
    *p = word(&crate::native::BYTE_ARRAY_INFO);
    *p.add(ARR_LEN) = bytes.len();
    let words = bytes.len().div_ceil(8);
    std::ptr::write_bytes(p.add(ARR_DATA), 0, words);
    std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(ARR_DATA) as *mut u8, bytes.len());
}

pub(crate) const fn byte_array_words(len: usize) -> usize {
    ARR_DATA + len.div_ceil(8)
}

/// A new BYTE_ARRAY of `bytes`, as the result of an out-of-line operation.
pub(crate) fn new_byte_array(cap: &mut Capability, bytes: &[u8]) -> Outcome {
    match alloc_or_raise(cap, byte_array_words(bytes.len())) {
        // SAFETY: `p` has room for the array.
        Ok(p) => unsafe {
            fill_byte_array(p, bytes);
            Outcome::Value(p as Word)
        },
        Err(o) => o,
    }
}

/// The bytes of a BYTE_ARRAY, borrowed until the next allocation.
///
/// # Safety
/// `p` points at a BYTE_ARRAY; the slice must not be used after an allocation.
pub(crate) unsafe fn byte_array_bytes<'a>(p: Word) -> &'a [u8] {
    let p = p as P;
    std::slice::from_raw_parts(p.add(ARR_DATA) as *const u8, *p.add(ARR_LEN))
}

/// An `IORes` box around `value`, bump-allocated from the caller's reservation.
///
/// # Safety
/// The heap has room for two words.
pub(crate) unsafe fn box_iores(cap: &mut Capability, value: Word) -> Word {
    let p = cap.alloc_unchecked(2);
    *p = cap.iores_info;
    *p.add(1) = value;
    p as Word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_dense_and_named_once() {
        for (i, p) in Prim::ALL.iter().enumerate() {
            assert_eq!(*p as usize, i);
            assert_eq!(Prim::from_u32(i as u32), Some(*p));
            assert_eq!(Prim::from_name(p.name()), Some(*p));
            assert!(p.arity() <= 3, "PRIM3 is the widest inline form");
        }
    }
}
