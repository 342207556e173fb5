//! The linking API: how a linker builds heap objects (BCOs with their instruction,
//! literal and pointer arrays, CAFs, static constructors), constructor info tables and
//! string literals inside a [`Runtime`], and publishes a module's globals.
//!
//! Linked objects are static, as compiled code's would be: they live outside the
//! collected heap and never move, so the GC neither copies nor scans them. They live in
//! the arena of the module being linked (`arena`), freed once the module has been
//! replaced and nothing points into it any more (`unload`). Static objects only point
//! at static objects, with one exception: a CAF, once evaluated, is an indirection to
//! a heap value, so CAFs are roots. Constructor info tables, nullary constructor
//! closures and string literals are immortal: shared between modules, and an `Addr#`
//! into a literal is a word the collector cannot see. The caller refers to objects
//! through [`Handle`]s (GC roots, released with [`HandleMark`]s), never through
//! pointers. Code is validated here, so that the interpreter can trust it.

use crate::arena::{Arenas, StaticUsage};
use crate::info::{ClosureType, InfoName, InfoTable, Layout};
use crate::instr;
use crate::native::{self, word, AP_INFO, AP_NOUPD_INFO, ARRAY_INFO, BCO_INFO, BYTE_ARRAY_INFO};
use crate::object::*;
use crate::runtime::{RtsError, Runtime};
use crate::Word;
use std::collections::HashMap;

/// A rooted reference to a heap (or static) object, valid until released.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handle(pub(crate) usize);

/// A CAF is an AP of no arguments followed by the BCO it started as (to revert to
/// when its module is replaced).
pub(crate) const CAF_SAVED_FUN: usize = AP_HEADER;
const CAF_SIZE: usize = AP_HEADER + 1;

/// The box that primops return lifted or effectful results in, found by name.
const IORES: &str = "Prelude.IORes";
const CONS: &str = "Prelude.:";
const CHAR: &str = "Prelude.C#";

/// A point in the handle stack to release back to.
#[derive(Clone, Copy, Debug)]
pub struct HandleMark(usize);

/// A constructor's info table, owned by the runtime.
#[derive(Clone, Copy, Debug)]
pub struct ConInfo {
    entry: *const ConEntry,
}

impl ConInfo {
    /// The info pointer, as a literal word for `PACK` and `ALLOC_CON`.
    pub fn info_word(self) -> Word {
        // SAFETY: the entry is owned by the runtime that made this ConInfo and never
        // freed before it.
        unsafe { &(*self.entry).info as *const InfoTable as Word }
    }
}

/// An info table with its name and its static closure (used when it has no fields).
#[repr(C)]
struct ConEntry {
    info: InfoTable,
    closure: [Word; 1],
    name: Box<str>,
}

/// Memory outside the heap: constructor tables and string literals, kept for the
/// runtime's lifetime, and the arenas of linked modules.
#[derive(Default)]
pub(crate) struct Statics {
    // Boxed so that info tables and static closures keep their addresses.
    #[allow(clippy::vec_box)]
    cons: Vec<Box<ConEntry>>,
    /// The tables made for each name: one per shape, so that reloading a module whose
    /// declaration changes back and forth makes no new ones.
    by_name: HashMap<Box<str>, Vec<usize>>,
    strings: HashMap<Box<[u8]>, Box<[Word]>>,
    own_world: Option<Word>,
    /// Linked modules' objects.
    pub(crate) arenas: Arenas,
}

impl Statics {
    fn new_con(&mut self, name: &str, tag: u32, layout: Layout) -> *const ConEntry {
        let name: Box<str> = name.into();
        let mut entry = Box::new(ConEntry {
            info: InfoTable {
                entry: native::value_entry,
                closure_type: ClosureType::Constr,
                tag,
                layout,
                srt: std::ptr::null(),
                name: InfoName {
                    ptr: name.as_ptr(),
                    len: name.len(),
                },
            },
            closure: [0],
            name,
        });
        entry.closure[0] = &entry.info as *const InfoTable as Word;
        let ptr: *const ConEntry = &*entry;
        self.cons.push(entry);
        ptr
    }

    fn alloc_static(&mut self, words: usize) -> P {
        self.arenas.alloc(words)
    }

    /// Whether `w` is the address of a static object (in an arena or a constructor's
    /// static closure).
    pub(crate) fn contains(&self, w: Word) -> bool {
        self.arenas.contains(w) || self.cons.iter().any(|e| e.closure.as_ptr() as Word == w)
    }

    /// The info pointers of every constructor table.
    pub(crate) fn con_infos(&self) -> impl Iterator<Item = Word> + '_ {
        self.cons
            .iter()
            .map(|e| &e.info as *const InfoTable as Word)
    }

    /// The runtime's own RealWorld token, for programs linked without `Prelude`.
    pub(crate) fn own_world(&mut self) -> Word {
        if let Some(w) = self.own_world {
            return w;
        }
        let entry = self.new_con("RealWorld", 0, Layout::NONE);
        // SAFETY: the entry is owned by `self.cons`.
        let w = unsafe { (*entry).closure.as_ptr() as Word };
        self.own_world = Some(w);
        w
    }
}

/// Everything needed to build one BCO.
#[derive(Clone, Copy, Debug)]
pub struct BcoSpec<'a> {
    pub code: &'a [u32],
    pub literals: &'a [Word],
    /// An ARRAY from [`Runtime::alloc_array`] holding the BCO's pointers.
    pub ptrs: Handle,
    /// Arguments the BCO takes (free variables first); 0 for a continuation.
    pub arity: u32,
    /// `Some(returns_ptr)` for a case continuation.
    pub continuation: Option<bool>,
    /// Stack words the BCO may push beyond its arguments (or environment and value).
    pub max_stack: u32,
    /// Heap words it may allocate before transferring control.
    pub max_heap: u32,
    /// Pointer-ness of its arguments (top first), or of its environment for a
    /// continuation (the word nearest the frame first).
    pub bitmap: &'a [bool],
}

impl Runtime {
    pub fn handle_mark(&self) -> HandleMark {
        HandleMark(self.cap.handles.len())
    }

    /// Drop every handle made since `mark`.
    pub fn release_handles(&mut self, mark: HandleMark) {
        self.cap.handles.truncate(mark.0);
    }

    fn root(&mut self, w: Word) -> Handle {
        self.cap.handles.push(w);
        Handle(self.cap.handles.len() - 1)
    }

    fn deref(&self, h: Handle) -> Result<Word, RtsError> {
        self.cap
            .handles
            .get(h.0)
            .copied()
            .ok_or_else(|| RtsError::Internal("stale handle".into()))
    }

    /// A handle's object, which must be static (so that a static object may point at it).
    fn deref_static(&self, h: Handle) -> Result<Word, RtsError> {
        let w = self.deref(h)?;
        if self.cap.heap.blocks.is_heap(w) {
            return Err(RtsError::Internal(
                "a static object cannot point into the heap".into(),
            ));
        }
        Ok(w)
    }

    /// The info table for a constructor, made on first use. A table with the same name
    /// and shape is reused; a different shape (a changed declaration) gets a new table.
    pub fn con_info(&mut self, name: &str, tag: u32, ptrs: u32, nptrs: u32) -> ConInfo {
        let layout = Layout { ptrs, nptrs };
        let statics = &mut self.cap.statics;
        let made = statics.by_name.get(name).into_iter().flatten();
        if let Some(e) = made.map(|&i| &statics.cons[i]).find(|e| e.info.tag == tag && e.info.layout == layout) {
            return ConInfo { entry: &**e };
        }
        let entry = statics.new_con(name, tag, layout);
        let index = statics.cons.len() - 1;
        statics.by_name.entry(name.into()).or_default().push(index);
        // SAFETY: the entry was just made and is owned by the runtime.
        let info = unsafe { &(*entry).info as *const InfoTable as Word };
        match (name, layout.ptrs, layout.nptrs) {
            (IORES, 1, 0) => self.cap.iores_info = info,
            (CONS, 2, 0) => self.cap.cons_info = info,
            (CHAR, 0, 1) => self.cap.char_info = info,
            _ => {}
        }
        ConInfo { entry }
    }

    /// The shared static closure of a constructor without fields.
    pub fn static_con(&mut self, con: ConInfo) -> Result<Handle, RtsError> {
        // SAFETY: the entry is owned by this runtime (see `ConInfo::info_word`).
        let entry = unsafe { &*con.entry };
        if entry.info.layout.words() != 0 {
            return Err(RtsError::Internal(format!("{} has fields", entry.name)));
        }
        Ok(self.root(entry.closure.as_ptr() as Word))
    }

    /// An `Addr#` for these bytes: an immortal, NUL-terminated copy (shared between
    /// equal literals) preceded by its length, which `indexCharOffAddr#` checks.
    pub fn string_literal(&mut self, bytes: &[u8]) -> Word {
        let strings = &mut self.cap.statics.strings;
        let words = strings.entry(bytes.into()).or_insert_with(|| {
            let mut words = vec![0 as Word; 1 + (bytes.len() + 1).div_ceil(8)].into_boxed_slice();
            words[0] = bytes.len();
            for (i, b) in bytes.iter().enumerate() {
                words[1 + i / 8] |= (*b as Word) << (8 * (i % 8));
            }
            words
        });
        words[1..].as_ptr() as Word
    }

    fn alloc_bytes(&mut self, bytes: &[u8]) -> Result<Handle, RtsError> {
        let p = self
            .cap
            .statics
            .alloc_static(ARR_DATA + bytes.len().div_ceil(8));
        // SAFETY: `p` has room for the header and the data words.
        unsafe {
            *p = word(&BYTE_ARRAY_INFO);
            *p.add(ARR_LEN) = bytes.len();
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(ARR_DATA) as *mut u8, bytes.len());
        }
        Ok(self.root(p as Word))
    }

    /// An ARRAY of `len` null pointers, to be filled with [`Runtime::array_set`].
    pub fn alloc_array(&mut self, len: usize) -> Result<Handle, RtsError> {
        let p = self.cap.statics.alloc_static(ARR_DATA + len);
        // SAFETY: `p` has room for the header and `len` elements.
        unsafe {
            *p = word(&ARRAY_INFO);
            *p.add(ARR_LEN) = len;
            std::ptr::write_bytes(p.add(ARR_DATA), 0, len);
        }
        Ok(self.root(p as Word))
    }

    pub fn array_set(&mut self, arr: Handle, i: usize, value: Handle) -> Result<(), RtsError> {
        let (arr, value) = (self.deref(arr)? as P, self.deref_static(value)?);
        // SAFETY: handles hold live objects; the type and the index are checked.
        unsafe {
            if closure_type(arr) != ClosureType::Array || i >= *arr.add(ARR_LEN) {
                return Err(RtsError::Internal("array_set out of range".into()));
            }
            *arr.add(ARR_DATA + i) = value;
        }
        self.cap.statics.arenas.note_link(arr as Word, value);
        Ok(())
    }

    /// Validate and build a BCO (with its instruction and literal arrays).
    pub fn alloc_bco(&mut self, spec: &BcoSpec) -> Result<Handle, RtsError> {
        let ptrs = self.deref(spec.ptrs)? as P;
        // SAFETY: the handle holds a live object; its type is checked before its length
        // is read.
        let n_ptrs = unsafe {
            if closure_type(ptrs) != ClosureType::Array {
                return Err(RtsError::Internal("BCO pointers are not an array".into()));
            }
            *ptrs.add(ARR_LEN)
        };
        instr::validate(spec.code, spec.literals.len(), n_ptrs)
            .map_err(|e| RtsError::InvalidCode(e.to_string()))?;
        if self.cap.iores_info == 0 || self.cap.cons_info == 0 || self.cap.char_info == 0 {
            let cap = &self.cap;
            let missing = instr::prims_used(spec.code).into_iter().find_map(|p| {
                if p.boxes_result() && cap.iores_info == 0 {
                    Some((p, IORES))
                } else if p.builds_strings() && cap.cons_info == 0 {
                    Some((p, CONS))
                } else if p.builds_strings() && cap.char_info == 0 {
                    Some((p, CHAR))
                } else {
                    None
                }
            });
            if let Some((p, con)) = missing {
                return Err(RtsError::InvalidCode(format!(
                    "{} needs {con}, which is not linked",
                    p.name()
                )));
            }
        }
        if spec.continuation.is_none() && spec.bitmap.len() != spec.arity as usize {
            return Err(RtsError::InvalidCode(
                "argument bitmap does not match the arity".into(),
            ));
        }
        let mark = self.handle_mark();
        let code_bytes: Vec<u8> = spec.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
        let code = self.alloc_bytes(&code_bytes)?;
        let lit_bytes: Vec<u8> = spec.literals.iter().flat_map(|w| w.to_ne_bytes()).collect();
        let lits = self.alloc_bytes(&lit_bytes)?;
        let k = bitmap_words(spec.bitmap.len());
        let p = self.cap.statics.alloc_static(BCO_HEADER + k);
        let flags = if spec.continuation == Some(true) {
            BCO_FLAG_RETURNS_PTR
        } else {
            0
        };
        let (code, lits, ptrs) = (self.deref(code)?, self.deref(lits)?, self.deref(spec.ptrs)?);
        // SAFETY: `p` has room for the BCO header and its bitmap words; no allocation
        // happens between reading the handles and storing them.
        unsafe {
            *p = word(&BCO_INFO);
            *p.add(BCO_INSTRS) = code;
            *p.add(BCO_LITS) = lits;
            *p.add(BCO_PTRS) = ptrs;
            *p.add(BCO_ARITY) = spec.arity as Word | (flags as Word) << 32;
            *p.add(BCO_LIMITS) = spec.max_stack as Word | (spec.max_heap as Word) << 32;
            *p.add(BCO_BITMAP_LEN) = spec.bitmap.len();
            for i in 0..k {
                *p.add(BCO_BITMAP + i) = 0;
            }
            for (i, &bit) in spec.bitmap.iter().enumerate() {
                if bit {
                    *p.add(BCO_BITMAP + i / 64) |= 1 << (i % 64);
                }
            }
        }
        self.release_handles(mark);
        self.cap.statics.arenas.note_link(p as Word, ptrs);
        Ok(self.root(p as Word))
    }

    /// A top-level thunk (CAF): an AP of a BCO of arity 0, updatable or not. It keeps a
    /// copy of its BCO after the AP header so that it can be reverted when its module is
    /// replaced.
    pub fn alloc_thunk(&mut self, bco: Handle, updatable: bool) -> Result<Handle, RtsError> {
        let fun = self.deref_static(bco)?;
        // SAFETY: the handle holds a live object whose type is checked before its arity
        // is read.
        if unsafe { closure_type(fun as P) != ClosureType::Bco || bco_arity(fun as P) != 0 } {
            return Err(RtsError::Internal("a thunk needs a BCO of arity 0".into()));
        }
        let p = self.cap.statics.alloc_static(CAF_SIZE);
        // SAFETY: `p` has room for a CAF.
        unsafe {
            *p = word(if updatable { &AP_INFO } else { &AP_NOUPD_INFO });
            *p.add(FUN_FIELD) = fun;
            *p.add(NARGS_FIELD) = 0;
            *p.add(CAF_SAVED_FUN) = fun;
        }
        self.cap.statics.arenas.note_link(p as Word, fun);
        Ok(self.root(p as Word))
    }

    /// A constructor with null pointer fields (set with [`Runtime::con_set_field`]) and
    /// the given non-pointer words.
    pub fn alloc_con(&mut self, con: ConInfo, nptr_words: &[Word]) -> Result<Handle, RtsError> {
        // SAFETY: the entry is owned by this runtime.
        let layout = unsafe { (*con.entry).info.layout };
        if layout.nptrs as usize != nptr_words.len() {
            return Err(RtsError::Internal(
                "constructor field count mismatch".into(),
            ));
        }
        let p = self.cap.statics.alloc_static(1 + layout.words());
        // SAFETY: `p` has room for the info pointer and every field.
        unsafe {
            *p = con.info_word();
            std::ptr::write_bytes(p.add(1), 0, layout.ptrs as usize);
            std::ptr::copy_nonoverlapping(
                nptr_words.as_ptr(),
                p.add(1 + layout.ptrs as usize),
                nptr_words.len(),
            );
        }
        Ok(self.root(p as Word))
    }

    /// Set pointer field `i` of a constructor made by [`Runtime::alloc_con`].
    pub fn con_set_field(&mut self, con: Handle, i: usize, value: Handle) -> Result<(), RtsError> {
        let (con, value) = (self.deref(con)? as P, self.deref_static(value)?);
        // SAFETY: handles hold live objects; the type and the index are checked.
        unsafe {
            if closure_type(con) != ClosureType::Constr || i >= (*info(con)).layout.ptrs as usize {
                return Err(RtsError::Internal("con_set_field out of range".into()));
            }
            *con.add(1 + i) = value;
        }
        self.cap.statics.arenas.note_link(con as Word, value);
        Ok(())
    }

    /// The closure of a linked global.
    pub fn global(&mut self, name: &str) -> Option<Handle> {
        let w = self.cap.globals.lookup(name)?;
        Some(self.root(w))
    }

    /// Publish `globals` (static objects) as the globals of `module`, replacing what it
    /// defined before. The objects made since the last module was defined become this
    /// module's arena; the old version's arena is pending unload and its CAFs are
    /// reverted to unevaluated thunks.
    pub fn define_module(
        &mut self,
        module: &str,
        globals: &[(String, Handle)],
    ) -> Result<(), RtsError> {
        let entries = globals
            .iter()
            .map(|(name, h)| Ok((name.clone(), self.deref_static(*h)?)))
            .collect::<Result<Vec<_>, RtsError>>()?;
        let cafs = entries
            .iter()
            .map(|(_, w)| *w)
            // SAFETY: every entry is a live static object.
            .filter(|&w| unsafe { closure_type(w as P) == ClosureType::Ap })
            .collect();
        for (_, w) in &entries {
            self.cap.statics.arenas.note_global(*w);
        }
        self.cap.globals.define_module(module, entries);
        self.cap.statics.arenas.define(module, cafs);
        Ok(())
    }

    /// Forget `module` (a REPL input line once it has run): its names go, its CAFs are
    /// reverted and its arena is pending unload. False if it is not linked.
    pub fn unload_module(&mut self, module: &str) -> bool {
        let named = self.cap.globals.remove_module(module);
        self.cap.statics.arenas.unload(module) || named
    }

    pub fn is_module_linked(&self, module: &str) -> bool {
        self.cap.globals.is_module_linked(module)
    }

    /// The static memory of linked code: arenas in use, arenas pending unload, bytes.
    pub fn static_usage(&self) -> StaticUsage {
        self.cap.statics.arenas.usage()
    }
}
