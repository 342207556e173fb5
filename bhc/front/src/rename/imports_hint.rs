//! The "missing import" help for names that are not in scope but that a base module the
//! program did not import exports (`sort` without `import Data.List`). The driver passes
//! the table of such names (`FrontOptions::known_exports`); this module only matches
//! not-in-scope diagnostics against it and must not resolve anything.

use bhc_syntax::Diagnostic;

/// Adds `add `import Data.List (sort)`` to each not-in-scope error whose name (read from
/// the source at the error's span) a known module exports. It replaces a near-miss
/// suggestion: the exact name elsewhere is the likelier fix.
pub fn add_import_hints(diags: &mut [Diagnostic], source: &str, known: &[(String, Vec<String>)]) {
    if known.is_empty() {
        return;
    }
    for d in diags.iter_mut().filter(|d| d.code == "E0101") {
        let span = d.span();
        let Some(text) = source.get(span.start as usize..span.end as usize) else { continue };
        let name = text.trim_start_matches('(').trim_end_matches(')').trim_matches('`');
        let (qualifier, bare) = match name.rfind('.') {
            Some(i) if i > 0 && name[..i].chars().next().is_some_and(char::is_uppercase) && i + 1 < name.len() => {
                (Some(&name[..i]), &name[i + 1..])
            }
            _ => (None, name),
        };
        let modules: Vec<&str> = known
            .iter()
            .filter(|(m, names)| names.iter().any(|n| n == bare) && qualifier.is_none_or(|q| q == m))
            .map(|(m, _)| m.as_str())
            .collect();
        let Some(first) = modules.first() else { continue };
        let item = if bare.starts_with(|c: char| c.is_alphanumeric() || c == '_') { bare.to_string() } else { format!("({bare})") };
        let mut help = match qualifier {
            Some(q) => format!("add `import qualified {q}`"),
            None => format!("`{bare}` is exported by `{first}`: add `import {first} ({item})`"),
        };
        if modules.len() > 1 && qualifier.is_none() {
            let others: Vec<String> = modules[1..].iter().map(|m| format!("`{m}`")).collect();
            help.push_str(&format!(" (also exported by {})", others.join(", ")));
        }
        d.help = Some(help);
    }
}
