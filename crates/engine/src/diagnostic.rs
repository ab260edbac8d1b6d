//! Problems found in a trial definition, each tied to the spot in the text that causes it.

use std::fmt::Write;

/// A byte range in the definition text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The same span moved by `offset` bytes: rule spans are relative to the rule's string.
    pub fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// What went wrong; one documented variant per kind of author mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is not valid TOML, or a key has the wrong shape.
    Syntax,
    /// A rule is not a valid expression.
    RuleSyntax,
    /// A rule or setting names a question that does not exist.
    UnknownQuestion,
    /// A rule names an option the question does not have.
    UnknownOption,
    /// A rule compares a question with a value of another type.
    TypeMismatch,
    /// Two questions, criteria or options share an id.
    DuplicateId,
    /// A text lacks one of the required languages.
    MissingTranslation,
    /// A question that no rule uses would be asked for nothing.
    UnusedQuestion,
    /// A comparison that no allowed answer can satisfy.
    Unsatisfiable,
    /// A rule names a question asked only of some people without naming who.
    UnguardedQuestion,
    /// A value that is not allowed where it stands (an id, a kind, a date...).
    InvalidValue,
}

impl DiagnosticKind {
    /// The short name shown in brackets after `error`.
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::Syntax => "syntax",
            DiagnosticKind::RuleSyntax => "rule-syntax",
            DiagnosticKind::UnknownQuestion => "unknown-question",
            DiagnosticKind::UnknownOption => "unknown-option",
            DiagnosticKind::TypeMismatch => "type-mismatch",
            DiagnosticKind::DuplicateId => "duplicate-id",
            DiagnosticKind::MissingTranslation => "missing-translation",
            DiagnosticKind::UnusedQuestion => "unused-question",
            DiagnosticKind::Unsatisfiable => "unsatisfiable",
            DiagnosticKind::UnguardedQuestion => "unguarded-question",
            DiagnosticKind::InvalidValue => "invalid-value",
        }
    }
}

/// One problem in a definition, with the spot that causes it and, optionally, a related spot.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub span: Span,
    pub message: String,
    /// A second spot that explains the first, such as where a duplicate id was first defined.
    pub related: Option<(Span, String)>,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind,
            span,
            message: message.into(),
            related: None,
        }
    }

    pub fn with_related(mut self, span: Span, note: impl Into<String>) -> Diagnostic {
        self.related = Some((span, note.into()));
        self
    }

    /// Renders the diagnostic as the CLI shows it, and the web app through the engine's module:
    ///
    /// ```text
    /// error[unknown-question]: no question has the id `agee`
    ///   --> interact.toml:12:9
    ///    |
    /// 12 | rule = "agee >= 18"
    ///    |         ^^^^
    /// ```
    pub fn render(&self, source: &str, path: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "error[{}]: {}", self.kind.code(), self.message);
        render_excerpt(&mut out, source, path, self.span, None);
        if let Some((span, note)) = &self.related {
            let note = Some(note.as_str()).filter(|n| !n.is_empty());
            render_excerpt(&mut out, source, path, *span, note);
        }
        out
    }
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end clamp to it.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn render_excerpt(out: &mut String, source: &str, path: &str, span: Span, note: Option<&str>) {
    let (line, column) = line_column(source, span.start);
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad}--> {path}:{line}:{column}");
    let text = source.lines().nth(line - 1).unwrap_or("");
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{line} | {text}");
    // The caret run covers the span, but never past the end of its first line.
    let start = floor_char_boundary(source, span.start);
    let line_rest = source[start..].split('\n').next().unwrap_or("");
    let end = floor_char_boundary(source, span.end.max(span.start)).min(start + line_rest.len());
    let width = source[start..end].chars().count().max(1);
    let indent = " ".repeat(column - 1);
    let carets = "^".repeat(width);
    match note {
        Some(note) => {
            let _ = writeln!(out, "{pad} | {indent}{carets} {note}");
        }
        None => {
            let _ = writeln!(out, "{pad} | {indent}{carets}");
        }
    }
}

/// Puts diagnostics in the order of the text, keeping the order they were found in for the same
/// spot. One sort for every phase: an unstable sort keyed by position and finding order is as
/// stable as a stable one, and much smaller in the web build.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    let mut keyed: Vec<(usize, usize, usize)> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| (d.span.start, d.span.end, i))
        .collect();
    keyed.sort_unstable();
    let order: Vec<Diagnostic> = keyed
        .iter()
        .map(|&(_, _, i)| diagnostics[i].clone())
        .collect();
    diagnostics.clone_from_slice(&order);
}

/// Renders every diagnostic, separated by blank lines, followed by a one-line count.
pub fn render_all(diagnostics: &[Diagnostic], source: &str, path: &str) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.render(source, path));
        out.push('\n');
    }
    let n = diagnostics.len();
    let _ = writeln!(out, "{path}: {n} problem{}", if n == 1 { "" } else { "s" });
    out
}
