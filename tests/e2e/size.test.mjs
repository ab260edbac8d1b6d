// The first page load's transfer budget, computed from the build, so it is the same on every
// machine: the page, every asset it references (stylesheet, script, wasm) and the compiled trial
// it fetches, in the language shown (src/load.rs), for each language: each file
// compressed as tools/serve.mjs sends it (gzip by zopfli, or zlib at level 9 where zopfli is not
// installed; brotli quality 11 shown for the record). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './helpers.mjs';
import { compressFile, GZIP_NAME } from '../../tools/compress.mjs';

const BUDGET_GZIP = 150 * 1024; // bytes, the whole first load, gzip as served (by zopfli)
// A looser bound that holds with zlib's gzip too, for a machine without zopfli, where the budget
// itself cannot be measured as served.
const CEILING_GZIP = 160 * 1024;
const LANGS = ['en', 'it'];
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/** Every local file index.html makes the browser fetch at load, in order of first mention. */
function referencedAssets(html) {
  const found = new Set();
  // Attribute values quoted or not: the release build's HTML is minified.
  const patterns = [
    /<link\b[^>]*\bhref=["']?([^"'\s>]+)/g, // stylesheet, modulepreload, preload
    /<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g,
    /\bfrom\s+'([^']+)'/g, // the inline module loader: import ... from './x.js'
    /\bimport\(\s*'([^']+)'\s*\)/g,
    /\bmodule_or_path:\s*'([^']+)'/g, // ...and its wasm
  ];
  for (const pattern of patterns) {
    for (const [, ref] of html.matchAll(pattern)) {
      if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) {
        throw new Error(`index.html references another origin: ${ref}`);
      }
      found.add(ref.replace(/^\.\//, '').replace(/[?#].*$/, ''));
    }
  }
  // The engine's module is imported only for a definition with no compiled trial beside it
  // (index.html, prescreenCompile): never on this first load (tests/e2e/loading.test.mjs).
  return [...found].filter((ref) => !ref.startsWith('engine/'));
}

/** Every file of the first load with its raw, gzip and brotli bytes, and the totals; measured
 * once (zopfli takes a second or two) for the tests that need them. */
let measured;
const measure = () => (measured ??= measureOnce());

async function measureOnce() {
  const index = join(DIST, 'index.html');
  assert.ok(existsSync(index), `${index} exists (run tests/e2e/run.sh, which builds it)`);
  const html = readFileSync(index, 'utf8');
  const assets = referencedAssets(html);
  for (const kind of ['.css', '.js', '.wasm']) {
    assert.ok(assets.some((a) => a.endsWith(kind)), `index.html references a ${kind} file: ${assets.join(', ')}`);
  }
  // Per language: the compiled trial and the app's words (index.html fetches both at once).
  const perLanguage = (lang) => [`trials/interact.${lang}.trial`, `i18n/${lang}.txt`];
  const files = ['index.html', ...assets, ...LANGS.flatMap(perLanguage)];
  const rows = [];
  for (const name of files) {
    const path = join(DIST, name);
    assert.ok(existsSync(path), `${name}, referenced by index.html, is in the build`);
    rows.push({
      file: name,
      raw: readFileSync(path).length,
      gzip: (await compressFile(path, 'gzip')).length,
      brotli: (await compressFile(path, 'br')).length,
    });
  }
  // A browser fetches the files of one language: each language's first load.
  const ofALanguage = new Set(LANGS.flatMap(perLanguage));
  const loads = LANGS.map((lang) => {
    const files = rows.filter((r) => !ofALanguage.has(r.file) || perLanguage(lang).includes(r.file));
    const total = files.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { lang, rows: files, total };
  });
  // The larger of the two, which the budget must hold for.
  const { rows: largest, total } = loads.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));

  const width = Math.max(...rows.map((r) => r.file.length), 'total'.length);
  const line = (file, r) => `${file.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
  console.log(
    [
      `first-load transfer (bytes), budget ${BUDGET_GZIP} gzip:`,
      `${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${GZIP_NAME.padStart(9)}  ${'brotli 11'.padStart(9)}`,
      ...rows.map((r) => line(r.file, r)),
      ...loads.map((l) => line(`total (${l.lang})`, l.total)),
    ].join('\n'),
  );
  return { rows: largest, total, loads };
}

test('the first page load does not grow past its ceiling, with any gzip', async () => {
  const { total } = await measure();
  assert.ok(total.gzip <= CEILING_GZIP, `the first load is ${total.gzip} bytes by ${GZIP_NAME}, over the ${CEILING_GZIP}-byte ceiling`);
});

test('the first page load fits in 150 KB gzip, in each language', async () => {
  assert.equal(GZIP_NAME, 'zopfli', 'the budget is for gzip as served, by zopfli: scripts/setup.sh installs it');
  const { loads } = await measure();
  for (const { lang, rows, total } of loads) {
    assert.ok(
      total.gzip <= BUDGET_GZIP,
      `the first load (${lang}) is ${total.gzip} bytes gzip (${(total.gzip / 1024).toFixed(1)} KB), over the ${BUDGET_GZIP}-byte budget by ${total.gzip - BUDGET_GZIP}; ` +
        rows.map((r) => `${r.file} ${r.gzip}`).join(', '),
    );
  }
});

// Issue 5's goal: at least 3x fewer bytes than the same questionnaire built with SurveyJS
// (bench/, English only). Its page transfers 404,827 B on the wire (gzip, with headers:
// BENCHMARKS.md), so ours may transfer 134,942 B; our six responses' headers take about 2.6 KB
// of that. Kept here, where it is deterministic, so that growth past it fails a test rather than
// turning up at the next benchmark.
const SURVEYJS_THIRD_BODIES = 132_300;

test('the English first load stays 3x smaller than the SurveyJS page', async () => {
  assert.equal(GZIP_NAME, 'zopfli', 'measured as served, by zopfli: scripts/setup.sh installs it');
  const { loads } = await measure();
  const { total } = loads.find((l) => l.lang === 'en');
  assert.ok(
    total.gzip <= SURVEYJS_THIRD_BODIES,
    `the English first load is ${total.gzip} bytes gzip, over the ${SURVEYJS_THIRD_BODIES} that keep it 3x smaller than SurveyJS's page, by ${total.gzip - SURVEYJS_THIRD_BODIES}`,
  );
});

// tools/short-names.mjs renames the wasm's imports and exports (4-5 KB gzip of names); a
// wasm-bindgen upgrade that changed the glue's shape would make it fail the build, and this
// catches it being left out of the build.
test('the served wasm carries short import names, not wasm-bindgen long ones', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wasm = referencedAssets(html).find((a) => a.endsWith('.wasm'));
  const bytes = readFileSync(join(DIST, wasm));
  assert.equal(bytes.indexOf('__wbg_'), -1, `${wasm} still has __wbg_ names`);
  assert.equal(bytes.indexOf('_bg.js'), -1, `${wasm} still names its glue module`);
});

// The registry widget: its loader (issue 4: at most 4 KB gzip), on top of the page it frames,
// whose first load is the one measured above (the same files; embed=1 changes no byte).
const LOADER_BUDGET_GZIP = 4 * 1024;

test('the widget loader, embed.js, is at most 4 KB gzip', async () => {
  const path = join(DIST, 'embed.js');
  assert.ok(existsSync(path), 'embed.js is in the build');
  const raw = readFileSync(path);
  const gzip = (await compressFile(path, 'gzip')).length;
  const brotli = (await compressFile(path, 'br')).length;
  const { total } = await measure();
  console.log(`embed.js: ${raw.length} raw, ${gzip} gzip, ${brotli} brotli; widget first load with it: ${total.gzip + gzip} gzip, ${total.brotli + brotli} brotli`);
  assert.ok(gzip <= LOADER_BUDGET_GZIP, `embed.js is ${gzip} bytes gzip, over ${LOADER_BUDGET_GZIP}`);
});

// The engine's module, fetched only for a definition with no compiled trial: the architecture
// issue let it grow by 10% at most when the hand-written TOML reader gave way to toml_parser,
// from 67,637 B gzip (zopfli, at 58bcaae).
const ENGINE_BUDGET_GZIP = Math.floor(67_637 * 1.1);

test('the engine module grew by at most 10% with toml_parser', async () => {
  const path = join(DIST, 'engine', 'prescreen_engine_bg.wasm');
  assert.ok(existsSync(path), 'the engine module is in the build');
  const gzip = (await compressFile(path, 'gzip')).length;
  console.log(`engine/prescreen_engine_bg.wasm: ${readFileSync(path).length} raw, ${gzip} gzip`);
  assert.ok(gzip <= ENGINE_BUDGET_GZIP, `the engine module is ${gzip} bytes gzip, over ${ENGINE_BUDGET_GZIP}`);
});
