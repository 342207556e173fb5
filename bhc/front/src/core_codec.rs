//! A compact binary encoding of Core expressions, for caches that carry what the
//! simplifier knows about a compiled module (unfoldings, static constructors). Decoding
//! checks every tag, length and index against the input and never panics: a corrupt
//! cache is an error, never trusted.

use crate::core::{Alt, AltCon, Bind, Expr};
use bhc_stg::{DataCon, Global, Lit, Occ, PrimOp, Rep, Var};
use std::fmt;
use std::rc::Rc;

/// Deeper Core than this is refused when decoding (the encoder never produces it from
/// real programs' unfoldings, which are small).
const MAX_DEPTH: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt Core encoding: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

#[derive(Default)]
pub struct Encoder {
    pub bytes: Vec<u8>,
}

impl Encoder {
    pub fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    pub fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn rep(&mut self, r: Rep) {
        self.bytes.push(match r {
            Rep::Ptr => 0,
            Rep::Int => 1,
            Rep::Char => 2,
            Rep::Double => 3,
            Rep::Addr => 4,
        });
    }

    fn var(&mut self, v: &Var) {
        self.str(&v.name);
        self.uint(u64::from(v.unique));
        self.rep(v.rep);
    }

    fn vars(&mut self, vs: &[Var]) {
        self.uint(vs.len() as u64);
        for v in vs {
            self.var(v);
        }
    }

    pub fn data_con(&mut self, c: &DataCon) {
        self.str(&c.name.0);
        self.uint(u64::from(c.tag));
        self.uint(u64::from(c.family_size));
        self.uint(c.fields.len() as u64);
        for r in &c.fields {
            self.rep(*r);
        }
    }

    fn lit(&mut self, l: &Lit) {
        match l {
            Lit::Int(i) => {
                self.bytes.push(0);
                self.bytes.extend_from_slice(&i.to_le_bytes());
            }
            Lit::Char(c) => {
                self.bytes.push(1);
                self.uint(u64::from(*c as u32));
            }
            Lit::Double(d) => {
                self.bytes.push(2);
                self.bytes.extend_from_slice(&d.to_bits().to_le_bytes());
            }
            Lit::String(s) => {
                self.bytes.push(3);
                self.uint(s.len() as u64);
                self.bytes.extend_from_slice(s);
            }
        }
    }

    pub fn expr(&mut self, e: &Expr) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::Var(Occ::Local(v)) => {
                self.bytes.push(0);
                self.var(v);
            }
            Expr::Var(Occ::Global(g)) => {
                self.bytes.push(1);
                self.str(&g.0);
            }
            Expr::Lit(l) => {
                self.bytes.push(2);
                self.lit(l);
            }
            Expr::Con(c) => {
                self.bytes.push(3);
                self.data_con(c);
            }
            Expr::Prim(p) => {
                self.bytes.push(4);
                self.str(p.name());
            }
            Expr::App(f, args) => {
                self.bytes.push(5);
                self.expr(f);
                self.uint(args.len() as u64);
                for a in args {
                    self.expr(a);
                }
            }
            Expr::Lam(vs, body) => {
                self.bytes.push(6);
                self.vars(vs);
                self.expr(body);
            }
            Expr::Let(Bind::NonRec(v, rhs), body) => {
                self.bytes.push(7);
                self.var(v);
                self.expr(rhs);
                self.expr(body);
            }
            Expr::Let(Bind::Rec(bs), body) => {
                self.bytes.push(8);
                self.uint(bs.len() as u64);
                for (v, rhs) in bs {
                    self.var(v);
                    self.expr(rhs);
                }
                self.expr(body);
            }
            Expr::Case(scrut, b, alts) => {
                self.bytes.push(9);
                self.expr(scrut);
                self.var(b);
                self.uint(alts.len() as u64);
                for a in alts {
                    match &a.con {
                        AltCon::Data(c) => {
                            self.bytes.push(0);
                            self.data_con(c);
                        }
                        AltCon::Lit(l) => {
                            self.bytes.push(1);
                            self.lit(l);
                        }
                        AltCon::Default => self.bytes.push(2),
                    }
                    self.vars(&a.vars);
                    self.expr(&a.rhs);
                }
            }
        }
    }
}

pub struct Decoder<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes, pos: 0, depth: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn err<T>(&self, what: &str) -> Result<T, DecodeError> {
        Err(DecodeError(format!("{what} at byte {}", self.pos)))
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.bytes.get(self.pos).ok_or_else(|| DecodeError(format!("unexpected end at byte {}", self.pos)))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| DecodeError(format!("length {n} past the end at byte {}", self.pos)))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    pub fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        self.err("overlong integer")
    }

    /// A count of items that each take at least one byte: bounded by what is left.
    pub fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return self.err("count larger than the input");
        }
        Ok(n as usize)
    }

    pub fn str(&mut self) -> Result<Rc<str>, DecodeError> {
        let n = self.count()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map(Rc::from).or_else(|_| self.err("invalid UTF-8"))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        let n = self.uint()?;
        u32::try_from(n).or_else(|_| self.err("number out of range"))
    }

    fn rep(&mut self) -> Result<Rep, DecodeError> {
        Ok(match self.byte()? {
            0 => Rep::Ptr,
            1 => Rep::Int,
            2 => Rep::Char,
            3 => Rep::Double,
            4 => Rep::Addr,
            _ => return self.err("bad representation tag"),
        })
    }

    fn var(&mut self) -> Result<Var, DecodeError> {
        Ok(Var { name: self.str()?, unique: self.u32()?, rep: self.rep()? })
    }

    fn vars(&mut self) -> Result<Vec<Var>, DecodeError> {
        let n = self.count()?;
        (0..n).map(|_| self.var()).collect()
    }

    pub fn data_con(&mut self) -> Result<DataCon, DecodeError> {
        let name = Global(self.str()?);
        let tag = self.u32()?;
        let family_size = self.u32()?;
        let n = self.count()?;
        let fields = (0..n).map(|_| self.rep()).collect::<Result<_, _>>()?;
        if tag >= family_size {
            return self.err("constructor tag outside its family");
        }
        Ok(DataCon { name, tag, family_size, fields })
    }

    fn lit(&mut self) -> Result<Lit, DecodeError> {
        Ok(match self.byte()? {
            0 => {
                let b = self.take(8)?;
                Lit::Int(i64::from_le_bytes(b.try_into().or_else(|_| self.err("short integer"))?))
            }
            1 => {
                let c = self.u32()?;
                Lit::Char(char::from_u32(c).map_or_else(|| self.err("not a character"), Ok)?)
            }
            2 => {
                let b = self.take(8)?;
                Lit::Double(f64::from_bits(u64::from_le_bytes(b.try_into().or_else(|_| self.err("short double"))?)))
            }
            3 => {
                let n = self.count()?;
                Lit::String(Rc::from(self.take(n)?))
            }
            _ => return self.err("bad literal tag"),
        })
    }

    pub fn expr(&mut self) -> Result<Expr, DecodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("expression nested too deeply");
        }
        let e = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner());
        self.depth -= 1;
        e
    }

    fn expr_inner(&mut self) -> Result<Expr, DecodeError> {
        Ok(match self.byte()? {
            0 => Expr::Var(Occ::Local(self.var()?)),
            1 => Expr::Var(Occ::Global(Global(self.str()?))),
            2 => Expr::Lit(self.lit()?),
            3 => Expr::Con(self.data_con()?),
            4 => {
                let name = self.str()?;
                Expr::Prim(PrimOp::from_name(&name).map_or_else(|| self.err("unknown primop"), Ok)?)
            }
            5 => {
                let f = self.expr()?;
                let n = self.count()?;
                let args = (0..n).map(|_| self.expr()).collect::<Result<_, _>>()?;
                Expr::App(Box::new(f), args)
            }
            6 => {
                let vs = self.vars()?;
                Expr::Lam(vs, Box::new(self.expr()?))
            }
            7 => {
                let v = self.var()?;
                let rhs = self.expr()?;
                Expr::Let(Bind::NonRec(v, Box::new(rhs)), Box::new(self.expr()?))
            }
            8 => {
                let n = self.count()?;
                let bs = (0..n).map(|_| Ok((self.var()?, self.expr()?))).collect::<Result<_, DecodeError>>()?;
                Expr::Let(Bind::Rec(bs), Box::new(self.expr()?))
            }
            9 => {
                let scrut = self.expr()?;
                let b = self.var()?;
                let n = self.count()?;
                let mut alts = Vec::with_capacity(n);
                for _ in 0..n {
                    let con = match self.byte()? {
                        0 => AltCon::Data(self.data_con()?),
                        1 => AltCon::Lit(self.lit()?),
                        2 => AltCon::Default,
                        _ => return self.err("bad alternative tag"),
                    };
                    let vars = self.vars()?;
                    alts.push(Alt { con, vars, rhs: self.expr()? });
                }
                Expr::Case(Box::new(scrut), b, alts)
            }
            _ => return self.err("bad expression tag"),
        })
    }
}
