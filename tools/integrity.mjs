// The Subresource Integrity hashes Trunk writes into index.html: a post-build step that rewrites a
// file it references (tools/short-names.mjs, tools/minify-js.mjs) swaps its hash too.
import { createHash } from 'node:crypto';

/** The `integrity` value of these bytes, as Trunk writes it. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The page with the integrity hash of `before` replaced by that of `after`. */
export function swapIntegrity(html, before, after) {
  return html.replaceAll(sri(before), sri(after));
}
