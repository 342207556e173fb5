//! The primitive operations: their names as written in `base` (with MagicHash), their
//! types, and their argument and result representations. The front end types primop
//! calls from `signature`; the back ends implement each one. A primop call is
//! saturated and its unboxed arguments are already values; a `Ptr` argument is a
//! closure pointer that the primop's own description says whether it must be evaluated.

use crate::Rep;

macro_rules! primops {
    ($( $variant:ident = $name:literal : $sig:literal, [$($arg:ident),*] -> $res:ident; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum PrimOp { $($variant),* }

        impl PrimOp {
            pub const ALL: &'static [PrimOp] = &[$(PrimOp::$variant),*];

            /// The name as written in Haskell source (`+#`, `quotInt#`, ...).
            pub fn name(self) -> &'static str {
                match self { $(PrimOp::$variant => $name),* }
            }

            /// The type in Haskell syntax; type variables are implicitly quantified.
            pub fn signature(self) -> &'static str {
                match self { $(PrimOp::$variant => $sig),* }
            }

            pub fn arg_reps(self) -> &'static [Rep] {
                match self { $(PrimOp::$variant => &[$(Rep::$arg),*]),* }
            }

            pub fn result_rep(self) -> Rep {
                match self { $(PrimOp::$variant => Rep::$res),* }
            }
        }
    };
}

primops! {
    // Int# arithmetic; wraps on overflow like GHC. quot/rem by zero are the caller's
    // responsibility (base checks and raises DivideByZero).
    IntAdd = "+#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntSub = "-#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntMul = "*#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntQuot = "quotInt#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntRem = "remInt#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntNegate = "negateInt#" : "Int# -> Int#", [Int] -> Int;
    IntAnd = "andI#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntOr = "orI#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntXor = "xorI#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntNot = "notI#" : "Int# -> Int#", [Int] -> Int;
    IntShl = "uncheckedIShiftL#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntShra = "uncheckedIShiftRA#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    // Int# comparisons return 1# for true and 0# for false.
    IntEq = "==#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntNe = "/=#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntLt = "<#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntLe = "<=#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntGt = ">#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntGe = ">=#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    // Char#.
    Ord = "ord#" : "Char# -> Int#", [Char] -> Int;
    Chr = "chr#" : "Int# -> Char#", [Int] -> Char;
    CharEq = "eqChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    CharNe = "neChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    CharLt = "ltChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    CharLe = "leChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    CharGt = "gtChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    CharGe = "geChar#" : "Char# -> Char# -> Int#", [Char, Char] -> Int;
    // Double#.
    DoubleAdd = "+##" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    DoubleSub = "-##" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    DoubleMul = "*##" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    DoubleDiv = "/##" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    DoubleNegate = "negateDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleEq = "==##" : "Double# -> Double# -> Int#", [Double, Double] -> Int;
    DoubleLt = "<##" : "Double# -> Double# -> Int#", [Double, Double] -> Int;
    DoubleLe = "<=##" : "Double# -> Double# -> Int#", [Double, Double] -> Int;
    IntToDouble = "int2Double#" : "Int# -> Double#", [Int] -> Double;
    DoubleToInt = "double2Int#" : "Double# -> Int#", [Double] -> Int;
    // Addr#: byte `i` of a NUL-terminated literal, as a Char# (Latin-1 for now).
    IndexCharOffAddr = "indexCharOffAddr#" : "Addr# -> Int# -> Char#", [Addr, Int] -> Char;
    // The constructor tag (0-based) of an *evaluated* algebraic value.
    DataToTag = "dataToTag#" : "a -> Int#", [Ptr] -> Int;
    // Force the first argument to WHNF, then return the second. The front end lowers
    // this into `case a of _ -> b` (Alts::Default); it never reaches a back end.
    Seq = "seq#" : "a -> b -> b", [Ptr, Ptr] -> Ptr;
    // Exceptions. raise# throws its (unevaluated) argument; it unwinds to the nearest
    // catch frame, updating the thunks under evaluation on the way so that entering
    // them again re-raises. catch# runs the action (applied to the world token) under
    // a catch frame; on an exception it applies the handler to the exception and the
    // world token. With no catch frame the thread ends with an uncaught exception.
    Raise = "raise#" : "a -> b", [Ptr] -> Ptr;
    Catch = "catch#" : "(RealWorld -> r) -> (e -> RealWorld -> r) -> RealWorld -> r", [Ptr, Ptr, Ptr] -> Ptr;
    // I/O on the standard handles (0 stdin, 1 stdout, 2 stderr). The RealWorld argument
    // is a token that orders effects; the primop ignores its value. Output is buffered
    // by the RTS and flushed at exit, on hFlush#, and before reading stdin.
    PutChar = "hPutChar#" : "Int# -> Char# -> RealWorld -> Int#", [Int, Char, Ptr] -> Int;
    GetChar = "hGetChar#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    Flush = "hFlush#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // hPutStr in bulk, with GHC's spare buffer per call: hPutStrBegin# fd gives a token
    // for the call (naming the handle too); hPutStrStep# token c s writes c and the
    // evaluated prefix of s (never forcing anything) and returns the rest, [] or a
    // string whose first cell or character needs evaluating; hPutStrEnd# token hands
    // over what is left.
    PutStrBegin = "hPutStrBegin#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    PutStrStep = "hPutStrStep#" : "Int# -> Char# -> [Char] -> RealWorld -> IORes [Char]", [Int, Char, Ptr, Ptr] -> Ptr;
    PutStrEnd = "hPutStrEnd#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // Flush the handles and end the program with this exit code.
    Exit = "exit#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // ---- Boxes. A primop whose result is a lifted value that may be unevaluated, or
    // that has an effect, returns it inside `IORes` (a one-field box: Prelude.IORes), so
    // that `case p of IORes x -> ...` runs the primop without forcing `x`.
    // ---- Int# overflow checks for Integer's small-value fast path (1# when the exact
    // result does not fit in 64 bits).
    IntAddOverflows = "addIntOverflows#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntSubOverflows = "subIntOverflows#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    IntMulOverflows = "mulIntOverflows#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    // ---- Word# (unsigned 64-bit, held in an Int# slot) and narrowing for Int8..Word64.
    WordQuot = "quotWord#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    WordRem = "remWord#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    WordLt = "ltWord#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    WordLe = "leWord#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    WordShrl = "uncheckedShiftRL#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    PopCount = "popCnt#" : "Int# -> Int#", [Int] -> Int;
    Clz = "clz#" : "Int# -> Int#", [Int] -> Int;
    Ctz = "ctz#" : "Int# -> Int#", [Int] -> Int;
    // narrowInt# n x: the low n bits of x, sign-extended; narrowWord#: zero-extended.
    NarrowInt = "narrowInt#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    NarrowWord = "narrowWord#" : "Int# -> Int# -> Int#", [Int, Int] -> Int;
    WordToDouble = "word2Double#" : "Int# -> Double#", [Int] -> Double;
    // ---- Double# (Float is `F# Double#` with every result rounded by roundFloat#).
    DoubleNe = "/=##" : "Double# -> Double# -> Int#", [Double, Double] -> Int;
    DoublePow = "**##" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    DoubleSqrt = "sqrtDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleExp = "expDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleLog = "logDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleSin = "sinDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleCos = "cosDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleTan = "tanDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleAsin = "asinDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleAcos = "acosDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleAtan = "atanDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleSinh = "sinhDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleCosh = "coshDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleTanh = "tanhDouble#" : "Double# -> Double#", [Double] -> Double;
    // C's log1p, expm1, asinh, acosh, atanh, as GHC's primops of the same names.
    DoubleLog1p = "log1pDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleExpm1 = "expm1Double#" : "Double# -> Double#", [Double] -> Double;
    DoubleAsinh = "asinhDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleAcosh = "acoshDouble#" : "Double# -> Double#", [Double] -> Double;
    DoubleAtanh = "atanhDouble#" : "Double# -> Double#", [Double] -> Double;
    // Float's elementary functions: C's single-precision ones (expf, ...), as GHC calls
    // them, on a Float held in a Double# (computing in double and rounding would differ
    // from GHC in the last bit now and then). sqrt needs none: rounding the double
    // square root is exact.
    FloatExp = "expFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatLog = "logFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatSin = "sinFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatCos = "cosFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatTan = "tanFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAsin = "asinFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAcos = "acosFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAtan = "atanFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatSinh = "sinhFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatCosh = "coshFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatTanh = "tanhFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAsinh = "asinhFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAcosh = "acoshFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatAtanh = "atanhFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatLog1p = "log1pFloat#" : "Double# -> Double#", [Double] -> Double;
    FloatExpm1 = "expm1Float#" : "Double# -> Double#", [Double] -> Double;
    FloatPow = "powerFloat#" : "Double# -> Double# -> Double#", [Double, Double] -> Double;
    // decodeDouble: mantissa and exponent with x = m * 2^e, m 53 bits (GHC's decodeFloat).
    DoubleDecodeMantissa = "decodeDoubleMantissa#" : "Double# -> Int#", [Double] -> Int;
    DoubleDecodeExponent = "decodeDoubleExponent#" : "Double# -> Int#", [Double] -> Int;
    // encodeDouble# m e = m * 2^e, correctly rounded.
    DoubleEncode = "encodeDouble#" : "Int# -> Int# -> Double#", [Int, Int] -> Double;
    // isDoubleNaN#, isDoubleInfinite#, isDoubleNegativeZero#: 1# or 0#.
    DoubleIsNaN = "isDoubleNaN#" : "Double# -> Int#", [Double] -> Int;
    DoubleIsInfinite = "isDoubleInfinite#" : "Double# -> Int#", [Double] -> Int;
    DoubleIsNegativeZero = "isDoubleNegativeZero#" : "Double# -> Int#", [Double] -> Int;
    // Round to the nearest f32 and back (Float arithmetic).
    DoubleRoundFloat = "roundFloat#" : "Double# -> Double#", [Double] -> Double;
    // GHC's `show` text for a Double (shortest digits that read back: 0.1, 1.0e-2,
    // 1.0e7, -0.0, Infinity, NaN), and for a Float held in a Double#.
    DoubleShow = "showDouble#" : "Double# -> ByteArray#", [Double] -> Ptr;
    FloatShow = "showFloat#" : "Double# -> ByteArray#", [Double] -> Ptr;
    // Parse Haskell float syntax (digits, optional fraction, optional exponent) from the
    // bytes of a ByteArray#; NaN if malformed (base only passes lexed text).
    DoubleRead = "readDouble#" : "ByteArray# -> Double#", [Ptr] -> Double;
    // ---- Char# classification (Unicode): GHC's GeneralCategory index (0 = UppercaseLetter
    // ... 29 = NotAssigned), and simple case mapping.
    CharGeneralCategory = "generalCategory#" : "Char# -> Int#", [Char] -> Int;
    CharToUpper = "toUpper#" : "Char# -> Char#", [Char] -> Char;
    CharToLower = "toLower#" : "Char# -> Char#", [Char] -> Char;
    // ---- ByteArray#: immutable bytes (a BYTE_ARRAY heap object). Built through
    // MutableByteArray#.
    ByteArraySize = "sizeofByteArray#" : "ByteArray# -> Int#", [Ptr] -> Int;
    ByteArrayIndex = "indexByteArray#" : "ByteArray# -> Int# -> Int#", [Ptr, Int] -> Int;
    ByteArrayNew = "newByteArray#" : "Int# -> RealWorld -> IORes MutableByteArray#", [Int, Ptr] -> Ptr;
    ByteArrayWrite = "writeByteArray#" : "MutableByteArray# -> Int# -> Int# -> RealWorld -> Int#", [Ptr, Int, Int, Ptr] -> Int;
    ByteArrayFreeze = "unsafeFreezeByteArray#" : "MutableByteArray# -> RealWorld -> IORes ByteArray#", [Ptr, Ptr] -> Ptr;
    // ---- MutVar# (IORef, STRef). writeMutVar# records the old-to-new pointer for the GC.
    MutVarNew = "newMutVar#" : "a -> RealWorld -> IORes (MutVar# a)", [Ptr, Ptr] -> Ptr;
    MutVarRead = "readMutVar#" : "MutVar# a -> RealWorld -> IORes a", [Ptr, Ptr] -> Ptr;
    MutVarWrite = "writeMutVar#" : "MutVar# a -> a -> RealWorld -> Int#", [Ptr, Ptr, Ptr] -> Int;
    MutVarSame = "sameMutVar#" : "MutVar# a -> MutVar# a -> Int#", [Ptr, Ptr] -> Int;
    // ---- Arrays of lifted values (Data.Array, IOArray, STArray). Index out of range is
    // base's responsibility (it checks before calling).
    ArrayNew = "newArray#" : "Int# -> a -> RealWorld -> IORes (MutableArray# a)", [Int, Ptr, Ptr] -> Ptr;
    ArrayRead = "readArray#" : "MutableArray# a -> Int# -> RealWorld -> IORes a", [Ptr, Int, Ptr] -> Ptr;
    ArrayWrite = "writeArray#" : "MutableArray# a -> Int# -> a -> RealWorld -> Int#", [Ptr, Int, Ptr, Ptr] -> Int;
    ArrayMutableSize = "sizeofMutableArray#" : "MutableArray# a -> Int#", [Ptr] -> Int;
    ArrayFreeze = "unsafeFreezeArray#" : "MutableArray# a -> RealWorld -> IORes (Array# a)", [Ptr, Ptr] -> Ptr;
    ArrayThaw = "thawArray#" : "Array# a -> RealWorld -> IORes (MutableArray# a)", [Ptr, Ptr] -> Ptr;
    ArrayIndex = "indexArray#" : "Array# a -> Int# -> IORes a", [Ptr, Int] -> Ptr;
    ArraySize = "sizeofArray#" : "Array# a -> Int#", [Ptr] -> Int;
    // ---- BigInt#: an arbitrary-precision integer (an opaque unlifted heap object, never
    // a thunk). Integer is `IS# Int# | IB# BigInt#`; base keeps the invariant that IB#
    // holds only values outside the Int# range.
    BigFromInt = "bigFromInt#" : "Int# -> BigInt#", [Int] -> Ptr;
    BigFromWord = "bigFromWord#" : "Int# -> BigInt#", [Int] -> Ptr;
    // Decimal digits with an optional leading '-' (integer literals beyond 64 bits).
    BigFromAddr = "bigFromAddr#" : "Addr# -> BigInt#", [Addr] -> Ptr;
    // Digits in a base (2..36, either case) as the bytes of a ByteArray#, no sign; 0 if
    // malformed. Subquadratic, for reading long Integers.
    BigFromText = "bigFromText#" : "ByteArray# -> Int# -> BigInt#", [Ptr, Int] -> Ptr;
    BigFromDouble = "bigFromDouble#" : "Double# -> BigInt#", [Double] -> Ptr;
    BigToInt = "bigToInt#" : "BigInt# -> Int#", [Ptr] -> Int;
    BigToDouble = "bigToDouble#" : "BigInt# -> Double#", [Ptr] -> Double;
    BigFitsInt = "bigFitsInt#" : "BigInt# -> Int#", [Ptr] -> Int;
    BigAdd = "bigAdd#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigSub = "bigSub#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigMul = "bigMul#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    // Truncating (quot/rem) and flooring (div/mod) division; divisor is never zero.
    BigQuot = "bigQuot#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigRem = "bigRem#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigDiv = "bigDiv#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigMod = "bigMod#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigNegate = "bigNegate#" : "BigInt# -> BigInt#", [Ptr] -> Ptr;
    BigAbs = "bigAbs#" : "BigInt# -> BigInt#", [Ptr] -> Ptr;
    BigSignum = "bigSignum#" : "BigInt# -> Int#", [Ptr] -> Int;
    // -1#, 0#, 1#.
    BigCompare = "bigCompare#" : "BigInt# -> BigInt# -> Int#", [Ptr, Ptr] -> Int;
    BigGcd = "bigGcd#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigAnd = "bigAnd#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigOr = "bigOr#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigXor = "bigXor#" : "BigInt# -> BigInt# -> BigInt#", [Ptr, Ptr] -> Ptr;
    BigComplement = "bigComplement#" : "BigInt# -> BigInt#", [Ptr] -> Ptr;
    BigShiftL = "bigShiftL#" : "BigInt# -> Int# -> BigInt#", [Ptr, Int] -> Ptr;
    // Arithmetic (flooring) shift right.
    BigShiftR = "bigShiftR#" : "BigInt# -> Int# -> BigInt#", [Ptr, Int] -> Ptr;
    BigTestBit = "bigTestBit#" : "BigInt# -> Int# -> Int#", [Ptr, Int] -> Int;
    BigPopCount = "bigPopCount#" : "BigInt# -> Int#", [Ptr] -> Int;
    // Decimal text with '-' for negatives, as a ByteArray# of ASCII bytes; in a base
    // other than 10 (2..36, lower-case digits) with bigToStringBase#.
    BigToString = "bigToString#" : "BigInt# -> ByteArray#", [Ptr] -> Ptr;
    BigToStringBase = "bigToStringBase#" : "BigInt# -> Int# -> ByteArray#", [Ptr, Int] -> Ptr;
    // unpackBytes# text i rest: the bytes of text from i, at most 4096 of them, as
    // Latin-1 characters in front of rest (all cells built at once).
    UnpackBytes = "unpackBytes#" : "ByteArray# -> Int# -> [Char] -> IORes [Char]", [Ptr, Int, Ptr] -> Ptr;
    // ---- Type-unsafe identity (used by Data.Dynamic-style casts in Control.Exception).
    UnsafeCoerce = "unsafeCoerce#" : "a -> b", [Ptr] -> Ptr;
    // ---- Handles beyond the standard three: handle ids are small Int#s (0, 1, 2 are
    // stdin, stdout, stderr). Failures return a negative errno.
    // Mode: 0 read, 1 write, 2 append, 3 read-write. The path is UTF-8 bytes.
    HandleOpen = "openFile#" : "ByteArray# -> Int# -> RealWorld -> Int#", [Ptr, Int, Ptr] -> Int;
    HandleClose = "hClose#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // 1# at end of file (reading ahead one character if needed), 0# otherwise.
    HandleIsEof = "hIsEOF#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // Mode: 0 NoBuffering, 1 LineBuffering, 2 BlockBuffering.
    HandleSetBuffering = "hSetBuffering#" : "Int# -> Int# -> RealWorld -> Int#", [Int, Int, Ptr] -> Int;
    HandleGetBuffering = "hGetBuffering#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // 1# when the handle is a terminal.
    HandleIsTerminal = "hIsTerminal#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
    // The text of an errno value ("No such file or directory").
    ErrnoMessage = "errnoMessage#" : "Int# -> ByteArray#", [Int] -> Ptr;
    // ---- Program environment.
    ArgCount = "getArgCount#" : "RealWorld -> Int#", [Ptr] -> Int;
    ArgIndex = "getArg#" : "Int# -> RealWorld -> ByteArray#", [Int, Ptr] -> Ptr;
    ProgName = "getProgName#" : "RealWorld -> ByteArray#", [Ptr] -> Ptr;
    // An environment variable's value as UTF-8 bytes (empty when unset; envExists# tells).
    EnvLookup = "lookupEnv#" : "ByteArray# -> RealWorld -> IORes ByteArray#", [Ptr, Ptr] -> Ptr;
    EnvExists = "envExists#" : "ByteArray# -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    // The whole environment: UTF-8 `NAME=value` entries, each ended by a NUL byte.
    EnvAll = "getEnvironment#" : "RealWorld -> ByteArray#", [Ptr] -> Ptr;
    // setenv (name, value) and unsetenv (name): 0#, or -EINVAL (-22#) when the name is
    // empty or holds '=' or NUL, or the value holds NUL.
    EnvSet = "setEnv#" : "ByteArray# -> ByteArray# -> RealWorld -> Int#", [Ptr, Ptr, Ptr] -> Int;
    EnvUnset = "unsetEnv#" : "ByteArray# -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    // Replace what getArg# and getProgName# report (withArgs, withProgName): the
    // arguments as UTF-8 entries each ended by a NUL byte, the name as UTF-8.
    ArgsSet = "setArgs#" : "ByteArray# -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    ProgNameSet = "setProgName#" : "ByteArray# -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    // CPU time used by the program, in picoseconds (System.CPUTime).
    CpuTime = "getCPUTime#" : "RealWorld -> Int#", [Ptr] -> Int;
    // ---- Memory.
    PerformGc = "performGC#" : "RealWorld -> Int#", [Ptr] -> Int;
    PerformMajorGc = "performMajorGC#" : "RealWorld -> Int#", [Ptr] -> Int;
    // ---- Weak pointers (System.Mem.Weak; `Weak# v` is a new unlifted type). mkWeak# key
    // value finalizer: once the key is unreachable the value is dropped and the
    // finalizer (an IO action, at run time a function of the world token) runs once, at
    // the latest when the running IO computation ends. weakAlive# is 1# until then;
    // deRefWeak# gives the value and finalizeWeak# kills the weak pointer and returns
    // its finalizer for the caller to run: call both only while weakAlive# is 1#.
    WeakMk = "mkWeak#" : "k -> v -> (RealWorld -> IORes ()) -> RealWorld -> IORes (Weak# v)", [Ptr, Ptr, Ptr, Ptr] -> Ptr;
    WeakAlive = "weakAlive#" : "Weak# v -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    WeakDeRef = "deRefWeak#" : "Weak# v -> RealWorld -> IORes v", [Ptr, Ptr] -> Ptr;
    WeakFinalize = "finalizeWeak#" : "Weak# v -> RealWorld -> IORes (RealWorld -> IORes ())", [Ptr, Ptr] -> Ptr;
    // ---- Stable pointers (Foreign.StablePtr): a number that keeps its value alive until
    // freed. deRefStablePtr# of a freed or unknown number is undefined (base's to avoid).
    StablePtrMake = "makeStablePtr#" : "a -> RealWorld -> Int#", [Ptr, Ptr] -> Int;
    StablePtrDeRef = "deRefStablePtr#" : "Int# -> RealWorld -> IORes a", [Int, Ptr] -> Ptr;
    StablePtrFree = "freeStablePtr#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
}

impl PrimOp {
    pub fn from_name(name: &str) -> Option<PrimOp> {
        PrimOp::ALL.iter().copied().find(|op| op.name() == name)
    }

    pub fn arity(self) -> usize {
        self.arg_reps().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arrows of a type outside parentheses: its arity.
    fn top_level_arrows(sig: &str) -> usize {
        let mut depth = 0i32;
        let mut arrows = 0;
        let bytes = sig.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' => depth -= 1,
                b'-' if depth == 0 && bytes.get(i + 1) == Some(&b'>') => arrows += 1,
                _ => {}
            }
        }
        arrows
    }

    #[test]
    fn names_are_unique_and_arities_match_signatures() {
        for (i, a) in PrimOp::ALL.iter().enumerate() {
            for b in &PrimOp::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
            assert_eq!(top_level_arrows(a.signature()), a.arity(), "{}", a.name());
            assert_eq!(PrimOp::from_name(a.name()), Some(*a));
        }
    }
}
