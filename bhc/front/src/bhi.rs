//! The `.bhi` file format: an `Interface` as bytes and back, and its fingerprint.
//!
//! A small explicit format rather than a serialisation crate: the interface types hold
//! `Rc<str>` names shared many times over, which a string table stores once (and decoding
//! shares again), and every byte of the layout is ours to version. Layout:
//!
//! ```text
//! "BHI\x1a"  format version (u32 LE)  payload length (u64 LE)  checksum (u64 LE)  payload
//! payload = string table (count, then length-prefixed UTF-8), then the interface, with
//!           integers as LEB128 and every name as an index into the table
//! ```
//!
//! Decoding validates everything (magic, version, length, checksum, every index, tag and
//! nesting depth) and never panics: a bad file is an `InterfaceError`, never trusted.
//! This module must not decide what goes into an interface (see `export`).

use crate::interface::{
    ClassInfo, ConInfo, Fixity, InstanceInfo, Interface, NameTable, TyConInfo, ValueInfo, ValueKind,
};
use crate::types::{module_of, Kind, Name, Pred, Scheme, Type};
use bhc_stg::{DataCon, Global, PrimOp, Rep};
use bhc_syntax::ast::Assoc;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::rc::Rc;

const MAGIC: &[u8; 4] = b"BHI\x1a";
/// Bump whenever the layout or the meaning of a field changes.
pub const FORMAT_VERSION: u32 = 2;
const HEADER_LEN: usize = 4 + 4 + 8 + 8;
/// Types nest this deep at most in a file we accept. Real ones nest a few levels, but a
/// legal program may have types as deep as the front end lets code nest (a constructor
/// with 990 fields; E0006), so the bound is well beyond that.
const MAX_TYPE_DEPTH: u32 = 50_000;

/// Why bytes are not a usable interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InterfaceError {
    NotAnInterface,
    /// Written by another version of bhc: recompile the module.
    Version { found: u32, expected: u32 },
    Truncated,
    /// The checksum does not match: the file was changed or damaged.
    Checksum,
    /// The payload is well-formed bytes but not a well-formed interface.
    Malformed(&'static str),
}

impl fmt::Display for InterfaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InterfaceError::NotAnInterface => write!(f, "not a bhc interface file"),
            InterfaceError::Version { found, expected } => {
                write!(f, "interface file format version {found}, but this bhc reads version {expected}")
            }
            InterfaceError::Truncated => write!(f, "interface file is truncated"),
            InterfaceError::Checksum => write!(f, "interface file is corrupt (checksum mismatch)"),
            InterfaceError::Malformed(what) => write!(f, "interface file is corrupt ({what})"),
        }
    }
}

impl std::error::Error for InterfaceError {}

/// FNV-1a, 64 bits: stable across platforms and compiler versions (unlike `std`'s
/// hashers), which checksums and fingerprints stored on disk need.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Interface {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.interface(self);
        frame(&w.finish())
    }

    pub fn decode(bytes: &[u8]) -> Result<Interface, InterfaceError> {
        let payload = unframe(bytes)?;
        let mut r = Reader::new(payload)?;
        let iface = r.interface()?;
        if r.pos != r.bytes.len() {
            return Err(InterfaceError::Malformed("trailing bytes"));
        }
        Ok(iface)
    }

    /// A hash of what importers depend on: the export table, the entities it names, the
    /// types, classes and instances visible through the interface, and the exported
    /// fixities. The module's unexported top-level names and its own unexported types and
    /// classes do not count, so changing only those keeps importers up to date.
    pub fn fingerprint(&self) -> u64 {
        let public = self.public_part();
        let mut w = Writer::default();
        w.interface(&public);
        fnv1a(&w.finish())
    }

    fn public_part(&self) -> Interface {
        let exported: std::collections::BTreeSet<&Name> =
            self.exports.values.values().chain(self.exports.types.values()).collect();
        let own = |n: &Name| module_of(n) == self.module;
        let visible = |n: &Name| !own(n) || exported.contains(n);
        Interface {
            module: self.module.clone(),
            exports: self.exports.clone(),
            top_level: NameTable::default(),
            values: self.values.iter().filter(|(k, _)| exported.contains(k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
            tycons: self.tycons.iter().filter(|(k, _)| visible(k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
            classes: self.classes.iter().filter(|(k, _)| visible(k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
            fixities: self.fixities.iter().filter(|(k, _)| exported.contains(k)).map(|(k, v)| (k.clone(), *v)).collect(),
            instances: self.instances.clone(),
        }
    }
}

fn frame(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn unframe(bytes: &[u8]) -> Result<&[u8], InterfaceError> {
    if bytes.len() < MAGIC.len() || &bytes[..4] != MAGIC {
        return Err(if MAGIC.starts_with(bytes) { InterfaceError::Truncated } else { InterfaceError::NotAnInterface });
    }
    let field = |at: usize, len: usize| bytes.get(at..at + len).ok_or(InterfaceError::Truncated);
    let version = u32::from_le_bytes(field(4, 4)?.try_into().map_err(|_| InterfaceError::Truncated)?);
    if version != FORMAT_VERSION {
        return Err(InterfaceError::Version { found: version, expected: FORMAT_VERSION });
    }
    let len = u64::from_le_bytes(field(8, 8)?.try_into().map_err(|_| InterfaceError::Truncated)?);
    let sum = u64::from_le_bytes(field(16, 8)?.try_into().map_err(|_| InterfaceError::Truncated)?);
    let payload = &bytes[HEADER_LEN.min(bytes.len())..];
    match usize::try_from(len) {
        Ok(n) if n == payload.len() => {}
        Ok(n) if n > payload.len() => return Err(InterfaceError::Truncated),
        _ => return Err(InterfaceError::Malformed("length does not match the file")),
    }
    if fnv1a(payload) != sum {
        return Err(InterfaceError::Checksum);
    }
    Ok(payload)
}

#[derive(Default)]
struct Writer {
    strings: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
    body: Vec<u8>,
}

impl Writer {
    fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        leb(&mut out, self.strings.len() as u64);
        for s in &self.strings {
            leb(&mut out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        }
        out.extend_from_slice(&self.body);
        out
    }

    fn num(&mut self, n: u64) {
        leb(&mut self.body, n);
    }

    fn flag(&mut self, b: bool) {
        self.body.push(u8::from(b));
    }

    fn str(&mut self, s: &str) {
        let i = match self.index.get(s) {
            Some(&i) => i,
            None => {
                let rc: Rc<str> = Rc::from(s);
                let i = self.strings.len() as u32;
                self.strings.push(rc.clone());
                self.index.insert(rc, i);
                i
            }
        };
        self.num(u64::from(i));
    }

    fn seq<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.num(items.len() as u64);
        for x in items {
            each(self, x);
        }
    }

    fn names(&mut self, ns: &[Name]) {
        self.seq(ns, |w, n| w.str(n));
    }

    fn interface(&mut self, i: &Interface) {
        self.str(&i.module);
        self.name_table(&i.exports);
        self.name_table(&i.top_level);
        self.num(i.values.len() as u64);
        for (k, v) in &i.values {
            self.str(k);
            self.value(v);
        }
        self.num(i.tycons.len() as u64);
        for (k, t) in &i.tycons {
            self.str(k);
            self.tycon(t);
        }
        self.num(i.classes.len() as u64);
        for (k, c) in &i.classes {
            self.str(k);
            self.class(c);
        }
        self.num(i.fixities.len() as u64);
        for (n, f) in &i.fixities {
            self.str(n);
            self.body.push(match f.assoc {
                Assoc::Left => 0,
                Assoc::Right => 1,
                Assoc::None => 2,
            });
            self.body.push(f.prec);
        }
        self.seq(&i.instances, Self::instance);
    }

    fn name_table(&mut self, t: &NameTable) {
        for map in [&t.values, &t.types] {
            self.num(map.len() as u64);
            for (k, v) in map {
                self.str(k);
                self.str(v);
            }
        }
    }

    fn ty(&mut self, t: &Type) {
        stacker::maybe_grow(32 * 1024, 1024 * 1024, || match t {
            Type::Con(n) => {
                self.body.push(0);
                self.str(n);
            }
            Type::App(f, a) => {
                self.body.push(1);
                self.ty(f);
                self.ty(a);
            }
            Type::Gen(i) => {
                self.body.push(2);
                self.num(u64::from(*i));
            }
            Type::Forall(names, ctx, body) => {
                // Tag 4 is a `forall` without a context, 6 one with a context.
                self.body.push(if ctx.is_empty() { 4 } else { 6 });
                self.names(names);
                if !ctx.is_empty() {
                    self.num(ctx.len() as u64);
                    for p in ctx.iter() {
                        self.pred(p);
                    }
                }
                self.ty(body);
            }
            Type::Bound(d, i) => {
                self.body.push(5);
                self.num(u64::from(*d));
                self.num(u64::from(*i));
            }
            // Interfaces never hold these (see `interface`); written so that a checker
            // bug shows up as a rejected file rather than a wrong type.
            Type::Meta(i) | Type::Rigid(i) => {
                self.body.push(3);
                self.num(u64::from(*i));
            }
        })
    }

    fn kind(&mut self, k: &Kind) {
        stacker::maybe_grow(32 * 1024, 1024 * 1024, || match k {
            Kind::Star => self.body.push(0),
            Kind::Fun(a, r) => {
                self.body.push(1);
                self.kind(a);
                self.kind(r);
            }
            // Interfaces hold defaulted kinds only; see `ty` for why this is written.
            Kind::Var(v) => {
                self.body.push(2);
                self.num(u64::from(*v));
            }
        })
    }

    fn pred(&mut self, p: &Pred) {
        self.str(&p.class);
        self.ty(&p.ty);
    }

    fn scheme(&mut self, s: &Scheme) {
        self.num(u64::from(s.vars));
        self.names(&s.names);
        self.seq(&s.context, Self::pred);
        self.ty(&s.ty);
    }

    fn data_con(&mut self, d: &DataCon) {
        self.str(&d.name.0);
        self.num(u64::from(d.tag));
        self.num(u64::from(d.family_size));
        self.seq(&d.fields, |w, r| {
            w.body.push(match r {
                Rep::Ptr => 0,
                Rep::Int => 1,
                Rep::Char => 2,
                Rep::Double => 3,
                Rep::Addr => 4,
            })
        });
    }

    fn value(&mut self, v: &ValueInfo) {
        self.str(&v.name);
        self.scheme(&v.scheme);
        match &v.kind {
            ValueKind::Var => self.body.push(0),
            ValueKind::Con(c) => {
                self.body.push(1);
                self.data_con(&c.data_con);
                self.str(&c.tycon);
                self.flag(c.newtype);
                self.seq(&c.labels, |w, l| match l {
                    Some(n) => {
                        w.flag(true);
                        w.str(n);
                    }
                    None => w.flag(false),
                });
                self.seq(&c.strict, |w, s| w.flag(*s));
                self.num(c.dicts as u64);
            }
            ValueKind::Method { class, index } => {
                self.body.push(2);
                self.str(class);
                self.num(*index as u64);
            }
            ValueKind::Field { tycon } => {
                self.body.push(3);
                self.str(tycon);
            }
            ValueKind::Prim(op) => {
                self.body.push(4);
                self.str(op.name());
            }
        }
    }

    fn tycon(&mut self, t: &TyConInfo) {
        self.str(&t.name);
        self.num(t.arity as u64);
        self.kind(&t.kind);
        self.names(&t.cons);
        self.names(&t.fields);
        self.flag(t.newtype);
        match &t.synonym {
            Some(rhs) => {
                self.flag(true);
                self.ty(rhs);
            }
            None => self.flag(false),
        }
    }

    fn class(&mut self, c: &ClassInfo) {
        self.str(&c.name);
        self.kind(&c.kind);
        self.names(&c.supers);
        self.names(&c.methods);
        self.names(&c.defaults);
        self.data_con(&c.dict_con);
    }

    fn instance(&mut self, i: &InstanceInfo) {
        self.str(&i.class);
        self.num(u64::from(i.vars));
        self.ty(&i.head);
        self.seq(&i.context, Self::pred);
        self.str(&i.dict);
    }
}

fn leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    strings: Vec<Rc<str>>,
}

type Res<T> = Result<T, InterfaceError>;

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Res<Reader<'a>> {
        let mut r = Reader { bytes, pos: 0, strings: Vec::new() };
        let n = r.len()?;
        for _ in 0..n {
            let len = r.len()?;
            let raw = r.take(len)?;
            let s = std::str::from_utf8(raw).map_err(|_| InterfaceError::Malformed("a name is not UTF-8"))?;
            r.strings.push(Rc::from(s));
        }
        Ok(r)
    }

    fn byte(&mut self) -> Res<u8> {
        let b = *self.bytes.get(self.pos).ok_or(InterfaceError::Malformed("unexpected end of data"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Res<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(InterfaceError::Malformed("unexpected end of data"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn num(&mut self) -> Res<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(InterfaceError::Malformed("integer too long"))
    }

    fn usize(&mut self) -> Res<usize> {
        usize::try_from(self.num()?).map_err(|_| InterfaceError::Malformed("integer out of range"))
    }

    fn u32(&mut self) -> Res<u32> {
        u32::try_from(self.num()?).map_err(|_| InterfaceError::Malformed("integer out of range"))
    }

    /// A count of items that follow: each takes at least one byte, which bounds it by
    /// what is left and keeps a corrupt count from asking for a huge allocation.
    fn len(&mut self) -> Res<usize> {
        let n = self.num()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.pos => Ok(n),
            _ => Err(InterfaceError::Malformed("count larger than the file")),
        }
    }

    fn flag(&mut self) -> Res<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(InterfaceError::Malformed("bad flag")),
        }
    }

    fn str(&mut self) -> Res<Rc<str>> {
        let i = self.num()?;
        usize::try_from(i)
            .ok()
            .and_then(|i| self.strings.get(i))
            .cloned()
            .ok_or(InterfaceError::Malformed("name index out of range"))
    }

    fn seq<T>(&mut self, mut each: impl FnMut(&mut Self) -> Res<T>) -> Res<Vec<T>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }

    fn names(&mut self) -> Res<Vec<Name>> {
        self.seq(Self::str)
    }

    fn interface(&mut self) -> Res<Interface> {
        let module = self.str()?.to_string();
        let exports = self.name_table()?;
        let top_level = self.name_table()?;
        let values = self.seq(|r| Ok((r.str()?, r.value()?)))?.into_iter().collect();
        let tycons = self.seq(|r| Ok((r.str()?, r.tycon()?)))?.into_iter().collect();
        let classes = self.seq(|r| Ok((r.str()?, r.class()?)))?.into_iter().collect();
        let fixities = self
            .seq(|r| {
                let n = r.str()?;
                let assoc = match r.byte()? {
                    0 => Assoc::Left,
                    1 => Assoc::Right,
                    2 => Assoc::None,
                    _ => return Err(InterfaceError::Malformed("bad associativity")),
                };
                let prec = r.byte()?;
                if prec > 9 {
                    return Err(InterfaceError::Malformed("precedence beyond 9"));
                }
                Ok((n, Fixity { assoc, prec }))
            })?
            .into_iter()
            .collect();
        let instances = self.seq(Self::instance)?;
        Ok(Interface { module, exports, top_level, values, tycons, classes, fixities, instances })
    }

    fn name_table(&mut self) -> Res<NameTable> {
        let mut pair = || -> Res<BTreeMap<String, Name>> {
            Ok(self.seq(|r| Ok((r.str()?.to_string(), r.str()?)))?.into_iter().collect())
        };
        let values = pair()?;
        let types = pair()?;
        Ok(NameTable { values, types })
    }

    fn ty(&mut self) -> Res<Type> {
        self.ty_at(0)
    }

    fn ty_at(&mut self, depth: u32) -> Res<Type> {
        if depth > MAX_TYPE_DEPTH {
            return Err(InterfaceError::Malformed("type nested too deeply"));
        }
        match self.byte()? {
            0 => Ok(Type::Con(self.str()?)),
            1 => {
                let f = self.ty_at(depth + 1)?;
                let a = self.ty_at(depth + 1)?;
                Ok(Type::app(f, a))
            }
            2 => Ok(Type::Gen(self.u32()?)),
            3 => Err(InterfaceError::Malformed("a checker-internal type variable")),
            tag @ (4 | 6) => {
                let names = self.names()?;
                if names.is_empty() {
                    return Err(InterfaceError::Malformed("a forall without variables"));
                }
                let mut ctx = Vec::new();
                if tag == 6 {
                    let n = self.len()?;
                    for _ in 0..n {
                        let class = self.str()?;
                        ctx.push(Pred { class, ty: self.ty_at(depth + 1)? });
                    }
                }
                let body = self.ty_at(depth + 1)?;
                Ok(Type::Forall(names.into(), ctx.into(), Rc::new(body)))
            }
            5 => Ok(Type::Bound(self.u32()?, self.u32()?)),
            _ => Err(InterfaceError::Malformed("bad type tag")),
        }
    }

    fn kind(&mut self) -> Res<Kind> {
        self.kind_at(0)
    }

    fn kind_at(&mut self, depth: u32) -> Res<Kind> {
        if depth > MAX_TYPE_DEPTH {
            return Err(InterfaceError::Malformed("kind nested too deeply"));
        }
        match self.byte()? {
            0 => Ok(Kind::Star),
            1 => {
                let a = self.kind_at(depth + 1)?;
                let r = self.kind_at(depth + 1)?;
                Ok(Kind::fun(a, r))
            }
            2 => Err(InterfaceError::Malformed("a kind variable")),
            _ => Err(InterfaceError::Malformed("bad kind tag")),
        }
    }

    fn pred(&mut self) -> Res<Pred> {
        Ok(Pred { class: self.str()?, ty: self.ty()? })
    }

    fn scheme(&mut self) -> Res<Scheme> {
        Ok(Scheme { vars: self.u32()?, names: self.names()?, context: self.seq(Self::pred)?, ty: self.ty()? })
    }

    fn data_con(&mut self) -> Res<DataCon> {
        let name = Global(self.str()?);
        let tag = self.u32()?;
        let family_size = self.u32()?;
        let fields = self.seq(|r| match r.byte()? {
            0 => Ok(Rep::Ptr),
            1 => Ok(Rep::Int),
            2 => Ok(Rep::Char),
            3 => Ok(Rep::Double),
            4 => Ok(Rep::Addr),
            _ => Err(InterfaceError::Malformed("bad representation")),
        })?;
        if tag >= family_size {
            return Err(InterfaceError::Malformed("constructor tag beyond its family"));
        }
        Ok(DataCon { name, tag, family_size, fields })
    }

    fn value(&mut self) -> Res<ValueInfo> {
        let name = self.str()?;
        let scheme = self.scheme()?;
        let kind = match self.byte()? {
            0 => ValueKind::Var,
            1 => {
                let data_con = self.data_con()?;
                let tycon = self.str()?;
                let newtype = self.flag()?;
                let labels = self.seq(|r| if r.flag()? { Ok(Some(r.str()?)) } else { Ok(None) })?;
                let strict = self.seq(Self::flag)?;
                let dicts = self.usize()?;
                if labels.len() != strict.len() || dicts.checked_add(labels.len()) != Some(data_con.fields.len()) {
                    return Err(InterfaceError::Malformed("constructor fields do not match"));
                }
                ValueKind::Con(ConInfo { data_con, tycon, newtype, labels, strict, dicts })
            }
            2 => ValueKind::Method { class: self.str()?, index: self.usize()? },
            3 => ValueKind::Field { tycon: self.str()? },
            4 => {
                let op = self.str()?;
                ValueKind::Prim(PrimOp::from_name(&op).ok_or(InterfaceError::Malformed("unknown primop"))?)
            }
            _ => return Err(InterfaceError::Malformed("bad value kind")),
        };
        Ok(ValueInfo { name, scheme, kind })
    }

    fn tycon(&mut self) -> Res<TyConInfo> {
        let name = self.str()?;
        let arity = self.usize()?;
        let kind = self.kind()?;
        if kind.arity() != arity {
            return Err(InterfaceError::Malformed("a type constructor's kind does not match its arity"));
        }
        let cons = self.names()?;
        let fields = self.names()?;
        let newtype = self.flag()?;
        let synonym = if self.flag()? { Some(self.ty()?) } else { None };
        Ok(TyConInfo { name, arity, kind, cons, fields, newtype, synonym })
    }

    fn class(&mut self) -> Res<ClassInfo> {
        Ok(ClassInfo {
            name: self.str()?,
            kind: self.kind()?,
            supers: self.names()?,
            methods: self.names()?,
            defaults: self.names()?,
            dict_con: self.data_con()?,
        })
    }

    fn instance(&mut self) -> Res<InstanceInfo> {
        Ok(InstanceInfo {
            class: self.str()?,
            vars: self.u32()?,
            head: self.ty()?,
            context: self.seq(Self::pred)?,
            dict: self.str()?,
        })
    }
}

#[cfg(test)]
mod tests;
