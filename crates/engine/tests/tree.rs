//! The TOML tree the engine builds from `toml_parser`'s events (src/definition/parse.rs and
//! tree.rs): the tree and its spans for every way of writing keys, tables and values; the rules
//! of tables, each broken with its message; numbers, dates and nesting a definition cannot hold;
//! syntax errors in one run; and agreement with the tree the `toml` crate builds, on interACT, on
//! generated definitions, on hand-written documents and on thousands of mangled ones. How strings,
//! escapes and numbers are decoded is toml_parser's, and its tests'; the agreement checks that
//! the tree holds what it decodes.

use std::collections::BTreeMap;

use prescreen_engine::definition::parse::{parse, MAX_DEPTH};
use prescreen_engine::definition::tree::{Item, Table, Value};
use prescreen_engine::diagnostic::{line_column, Diagnostic};
use prescreen_engine::generate::{definition, Rng, INTERACT_SIZE};
use toml::de::{DeTable, DeValue};

use crate::util::interact_source;

// ---------------------------------------------------------------------------------------------
// Rendering the tree, for one-line expectations.
// ---------------------------------------------------------------------------------------------

fn key_text(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

fn render_table(table: &Table) -> String {
    let entries: Vec<String> = table
        .entries
        .iter()
        .map(|e| format!("{}: {}", key_text(&e.key), render(&e.value)))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

fn render(value: &Value) -> String {
    match &value.item {
        Item::String(s) => format!("{s:?}"),
        Item::Integer(n) => n.to_string(),
        Item::Float(f) => format!("{f:?}"),
        Item::Boolean(b) => b.to_string(),
        Item::Array(a) => {
            let items: Vec<String> = a.values.iter().map(render).collect();
            format!("[{}]", items.join(", "))
        }
        Item::Table(t) => render_table(t),
    }
}

fn parsed(input: &str) -> Table {
    match parse(input) {
        Ok(table) => table,
        Err(errors) => panic!("{input:?} should read, but: {}", messages(input, &errors)),
    }
}

fn messages(input: &str, errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|d| {
            let (line, column) = line_column(input, d.span.start);
            format!("{line}:{column} {}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `input` reads as the document `expected`, and the `toml` crate reads it the same way.
#[track_caller]
fn check(input: &str, expected: &str) {
    assert_eq!(render_table(&parsed(input)), expected, "input: {input:?}");
    assert_eq!(ours(input), theirs(input), "input: {input:?}");
}

/// `path` (keys and array indexes, `/` between) in `input`: the text its key span covers ("" for
/// an array item) and the text its value span covers.
#[track_caller]
fn span(input: &str, path: &str, key: &str, value: &str) {
    let root = parsed(input);
    let mut current: Option<(&str, &Value)> = None;
    for step in path.split('/') {
        current = Some(match current.map(|(_, v)| &v.item) {
            None | Some(Item::Table(_)) => {
                let table = match current {
                    Some((
                        _,
                        Value {
                            item: Item::Table(t),
                            ..
                        },
                    )) => t,
                    _ => &root,
                };
                let e = table
                    .entries
                    .iter()
                    .find(|e| e.key == step)
                    .unwrap_or_else(|| panic!("{input:?}: no {step} in {path}"));
                (&input[e.key_span.start..e.key_span.end], &e.value)
            }
            Some(Item::Array(a)) => ("", &a.values[step.parse::<usize>().unwrap()]),
            Some(_) => panic!("{input:?}: {path} goes through a scalar"),
        });
    }
    let (found_key, v) = current.unwrap();
    assert_eq!(
        (found_key, &input[v.span.start..v.span.end]),
        (key, value),
        "{input:?} at {path}"
    );
    assert_eq!(ours(input), theirs(input), "input: {input:?}");
}

/// `input` fails with exactly these errors: line:column of each and a piece of its message.
/// The `toml` crate refuses it too, unless we say that what it holds is not supported.
#[track_caller]
fn fails(input: &str, expected: &[(&str, &str)]) {
    let errors = match parse(input) {
        Ok(table) => panic!(
            "{input:?} should fail, but reads as {}",
            render_table(&table)
        ),
        Err(errors) => errors,
    };
    let found: Vec<(String, &str)> = errors
        .iter()
        .map(|d| {
            let (line, column) = line_column(input, d.span.start);
            (format!("{line}:{column}"), d.message.as_str())
        })
        .collect();
    let matches = found.len() == expected.len()
        && found
            .iter()
            .zip(expected)
            .all(|((at, message), (want_at, want))| at == want_at && message.contains(want));
    assert!(
        matches,
        "{input:?}\n expected {expected:?}\n found    {found:?}"
    );
    agree(input).unwrap();
}

#[test]
fn numbers_and_booleans() {
    for (input, expected) in [
        ("n = 0", "{n: 0}"),
        ("n = +0", "{n: 0}"),
        ("n = -0", "{n: 0}"),
        ("n = 42", "{n: 42}"),
        ("n = -17", "{n: -17}"),
        ("n = 1_000_000", "{n: 1000000}"),
        ("n = 9223372036854775807", "{n: 9223372036854775807}"),
        ("n = -9223372036854775808", "{n: -9223372036854775808}"),
        ("n = 0xDEAD_beef", "{n: 3735928559}"),
        ("n = 0x7FFFFFFFFFFFFFFF", "{n: 9223372036854775807}"),
        ("n = 0o755", "{n: 493}"),
        ("n = 0b1010_1010", "{n: 170}"),
        ("n = 0x00", "{n: 0}"),
        ("f = 1.5", "{f: 1.5}"),
        ("f = -0.0", "{f: -0.0}"),
        ("f = +3.25", "{f: 3.25}"),
        ("f = 0.1", "{f: 0.1}"),
        ("f = 1e3", "{f: 1000.0}"),
        ("f = 1E3", "{f: 1000.0}"),
        ("f = 2e-3", "{f: 0.002}"),
        ("f = 1.5e+2", "{f: 150.0}"),
        ("f = 6.02_2e2_3", "{f: 6.022e23}"),
        ("f = 1e0_1", "{f: 10.0}"),
        ("f = 0e0", "{f: 0.0}"),
        ("f = inf", "{f: inf}"),
        ("f = +inf", "{f: inf}"),
        ("f = -inf", "{f: -inf}"),
        ("f = nan", "{f: NaN}"),
        ("f = -nan", "{f: NaN}"),
        ("b = true", "{b: true}"),
        ("b = false", "{b: false}"),
    ] {
        check(input, expected);
    }
}

#[test]
fn arrays_and_inline_tables() {
    let deepest = format!("a = {}1{}", "[".repeat(64), "]".repeat(64));
    let deepest_tree = format!("{{a: {}1{}}}", "[".repeat(64), "]".repeat(64));
    for (input, expected) in [
        ("a = []", "{a: []}"),
        ("a = [ ]", "{a: []}"),
        ("a = [1]", "{a: [1]}"),
        ("a = [1,2,]", "{a: [1, 2]}"),
        (
            "a = [1, 'two', 3.0, true, [4], {five = 5}]",
            r#"{a: [1, "two", 3.0, true, [4], {five: 5}]}"#,
        ),
        ("a = [[1, [2, [3]]], []]", "{a: [[1, [2, [3]]], []]}"),
        ("a = [\n  1, # one\n  # alone\n\n  2\n  ,\n]", "{a: [1, 2]}"),
        ("a = [\r\n 1,\r\n]", "{a: [1]}"),
        (
            "a = [\"]\", '[', \"\"\"\n]\"\"\"]",
            r#"{a: ["]", "[", "]"]}"#,
        ),
        ("t = {}", "{t: {}}"),
        ("t = { }", "{t: {}}"),
        ("t = {a=1,b=2}", "{t: {a: 1, b: 2}}"),
        ("t = { a = 1, }", "{t: {a: 1}}"),
        ("t = { a.b = 1, a.c = 2 }", "{t: {a: {b: 1, c: 2}}}"),
        ("t = { a = { b = { c = [] } } }", "{t: {a: {b: {c: []}}}}"),
        ("t = {\n  a = 1, # one\n  b = 2\n}", "{t: {a: 1, b: 2}}"),
        ("t = { \"q k\" = 1, 'l' = 2 }", r#"{t: {"q k": 1, l: 2}}"#),
        ("t = [{ a = 1 }, { a = 2 }]", "{t: [{a: 1}, {a: 2}]}"),
        (deepest.as_str(), deepest_tree.as_str()),
    ] {
        check(input, expected);
    }
}

#[test]
fn keys_and_tables() {
    for (input, expected) in [
        ("", "{}"),
        ("# only a comment", "{}"),
        ("\n\n  \t\n", "{}"),
        ("\u{feff}a = 1", "{a: 1}"),
        ("a = 1\r\nb = 2\r\n", "{a: 1, b: 2}"),
        ("a = 1 # comment", "{a: 1}"),
        ("a=1", "{a: 1}"),
        ("\t a \t=\t 1 \t", "{a: 1}"),
        ("bare_key-1 = 1", "{bare_key-1: 1}"),
        ("1234 = 1", "{1234: 1}"),
        ("true = 1", "{true: 1}"),
        ("inf = 1", "{inf: 1}"),
        ("\"quoted key\" = 1", r#"{"quoted key": 1}"#),
        ("\"\" = 1", r#"{"": 1}"#),
        ("'' = 1", r#"{"": 1}"#),
        ("\"\\u0061\" = 1", "{a: 1}"),
        ("'lit\\' = 1", r#"{"lit\\": 1}"#),
        ("a.b.c = 1", "{a: {b: {c: 1}}}"),
        ("a . b = 1", "{a: {b: 1}}"),
        ("\"a.b\".c = 1", r#"{"a.b": {c: 1}}"#),
        ("1.2 = 3", "{1: {2: 3}}"),
        ("a.b = 1\na.c = 2", "{a: {b: 1, c: 2}}"),
        ("a.b.c = 1\na.d = 2", "{a: {b: {c: 1}, d: 2}}"),
        ("[a]", "{a: {}}"),
        ("[a]\nx = 1\n[b]\ny = 2", "{a: {x: 1}, b: {y: 2}}"),
        ("[a.b.c]\nx = 1", "{a: {b: {c: {x: 1}}}}"),
        ("[ a . b ]", "{a: {b: {}}}"),
        ("[\"a b\".'c']", r#"{"a b": {c: {}}}"#),
        ("[a] # comment", "{a: {}}"),
        ("[a.b]\n[a]\nx = 1", "{a: {b: {}, x: 1}}"),
        ("[a.b.c]\n[a.b]\n[a]", "{a: {b: {c: {}}}}"),
        (
            "[a]\nb.c = 1\n[a.b.d]\ne = 2",
            "{a: {b: {c: 1, d: {e: 2}}}}",
        ),
        ("a.b = 1\n[a.c]", "{a: {b: 1, c: {}}}"),
        ("[a.b.c]\n[a]\nb.d = 1", "{a: {b: {c: {}, d: 1}}}"),
        ("[[a]]", "{a: [{}]}"),
        ("[[a]]\n[[a]]\nx = 1", "{a: [{}, {x: 1}]}"),
        ("[[ a ]]", "{a: [{}]}"),
        ("[[a.b]]\n[[a.b]]", "{a: {b: [{}, {}]}}"),
        (
            "[[q]]\nid = 1\n[[q.o]]\nid = 2\n[[q.o]]\nid = 3\n[[q]]\nid = 4\n[[q.o]]\nid = 5",
            "{q: [{id: 1, o: [{id: 2}, {id: 3}]}, {id: 4, o: [{id: 5}]}]}",
        ),
        (
            "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2",
            "{a: [{b: {x: 1}}, {b: {x: 2}}]}",
        ),
        ("[[a]]\nb.c = 1", "{a: [{b: {c: 1}}]}"),
        ("[[a.b]]\n[a]\nx = 1", "{a: {b: [{}], x: 1}}"),
        (
            "[trial]\ntitle.en = \"T\"\ntitle.it = \"T\"\n[trial.status]\ncountry = \"Italy\"",
            r#"{trial: {title: {en: "T", it: "T"}, status: {country: "Italy"}}}"#,
        ),
    ] {
        check(input, expected);
    }
}

#[test]
fn spans() {
    for (input, path, key, value) in [
        ("a = 1", "a", "a", "1"),
        ("a = -1_000", "a", "a", "-1_000"),
        ("a = 1.5e3 # c", "a", "a", "1.5e3"),
        ("a = true", "a", "a", "true"),
        (r#"a = "x\ty""#, "a", "a", r#""x\ty""#),
        ("a = 'x'", "a", "a", "'x'"),
        ("a = \"\"\"\nx\n\"\"\"", "a", "a", "\"\"\"\nx\n\"\"\""),
        ("a = '''x'''", "a", "a", "'''x'''"),
        ("a = \"é\"", "a", "a", "\"é\""),
        ("\"k\" = 1", "k", "\"k\"", "1"),
        ("'k' = 1", "k", "'k'", "1"),
        ("\u{feff}k = 1", "k", "k", "1"),
        ("a = [1, 22]", "a", "a", "[1, 22]"),
        ("a = [1, 22]", "a/1", "", "22"),
        ("a = [\n  1,\n]", "a", "a", "[\n  1,\n]"),
        ("a = { b = 'x' }", "a", "a", "{ b = 'x' }"),
        ("a = { b = 'x' }", "a/b", "b", "'x'"),
        ("a = { b.c = 1 }", "a/b", "b", "b"),
        ("a.b.c = 1", "a", "a", "a"),
        ("a.b.c = 1", "a/b", "b", "b"),
        ("a.b.c = 1", "a/b/c", "c", "1"),
        ("a . b = 1", "a/b", "b", "1"),
        ("[a]\nx = 1", "a", "a", "[a]"),
        ("[ a ]", "a", "a", "[ a ]"),
        ("[a.b]", "a", "a", "a"),
        ("[a.b]", "a/b", "b", "[a.b]"),
        ("[a.b]\n[ a ]", "a", "a", "[ a ]"),
        ("[[a]]\n[[ a ]]", "a", "a", "[[a]]"),
        ("[[a]]\n[[ a ]]", "a/0", "", "[[a]]"),
        ("[[a]]\n[[ a ]]", "a/1", "", "[[ a ]]"),
        ("[[q]]\n[[q.o]]\n[[ q.o ]]", "q/0/o", "o", "[[q.o]]"),
        ("[[q]]\n[[q.o]]\n[[ q.o ]]", "q/0/o/1", "", "[[ q.o ]]"),
        (
            "[[criterion]]\nid = 'x'",
            "criterion/0",
            "",
            "[[criterion]]",
        ),
        ("[trial]\ntitle.en = 'T'", "trial/title", "title", "title"),
        ("[\"a\".'b']", "a/b", "'b'", "[\"a\".'b']"),
    ] {
        span(input, path, key, value);
    }
    // A table made by dotted keys keeps the span of the key that first made it.
    let input = "x = 0\n  a.b = 1\na.c = 2";
    let root = parsed(input);
    assert_eq!(root.entries[1].value.span.start, input.find('a').unwrap());
}

#[test]
fn table_rules_are_broken_with_a_message_and_where_it_was_first_written() {
    for (input, expected, first) in [
        ("a = 1\na = 2", ("2:1", "`a` is set twice"), "a"),
        ("a = 1\n\"a\" = 2", ("2:1", "`a` is set twice"), "a"),
        ("t = { a = 1, a = 2 }", ("1:14", "`a` is set twice"), "a"),
        (
            "[a]\n[a]",
            ("2:2", "the table `[a]` is already defined"),
            "[a]",
        ),
        (
            "[a]\nb = 1\n[a]",
            ("3:2", "the table `[a]` is already defined"),
            "[a]",
        ),
        (
            "[a.b]\n[a]\n[a]",
            ("3:2", "the table `[a]` is already defined"),
            "[a]",
        ),
        ("a = 1\n[a]", ("2:2", "`a` is already an integer"), "a"),
        (
            "a = 1\na.b = 2",
            (
                "2:1",
                "`a` is already an integer, so it cannot also be a table",
            ),
            "a",
        ),
        ("a = 'x'\n[a.b]", ("2:2", "`a` is already a string"), "a"),
        ("a.b = 1\n[a]", ("2:2", "made by dotted keys"), "a"),
        ("[a]\nb.c = 1\n[a.b]", ("3:4", "made by dotted keys"), "b"),
        (
            "[a.b]\nc = 1\n[a]\nb.d = 2",
            ("4:1", "`b` is a table with its own header"),
            "b",
        ),
        (
            "[[a]]\n[a]",
            (
                "2:2",
                "`a` is an array of tables: write `[[a]]` to add one more",
            ),
            "a",
        ),
        (
            "[a]\n[[a]]",
            (
                "2:3",
                "`a` is already a table, so `[[a]]` cannot make it an array of tables",
            ),
            "[a]",
        ),
        ("a = [1]\n[[a]]", ("2:3", "`a` is already an array"), "a"),
        (
            "a = [{}]\n[a.b]",
            (
                "2:2",
                "`a` is already an array, so it cannot also be a table",
            ),
            "a",
        ),
        (
            "a = {}\n[a]",
            ("2:2", "`a` is already an inline table"),
            "a",
        ),
        (
            "a = { b = 1 }\na.c = 2",
            ("2:1", "`a` is an inline table"),
            "a",
        ),
        (
            "a = { b = 1 }\n[a.c]",
            ("2:2", "`a` is an inline table"),
            "a",
        ),
        (
            "t = { a = { b = 1 }, a.c = 2 }",
            ("1:22", "`a` is an inline table"),
            "a",
        ),
        (
            "t = { a = 1, a.b = 2 }",
            ("1:14", "`a` is already an integer"),
            "a",
        ),
    ] {
        fails(input, &[expected]);
        let errors = parse(input).unwrap_err();
        let (related, _) = errors[0]
            .related
            .clone()
            .expect("where it was first written");
        assert_eq!(&input[related.start..related.end], first, "{input:?}");
        assert!(related.start < errors[0].span.start, "{input:?}");
    }
}

#[test]
fn values_a_definition_cannot_hold_are_refused_saying_why() {
    for (input, expected) in [
        (
            "a = 2026-06-01",
            (
                "1:5",
                "dates and times without quotes are not supported: write dates as strings, like \"2026-06-01\"",
            ),
        ),
        ("a = 1979-05-27T07:32:00Z", ("1:5", "not supported")),
        ("a = 1979-05-27 07:32:00.5+01:00", ("1:5", "not supported")),
        ("a = 07:32:00", ("1:5", "not supported")),
        ("a = [2026-06-01, 1]", ("1:6", "not supported")),
        ("a = 9223372036854775808", ("1:5", "this number is too large")),
        ("a = -9223372036854775809", ("1:5", "this number is too large")),
        ("a = 0x8000000000000000", ("1:5", "this number is too large")),
        ("a = 1e999", ("1:5", "too large or too precise")),
        // Plain decimals only (text::parse_decimal): beyond them, said plainly.
        ("a = 1e-400", ("1:5", "not supported")),
        ("a = 1.7976931348623157e308", ("1:5", "not supported")),
    ] {
        fails(input, &[expected]);
    }
}

#[test]
fn the_commonest_syntax_errors_are_said_in_plain_words() {
    for (input, expected, carets) in [
        (
            "a = \"open\nb = 1",
            (
                "1:5",
                "this string is not closed: end it with `\"` on the same line, or write text over several lines between `\"\"\"`",
            ),
            "\"open",
        ),
        (
            "a = 'open",
            (
                "1:5",
                "this string is not closed: end it with `'` on the same line, or write text over several lines between `'''`",
            ),
            "'open",
        ),
        (
            "a = \"\"\"open\n\nb = 1",
            ("1:5", "this string is not closed: end it with `\"\"\"`"),
            "\"\"\"open\n\nb = 1",
        ),
        (
            "a = '''open",
            ("1:5", "this string is not closed: end it with `'''`"),
            "'''open",
        ),
        (
            "a = yes",
            (
                "1:5",
                "`yes` is not a value: write text in quotes, like \"yes\", a number, or true or false",
            ),
            "yes",
        ),
        (
            "a = Recruiting soon",
            ("1:5", "`Recruiting soon` is not a value"),
            "Recruiting soon",
        ),
        ("a = 1 2", ("1:5", "`1 2` is not a value"), "1 2"),
        ("a =", ("1:4", "expected a value"), ""),
        ("a = # none", ("1:5", "expected a value"), ""),
        ("a =\nb = 1", ("1:4", "expected a value"), ""),
        ("a = { b }", ("1:9", "expected a value"), ""),
        ("a = { b = }", ("1:11", "expected a value"), ""),
        // The others in the parser's words, with what it expected.
        ("[a", ("1:3", "unclosed table, expected `]`"), ""),
        ("a = [1, 2", ("1:10", "unclosed array, expected `]`"), ""),
        (
            "a = 'x' b = 2",
            ("1:9", "unexpected key or value, expected a new line, `#`"),
            "",
        ),
        ("a", ("1:2", "key with no value, expected `=`"), ""),
    ] {
        fails(input, &[expected]);
        let span = parse(input).unwrap_err()[0].span;
        assert_eq!(&input[span.start..span.end], carets, "{input:?}");
    }
}

#[test]
fn several_errors_are_reported_in_one_run() {
    fails(
        "a = \"open\nb = 1 2\nc = ok\n[d\ne = 1\ne = 2",
        &[
            ("1:5", "this string is not closed"),
            ("2:5", "`1 2` is not a value"),
            ("3:5", "`ok` is not a value"),
            ("4:3", "unclosed table"),
            ("6:1", "`e` is set twice"),
        ],
    );
    // One a line: what the parser finds after a mistake on its line is mostly the same mistake.
    fails(
        "a = [\"\\q\", 2026-01-01, \"\\u1\"]\nb = { c = \"\\z\", c = 1 }",
        &[
            ("1:8", "missing escaped value"),
            ("2:13", "missing escaped value"),
        ],
    );
    fails(
        "a = { b = 1 c = 2 }\nd = 2026-01-01\n\ne = 1e999",
        &[
            ("1:11", "`1 c` is not a value"),
            ("2:5", "not supported"),
            ("4:5", "too large"),
        ],
    );
    // The lines after a broken array are not taken for mistakes of their own.
    fails(
        "a = [\n  1\n  2,\n  3,\n]\nb = 1\nb = 2",
        &[
            ("3:3", "missing comma between array elements"),
            ("7:1", "`b` is set twice"),
        ],
    );
    // The keys after a bad header go nowhere: they do not clash with the table before it.
    fails("[a]\nx = 1\n[a]\nx = 2", &[("3:2", "already defined")]);
    fails("[a]\nx = 1\n[a\nx = 2\ny = 1", &[("3:3", "unclosed table")]);
}

/// `n` parts: `a.a.a`.
fn dotted(n: usize) -> String {
    vec!["a"; n].join(".")
}

#[test]
fn nesting_past_the_limit_is_refused_at_the_spot_that_goes_too_deep() {
    let too_deep_message = |message: &str| {
        message.starts_with(&format!("nesting more than {MAX_DEPTH} deep"))
            && message.ends_with("is not supported: definitions need no more than four")
    };
    let arrays = |n: usize| format!("a = {}1{}", "[".repeat(n), "]".repeat(n));
    let tables = |n: usize| format!("a = {}1{}", "{ b = ".repeat(n), " }".repeat(n));
    let deepest = MAX_DEPTH;
    for (fits, too_deep, at) in [
        // Each part of a key or a header is a level; so is an array, and each item in it.
        (
            format!("{} = 1", dotted(deepest)),
            format!("{} = 1", dotted(deepest + 1)),
            2 * deepest,
        ),
        (
            format!("[{}]", dotted(deepest)),
            format!("[{}]", dotted(deepest + 1)),
            1 + 2 * deepest,
        ),
        (
            format!("[[{}]]", dotted(deepest - 1)),
            format!("[[{}]]", dotted(deepest)),
            2 * deepest,
        ),
        (arrays(deepest), arrays(deepest + 1), 4 + deepest),
        (
            tables(deepest - 1),
            tables(deepest),
            4 + 6 * (deepest - 1) + 2,
        ),
        // Levels add up across headers, dotted keys and inline tables.
        (
            format!(
                "[{}]\n{} = {{ {} = 1 }}",
                dotted(20),
                dotted(20),
                dotted(24)
            ),
            format!(
                "[{}]\n{} = {{ {} = 1 }}",
                dotted(20),
                dotted(20),
                dotted(25)
            ),
            "[]\n".len() + 2 * 20 - 1 + 2 * 20 - 1 + " = { ".len() + 2 * 24,
        ),
    ] {
        assert!(parse(&fits).is_ok(), "{fits:?}: {:?}", parse(&fits).err());
        let errors = parse(&too_deep).unwrap_err();
        assert_eq!(errors.len(), 1, "{too_deep:?}: {errors:?}");
        assert!(
            too_deep_message(&errors[0].message),
            "{too_deep:?}: {errors:?}"
        );
        assert_eq!(errors[0].span.start, at, "{too_deep:?}");
    }
    // Far deeper than any stack could take, had the parser or the tree recursed: refused once,
    // and what follows is still read.
    for text in [
        format!("{} = 1\nb = ok", dotted(100_000)),
        format!("[{}]\nb = ok", dotted(100_000)),
        format!("{}\nb = ok", arrays(100_000)),
        format!("{}\nb = ok", tables(100_000)),
    ] {
        let errors = parse(&text).unwrap_err();
        let found: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(too_deep_message(found[0]), "{found:?}");
        assert!(found[1].starts_with("`ok` is not a value"), "{found:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing with the `toml` crate.
// ---------------------------------------------------------------------------------------------

/// A span as the two readers give it: start and end offsets.
type At = (usize, usize);

/// Either reader's tree, spans included; tables as sorted maps, since `toml` sorts its keys.
#[derive(Debug, PartialEq)]
enum Node {
    String(String),
    Integer(i64),
    /// The bits, with every NaN the same.
    Float(u64),
    Boolean(bool),
    Array(Vec<(Node, At)>),
    /// Key: (key span, value, value span).
    Table(BTreeMap<String, (At, Node, At)>),
}

/// What a reader made of a text: a tree, or why not.
#[derive(Debug, PartialEq)]
enum Outcome {
    Tree(Node),
    /// A date or time without quotes, nesting past the engine's limit, a float beyond plain
    /// decimals.
    Unsupported,
    /// `toml` read it, but a number does not fit an i64 or a finite f64.
    OutOfRange,
    Rejected,
}

fn float_bits(f: f64) -> u64 {
    if f.is_nan() {
        f64::NAN.to_bits()
    } else {
        f.to_bits()
    }
}

fn ours(input: &str) -> Outcome {
    outcome(&parse(input))
}

fn outcome(parsed: &Result<Table, Vec<Diagnostic>>) -> Outcome {
    fn node(value: &Value) -> Node {
        match &value.item {
            Item::String(s) => Node::String(s.clone()),
            Item::Integer(n) => Node::Integer(*n),
            Item::Float(f) => Node::Float(float_bits(*f)),
            Item::Boolean(b) => Node::Boolean(*b),
            Item::Array(a) => Node::Array(
                a.values
                    .iter()
                    .map(|v| (node(v), (v.span.start, v.span.end)))
                    .collect(),
            ),
            Item::Table(t) => table(t),
        }
    }
    fn table(t: &Table) -> Node {
        Node::Table(
            t.entries
                .iter()
                .map(|e| {
                    let key = (e.key_span.start, e.key_span.end);
                    let span = (e.value.span.start, e.value.span.end);
                    (e.key.clone(), (key, node(&e.value), span))
                })
                .collect(),
        )
    }
    match parsed {
        Ok(root) => Outcome::Tree(table(root)),
        Err(errors) if errors.iter().any(|d| d.message.contains("not supported")) => {
            Outcome::Unsupported
        }
        Err(_) => Outcome::Rejected,
    }
}

fn theirs(input: &str) -> Outcome {
    fn node(value: &DeValue) -> Result<Node, Outcome> {
        Ok(match value {
            DeValue::String(s) => Node::String(s.to_string()),
            DeValue::Integer(n) => Node::Integer(
                i64::from_str_radix(n.as_str(), n.radix()).map_err(|_| Outcome::OutOfRange)?,
            ),
            DeValue::Float(f) => {
                let x: f64 = f.as_str().parse().map_err(|_| Outcome::OutOfRange)?;
                if x.is_infinite() && !f.as_str().contains("inf") {
                    return Err(Outcome::OutOfRange);
                }
                Node::Float(float_bits(x))
            }
            DeValue::Boolean(b) => Node::Boolean(*b),
            DeValue::Datetime(_) => return Err(Outcome::Unsupported),
            DeValue::Array(a) => Node::Array(
                a.iter()
                    .map(|v| Ok((node(v.get_ref())?, (v.span().start, v.span().end))))
                    .collect::<Result<_, Outcome>>()?,
            ),
            DeValue::Table(t) => table(t)?,
        })
    }
    fn table(t: &DeTable) -> Result<Node, Outcome> {
        let mut entries = BTreeMap::new();
        for (key, value) in t.iter() {
            let key_span = (key.span().start, key.span().end);
            let span = (value.span().start, value.span().end);
            entries.insert(
                key.get_ref().to_string(),
                (key_span, node(value.get_ref())?, span),
            );
        }
        Ok(Node::Table(entries))
    }
    let (root, errors) = DeTable::parse_recoverable(input);
    if !errors.is_empty() {
        return Outcome::Rejected;
    }
    match table(root.get_ref()) {
        Ok(node) => Outcome::Tree(node),
        Err(outcome) => outcome,
    }
}

/// Both readers agree on `input`: the same tree, or both refuse it. Where only `toml` reads it,
/// the text holds a number out of range, or something we say is not supported (a date or time,
/// nesting past our limit, a float beyond plain decimals).
fn agree(input: &str) -> Result<(), String> {
    agree_on(input, &parse(input))
}

/// [`agree`], given what we made of `input`.
fn agree_on(input: &str, parsed: &Result<Table, Vec<Diagnostic>>) -> Result<(), String> {
    let (ours, theirs) = (outcome(parsed), theirs(input));
    let fine = match (&ours, &theirs) {
        (a, b) if a == b => true,
        (Outcome::Rejected, Outcome::OutOfRange) => true,
        (Outcome::Unsupported, _) => true,
        _ => false,
    };
    if fine {
        return Ok(());
    }
    let detail = match parsed {
        Err(errors) => messages(input, errors),
        Ok(_) => String::new(),
    };
    let toml_errors: Vec<String> = DeTable::parse_recoverable(input)
        .1
        .iter()
        .map(|e| format!("{:?} {}", e.span(), e.message().trim()))
        .collect();
    Err(format!(
        "input {input:?}\n ours: {ours:?} {detail}\n toml: {theirs:?} {toml_errors:?}"
    ))
}

#[test]
fn interact_reads_as_toml_reads_it() {
    let source = interact_source();
    assert!(matches!(ours(&source), Outcome::Tree(_)));
    agree(&source).unwrap();
}

#[test]
fn generated_definitions_read_as_toml_reads_them() {
    for seed in 0..200 {
        let source = definition(seed, INTERACT_SIZE);
        assert!(matches!(ours(&source), Outcome::Tree(_)), "seed {seed}");
        agree(&source).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    }
}

#[test]
fn the_vignettes_and_the_zoo_read_as_toml_reads_them() {
    let vignettes = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vignettes/interact.toml"
    ))
    .unwrap();
    for source in [vignettes.as_str(), ZOO] {
        assert!(matches!(ours(source), Outcome::Tree(_)));
        agree(source).unwrap();
    }
}

/// Every syntax form the reader knows, in one valid document.
const ZOO: &str = r#"# A comment, then keys of every kind.
bare = "basic"
bare-dash_1 = 'literal \n stays'
"quoted key" = 1
'literal key' = 2
"" = "empty key"
1234 = "digits as a key"
true = "a word as a key"
dotted.key.here = 3
dotted . spaced = 4
"quoted".dotted = 5
escapes = "\b\t\n\f\r\"\\\e \u00e9 \U0001F600 \x41"
tab = "a	b"
unicode = "Città – ünïcödé"
ml_basic = """
First line.
  Second, "quoted" and ""double quoted"".
Trimmed \
    here."""
ml_crlf = """a
b"""
ml_quotes = """""two quotes around"""""
ml_literal = '''
C:\path\with 'quotes' and ''pairs''
'''
ml_literal_quotes = ''''one quote'''
ml_empty = """"""
ints = [0, +1, -1, 1_000, 9223372036854775807, -9223372036854775808, 0xdead_BEEF, 0o755, 0b1010]
floats = [0.0, -0.0, +1.5, 3.14159, 1e10, 1E-3, 6.02_2e2_3, 5e+0_1, inf, +inf, -inf, nan, +nan, -nan]
bools = [true, false]
mixed = [1, "two", 3.0, [4], { five = 5 }]
nested = [[1, 2], [3, [4, [5]]], []]
multi_line_array = [
  1,   # one
  2,
  # a lone comment
  3,
]
inline = { a = 1, b.c = 2, "d" = { e = [] } }
inline_multi_line = {
  a = 1, # a comment
  b = 2,
}
empty_inline = {}
empty_array = [ ]
spaced_value   =   "value"   # trailing comment
	tabbed	=	1

[table]
key = "value"
sub.key = 1

[table.sub.deeper]
x = 1

[ spaced . header ]
y = 2

["quoted header".'and more']
z = 3

[implicit.parent.child]
a = 1

[implicit]
defined_later = true

[implicit.parent]
b = 2

[[array]]
name = "first"

[[array.inner]]
n = 1

[[array.inner]]
n = 2

[array.sub]
s = 1

[[array]]
name = "second"

[[ spaced.array ]]
"#;

// ---------------------------------------------------------------------------------------------
// Mangled texts.
// ---------------------------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ".",
    ",",
    "#",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\\",
    "\\u00e9",
    "\\x4",
    "\\U0010FFFF",
    "\\uD800",
    "\\e",
    "\\q",
    "_",
    "0x",
    "0o7",
    "0b2",
    "1e5",
    "1e999",
    "99999999999999999999",
    "-",
    "+",
    "inf",
    "nan",
    "true",
    "false",
    "2026-06-01",
    "07:32:00",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32",
    "\u{1}",
    "\u{7f}",
    "é",
    "a.b",
    "\"\"",
    "''",
    "0",
    "007",
    "1.",
    ".5",
    "1_",
    "x = 1\n",
    "[a]\n",
    "[[a]]\n",
    "a.b = 2\n",
    "{ a = 1 }",
    "[1, 2]",
    "\u{feff}",
];

/// `text` with one to three random edits: a piece inserted, a range removed, a cut, a line
/// repeated (for duplicate keys and tables) or two characters swapped.
fn mangle(rng: &mut Rng, original: &str) -> String {
    let mut text = original.to_string();
    for _ in 0..1 + rng.below(3) {
        if text.is_empty() {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            continue;
        }
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(5) {
            0 | 1 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
            2 => {
                let mut end = (at + 1 + rng.below(12)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            }
            3 => {
                let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                let line = text[start..end].to_string();
                let mut to = rng.below(text.len() + 1);
                while !text.is_char_boundary(to) {
                    to -= 1;
                }
                let to = text[..to].rfind('\n').map_or(0, |i| i + 1);
                text.insert_str(to, &line);
            }
            _ => text.truncate(at),
        }
    }
    text
}

/// `count` lines of `source` from a random one.
fn window(rng: &mut Rng, source: &str, count: usize) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let start = rng.below(lines.len());
    lines[start..(start + count).min(lines.len())].concat()
}

#[test]
fn mangled_texts_never_panic_and_agree_with_toml() {
    let interact = interact_source();
    let mut rng = Rng::new(7);
    let mut failures = Vec::new();
    let mut accepted = 0;
    // TOML_FUZZ_CASES=200000 for a longer hunt.
    let cases: usize = std::env::var("TOML_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6_000);
    for case in 0..cases {
        // Mostly pieces of interact.toml and of the zoo; the whole file now and then.
        let base = match case % 20 {
            0 => interact.clone(),
            1..=10 => {
                let count = 1 + rng.below(40);
                window(&mut rng, &interact, count)
            }
            _ => {
                let count = 1 + rng.below(12);
                window(&mut rng, ZOO, count)
            }
        };
        let text = mangle(&mut rng, &base);
        let parsed = parse(&text);
        if let Err(errors) = &parsed {
            assert!(!errors.is_empty());
            for d in errors {
                assert!(
                    d.span.start <= d.span.end && d.span.end <= text.len(),
                    "{d:?} in {text:?}"
                );
                let _ = d.render(&text, "mangled.toml");
            }
        } else {
            accepted += 1;
        }
        if let Err(e) = agree_on(&text, &parsed) {
            failures.push(e);
        }
    }
    assert!(accepted > 500, "only {accepted} mangled texts read");
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures[..failures.len().min(8)].join("\n")
    );
}

#[test]
fn random_texts_never_panic() {
    let alphabet: Vec<char> = "ab1_-.=\"'[]{},#\\ \t\n\rxuUe0é\u{1}\u{7f}+:T"
        .chars()
        .collect();
    let mut rng = Rng::new(11);
    for _ in 0..20_000 {
        let text: String = (0..rng.below(40))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let _ = parse(&text);
        agree(&text).unwrap();
    }
}
