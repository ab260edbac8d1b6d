// Post-build step (release only; run by tools/post-build.mjs): minifies wasm-bindgen's JavaScript
// glue with terser, which Trunk's own minifier cannot parse, and rewrites the Subresource
// Integrity hash that index.html holds for it (about 1.8 KB gzip off the first load); and the
// page's own inline script, which Trunk leaves as written, comments and all (about 0.3 KB). Runs
// before csp-hash.mjs, which allows the inline scripts by their hashes.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minifyModule, minifyScript } from './terser.mjs';
import { swapIntegrity } from './integrity.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') {
  console.log('minify-js: not a release build; left as is');
  process.exit(0);
}

const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const file = join(dir, name);
  const before = readFileSync(file);
  const code = await minifyModule(before.toString('utf8'));
  writeFileSync(file, code);
  html = swapIntegrity(html, before, Buffer.from(code, 'utf8'));
  console.log(`minify-js: ${name} ${before.length} -> ${Buffer.byteLength(code)} bytes`);
}
// Classic inline scripts only: Trunk's loader (`type="module"`) is its own.
const inline = /<script>([\s\S]*?)<\/script>/g;
const scripts = [...html.matchAll(inline)].map(([, body]) => body);
for (const body of scripts) {
  const code = await minifyScript(body);
  html = html.replace(`<script>${body}</script>`, () => `<script>${code}</script>`);
  console.log(`minify-js: index.html's inline script ${body.length} -> ${code.length} bytes`);
}
writeFileSync(page, html);
