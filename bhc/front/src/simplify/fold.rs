//! Constant folding: a primop on literal arguments is replaced by its result, so that
//! a case on it (as in derived `Eq`/`Ord` once the constructors are known) picks its
//! alternative at compile time. Only total operations are folded, with the run-time
//! semantics (wrapping Int# arithmetic, comparisons giving 1# or 0#); division, shifts
//! and floating point are left to run time.

use crate::core::Expr;
use bhc_stg::{Lit, PrimOp};

/// The value of `op args`, when every argument is a literal the operation is total on.
pub fn fold_prim(op: PrimOp, args: &[Expr]) -> Option<Expr> {
    let int = |b: bool| Some(Expr::Lit(Lit::Int(b as i64)));
    match args {
        [Expr::Lit(Lit::Int(x)), Expr::Lit(Lit::Int(y))] => {
            let (x, y) = (*x, *y);
            match op {
                PrimOp::IntAdd => Some(Expr::Lit(Lit::Int(x.wrapping_add(y)))),
                PrimOp::IntSub => Some(Expr::Lit(Lit::Int(x.wrapping_sub(y)))),
                PrimOp::IntMul => Some(Expr::Lit(Lit::Int(x.wrapping_mul(y)))),
                PrimOp::IntAnd => Some(Expr::Lit(Lit::Int(x & y))),
                PrimOp::IntOr => Some(Expr::Lit(Lit::Int(x | y))),
                PrimOp::IntXor => Some(Expr::Lit(Lit::Int(x ^ y))),
                PrimOp::IntEq => int(x == y),
                PrimOp::IntNe => int(x != y),
                PrimOp::IntLt => int(x < y),
                PrimOp::IntLe => int(x <= y),
                PrimOp::IntGt => int(x > y),
                PrimOp::IntGe => int(x >= y),
                _ => None,
            }
        }
        [Expr::Lit(Lit::Char(x)), Expr::Lit(Lit::Char(y))] => match op {
            PrimOp::CharEq => int(x == y),
            PrimOp::CharNe => int(x != y),
            PrimOp::CharLt => int(x < y),
            PrimOp::CharLe => int(x <= y),
            PrimOp::CharGt => int(x > y),
            PrimOp::CharGe => int(x >= y),
            _ => None,
        },
        [Expr::Lit(Lit::Int(x))] => match op {
            PrimOp::IntNegate => Some(Expr::Lit(Lit::Int(x.wrapping_neg()))),
            PrimOp::IntNot => Some(Expr::Lit(Lit::Int(!x))),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> Expr {
        Expr::Lit(Lit::Int(n))
    }

    #[test]
    fn folds_total_operations_with_run_time_semantics() {
        assert_eq!(fold_prim(PrimOp::IntEq, &[int(0), int(0)]), Some(int(1)));
        assert_eq!(fold_prim(PrimOp::IntLt, &[int(2), int(1)]), Some(int(0)));
        assert_eq!(fold_prim(PrimOp::IntAdd, &[int(i64::MAX), int(1)]), Some(int(i64::MIN)));
        assert_eq!(fold_prim(PrimOp::IntNegate, &[int(i64::MIN)]), Some(int(i64::MIN)));
        let c = |ch| Expr::Lit(Lit::Char(ch));
        assert_eq!(fold_prim(PrimOp::CharGe, &[c('b'), c('a')]), Some(int(1)));
    }

    #[test]
    fn leaves_partial_operations_to_run_time() {
        assert_eq!(fold_prim(PrimOp::IntQuot, &[int(1), int(0)]), None);
        assert_eq!(fold_prim(PrimOp::IntRem, &[int(1), int(0)]), None);
        assert_eq!(fold_prim(PrimOp::IntShl, &[int(1), int(70)]), None);
    }
}
