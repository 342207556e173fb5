//! The global symbol table: qualified top-level names to their (static) closures,
//! grouped by the module that defined them, and the CAF list: every CAF ever linked, the
//! only static objects that can point into the heap, which the GC scans as roots.
//! Relinking a module replaces its names and reverts its old CAFs to unevaluated thunks
//! (they stay on the CAF list: old code may still refer to them). This module does not
//! allocate on the Haskell heap.

use crate::link_api::CAF_SAVED_FUN;
use crate::native::{word, AP_INFO, AP_NOUPD_INFO};
use crate::object::*;
use crate::Word;
use std::collections::{HashMap, HashSet};

#[derive(Default)]
pub(crate) struct Globals {
    pub(crate) slots: Vec<Word>,
    free: Vec<usize>,
    symbols: HashMap<Box<str>, usize>,
    modules: HashMap<Box<str>, (Vec<usize>, Vec<Word>)>,
    pub(crate) cafs: Vec<Word>,
}

impl Globals {
    pub(crate) fn lookup(&self, name: &str) -> Option<Word> {
        self.symbols.get(name).map(|&i| self.slots[i])
    }

    /// Make `entries` the globals of `module` (`cafs` are its CAFs), dropping the names
    /// it defined before and reverting its old CAFs.
    pub(crate) fn define_module(
        &mut self,
        module: &str,
        entries: Vec<(String, Word)>,
        cafs: Vec<Word>,
    ) {
        if let Some((old, old_cafs)) = self.modules.remove(module) {
            for caf in old_cafs {
                revert_caf(caf as P);
            }
            let old_set: HashSet<usize> = old.iter().copied().collect();
            self.symbols.retain(|_, slot| !old_set.contains(slot));
            for slot in old {
                self.slots[slot] = 0;
                self.free.push(slot);
            }
        }
        let mut owned = Vec::with_capacity(entries.len());
        for (name, value) in entries {
            let slot = match self.free.pop() {
                Some(slot) => {
                    self.slots[slot] = value;
                    slot
                }
                None => {
                    self.slots.push(value);
                    self.slots.len() - 1
                }
            };
            // If another module defined this name, the newer definition wins; the older
            // slot stays with its module until that module is relinked.
            self.symbols.insert(name.into_boxed_str(), slot);
            owned.push(slot);
        }
        self.cafs.extend_from_slice(&cafs);
        self.modules.insert(module.into(), (owned, cafs));
    }

    pub(crate) fn is_module_linked(&self, module: &str) -> bool {
        self.modules.contains_key(module)
    }
}

/// Make an evaluated (or interrupted) CAF an unevaluated thunk again.
fn revert_caf(caf: P) {
    // SAFETY: `caf` is a static CAF: an AP header followed by its saved BCO. Linking
    // only happens between computations, so it is not under evaluation.
    unsafe {
        if !std::ptr::eq(info(caf), &AP_NOUPD_INFO) {
            *caf = word(&AP_INFO);
        }
        *caf.add(FUN_FIELD) = *caf.add(CAF_SAVED_FUN);
        *caf.add(NARGS_FIELD) = 0;
    }
}
