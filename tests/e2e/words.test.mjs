// tools/words.mjs: the app's words as served, the texts alone, one a line (src/i18n reads them by
// position). No browser needed; the built files are checked against the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { servedWords } from '../../tools/words.mjs';
import { ROOT } from './helpers.mjs';

const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

test('the served words are the texts alone, in order', () => {
  const source = '# a comment\n\nfirst = One = 1\nsecond = Two\n';
  assert.equal(servedWords(source), 'One = 1\nTwo\n');
  assert.throws(() => servedWords('a line without its key\n'), /is not key = text/);
});

test('the build serves each catalogue as its source file gives it, without keys or comments', () => {
  for (const lang of ['en', 'it']) {
    const source = readFileSync(join(ROOT, 'static/i18n', `${lang}.txt`), 'utf8');
    const served = readFileSync(join(DIST, 'i18n', `${lang}.txt`), 'utf8');
    assert.equal(served, servedWords(source), `i18n/${lang}.txt`);
    assert.ok(source.startsWith('#') && !served.startsWith('#'), `i18n/${lang}.txt: no comment`);
  }
});
