//! TOML text → [`Table`], the span tree [`super::read`] walks. `toml_parser` lexes, parses and
//! decodes (TOML 1.1), reporting every syntax mistake and going on after each; `Builder` takes
//! its events and builds the tree, reporting what tables forbid (tree.rs), numbers beyond what
//! definitions hold, and dates without quotes. One run finds every mistake; it never panics.
//!
//! Nesting is bounded: tables, dotted keys, arrays and inline tables together at most
//! [`MAX_DEPTH`] deep. The parser recurses into arrays and inline tables only when the builder
//! lets it, and the tree, dropped recursively, is never deeper.

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, ParseError, Raw, Source};

use super::syntax;
use super::tree::{error, insert, Array, Document, Dots, Item, Key, Table, Value};
use crate::diagnostic::{Diagnostic, Span};

/// How deeply tables, keys and arrays may nest: definitions need four.
pub const MAX_DEPTH: usize = 64;

// A literal, not `format!` of MAX_DEPTH: every formatted message costs the wasm build.
const TOO_DEEP: &str = "nesting more than 64 deep (tables, dotted keys, arrays and inline tables \
                        together) is not supported: definitions need no more than four";

/// Reads a TOML document: its root table, or every problem found, in the order of the text.
pub fn parse(source: &str) -> Result<Table, Vec<Diagnostic>> {
    let tokens = Source::new(source).lex().into_vec();
    let mut builder = Builder {
        source,
        doc: Document::new(),
        keys: Vec::new(),
        header: None,
        section_depth: 0,
        open: Vec::new(),
        too_deep: false,
        errors: Vec::new(),
    };
    let mut mistakes: Vec<ParseError> = Vec::new();
    toml_parser::parser::parse_document(&tokens, &mut builder, &mut mistakes);
    let mut errors: Vec<Diagnostic> = mistakes
        .iter()
        .map(|mistake| syntax::diagnostic(mistake, source))
        .collect();
    errors.append(&mut builder.errors);
    if errors.is_empty() {
        return Ok(builder.doc.root);
    }
    crate::diagnostic::sort_by_position(&mut errors);
    Err(syntax::first_of_each_line(errors, source))
}

/// Builds the tree from the parser's events, in the order of the text.
struct Builder<'s> {
    source: &'s str,
    doc: Document,
    /// The parts of the key being read: a header's, or a key's before its `=`.
    keys: Vec<Key>,
    /// Where the header being read starts, and whether it is an `[[array]]` one.
    header: Option<(usize, bool)>,
    /// How deep the section's table is: the keys of its header (and one for an array's).
    section_depth: usize,
    /// The arrays and inline tables being read, innermost last.
    open: Vec<Open>,
    /// The key being read went past [`MAX_DEPTH`], which was reported: it and its value are
    /// dropped.
    too_deep: bool,
    errors: Vec<Diagnostic>,
}

/// An array or inline table being read.
struct Open {
    start: usize,
    /// The key it is the value of; none for an item of an array.
    keys: Vec<Key>,
    depth: usize,
    contents: Contents,
}

enum Contents {
    Array(Array),
    Table(Table),
    /// Too deep to read: what it holds is dropped with it.
    Dropped,
}

fn span(at: toml_parser::Span) -> Span {
    Span::new(at.start(), at.end())
}

impl<'s> Builder<'s> {
    fn text(&self, at: Span) -> &'s str {
        self.source.get(at.start..at.end).unwrap_or_default()
    }

    /// How deep a value read now sits: below the innermost open array, or at the end of its key.
    fn value_depth(&self) -> usize {
        match self.open.last() {
            Some(
                open @ Open {
                    contents: Contents::Array(_),
                    ..
                },
            ) => open.depth + 1,
            Some(open) => open.depth + self.keys.len(),
            None => self.section_depth + self.keys.len(),
        }
    }

    fn too_deep(&mut self, at: Span) {
        self.errors.push(error(at, TOO_DEEP.to_string()));
    }

    /// Puts a value read in full where it belongs: in the open array or inline table, or at its
    /// key in the section.
    fn put(&mut self, value: Value) {
        let keys = std::mem::take(&mut self.keys);
        if std::mem::take(&mut self.too_deep) {
            return;
        }
        let placed = match self.open.last_mut().map(|open| &mut open.contents) {
            Some(Contents::Array(array)) => {
                array.values.push(value);
                Ok(())
            }
            Some(Contents::Table(table)) => insert(table, keys, value, Dots::Inline),
            Some(Contents::Dropped) => Ok(()),
            None => insert(self.doc.section(), keys, value, Dots::Line),
        };
        if let Err(d) = placed {
            self.errors.push(d);
        }
    }

    /// An array or inline table begins; `false` (do not read it) when it is too deep.
    fn open(&mut self, at: Span, contents: Contents) -> bool {
        let depth = self.value_depth();
        let readable = !self.too_deep && depth <= MAX_DEPTH;
        if depth > MAX_DEPTH && !self.too_deep {
            self.too_deep(at);
        }
        let keys = std::mem::take(&mut self.keys);
        self.open.push(Open {
            start: at.start,
            keys,
            depth,
            contents: if readable {
                contents
            } else {
                Contents::Dropped
            },
        });
        readable
    }

    fn close(&mut self, at: Span) {
        let Some(open) = self.open.pop() else {
            return;
        };
        self.keys = open.keys;
        let item = match open.contents {
            Contents::Array(array) => Item::Array(array),
            Contents::Table(table) => Item::Table(table),
            Contents::Dropped => {
                self.keys.clear();
                self.too_deep = false;
                return;
            }
        };
        self.put(Value {
            span: Span::new(open.start, at.end),
            item,
        });
    }

    fn begin_header(&mut self, at: Span, array: bool) {
        self.doc.begin_header();
        self.header = Some((at.start, array));
        self.keys.clear();
        self.too_deep = false;
        self.open.clear();
    }

    fn end_header(&mut self, at: Span) {
        let Some((start, array)) = self.header.take() else {
            return;
        };
        let keys = std::mem::take(&mut self.keys);
        if std::mem::take(&mut self.too_deep) || keys.is_empty() {
            return;
        }
        let whole = Span::new(start, at.end);
        self.section_depth = keys.len() + usize::from(array);
        if let Some(d) = self.doc.header(&keys, whole, array, self.text(whole)) {
            self.errors.push(d);
        }
    }

    /// A scalar's value: the parser's decoding, with numbers made `i64` or `f64`.
    fn scalar_item(&mut self, at: Span, kind: ScalarKind, decoded: String) -> Item {
        match kind {
            ScalarKind::String => Item::String(decoded),
            ScalarKind::Boolean(b) => Item::Boolean(b),
            ScalarKind::Integer(radix) => match i64::from_str_radix(&decoded, radix.value()) {
                Ok(n) => Item::Integer(n),
                Err(_) => {
                    let message = "this number is too large for a definition";
                    self.errors.push(error(at, message.to_string()));
                    Item::Integer(0)
                }
            },
            ScalarKind::Float => match float(&decoded) {
                Some(x) => Item::Float(x),
                None => {
                    let message = "this number is too large or too precise: numbers of more than \
                                   15 significant digits or with an exponent beyond ±22 are not \
                                   supported";
                    self.errors.push(error(at, message.to_string()));
                    Item::Float(0.0)
                }
            },
            ScalarKind::DateTime => {
                self.errors.push(error(
                    at,
                    "dates and times without quotes are not supported: write dates as strings, \
                     like \"2026-06-01\""
                        .to_string(),
                ));
                Item::String(decoded)
            }
        }
    }
}

/// A float as the parser decodes it (`1.5`, `-6.022e23`, `inf`, `nan`): plain decimals only
/// (text::parse_decimal), which keeps core's general float parser out of the wasm build.
fn float(text: &str) -> Option<f64> {
    match text {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => crate::text::parse_decimal(text),
    }
}

/// An error sink that notes whether anything was reported to it.
struct Noting<'e> {
    sink: &'e mut dyn ErrorSink,
    reported: bool,
}

impl ErrorSink for Noting<'_> {
    fn report_error(&mut self, error: ParseError) {
        self.reported = true;
        self.sink.report_error(error);
    }
}

impl EventReceiver for Builder<'_> {
    fn std_table_open(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.begin_header(span(at), false);
    }

    fn std_table_close(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.end_header(span(at));
    }

    fn array_table_open(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.begin_header(span(at), true);
    }

    fn array_table_close(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.end_header(span(at));
    }

    fn inline_table_open(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) -> bool {
        self.open(span(at), Contents::Table(Table::inline()))
    }

    fn inline_table_close(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.close(span(at));
    }

    fn array_open(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) -> bool {
        self.open(span(at), Contents::Array(Array::new()))
    }

    fn array_close(&mut self, at: toml_parser::Span, _: &mut dyn ErrorSink) {
        self.close(span(at));
    }

    fn simple_key(
        &mut self,
        at: toml_parser::Span,
        encoding: Option<Encoding>,
        errors: &mut dyn ErrorSink,
    ) {
        if self.too_deep {
            return;
        }
        let here = span(at);
        let depth = match self.header {
            Some((_, array)) => self.keys.len() + 1 + usize::from(array),
            None => self.value_depth() + 1,
        };
        if depth > MAX_DEPTH {
            self.too_deep(here);
            self.too_deep = true;
            return;
        }
        let mut name = String::new();
        Raw::new_unchecked(self.text(here), encoding, at).decode_key(&mut name, errors);
        self.keys.push(Key { name, span: here });
    }

    fn scalar(
        &mut self,
        at: toml_parser::Span,
        encoding: Option<Encoding>,
        errors: &mut dyn ErrorSink,
    ) {
        let here = span(at);
        if at.is_empty() {
            // The parser stands an empty string in for a missing value, and says nothing.
            errors.report_error(ParseError::new("expected a value").with_unexpected(at));
            self.put(Value {
                span: here,
                item: Item::String(String::new()),
            });
            return;
        }
        let mut decoded = String::new();
        let mut noting = Noting {
            sink: errors,
            reported: false,
        };
        let kind = Raw::new_unchecked(self.text(here), encoding, at)
            .decode_scalar(&mut decoded, &mut noting);
        // A mistake in the text was reported: no second one about its value.
        let item = if noting.reported {
            Item::String(decoded)
        } else {
            self.scalar_item(here, kind, decoded)
        };
        self.put(Value { span: here, item });
    }

    fn comment(&mut self, at: toml_parser::Span, errors: &mut dyn ErrorSink) {
        Raw::new_unchecked(self.text(span(at)), None, at).decode_comment(errors);
    }

    fn newline(&mut self, at: toml_parser::Span, errors: &mut dyn ErrorSink) {
        Raw::new_unchecked(self.text(span(at)), None, at).decode_newline(errors);
        // A line left unfinished by a mistake ends here; so does a header that never closed.
        if self.open.is_empty() {
            self.keys.clear();
            self.too_deep = false;
            self.header = None;
        }
    }
}
