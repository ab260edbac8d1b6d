use super::*;
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataCountSection, DataSection, EntityType, ExportKind,
    Function, FunctionSection, GlobalType, Instruction, MemArg, MemorySection, MemoryType,
    TypeSection, ValType,
};
use wasmparser::{ExternalKind, TypeRef};

const MODULE: &str = "./x_bg.js";

/// A module as wasm-bindgen and wasm-opt leave one: function, memory and global imports from
/// the glue's module in alphabetical order (one name twice, under two modules), bulk-memory
/// code, data, a custom section, and exports the glue reads and one it does not (`main`).
fn module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], []);
    types
        .ty()
        .function([ValType::I32, ValType::I32], [ValType::I32]);
    let mut imports = ImportSection::new();
    imports.import(
        MODULE,
        "__wbg_log_0123456789abcdef",
        EntityType::Function(0),
    );
    imports.import(
        MODULE,
        "__wbg_now_fedcba9876543210",
        EntityType::Function(1),
    );
    imports.import(
        MODULE,
        "__wbindgen_stack",
        EntityType::Global(GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        }),
    );
    imports.import("env", "__wbg_log_0123456789abcdef", EntityType::Function(0));
    let mut functions = FunctionSection::new();
    functions.function(0);
    functions.function(1);
    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: 1,
        maximum: Some(2),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export("main", ExportKind::Func, 3);
    exports.export("__wbindgen_start", ExportKind::Func, 4);
    exports.export("__wbindgen_add", ExportKind::Func, 4);
    let mut code = CodeSection::new();
    let mut start = Function::new([]);
    start
        .instruction(&Instruction::I32Const(0))
        .instruction(&Instruction::I32Const(7))
        .instruction(&Instruction::I32Const(16))
        .instruction(&Instruction::MemoryFill(0))
        .instruction(&Instruction::Call(0))
        .instruction(&Instruction::End);
    code.function(&start);
    let mut add = Function::new([(1, ValType::I32)]);
    add.instruction(&Instruction::LocalGet(0))
        .instruction(&Instruction::I32Load(MemArg {
            offset: 0,
            align: 2,
            memory_index: 0,
        }))
        .instruction(&Instruction::LocalGet(1))
        .instruction(&Instruction::I32Add)
        .instruction(&Instruction::End);
    code.function(&add);
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(8), b"prescreen".iter().copied());
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&memories)
        .section(&exports)
        .section(&DataCountSection { count: 1 })
        .section(&code)
        .section(&data)
        .section(&CustomSection {
            name: "notes".into(),
            data: b"\x00kept as it is".into(),
        });
    module.finish()
}

/// Every section but imports and exports, as (id, body bytes), in order.
fn other_sections(wasm: &[u8]) -> Vec<(u8, Vec<u8>)> {
    Parser::new(0)
        .parse_all(wasm)
        .map(|p| p.unwrap())
        .filter_map(|p| p.as_section())
        .filter(|(id, _)| *id != 2 && *id != 7)
        .map(|(id, range)| (id, wasm[range.start as usize..range.end as usize].to_vec()))
        .collect()
}

/// A module's imports (module, name, type) and exports (name, kind, index), in order.
type Listed = (
    Vec<(String, String, TypeRef)>,
    Vec<(String, ExternalKind, u32)>,
);

fn imports_and_exports(wasm: &[u8]) -> Listed {
    let (mut imports, mut exports) = (Vec::new(), Vec::new());
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.unwrap() {
            Payload::ImportSection(r) => imports.extend(r.into_imports().map(|i| {
                let i = i.unwrap();
                (i.module.to_owned(), i.name.to_owned(), i.ty)
            })),
            Payload::ExportSection(r) => exports.extend(r.into_iter().map(|e| {
                let e = e.unwrap();
                (e.name.to_owned(), e.kind, e.index)
            })),
            _ => {}
        }
    }
    (imports, exports)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_names_run_through_the_letters_then_grow() {
    let names: Vec<String> = [0, 1, 25, 26, 51, 52, 53, 103, 104, 2755, 2756]
        .into_iter()
        .map(short_name)
        .collect();
    assert_eq!(
        names,
        ["a", "b", "z", "A", "Z", "aa", "ab", "aZ", "ba", "ZZ", "aaa"]
    );
}

#[test]
fn the_renamed_module_validates_and_is_smaller() {
    let wasm = module();
    wasmparser::validate(&wasm).expect("the hand-made module is valid");
    let out = shorten(&wasm).unwrap();
    wasmparser::validate(&out.wasm).expect("the renamed module is valid");
    assert!(out.wasm.len() < wasm.len());
}

#[test]
fn imports_and_exports_are_renamed_first_come_in_order() {
    let out = shorten(&module()).unwrap();
    // The module first, then each name in the order of the section; a name seen before keeps
    // the name it was given.
    assert_eq!(
        out.imports,
        pairs(&[
            (MODULE, "a"),
            ("__wbg_log_0123456789abcdef", "b"),
            ("__wbg_now_fedcba9876543210", "c"),
            ("__wbindgen_stack", "d"),
            ("env", "e"),
        ])
    );
    assert_eq!(
        out.exports,
        pairs(&[
            ("memory", "a"),
            ("main", "b"),
            ("__wbindgen_start", "c"),
            ("__wbindgen_add", "d"),
        ])
    );
    // The module says what the map says, and each import and export keeps its type and index.
    let (imports_before, exports_before) = imports_and_exports(&module());
    let (imports_after, exports_after) = imports_and_exports(&out.wasm);
    let renamed: HashMap<_, _> = out.imports.iter().cloned().collect();
    assert_eq!(imports_after.len(), imports_before.len());
    for ((module, name, ty), now) in imports_before.iter().zip(&imports_after) {
        assert_eq!(now, &(renamed[module].clone(), renamed[name].clone(), *ty));
    }
    assert_eq!(exports_after.len(), exports_before.len());
    let exported = exports_before.iter().zip(&exports_after).zip(&out.exports);
    for (((_, kind, index), now), (_, new)) in exported {
        assert_eq!(now, &(new.clone(), *kind, *index));
    }
}

#[test]
fn every_other_section_is_copied_byte_for_byte() {
    let wasm = module();
    let out = shorten(&wasm).unwrap();
    let (before, after) = (other_sections(&wasm), other_sections(&out.wasm));
    assert_eq!(
        before.len(),
        7,
        "type, function, memory, data count, code, data, custom"
    );
    assert_eq!(after, before);
    assert_eq!(out.wasm[..8], wasm[..8], "the header");
}

#[test]
fn the_toolchains_notes_about_itself_are_left_out() {
    let mut module = Module::new();
    for name in ["producers", "target_features", "kept"] {
        module.section(&CustomSection {
            name: name.into(),
            data: b"\x01\x02".as_slice().into(),
        });
    }
    let out = shorten(&module.finish()).unwrap();
    let names: Vec<String> = wasmparser::Parser::new(0)
        .parse_all(&out.wasm)
        .filter_map(|payload| match payload.unwrap() {
            wasmparser::Payload::CustomSection(reader) => Some(reader.name().to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["kept"]);
}

#[test]
fn a_module_without_imports_or_exports_comes_out_the_same() {
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    module.section(&types);
    let wasm = module.finish();
    let out = shorten(&wasm).unwrap();
    assert_eq!(out.wasm, wasm);
    assert!(out.imports.is_empty() && out.exports.is_empty());
}

#[test]
fn what_is_not_a_core_module_is_refused() {
    let garbage = shorten(b"not wasm at all").unwrap_err();
    assert!(
        garbage.to_string().contains("not a valid wasm module"),
        "{garbage}"
    );
    // A component's header: the magic number, version 0x0d, layer 1.
    let component = shorten(b"\0asm\x0d\0\x01\0").unwrap_err();
    assert!(component.to_string().contains("component"), "{component}");
    // A truncated module: its last section ends early.
    let wasm = module();
    let cut = shorten(&wasm[..wasm.len() - 20]).unwrap_err();
    assert!(cut.to_string().contains("not a valid wasm module"), "{cut}");
}

#[test]
fn a_result_that_does_not_validate_is_an_error() {
    // The hand-made module calling a function that does not exist: it parses, so it is renamed,
    // and the result is refused rather than written.
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    let mut functions = FunctionSection::new();
    functions.function(0);
    let mut code = CodeSection::new();
    let mut body = Function::new([]);
    body.instruction(&Instruction::Call(9))
        .instruction(&Instruction::End);
    code.function(&body);
    module.section(&types).section(&functions).section(&code);
    let err = shorten(&module.finish()).unwrap_err();
    assert!(err.to_string().contains("does not validate"), "{err}");
}

#[test]
fn map_strings_are_json() {
    assert_eq!(json_string("./x_bg.js"), r#""./x_bg.js""#);
    assert_eq!(
        json_string("a\"b\\c\nd\u{1}é"),
        r#""a\"b\\c\u000ad\u0001é""#
    );
}
