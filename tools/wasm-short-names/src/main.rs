//! `wasm-short-names INPUT OUTPUT`: writes INPUT's module to OUTPUT (which may be INPUT) with
//! short import and export names, and prints the renames on standard output as JSON lines,
//! `{"kind":"import"|"export","old":"…","new":"…"}`, for tools/short-names.mjs to rename the
//! glue by. Exit 1 with the reason on standard error when the module cannot be renamed.
use std::io::Write;
use std::process::ExitCode;
use std::{env, fs, io};

use wasm_short_names::{json_string, shorten};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: wasm-short-names INPUT.wasm OUTPUT.wasm");
        return ExitCode::from(2);
    };
    match run(input, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-short-names: {input}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str) -> Result<(), Box<dyn std::error::Error>> {
    let shortened = shorten(&fs::read(input)?)?;
    fs::write(output, &shortened.wasm)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let lines = [
        ("import", &shortened.imports),
        ("export", &shortened.exports),
    ];
    for (kind, renames) in lines {
        for (old, new) in renames {
            let (old, new) = (json_string(old), json_string(new));
            writeln!(out, r#"{{"kind":"{kind}","old":{old},"new":{new}}}"#)?;
        }
    }
    out.flush()?;
    Ok(())
}
