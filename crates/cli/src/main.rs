//! `prescreen`: the trial author's command line. Native only; the library does the work, this
//! file reads files, prints, and chooses the exit code.
//!
//! Exit codes: 0 clean; 1 the definition or the answers have problems; 2 usage or I/O error.

use std::process::ExitCode;

use prescreen_engine::answers::Answers;
use prescreen_engine::date::Date;
use prescreen_engine::diagnostic::render_all;
use prescreen_engine::report::Report;
use prescreen_engine::trial::{QuestionKind, Trial};
use prescreen_engine::Lang;

const USAGE: &str = "usage:
  prescreen check FILE                     check a trial definition; every problem, with line:column
  prescreen eval FILE ANSWERS.json [--lang CODE] [--today YYYY-MM-DD]
                                           evaluate answers; prints a JSON report
  prescreen questions FILE [--lang CODE]   list the questions in asking order
  prescreen compile FILE                   write the trial compiled for the web app in each of its
                                           languages, beside it: trials/x.toml -> trials/x.en.trial,
                                           x.it.trial (`split` is its old name, and still works)
  CODE is a language: ";

/// The usage, with the languages there are.
fn usage() -> String {
    format!("{USAGE}{}", Lang::codes_listed())
}

/// Prints a line to stdout. When the reader has gone (`prescreen eval … | head`), the program ends
/// quietly, as Unix tools do, instead of panicking as `println!` would.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("prescreen: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (positional, lang, today) = options(args)?;
    match positional.as_slice() {
        ["check", file] => Ok(check(file)),
        ["eval", file, answers] => eval(file, answers, lang, today),
        ["questions", file] => Ok(questions(file, lang)),
        ["compile" | "split", file] => compile(file),
        _ => Err(usage()),
    }
}

/// Splits `--lang` and `--today` from the positional arguments.
fn options(args: &[String]) -> Result<(Vec<&str>, Lang, Option<Date>), String> {
    let mut positional = Vec::new();
    let mut lang = Lang::EN;
    let mut today = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => {
                let code = iter
                    .next()
                    .ok_or_else(|| format!("--lang needs {}", Lang::codes_listed()))?;
                lang = Lang::from_code(code).ok_or_else(|| {
                    format!("unknown language `{code}`: use {}", Lang::codes_listed())
                })?;
            }
            "--today" => {
                let text = iter.next().ok_or("--today needs a date, YYYY-MM-DD")?;
                today = Some(
                    Date::parse(text)
                        .ok_or_else(|| format!("`{text}` is not a date: use YYYY-MM-DD"))?,
                );
            }
            "-h" | "--help" => return Err(usage()),
            other => positional.push(other),
        }
    }
    Ok((positional, lang, today))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// Loads a definition, printing its diagnostics to stderr when it has any.
fn load(path: &str) -> Result<Trial, ExitCode> {
    let source = read(path).map_err(|e| {
        eprintln!("prescreen: {e}");
        ExitCode::from(2)
    })?;
    prescreen_engine::load(&source).map_err(|diagnostics| {
        eprint!("{}", render_all(&diagnostics, &source, path));
        ExitCode::from(1)
    })
}

fn check(path: &str) -> ExitCode {
    match load(path) {
        Ok(trial) => {
            say!(
                "{path}: ok ({} questions, {} criteria)",
                trial.questions.len(),
                trial.criteria.len()
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn eval(
    path: &str,
    answers_path: &str,
    lang: Lang,
    today: Option<Date>,
) -> Result<ExitCode, String> {
    let trial = match load(path) {
        Ok(trial) => trial,
        Err(code) => return Ok(code),
    };
    let json = read(answers_path)?;
    let today = today.or_else(system_today);
    let answers = match Answers::from_json(&trial, &json, today) {
        Ok(answers) => answers,
        Err(errors) => {
            for error in errors {
                eprintln!("{answers_path}: {error}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    let report = Report::build(&trial, &answers, lang, today);
    let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    say!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn questions(path: &str, lang: Lang) -> ExitCode {
    let trial = match load(path) {
        Ok(trial) => trial,
        Err(code) => return code,
    };
    for (i, q) in trial.questions.iter().enumerate() {
        let kind = match &q.kind {
            QuestionKind::YesNo => "yes/no".to_string(),
            QuestionKind::Choice(options) => {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                format!("one of {}", ids.join(", "))
            }
            QuestionKind::Number(r) => format!("number, {} to {} {}", r.min, r.max, r.unit),
            QuestionKind::Elapsed(unit, r) => format!("{} to {} {} ago", r.min, r.max, unit.id()),
        };
        say!("{:>2}. {} ({kind})", i + 1, q.id);
        say!("    {}", q.patient.get(lang));
        if let Some(rule) = &q.applies_if {
            say!("    asked only if: {}", rule.to_source(&trial));
        }
    }
    ExitCode::SUCCESS
}

/// Writes the web app's compiled `DIR/STEM.<lang>.trial` for each language of `DIR/STEM.toml`,
/// nothing when it has problems.
fn compile(path: &str) -> Result<ExitCode, String> {
    let source = read(path)?;
    let files = match prescreen_engine::compile(&source) {
        Ok(files) => files,
        Err(diagnostics) => {
            eprint!("{}", render_all(&diagnostics, &source, path));
            return Ok(ExitCode::from(1));
        }
    };
    let input = std::path::Path::new(path);
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{path} names no file"))?;
    for (lang, compiled) in files {
        let out = input.with_file_name(format!("{stem}.{}.trial", lang.code()));
        std::fs::write(&out, compiled)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        say!("{}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Today in UTC, from the system clock: the engine itself never reads a clock.
fn system_today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Date::from_days((secs / 86_400) as i64))
}
