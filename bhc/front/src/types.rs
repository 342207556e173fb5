//! The type language shared by the type checker, interfaces and the REPL, in the style of
//! "Typing Haskell in Haskell": type constructors are applied with `App`, so higher kinds
//! need nothing special. Schemes quantify over `Gen` variables. This module defines the
//! data and its GHC-style printing; it must not unify or solve anything.

use std::collections::HashMap;
use std::rc::Rc;

/// An original (defining-module-qualified) name: `Prelude.map`, `Main.T`, `Prelude.[]`.
pub type Name = Rc<str>;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Con(Name),
    App(Rc<Type>, Rc<Type>),
    /// A variable bound by the enclosing `Scheme` (or instance), by position.
    Gen(u32),
    /// A unification variable; exists only while a module is being checked.
    Meta(u32),
    /// A rigid (skolem) variable from a signature being checked; checker-internal too.
    Rigid(u32),
    /// `forall names. context => body` inside a type (rank-N: `runST :: (forall s. ST s
    /// a) -> a`, `(forall a. Show a => a -> String) -> ..`). The variables are
    /// `Bound(0, i)` in the context and the body.
    Forall(Rc<[Rc<str>]>, Rc<[Pred]>, Rc<Type>),
    /// Variable `i` of the `forall` `d` levels out from here (de Bruijn), so that
    /// substitution never captures.
    Bound(u32, u32),
}

/// Names of the wired-in type constructors.
pub mod wired {
    pub const ARROW: &str = "Prelude.->";
    pub const LIST: &str = "Prelude.[]";
    pub const UNIT: &str = "Prelude.()";
    pub const CONS: &str = "Prelude.:";
    pub const INT_PRIM: &str = "Prelude.Int#";
    pub const CHAR_PRIM: &str = "Prelude.Char#";
    pub const DOUBLE_PRIM: &str = "Prelude.Double#";
    pub const ADDR_PRIM: &str = "Prelude.Addr#";
    /// Unlifted pointer types of the runtime's objects (never thunks), with their arities.
    pub const UNLIFTED_POINTERS: &[(&str, usize)] = &[
        ("Prelude.ByteArray#", 0),
        ("Prelude.MutableByteArray#", 0),
        ("Prelude.BigInt#", 0),
        ("Prelude.MutVar#", 1),
        ("Prelude.Array#", 1),
        ("Prelude.MutableArray#", 1),
        ("Prelude.Weak#", 1),
    ];

    /// `Prelude.(,)`, `Prelude.(,,)`, ... for `arity` >= 2.
    pub fn tuple(arity: usize) -> String {
        format!("Prelude.({})", ",".repeat(arity.saturating_sub(1)))
    }

    /// The arity of a tuple constructor name (unqualified or qualified), if it is one.
    pub fn tuple_arity(name: &str) -> Option<usize> {
        let bare = name.strip_prefix("Prelude.").unwrap_or(name);
        let inner = bare.strip_prefix('(')?.strip_suffix(')')?;
        (!inner.is_empty() && inner.chars().all(|c| c == ',')).then(|| inner.len() + 1)
    }
}

impl Type {
    pub fn con(name: &str) -> Type {
        Type::Con(Rc::from(name))
    }

    pub fn app(f: Type, a: Type) -> Type {
        Type::App(Rc::new(f), Rc::new(a))
    }

    pub fn fun(a: Type, b: Type) -> Type {
        Type::app(Type::app(Type::con(wired::ARROW), a), b)
    }

    pub fn list(a: Type) -> Type {
        Type::app(Type::con(wired::LIST), a)
    }

    pub fn tuple(ts: Vec<Type>) -> Type {
        if ts.is_empty() {
            return Type::con(wired::UNIT);
        }
        let mut t = Type::con(&wired::tuple(ts.len()));
        for a in ts {
            t = Type::app(t, a);
        }
        t
    }

    /// `(a -> b)` split into its parts.
    pub fn as_fun(&self) -> Option<(&Type, &Type)> {
        if let Type::App(f, b) = self {
            if let Type::App(arrow, a) = &**f {
                if matches!(&**arrow, Type::Con(n) if &**n == wired::ARROW) {
                    return Some((a, b));
                }
            }
        }
        None
    }

    /// The head and arguments of a type application spine.
    pub fn spine(&self) -> (&Type, Vec<&Type>) {
        let mut args = Vec::new();
        let mut t = self;
        while let Type::App(f, a) = t {
            args.push(&**a);
            t = f;
        }
        args.reverse();
        (t, args)
    }

    pub fn head_con(&self) -> Option<&Name> {
        match self.spine().0 {
            Type::Con(n) => Some(n),
            _ => None,
        }
    }

    /// Replace `Gen(i)` by `args[i]`.
    pub fn instantiate(&self, args: &[Type]) -> Type {
        self.instantiated(args).unwrap_or_else(|| self.clone())
    }

    /// The instantiated type, or `None` when `self` has no `Gen` to replace: unchanged
    /// subtrees are shared, not copied, since instantiating is the checker's most
    /// frequent allocation.
    fn instantiated(&self, args: &[Type]) -> Option<Type> {
        match self {
            Type::Gen(i) => args.get(*i as usize).cloned(),
            Type::App(f, a) => match (f.instantiated(args), a.instantiated(args)) {
                (None, None) => None,
                (nf, na) => Some(Type::App(
                    nf.map(Rc::new).unwrap_or_else(|| f.clone()),
                    na.map(Rc::new).unwrap_or_else(|| a.clone()),
                )),
            },
            Type::Forall(names, ctx, body) => {
                let new_ctx: Vec<Option<Type>> = ctx.iter().map(|p| p.ty.instantiated(args)).collect();
                let new_body = body.instantiated(args);
                if new_body.is_none() && new_ctx.iter().all(Option::is_none) {
                    return None;
                }
                let ctx = ctx
                    .iter()
                    .zip(new_ctx)
                    .map(|(p, t)| Pred { class: p.class.clone(), ty: t.unwrap_or_else(|| p.ty.clone()) })
                    .collect();
                Some(Type::Forall(names.clone(), ctx, new_body.map(Rc::new).unwrap_or_else(|| body.clone())))
            }
            _ => None,
        }
    }

    /// The body of `forall names. body` with its variables replaced by `args` (which
    /// hold no `Bound` variables).
    pub fn open_forall(body: &Type, args: &[Type]) -> Type {
        body.open_at(0, args)
    }

    /// The context of `forall names. context => body` with its variables replaced by
    /// `args`.
    pub fn open_context(context: &[Pred], args: &[Type]) -> Vec<Pred> {
        context.iter().map(|p| Pred { class: p.class.clone(), ty: p.ty.open_at(0, args) }).collect()
    }

    /// `self` with `Gen(first + i)` replaced by the variable `i` of a `forall` around
    /// it (`Bound`): the inverse of opening that `forall` at `Gen`s.
    pub fn bind_gens(&self, first: u32) -> Type {
        self.bind_gens_at(first, 0)
    }

    fn bind_gens_at(&self, first: u32, depth: u32) -> Type {
        match self {
            Type::Gen(i) if *i >= first => Type::Bound(depth, i - first),
            Type::App(f, a) => Type::app(f.bind_gens_at(first, depth), a.bind_gens_at(first, depth)),
            Type::Forall(names, ctx, body) => Type::map_forall(names, ctx, body, |t| t.bind_gens_at(first, depth + 1)),
            _ => self.clone(),
        }
    }

    /// Applies `f` to every type of a `forall`'s context and to its body.
    pub fn map_forall(names: &Rc<[Rc<str>]>, context: &[Pred], body: &Type, mut f: impl FnMut(&Type) -> Type) -> Type {
        let context = context.iter().map(|p| Pred { class: p.class.clone(), ty: f(&p.ty) }).collect();
        Type::Forall(names.clone(), context, Rc::new(f(body)))
    }

    fn open_at(&self, depth: u32, args: &[Type]) -> Type {
        match self {
            Type::Bound(d, i) if *d == depth => args.get(*i as usize).cloned().unwrap_or_else(|| self.clone()),
            Type::Bound(d, i) if *d > depth => Type::Bound(d - 1, *i),
            Type::App(f, a) => Type::app(f.open_at(depth, args), a.open_at(depth, args)),
            Type::Forall(names, ctx, body) => Type::map_forall(names, ctx, body, |t| t.open_at(depth + 1, args)),
            _ => self.clone(),
        }
    }
}

/// The kind of a type (Report §4.1.1): `*` for the types of values, `k1 -> k2` for type
/// constructors. Unboxed types count as `*` too (there is no levity here).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Star,
    Fun(Rc<Kind>, Rc<Kind>),
    /// A kind variable; exists only while kinds are being inferred.
    Var(u32),
}

impl Kind {
    pub fn fun(a: Kind, b: Kind) -> Kind {
        Kind::Fun(Rc::new(a), Rc::new(b))
    }

    /// `* -> ... -> *` with `arity` arguments: the kind of a type constructor whose
    /// parameters are all types of values.
    pub fn simple(arity: usize) -> Kind {
        (0..arity).fold(Kind::Star, |k, _| Kind::fun(Kind::Star, k))
    }

    /// How many type arguments a type of this kind takes.
    pub fn arity(&self) -> usize {
        match self {
            Kind::Fun(_, r) => 1 + r.arity(),
            _ => 0,
        }
    }
}

impl std::fmt::Display for Kind {
    /// GHC's notation: `* -> *`, `(* -> *) -> *`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Star => write!(f, "*"),
            Kind::Var(v) => write!(f, "k{v}"),
            Kind::Fun(a, r) => match &**a {
                Kind::Fun(..) => write!(f, "({a}) -> {r}"),
                _ => write!(f, "{a} -> {r}"),
            },
        }
    }
}

/// A class constraint `C t`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pred {
    pub class: Name,
    pub ty: Type,
}

impl Pred {
    pub fn instantiate(&self, args: &[Type]) -> Pred {
        Pred { class: self.class.clone(), ty: self.ty.instantiate(args) }
    }
}

/// `forall g0..g(n-1). context => ty`. `names` are the variable names from a signature,
/// used only for printing (empty when inferred).
#[derive(Clone, Debug, PartialEq)]
pub struct Scheme {
    pub vars: u32,
    pub names: Vec<Rc<str>>,
    pub context: Vec<Pred>,
    pub ty: Type,
}

impl Scheme {
    pub fn mono(ty: Type) -> Scheme {
        Scheme { vars: 0, names: Vec::new(), context: Vec::new(), ty }
    }
}

/// The unqualified part of an original name: `Prelude.map` -> `map`, `Prelude.(,)` -> `(,)`.
pub fn base_name(name: &str) -> &str {
    // A module name is a dot-separated sequence of capitalised identifiers; the entity
    // follows the last dot that ends such a sequence (operators may contain dots).
    let bytes = name.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while i < bytes.len() && bytes[i].is_ascii_uppercase() {
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'\'') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'.' && j + 1 < bytes.len() {
            last = j + 1;
            i = j + 1;
        } else {
            break;
        }
    }
    &name[last..]
}

/// The module part of an original name (`Prelude.map` -> `Prelude`).
pub fn module_of(name: &str) -> &str {
    let b = base_name(name);
    name.len().checked_sub(b.len() + 1).map(|n| &name[..n]).unwrap_or("")
}

/// Prints types the way GHC does: `(a -> b) -> [a] -> [b]`, `Num a => a -> a`.
pub struct Printer<'a> {
    /// Names for `Gen` variables; missing ones are named `a`, `b`, ... by first appearance.
    pub gen_names: Vec<Rc<str>>,
    /// Names for rigid and meta variables.
    pub var_names: &'a dyn Fn(&Type) -> Option<String>,
    assigned: HashMap<Type, String>,
    used: Vec<String>,
    /// The variables of the enclosing `forall`s, innermost last.
    bound: Vec<Rc<[Rc<str>]>>,
}

impl<'a> Printer<'a> {
    pub fn new(gen_names: Vec<Rc<str>>, var_names: &'a dyn Fn(&Type) -> Option<String>) -> Printer<'a> {
        let used = gen_names.iter().map(|n| n.to_string()).collect();
        Printer { gen_names, var_names, assigned: HashMap::new(), used, bound: Vec::new() }
    }

    fn fresh_letter(&mut self) -> String {
        let mut i = 0usize;
        loop {
            let letter = (b'a' + (i % 26) as u8) as char;
            let name = if i < 26 { letter.to_string() } else { format!("{letter}{}", i / 26) };
            if !self.used.contains(&name) {
                self.used.push(name.clone());
                return name;
            }
            i += 1;
        }
    }

    fn var_name(&mut self, t: &Type) -> String {
        if let Type::Bound(d, i) = t {
            let names = self.bound.len().checked_sub(1 + *d as usize).and_then(|k| self.bound.get(k));
            return names.and_then(|ns| ns.get(*i as usize)).map(|n| n.to_string()).unwrap_or_else(|| "?".into());
        }
        if let Type::Gen(i) = t {
            if let Some(n) = self.gen_names.get(*i as usize) {
                return n.to_string();
            }
        }
        if let Some(n) = self.assigned.get(t) {
            return n.clone();
        }
        let name = match t {
            Type::Gen(_) => self.fresh_letter(),
            _ => (self.var_names)(t).unwrap_or_else(|| self.fresh_letter()),
        };
        self.assigned.insert(t.clone(), name.clone());
        name
    }

    pub fn pred(&mut self, p: &Pred) -> String {
        let mut s = String::from(base_name(&p.class));
        s.push(' ');
        self.ty_prec(&p.ty, 2, &mut s);
        s
    }

    pub fn context(&mut self, ps: &[Pred]) -> String {
        match ps {
            [] => String::new(),
            [p] => format!("{} => ", self.pred(p)),
            _ => {
                let parts: Vec<String> = ps.iter().map(|p| self.pred(p)).collect();
                format!("({}) => ", parts.join(", "))
            }
        }
    }

    pub fn ty(&mut self, t: &Type) -> String {
        let mut s = String::new();
        self.ty_prec(t, 0, &mut s);
        s
    }

    /// Prints a scheme, naming variables in order of first appearance in the type (GHC's
    /// order), then the context.
    pub fn scheme(&mut self, s: &Scheme) -> String {
        let body = self.ty(&s.ty);
        let ctx = self.context(&s.context);
        format!("{ctx}{body}")
    }

    /// prec 0: top, 1: argument of `->`, 2: argument of an application.
    fn ty_prec(&mut self, t: &Type, prec: u8, out: &mut String) {
        if let Type::Forall(names, ctx, body) = t {
            if prec > 0 {
                out.push('(');
            }
            out.push_str("forall ");
            out.push_str(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" "));
            out.push_str(". ");
            self.bound.push(names.clone());
            let ctx = self.context(ctx);
            out.push_str(&ctx);
            self.ty_prec(body, 0, out);
            self.bound.pop();
            if prec > 0 {
                out.push(')');
            }
            return;
        }
        if let Some((a, b)) = t.as_fun() {
            if prec > 0 {
                out.push('(');
            }
            self.ty_prec(a, 1, out);
            out.push_str(" -> ");
            self.ty_prec(b, 0, out);
            if prec > 0 {
                out.push(')');
            }
            return;
        }
        let (head, args) = t.spine();
        match head {
            Type::Con(n) => {
                let n: &str = n;
                if n == wired::LIST && args.len() == 1 {
                    out.push('[');
                    self.ty_prec(args[0], 0, out);
                    out.push(']');
                    return;
                }
                if let Some(k) = wired::tuple_arity(n) {
                    if k == args.len() {
                        out.push('(');
                        for (i, a) in args.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.ty_prec(a, 0, out);
                        }
                        out.push(')');
                        return;
                    }
                }
                let name = if n == wired::ARROW { "(->)" } else { base_name(n) };
                self.apply(name.to_string(), &args, prec, out);
            }
            _ => {
                let name = self.var_name(head);
                self.apply(name, &args, prec, out);
            }
        }
    }

    fn apply(&mut self, head: String, args: &[&Type], prec: u8, out: &mut String) {
        if args.is_empty() {
            out.push_str(&head);
            return;
        }
        if prec > 1 {
            out.push('(');
        }
        out.push_str(&head);
        for a in args {
            out.push(' ');
            self.ty_prec(a, 2, out);
        }
        if prec > 1 {
            out.push(')');
        }
    }
}

/// Prints a closed scheme with default variable names.
pub fn show_scheme(s: &Scheme) -> String {
    let none = |_: &Type| None;
    Printer::new(s.names.clone(), &none).scheme(s)
}

/// Prints a type that has no meta or rigid variables.
pub fn show_type(t: &Type) -> String {
    let none = |_: &Type| None;
    Printer::new(Vec::new(), &none).ty(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_ghc() {
        let a = Type::Gen(0);
        let b = Type::Gen(1);
        let map = Scheme {
            vars: 2,
            names: Vec::new(),
            context: Vec::new(),
            ty: Type::fun(Type::fun(a.clone(), b.clone()), Type::fun(Type::list(a.clone()), Type::list(b))),
        };
        assert_eq!(show_scheme(&map), "(a -> b) -> [a] -> [b]");
        let num = Scheme {
            vars: 1,
            names: Vec::new(),
            context: vec![Pred { class: Rc::from("Prelude.Num"), ty: a.clone() }],
            ty: Type::fun(a.clone(), a.clone()),
        };
        assert_eq!(show_scheme(&num), "Num a => a -> a");
        let io = Type::app(Type::con("Prelude.IO"), Type::tuple(vec![]));
        assert_eq!(show_type(&io), "IO ()");
        let m = Type::app(Type::con("Prelude.Maybe"), Type::app(Type::con("Prelude.Maybe"), Type::con("Prelude.Int")));
        assert_eq!(show_type(&m), "Maybe (Maybe Int)");
        assert_eq!(show_type(&Type::tuple(vec![Type::con("Prelude.Int"), Type::con("Prelude.Char")])), "(Int, Char)");
        let st = Type::app(Type::app(Type::con("M.ST"), Type::Bound(0, 0)), a.clone());
        let run = Type::fun(Type::Forall(Rc::from(vec![Rc::from("s")]), Rc::from(vec![]), Rc::new(st.clone())), a.clone());
        let run_st = Scheme { vars: 1, names: Vec::new(), context: Vec::new(), ty: run };
        assert_eq!(show_scheme(&run_st), "(forall s. ST s a) -> a");
        let int = Type::con("Prelude.Int");
        assert_eq!(show_type(&Type::open_forall(&st, &[int])), "ST Int a");
    }

    #[test]
    fn prints_kinds_like_ghc() {
        assert_eq!(Kind::simple(2).to_string(), "* -> * -> *");
        let fix = Kind::fun(Kind::simple(1), Kind::Star);
        assert_eq!(fix.to_string(), "(* -> *) -> *");
        assert_eq!(fix.arity(), 1);
    }

    #[test]
    fn splits_original_names() {
        assert_eq!(base_name("Prelude.map"), "map");
        assert_eq!(base_name("Data.List.foldl'"), "foldl'");
        assert_eq!(base_name("Prelude.."), ".");
        assert_eq!(base_name("Prelude.(,)"), "(,)");
        assert_eq!(base_name("Main.<.>"), "<.>");
        assert_eq!(module_of("Data.List.map"), "Data.List");
    }
}
