// Post-build step (release only; run by tools/post-build.mjs, before minify-js.mjs): gives the
// wasm's imports and exports short names, in the wasm and in wasm-bindgen's glue alike.
//
// Why: wasm-bindgen names each of the ~150 imports like `__wbg_getBoundingClientRect_329ca748ec918b0c`
// under the module `./prescreen-app_bg.js`, and each name is written twice, once in the wasm and
// once in the glue. The hash suffixes do not compress: about 4 KB gzip of the first load was names.
// The names are private to this pair of files (the page calls only the glue's `init`), so any
// unique names do. Every long name must be found in the glue as a whole word, or the build fails.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { swapIntegrity } from './integrity.mjs';

/** `a`, `b`, … `Z`, `aa`, `ab`, …: valid, unquoted JavaScript property names. */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

/** A reader over one wasm binary: LEB128 numbers, names, and its position. */
function reader(bytes, start) {
  let pos = start;
  const r = {
    get pos() {
      return pos;
    },
    u32() {
      let result = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[pos++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return result;
    },
    name() {
      const length = r.u32();
      const text = bytes.toString('utf8', pos, pos + length);
      pos += length;
      return text;
    },
    skip(n) {
      pos += n;
    },
  };
  return r;
}

const encodeName = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** Skips an import's description (func, table, memory or global) and returns its bytes. */
function importDesc(bytes, r) {
  const start = r.pos;
  const kind = bytes[start];
  r.skip(1);
  const limits = () => {
    const flags = r.u32();
    r.u32();
    if (flags & 1) r.u32();
  };
  if (kind === 0) r.u32();
  else if (kind === 1) {
    r.skip(1);
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) r.skip(2);
  else throw new Error(`short-names: unknown import kind ${kind}`);
  return bytes.subarray(start, r.pos);
}

/** `name` as a whole word: not part of a longer identifier. */
const word = (name) =>
  new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');

/** Returns the wasm with renamed imports and exports, and the map old name → new name. */
export function renameWasm(bytes, glue) {
  const inGlue = (name) => word(name).test(glue);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('short-names: not a wasm binary');
  const renames = new Map();
  const rename = (old) => {
    if (!renames.has(old)) renames.set(old, shortName(renames.size));
    return renames.get(old);
  };
  const parts = [bytes.subarray(0, 8)];
  const r = reader(bytes, 8);
  while (r.pos < bytes.length) {
    const sectionStart = r.pos;
    const id = bytes[r.pos];
    r.skip(1);
    const size = r.u32();
    const bodyStart = r.pos;
    const end = bodyStart + size;
    if (id === 2 || id === 7) {
      const count = r.u32();
      const body = [uleb(count)];
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          const module = r.name();
          const field = r.name();
          body.push(encodeName(rename(module)), encodeName(rename(field)), importDesc(bytes, r));
        } else {
          const field = r.name();
          const descStart = r.pos;
          r.skip(1);
          r.u32();
          // `memory` is a common word that the glue may use for other things too, and an export
          // the glue never calls (`main`) keeps its name.
          const name = field === 'memory' || !inGlue(field) ? field : rename(field);
          body.push(encodeName(name), bytes.subarray(descStart, r.pos));
        }
      }
      if (r.pos !== end) throw new Error(`short-names: section ${id} did not parse to its end`);
      const content = Buffer.concat(body);
      parts.push(Buffer.from([id]), uleb(content.length), content);
    } else {
      parts.push(bytes.subarray(sectionStart, end));
    }
    r.skip(end - r.pos);
  }
  return { wasm: Buffer.concat(parts), renames };
}

/** The glue with every old name, as a whole word, replaced; fails if one is missing. */
export function renameGlue(code, renames) {
  for (const [old, now] of renames) {
    const pattern = word(old);
    if (!pattern.test(code)) throw new Error(`short-names: "${old}" is not in the glue`);
    code = code.replace(pattern, now);
  }
  return code;
}

/** Renames one wasm and its glue in place; returns both files' bytes before and after. */
export function shortenFiles(wasmPath, gluePath) {
  const wasmBefore = readFileSync(wasmPath);
  const glueBefore = readFileSync(gluePath);
  const { wasm, renames } = renameWasm(wasmBefore, glueBefore.toString('utf8'));
  const glue = Buffer.from(renameGlue(glueBefore.toString('utf8'), renames), 'utf8');
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  console.log(`short-names: ${renames.size} names; ${wasmPath} ${wasmBefore.length} -> ${wasm.length} bytes`);
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
