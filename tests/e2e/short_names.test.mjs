// tools/short-names.mjs, on a hand-made wasm binary: no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortName, renameWasm, renameGlue } from '../../tools/short-names.mjs';

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
  'function go(w){w.memory.buffer;w.__wbindgen_start();log("__wbg_log_0123456789abcdefX")}';

function name(text) {
  return [text.length, ...Buffer.from(text)];
}
function section(id, body) {
  return Buffer.from([id, body.length, ...body]);
}

test('short names are unique and valid property names', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.match(n, /^[A-Za-z]+$/);
});

test('imports and the exports the glue calls are renamed in both files alike', async () => {
  const { wasm: out, renames } = renameWasm(wasm, glue);
  assert.ok(out.length < wasm.length);
  assert.ok(WebAssembly.validate(out));
  const module = await WebAssembly.compile(out);
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.deepEqual(imports, [`${renames.get('./x_bg.js')}.${renames.get('__wbg_log_0123456789abcdef')}`]);
  // `memory` is a common word and `main` is not in the glue: both keep their names.
  assert.deepEqual(exports, ['memory', 'main', renames.get('__wbindgen_start')]);

  const renamed = renameGlue(glue, renames);
  assert.ok(!renamed.includes('"./x_bg.js"') && !renamed.includes('w.__wbindgen_start'));
  // Only whole words: a longer identifier that starts with a name is left alone.
  assert.ok(renamed.includes('"__wbg_log_0123456789abcdefX"'));
});

test('a name the glue does not contain fails the build', () => {
  const { renames } = renameWasm(wasm, glue);
  assert.throws(() => renameGlue('const i={};', renames), /is not in the glue/);
});
