// terser, from tools/node (installed by scripts/setup.sh --web), set up once for wasm-bindgen's
// JavaScript glue: used by minify-js.mjs (the app) and build-engine.mjs (the engine API).
import { createRequire } from 'node:module';

const { minify } = createRequire(new URL('./node/package.json', import.meta.url))('terser');

/** The module's text minified. Property names are left alone: the wasm module finds its imports
 * by name, and callers use the glue's exported names and methods. */
export async function minifyModule(text) {
  const { code } = await minify(text, { module: true, compress: true, mangle: true });
  return code;
}

/** A classic script's text minified, such as index.html's inline one: its top-level names stay,
 * since the page and the app reach them (`window.prescreenCompile`). */
export async function minifyScript(text) {
  const { code } = await minify(text, { module: false, compress: true, mangle: true });
  return code;
}
