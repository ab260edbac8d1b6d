// Trunk's post_build hook. Trunk starts the hooks of one stage all at once, and both of these
// rewrite index.html, so they run here one after the other: minify the glue (and its integrity
// hash), then allow the inline loader by its hash in the Content-Security-Policy; and the app's
// words as served (tools/words.mjs).
import { execFileSync } from 'node:child_process';

for (const step of ['tools/short-names.mjs', 'tools/minify-js.mjs', 'tools/csp-hash.mjs', 'tools/words.mjs']) {
  execFileSync(process.execPath, [step], { stdio: 'inherit' });
}
