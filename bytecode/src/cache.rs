//! The byte-code cache format: a [`CompiledModule`] as bytes, so that the driver can
//! compile base once and link it at start-up from disk.
//!
//! Layout: magic `BHCB`, format version (u32), instruction-set fingerprint (u64: a
//! hash of every opcode and runtime-operation name in order, so that any change to the
//! instruction set invalidates old caches), payload length (u64), FNV-1a checksum of
//! the payload (u64), payload. Numbers are little-endian. Decoding trusts nothing: every
//! read is bounds-checked, counts are checked against the bytes left before anything is
//! allocated, nesting is limited, and it never panics. The code itself is validated when
//! it is linked, like any other.

use crate::unlinked::{CompiledBinding, CompiledModule, Literal, PtrRef, TopValue, UnlinkedBco};
use bhc_rts::instr::Op;
use bhc_rts::primops::Prim;
use bhc_stg::{Atom, DataCon, Global, Lit, Occ, Rep, Var};
use std::fmt;
use std::rc::Rc;

const MAGIC: &[u8; 4] = b"BHCB";
const VERSION: u32 = 1;
const HEADER: usize = 4 + 4 + 8 + 8 + 8;
/// Deepest nesting of BCOs accepted (closures within closures). Legal programs nest
/// them about as deep as the front end allows code to nest (E0006: some 5,000 levels of
/// statements and operators, found by tests/fuzz.rs), so the bound is well beyond that;
/// it only guards the reader against a corrupt file.
const MAX_DEPTH: usize = 50_000;

/// Why bytes are not a usable cached module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheError {
    NotACache,
    /// Written by another version of the format or of the instruction set.
    Stale,
    Corrupt(String),
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheError::NotACache => f.write_str("not a byte-code cache file"),
            CacheError::Stale => f.write_str("byte-code cache from another version"),
            CacheError::Corrupt(why) => write!(f, "corrupt byte-code cache: {why}"),
        }
    }
}

impl std::error::Error for CacheError {}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A fingerprint of the instruction set the code was compiled for.
fn isa_fingerprint() -> u64 {
    let mut names = Vec::new();
    for op in Op::ALL {
        names.extend_from_slice(op.name().as_bytes());
        names.push(0);
    }
    for p in Prim::ALL {
        names.extend_from_slice(p.name().as_bytes());
        names.push(0);
    }
    fnv1a(&names)
}

impl CompiledModule {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.str(&self.name);
        w.len(self.data_cons.len());
        for con in &self.data_cons {
            w.con(con);
        }
        w.len(self.bindings.len());
        for b in &self.bindings {
            w.str(&b.name.0);
            match &b.value {
                TopValue::Fun(bco) => {
                    w.u8(0);
                    w.bco(bco);
                }
                TopValue::Thunk { bco, updatable } => {
                    w.u8(1);
                    w.u8(*updatable as u8);
                    w.bco(bco);
                }
                TopValue::Con { con, args } => {
                    w.u8(2);
                    w.con(con);
                    w.len(args.len());
                    for a in args {
                        w.atom(a);
                    }
                }
            }
        }
        let payload = w.0;
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&isa_fingerprint().to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<CompiledModule, CacheError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(CacheError::NotACache);
        }
        let mut header = Reader {
            bytes: &bytes[4..HEADER],
        };
        if header.u32()? != VERSION || header.u64()? != isa_fingerprint() {
            return Err(CacheError::Stale);
        }
        let len = header.u64()?;
        let sum = header.u64()?;
        let payload = &bytes[HEADER..];
        if payload.len() as u64 != len {
            return Err(corrupt("wrong length"));
        }
        if fnv1a(payload) != sum {
            return Err(corrupt("checksum mismatch"));
        }
        let mut r = Reader { bytes: payload };
        let name = r.string()?;
        let n = r.count(1)?;
        let data_cons = (0..n).map(|_| r.con()).collect::<Result<_, _>>()?;
        let n = r.count(2)?;
        let mut bindings = Vec::with_capacity(n);
        for _ in 0..n {
            let name = Global(r.rc_str()?);
            let value = match r.u8()? {
                0 => TopValue::Fun(r.bco(0)?),
                1 => {
                    let updatable = r.bool()?;
                    TopValue::Thunk {
                        bco: r.bco(0)?,
                        updatable,
                    }
                }
                2 => {
                    let con = r.con()?;
                    let n = r.count(1)?;
                    let args = (0..n).map(|_| r.atom()).collect::<Result<_, _>>()?;
                    TopValue::Con { con, args }
                }
                t => return Err(corrupt(&format!("binding kind {t}"))),
            };
            bindings.push(CompiledBinding { name, value });
        }
        if !r.bytes.is_empty() {
            return Err(corrupt("trailing bytes"));
        }
        Ok(CompiledModule {
            name,
            data_cons,
            bindings,
        })
    }
}

fn corrupt(why: &str) -> CacheError {
    CacheError::Corrupt(why.to_string())
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, b: u8) {
        self.0.push(b);
    }
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn rep(&mut self, r: Rep) {
        self.u8(match r {
            Rep::Ptr => 0,
            Rep::Int => 1,
            Rep::Char => 2,
            Rep::Double => 3,
            Rep::Addr => 4,
        });
    }
    fn con(&mut self, c: &DataCon) {
        self.str(&c.name.0);
        self.u32(c.tag);
        self.u32(c.family_size);
        self.len(c.fields.len());
        for &f in &c.fields {
            self.rep(f);
        }
    }
    fn lit(&mut self, l: &Lit) {
        match l {
            Lit::Int(i) => {
                self.u8(0);
                self.u64(*i as u64);
            }
            Lit::Char(c) => {
                self.u8(1);
                self.u32(*c as u32);
            }
            Lit::Double(d) => {
                self.u8(2);
                self.u64(d.to_bits());
            }
            Lit::String(s) => {
                self.u8(3);
                self.bytes(s);
            }
        }
    }
    fn atom(&mut self, a: &Atom) {
        match a {
            Atom::Occ(Occ::Global(g)) => {
                self.u8(0);
                self.str(&g.0);
            }
            Atom::Occ(Occ::Local(v)) => {
                self.u8(1);
                self.str(&v.name);
                self.u32(v.unique);
                self.rep(v.rep);
            }
            Atom::Lit(l) => {
                self.u8(2);
                self.lit(l);
            }
        }
    }
    fn bco(&mut self, b: &UnlinkedBco) {
        self.str(&b.name);
        self.u32(b.arity);
        self.u8(match b.continuation {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        self.len(b.bitmap.len());
        for &bit in &b.bitmap {
            self.u8(bit as u8);
        }
        self.u32(b.max_stack);
        self.u32(b.max_heap);
        self.len(b.code.len());
        for &w in &b.code {
            self.u32(w);
        }
        self.len(b.literals.len());
        for l in &b.literals {
            match l {
                Literal::Int(i) => self.lit(&Lit::Int(*i)),
                Literal::Char(c) => self.lit(&Lit::Char(*c)),
                Literal::Double(d) => self.lit(&Lit::Double(*d)),
                Literal::String(s) => self.lit(&Lit::String(s.clone())),
                Literal::ConInfo(con) => {
                    self.u8(4);
                    self.con(con);
                }
                Literal::Bitmap(w) => {
                    self.u8(5);
                    self.u64(*w);
                }
            }
        }
        self.len(b.ptrs.len());
        for p in &b.ptrs {
            match p {
                PtrRef::Global(g) => {
                    self.u8(0);
                    self.str(&g.0);
                }
                PtrRef::Bco(inner) => {
                    self.u8(1);
                    self.bco(inner);
                }
                PtrRef::Con(con) => {
                    self.u8(2);
                    self.con(con);
                }
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CacheError> {
        if n > self.bytes.len() {
            return Err(corrupt("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, CacheError> {
        Ok(self.take(1)?[0])
    }
    fn bool(&mut self) -> Result<bool, CacheError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(corrupt(&format!("boolean {b}"))),
        }
    }
    fn u32(&mut self) -> Result<u32, CacheError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, CacheError> {
        let b = self.take(8)?;
        let mut a = [0; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// A count of items each at least `min_size` bytes long: never more than could fit
    /// in what is left, so that a corrupt count cannot make us allocate.
    fn count(&mut self, min_size: usize) -> Result<usize, CacheError> {
        let n = self.u64()?;
        if n > (self.bytes.len() / min_size.max(1)) as u64 {
            return Err(corrupt("count larger than the data"));
        }
        Ok(n as usize)
    }
    fn bytes(&mut self) -> Result<&'a [u8], CacheError> {
        let n = self.count(1)?;
        self.take(n)
    }
    fn string(&mut self) -> Result<String, CacheError> {
        std::str::from_utf8(self.bytes()?)
            .map(str::to_string)
            .map_err(|_| corrupt("invalid UTF-8"))
    }
    fn rc_str(&mut self) -> Result<Rc<str>, CacheError> {
        Ok(Rc::from(self.string()?))
    }
    fn rep(&mut self) -> Result<Rep, CacheError> {
        Ok(match self.u8()? {
            0 => Rep::Ptr,
            1 => Rep::Int,
            2 => Rep::Char,
            3 => Rep::Double,
            4 => Rep::Addr,
            t => return Err(corrupt(&format!("representation {t}"))),
        })
    }
    fn con(&mut self) -> Result<DataCon, CacheError> {
        let name = Global(self.rc_str()?);
        let tag = self.u32()?;
        let family_size = self.u32()?;
        let n = self.count(1)?;
        let fields = (0..n).map(|_| self.rep()).collect::<Result<_, _>>()?;
        if tag >= family_size {
            return Err(corrupt("constructor tag out of range"));
        }
        Ok(DataCon {
            name,
            tag,
            family_size,
            fields,
        })
    }
    /// A literal of tag `t` (already read) that is an STG literal.
    fn lit_body(&mut self, t: u8) -> Result<Lit, CacheError> {
        Ok(match t {
            0 => Lit::Int(self.u64()? as i64),
            1 => Lit::Char(char::from_u32(self.u32()?).ok_or_else(|| corrupt("bad character"))?),
            2 => Lit::Double(f64::from_bits(self.u64()?)),
            3 => Lit::String(Rc::from(self.bytes()?)),
            t => return Err(corrupt(&format!("literal kind {t}"))),
        })
    }
    fn atom(&mut self) -> Result<Atom, CacheError> {
        Ok(match self.u8()? {
            0 => Atom::Occ(Occ::Global(Global(self.rc_str()?))),
            1 => Atom::Occ(Occ::Local(Var {
                name: self.rc_str()?,
                unique: self.u32()?,
                rep: self.rep()?,
            })),
            2 => {
                let t = self.u8()?;
                Atom::Lit(self.lit_body(t)?)
            }
            t => return Err(corrupt(&format!("atom kind {t}"))),
        })
    }
    fn bco(&mut self, depth: usize) -> Result<UnlinkedBco, CacheError> {
        if depth > MAX_DEPTH {
            return Err(corrupt("closures nested too deeply"));
        }
        let name = self.string()?;
        let arity = self.u32()?;
        let continuation = match self.u8()? {
            0 => None,
            1 => Some(false),
            2 => Some(true),
            t => return Err(corrupt(&format!("continuation kind {t}"))),
        };
        let n = self.count(1)?;
        let bitmap = (0..n).map(|_| self.bool()).collect::<Result<_, _>>()?;
        let max_stack = self.u32()?;
        let max_heap = self.u32()?;
        let n = self.count(4)?;
        let code = (0..n).map(|_| self.u32()).collect::<Result<_, _>>()?;
        let n = self.count(2)?;
        let mut literals = Vec::with_capacity(n);
        for _ in 0..n {
            let l = match self.u8()? {
                4 => Literal::ConInfo(self.con()?),
                5 => Literal::Bitmap(self.u64()?),
                t => match self.lit_body(t)? {
                    Lit::Int(i) => Literal::Int(i),
                    Lit::Char(c) => Literal::Char(c),
                    Lit::Double(d) => Literal::Double(d),
                    Lit::String(s) => Literal::String(s),
                },
            };
            literals.push(l);
        }
        let n = self.count(2)?;
        let mut ptrs = Vec::with_capacity(n);
        for _ in 0..n {
            ptrs.push(match self.u8()? {
                0 => PtrRef::Global(Global(self.rc_str()?)),
                1 => PtrRef::Bco(Box::new(self.bco(depth + 1)?)),
                2 => PtrRef::Con(self.con()?),
                t => return Err(corrupt(&format!("pointer kind {t}"))),
            });
        }
        Ok(UnlinkedBco {
            name,
            arity,
            continuation,
            bitmap,
            max_stack,
            max_heap,
            code,
            literals,
            ptrs,
        })
    }
}
