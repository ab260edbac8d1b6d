//! The invariants of ARCHITECTURE.md that a text search can check: the engine does no I/O, reads
//! no clock, and knows nothing of the browser or of Yew. Only `src/app` and `src/bin` may.

use std::path::{Path, PathBuf};

/// Words that must not appear in engine code, with why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("yew", "the engine knows nothing of Yew"),
    ("web_sys", "the engine knows nothing of the browser"),
    ("js_sys", "the engine knows nothing of the browser"),
    ("wasm_bindgen", "the engine knows nothing of the browser"),
    ("gloo", "the engine knows nothing of the browser"),
    ("std::fs", "the engine does no I/O"),
    ("std::io", "the engine does no I/O"),
    ("std::net", "the engine does no I/O"),
    ("std::env", "the engine reads no environment"),
    (
        "SystemTime",
        "the engine reads no clock: callers pass today's date",
    ),
    ("Instant::now", "the engine reads no clock"),
    ("println!", "the engine prints nothing"),
    ("eprintln!", "the engine prints nothing"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_code_does_no_io_and_knows_no_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let engine: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let rel = p.strip_prefix(&src).unwrap();
            !rel.starts_with("app") && !rel.starts_with("bin")
        })
        .collect();
    assert!(
        engine.len() >= 15,
        "expected the engine's files, found {}",
        engine.len()
    );
    let mut problems = Vec::new();
    for path in engine {
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (word, why) in FORBIDDEN {
                if code.contains(word) {
                    problems.push(format!("{}:{}: `{word}`: {why}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
