// tools/short-names.mjs, on a hand-made wasm binary: the Rust tool (tools/wasm-short-names, run
// through cargo as the build runs it) renames the wasm, and the glue follows its map. No browser
// needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shortenWasm, renameGlue } from '../../tools/short-names.mjs';

// (module (import "./x_bg.js" "__wbg_log_0123456789abcdef" (func))
//         (import "./x_bg.js" "__wbg_now_fedcba9876543210" (func)) (memory 1)
//         (export "memory" (memory 0)) (export "main" (func 0)) (export "__wbindgen_start" (func 1)))
const wasm = Buffer.concat([
  Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  Buffer.from([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]), // type section: () -> ()
  section(2, [
    0x02,
    ...name('./x_bg.js'), ...name('__wbg_log_0123456789abcdef'), 0x00, 0x00,
    ...name('./x_bg.js'), ...name('__wbg_now_fedcba9876543210'), 0x00, 0x00,
  ]),
  Buffer.from([0x05, 0x03, 0x01, 0x00, 0x01]), // memory section: 1 page
  section(7, [0x03, ...name('memory'), 0x02, 0x00, ...name('main'), 0x00, 0x00, ...name('__wbindgen_start'), 0x00, 0x01]),
]);
const glue =
  'const i={"./x_bg.js":{__wbg_log_0123456789abcdef:()=>{},__wbg_now_fedcba9876543210:Date.now}};' +
  'function go(wasm){wasm.memory.buffer;wasm.__wbindgen_start();const memory=1;log("__wbg_log_0123456789abcdefX")}';

function name(text) {
  return [text.length, ...Buffer.from(text)];
}
function section(id, body) {
  return Buffer.from([id, body.length, ...body]);
}

/** The tool run on `bytes` through a file, as the build runs it: the renamed bytes and map. */
function shorten(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'short-names-test-'));
  try {
    const path = join(dir, 'x_bg.wasm');
    writeFileSync(path, bytes);
    const renames = shortenWasm(path, path);
    return { out: readFileSync(path), renames };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the tool renames every import and export, first come, and says how', () => {
  assert.ok(WebAssembly.validate(wasm), 'the hand-made module is valid');
  const { out, renames } = shorten(wasm);
  assert.ok(WebAssembly.validate(out));
  assert.ok(out.length < wasm.length, `${out.length} bytes, was ${wasm.length}`);
  // The module first, then the names in the section's order; the exports count from `a` again.
  assert.deepEqual(
    [...renames.imports],
    [['./x_bg.js', 'a'], ['__wbg_log_0123456789abcdef', 'b'], ['__wbg_now_fedcba9876543210', 'c']],
  );
  assert.deepEqual([...renames.exports], [['memory', 'a'], ['main', 'b'], ['__wbindgen_start', 'c']]);
  const module = new WebAssembly.Module(out);
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => [i.module, i.name, i.kind]),
    [['a', 'b', 'function'], ['a', 'c', 'function']],
  );
  assert.deepEqual(
    WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]),
    [['a', 'memory'], ['b', 'function'], ['c', 'function']],
  );
});

test('the glue follows: imports as whole words, exports where it reads them from the wasm', () => {
  const renamed = renameGlue(glue, shorten(wasm).renames);
  assert.ok(renamed.startsWith('const i={"a":{b:()=>{},c:Date.now}};'), renamed);
  assert.ok(renamed.includes('wasm.a.buffer;wasm.c()'), renamed);
  // A local variable called like an export, and a longer identifier that starts with a name, stay.
  assert.ok(renamed.includes('const memory=1'), renamed);
  assert.ok(renamed.includes('"__wbg_log_0123456789abcdefX"'), renamed);
});

test('a new name equal to another old name is not renamed again', () => {
  const renames = { imports: new Map([['a', 'b'], ['b', 'c']]), exports: new Map() };
  assert.equal(renameGlue('a;b', renames), 'b;c');
});

test('an import the glue does not contain fails the build', () => {
  assert.throws(() => renameGlue('const i={};', shorten(wasm).renames), /is not in the glue/);
});

test('a file that is not a wasm module fails the build', () => {
  assert.throws(() => shorten(Buffer.from('not wasm')), /Command failed/);
});
