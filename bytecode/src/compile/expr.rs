//! Compiling expressions in tail position, `let` bindings, closures, constructor
//! applications and primop calls. Case expressions are in `case`.

use super::ctx::{is_ptr, Ctx, R};
use crate::unlinked::{Literal, UnlinkedBco};
use bhc_rts::instr::{Op, Src};
use bhc_rts::primops::{Prim, PrimKind};
use bhc_stg::{Alts, Atom, DataCon, Expr, Occ, PrimOp, Rep, Rhs, UpdateFlag, Var};
use std::rc::Rc;

/// The source field indices of a constructor in payload order: pointers first.
pub(super) fn payload_order(con: &DataCon) -> Vec<usize> {
    let ptrs = (0..con.fields.len()).filter(|&i| is_ptr(con.fields[i]));
    let nptrs = (0..con.fields.len()).filter(|&i| !is_ptr(con.fields[i]));
    ptrs.chain(nptrs).collect()
}

/// A variable the compiler introduces; its unique only has to differ from the uniques
/// visible where it is used, and lookups find the innermost binding first.
pub(super) fn fresh_var(rep: Rep) -> Var {
    Var {
        name: Rc::from("ds"),
        unique: u32::MAX,
        rep,
    }
}

/// The inline instruction for a primop that neither evaluates nor transfers control,
/// and how many of its arguments it reads (the world token is never read).
fn inline_op(op: PrimOp) -> Option<(Op, usize)> {
    use PrimOp as P;
    Some(match op {
        P::IntAdd => (Op::AddI, 2),
        P::IntSub => (Op::SubI, 2),
        P::IntMul => (Op::MulI, 2),
        P::IntQuot => (Op::QuotI, 2),
        P::IntRem => (Op::RemI, 2),
        P::IntNegate => (Op::NegI, 1),
        P::IntAnd => (Op::AndI, 2),
        P::IntOr => (Op::OrI, 2),
        P::IntXor => (Op::XorI, 2),
        P::IntNot => (Op::NotI, 1),
        P::IntShl => (Op::ShlI, 2),
        P::IntShra => (Op::ShraI, 2),
        P::IntEq => (Op::EqI, 2),
        P::IntNe => (Op::NeI, 2),
        P::IntLt => (Op::LtI, 2),
        P::IntLe => (Op::LeI, 2),
        P::IntGt => (Op::GtI, 2),
        P::IntGe => (Op::GeI, 2),
        P::Ord => (Op::Ord, 1),
        P::Chr => (Op::Chr, 1),
        P::CharEq => (Op::EqC, 2),
        P::CharNe => (Op::NeC, 2),
        P::CharLt => (Op::LtC, 2),
        P::CharLe => (Op::LeC, 2),
        P::CharGt => (Op::GtC, 2),
        P::CharGe => (Op::GeC, 2),
        P::DoubleAdd => (Op::AddD, 2),
        P::DoubleSub => (Op::SubD, 2),
        P::DoubleMul => (Op::MulD, 2),
        P::DoubleDiv => (Op::DivD, 2),
        P::DoubleNegate => (Op::NegD, 1),
        P::DoubleEq => (Op::EqD, 2),
        P::DoubleLt => (Op::LtD, 2),
        P::DoubleLe => (Op::LeD, 2),
        P::IntToDouble => (Op::IntToDouble, 1),
        P::DoubleToInt => (Op::DoubleToInt, 1),
        P::IndexCharOffAddr => (Op::IndexCharOffAddr, 2),
        P::DataToTag => (Op::DataToTag, 1),
        P::PutChar => (Op::PutChar, 2),
        P::GetChar => (Op::GetChar, 1),
        P::Flush => (Op::Flush, 1),
        _ => return None,
    })
}

/// How a primop without an instruction of its own runs: a runtime operation of the
/// same name, inline (allocating at most the given words) or out of line.
pub(super) fn runtime_op(op: PrimOp) -> Option<(Prim, Option<u32>)> {
    let prim = Prim::from_name(op.name())?;
    let heap = match prim.kind() {
        PrimKind::Inline(words) => Some(words),
        PrimKind::OutOfLine => None,
    };
    Some((prim, heap))
}

/// Whether the primop's last argument is a world token the operation does not read.
fn reads_all_args(op: PrimOp, prim: Prim) -> bool {
    prim.arity() == op.arity()
}

impl Ctx {
    /// Compile `e` so that its value is returned to the frame at depth `s` (the
    /// sequel): everything above it is dropped before control leaves.
    pub(super) fn tail(&mut self, mut e: &Expr, s: usize) -> R<()> {
        loop {
            return match e {
                Expr::App { fun, args } if args.is_empty() => self.enter_occ(fun, s),
                Expr::App { fun, args } => self.call(fun, args, s),
                Expr::Con { con, args } => {
                    let value = self.con_value(con, args)?;
                    self.ret(value, s)
                }
                Expr::Lit(l) => {
                    let i = self.stg_lit(l);
                    self.ret(Src::Lit(i).encode(), s)
                }
                Expr::Prim { op, args } => self.prim_tail(*op, args, s),
                // Chains of lets (long list literals) are walked here, not recursed into.
                Expr::Let { rec, binds, body } => {
                    self.bind_let(*rec, binds)?;
                    e = body;
                    continue;
                }
                Expr::Case {
                    scrut,
                    binder,
                    alts,
                } => self.case(scrut, binder, alts, s),
            };
        }
    }

    fn drop_to(&self, s: usize) -> u32 {
        (self.depth() - s) as u32
    }

    pub(super) fn ret(&mut self, src: u32, s: usize) -> R<()> {
        let drop = self.drop_to(s);
        self.emit(Op::Return, &[src, drop]);
        Ok(())
    }

    fn enter_occ(&mut self, fun: &Occ, s: usize) -> R<()> {
        let drop = self.drop_to(s);
        match fun {
            Occ::Local(v) => {
                let slot = self.lookup(v)?;
                let src = Src::Stack(self.off(slot.pos)?).encode();
                let op = if is_ptr(slot.rep) {
                    Op::Enter
                } else {
                    Op::Return
                };
                self.emit(op, &[src, drop]);
            }
            Occ::Global(g) => {
                let i = self.ptr_global(g);
                self.emit(Op::Enter, &[Src::Ptr(i).encode(), drop]);
            }
        }
        Ok(())
    }

    /// Push the arguments (last first) and the function, then `CALL`.
    fn call(&mut self, fun: &Occ, args: &[Atom], s: usize) -> R<()> {
        let base = self.depth();
        let bits = args
            .iter()
            .map(|a| self.atom_is_ptr(a))
            .collect::<R<Vec<bool>>>()?;
        for a in args.iter().rev() {
            self.push_atom(a)?;
        }
        match fun {
            Occ::Local(v) if !is_ptr(self.lookup(v)?.rep) => {
                return self.err(format!("{v} is unboxed but applied"))
            }
            _ => self.push_atom(&Atom::Occ(fun.clone()))?,
        }
        let n = args.len();
        self.reach(base + n + 2 + n.div_ceil(64));
        let bitmap = self.bitmap(&bits);
        self.emit(Op::Call, &[n as u32, (base - s) as u32, bitmap]);
        Ok(())
    }

    /// Make the constructor value available: the static closure of a constructor
    /// without fields, or a new one built on the stack top.
    pub(super) fn con_value(&mut self, con: &DataCon, args: &[Atom]) -> R<u32> {
        if args.len() != con.arity() {
            return self.err(format!("{} applied to {} arguments", con.name, args.len()));
        }
        if args.is_empty() {
            return Ok(Src::Ptr(self.ptr_con(con)).encode());
        }
        self.push_payload(con, args)?;
        let info = self.lit(Literal::ConInfo(con.clone()));
        let n = args.len();
        self.emit(Op::Pack, &[info, n as u32]);
        self.pop_slots(n);
        self.push_slot(true);
        self.allocate(1 + n);
        Ok(Src::Stack(0).encode())
    }

    /// Push a constructor's fields so that payload word 0 ends on top.
    fn push_payload(&mut self, con: &DataCon, args: &[Atom]) -> R<()> {
        for &field in payload_order(con).iter().rev() {
            self.push_atom(&args[field])?;
        }
        Ok(())
    }

    fn prim_tail(&mut self, op: PrimOp, args: &[Atom], s: usize) -> R<()> {
        if args.len() != op.arity() {
            return self.err(format!("{} applied to {} arguments", op.name(), args.len()));
        }
        match op {
            PrimOp::Raise => {
                let exn = self.src(&args[0])?;
                let drop = self.drop_to(s);
                self.emit(Op::Raise, &[exn, drop]);
            }
            PrimOp::Catch => {
                let srcs = args.iter().map(|a| self.src(a)).collect::<R<Vec<u32>>>()?;
                let drop = self.drop_to(s);
                // The catch frame, the world token and an apply frame for one argument.
                self.reach(s + 6);
                self.emit(Op::Catch, &[srcs[0], srcs[1], srcs[2], drop]);
            }
            PrimOp::Exit => {
                let code = self.src(&args[0])?;
                let drop = self.drop_to(s);
                self.emit(Op::Exit, &[code, drop]);
            }
            _ => match self.rewrite_prim(op, args, None)? {
                Some(e) => self.tail(&e, s)?,
                None => match runtime_op(op) {
                    Some((prim, None)) => self.prim_call(op, prim, args, s)?,
                    _ => {
                        self.prim_inline(op, args)?;
                        self.ret(Src::Stack(0).encode(), s)?;
                    }
                },
            },
        }
        Ok(())
    }

    /// `seq#`, and `dataToTag#` of something not known to be evaluated, become a case
    /// that evaluates first. With `then`, the result feeds that case instead of being
    /// the value of the expression.
    pub(super) fn rewrite_prim(
        &self,
        op: PrimOp,
        args: &[Atom],
        then: Option<(&Var, &Alts)>,
    ) -> R<Option<Expr>> {
        let evaluate = |a: &Atom, body: Expr, ctx: &Ctx| -> R<Expr> {
            let Atom::Occ(occ) = a else {
                return ctx.err(format!("{} of a literal", op.name()));
            };
            Ok(Expr::Case {
                scrut: Box::new(Expr::App {
                    fun: occ.clone(),
                    args: vec![],
                }),
                binder: fresh_var(Rep::Ptr),
                alts: Alts::Default(Box::new(body)),
            })
        };
        let wrap = |e: Expr| match then {
            Some((binder, alts)) => Expr::Case {
                scrut: Box::new(e),
                binder: binder.clone(),
                alts: alts.clone(),
            },
            None => e,
        };
        match op {
            PrimOp::Seq => {
                let Atom::Occ(b) = &args[1] else {
                    return self.err("seq# of a literal");
                };
                let body = wrap(Expr::App {
                    fun: b.clone(),
                    args: vec![],
                });
                Ok(Some(evaluate(&args[0], body, self)?))
            }
            PrimOp::DataToTag => {
                if let Atom::Occ(Occ::Local(v)) = &args[0] {
                    if self.lookup(v)?.evaluated {
                        return Ok(None);
                    }
                }
                let tag = Expr::Prim {
                    op,
                    args: vec![Atom::Occ(Occ::Local(fresh_var(Rep::Ptr)))],
                };
                Ok(Some(evaluate(&args[0], wrap(tag), self)?))
            }
            _ => Ok(None),
        }
    }

    /// Whether a primop call is computed inline (it neither evaluates, transfers control,
    /// nor needs rewriting into a case).
    pub(super) fn is_inline(&self, op: PrimOp, args: &[Atom]) -> R<bool> {
        let inline = inline_op(op).is_some() || matches!(runtime_op(op), Some((_, Some(_))));
        Ok(inline && args.len() == op.arity() && self.rewrite_prim(op, args, None)?.is_none())
    }

    /// Compute an inline primop and push its result.
    pub(super) fn prim_inline(&mut self, op: PrimOp, args: &[Atom]) -> R<()> {
        if args.len() != op.arity() {
            return self.err(format!("{} applied to {} arguments", op.name(), args.len()));
        }
        if let Some((instr, reads)) = inline_op(op) {
            let srcs = args[..reads]
                .iter()
                .map(|a| self.src(a))
                .collect::<R<Vec<u32>>>()?;
            self.emit(instr, &srcs);
        } else if let Some((prim, Some(heap))) = runtime_op(op) {
            let n = prim.arity();
            if n > args.len() || (!reads_all_args(op, prim) && n + 1 != args.len()) {
                return self.err(format!("{} does not match its runtime operation", op.name()));
            }
            let mut operands = vec![prim as u32];
            for a in &args[..n] {
                operands.push(self.src(a)?);
            }
            let instr = [Op::Prim0, Op::Prim1, Op::Prim2, Op::Prim3];
            let Some(&instr) = instr.get(n) else {
                return self.err(format!("{} has too many operands", op.name()));
            };
            self.emit(instr, &operands);
            self.allocate(heap as usize);
        } else {
            return self.err(format!("{} cannot be computed inline", op.name()));
        }
        self.push_slot(is_ptr(op.result_rep()));
        Ok(())
    }

    /// An out-of-line primop in tail position: push its arguments (argument 0 on top)
    /// and hand them to the runtime in a PRIM frame over the sequel.
    fn prim_call(&mut self, op: PrimOp, prim: Prim, args: &[Atom], s: usize) -> R<()> {
        let n = prim.arity();
        if n > args.len() || (!reads_all_args(op, prim) && n + 1 != args.len()) {
            return self.err(format!("{} does not match its runtime operation", op.name()));
        }
        let base = self.depth();
        for a in args[..n].iter().rev() {
            self.push_atom(a)?;
        }
        self.reach(base + n + 2);
        self.emit(Op::PrimCall, &[prim as u32, (base - s) as u32]);
        Ok(())
    }

    pub(super) fn bind_let(&mut self, rec: bool, binds: &[(Var, Rhs)]) -> R<()> {
        if rec {
            return self.bind_letrec(binds);
        }
        for (v, rhs) in binds {
            let evaluated = match rhs {
                Rhs::Con { con, args } if args.is_empty() && con.arity() == 0 => {
                    let i = self.ptr_con(con);
                    self.emit(Op::PushG, &[i]);
                    self.push_slot(true);
                    true
                }
                Rhs::Con { con, args } => {
                    self.con_value(con, args)?;
                    true
                }
                Rhs::Closure {
                    free,
                    update,
                    params,
                    body,
                } => {
                    self.build_closure(v, free, *update, params, body)?;
                    false
                }
            };
            let pos = self.depth();
            self.bind(v, pos, evaluated);
        }
        Ok(())
    }

    /// Compile a closure's BCO: free variables, then parameters, are its arguments.
    pub(super) fn closure_bco(
        &mut self,
        label: &str,
        free: &[Var],
        params: &[Var],
        body: &Expr,
    ) -> R<UnlinkedBco> {
        self.child(label, false).function(free, params, body)
    }

    /// Compile this (fresh) context as the BCO of a closure.
    pub(super) fn function(mut self, free: &[Var], params: &[Var], body: &Expr) -> R<UnlinkedBco> {
        let args: Vec<&Var> = free.iter().chain(params).collect();
        for v in args.iter().rev() {
            self.push_slot(is_ptr(v.rep));
            let pos = self.depth();
            self.bind(v, pos, false);
        }
        self.tail(body, 0)?;
        self.finish_fun(args.iter().map(|v| is_ptr(v.rep)).collect())
    }

    fn closure_op(update: UpdateFlag, params: &[Var], alloc_only: bool) -> Op {
        match (params.is_empty(), update, alloc_only) {
            (false, _, false) => Op::MkPap,
            (false, _, true) => Op::AllocPap,
            (true, UpdateFlag::Updatable, false) => Op::MkAp,
            (true, UpdateFlag::Updatable, true) => Op::AllocAp,
            (true, UpdateFlag::Reentrant, false) => Op::MkApNoUpd,
            (true, UpdateFlag::Reentrant, true) => Op::AllocApNoUpd,
        }
    }

    fn push_locals(&mut self, vars: &[Var]) -> R<()> {
        for v in vars.iter().rev() {
            self.push_atom(&Atom::Occ(Occ::Local(v.clone())))?;
        }
        Ok(())
    }

    /// Push a new closure for a non-recursive `let`: the BCO itself for a function
    /// without free variables, else a PAP (function) or AP (thunk) of its BCO.
    fn build_closure(
        &mut self,
        v: &Var,
        free: &[Var],
        update: UpdateFlag,
        params: &[Var],
        body: &Expr,
    ) -> R<()> {
        let bco = self.closure_bco(&v.name, free, params, body)?;
        let bco = self.ptr_bco(bco);
        if !params.is_empty() && free.is_empty() {
            self.emit(Op::PushG, &[bco]);
            self.push_slot(true);
            return Ok(());
        }
        self.push_locals(free)?;
        self.emit(Op::PushG, &[bco]);
        self.push_slot(true);
        let k = free.len();
        self.emit(Ctx::closure_op(update, params, false), &[k as u32]);
        self.pop_slots(k + 1);
        self.push_slot(true);
        self.allocate(3 + k);
        Ok(())
    }

    /// `let rec`: allocate every closure first, then fill in their fields, so that they
    /// can refer to each other. No collection can happen in between (the heap check at
    /// the BCO's entry covers both).
    fn bind_letrec(&mut self, binds: &[(Var, Rhs)]) -> R<()> {
        enum Fill {
            Closure {
                pos: usize,
                bco: u32,
                free: Vec<Var>,
            },
            Con {
                pos: usize,
                con: DataCon,
                args: Vec<Atom>,
            },
        }
        let mut fills = Vec::new();
        for (v, rhs) in binds {
            let evaluated = matches!(rhs, Rhs::Con { .. });
            match rhs {
                Rhs::Con { con, args } if args.is_empty() && con.arity() == 0 => {
                    let i = self.ptr_con(con);
                    self.emit(Op::PushG, &[i]);
                    self.push_slot(true);
                }
                Rhs::Con { con, args } => {
                    if args.len() != con.arity() {
                        return self.err(format!(
                            "{} applied to {} arguments",
                            con.name,
                            args.len()
                        ));
                    }
                    let info = self.lit(Literal::ConInfo(con.clone()));
                    self.emit(Op::AllocCon, &[info, args.len() as u32]);
                    self.push_slot(true);
                    self.allocate(1 + args.len());
                    fills.push(Fill::Con {
                        pos: self.depth(),
                        con: con.clone(),
                        args: args.clone(),
                    });
                }
                Rhs::Closure {
                    free,
                    update,
                    params,
                    body,
                } => {
                    let bco = self.closure_bco(&v.name, free, params, body)?;
                    let bco = self.ptr_bco(bco);
                    if !params.is_empty() && free.is_empty() {
                        self.emit(Op::PushG, &[bco]);
                        self.push_slot(true);
                    } else {
                        self.emit(Ctx::closure_op(*update, params, true), &[free.len() as u32]);
                        self.push_slot(true);
                        self.allocate(3 + free.len());
                        fills.push(Fill::Closure {
                            pos: self.depth(),
                            bco,
                            free: free.clone(),
                        });
                    }
                }
            }
            let pos = self.depth();
            self.bind(v, pos, evaluated);
        }
        for fill in fills {
            match fill {
                Fill::Closure { pos, bco, free } => {
                    self.push_locals(&free)?;
                    self.emit(Op::PushG, &[bco]);
                    self.push_slot(true);
                    let off = self.off(pos)?;
                    self.emit(Op::FillClosure, &[off, free.len() as u32]);
                    self.pop_slots(free.len() + 1);
                }
                Fill::Con { pos, con, args } => {
                    self.push_payload(&con, &args)?;
                    let off = self.off(pos)?;
                    self.emit(Op::FillCon, &[off, args.len() as u32]);
                    self.pop_slots(args.len());
                }
            }
        }
        Ok(())
    }
}
