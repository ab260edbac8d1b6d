// Post-build step (release only; run by tools/post-build.mjs, before minify-js.mjs): gives the
// wasm's imports and exports short names, in the wasm and in wasm-bindgen's glue alike.
//
// Why: wasm-bindgen names each of the ~150 imports like `__wbg_getBoundingClientRect_329ca748ec918b0c`
// under the module `./prescreen-app_bg.js`, and each name is written twice, once in the wasm and
// once in the glue. The hash suffixes do not compress: about 5 KB gzip of the first load was names.
// The names are private to this pair of files (the page calls only the glue's `init`), so any
// unique names do.
//
// The wasm is renamed by tools/wasm-short-names, a small Rust tool on wasmparser and wasm-encoder
// (first-come names `a`, `b`, … in the import section's order, the exports from `a` again; every
// other section copied byte for byte): that order compresses about 440 B gzip better than
// binaryen's `--minify-imports-and-exports-and-modules`. It prints its renames, and the glue is
// renamed after them here. Every import must be found in the glue as a whole word, or the build fails; an export the
// glue never reads (`main`) is renamed in the wasm alone.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { swapIntegrity } from './integrity.mjs';

/** The repository, where cargo finds the tool's package. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Renames the wasm at `input` into `output` (the same path will do) and returns the renames:
 * old name → new name, for import modules and names (`imports`) and for exports (`exports`).
 * Cargo builds the tool in the dev profile: CI's `cargo test --workspace` has built its
 * dependencies so already, where the release profile's LTO would build them again for twice as
 * long, and the dev build renames the app's wasm in 0.2 s.
 */
export function shortenWasm(input, output) {
  const out = execFileSync('cargo', ['run', '--quiet', '-p', 'wasm-short-names', '--', input, output], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const renames = { imports: new Map(), exports: new Map() };
  for (const line of out.split('\n').filter(Boolean)) {
    const { kind, old, new: now } = JSON.parse(line);
    renames[`${kind}s`].set(old, now);
  }
  return renames;
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
  const renames = shortenWasm(wasmPath, wasmPath);
  const wasm = readFileSync(wasmPath);
  const glue = Buffer.from(renameGlue(glueBefore.toString('utf8'), renames), 'utf8');
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
