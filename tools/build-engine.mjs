// Trunk post-build hook: builds the engine's JavaScript API (crates/engine-js, README.md "Engine
// API (JavaScript)") into the staging directory's engine/ folder. Trunk builds only the app named
// in index.html; the engine is a separate wasm binary so that the app's wasm does not carry it.
//
//   cargo build --target wasm32-unknown-unknown -p prescreen-engine-js   (--release in release)
//   wasm-bindgen --target web --no-typescript --out-name prescreen_engine
//   wasm-opt -Oz --gufa -Oz, short names, terser on the glue              (release only, as the app)
//
// Gives engine/prescreen_engine.js (the ES module to import) and engine/prescreen_engine_bg.wasm.
// The tools are taken from PATH, then from tools/node (wasm-opt) and ~/.cargo/bin (wasm-bindgen),
// where scripts/setup.sh installs them. The short names come from tools/short-names.mjs, whose
// Rust tool cargo builds and runs; the app's hook runs it at the same time, and cargo's lock on
// the target directory takes the two cargo runs one at a time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { minifyModule } from './terser.mjs';
import { shortenFiles } from './short-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('build-engine: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const env = {
  ...process.env,
  PATH: [process.env.PATH, join(root, 'tools/node/node_modules/.bin'), join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin')].join(delimiter),
};

/** Runs a command in the repository; stops the build with its output when it fails. */
function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], maxBuffer: 64 << 20 });
  if (result.error || result.status !== 0) {
    console.error(`build-engine: ${command} ${args.join(' ')} failed: ${result.error ?? `exit ${result.status}`}`);
    process.exit(1);
  }
  return result.stdout;
}

// Cargo says where it put the wasm (CARGO_TARGET_DIR and the profile are its business).
const cargoArgs = ['build', '--target', 'wasm32-unknown-unknown', '-p', 'prescreen-engine-js', '--message-format=json-render-diagnostics'];
if (release) cargoArgs.push('--release');
const wasm = run('cargo', cargoArgs, { capture: true })
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'prescreen-engine-js')
  .flatMap((m) => m.filenames)
  .find((f) => f.endsWith('.wasm'));
if (!wasm) {
  console.error('build-engine: cargo built no prescreen-engine-js .wasm');
  process.exit(1);
}

const out = join(staging, 'engine');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', 'prescreen_engine', '--out-dir', out, wasm]);
const bg = join(out, 'prescreen_engine_bg.wasm');
if (release) {
  // --gufa (binaryen's whole-program flow analysis) then -Oz again: 0.4 KB gzip less, which keeps
  // the module within 10% of its size before the toml_parser reader (BENCHMARKS.md).
  run('wasm-opt', ['-Oz', '--gufa', '-Oz', '--output', bg, bg]);
  // As tools/short-names.mjs (through tools/wasm-short-names) and tools/minify-js.mjs do for
  // the app.
  const glue = join(out, 'prescreen_engine.js');
  shortenFiles(bg, glue);
  writeFileSync(glue, await minifyModule(readFileSync(glue, 'utf8')));
}
console.log(`build-engine: ${out}/prescreen_engine.js (${release ? 'release' : 'debug'})`);
