// Post-build step (run by tools/post-build.mjs): puts the SHA-256 of every inline <script> of the
// built index.html into its Content-Security-Policy, in place of __INLINE_SCRIPT_HASHES__, so no other inline script
// can run. Fails the build when the placeholder or the scripts are missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes))
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (!html.includes('__INLINE_SCRIPT_HASHES__') || inline.length === 0) {
  console.error('csp-hash: expected the __INLINE_SCRIPT_HASHES__ placeholder and an inline loader');
  process.exit(1);
}
writeFileSync(file, html.replace('__INLINE_SCRIPT_HASHES__', inline.join(' ')));
console.log(`csp-hash: ${inline.length} inline script(s) allowed by hash`);
