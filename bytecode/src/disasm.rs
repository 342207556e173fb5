//! The readable disassembly of a compiled module (`--dump-bytecode`). Printing only.

use crate::unlinked::{CompiledModule, Literal, PtrRef, TopValue, UnlinkedBco};
use bhc_rts::instr::{decode, Operand, Src};
use std::fmt::{self, Write};

impl fmt::Display for CompiledModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "-- byte code for module {}", self.name)?;
        for con in &self.data_cons {
            writeln!(
                f,
                "-- con {} tag {}/{} fields {:?}",
                con.name, con.tag, con.family_size, con.fields
            )?;
        }
        for b in &self.bindings {
            match &b.value {
                TopValue::Fun(bco) => {
                    writeln!(f, "{} = function", b.name)?;
                    write!(f, "{bco}")?;
                }
                TopValue::Thunk { bco, updatable } => {
                    let kind = if *updatable {
                        "CAF"
                    } else {
                        "non-updatable thunk"
                    };
                    writeln!(f, "{} = {kind}", b.name)?;
                    write!(f, "{bco}")?;
                }
                TopValue::Con { con, args } => {
                    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                    writeln!(f, "{} = static {} {}", b.name, con.name, args.join(" "))?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Int(i) => write!(f, "{i}#"),
            Literal::Char(c) => write!(f, "{c:?}#"),
            Literal::Double(d) => write!(f, "{d:?}##"),
            Literal::String(s) => write!(f, "{:?}#", String::from_utf8_lossy(s)),
            Literal::ConInfo(con) => write!(f, "info {}", con.name),
            Literal::Bitmap(w) => write!(f, "bitmap {w:#b}"),
        }
    }
}

impl fmt::Display for PtrRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PtrRef::Global(g) => write!(f, "{g}"),
            PtrRef::Bco(b) => write!(f, "BCO {}", b.name),
            PtrRef::Con(con) => write!(f, "static {}", con.name),
        }
    }
}

impl UnlinkedBco {
    fn operand(&self, kind: Operand, w: u32, out: &mut String) -> fmt::Result {
        match kind {
            Operand::Off | Operand::Count | Operand::Table => write!(out, " {w}"),
            Operand::Target => write!(out, " @{w}"),
            Operand::Lit => match self.literals.get(w as usize) {
                Some(l) => write!(out, " lit[{w}]={l}"),
                None => write!(out, " lit[{w}]=?"),
            },
            Operand::Ptr => match self.ptrs.get(w as usize) {
                Some(p) => write!(out, " ptr[{w}]={p}"),
                None => write!(out, " ptr[{w}]=?"),
            },
            Operand::Src => match Src::decode(w) {
                Src::Stack(i) => write!(out, " sp[{i}]"),
                Src::Lit(i) => self.operand(Operand::Lit, i, out),
                Src::Ptr(i) => self.operand(Operand::Ptr, i, out),
            },
        }
    }
}

impl fmt::Display for UnlinkedBco {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bits: String = self
            .bitmap
            .iter()
            .map(|&b| if b { 'p' } else { 'n' })
            .collect();
        match self.continuation {
            Some(ptr) => {
                let value = if ptr { "pointer" } else { "unboxed" };
                writeln!(f, "  BCO {} continuation ({value}) env [{bits}]", self.name)?;
            }
            None => writeln!(f, "  BCO {} arity {} args [{bits}]", self.name, self.arity)?,
        }
        writeln!(f, "    stack {} heap {}", self.max_stack, self.max_heap)?;
        let mut pc = 0;
        while pc < self.code.len() {
            let d = match decode(&self.code, pc) {
                Ok(d) => d,
                Err(e) => return writeln!(f, "    {e}"),
            };
            let mut line = format!("    {pc:4} {}", d.op.name());
            for (kind, &w) in d.op.operands().iter().zip(d.operands) {
                self.operand(*kind, w, &mut line)?;
            }
            if d.op.operands().last() == Some(&Operand::Table) {
                let targets: Vec<String> =
                    d.operands[2..].iter().map(|t| format!("@{t}")).collect();
                write!(line, " [{}]", targets.join(" "))?;
            }
            writeln!(f, "{line}")?;
            pc = d.next;
        }
        for p in &self.ptrs {
            if let PtrRef::Bco(b) = p {
                write!(f, "{b}")?;
            }
        }
        Ok(())
    }
}
