//! What the user typed at the prompt: a `:command` or Haskell input. Parsing only.

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Load(String),
    Reload,
    Type(String),
    /// `:set` / `:unset` with their option words (`+s`).
    Set(Vec<String>),
    Unset(Vec<String>),
    Help,
    Quit,
    /// Haskell input: an expression (or, later, a definition).
    Eval(String),
    /// `import [qualified] M [as N]`.
    Import { module: String, qualified: bool, alias: String },
    /// A `:command` bhci does not know, or one used without its argument.
    Bad(String),
}

const COMMANDS: &[&str] = &["load", "reload", "type", "set", "unset", "help", "quit", "?"];

/// The options `:set` and `:unset` know.
const OPTIONS: &[&str] = &["+s"];

/// What a REPL option word means.
#[derive(Debug, PartialEq, Eq)]
pub enum Opt {
    /// `+s`: print the time and allocation of each evaluation.
    Timing,
    /// Anything else, with GHCi's message for it.
    Unknown(String),
}

pub fn option(word: &str) -> Opt {
    match word {
        "+s" => Opt::Timing,
        _ => match word.strip_prefix('+') {
            Some(name) => Opt::Unknown(format!("unknown option: '{name}'")),
            None => Opt::Unknown(format!("Some flags have not been recognized: {word}")),
        },
    }
}

/// Completions for the text before the cursor: command names after `:`, option words
/// after `:set`/`:unset`. Returns where the completed word starts and the candidates.
pub fn complete(before_cursor: &str) -> (usize, Vec<String>) {
    let Some(rest) = before_cursor.strip_prefix(':') else {
        return (0, Vec::new());
    };
    match rest.find(char::is_whitespace) {
        None => (1, COMMANDS.iter().filter(|c| c.starts_with(rest)).map(|c| c.to_string()).collect()),
        Some(i) if matches!(&rest[..i], "set" | "unset") => {
            let start = before_cursor.rfind(char::is_whitespace).map_or(0, |j| j + 1);
            let word = &before_cursor[start..];
            (start, OPTIONS.iter().filter(|o| o.starts_with(word)).map(|o| o.to_string()).collect())
        }
        Some(_) => (0, Vec::new()),
    }
}

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
        ("set", words) => Command::Set(words.split_whitespace().map(str::to_string).collect()),
        ("unset", words) => Command::Unset(words.split_whitespace().map(str::to_string).collect()),
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
   :set +s               print the time and allocation of each evaluation
   :unset +s             stop printing them
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
        assert_eq!(parse(":set +s"), Command::Set(vec!["+s".into()]));
        assert_eq!(parse(":s"), Command::Set(vec![]));
        assert_eq!(parse(":unset +s"), Command::Unset(vec!["+s".into()]));
    }

    #[test]
    fn options_and_their_errors() {
        assert_eq!(option("+s"), Opt::Timing);
        assert_eq!(option("+x"), Opt::Unknown("unknown option: 'x'".into()));
        assert_eq!(option("-fwhat"), Opt::Unknown("Some flags have not been recognized: -fwhat".into()));
    }

    #[test]
    fn completion_of_commands_and_options() {
        assert_eq!(complete(":se"), (1, vec!["set".to_string()]));
        assert_eq!(complete(":u"), (1, vec!["unset".to_string()]));
        assert_eq!(complete(":set +"), (5, vec!["+s".to_string()]));
        assert_eq!(complete(":unset "), (7, vec!["+s".to_string()]));
        assert_eq!(complete(":load Fo"), (0, vec![]));
        assert_eq!(complete("map"), (0, vec![]));
    }
}
