//! The entities a module can refer to, by original name: those of the modules it imports
//! (their interfaces), the wired-in ones, and (as checking goes on) its own. The
//! renamer, type checker and desugarer read it; only declaration processing adds to it.

use crate::builtins;
use crate::interface::{ClassInfo, Fixity, InstanceInfo, Interface, TyConInfo, ValueInfo};
use crate::types::Name;
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Env {
    pub values: HashMap<Name, ValueInfo>,
    pub tycons: HashMap<Name, TyConInfo>,
    pub classes: HashMap<Name, ClassInfo>,
    pub instances: Vec<InstanceInfo>,
    pub fixities: HashMap<Name, Fixity>,
}

impl Env {
    /// The wired-in entities plus everything the given interfaces carry.
    pub fn new<'a>(imports: impl IntoIterator<Item = &'a Interface>) -> Env {
        let mut env = Env::default();
        let wired = builtins::wired_in();
        for t in wired.tycons {
            env.tycons.insert(t.name.clone(), t);
        }
        for v in wired.values {
            env.values.insert(v.name.clone(), v);
        }
        env.fixities.extend(wired.fixities);
        for i in imports {
            env.add_interface(i);
        }
        env
    }

    pub fn add_interface(&mut self, i: &Interface) {
        for (k, v) in &i.values {
            self.values.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &i.tycons {
            self.tycons.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &i.classes {
            self.classes.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &i.fixities {
            self.fixities.entry(k.clone()).or_insert(*v);
        }
        for inst in &i.instances {
            if !self.instances.iter().any(|j| j.dict == inst.dict) {
                self.instances.push(inst.clone());
            }
        }
    }

    pub fn fixity(&self, name: &str) -> Fixity {
        self.fixities.get(name).copied().unwrap_or(Fixity::DEFAULT)
    }
}
