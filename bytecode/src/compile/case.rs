//! Compiling `case`: scrutinees that need no evaluation (literals, primops,
//! constructors, unboxed or already-evaluated variables) are computed inline; any other
//! scrutinee gets a RET_BCO continuation, a separate BCO holding the alternatives, whose
//! bitmap describes the stack words between its frame and the sequel. Alternatives are
//! a jump table on the constructor tag, or a chain of literal tests. Stack words the
//! alternatives never read are left out of the continuation's bitmap, so that the GC
//! does not keep them alive.

use super::ctx::{is_ptr, Ctx, R};
use super::expr::payload_order;
use super::free::{alts_mention, mentions, mentions_after_return};
use bhc_rts::instr::{Op, Src};
use bhc_stg::{Alts, Atom, DataCon, Expr, Lit, Occ, PrimOp, Rep, Var};
use std::collections::HashSet;

/// The most constructors a type may have (the size of a `SWITCH` jump table).
const MAX_FAMILY: usize = 1 << 16;

impl Ctx {
    pub(super) fn case(&mut self, mut scrut: &Expr, binder: &Var, alts: &Alts, s: usize) -> R<()> {
        loop {
            match scrut {
                // `case (let bs in e) of alts` is `let bs in case e of alts` (uniques are
                // unique).
                Expr::Let { rec, binds, body } => {
                    self.bind_let(*rec, binds)?;
                    scrut = body;
                }
                // `case (case e1 of b1 -> e2) of alts` is `case e1 of b1 -> case e2 of alts`;
                // done here when e1 needs no evaluation (an inlined `+` on Int).
                Expr::Case {
                    scrut: inner,
                    binder: b1,
                    alts: Alts::Default(e2),
                } if self.inline_value(inner, b1)? => scrut = e2,
                Expr::Con { con, args } => return self.known_con(con, args, binder, alts, s),
                _ => break,
            }
        }
        if self.inline_value(scrut, binder)? {
            let pos = self.lookup(binder)?.pos;
            return self.alts(pos, binder.rep, alts, s);
        }
        match scrut {
            Expr::Prim {
                op: PrimOp::Raise | PrimOp::Exit,
                ..
            } => self.tail(scrut, s),
            Expr::Prim { op, args } => match self.rewrite_prim(*op, args, Some((binder, alts)))? {
                Some(e) => self.tail(&e, s),
                None => self.case_eval(scrut, binder, alts, s),
            },
            _ => self.case_eval(scrut, binder, alts, s),
        }
    }

    /// If `e`'s value is at hand without evaluation (a literal, an inline primop, an
    /// unboxed or evaluated variable), make it available as `binder` and say so;
    /// otherwise emit nothing.
    fn inline_value(&mut self, e: &Expr, binder: &Var) -> R<bool> {
        match e {
            Expr::Lit(l) => {
                let i = self.stg_lit(l);
                self.emit(Op::PushLit, &[i]);
                self.push_slot(false);
            }
            Expr::App {
                fun: Occ::Local(v),
                args,
            } if args.is_empty() => {
                let slot = self.lookup(v)?;
                if is_ptr(slot.rep) && !slot.evaluated {
                    return Ok(false);
                }
                self.bind(binder, slot.pos, slot.evaluated);
                return Ok(true);
            }
            Expr::Prim { op, args } if self.is_inline(*op, args)? => self.prim_inline(*op, args)?,
            _ => return Ok(false),
        }
        let pos = self.depth();
        self.bind(binder, pos, false);
        Ok(true)
    }

    /// `case C args of alts`: choose the alternative now; the constructor is only built
    /// if the alternative mentions the case binder.
    fn known_con(
        &mut self,
        con: &DataCon,
        args: &[Atom],
        binder: &Var,
        alts: &Alts,
        s: usize,
    ) -> R<()> {
        let (fields, body) = match alts {
            Alts::Algebraic { alts, default } => {
                match alts.iter().find(|(c, _, _)| c.tag == con.tag) {
                    Some((_, vars, body)) => (Some(vars), Some(body)),
                    None => (None, default.as_deref()),
                }
            }
            Alts::Default(e) => (None, Some(&**e)),
            Alts::Prim { .. } => return self.err(format!("literal alternatives on {}", con.name)),
        };
        let Some(body) = body else {
            return self.default_or_fail(None, s);
        };
        let mut used = HashSet::new();
        mentions(body, &mut used);
        if used.contains(&binder.unique) {
            if args.is_empty() && con.arity() == 0 {
                let i = self.ptr_con(con);
                self.emit(Op::PushG, &[i]);
                self.push_slot(true);
            } else {
                self.con_value(con, args)?;
            }
            let pos = self.depth();
            self.bind(binder, pos, true);
        }
        if let Some(vars) = fields {
            if vars.len() != args.len() {
                return self.err(format!(
                    "{} matched with {} variables",
                    con.name,
                    vars.len()
                ));
            }
            for (v, a) in vars.iter().zip(args) {
                match a {
                    Atom::Occ(Occ::Local(x)) => {
                        let slot = self.lookup(x)?;
                        self.bind(v, slot.pos, slot.evaluated);
                    }
                    _ => {
                        self.push_atom(a)?;
                        let pos = self.depth();
                        self.bind(v, pos, false);
                    }
                }
            }
        }
        self.tail(body, s)
    }

    /// Push a continuation for the alternatives, then evaluate the scrutinee with that
    /// frame as its sequel.
    fn case_eval(&mut self, scrut: &Expr, binder: &Var, alts: &Alts, s: usize) -> R<()> {
        let d = self.depth();
        let mut k = self.child("alt", true);
        k.push_slot(is_ptr(binder.rep));
        k.bind(binder, d + 1, is_ptr(binder.rep));
        k.alts(d + 1, binder.rep, alts, s)?;
        // The alternatives read the environment, and so may a scrutinee compiled in
        // place on top of the frame once its own continuations run (they reach across
        // this frame), so both keep their pointers alive.
        let mut used = HashSet::new();
        alts_mention(alts, &mut used);
        mentions_after_return(scrut, &mut used);
        let live = self.positions_of(&used);
        let env: Vec<bool> = (s + 1..=d)
            .rev()
            .map(|pos| self.slot_is_ptr(pos) && live.contains(&pos))
            .collect();
        let k = k.finish_continuation(d + 1, is_ptr(binder.rep), env)?;
        let i = self.ptr_bco(k);
        // The RET_BCO frame's two words.
        self.push_slot(false);
        self.push_slot(false);
        match scrut {
            Expr::App { fun, args } if args.is_empty() => {
                self.pop_slots(2);
                let src = self.src(&Atom::Occ(fun.clone()))?;
                self.emit(Op::Eval, &[src, i]);
                Ok(())
            }
            _ => {
                self.code.push(Op::PushAlts as u32);
                self.code.push(i);
                self.tail(scrut, d + 2)
            }
        }
    }

    fn alts(&mut self, pos: usize, rep: Rep, alts: &Alts, s: usize) -> R<()> {
        match alts {
            Alts::Default(e) => self.tail(e, s),
            Alts::Algebraic { alts, default } => {
                if rep != Rep::Ptr {
                    return self.err("algebraic alternatives on an unboxed value");
                }
                self.algebraic(pos, alts, default.as_deref(), s)
            }
            Alts::Prim { alts, default } => {
                self.literal_alts(pos, rep, alts, default.as_deref(), s)
            }
        }
    }

    fn default_or_fail(&mut self, default: Option<&Expr>, s: usize) -> R<()> {
        match default {
            Some(e) => self.tail(e, s),
            None => {
                let drop = (self.depth() - s) as u32;
                self.emit(Op::CaseFail, &[drop]);
                Ok(())
            }
        }
    }

    fn algebraic(
        &mut self,
        pos: usize,
        alts: &[(DataCon, Vec<Var>, Expr)],
        default: Option<&Expr>,
        s: usize,
    ) -> R<()> {
        let Some(first) = alts.first() else {
            return self.default_or_fail(default, s);
        };
        let family = first.0.family_size as usize;
        if family > MAX_FAMILY {
            return self.err(format!("{} has too many constructors", first.0.name));
        }
        if family == 1 && alts.len() == 1 {
            return self.con_alt(pos, &alts[0], s);
        }
        let off = self.off(pos)?;
        let switch = self.code.len();
        self.emit(Op::Switch, &[off, family as u32]);
        self.code.extend(std::iter::repeat_n(0, family + 1));
        let table = switch + 3;
        let mut seen = vec![false; family];
        for alt in alts {
            let tag = alt.0.tag as usize;
            if tag >= family || alt.0.family_size as usize != family || seen[tag] {
                return self.err(format!("bad alternative for {}", alt.0.name));
            }
            seen[tag] = true;
            self.code[table + tag] = self.code.len() as u32;
            let snap = self.snapshot();
            self.con_alt(pos, alt, s)?;
            self.restore(snap);
        }
        let fallback = self.code.len() as u32;
        for (tag, covered) in seen.iter().enumerate() {
            if !covered {
                self.code[table + tag] = fallback;
            }
        }
        self.code[table + family] = fallback;
        self.default_or_fail(default, s)
    }

    /// Bind the constructor's fields (unpacked onto the stack) and compile the body.
    fn con_alt(
        &mut self,
        pos: usize,
        (con, vars, body): &(DataCon, Vec<Var>, Expr),
        s: usize,
    ) -> R<()> {
        if vars.len() != con.arity() {
            return self.err(format!(
                "{} matched with {} variables",
                con.name,
                vars.len()
            ));
        }
        let n = vars.len();
        if n > 0 {
            let off = self.off(pos)?;
            self.emit(Op::Unpack, &[off, n as u32]);
            let order = payload_order(con);
            let base = self.depth();
            for &field in order.iter().rev() {
                self.push_slot(is_ptr(con.fields[field]));
            }
            for (word, &field) in order.iter().enumerate() {
                self.bind(&vars[field], base + n - word, false);
            }
        }
        self.tail(body, s)
    }

    fn literal_alts(
        &mut self,
        pos: usize,
        rep: Rep,
        alts: &[(Lit, Expr)],
        default: Option<&Expr>,
        s: usize,
    ) -> R<()> {
        for (lit, body) in alts {
            let op = match (lit, rep) {
                (Lit::Double(_), Rep::Double) => Op::TestEqD,
                (Lit::Int(_), Rep::Int) | (Lit::Char(_), Rep::Char) => Op::TestEqW,
                _ => return self.err(format!("literal alternative {lit} on a {rep:?} value")),
            };
            let value = Src::Stack(self.off(pos)?).encode();
            let l = Src::Lit(self.stg_lit(lit)).encode();
            self.emit(op, &[value, l, 0]);
            let patch = self.code.len() - 1;
            let snap = self.snapshot();
            self.tail(body, s)?;
            self.restore(snap);
            self.code[patch] = self.code.len() as u32;
        }
        self.default_or_fail(default, s)
    }
}
