//! The link step: build a compiled module's BCOs, CAFs and static constructors as heap
//! objects in a `Runtime`, resolve the globals they mention, and publish the module's
//! globals (replacing an earlier version of the module).
//!
//! Everything is checked before the runtime is changed: a module that mentions an
//! unknown global leaves the runtime as it was. Heap references are held only through
//! the runtime's rooted handles, all released when linking ends.

use crate::unlinked::{CompiledModule, Literal, PtrRef, TopValue, UnlinkedBco};
use bhc_rts::{BcoSpec, ConInfo, Handle, RtsError, Runtime, Word};
use bhc_stg::{Atom, DataCon, Global, Lit, Occ, Rep};
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    UnknownGlobal { module: String, name: String },
    Runtime { module: String, error: RtsError },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownGlobal { module, name } => {
                write!(f, "linking {module}: unknown global `{name}`")
            }
            LinkError::Runtime { module, error } => write!(f, "linking {module}: {error}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// A pointer field to fill once every closure of the module exists.
enum Fixup {
    ArrayElem {
        array: Handle,
        index: usize,
        global: Global,
    },
    ConField {
        con: Handle,
        field: usize,
        global: Global,
    },
}

pub fn link(rt: &mut Runtime, m: &CompiledModule) -> Result<(), LinkError> {
    check_globals(rt, m)?;
    let mark = rt.handle_mark();
    let result = build(rt, m).map_err(|error| LinkError::Runtime {
        module: m.name.clone(),
        error,
    });
    rt.release_handles(mark);
    result
}

/// Every global the module mentions is defined by it or already linked.
fn check_globals(rt: &Runtime, m: &CompiledModule) -> Result<(), LinkError> {
    let own: HashSet<&str> = m.bindings.iter().map(|b| &*b.name.0).collect();
    let mut mentioned = Vec::new();
    for b in &m.bindings {
        match &b.value {
            TopValue::Fun(bco) | TopValue::Thunk { bco, .. } => globals_of(bco, &mut mentioned),
            TopValue::Con { args, .. } => {
                mentioned.extend(args.iter().filter_map(|a| match a {
                    Atom::Occ(Occ::Global(g)) => Some(g),
                    _ => None,
                }));
            }
        }
    }
    match mentioned
        .into_iter()
        .find(|g| !own.contains(&*g.0) && !rt.has_global(&g.0))
    {
        Some(g) => Err(LinkError::UnknownGlobal {
            module: m.name.clone(),
            name: g.0.to_string(),
        }),
        None => Ok(()),
    }
}

fn globals_of<'a>(bco: &'a UnlinkedBco, out: &mut Vec<&'a Global>) {
    for p in &bco.ptrs {
        match p {
            PtrRef::Global(g) => out.push(g),
            PtrRef::Bco(b) => globals_of(b, out),
            PtrRef::Con(_) => {}
        }
    }
}

fn con_info(rt: &mut Runtime, con: &DataCon) -> ConInfo {
    let ptrs = con.fields.iter().filter(|&&r| r == Rep::Ptr).count();
    rt.con_info(
        &con.name.0,
        con.tag,
        ptrs as u32,
        (con.fields.len() - ptrs) as u32,
    )
}

fn literal_word(rt: &mut Runtime, l: &Literal) -> Word {
    match l {
        Literal::Int(i) => *i as Word,
        Literal::Char(c) => *c as Word,
        Literal::Double(d) => d.to_bits() as Word,
        Literal::String(s) => rt.string_literal(s),
        Literal::ConInfo(con) => con_info(rt, con).info_word(),
        Literal::Bitmap(w) => *w as Word,
    }
}

fn lit_word(rt: &mut Runtime, l: &Lit) -> Word {
    match l {
        Lit::Int(i) => *i as Word,
        Lit::Char(c) => *c as Word,
        Lit::Double(d) => d.to_bits() as Word,
        Lit::String(s) => rt.string_literal(s),
    }
}

fn build_bco(
    rt: &mut Runtime,
    bco: &UnlinkedBco,
    fixups: &mut Vec<Fixup>,
) -> Result<Handle, RtsError> {
    let array = rt.alloc_array(bco.ptrs.len())?;
    for (index, p) in bco.ptrs.iter().enumerate() {
        match p {
            PtrRef::Bco(inner) => {
                let h = build_bco(rt, inner, fixups)?;
                rt.array_set(array, index, h)?;
            }
            PtrRef::Con(con) => {
                let info = con_info(rt, con);
                let h = rt.static_con(info)?;
                rt.array_set(array, index, h)?;
            }
            PtrRef::Global(g) => fixups.push(Fixup::ArrayElem {
                array,
                index,
                global: g.clone(),
            }),
        }
    }
    let literals: Vec<Word> = bco.literals.iter().map(|l| literal_word(rt, l)).collect();
    rt.alloc_bco(&BcoSpec {
        code: &bco.code,
        literals: &literals,
        ptrs: array,
        arity: bco.arity,
        continuation: bco.continuation,
        max_stack: bco.max_stack,
        max_heap: bco.max_heap,
        bitmap: &bco.bitmap,
    })
}

fn build(rt: &mut Runtime, m: &CompiledModule) -> Result<(), RtsError> {
    for con in &m.data_cons {
        con_info(rt, con);
    }
    let mut fixups = Vec::new();
    let mut tops: Vec<(String, Handle)> = Vec::with_capacity(m.bindings.len());
    for b in &m.bindings {
        let h = match &b.value {
            TopValue::Fun(bco) => build_bco(rt, bco, &mut fixups)?,
            TopValue::Thunk { bco, updatable } => {
                let code = build_bco(rt, bco, &mut fixups)?;
                rt.alloc_thunk(code, *updatable)?
            }
            TopValue::Con { con, args } => build_con(rt, con, args, &mut fixups)?,
        };
        tops.push((b.name.0.to_string(), h));
    }
    let own: HashMap<&str, Handle> = tops.iter().map(|(n, h)| (n.as_str(), *h)).collect();
    let resolve = |rt: &mut Runtime, g: &Global| -> Result<Handle, RtsError> {
        match own.get(&*g.0) {
            Some(h) => Ok(*h),
            None => rt
                .global(&g.0)
                .ok_or_else(|| RtsError::UnknownGlobal(g.0.to_string())),
        }
    };
    for fixup in fixups {
        match fixup {
            Fixup::ArrayElem {
                array,
                index,
                global,
            } => {
                let h = resolve(rt, &global)?;
                rt.array_set(array, index, h)?;
            }
            Fixup::ConField { con, field, global } => {
                let h = resolve(rt, &global)?;
                rt.con_set_field(con, field, h)?;
            }
        }
    }
    rt.define_module(&m.name, &tops)
}

/// A static constructor: non-pointer fields are literals; pointer fields are globals,
/// set once every closure exists (they may refer to this module's own bindings).
fn build_con(
    rt: &mut Runtime,
    con: &DataCon,
    args: &[Atom],
    fixups: &mut Vec<Fixup>,
) -> Result<Handle, RtsError> {
    let info = con_info(rt, con);
    if args.is_empty() {
        return rt.static_con(info);
    }
    let mut nptr_words = Vec::new();
    let mut ptr_fields = Vec::new();
    for (field, a) in args.iter().enumerate() {
        match (con.fields[field] == Rep::Ptr, a) {
            (true, Atom::Occ(Occ::Global(g))) => ptr_fields.push(g.clone()),
            (false, Atom::Lit(l)) => nptr_words.push(lit_word(rt, l)),
            _ => {
                return Err(RtsError::Internal(format!(
                    "bad static argument {a} of {}",
                    con.name
                )))
            }
        }
    }
    let h = rt.alloc_con(info, &nptr_words)?;
    for (field, global) in ptr_fields.into_iter().enumerate() {
        fixups.push(Fixup::ConField {
            con: h,
            field,
            global,
        });
    }
    Ok(h)
}
