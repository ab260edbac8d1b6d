//! The TOML document as a tree that keeps the span of every key and value, in the order written,
//! and the rules of how tables are made, with a message for each way of breaking them.
//!
//! `toml_parser` reads the syntax and reports its mistakes; it builds no tree, so [`super::parse`]
//! builds this one from its events. The `toml` crate's own tree (`DeTable`) would have done, but
//! it cost the engine's wasm a quarter more (it also parses dates, which definitions write as
//! strings); and its errors lose the spot a key was first defined, which these messages keep.
//! tests/tree.rs checks that this tree is the one `toml` builds.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

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

impl Array {
    /// A plain array, `[...]`.
    pub(super) fn new() -> Array {
        Array {
            values: Vec::new(),
            of_tables: false,
        }
    }
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
    pub(super) fn inline() -> Table {
        Table::new(How::Inline)
    }

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

/// One part of a key, as the parser decoded it, with its span as written.
pub(super) struct Key {
    pub name: String,
    pub span: Span,
}

pub(super) fn error(span: Span, message: String) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Syntax, span, message)
}

/// The tree while it is being built: the root and the section that keys go to.
pub(super) struct Document {
    pub root: Table,
    /// The table the last header opened, as entry indices from the root (an array of tables
    /// standing for its last table), or `None` after a bad header: its keys then go to `scratch`.
    section: Option<Vec<usize>>,
    scratch: Table,
}

impl Document {
    pub fn new() -> Document {
        Document {
            root: Table::new(How::Header),
            section: Some(Vec::new()),
            scratch: Table::new(How::Header),
        }
    }

    /// The table that key/value lines go to.
    pub fn section(&mut self) -> &mut Table {
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

    /// A header begins: until it is read in full, and for good if it cannot be, the lines under
    /// it go nowhere (so they do not clash with the section before it).
    pub fn begin_header(&mut self) {
        self.section = None;
        self.scratch = Table::new(How::Header);
    }

    /// Makes the table a `[header]` or `[[header]]` names the section; when that breaks a rule,
    /// says why.
    pub fn header(
        &mut self,
        keys: &[Key],
        span: Span,
        array: bool,
        text: &str,
    ) -> Option<Diagnostic> {
        match self.open(keys, span, array, text) {
            Ok(path) => {
                self.section = Some(path);
                None
            }
            Err(d) => Some(d),
        }
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
pub(super) enum Dots {
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
pub(super) fn insert(
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
