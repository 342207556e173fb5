//! The entities no source declares: the unboxed type constants, the function arrow, lists,
//! unit and tuples (owned by `Prelude` as if it declared them), and the primops' types
//! (read from `PrimOp::signature`). It must not know anything base declares in source.

use crate::interface::{ConInfo, Fixity, TyConInfo, ValueInfo, ValueKind};
use crate::types::{wired, Kind, Name, Scheme, Type};
use bhc_stg::{DataCon, Global, PrimOp, Rep};
use bhc_syntax::ast::Assoc;
use std::rc::Rc;

/// Tuples are wired in up to this arity.
pub const MAX_TUPLE: usize = 15;

pub struct WiredIn {
    pub tycons: Vec<TyConInfo>,
    pub values: Vec<ValueInfo>,
    pub fixities: Vec<(Name, Fixity)>,
}

fn data_con(name: &str, tag: u32, family_size: u32, arity: usize) -> DataCon {
    DataCon { name: Global(Rc::from(name)), tag, family_size, fields: vec![Rep::Ptr; arity] }
}

fn con_value(name: &str, tycon: &str, dc: DataCon, scheme: Scheme) -> ValueInfo {
    let arity = dc.arity();
    ValueInfo {
        name: Rc::from(name),
        scheme,
        kind: ValueKind::Con(ConInfo {
            data_con: dc,
            tycon: Rc::from(tycon),
            newtype: false,
            labels: vec![None; arity],
            strict: vec![false; arity],
            dicts: 0,
        }),
    }
}

fn tycon(name: &str, arity: usize, cons: Vec<Name>) -> TyConInfo {
    TyConInfo { name: Rc::from(name), arity, kind: Kind::simple(arity), cons, fields: Vec::new(), newtype: false, synonym: None }
}

pub fn wired_in() -> WiredIn {
    let mut tycons = Vec::new();
    let mut values = Vec::new();
    for prim in [wired::INT_PRIM, wired::CHAR_PRIM, wired::DOUBLE_PRIM, wired::ADDR_PRIM] {
        tycons.push(tycon(prim, 0, Vec::new()));
    }
    for (prim, arity) in wired::UNLIFTED_POINTERS {
        tycons.push(tycon(prim, *arity, Vec::new()));
    }
    tycons.push(tycon(wired::ARROW, 2, Vec::new()));

    tycons.push(tycon(wired::LIST, 1, vec![Rc::from(wired::LIST), Rc::from(wired::CONS)]));
    let a = Type::Gen(0);
    let list_a = Type::list(a.clone());
    let nil = Scheme { vars: 1, names: Vec::new(), context: Vec::new(), ty: list_a.clone() };
    values.push(con_value(wired::LIST, wired::LIST, data_con(wired::LIST, 0, 2, 0), nil));
    let cons_ty = Type::fun(a, Type::fun(list_a.clone(), list_a));
    let cons = Scheme { vars: 1, names: Vec::new(), context: Vec::new(), ty: cons_ty };
    values.push(con_value(wired::CONS, wired::LIST, data_con(wired::CONS, 1, 2, 2), cons));

    tycons.push(tycon(wired::UNIT, 0, vec![Rc::from(wired::UNIT)]));
    values.push(con_value(wired::UNIT, wired::UNIT, data_con(wired::UNIT, 0, 1, 0), Scheme::mono(Type::tuple(vec![]))));

    for arity in 2..=MAX_TUPLE {
        let name = wired::tuple(arity);
        tycons.push(tycon(&name, arity, vec![Rc::from(name.as_str())]));
        let vars: Vec<Type> = (0..arity as u32).map(Type::Gen).collect();
        let mut ty = Type::tuple(vars.clone());
        for v in vars.into_iter().rev() {
            ty = Type::fun(v, ty);
        }
        let scheme = Scheme { vars: arity as u32, names: Vec::new(), context: Vec::new(), ty };
        values.push(con_value(&name, &name, data_con(&name, 0, 1, arity), scheme));
    }
    let fixities = vec![(Rc::from(wired::CONS), Fixity { assoc: Assoc::Right, prec: 5 })];
    WiredIn { tycons, values, fixities }
}

/// The primops as values of base, named `Prelude.<op>`.
pub fn primop_values() -> Vec<ValueInfo> {
    PrimOp::ALL
        .iter()
        .filter_map(|&op| {
            let scheme = parse_signature(op.signature())?;
            Some(ValueInfo { name: Rc::from(format!("Prelude.{}", op.name())), scheme, kind: ValueKind::Prim(op) })
        })
        .collect()
}

/// The `Rep` of a value of type `t`, when `t` is known.
pub fn rep_of(t: &Type) -> Rep {
    match t {
        Type::Con(n) => match &**n {
            wired::INT_PRIM => Rep::Int,
            wired::CHAR_PRIM => Rep::Char,
            wired::DOUBLE_PRIM => Rep::Double,
            wired::ADDR_PRIM => Rep::Addr,
            _ => Rep::Ptr,
        },
        _ => Rep::Ptr,
    }
}

/// For a function type whose final result is unboxed (`Int# -> Char# -> Int#`): the
/// number of arguments after which the unboxed value is returned, and its `Rep`.
pub fn unboxed_result(t: &Type) -> Option<(usize, Rep)> {
    let mut arity = 0;
    let mut t = t;
    while let Some((_, r)) = t.as_fun() {
        arity += 1;
        t = r;
    }
    let rep = rep_of(t);
    (arity > 0 && rep != Rep::Ptr).then_some((arity, rep))
}

/// Parses the small type language of `PrimOp::signature`: type constants, variables
/// (implicitly quantified in order of appearance), application, `->`, parentheses and
/// the unit type `()`.
fn parse_signature(sig: &str) -> Option<Scheme> {
    let tokens = tokenize(sig);
    let mut vars: Vec<String> = Vec::new();
    let mut pos = 0;
    let ty = parse_fun(&tokens, &mut pos, &mut vars)?;
    (pos == tokens.len()).then(|| Scheme {
        vars: vars.len() as u32,
        names: vars.iter().map(|v| Rc::from(v.as_str())).collect(),
        context: Vec::new(),
        ty,
    })
}

fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {}
            '(' | ')' | '[' | ']' => out.push(c.to_string()),
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push("->".into());
            }
            _ => {
                let mut word = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_alphanumeric() || d == '#' || d == '_' {
                        word.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(word);
            }
        }
    }
    out
}

fn parse_fun(tokens: &[String], pos: &mut usize, vars: &mut Vec<String>) -> Option<Type> {
    let mut arg = parse_atom(tokens, pos, vars)?;
    while tokens.get(*pos).is_some_and(|t| t != "->" && t != ")" && t != "]") {
        arg = Type::app(arg, parse_atom(tokens, pos, vars)?);
    }
    if tokens.get(*pos).map(String::as_str) == Some("->") {
        *pos += 1;
        let res = parse_fun(tokens, pos, vars)?;
        return Some(Type::fun(arg, res));
    }
    Some(arg)
}

fn parse_atom(tokens: &[String], pos: &mut usize, vars: &mut Vec<String>) -> Option<Type> {
    let tok = tokens.get(*pos)?;
    *pos += 1;
    if tok == "(" {
        if tokens.get(*pos).map(String::as_str) == Some(")") {
            *pos += 1;
            return Some(Type::con(wired::UNIT));
        }
        let t = parse_fun(tokens, pos, vars)?;
        (tokens.get(*pos).map(String::as_str) == Some(")")).then_some(())?;
        *pos += 1;
        return Some(t);
    }
    if tok == "[" {
        let t = parse_fun(tokens, pos, vars)?;
        (tokens.get(*pos).map(String::as_str) == Some("]")).then_some(())?;
        *pos += 1;
        return Some(Type::app(Type::con(wired::LIST), t));
    }
    let first = tok.chars().next()?;
    if first.is_lowercase() {
        let i = match vars.iter().position(|v| v == tok) {
            Some(i) => i,
            None => {
                vars.push(tok.clone());
                vars.len() - 1
            }
        };
        return Some(Type::Gen(i as u32));
    }
    Some(Type::con(&format!("Prelude.{tok}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::show_scheme;

    #[test]
    fn every_primop_signature_parses() {
        let values = primop_values();
        assert_eq!(values.len(), PrimOp::ALL.len());
        let catch = values.iter().find(|v| &*v.name == "Prelude.catch#").map(|v| show_scheme(&v.scheme));
        assert_eq!(catch.as_deref(), Some("(RealWorld -> r) -> (e -> RealWorld -> r) -> RealWorld -> r"));
    }

    #[test]
    fn signatures_apply_unlifted_pointer_types() {
        let s = parse_signature("MutVar# a -> a -> RealWorld -> IORes (Array# b)").map(|s| show_scheme(&s));
        assert_eq!(s.as_deref(), Some("MutVar# a -> a -> RealWorld -> IORes (Array# b)"));
        let s = parse_signature("Int# -> [Char] -> RealWorld -> IORes [Char]").map(|s| show_scheme(&s));
        assert_eq!(s.as_deref(), Some("Int# -> [Char] -> RealWorld -> IORes [Char]"));
        let s = parse_signature("Weak# v -> RealWorld -> IORes (RealWorld -> IORes ())").map(|s| show_scheme(&s));
        assert_eq!(s.as_deref(), Some("Weak# v -> RealWorld -> IORes (RealWorld -> IORes ())"));
        let w = wired_in();
        for name in ["Prelude.ByteArray#", "Prelude.MutableByteArray#", "Prelude.BigInt#"] {
            assert!(w.tycons.iter().any(|t| &*t.name == name && t.arity == 0), "{name}");
        }
        for name in ["Prelude.MutVar#", "Prelude.Array#", "Prelude.MutableArray#", "Prelude.Weak#"] {
            assert!(w.tycons.iter().any(|t| &*t.name == name && t.arity == 1), "{name}");
        }
    }

    #[test]
    fn tuples_and_lists_are_wired_in() {
        let w = wired_in();
        assert!(w.values.iter().any(|v| &*v.name == "Prelude.(,,,,,,)"));
        let cons = w.values.iter().find(|v| &*v.name == "Prelude.:").map(|v| show_scheme(&v.scheme));
        assert_eq!(cons.as_deref(), Some("a -> [a] -> [a]"));
    }
}
