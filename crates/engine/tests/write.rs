//! The TOML writer behind `prescreen split` (src/definition/write.rs): what it writes reads back
//! as what it was given, by our reader and by the `toml` crate, and is written in one layout.

use prescreen_engine::definition::parse::parse;
use prescreen_engine::definition::tree::Item;
use prescreen_engine::definition::write;

use crate::util::interact_source;

/// `input` written out by the writer.
fn written(input: &str) -> String {
    let tree = parse(input).unwrap_or_else(|e| panic!("{input:?} should read: {e:?}"));
    let mut out = String::new();
    write::document(&mut out, &tree);
    out
}

/// What `input` writes as: the text reads, in the `toml` crate, as the same document as `input`,
/// and writing it again changes nothing.
#[track_caller]
fn round_trip(input: &str) -> String {
    let out = written(input);
    let theirs = |text: &str| {
        toml::from_str::<toml::Table>(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    };
    assert_eq!(
        theirs(&out),
        theirs(input),
        "{input:?} was written as {out:?}"
    );
    assert_eq!(written(&out), out, "written again");
    out
}

#[test]
fn strings_keep_every_character() {
    let texts = [
        "plain",
        "",
        r#"say "hi""#,
        r"C:\path\",
        "two\nlines",
        "a\ttab",
        "\r\n",
        "\u{1}\u{8}\u{c}\u{1b}\u{1f}\u{7f}",
        "è – «virgolette» “quotes” ’",
        "🙂 astral",
        "''' and \"\"\"",
        "# not a comment",
    ];
    for text in texts {
        // Each character escaped, so that the input does not rely on the writer's escaping.
        let escaped: String = text
            .chars()
            .map(|c| format!("\\U{:08X}", c as u32))
            .collect();
        let input = format!("k = \"{escaped}\"\n");
        let out = round_trip(&input);
        let tree = parse(&out).unwrap();
        assert_eq!(
            tree.get("k").map(|v| &v.item),
            Some(&Item::String(text.to_string())),
            "{out:?}"
        );
    }
}

#[test]
fn strings_are_written_with_short_escapes_and_characters_as_themselves() {
    let input = "k = \"\\\"q\\\" \\\\ \\n \\t \\u0001 \\u007F \\u001B è – \\u00E9\"\n";
    assert_eq!(
        written(input),
        "k = \"\\\"q\\\" \\\\ \\n \\t \\u0001 \\u007F \\u001B è – é\"\n"
    );
    // A multi-line and a literal string become basic strings.
    assert_eq!(
        written("a = \"\"\"\none\ntwo\"\"\"\nb = 'C:\\dir'\n"),
        "a = \"one\\ntwo\"\nb = \"C:\\\\dir\"\n"
    );
}

#[test]
fn keys_are_quoted_only_when_they_must_be() {
    let input = r#"bare-key_9 = 1
"quoted-but-bare" = 2
"a b" = 3
"a.b" = 4
"" = 5
"è" = 6
'say "x"' = 7
"#;
    assert_eq!(
        round_trip(input),
        r#"bare-key_9 = 1
quoted-but-bare = 2
"a b" = 3
"a.b" = 4
"" = 5
"è" = 6
"say \"x\"" = 7
"#
    );
    assert_eq!(
        round_trip("[\"a b\".c]\nx.\"y z\" = 1\n"),
        "[\"a b\"]\n\n[\"a b\".c]\n\n[\"a b\".c.x]\n\"y z\" = 1\n"
    );
}

#[test]
fn floats_stay_floats_and_integers_integers() {
    let input =
        "a = 5.0\nb = 0.1\nc = -0.25\nd = 1e-7\ne = 6.022e23\nf = 1e22\ng = inf\nh = -inf\n\
                 i = -0.0\nj = 120\nk = -3\nl = 0x10\nm = 1_000\nn = true\no = false\np = 2.5E3\n";
    assert_eq!(
        round_trip(input),
        "a = 5.0\nb = 0.1\nc = -0.25\nd = 1e-7\ne = 6.022e23\nf = 1e22\ng = inf\nh = -inf\n\
         i = -0.0\nj = 120\nk = -3\nl = 16\nm = 1000\nn = true\no = false\np = 2500.0\n"
    );
    let tree = parse(&written(input)).unwrap();
    assert_eq!(tree.get("a").map(|v| &v.item), Some(&Item::Float(5.0)));
    assert_eq!(tree.get("j").map(|v| &v.item), Some(&Item::Integer(120)));
    // `nan` is never equal to itself: read it back by hand.
    let out = written("x = nan\n");
    assert_eq!(out, "x = nan\n");
    assert!(
        matches!(parse(&out).unwrap().get("x").map(|v| &v.item), Some(Item::Float(f)) if f.is_nan())
    );
}

#[test]
fn tables_come_after_plain_keys_under_headers_and_texts_are_dotted_keys() {
    let input = r#"
question = [{ id = "a", option = [{ id = "o", label.en = "O" }] }, { id = "b" }]
[trial.status]
recruitment_start = "2026-06-01"
[trial]
title = { en = "T", it = "Ti" }
id = "x"
site = [{ name = "S", city = { en = "Rome", it = "Roma" } }]
lifts = { at = 28, question = "q" }
codes = ["en", "it"]
mixed = [1, [2, 3], { t.en = "c", u = { v = "w" } }]
empty = []
none = {}
"#;
    assert_eq!(
        round_trip(input),
        r#"[[question]]
id = "a"

[[question.option]]
id = "o"
label.en = "O"

[[question]]
id = "b"

[trial]
title.en = "T"
title.it = "Ti"
id = "x"
codes = ["en", "it"]
mixed = [1, [2, 3], { t.en = "c", u = { v = "w" } }]
empty = []

[trial.status]
recruitment_start = "2026-06-01"

[[trial.site]]
name = "S"
city.en = "Rome"
city.it = "Roma"

[trial.lifts]
at = 28
question = "q"

[trial.none]
"#
    );
}

#[test]
fn interact_reads_back_as_written() {
    let out = round_trip(&interact_source());
    assert!(!out.contains('#'), "no comments");
    assert!(out.contains("\n[[question.option]]\n"), "{out}");
}
