// tools/short-names.mjs, on a hand-made wasm binary: binaryen's pass renames the wasm, and the glue
// follows it. No browser needed; wasm-opt comes from PATH (tools/node, as the build has it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyNames, renamesBetween, renameGlue } from '../../tools/short-names.mjs';

// (module (import "./x_bg.js" "__wbg_log_0123456789abcdef" (func)) (memory 1)
//         (export "memory" (memory 0)) (export "main" (func 0)) (export "__wbindgen_start" (func 0)))
const wasm = Buffer.concat([
  Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  Buffer.from([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]), // type section: () -> ()
  section(2, [0x01, ...name('./x_bg.js'), ...name('__wbg_log_0123456789abcdef'), 0x00, 0x00]),
  Buffer.from([0x05, 0x03, 0x01, 0x00, 0x01]), // memory section: 1 page
  section(7, [0x03, ...name('memory'), 0x02, 0x00, ...name('main'), 0x00, 0x00, ...name('__wbindgen_start'), 0x00, 0x00]),
]);
const glue =
  'const i={"./x_bg.js":{__wbg_log_0123456789abcdef:()=>{}}};' +
  'function go(wasm){wasm.memory.buffer;wasm.__wbindgen_start();const memory=1;log("__wbg_log_0123456789abcdefX")}';

function name(text) {
  return [text.length, ...Buffer.from(text)];
}
function section(id, body) {
  return Buffer.from([id, body.length, ...body]);
}

test('binaryen renames every import and export, and the map is read from both modules', () => {
  const out = minifyNames(wasm);
  assert.ok(WebAssembly.validate(out));
  assert.ok(out.length < wasm.length, `${out.length} bytes, was ${wasm.length}`);
  const { imports, exports } = renamesBetween(wasm, out);
  assert.deepEqual([...imports.keys()], ['./x_bg.js', '__wbg_log_0123456789abcdef']);
  assert.deepEqual([...exports.keys()], ['memory', 'main', '__wbindgen_start']);
  for (const now of [...imports.values(), ...exports.values()]) assert.ok(now.length <= 2, now);
  const module = new WebAssembly.Module(out);
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => [i.module, i.name]),
    [[imports.get('./x_bg.js'), imports.get('__wbg_log_0123456789abcdef')]],
  );
});

test('the glue follows: imports as whole words, exports where it reads them from the wasm', () => {
  const renames = renamesBetween(wasm, minifyNames(wasm));
  const renamed = renameGlue(glue, renames);
  const { imports, exports } = renames;
  assert.ok(renamed.includes(`"${imports.get('./x_bg.js')}":{${imports.get('__wbg_log_0123456789abcdef')}:`), renamed);
  assert.ok(renamed.includes(`wasm.${exports.get('memory')}.buffer`), renamed);
  assert.ok(renamed.includes(`wasm.${exports.get('__wbindgen_start')}()`), renamed);
  // A local variable called like an export, and a longer identifier that starts with a name, stay.
  assert.ok(renamed.includes('const memory=1'), renamed);
  assert.ok(renamed.includes('"__wbg_log_0123456789abcdefX"'), renamed);
});

test('a new name equal to another old name is not renamed again', () => {
  const renames = { imports: new Map([['a', 'b'], ['b', 'c']]), exports: new Map() };
  assert.equal(renameGlue('a;b', renames), 'b;c');
});

test('an import the glue does not contain fails the build', () => {
  const renames = renamesBetween(wasm, minifyNames(wasm));
  assert.throws(() => renameGlue('const i={};', renames), /is not in the glue/);
});
