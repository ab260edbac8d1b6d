// Trunk's post_build hook. Trunk starts the hooks of one stage all at once, and each of these
// rewrites index.html, so they run here one after the other: short names for the wasm's imports
// and exports, in the wasm and its glue (short-names.mjs; its Rust tool runs through cargo, which
// waits on cargo's lock while tools/build-engine.mjs, the other hook, builds the engine), then
// minify the glue (and their integrity hashes), then allow the inline loader by its hash in the
// Content-Security-Policy; and the app's words as served (tools/words.mjs).
import { execFileSync } from 'node:child_process';

for (const step of ['tools/short-names.mjs', 'tools/minify-js.mjs', 'tools/csp-hash.mjs', 'tools/words.mjs']) {
  execFileSync(process.execPath, [step], { stdio: 'inherit' });
}
