//! Writes a TOML tree ([`super::tree`]) back as text, in one layout whatever the source's: the
//! same tree always gives the same text, and [`super::parse::parse`] reads it back as that tree.
//!
//! A table's plain keys come first, then its tables under `[a.b]` headers and its arrays of tables
//! under `[[a.b]]` ones, in the order written. A text (a table of language codes and strings) is
//! written as dotted keys, `title.en = "..."`, as authors write texts; arrays of anything but
//! tables, and tables inside them, are written inline. Comments are not in the tree, so none are
//! written.
//!
//! Only the CLI writes TOML (`prescreen split`): clarity comes before size here.

use std::fmt::Write as _;

use super::tree::{is_bare, Array, Item, Table, Value};
use crate::text::Lang;

/// Appends `root` to `out`.
pub fn document(out: &mut String, root: &Table) {
    table(out, &mut Vec::new(), root);
}

/// A table's plain keys, then its tables, each under its header; `path` holds its own header's
/// keys.
fn table<'t>(out: &mut String, path: &mut Vec<&'t str>, t: &'t Table) {
    for pair in pairs(t, true) {
        let _ = writeln!(out, "{pair}");
    }
    for entry in &t.entries {
        path.push(&entry.key);
        match &entry.value.item {
            Item::Table(sub) if under_header(&entry.value) => {
                header(out, "[", path, "]");
                table(out, path, sub);
            }
            Item::Array(array) if of_tables(array) => {
                for value in &array.values {
                    if let Item::Table(sub) = &value.item {
                        header(out, "[[", path, "]]");
                        table(out, path, sub);
                    }
                }
            }
            _ => {}
        }
        path.pop();
    }
}

/// Whether a value is written under a header of its own rather than as `key = value`.
fn under_header(value: &Value) -> bool {
    match &value.item {
        Item::Table(t) => !is_text(t),
        Item::Array(array) => of_tables(array),
        _ => false,
    }
}

/// A text: a table whose keys are all language codes, each with a string.
pub(crate) fn is_text(table: &Table) -> bool {
    !table.entries.is_empty()
        && table.entries.iter().all(|e| {
            Lang::ALL.iter().any(|l| l.code() == e.key) && matches!(e.value.item, Item::String(_))
        })
}

/// An array written as `[[headers]]`: tables, at least one.
fn of_tables(array: &Array) -> bool {
    !array.values.is_empty()
        && array
            .values
            .iter()
            .all(|v| matches!(v.item, Item::Table(_)))
}

fn header(out: &mut String, open: &str, path: &[&str], close: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    let keys: Vec<String> = path.iter().map(|k| key(k)).collect();
    let _ = writeln!(out, "{open}{}{close}", keys.join("."));
}

/// A value on one line: a scalar, `[a, b]` or `{ k = v, text.en = "..." }`.
fn inline(value: &Value) -> String {
    match &value.item {
        Item::String(s) => string(s),
        Item::Integer(n) => n.to_string(),
        Item::Float(x) => float(*x),
        Item::Boolean(b) => b.to_string(),
        Item::Array(array) => {
            let values: Vec<String> = array.values.iter().map(inline).collect();
            format!("[{}]", values.join(", "))
        }
        Item::Table(t) if t.entries.is_empty() => "{}".to_string(),
        Item::Table(t) => format!("{{ {} }}", pairs(t, false).join(", ")),
    }
}

/// `key = value` for each of the table's entries, a text's as `key.en = "..."`; when `headers`,
/// only those that are not written under a header of their own.
fn pairs(t: &Table, headers: bool) -> Vec<String> {
    let mut pairs = Vec::new();
    for entry in &t.entries {
        if headers && under_header(&entry.value) {
            continue;
        }
        let k = key(&entry.key);
        match &entry.value.item {
            Item::Table(text) if is_text(text) => {
                for part in &text.entries {
                    pairs.push(format!("{k}.{} = {}", key(&part.key), inline(&part.value)));
                }
            }
            _ => pairs.push(format!("{k} = {}", inline(&entry.value))),
        }
    }
    pairs
}

/// A key, in quotes only when it has to be.
fn key(k: &str) -> String {
    if !k.is_empty() && k.bytes().all(is_bare) {
        k.to_string()
    } else {
        string(k)
    }
}

/// A basic string, `"..."`: quotes and backslashes escaped, and every control character, which
/// TOML does not allow as itself.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A float that reads back as the same float: never `5`, which TOML reads as an integer.
/// `Debug` writes the shortest digits that round-trip, always with a `.` or an exponent.
fn float(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{x:?}")
    }
}
