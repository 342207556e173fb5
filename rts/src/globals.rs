//! The global symbol table: qualified top-level names to their (static) closures,
//! grouped by the module that defined them. Relinking a module replaces its names;
//! unloading one drops them. What happens to the old objects is `arena`'s business.
//! This module does not allocate on the Haskell heap.

use crate::Word;
use std::collections::{HashMap, HashSet};

#[derive(Default)]
pub(crate) struct Globals {
    pub(crate) slots: Vec<Word>,
    free: Vec<usize>,
    symbols: HashMap<Box<str>, usize>,
    modules: HashMap<Box<str>, Vec<usize>>,
}

impl Globals {
    pub(crate) fn lookup(&self, name: &str) -> Option<Word> {
        self.symbols.get(name).map(|&i| self.slots[i])
    }

    /// Drop the names `module` defined; false if it defined none.
    pub(crate) fn remove_module(&mut self, module: &str) -> bool {
        let Some(old) = self.modules.remove(module) else { return false };
        let old_set: HashSet<usize> = old.iter().copied().collect();
        self.symbols.retain(|_, slot| !old_set.contains(slot));
        for slot in old {
            self.slots[slot] = 0;
            self.free.push(slot);
        }
        true
    }

    /// Make `entries` the globals of `module`, dropping the names it defined before.
    pub(crate) fn define_module(&mut self, module: &str, entries: Vec<(String, Word)>) {
        self.remove_module(module);
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
        self.modules.insert(module.into(), owned);
    }

    pub(crate) fn is_module_linked(&self, module: &str) -> bool {
        self.modules.contains_key(module)
    }
}
