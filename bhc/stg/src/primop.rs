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
    // Flush the handles and end the program with this exit code.
    Exit = "exit#" : "Int# -> RealWorld -> Int#", [Int, Ptr] -> Int;
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

    #[test]
    fn names_are_unique_and_arities_match_signatures() {
        for (i, a) in PrimOp::ALL.iter().enumerate() {
            for b in &PrimOp::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
            let arrows = a.signature().matches("->").count();
            if *a != PrimOp::Catch {
                assert_eq!(arrows, a.arity(), "{}", a.name());
            }
            assert_eq!(PrimOp::from_name(a.name()), Some(*a));
        }
    }
}
