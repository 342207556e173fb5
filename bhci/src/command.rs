//! What the user typed at the prompt: a `:command` or Haskell input. Parsing only.

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Load(String),
    Reload,
    Type(String),
    Help,
    Quit,
    /// Haskell input: an expression (or, later, a definition).
    Eval(String),
    /// `import [qualified] M [as N]`.
    Import { module: String, qualified: bool, alias: String },
    /// A `:command` bhci does not know, or one used without its argument.
    Bad(String),
}

const COMMANDS: &[&str] = &["load", "reload", "type", "help", "quit", "?"];

/// `import [qualified] M [as N]`; import lists and `hiding` are not supported at the
/// prompt yet and say so.
fn parse_import(rest: &str) -> Command {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let (qualified, words) = match words.split_first() {
        Some((&"qualified", more)) => (true, more),
        _ => (false, words.as_slice()),
    };
    let is_module = |m: &str| m.split('.').all(|c| c.chars().next().is_some_and(char::is_uppercase) && c.chars().all(|x| x.is_alphanumeric() || x == '_' || x == '\''));
    match words {
        [m] if is_module(m) => Command::Import { module: m.to_string(), qualified, alias: m.to_string() },
        [m, "as", n] if is_module(m) && is_module(n) => Command::Import { module: m.to_string(), qualified, alias: n.to_string() },
        _ => Command::Bad("at the prompt, bhci supports `import [qualified] M [as N]` (no import lists or hiding yet)".into()),
    }
}

pub fn parse(line: &str) -> Command {
    let trimmed = line.trim();
    if let Some(rest) = trimmed.strip_prefix("import ") {
        return parse_import(rest);
    }
    let Some(rest) = trimmed.strip_prefix(':') else {
        return Command::Eval(line.to_string());
    };
    let (word, arg) = match rest.find(char::is_whitespace) {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    // GHCi accepts any unambiguous prefix; the first command in list order wins ties.
    let Some(name) = COMMANDS.iter().find(|c| !word.is_empty() && c.starts_with(word)) else {
        return Command::Bad(format!("unknown command ':{word}'\nuse :? for help."));
    };
    match (*name, arg) {
        ("load", "") => Command::Bad(":load needs a file name".into()),
        ("load", file) => Command::Load(file.to_string()),
        ("reload", _) => Command::Reload,
        ("type", "") => Command::Bad(":type needs an expression".into()),
        ("type", e) => Command::Type(e.to_string()),
        ("help" | "?", _) => Command::Help,
        _ => Command::Quit,
    }
}

pub const HELP: &str = "\
 Commands available from the prompt:

   <expression>          evaluate and print an expression, or run an IO action
   :load <file>          compile and load a module (:l)
   :reload               reload the current module (:r)
   :type <expr>          show the type of an expression (:t)
   :help, :?             show this list of commands
   :quit                 leave bhci (:q)
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_select_commands() {
        assert_eq!(parse(":l Foo.hs"), Command::Load("Foo.hs".into()));
        assert_eq!(parse(":r"), Command::Reload);
        assert_eq!(parse(":t map"), Command::Type("map".into()));
        assert_eq!(parse(":q"), Command::Quit);
        assert_eq!(parse(":?"), Command::Help);
        assert_eq!(parse("1 + 2"), Command::Eval("1 + 2".into()));
        assert!(matches!(parse(":frob"), Command::Bad(_)));
        assert!(matches!(parse(":load"), Command::Bad(_)));
        assert_eq!(parse("import Data.List"), Command::Import { module: "Data.List".into(), qualified: false, alias: "Data.List".into() });
        assert_eq!(parse("import qualified Data.Char as C"), Command::Import { module: "Data.Char".into(), qualified: true, alias: "C".into() });
        assert!(matches!(parse("import Data.List (sort)"), Command::Bad(_)));
    }
}
