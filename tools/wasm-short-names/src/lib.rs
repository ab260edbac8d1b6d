//! Short names for a wasm module's imports and exports, for tools/short-names.mjs (a Trunk
//! post-build step), which runs the `wasm-short-names` binary and then renames wasm-bindgen's
//! JavaScript glue after the map it prints.
//!
//! Why: wasm-bindgen names each of its ~150 imports like
//! `__wbg_getBoundingClientRect_329ca748ec918b0c` under the module `./prescreen-app_bg.js`, and
//! each name is written twice, in the wasm and in the glue; the hash suffixes do not compress.
//! The names are private to the pair of files, so any unique names do.
//!
//! The names are given first come, first served — `a`, `b`, … `Z`, `aa`, … — over the import
//! modules and names in the order of the import section, and over the exports, a namespace of
//! their own, from `a` again: wasm-bindgen writes the import section and the glue's import object
//! in the same order, so the new names come out as regular as they can be, which gzip rewards.
//! Binaryen's `--minify-imports-and-exports-and-modules` names them in another order and cost
//! about 440 B gzip of the app's first load.
//!
//! Only the import and export sections are rewritten; every other section is copied byte for
//! byte, so the code is exactly what wasm-opt made of it, but for the toolchain's notes about
//! itself (the `producers` and `target_features` custom sections), which no browser reads: 234 B
//! of each module, about 0.2 KB gzip of the engine's.

use std::collections::HashMap;
use std::fmt;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ExportSection, ImportSection, Module, RawSection};
use wasmparser::{Encoding, Parser, Payload};

/// The `i`th short name: `a`, `b`, … `z`, `A`, … `Z`, `aa`, `ab`, …: valid, unquoted JavaScript
/// property names, as the glue's import object and `wasm.NAME` need them.
pub fn short_name(mut i: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[i % LETTERS.len()]);
        match (i / LETTERS.len()).checked_sub(1) {
            Some(next) => i = next,
            None => break,
        }
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// A module with short names, and what they replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortened {
    /// The renamed module.
    pub wasm: Vec<u8>,
    /// Old name → new name for import modules and import names, each once, in order of first
    /// appearance. One name used both as a module and as a field gets one new name: the glue
    /// renames both as the same word.
    pub imports: Vec<(String, String)>,
    /// Old name → new name for each export, in the export section's order.
    pub exports: Vec<(String, String)>,
}

/// Why a module could not be renamed.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        Error(format!("not a valid wasm module: {e}"))
    }
}

impl<E: fmt::Display> From<wasm_encoder::reencode::Error<E>> for Error {
    fn from(e: wasm_encoder::reencode::Error<E>) -> Self {
        Error(format!("cannot re-encode: {e}"))
    }
}

/// The next short name of a sequence, and the imports' renames.
#[derive(Default)]
struct Names {
    count: usize,
    given: HashMap<String, String>,
}

impl Names {
    fn next(&mut self) -> String {
        self.count += 1;
        short_name(self.count - 1)
    }

    /// The new name for `old`: the one it was given before, or the next one (recorded in
    /// `order`).
    fn of(&mut self, old: &str, order: &mut Vec<(String, String)>) -> String {
        if let Some(now) = self.given.get(old) {
            return now.clone();
        }
        let now = self.next();
        self.given.insert(old.to_owned(), now.clone());
        order.push((old.to_owned(), now.clone()));
        now
    }
}

/// Custom sections the toolchain writes about itself, left out.
const TOOLCHAIN_NOTES: [&str; 2] = ["producers", "target_features"];

/// `wasm` with every import module, import name and export renamed to a short name; fails for
/// anything but a core module, and if the result does not validate.
pub fn shorten(wasm: &[u8]) -> Result<Shortened, Error> {
    let mut module = Module::new();
    // Exports are a namespace of their own, in the wasm and in the glue (`wasm.NAME`), so they
    // start again at `a`: 11 B gzip less on the app than following the imports' names.
    let (mut import_names, mut export_names) = (Names::default(), Names::default());
    let (mut imports, mut exports) = (Vec::new(), Vec::new());
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        match &payload {
            Payload::Version { encoding, .. } if *encoding != Encoding::Module => {
                return Err(Error("a component, not a core module".into()));
            }
            Payload::ImportSection(reader) => {
                let mut section = ImportSection::new();
                for import in reader.clone().into_imports() {
                    let import = import?;
                    let module = import_names.of(import.module, &mut imports);
                    let name = import_names.of(import.name, &mut imports);
                    section.import(&module, &name, RoundtripReencoder.entity_type(import.ty)?);
                }
                module.section(&section);
            }
            Payload::ExportSection(reader) => {
                let mut section = ExportSection::new();
                for export in reader.clone() {
                    let export = export?;
                    // Unique in a valid module: each gets a name of its own.
                    let name = export_names.next();
                    let kind = RoundtripReencoder.export_kind(export.kind)?;
                    section.export(&name, kind, export.index);
                    exports.push((export.name.to_owned(), name));
                }
                module.section(&section);
            }
            Payload::CustomSection(reader) if TOOLCHAIN_NOTES.contains(&reader.name()) => {}
            _ => {
                // Everything else as it was; the code section's entries come after its start,
                // which holds them all, so they are copied with it.
                if let Some((id, range)) = payload.as_section() {
                    let data = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| wasm.get(start..end))
                        .ok_or_else(|| Error(format!("section {id} is out of the file")))?;
                    module.section(&RawSection { id, data });
                }
            }
        }
    }
    let wasm = module.finish();
    wasmparser::validate(&wasm)
        .map_err(|e| Error(format!("the renamed module does not validate: {e}")))?;
    Ok(Shortened {
        wasm,
        imports,
        exports,
    })
}

/// `text` as a JSON string, quotes included: the map goes to JavaScript as JSON lines.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
