//! STG to unlinked byte code, one top-level binding at a time. Top-level functions
//! become BCOs, top-level thunks CAFs (an AP of a BCO of arity 0), top-level
//! constructor applications static constructors. Every declared data constructor that
//! no binding of the same name defines gets a wrapper: its static closure when it has
//! no fields, else a function BCO that builds it, so that `Occ::Global` may name a
//! constructor.

mod case;
mod ctx;
mod expr;
mod free;

use crate::unlinked::{CompiledBinding, CompiledModule, TopValue};
use crate::BytecodeError;
use bhc_stg::{Atom, Binding, DataCon, Expr, Module, Occ, Rep, Rhs, UpdateFlag, Var};
use ctx::Ctx;
use std::collections::HashSet;
use std::rc::Rc;

pub fn compile_module(m: &Module) -> Result<CompiledModule, BytecodeError> {
    let mut bindings = m
        .bindings
        .iter()
        .map(compile_binding)
        .collect::<Result<Vec<_>, _>>()?;
    let bound: HashSet<&str> = m.bindings.iter().map(|b| &*b.name.0).collect();
    for con in &m.data_cons {
        if !bound.contains(&*con.name.0) {
            bindings.push(con_wrapper(con)?);
        }
    }
    Ok(CompiledModule {
        name: m.name.clone(),
        data_cons: m.data_cons.clone(),
        bindings,
    })
}

fn compile_binding(b: &Binding) -> Result<CompiledBinding, BytecodeError> {
    let name: Rc<str> = b.name.0.clone();
    let err = |message: &str| BytecodeError {
        binding: name.to_string(),
        message: message.to_string(),
    };
    let value = match &b.rhs {
        Rhs::Con { con, args } => {
            if args.len() != con.arity() {
                return Err(err("constructor applied to the wrong number of arguments"));
            }
            let fits = |(a, rep): (&Atom, &Rep)| match a {
                Atom::Occ(Occ::Global(_)) => *rep == Rep::Ptr,
                Atom::Lit(l) => *rep != Rep::Ptr && l.rep() == *rep,
                Atom::Occ(Occ::Local(_)) => false,
            };
            if !args.iter().zip(&con.fields).all(fits) {
                return Err(err("a top-level constructor argument must be a global (pointer field) or a literal of the field's type"));
            }
            TopValue::Con {
                con: con.clone(),
                args: args.clone(),
            }
        }
        Rhs::Closure {
            free,
            update,
            params,
            body,
        } => {
            if !free.is_empty() {
                return Err(err("a top-level closure has free variables"));
            }
            let bco = Ctx::new(name.clone(), name.to_string()).function(&[], params, body)?;
            if params.is_empty() {
                TopValue::Thunk {
                    bco,
                    updatable: *update == UpdateFlag::Updatable,
                }
            } else {
                TopValue::Fun(bco)
            }
        }
    };
    Ok(CompiledBinding {
        name: b.name.clone(),
        value,
    })
}

fn con_wrapper(con: &DataCon) -> Result<CompiledBinding, BytecodeError> {
    let params: Vec<Var> = con
        .fields
        .iter()
        .enumerate()
        .map(|(i, &rep)| Var {
            name: Rc::from("x"),
            unique: i as u32,
            rep,
        })
        .collect();
    let binding = Binding {
        name: con.name.clone(),
        rhs: if params.is_empty() {
            Rhs::Con {
                con: con.clone(),
                args: vec![],
            }
        } else {
            let args = params
                .iter()
                .map(|v| Atom::Occ(Occ::Local(v.clone())))
                .collect();
            Rhs::Closure {
                free: vec![],
                update: UpdateFlag::Reentrant,
                params,
                body: Box::new(Expr::Con {
                    con: con.clone(),
                    args,
                }),
            }
        },
    };
    compile_binding(&binding)
}
