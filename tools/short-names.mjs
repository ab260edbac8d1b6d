// Post-build step (release only; run by tools/post-build.mjs, before minify-js.mjs): gives the
// wasm's imports and exports short names, in the wasm and in wasm-bindgen's glue alike.
//
// Why: wasm-bindgen names each of the ~150 imports like `__wbg_getBoundingClientRect_329ca748ec918b0c`
// under the module `./prescreen-app_bg.js`, and each name is written twice, once in the wasm and
// once in the glue. The hash suffixes do not compress: about 5 KB gzip of the first load was names.
// The names are private to this pair of files (the page calls only the glue's `init`), so any
// unique names do.
//
// Binaryen renames the wasm (`wasm-opt --minify-imports-and-exports-and-modules`); the glue is
// renamed from the two modules' own import and export lists, which the pass keeps in order, as
// WebAssembly reads them. Every import must be found in the glue as a whole word, or the build
// fails; an export the glue never uses (`main`) is renamed in the wasm alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { swapIntegrity } from './integrity.mjs';

/** `wasm` with its imports and exports renamed by binaryen's pass (wasm-opt from PATH). */
export function minifyNames(wasm) {
  // The pass prints its map on standard output, so the module goes through files.
  const dir = mkdtempSync(join(tmpdir(), 'short-names-'));
  try {
    const [input, output] = [join(dir, 'in.wasm'), join(dir, 'out.wasm')];
    writeFileSync(input, wasm);
    execFileSync('wasm-opt', [input, '--minify-imports-and-exports-and-modules', '-o', output], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The renames the pass made: old name → new name, for import modules and names (`imports`) and
 * for exports (`exports`), read from both modules in order.
 */
export function renamesBetween(before, after) {
  const [a, b] = [before, after].map((bytes) => new WebAssembly.Module(bytes));
  const [importsA, importsB] = [a, b].map((m) => WebAssembly.Module.imports(m));
  const [exportsA, exportsB] = [a, b].map((m) => WebAssembly.Module.exports(m));
  if (importsA.length !== importsB.length || exportsA.length !== exportsB.length) {
    throw new Error('short-names: the pass changed the number of imports or exports');
  }
  const imports = new Map();
  const add = (old, now) => {
    if (imports.has(old) && imports.get(old) !== now) throw new Error(`short-names: "${old}" renamed twice`);
    imports.set(old, now);
  };
  importsA.forEach((imp, i) => {
    add(imp.module, importsB[i].module);
    add(imp.name, importsB[i].name);
  });
  const exports = new Map(exportsA.map((exp, i) => [exp.name, exportsB[i].name]));
  return { imports, exports };
}

/** `name` as a whole word: not part of a longer identifier. */
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');
/** An export as the glue reads it: `wasm.name`. */
const property = (name) => new RegExp(`(?<=\\bwasm\\.)${escape(name)}(?![\\w$])`, 'g');

/** The glue with every old name replaced; fails if an import is missing from it. */
export function renameGlue(code, { imports, exports }) {
  // Placeholders first, so that a new name equal to an old one is not renamed twice.
  const placeholders = [];
  const swap = (pattern, now) => {
    code = code.replace(pattern, `\u0000${placeholders.length}\u0000`);
    placeholders.push(now);
  };
  for (const [old, now] of imports) {
    const pattern = word(old);
    if (!pattern.test(code)) throw new Error(`short-names: "${old}" is not in the glue`);
    swap(pattern, now);
  }
  for (const [old, now] of exports) swap(property(old), now);
  return code.replace(/\u0000(\d+)\u0000/g, (_, i) => placeholders[Number(i)]);
}

/** Renames one wasm and its glue in place; returns both files' bytes before and after. */
export function shortenFiles(wasmPath, gluePath) {
  const wasmBefore = readFileSync(wasmPath);
  const glueBefore = readFileSync(gluePath);
  const wasm = minifyNames(wasmBefore);
  const renames = renamesBetween(wasmBefore, wasm);
  const glue = Buffer.from(renameGlue(glueBefore.toString('utf8'), renames), 'utf8');
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  console.log(`short-names: ${renames.imports.size + renames.exports.size} names; ${wasmPath} ${wasmBefore.length} -> ${wasm.length} bytes`);
  return { wasmBefore, wasm, glueBefore, glue };
}

function main(dir) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const wasmName of readdirSync(dir).filter((n) => n.endsWith('_bg.wasm'))) {
    const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
    const { wasmBefore, wasm, glueBefore, glue } = shortenFiles(join(dir, wasmName), join(dir, glueName));
    html = swapIntegrity(swapIntegrity(html, wasmBefore, wasm), glueBefore, glue);
  }
  writeFileSync(page, html);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('short-names: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
    process.exit(1);
  }
  if (process.env.TRUNK_PROFILE === 'release') main(dir);
  else console.log('short-names: not a release build; left as is');
}
