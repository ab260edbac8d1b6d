//! Invalid definitions beside their expected rendered diagnostics (as toml-rs keeps them): adding
//! a case is adding `tests/fixtures/invalid/NAME.toml` and its `NAME.stderr`. Run with
//! `UPDATE_SNAPSHOTS=1` to write the `.stderr` files afresh, then read them before committing.

use std::path::Path;

use prescreen_engine::diagnostic::render_all;

#[test]
fn invalid_definitions_render_their_expected_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 12,
        "expected the invalid fixtures, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(case).unwrap();
        let rendered = match prescreen_engine::load(&source) {
            Ok(_) => format!("{name}: unexpectedly valid\n"),
            Err(diagnostics) => render_all(&diagnostics, &source, &name),
        };
        let snapshot = case.with_extension("stderr");
        if update {
            std::fs::write(&snapshot, &rendered).unwrap();
            continue;
        }
        match std::fs::read_to_string(&snapshot) {
            Ok(expected) if expected == rendered => {}
            Ok(expected) => failures.push(format!(
                "{name}\n--- expected\n{expected}\n--- got\n{rendered}"
            )),
            Err(_) => failures.push(format!("{name}: no snapshot; run with UPDATE_SNAPSHOTS=1")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
