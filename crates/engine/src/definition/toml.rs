//! A small TOML reader that keeps the span of every key and value, written for trial definitions
//! so that the web build need not carry a general TOML library.
//!
//! It reads TOML 1.1 (comments; bare, quoted and dotted keys; `[table]` and `[[array.of.tables]]`
//! headers; inline tables, over several lines if need be; arrays; the four kinds of strings with
//! every escape; integers in any base; floats; booleans) and builds the same tree as the `toml`
//! crate, which tests/toml_subset.rs checks, except that it refuses, saying they are not
//! supported:
//! - dates and times without quotes (`2026-06-01`): definitions write dates as strings;
//! - arrays and inline tables nested more than [`MAX_DEPTH`] deep;
//! - a line break between a key, its `=` and its value inside an inline table, which TOML does
//!   not allow either, though the `toml` crate does.
//!
//! Integers must fit in an `i64` and floats must be finite unless written `inf`, as `toml` asks
//! when it converts them. Every error comes with the span to point at, and reading goes on at the
//! next line, so that one run finds several mistakes. It never panics.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

/// How deeply arrays and inline tables may nest.
pub const MAX_DEPTH: usize = 64;

/// A value with the span of its text: for a string, the quotes included; for a table, its header,
/// its `{ ... }`, or the key that first made it (`title` in `title.en = "..."`); for an array of
/// tables, its first header.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub span: Span,
    pub item: Item,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Array(Array),
    Table(Table),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Array {
    pub values: Vec<Value>,
    /// Made by `[[...]]` headers, so that more headers may add to it.
    of_tables: bool,
}

/// A table's entries, in the order their keys were first written.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub entries: Vec<Entry>,
    how: How,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    /// The key as written, quotes included; for a dotted key, the part that names this entry.
    pub key_span: Span,
    pub value: Value,
}

/// How a table came to be, which decides what may add to it later.
#[derive(Clone, Copy, Debug, PartialEq)]
enum How {
    /// The root, or a table with its own `[header]`.
    Header,
    /// Named on the way to another header (`a` in `[a.b]`): a later `[a]` may still define it.
    Path,
    /// Made by dotted keys (`a.b = 1`): only more dotted keys may add to it.
    Dotted,
    /// Written `{ ... }`: complete as written.
    Inline,
    /// Made by dotted keys inside an inline table.
    InlineDotted,
}

impl How {
    fn implicit(self) -> bool {
        matches!(self, How::Path | How::Dotted | How::InlineDotted)
    }
}

impl Table {
    fn new(how: How) -> Table {
        Table {
            entries: Vec::new(),
            how,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.value)
    }

    /// The entry for `key`, made with `value` when the table has none.
    fn entry(&mut self, key: &Key, value: impl FnOnce() -> Value) -> (usize, &mut Entry) {
        let i = match self.entries.iter().position(|e| e.key == key.name) {
            Some(i) => i,
            None => {
                self.entries.push(Entry {
                    key: key.name.clone(),
                    key_span: key.span,
                    value: value(),
                });
                self.entries.len() - 1
            }
        };
        (i, &mut self.entries[i])
    }
}

impl Value {
    /// The value's type as messages name it.
    pub fn type_str(&self) -> &'static str {
        match self.item {
            Item::String(_) => "string",
            Item::Integer(_) => "integer",
            Item::Float(_) => "float",
            Item::Boolean(_) => "boolean",
            Item::Array(_) => "array",
            Item::Table(_) => "table",
        }
    }
}

fn table_value(span: Span, how: How) -> Value {
    Value {
        span,
        item: Item::Table(Table::new(how)),
    }
}

/// Reads a TOML document: its root table, or every problem found, in order.
pub fn parse(source: &str) -> Result<Table, Vec<Diagnostic>> {
    let mut p = Parser {
        src: source,
        pos: if source.starts_with('\u{feff}') { 3 } else { 0 },
        nested: 0,
        errors: Vec::new(),
    };
    let mut doc = Document {
        root: Table::new(How::Header),
        section: Some(Vec::new()),
        scratch: Table::new(How::Header),
    };
    // After a syntax error inside an array or inline table, the lines that follow and fail too
    // are taken as the rest of it, not as mistakes of their own, until a header or a key/value
    // line reads cleanly.
    let mut resync = false;
    while p.pos < source.len() {
        let errors_before = p.errors.len();
        match p.line(&mut doc) {
            Ok(statement) => resync &= !statement,
            Err(Stop) => {
                if resync {
                    p.errors.truncate(errors_before);
                }
                resync |= p.nested > 0;
                p.nested = 0;
                p.skip_line();
            }
        }
    }
    if p.errors.is_empty() {
        Ok(doc.root)
    } else {
        crate::diagnostic::sort_by_position(&mut p.errors);
        Err(p.errors)
    }
}

/// A syntax error was reported and reading cannot go on from here: skip to the next line.
struct Stop;

type Read<T> = Result<T, Stop>;

struct Key {
    name: String,
    span: Span,
}

fn error(span: Span, message: String) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Syntax, span, message)
}

struct Document {
    root: Table,
    /// The table the last header opened, as entry indices from the root (an array of tables
    /// standing for its last table), or `None` after a bad header: its keys then go to `scratch`.
    section: Option<Vec<usize>>,
    scratch: Table,
}

impl Document {
    fn section(&mut self) -> &mut Table {
        let Some(path) = &self.section else {
            return &mut self.scratch;
        };
        let mut table = &mut self.root;
        for &i in path {
            let next = match table.entries.get_mut(i).map(|e| &mut e.value.item) {
                Some(Item::Table(t)) => Some(t),
                Some(Item::Array(a)) => match a.values.last_mut() {
                    Some(Value {
                        item: Item::Table(t),
                        ..
                    }) => Some(t),
                    _ => None,
                },
                _ => None,
            };
            match next {
                Some(t) => table = t,
                None => return &mut self.scratch,
            }
        }
        table
    }

    /// Opens the table that a `[header]` or `[[header]]` names; returns its path from the root.
    fn open(
        &mut self,
        keys: &[Key],
        span: Span,
        array: bool,
        header: &str,
    ) -> Result<Vec<usize>, Diagnostic> {
        let mut path = Vec::new();
        let Some((last, parents)) = keys.split_last() else {
            return Ok(path);
        };
        let mut table = &mut self.root;
        for key in parents {
            let (i, entry) = table.entry(key, || table_value(key.span, How::Path));
            path.push(i);
            table = descend(entry, key, Dots::Header)?;
        }
        let (i, entry) = table.entry(last, || {
            let item = if array {
                Item::Array(Array {
                    values: Vec::new(),
                    of_tables: true,
                })
            } else {
                Item::Table(Table::new(How::Path))
            };
            Value { span, item }
        });
        path.push(i);
        match &mut entry.value.item {
            Item::Table(t) if !array && t.how == How::Path => {
                t.how = How::Header;
                entry.value.span = span;
                entry.key_span = last.span;
            }
            Item::Array(a) if array && a.of_tables => a.values.push(table_value(span, How::Header)),
            item => {
                let name = &last.name;
                let message = match &*item {
                    Item::Table(t) if array && t.how != How::Inline => format!(
                        "`{name}` is already a table, so `{header}` cannot make it an array of tables"
                    ),
                    Item::Table(t) if t.how == How::Header => format!(
                        "the table `{header}` is already defined: write all its keys under one header"
                    ),
                    Item::Table(t) if t.how == How::Dotted => format!(
                        "`{name}` is already a table made by dotted keys, like `{name}.key = ...`, so it cannot also have a `{header}` header"
                    ),
                    Item::Array(a) if a.of_tables => format!(
                        "`{name}` is an array of tables: write `[{header}]` to add one more"
                    ),
                    other => format!(
                        "`{name}` is already {}, so `{header}` cannot define it",
                        described(other)
                    ),
                };
                let first = match item {
                    Item::Table(t) if t.how == How::Header => entry.value.span,
                    _ => entry.key_span,
                };
                return Err(error(last.span, message).with_related(first, "first defined here"));
            }
        }
        Ok(path)
    }
}

/// "an integer", "an inline table", ...: what a key already holds.
fn described(item: &Item) -> &'static str {
    match item {
        Item::String(_) => "a string",
        Item::Integer(_) => "an integer",
        Item::Float(_) => "a float",
        Item::Boolean(_) => "a boolean",
        Item::Array(a) if a.of_tables => "an array of tables",
        Item::Array(_) => "an array",
        Item::Table(t) if t.how == How::Inline => "an inline table",
        Item::Table(_) => "a table",
    }
}

/// Where a key path leads through tables.
#[derive(Clone, Copy, PartialEq)]
enum Dots {
    /// The leading keys of a header: through any table but an inline one.
    Header,
    /// A dotted key on its own line: through tables made by dotted keys or on a header's path.
    Line,
    /// A dotted key inside an inline table: through tables made by dotted keys there.
    Inline,
}

/// The table `entry` holds, for a key path to go on through.
fn descend<'t>(entry: &'t mut Entry, key: &Key, dots: Dots) -> Result<&'t mut Table, Diagnostic> {
    let name = &key.name;
    let message = match &entry.value.item {
        Item::Table(t) if t.how == How::Inline || (t.how == How::InlineDotted && dots != Dots::Inline) => format!(
            "`{name}` is an inline table, `{{ ... }}`, so nothing can be added to it: write the key inside its braces"
        ),
        Item::Table(t) if dots == Dots::Header || t.how.implicit() => String::new(),
        Item::Table(_) => {
            format!("`{name}` is a table with its own header: write this key under that header")
        }
        Item::Array(a) if a.of_tables && dots != Dots::Inline => String::new(),
        other => format!(
            "`{name}` is already {}, so it cannot also be a table",
            described(other)
        ),
    };
    let first = entry.key_span;
    let table = match &mut entry.value.item {
        Item::Table(t) => Some(t),
        Item::Array(a) => match a.values.last_mut() {
            Some(Value {
                item: Item::Table(t),
                ..
            }) => Some(t),
            _ => None,
        },
        _ => None,
    };
    match table {
        Some(t) if message.is_empty() => {
            if dots == Dots::Line && t.how == How::Path {
                t.how = How::Dotted;
            }
            Ok(t)
        }
        _ => Err(error(key.span, message).with_related(first, "first defined here")),
    }
}

/// Adds `value` at the key path `keys` (at least one key) under `table`.
fn insert(
    mut table: &mut Table,
    keys: Vec<Key>,
    value: Value,
    dots: Dots,
) -> Result<(), Diagnostic> {
    let mut keys = keys;
    let Some(last) = keys.pop() else {
        return Ok(());
    };
    let how = if dots == Dots::Inline {
        How::InlineDotted
    } else {
        How::Dotted
    };
    for key in &keys {
        let (_, entry) = table.entry(key, || table_value(key.span, how));
        table = descend(entry, key, dots)?;
    }
    if !keys.is_empty() && !table.how.implicit() {
        return Err(error(
            last.span,
            format!(
                "`{}` belongs under its table's own header, not in a dotted key",
                last.name
            ),
        ));
    }
    if let Some(first) = table.entries.iter().find(|e| e.key == last.name) {
        return Err(error(
            last.span,
            format!(
                "`{}` is set twice: a key may appear only once in a table",
                last.name
            ),
        )
        .with_related(first.key_span, "first set here"));
    }
    table.entries.push(Entry {
        key: last.name,
        key_span: last.span,
        value,
    });
    Ok(())
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// How many arrays and inline tables are open at the current position.
    nested: usize,
    errors: Vec<Diagnostic>,
}

pub(super) fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Characters not allowed as themselves in strings and comments (tab is allowed).
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.at(0)
    }

    fn at(&self, n: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + n).copied()
    }

    fn starts(&self, text: &str) -> bool {
        self.src
            .as_bytes()
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(text.as_bytes()))
    }

    fn char(&self) -> Option<char> {
        self.src
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    /// The span of the character at the current position (empty at the end).
    fn here(&self) -> Span {
        Span::new(self.pos, self.pos + self.char().map_or(0, char::len_utf8))
    }

    fn report(&mut self, span: Span, message: String) {
        self.errors.push(error(span, message));
    }

    fn fail<T>(&mut self, span: Span, message: String) -> Read<T> {
        self.report(span, message);
        Err(Stop)
    }

    /// What stands at the current position, for messages.
    fn found(&self) -> String {
        match self.char() {
            None => "the end of the file".into(),
            Some('\n') => "the end of the line".into(),
            Some('\r') if self.at(1) == Some(b'\n') => "the end of the line".into(),
            Some('#') => "a comment".into(),
            Some(c) if is_control(c) || c.is_whitespace() => {
                format!("the character U+{:04X}", c as u32)
            }
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn newline(&mut self) -> bool {
        match (self.peek(), self.at(1)) {
            (Some(b'\n'), _) => self.pos += 1,
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            _ => return false,
        }
        true
    }

    fn skip_line(&mut self) {
        match self.src.get(self.pos..).and_then(|rest| rest.find('\n')) {
            Some(n) => self.pos += n + 1,
            None => self.pos = self.src.len(),
        }
    }

    /// A comment, if one starts here, up to the end of its line.
    fn comment(&mut self) {
        if self.peek() != Some(b'#') {
            return;
        }
        // Byte by byte: every byte of a non-ASCII character is 0x80 or more, never a control.
        while let Some(b) = self.peek() {
            if b == b'\n' || b == b'\r' {
                break;
            }
            if is_control(char::from(b)) {
                self.report(
                    self.here(),
                    format!("a comment cannot hold the control character U+{b:04X}"),
                );
            }
            self.pos += 1;
        }
    }

    /// Spaces, comments and line ends, as allowed between the items of an array or inline table.
    fn blank(&mut self) {
        loop {
            self.skip_ws();
            self.comment();
            if !self.newline() {
                return;
            }
        }
    }

    /// One line: blank, a comment, a header or a key/value pair; says whether it held a
    /// header or a key/value pair.
    fn line(&mut self, doc: &mut Document) -> Read<bool> {
        self.skip_ws();
        let statement = match self.peek() {
            Some(b'[') => {
                self.header(doc)?;
                true
            }
            None | Some(b'#' | b'\n' | b'\r') => false,
            _ => {
                let (keys, value) = self.key_value(0)?;
                if let Err(d) = insert(doc.section(), keys, value, Dots::Line) {
                    self.errors.push(d);
                }
                true
            }
        };
        self.skip_ws();
        self.comment();
        if self.peek().is_none() || self.newline() {
            return Ok(statement);
        }
        let message = match self.peek() {
            Some(b'\r') => "a line must end with `\\n` or `\\r\\n`, not a lone `\\r`".to_string(),
            _ if statement => format!(
                "expected the end of the line, found {}: write each `key = value` on a line of its own, and start comments with `#`",
                self.found()
            ),
            _ => format!("expected the end of the line, found {}", self.found()),
        };
        self.fail(self.here(), message)
    }

    fn header(&mut self, doc: &mut Document) -> Read<()> {
        doc.section = None;
        doc.scratch = Table::new(How::Header);
        let start = self.pos;
        let array = self.starts("[[");
        self.pos += 1 + usize::from(array);
        self.skip_ws();
        let keys = self.keys()?;
        let close = if array { "]]" } else { "]" };
        if !self.starts(close) {
            let message = format!(
                "expected `{close}` to close the table header, found {}",
                self.found()
            );
            return self.fail(self.here(), message);
        }
        self.pos += close.len();
        let span = Span::new(start, self.pos);
        let header = self.src.get(start..self.pos).unwrap_or_default();
        match doc.open(&keys, span, array, header) {
            Ok(path) => doc.section = Some(path),
            Err(d) => self.errors.push(d),
        }
        Ok(())
    }

    /// A key, dotted or not, and the spaces after it.
    fn keys(&mut self) -> Read<Vec<Key>> {
        let mut keys = Vec::new();
        loop {
            keys.push(self.key()?);
            self.skip_ws();
            if !self.eat(b'.') {
                return Ok(keys);
            }
            self.skip_ws();
        }
    }

    fn key(&mut self) -> Read<Key> {
        let start = self.pos;
        let name = match self.peek() {
            Some(b'"' | b'\'') if self.starts("\"\"\"") || self.starts("'''") => {
                return self.fail(
                    Span::new(start, start + 3),
                    "a key cannot be a multi-line string: quote it with `\"` or `'`".to_string(),
                )
            }
            Some(b'"') => self.basic_string()?,
            Some(b'\'') => self.literal_string()?,
            Some(b) if is_bare(b) => {
                while self.peek().is_some_and(is_bare) {
                    self.pos += 1;
                }
                self.src
                    .get(start..self.pos)
                    .unwrap_or_default()
                    .to_string()
            }
            _ => {
                let message = format!(
                    "expected a key, found {}: keys are letters, digits, `_` and `-`, or text in quotes",
                    self.found()
                );
                return self.fail(self.here(), message);
            }
        };
        Ok(Key {
            name,
            span: Span::new(start, self.pos),
        })
    }

    fn key_value(&mut self, depth: usize) -> Read<(Vec<Key>, Value)> {
        let keys = self.keys()?;
        self.one_line(depth)?;
        if !self.eat(b'=') {
            let name = keys.last().map_or("", |k| k.name.as_str());
            let message = match self.peek() {
                Some(b) if is_bare(b) => format!(
                    "expected `=` after the key `{name}`, found {}: a key with spaces must be in quotes",
                    self.found()
                ),
                _ => format!("expected `=` after the key `{name}`, found {}", self.found()),
            };
            return self.fail(self.here(), message);
        }
        self.skip_ws();
        self.one_line(depth)?;
        Ok((keys, self.value(depth)?))
    }

    /// Inside an inline table, refuses a line break around `=` (TOML has none there, though the
    /// `toml` crate allows them).
    fn one_line(&mut self, depth: usize) -> Read<()> {
        if depth > 0 && (matches!(self.peek(), Some(b'\n' | b'#')) || self.starts("\r\n")) {
            let message = "a line break between a key, its `=` and its value is not supported: write them on one line".to_string();
            return self.fail(self.here(), message);
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Read<Value> {
        let start = self.pos;
        let item = match self.peek() {
            Some(b'"') if self.starts("\"\"\"") => Item::String(self.multi_line_string(b'"')?),
            Some(b'\'') if self.starts("'''") => Item::String(self.multi_line_string(b'\'')?),
            Some(b'"') => Item::String(self.basic_string()?),
            Some(b'\'') => Item::String(self.literal_string()?),
            Some(b'[' | b'{') => {
                if depth >= MAX_DEPTH {
                    let message = format!(
                        "arrays and inline tables nested more than {MAX_DEPTH} deep are not supported"
                    );
                    return self.fail(self.here(), message);
                }
                self.nested += 1;
                let item = if self.peek() == Some(b'[') {
                    self.array(depth + 1)?
                } else {
                    self.inline_table(depth + 1)?
                };
                self.nested -= 1;
                item
            }
            _ => self.bare_value()?,
        };
        Ok(Value {
            span: Span::new(start, self.pos),
            item,
        })
    }

    fn array(&mut self, depth: usize) -> Read<Item> {
        let start = self.pos;
        self.pos += 1;
        let mut values = Vec::new();
        loop {
            self.blank();
            if self.eat(b']') {
                break;
            }
            values.push(self.value(depth)?);
            self.blank();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                break;
            }
            return self.unclosed(start, ']', "an array");
        }
        Ok(Item::Array(Array {
            values,
            of_tables: false,
        }))
    }

    fn inline_table(&mut self, depth: usize) -> Read<Item> {
        let start = self.pos;
        self.pos += 1;
        let mut table = Table::new(How::Inline);
        loop {
            self.blank();
            if self.eat(b'}') {
                break;
            }
            let (keys, value) = self.key_value(depth)?;
            if let Err(d) = insert(&mut table, keys, value, Dots::Inline) {
                self.errors.push(d);
            }
            self.blank();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                break;
            }
            return self.unclosed(start, '}', "an inline table");
        }
        Ok(Item::Table(table))
    }

    fn unclosed<T>(&mut self, start: usize, close: char, what: &str) -> Read<T> {
        if self.peek().is_none() {
            let message = format!(
                "this {} is never closed: end it with `{close}`",
                what.trim_start_matches("an ")
            );
            return self.fail(Span::new(start, start + 1), message);
        }
        let message = format!(
            "expected `,` or `{close}` in {what}, found {}",
            self.found()
        );
        self.fail(self.here(), message)
    }

    /// A value without quotes or brackets: a boolean or a number; a date or time is refused.
    fn bare_value(&mut self) -> Read<Item> {
        let start = self.pos;
        while let Some(c) = self.char() {
            if c.is_control() || " ,[]{}#=\"'".contains(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        let bytes = self.src.as_bytes().get(start..self.pos).unwrap_or_default();
        let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let date = (0..4).all(digit) && bytes.get(4) == Some(&b'-');
        let time = digit(0) && digit(1) && bytes.get(2) == Some(&b':');
        if date || time {
            // A date and a time may be separated by a space: `1979-05-27 07:32:00`.
            if date && self.peek() == Some(b' ') && self.at(1).is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b":.+-".contains(&b))
                {
                    self.pos += 1;
                }
            }
            let text = self
                .src
                .get(start..self.pos)
                .unwrap_or_default()
                .to_string();
            self.report(
                Span::new(start, self.pos),
                "dates and times without quotes are not supported: write dates as strings, like \"2026-06-01\"".to_string(),
            );
            return Ok(Item::String(text));
        }
        let text = self.src.get(start..self.pos).unwrap_or_default();
        let span = Span::new(start, self.pos);
        match text {
            "true" => return Ok(Item::Boolean(true)),
            "false" => return Ok(Item::Boolean(false)),
            "" => {
                let message = format!("expected a value, found {}", self.found());
                return self.fail(self.here(), message);
            }
            _ => {}
        }
        match number(text) {
            Ok(item) => Ok(item),
            Err(message) => self.fail(span, message),
        }
    }

    /// A `"..."` string (the position at its opening quote), its escapes decoded.
    fn basic_string(&mut self) -> Read<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            self.plain(&mut out, b'"');
            match self.char() {
                Some('"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some('\\') => self.escape(&mut out),
                None | Some('\n') => return self.unclosed_string(start, '"'),
                Some('\r') if self.at(1) == Some(b'\n') => return self.unclosed_string(start, '"'),
                Some(c) => self.string_char(c, &mut out),
            }
        }
    }

    /// A `'...'` string: the text as written.
    fn literal_string(&mut self) -> Read<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            self.plain(&mut out, b'\'');
            match self.char() {
                Some('\'') => {
                    self.pos += 1;
                    return Ok(out);
                }
                None | Some('\n') => return self.unclosed_string(start, '\''),
                Some('\r') if self.at(1) == Some(b'\n') => {
                    return self.unclosed_string(start, '\'')
                }
                Some(c) => self.string_char(c, &mut out),
            }
        }
    }

    fn unclosed_string<T>(&mut self, start: usize, quote: char) -> Read<T> {
        let message = format!(
            "this string is not closed: end it with `{quote}` on the same line, or write text over several lines between `{quote}{quote}{quote}`"
        );
        self.fail(Span::new(start, self.pos), message)
    }

    /// A `"""..."""` or `'''...'''` string; a line end right after the opening quotes is dropped.
    fn multi_line_string(&mut self, quote: u8) -> Read<String> {
        let start = self.pos;
        self.pos += 3;
        self.newline();
        let mut out = String::new();
        loop {
            self.plain(&mut out, quote);
            let Some(c) = self.char() else {
                let q = char::from(quote);
                let message = format!("this string is never closed: end it with `{q}{q}{q}`");
                return self.fail(Span::new(start, start + 3), message);
            };
            if c == char::from(quote) {
                // Up to two quotes may end the text, right before the closing three.
                let mut n = 0;
                while self.at(n) == Some(quote) && n < 5 {
                    n += 1;
                }
                let end = n >= 3;
                let text = if end { n - 3 } else { n };
                out.extend(std::iter::repeat_n(char::from(quote), text));
                self.pos += n;
                if end {
                    return Ok(out);
                }
            } else if c == '\\' && quote == b'"' {
                // A backslash at the end of a line removes it and the spaces that follow.
                let mut after = self.pos + 1;
                let bytes = self.src.as_bytes();
                while matches!(bytes.get(after), Some(b' ' | b'\t')) {
                    after += 1;
                }
                let rest = bytes.get(after..).unwrap_or_default();
                if rest.starts_with(b"\n") || rest.starts_with(b"\r\n") {
                    self.pos = after;
                    while self.newline() || matches!(self.peek(), Some(b' ' | b'\t')) {
                        self.skip_ws();
                    }
                } else {
                    self.escape(&mut out);
                }
            } else if c == '\n' || (c == '\r' && self.at(1) == Some(b'\n')) {
                out.push_str(if c == '\n' { "\n" } else { "\r\n" });
                self.newline();
            } else {
                self.string_char(c, &mut out);
            }
        }
    }

    /// Copies the run of characters that stand for themselves in a string ending with `quote`.
    fn plain(&mut self, out: &mut String, quote: u8) {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b != quote && b != b'\\' && !is_control(char::from(b)))
        {
            self.pos += 1;
        }
        // The run ends at an ASCII byte or at the end, so on a character boundary.
        out.push_str(self.src.get(start..self.pos).unwrap_or_default());
    }

    /// A character of a string's text, taken as itself unless it is a control character.
    fn string_char(&mut self, c: char, out: &mut String) {
        if is_control(c) {
            let message = format!(
                "a string cannot hold the control character U+{0:04X}: write it as `\\u{0:04X}`",
                c as u32
            );
            self.report(self.here(), message);
        } else {
            out.push(c);
        }
        self.pos += c.len_utf8();
    }

    /// An escape, the position at its backslash. A line end after it is left for the caller.
    fn escape(&mut self, out: &mut String) {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.char() else {
            return;
        };
        let simple = match c {
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            '"' => '"',
            '\\' => '\\',
            'x' | 'u' | 'U' => {
                self.pos += 1;
                let len = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut code = 0u32;
                let mut n = 0;
                while n < len {
                    let Some(d) = self.peek().and_then(|b| char::from(b).to_digit(16)) else {
                        break;
                    };
                    code = code * 16 + d;
                    self.pos += 1;
                    n += 1;
                }
                let span = Span::new(start, self.pos);
                let written = self.src.get(start..self.pos).unwrap_or_default();
                match char::from_u32(code) {
                    _ if n < len => self.report(
                        span,
                        format!("`{written}` needs {len} hexadecimal digits after `\\{c}`, like `\\{c}{:0>len$}`", "e9"),
                    ),
                    Some(ch) => out.push(ch),
                    None => self.report(span, format!("`{written}` is not a Unicode character")),
                }
                return;
            }
            '\n' | '\r' => return,
            other => {
                self.pos += other.len_utf8();
                let written = self.src.get(start..self.pos).unwrap_or_default();
                self.report(
                    Span::new(start, self.pos),
                    format!("`{written}` is not an escape: write `\\\\` for a backslash, or put the text in single quotes"),
                );
                return;
            }
        };
        out.push(simple);
        self.pos += 1;
    }
}

/// A number as TOML writes it: `42`, `-1_000`, `0x2a`, `0o52`, `0b101010`, `4.2`, `1e-3`, `inf`,
/// `nan`, or a message saying what is wrong with `text`.
fn number(text: &str) -> Result<Item, String> {
    let invalid = || {
        format!("`{text}` is not a value: write text in quotes, like \"{text}\", a number, or true or false")
    };
    let (sign, body) = match text.strip_prefix(['+', '-']) {
        Some(body) => (&text[..1], body),
        None => ("", text),
    };
    let sign = if sign == "-" { -1.0 } else { 1.0 };
    match body {
        "inf" => return Ok(Item::Float(sign * f64::INFINITY)),
        "nan" => return Ok(Item::Float(sign * f64::NAN)),
        _ => {}
    }
    let point = || {
        format!("`{text}` is not a valid number: write digits on both sides of the `.`, like `0.5`")
    };
    if body.starts_with('.') {
        return Err(point());
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(invalid());
    }
    let too_large = || format!("`{text}` is too large a number");
    let radix = match body.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix != 10 {
        let digits = body.get(2..).unwrap_or_default();
        if text.len() != body.len() || !digits_ok(digits, radix) {
            return Err(invalid());
        }
        return i64::from_str_radix(&digits.replace('_', ""), radix)
            .map(Item::Integer)
            .map_err(|_| too_large());
    }
    let int_end = body.find(['.', 'e', 'E']).unwrap_or(body.len());
    let (int, mut rest) = body.split_at(int_end);
    if !digits_ok(int, 10) {
        return Err(invalid());
    }
    if int.len() > 1 && int.starts_with('0') {
        return Err(format!(
            "`{text}` is not a valid number: leave out the leading zeros"
        ));
    }
    let mut float = false;
    if let Some(after) = rest.strip_prefix('.') {
        let end = after.find(['e', 'E']).unwrap_or(after.len());
        if !digits_ok(&after[..end], 10) {
            return Err(point());
        }
        float = true;
        rest = &after[end..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        if !digits_ok(exponent.strip_prefix(['+', '-']).unwrap_or(exponent), 10) {
            return Err(invalid());
        }
        float = true;
    } else if !rest.is_empty() {
        return Err(invalid());
    }
    let clean = text.replace('_', "");
    if float {
        // Plain decimals only: what `f64` holds exactly before one scaling (text::parse_decimal).
        crate::text::parse_decimal(&clean).map(Item::Float).ok_or_else(|| {
            format!(
                "`{text}` is too large a number, or too precise: numbers of more than 15 significant \
                 digits or with an exponent beyond ±22 are not supported"
            )
        })
    } else {
        clean
            .parse::<i64>()
            .map(Item::Integer)
            .map_err(|_| too_large())
    }
}

/// Digits in `radix`, with single `_` between them.
fn digits_ok(digits: &str, radix: u32) -> bool {
    !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        // Bytes, not `contains("__")`: a string pattern brings core's two-way searcher (2 KB of wasm).
        && !digits.as_bytes().windows(2).any(|pair| pair == b"__")
        && digits.chars().all(|c| c == '_' || c.is_digit(radix))
}
