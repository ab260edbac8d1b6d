//! The CLI run as the real binary, on real files in a scratch directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use prescreen_engine::Lang;

// The engine's test helpers; this crate uses two of them.
#[allow(dead_code)]
#[path = "../../engine/tests/util.rs"]
mod util;

use util::INTERACT_PATH;

fn prescreen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args(args)
        .output()
        .expect("the prescreen binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory per test, removed first so a rerun starts clean.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Every definition in static/trials, `<id>.toml`, in every language. The compiled trials beside
/// them (`.trial`) are tests/compile.rs's.
#[test]
fn check_accepts_every_trial_and_each_id_is_its_file_name() {
    let mut trials = 0;
    for path in util::trial_definitions() {
        let file = path.to_string_lossy().into_owned();
        let out = prescreen(&["check", &file]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let trial = prescreen_engine::load(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap();
        assert_eq!(trial.facts.id, stem, "{file}");
        assert_eq!(trial.facts.languages, Lang::ALL.to_vec(), "{file}");
        trials += 1;
    }
    assert!(trials >= 2, "interACT and the demo trial");
}

/// The fictional demo trial is data only: the engine reaches every verdict on it, and a temporary
/// exclusion says when it lifts.
#[test]
fn the_demo_trial_reaches_every_verdict() {
    let demo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../static/trials/demo_cardio.toml"
    );
    let dir = scratch("demo");
    let cases = [
        (
            r#"{"age": 64, "heart_failure": "yes", "ejection_fraction": 35, "nyha_class": "class2", "systolic_bp": 118, "recent_heart_attack": "yes", "heart_attack_days_ago": "2026-06-01", "dialysis": "no", "pregnant_or_breastfeeding": "no"}"#,
            "likely_eligible",
        ),
        (
            r#"{"age": 71, "heart_failure": "yes", "ejection_fraction": 30, "nyha_class": "class3", "systolic_bp": 112, "recent_heart_attack": "yes", "heart_attack_days_ago": 20, "dialysis": "no", "pregnant_or_breastfeeding": "no"}"#,
            "not_eligible",
        ),
        (
            r#"{"age": 58, "heart_failure": "yes", "ejection_fraction": "unsure", "nyha_class": "class2", "systolic_bp": 125, "recent_heart_attack": "no", "dialysis": "no", "pregnant_or_breastfeeding": "no"}"#,
            "undetermined",
        ),
    ];
    for (i, (json, verdict)) in cases.iter().enumerate() {
        let path = write(&dir, &format!("{i}.json"), json);
        let out = prescreen(&["eval", demo, &path, "--today", "2026-11-25"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["verdict"], *verdict, "{json}");
        if *verdict == "not_eligible" {
            let lifts = report["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .find_map(|c| c.get("lifts"))
                .expect("temporary");
            assert_eq!(lifts["on"], "2027-02-03");
        }
    }
}

#[test]
fn check_accepts_interact() {
    let out = prescreen(&["check", INTERACT_PATH]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("ok (32 questions, 27 criteria)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_reports_every_problem_and_fails() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/fixtures/invalid/many_problems.toml"
    );
    let out = prescreen(&["check", fixture]);
    assert_eq!(out.status.code(), Some(1));
    let expected = std::fs::read_to_string(fixture.replace(".toml", ".stderr")).unwrap();
    // The CLI names the file as given; the snapshot names it by its file name.
    assert_eq!(
        stderr(&out),
        expected.replace("many_problems.toml", fixture)
    );
}

#[test]
fn eval_prints_a_report() {
    let dir = scratch("eval");
    let answers = write(
        &dir,
        "answers.json",
        r#"{"sex": "female", "age": 17, "ecog": "unsure"}"#,
    );
    let out = prescreen(&["eval", INTERACT_PATH, &answers, "--today", "2026-11-25"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(report["verdict"], "not_eligible");
    let adult = report["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "adult")
        .unwrap();
    assert_eq!(adult["status"], "not_met");
    assert_eq!(adult["kind"], "inclusion");
    assert!(adult["source"]
        .as_str()
        .unwrap()
        .contains("at least 18 years old"));
    assert!(
        report["open_questions"].as_array().unwrap().is_empty(),
        "settled: nothing to ask"
    );
}

#[test]
fn eval_in_italian_lists_open_questions_in_order() {
    let dir = scratch("eval-it");
    let answers = write(&dir, "answers.json", r#"{"sex": "female"}"#);
    let out = prescreen(&["eval", INTERACT_PATH, &answers, "--lang", "it"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["verdict"], "undetermined");
    assert_eq!(report["lang"], "it");
    assert_eq!(report["open_questions"][0]["id"], "age");
    let female = &report["criteria"][0];
    assert_eq!(female["status"], "met");
    assert_ne!(
        female["explanation"], "",
        "the Italian explanation is shown"
    );
}

#[test]
fn eval_refuses_bad_answers_with_clear_messages() {
    let dir = scratch("bad-answers");
    let cases = [
        ("not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        (
            r#"{"shoe_size": 38}"#,
            "`shoe_size`: this trial has no such question",
        ),
        (
            r#"{"age": "old"}"#,
            "`age`: expected a number of years or \"unsure\"",
        ),
        (
            r#"{"age": 150}"#,
            "`age`: the answer must be between 0 and 120 years",
        ),
        (
            r#"{"metastatic": 1}"#,
            "`metastatic`: expected \"yes\", \"no\" or \"unsure\"",
        ),
        (
            r#"{"her2_status": "2+"}"#,
            "`her2_status`: expected one of \"zero\", \"low\", \"positive\" or \"unsure\"",
        ),
        (
            r#"{"surgery_days_ago": "2999-01-01"}"#,
            "`surgery_days_ago`: the date is in the future",
        ),
    ];
    for (i, (json, message)) in cases.iter().enumerate() {
        let path = write(&dir, &format!("{i}.json"), json);
        let out = prescreen(&["eval", INTERACT_PATH, &path]);
        assert_eq!(out.status.code(), Some(1), "{json}");
        assert!(stderr(&out).contains(message), "{json}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{json}");
    }
}

#[test]
fn questions_lists_the_asking_order() {
    let out = prescreen(&["questions", INTERACT_PATH]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(" 1. sex (one of female, male)"), "{text}");
    assert!(
        text.contains("asked only if: childbearing_potential == yes"),
        "{text}"
    );
}

#[test]
fn compile_writes_each_language_compiled_beside_the_definition() {
    let source = std::fs::read_to_string(INTERACT_PATH).unwrap();
    let trial = prescreen_engine::load(&source).unwrap();
    // `split` is the command's old name.
    for command in ["compile", "split"] {
        let dir = scratch(&format!("compile-{command}"));
        let file = write(&dir, "interact.toml", &source);
        let out = prescreen(&[command, &file]);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        let written: Vec<PathBuf> = ["en", "it"]
            .iter()
            .map(|code| dir.join(format!("interact.{code}.trial")))
            .collect();
        let listed: Vec<String> = written
            .iter()
            .map(|p| format!("{}\n", p.display()))
            .collect();
        assert_eq!(
            stdout(&out),
            listed.concat(),
            "{command}: each path printed"
        );
        for (path, lang) in written.iter().zip(Lang::ALL) {
            // The web app's compiled trial: the trial in that language alone.
            let compiled = std::fs::read_to_string(path).unwrap();
            let read = prescreen_engine::compiled::read(&compiled);
            assert_eq!(read, Some(trial.in_language(lang)), "{}", path.display());
        }
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["interact.en.trial", "interact.it.trial", "interact.toml"],
            "{command}: nothing else"
        );
    }
}

#[test]
fn a_definition_in_one_language_compiles_to_one_file_without_the_others_texts() {
    let dir = scratch("compile-one-language");
    // The Italian texts are kept by `load`, as a text in an undeclared language is.
    let source = format!(
        "languages = [\"en\"]\n{}",
        std::fs::read_to_string(INTERACT_PATH).unwrap()
    );
    let file = write(&dir, "english.toml", &source);
    let out = prescreen(&["compile", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = dir.join("english.en.trial");
    assert_eq!(stdout(&out), format!("{}\n", path.display()));
    let read = prescreen_engine::compiled::read(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(read.facts.languages, vec![Lang::EN]);
    assert!(!read.facts.title[Lang::EN].is_empty());
    assert_eq!(
        read.facts.title[Lang::IT],
        "",
        "the Italian texts are left out"
    );
    assert!(!dir.join("english.it.trial").exists());
}

#[test]
fn compile_writes_nothing_for_a_definition_with_problems() {
    let dir = scratch("compile-invalid");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/fixtures/invalid/many_problems.toml"
    );
    let file = write(
        &dir,
        "many_problems.toml",
        &std::fs::read_to_string(fixture).unwrap(),
    );
    let out = prescreen(&["compile", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    // The diagnostics as `check` prints them.
    assert_eq!(stderr(&out), stderr(&prescreen(&["check", &file])));
    assert!(stderr(&out).contains("error["), "{}", stderr(&out));
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["many_problems.toml"]);
}

#[test]
fn usage_and_missing_files_exit_2() {
    assert_eq!(prescreen(&[]).status.code(), Some(2));
    assert_eq!(prescreen(&["frobnicate"]).status.code(), Some(2));
    let out = prescreen(&["check", "/nonexistent/trial.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /nonexistent/trial.toml"));
    let out = prescreen(&["--help"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("prescreen compile FILE"),
        "{}",
        stderr(&out)
    );
    assert_eq!(prescreen(&["compile"]).status.code(), Some(2));
    assert_eq!(prescreen(&["split"]).status.code(), Some(2));
}

/// Every vignette of tests/vignettes/interact.toml, run through `prescreen eval` as an author
/// would: the binary's verdict is the one the vignette expects.
#[test]
fn eval_gives_every_vignette_its_verdict() {
    let dir = scratch("vignettes");
    let file: toml::Table = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../engine/tests/vignettes/interact.toml"
        ))
        .unwrap(),
    )
    .unwrap();
    let profiles = file["profile"].as_table().unwrap();
    let vignettes = file["vignette"].as_array().unwrap();
    for (i, v) in vignettes.iter().enumerate() {
        let v = v.as_table().unwrap();
        let mut answers = toml::Table::new();
        if let Some(from) = v.get("from").and_then(|f| f.as_str()) {
            answers.extend(profiles[from].as_table().unwrap().clone());
        }
        for removed in v
            .get("remove")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            answers.remove(removed.as_str().unwrap());
        }
        if let Some(extra) = v.get("answers").and_then(|a| a.as_table()) {
            answers.extend(extra.clone());
        }
        let path = write(
            &dir,
            &format!("{i}.json"),
            &serde_json::to_string(&answers).unwrap(),
        );
        let today = v
            .get("today")
            .and_then(|t| t.as_str())
            .unwrap_or("2026-11-25");
        let out = prescreen(&["eval", INTERACT_PATH, &path, "--today", today]);
        let name = v["name"].as_str().unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["verdict"], v["expect"].as_str().unwrap(), "{name}");
    }
}

#[test]
fn the_example_patients_get_their_verdicts() {
    for (file, verdict) in [
        ("patient-likely.json", "likely_eligible"),
        ("patient-undetermined.json", "undetermined"),
        ("patient-not-eligible.json", "not_eligible"),
    ] {
        let path = format!("{}/../../examples/{file}", env!("CARGO_MANIFEST_DIR"));
        let out = prescreen(&["eval", INTERACT_PATH, &path, "--today", "2026-11-25"]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["verdict"], verdict, "{file}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::process::Stdio;
    // As `prescreen questions … | head -1`, when `head` has already gone.
    let mut child = Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args([
            "questions",
            &format!(
                "{}/../../static/trials/interact.toml",
                env!("CARGO_MANIFEST_DIR")
            ),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away at once, before the definition is even read: every line meets a
    // closed pipe.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
}
