//! Core to STG: A-normalisation (non-atomic arguments are let-bound, or case-bound when
//! unboxed), saturation of constructors and primops (eta-expanding partial uses),
//! lowering of `seq#` into a forcing case, free-variable annotation, and the choice of
//! update flags. It must not change what a program means: no inlining, no floating.

mod expr;
mod free_vars;

use crate::core;
use bhc_stg as stg;
use std::fmt;

/// Core that the lowering cannot express; always a bug in an earlier phase.
#[derive(Debug, Clone, PartialEq)]
pub struct LowerError {
    pub binding: String,
    pub message: String,
}

impl fmt::Display for LowerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "internal error lowering `{}` to STG: {}", self.binding, self.message)
    }
}

impl std::error::Error for LowerError {}

/// Lower a whole Core module to STG.
pub fn lower_module(m: &core::Module) -> Result<stg::Module, LowerError> {
    let mut lowerer = expr::Lowerer::new(m);
    let mut bindings = Vec::with_capacity(m.bindings.len() + m.data_cons.len());
    for con in m.data_cons.iter().filter(|c| c.fields.is_empty()) {
        bindings.push(stg::Binding { name: con.name.clone(), rhs: stg::Rhs::Con { con: con.clone(), args: vec![] } });
    }
    for b in &m.bindings {
        let rhs = lowerer.lower_top(&b.expr).map_err(|message| LowerError { binding: b.name.to_string(), message })?;
        bindings.push(stg::Binding { name: b.name.clone(), rhs });
    }
    Ok(stg::Module { name: m.name.clone(), data_cons: m.data_cons.clone(), bindings })
}

#[cfg(test)]
mod tests;
