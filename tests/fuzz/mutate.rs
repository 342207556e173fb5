//! The fuzzer's mutator: turns seed Haskell programs into nearby broken (or still valid)
//! ones by editing them at the level of tokens and lines, the way a programmer's typo or
//! a half-finished edit would, plus pathological nesting and long sequences. It knows
//! Haskell only roughly (enough to cut text into tokens); it must not try to be a lexer
//! that agrees with bhc's, since disagreeing is part of the point.

/// A small deterministic generator (xorshift64*), so that a case is reproduced from its
/// seed alone, with no crate to fetch.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds give unrelated streams (and the
        // state is never 0, which xorshift cannot leave).
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// How many times to repeat a nesting or sequence: mostly small, sometimes right
    /// around the front end's nesting bounds (1000 and 5000, docs/diagnostics.md E0006),
    /// rarely far beyond them.
    fn depth(&mut self) -> usize {
        match self.below(100) {
            0..=59 => 1 + self.below(30),
            60..=79 => 30 + self.below(300),
            80..=89 => 980 + self.below(40),
            90..=96 => 4_980 + self.below(40),
            _ => 10_000 + self.below(20_000),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Spaces and tabs, newlines, comments: kept when tokens around them are edited.
    Blank,
    Word,
}

/// Cuts `src` into tokens whose concatenation is `src` again.
fn tokenize(src: &str) -> Vec<(Kind, String)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let symbol = |c: char| "!#$%&*+./<=>?@\\^|-~:".contains(c);
    while i < chars.len() {
        let start = i;
        let c = chars[i];
        let kind = if c == '\n' || c == ' ' || c == '\t' {
            while i < chars.len() && chars[i] == c {
                i += 1;
            }
            Kind::Blank
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            Kind::Blank
        } else if c == '{' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && !(chars[i] == '-' && chars.get(i + 1) == Some(&'}')) {
                i += 1;
            }
            i = (i + 2).min(chars.len());
            Kind::Blank
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' && chars[i] != '\n' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i = (i + 1).min(chars.len());
            Kind::Word
        } else if c.is_alphanumeric() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '\'') {
                i += 1;
            }
            Kind::Word
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            Kind::Word
        } else if symbol(c) {
            while i < chars.len() && symbol(chars[i]) {
                i += 1;
            }
            Kind::Word
        } else {
            i += 1;
            Kind::Word
        };
        out.push((kind, chars[start..i].iter().collect()));
    }
    out
}

/// Tokens no seed program may contain but the lexer and parser must survive.
const NASTY: &[&str] = &[
    "{-", "-}", "\"", "'", "'\\", "\"\\", "\\&", "#", "0x", "0o", "0b", "1e", "1e999999", "1.", ".5", "99999999999999999999999",
    "x#", "(#", "#)", "\u{0}", "\t", "\r", "\u{feff}", "λ", "→", "∀", "∷", "⇒", "ℕ", "𝔸", "\u{202e}", "`", "``", ";;", "{;}",
    "@", "~", "!", "?x", "$(", "[|", "|]", "'[", "forall", "family", "foreign", "mdo", "proc", "rec", "pattern", "static",
    "default", "infix", "infixl 9", "infixr 0", "qualified", "hiding", "as", "module", "import", "_", "__", "(..)", "..",
    "(,)", "(,,,)", "()", "[]", "(->)", "(:)", "(-)", "(- 1)", "(`f`)", "\\case", "'\\SOH'", "'\\1114112'", "\"\\^@\"",
];

/// Keywords and punctuation of Haskell, always in the dictionary.
const KEYWORDS: &[&str] = &[
    "case", "class", "data", "default", "deriving", "do", "else", "if", "import", "in", "infix", "infixl", "infixr",
    "instance", "let", "module", "newtype", "of", "then", "type", "where", "=", "->", "<-", "::", "=>", "|", "\\", "(",
    ")", "[", "]", "{", "}", ",", ";", "`", "..", "-", "+", "*", ".", "$", ":", "!!", "++", ">>=", ">>", "<$>", "\n", "\n ",
    "\n  ", "\n    ", "\n\n",
];

/// What a word looks like, for replacements that keep a program parsing.
fn shape(word: &str) -> u8 {
    match word.chars().next() {
        Some(c) if c.is_lowercase() || c == '_' => 0,
        Some(c) if c.is_uppercase() => 1,
        Some(c) if c.is_ascii_digit() => 2,
        Some('"' | '\'') => 3,
        Some(c) if "!#$%&*+./<=>?@\\^|-~:".contains(c) => 4,
        _ => 5,
    }
}

/// The token dictionary: keywords, nasty tokens and every word of the corpus (also
/// grouped by shape).
pub struct Dictionary(Vec<String>, [Vec<String>; 6]);

impl Dictionary {
    pub fn new(corpus: &[String]) -> Dictionary {
        let mut words: Vec<String> = KEYWORDS.iter().chain(NASTY).map(|s| s.to_string()).collect();
        let mut seen = std::collections::BTreeSet::new();
        let mut shaped: [Vec<String>; 6] = Default::default();
        for src in corpus {
            for (kind, text) in tokenize(src) {
                if kind == Kind::Word && text.len() < 40 && seen.insert(text.clone()) {
                    if !KEYWORDS.contains(&text.as_str()) {
                        shaped[shape(&text) as usize].push(text.clone());
                    }
                    words.push(text);
                }
            }
        }
        Dictionary(words, shaped)
    }

    /// A corpus word of the same shape as `like` (an identifier for an identifier, an
    /// operator for an operator), or `like` itself.
    fn similar(&self, rng: &mut Rng, like: &str) -> String {
        let pool = &self.1[shape(like) as usize];
        if pool.is_empty() || KEYWORDS.contains(&like) {
            like.to_string()
        } else {
            rng.pick(pool).clone()
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    fn word(&self, rng: &mut Rng) -> String {
        // Keywords and punctuation a third of the time: they are what breaks structure.
        if rng.chance(33) {
            rng.pick(KEYWORDS).to_string()
        } else if rng.chance(10) {
            rng.pick(NASTY).to_string()
        } else {
            rng.pick(&self.0).clone()
        }
    }
}

/// Wrappers nested around a token: (before, after). Expressions, types and patterns.
const NESTINGS: &[(&str, &str)] = &[
    ("(", ")"), ("[", "]"), ("(", ",x)"), ("\\v -> ", ""), ("negate $ ", ""), ("let v = 1 in ", ""),
    ("if True then ", " else undefined"), ("case v of _ -> ", ""), ("Just ", ""), ("do { ", " }"), ("1 + ", ""),
    ("f (", ")"), ("Maybe (", ")"), ("(Just ", ")"), ("[x | x <- ", "]"), ("id . ", ""), ("- ", ""), ("x : ", ""),
    ("(\\y -> ", ") 1"), ("where { a = ", " }"), ("{- ", " -}"), ("(a -> ", ")"), ("forall a . ", ""), ("[", " ..]"),
    ("x `seq` ", ""), ("{ f = ", " }"), ("!", ""), ("~", ""), ("x@", ""),
];

/// Long flat sequences: (before, element, separator, after).
const SEQUENCES: &[(&str, &str, &str, &str)] = &[
    ("(", "1", ",", ")"), ("[", "1", ",", "]"), ("", "1", " + ", ""), ("", "x", " . ", ""), ("", "a", " -> ", ""),
    ("f", " x", "", ""), ("\\", "x", " ", " -> x"), ("", "x1 = 1", "\n", "\n"), ("data T = ", "A", " | ", "\n"),
    ("case x of {", " _ -> 1", ";", " }"), ("do {", " print 1", ";", " }"), ("f x", "\n  | x > 0 = x", "", "\n"),
    ("\"", "a", "", "\""), ("class C a where {", " m :: a", ";", " }"), ("data R = R {", " f :: Int", ",", " }"),
    ("", "(,)", " ", ""), ("(", "", ",", ")"), ("", "let x = 1 in", " ", " x"), ("g ", "(x)", " ", ""),
    ("f :: ", "C a", " => ", " a"), ("(", "Eq a", ", ", ") => a"), ("x where", " y = 1", "\n   ", "\n"),
];

fn nest(rng: &mut Rng) -> (String, String) {
    let (before, after) = *rng.pick(NESTINGS);
    let n = rng.depth();
    if rng.chance(20) {
        // The layout-sensitive form: each `do` one column further in.
        let mut s = String::new();
        for i in 0..n.min(6_000) {
            s.push_str("do\n");
            s.push_str(&" ".repeat(i + 1));
        }
        return (s, String::new());
    }
    (before.repeat(n), after.repeat(n))
}

fn sequence(rng: &mut Rng) -> String {
    let (before, element, separator, after) = *rng.pick(SEQUENCES);
    let n = rng.depth();
    let mut s = String::from(before);
    for i in 0..n {
        if i > 0 {
            s.push_str(separator);
        }
        s.push_str(element);
    }
    s.push_str(after);
    s
}

/// The mutation applied to a program, named so that a failure report says what was done.
pub fn mutate(rng: &mut Rng, seeds: &[String], dict: &Dictionary) -> (String, Vec<&'static str>) {
    let mut src = rng.pick(seeds).clone();
    let mut done = Vec::new();
    let rounds = 1 + rng.below(4) + if rng.chance(20) { rng.below(20) } else { 0 };
    // A third of the cases only make edits that mostly keep the program parsing.
    let gentle = rng.chance(33);
    for _ in 0..rounds {
        let (next, what) = mutate_once(rng, &src, seeds, dict, gentle);
        done.push(what);
        src = next;
        // Keep a case cheap: a few MB of text is plenty to find what size breaks.
        if src.len() > 4 << 20 {
            src.truncate(floor_boundary(&src, 4 << 20));
        }
    }
    (src, done)
}

/// `src` as literate Haskell: bird tracks with prose between (now and then without the
/// blank line the Report requires), or `\begin{code}` blocks.
pub fn literate(rng: &mut Rng, src: &str) -> String {
    let mut out = String::from("Some prose.\n\n");
    let latex = rng.chance(30);
    if latex {
        out.push_str("\\begin{code}\n");
    }
    for line in src.split_inclusive('\n') {
        if rng.chance(3) {
            let prose = if latex { "\\end{code}\ntext > here\n\\begin{code}\n" } else if rng.chance(50) { "\nprose\n\n" } else { "prose\n" };
            out.push_str(prose);
        }
        if !latex {
            out.push_str(if rng.chance(2) { ">" } else { "> " });
        }
        out.push_str(line);
    }
    if latex && rng.chance(80) {
        out.push_str("\n\\end{code}\n");
    }
    out
}

/// The largest char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn lines_of(src: &str) -> Vec<String> {
    src.split_inclusive('\n').map(str::to_string).collect()
}

fn mutate_once(rng: &mut Rng, src: &str, seeds: &[String], dict: &Dictionary, gentle: bool) -> (String, &'static str) {
    let mut toks = tokenize(src);
    let words: Vec<usize> = toks.iter().enumerate().filter(|(_, t)| t.0 == Kind::Word).map(|(i, _)| i).collect();
    let any_word = |rng: &mut Rng| if words.is_empty() { None } else { Some(*rng.pick(&words)) };
    let joined = |toks: &[(Kind, String)]| toks.iter().map(|t| t.1.as_str()).collect::<String>();
    let what = match if gentle { 20 + rng.below(5) } else { rng.below(26) } {
        0 | 1 => {
            if let Some(i) = any_word(rng) {
                toks.remove(i);
            }
            "delete a token"
        }
        2 => {
            if let Some(i) = any_word(rng) {
                let t = toks[i].clone();
                toks.insert(i, (Kind::Blank, " ".into()));
                toks.insert(i, t);
            }
            "duplicate a token"
        }
        3 => {
            if let (Some(i), Some(j)) = (any_word(rng), any_word(rng)) {
                toks.swap(i, j);
            }
            "swap two tokens"
        }
        4..=6 => {
            if let Some(i) = any_word(rng) {
                toks[i].1 = dict.word(rng);
            }
            "replace a token"
        }
        7 | 8 => {
            let at = rng.below(toks.len() + 1);
            toks.insert(at, (Kind::Word, format!(" {} ", dict.word(rng))));
            "insert a token"
        }
        9 => {
            // Rename every occurrence of one word: keeps the program parsing, so it
            // reaches the renamer and type checker with a consistent mistake.
            if let Some(i) = any_word(rng) {
                let (from, to) = (toks[i].1.clone(), dict.word(rng));
                for t in toks.iter_mut().filter(|t| t.1 == from) {
                    t.1 = to.clone();
                }
            }
            "rename a word everywhere"
        }
        10 => {
            let mut lines = lines_of(src);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                match rng.below(4) {
                    0 => {
                        lines.remove(i);
                    }
                    1 => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    2 => {
                        let j = rng.below(lines.len());
                        lines.swap(i, j);
                    }
                    _ => {
                        let other = lines_of(rng.pick(seeds).as_str());
                        if !other.is_empty() {
                            lines.insert(i, rng.pick(&other).clone());
                        }
                    }
                }
            }
            return (lines.concat(), "delete, duplicate, swap or import a line");
        }
        11 => {
            // Layout: move a line in or out.
            let mut lines = lines_of(src);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                let body = lines[i].trim_start_matches([' ', '\t']).to_string();
                let indent = match rng.below(5) {
                    0 => String::new(),
                    1 => " ".into(),
                    2 => "\t".into(),
                    3 => " ".repeat(rng.below(80)),
                    _ => {
                        let old = lines[i].len() - body.len();
                        " ".repeat((old + rng.below(3)).saturating_sub(1))
                    }
                };
                lines[i] = indent + &body;
            }
            return (lines.concat(), "change a line's indentation");
        }
        12 | 13 => {
            if let Some(i) = any_word(rng) {
                let (before, after) = nest(rng);
                toks[i].1 = format!("{before}{}{after}", toks[i].1);
            }
            "nest around a token"
        }
        14 => {
            let at = rng.below(toks.len() + 1);
            let s = sequence(rng);
            if rng.chance(50) {
                toks.insert(at, (Kind::Word, format!(" {s} ")));
            } else {
                toks.push((Kind::Word, format!("\n{s}\n")));
            }
            "insert a long sequence"
        }
        15 => {
            let cut = rng.below(src.len() + 1);
            return (src[..floor_boundary(src, cut)].to_string(), "truncate");
        }
        16 => {
            // Splice: this program's head with another's tail.
            let other = rng.pick(seeds);
            let a = floor_boundary(src, rng.below(src.len() + 1));
            let b = floor_boundary(other, rng.below(other.len() + 1));
            return (format!("{}{}", &src[..a], &other[b..]), "splice two programs");
        }
        17 => {
            // Whole declarations of another program appended: duplicate names, clashing
            // types and instances.
            let other = rng.pick(seeds);
            let body: String = lines_of(other).into_iter().filter(|l| !l.starts_with("module") && !l.starts_with("import")).collect();
            return (format!("{src}\n{body}"), "append another program's declarations");
        }
        18 => {
            let mut bytes = src.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                bytes.insert(at, rng.next() as u8);
            }
            return (String::from_utf8_lossy(&bytes).into_owned(), "insert random bytes");
        }
        20..=22 => {
            // Mostly still parses: the renamer and the type checker get to see it.
            if let Some(i) = any_word(rng) {
                toks[i].1 = dict.similar(rng, &toks[i].1);
            }
            "replace a word with a similar one"
        }
        23 => {
            if let Some(i) = any_word(rng) {
                let (from, to) = (toks[i].1.clone(), dict.similar(rng, &toks[i].1));
                for t in toks.iter_mut().filter(|t| t.1 == from) {
                    t.1 = to.clone();
                }
            }
            "rename a word everywhere to a similar one"
        }
        24 => {
            // A top-level declaration (a line at column 0 and the indented lines after
            // it) copied elsewhere: duplicate definitions, split clauses.
            let lines = lines_of(src);
            let tops: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with(|c: char| c.is_alphanumeric() || c == '(')).collect();
            if tops.is_empty() {
                return (src.to_string(), "copy a declaration (none)");
            }
            let start = *rng.pick(&tops);
            let end = (start + 1..lines.len()).find(|&i| !lines[i].starts_with([' ', '\t'])).unwrap_or(lines.len());
            let block: Vec<String> = lines[start..end].to_vec();
            let mut out = lines.clone();
            let at = *rng.pick(&tops);
            out.splice(at..at, block);
            return (out.concat(), "copy a declaration");
        }
        _ => {
            // Brackets: drop or add one, the commonest unbalanced edit.
            let brackets: Vec<usize> = words.iter().copied().filter(|&i| "()[]{}".contains(toks[i].1.as_str())).collect();
            if !brackets.is_empty() && rng.chance(60) {
                let i = *rng.pick(&brackets);
                toks.remove(i);
            } else {
                let at = rng.below(toks.len() + 1);
                toks.insert(at, (Kind::Word, rng.pick(&["(", ")", "[", "]", "{", "}"][..]).to_string()));
            }
            "unbalance brackets"
        }
    };
    (joined(&toks), what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_back_to_the_source() {
        let src = "module M where\n-- c\nf x = {- b -} x + 'a' - \"s\\\"t\"\n  where y = x'\n";
        assert_eq!(tokenize(src).into_iter().map(|t| t.1).collect::<String>(), src);
    }
}
