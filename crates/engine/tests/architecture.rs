//! The engine's purity (ARCHITECTURE.md): its dependency tree holds no web crate, which the
//! compiler then enforces, and its code does no I/O, reads no clock or environment and prints
//! nothing, which a text search checks.

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
    let engine: Vec<&PathBuf> = files.iter().collect();
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

/// The crates a package's build pulls in for `target` (`all`: every platform), by `cargo tree`:
/// normal and build dependencies, what ships, not what its tests use.
fn dependency_tree(package: &str, target: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "--locked", "-p", package])
        .args(["-e", "normal,build", "--target", target, "--prefix", "none"])
        .args(["--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

const WEB_CRATES: &[&str] = &[
    "yew",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo",
    "serde-wasm-bindgen",
];

fn assert_no_web_crate(package: &str) -> Vec<String> {
    let names = dependency_tree(package, "all");
    assert!(
        names.iter().any(|n| n == package),
        "the tree of {package} names it: {names:?}"
    );
    let web: Vec<_> = names
        .iter()
        .filter(|n| {
            WEB_CRATES
                .iter()
                .any(|w| n == w || n.starts_with(&format!("{w}-")))
        })
        .collect();
    assert!(web.is_empty(), "{package} depends on web crates: {web:?}");
    names
}

#[test]
fn the_engine_depends_on_no_web_crate() {
    let names = assert_no_web_crate("prescreen-engine");
    assert!(
        names.len() <= 16,
        "the engine pulls in {} crates: {names:?}",
        names.len()
    );
}

#[test]
fn the_cli_builds_without_web_crates() {
    let names = assert_no_web_crate("prescreen-cli");
    assert!(
        names.len() <= 16,
        "the CLI pulls in {} crates: {names:?}",
        names.len()
    );
}

/// The check above is only as good as its list: the app's own tree must trip it.
#[test]
fn the_web_app_is_what_the_web_crates_check_catches() {
    let names = dependency_tree("prescreen-app", "wasm32-unknown-unknown");
    for web in ["yew", "web-sys", "wasm-bindgen"] {
        assert!(names.iter().any(|n| n == web), "the app's tree lacks {web}");
    }
}

/// The engine's top-level modules and which others each one names (`crate::name`), from the code.
fn module_imports() -> Vec<(String, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |path: &Path| {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        first.trim_end_matches(".rs").to_string()
    };
    let mut modules: Vec<(String, Vec<String>)> = Vec::new();
    for path in &files {
        let module = module_of(path);
        if module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code: String = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect();
        let ident = |s: &str| {
            let s = s.trim();
            s.split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("")
                .to_string()
        };
        let mut named: Vec<String> = code
            .split("crate::")
            .skip(1)
            .flat_map(|rest| match rest.strip_prefix('{') {
                // `crate::{a, b::c}`: each name in the braces.
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(ident)
                    .collect(),
                None => vec![ident(rest)],
            })
            .filter(|name| !name.is_empty() && *name != module)
            .collect();
        match modules.iter_mut().find(|(m, _)| *m == module) {
            Some((_, imports)) => imports.append(&mut named),
            None => modules.push((module, named)),
        }
    }
    for (_, imports) in &mut modules {
        imports.sort();
        imports.dedup();
    }
    modules
}

/// The modules in an order where each names only those before it; `Err` with a circle's modules.
fn layered(modules: &[(String, Vec<String>)]) -> Result<Vec<String>, Vec<String>> {
    let mut placed: Vec<String> = Vec::new();
    let mut left: Vec<&(String, Vec<String>)> = modules.iter().collect();
    while !left.is_empty() {
        let ready = left.iter().position(|(_, imports)| {
            imports
                .iter()
                .all(|i| placed.contains(i) || !modules.iter().any(|(m, _)| m == i))
        });
        match ready {
            Some(i) => placed.push(left.remove(i).0.clone()),
            None => return Err(left.iter().map(|(m, _)| m.clone()).collect()),
        }
    }
    Ok(placed)
}

#[test]
fn the_engines_modules_import_each_other_without_a_circle() {
    let modules = module_imports();
    assert!(
        modules.len() >= 10,
        "expected the engine's modules, found {modules:?}"
    );
    let trial = &modules.iter().find(|(m, _)| m == "trial").unwrap().1;
    assert!(
        !trial.contains(&"evaluation".to_string()),
        "trial names evaluation: {trial:?}"
    );
    if let Err(circle) = layered(&modules) {
        panic!("these modules import each other in a circle: {circle:?}\n{modules:?}");
    }
    // Not vacuous: a circle is found when there is one.
    let circle = [
        ("a".to_string(), vec!["b".to_string()]),
        ("b".to_string(), vec!["a".to_string()]),
    ];
    assert!(layered(&circle).is_err());
}
