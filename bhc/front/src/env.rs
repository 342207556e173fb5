//! The entities a module can refer to, by original name: those of the modules it imports
//! (their interfaces), the wired-in ones, and (as checking goes on) its own. The
//! renamer, type checker and desugarer read it; only declaration processing adds to it.

use crate::builtins;
use crate::interface::{ClassInfo, Fixity, InstanceInfo, Interface, TyConInfo, ValueInfo};
use crate::types::Name;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Clone, Debug, Default)]
pub struct Env {
    pub values: FxHashMap<Name, ValueInfo>,
    pub tycons: FxHashMap<Name, TyConInfo>,
    pub classes: FxHashMap<Name, ClassInfo>,
    pub fixities: FxHashMap<Name, Fixity>,
    /// Instances in the order they became known; looked up by (class, head type
    /// constructor) and by dictionary name through the indexes below, because a large
    /// module has thousands and each constraint asks.
    instances: Vec<InstanceInfo>,
    /// By class, then head type constructor: nested so that `&str` keys can look up.
    by_head: FxHashMap<Name, FxHashMap<Name, usize>>,
    dicts: FxHashSet<Name>,
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
            self.add_instance(inst.clone());
        }
    }

    /// Records an instance unless one with its dictionary is known. The first instance
    /// for a (class, type constructor) pair is the one found by `instance_for`.
    pub fn add_instance(&mut self, inst: InstanceInfo) {
        if !self.dicts.insert(inst.dict.clone()) {
            return;
        }
        if let Some(tycon) = inst.head.head_con() {
            let for_class = self.by_head.entry(inst.class.clone()).or_default();
            for_class.entry(tycon.clone()).or_insert(self.instances.len());
        }
        self.instances.push(inst);
    }

    pub fn instances(&self) -> &[InstanceInfo] {
        &self.instances
    }

    /// The instance of `class` for the type constructor `tycon`.
    pub fn instance_for(&self, class: &str, tycon: &str) -> Option<&InstanceInfo> {
        self.by_head.get(class)?.get(tycon).map(|&i| &self.instances[i])
    }

    pub fn has_dict(&self, dict: &str) -> bool {
        self.dicts.contains(dict)
    }

    pub fn fixity(&self, name: &str) -> Fixity {
        self.fixities.get(name).copied().unwrap_or(Fixity::DEFAULT)
    }
}
