//! interACT patient vignettes (tests/vignettes/interact.toml): each person's answers and the
//! verdict, blocking criteria and open criteria the engine must give.

use prescreen_engine::answers::{AnswerError, Answers};
use prescreen_engine::date::Date;
use prescreen_engine::evaluation::{evaluate, relevance};
use prescreen_engine::trial::Trial;
use toml::{Table, Value};

use crate::util::interact;

const VIGNETTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vignettes/interact.toml");

#[test]
fn every_vignette_gets_its_verdict() {
    let trial = interact();
    let file: Table =
        toml::from_str(&std::fs::read_to_string(VIGNETTES).unwrap()).expect("vignettes are TOML");
    let profiles = file
        .get("profile")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    let vignettes = file
        .get("vignette")
        .and_then(Value::as_array)
        .expect("[[vignette]] entries");
    assert!(
        vignettes.len() >= 36,
        "at least 36 vignettes, found {}",
        vignettes.len()
    );
    let mut failures = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for v in vignettes {
        let v = v.as_table().expect("a vignette is a table");
        let name = v.get("name").and_then(Value::as_str).unwrap_or("(unnamed)");
        match run(&trial, &profiles, v, &mut covered) {
            Ok(()) => {}
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vignettes failed:\n{}",
        failures.len(),
        vignettes.len(),
        failures.join("\n")
    );
    // Every inclusion and exclusion is what blocks someone in some vignette.
    let never: Vec<&str> = trial
        .criteria
        .iter()
        .filter(|c| {
            c.kind != prescreen_engine::trial::CriterionKind::AtSite && !covered.contains(&c.id)
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        never.is_empty(),
        "criteria that block no vignette: {never:?}"
    );
}

const KEYS: [&str; 9] = [
    "name",
    "from",
    "remove",
    "answers",
    "today",
    "expect",
    "blocking",
    "open",
    "next_question",
];

fn run(
    trial: &Trial,
    profiles: &Table,
    v: &Table,
    covered: &mut std::collections::HashSet<String>,
) -> Result<(), String> {
    if let Some(key) = v.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!("unknown key `{key}`: use one of {KEYS:?}"));
    }
    let mut answers = Table::new();
    if let Some(from) = v.get("from").and_then(Value::as_str) {
        let profile = profiles
            .get(from)
            .and_then(Value::as_table)
            .ok_or(format!("no profile `{from}`"))?;
        answers.extend(profile.clone());
    }
    for removed in v
        .get("remove")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = removed.as_str().unwrap_or_default();
        answers.remove(id).ok_or(format!(
            "`remove` names `{id}`, which the profile does not answer"
        ))?;
    }
    if let Some(extra) = v.get("answers").and_then(Value::as_table) {
        answers.extend(extra.clone());
    }
    let today = v.get("today").and_then(Value::as_str).and_then(Date::parse);
    let json = serde_json::to_string(&answers).map_err(|e| e.to_string())?;
    let given = Answers::from_json(trial, &json, today).map_err(|errors| {
        errors
            .iter()
            .map(AnswerError::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let evaluation = evaluate(trial, &given);
    let expect = v
        .get("expect")
        .and_then(Value::as_str)
        .ok_or("no `expect`")?;
    if evaluation.verdict.id() != expect {
        return Err(format!(
            "expected {expect}, got {}",
            evaluation.verdict.id()
        ));
    }
    let blocking: Vec<String> = evaluation
        .blocking(trial)
        .map(|(_, c)| c.id.clone())
        .collect();
    let open: Vec<String> = evaluation.open(trial).map(|(_, c)| c.id.clone()).collect();
    covered.extend(blocking.iter().cloned());
    for (key, got) in [("blocking", &blocking), ("open", &open)] {
        if let Some(list) = v.get(key).and_then(Value::as_array) {
            let wanted: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            if wanted != got.iter().map(String::as_str).collect::<Vec<_>>() {
                return Err(format!("{key}: expected {wanted:?}, got {got:?}"));
            }
        }
    }
    // `next_question = "none"`: nothing is left to ask.
    if let Some(next) = v.get("next_question").and_then(Value::as_str) {
        let got = relevance(trial, &given, &evaluation)
            .next()
            .map(|q| trial.questions[q].id.as_str());
        if got.unwrap_or("none") != next {
            return Err(format!("next question: expected {next}, got {got:?}"));
        }
    }
    Ok(())
}
