//! Loading never panics, whatever the text: generated definitions load, and mangled versions of
//! interACT's give diagnostics with positions inside the text (or, when they still pass, compile
//! to files that read back); and a missing key is reported at its table's header.

use prescreen_engine::diagnostic::line_column;
use prescreen_engine::generate::{definition, Rng, Size, DEEP, INTERACT_SIZE};

use crate::util::interact_source;

#[test]
fn generated_definitions_are_valid() {
    for seed in 0..200 {
        let size = if seed % 2 == 0 { INTERACT_SIZE } else { DEEP };
        let source = definition(seed, size);
        if let Err(diagnostics) = prescreen_engine::load(&source) {
            panic!(
                "seed {seed}: {:#?}",
                &diagnostics[..diagnostics.len().min(3)]
            );
        }
    }
    for (questions, criteria) in [(1, 1), (2, 40), (80, 3)] {
        let source = definition(
            1,
            Size {
                questions,
                criteria,
                max_depth: 3,
            },
        );
        assert!(
            prescreen_engine::load(&source).is_ok(),
            "{questions} questions, {criteria} criteria"
        );
    }
}

#[test]
fn mangled_definitions_never_panic_and_point_inside_the_text() {
    let original = interact_source();
    let mut rng = Rng::new(42);
    let pieces = [
        "\"", "[", "]", "==", " and ", "(", "\n", "=", "{", "é", "'''", "not", "#", "1e999",
    ];
    for _ in 0..1_500 {
        let mut text = original.clone();
        for _ in 0..1 + rng.below(3) {
            let mut at = rng.below(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => text.insert_str(at, pieces[rng.below(pieces.len())]),
                1 => {
                    let mut end = (at + 1 + rng.below(20)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, "");
                }
                _ => text.truncate(at),
            }
        }
        // `compile` checks first, then writes: what it writes of a definition that passes reads.
        if let Ok(files) = prescreen_engine::compile(&text) {
            for (lang, file) in files {
                assert!(
                    prescreen_engine::compiled::read(&file).is_some(),
                    "{lang:?}"
                );
            }
        }
        if let Err(diagnostics) = prescreen_engine::load(&text) {
            assert!(!diagnostics.is_empty());
            for d in &diagnostics {
                assert!(d.span.start <= text.len(), "span past the end: {d:?}");
                let (line, _) = line_column(&text, d.span.start);
                assert!(line <= text.lines().count() + 1);
                let _ = d.render(&text, "mangled.toml");
            }
        }
    }
}

#[test]
fn a_missing_key_is_reported_at_its_tables_header() {
    let source = interact_source();
    let start = source.find("[[criterion]]").unwrap();
    let line = start + source[start..].find("\nsource = ").unwrap();
    let line_end = line + 1 + source[line + 1..].find('\n').unwrap();
    let broken = format!("{}{}", &source[..line], &source[line_end..]);
    let errors = prescreen_engine::load(&broken).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].message, "a [[criterion]] needs `source`");
    assert_eq!(
        &broken[errors[0].span.start..errors[0].span.end],
        "[[criterion]]"
    );
}
