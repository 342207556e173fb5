//! Builds a module's `Interface` from what renaming and checking learnt: the entities
//! behind its exported and top-level names, its fixities, and every class, type and
//! instance it can see (so that an interface is self-contained for its importers).

use crate::env::Env;
use crate::interface::{Interface, NameTable, ValueInfo, ValueKind};
use crate::rename::Renamed;
use crate::typecheck::Elab;
use crate::types::Name;
use std::collections::BTreeSet;

pub fn interface(renamed: &Renamed, env: &Env, elab: &Elab) -> Interface {
    let mut iface = Interface {
        module: renamed.module.name.clone(),
        exports: renamed.exports.clone(),
        top_level: renamed.top_level.clone(),
        ..Interface::default()
    };
    let values: BTreeSet<&Name> = names(&renamed.exports).chain(names(&renamed.top_level)).collect();
    for n in values {
        let info = match elab.top_schemes.get(n) {
            Some(s) => Some(ValueInfo { name: n.clone(), scheme: s.clone(), kind: ValueKind::Var }),
            None => env.values.get(n).cloned(),
        };
        if let Some(info) = info {
            iface.values.insert(n.clone(), info);
        }
        if let Some(f) = renamed.fixities.get(n).or_else(|| env.fixities.get(n)) {
            iface.fixities.insert(n.clone(), *f);
        }
    }
    for (k, t) in &env.tycons {
        iface.tycons.insert(k.clone(), t.clone());
    }
    for (k, c) in &env.classes {
        iface.classes.insert(k.clone(), c.clone());
    }
    iface.instances = env.instances().to_vec();
    iface
}

fn names(t: &NameTable) -> impl Iterator<Item = &Name> {
    t.values.values()
}
