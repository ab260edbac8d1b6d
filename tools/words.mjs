// Post-build step (run by tools/post-build.mjs): the app's words as it fetches them. The
// catalogue files people edit (static/i18n/<lang>.txt) give each text as `key = text`, with
// comments; the app reads texts by position (src/i18n), so the served file keeps the texts alone,
// one a line: the keys and comments were about 800 B gzip of each first load.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The texts of a catalogue file, one a line, in its order. */
export function servedWords(source, name = 'catalogue') {
  const texts = source
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf(' = ');
      if (at < 0) throw new Error(`words: ${name}: "${line}" is not key = text`);
      return line.slice(at + 3);
    });
  return `${texts.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('words: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
    process.exit(1);
  }
  const words = join(dir, 'i18n');
  for (const name of readdirSync(words).filter((n) => n.endsWith('.txt'))) {
    const path = join(words, name);
    writeFileSync(path, servedWords(readFileSync(path, 'utf8'), name));
  }
}
