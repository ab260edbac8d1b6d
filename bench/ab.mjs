// One or more builds of our app, interleaved run by run, on the same profile as bench/run.mjs
// (4x CPU, the mobile network, a new browser per run, think time 250 ms). For experiments on the
// step times only: it prints each run's steps, then per build the first two steps, the worst
// step of each run and the steps over 50 ms.
//
//   node bench/ab.mjs RUNS BUILD BUILD...
//
// A BUILD written `pre:DIR` is DIR warmed by hand: the first question is answered, Continue,
// Back, and only then does the measured journey start. Its first step shows what the first step
// costs once its code has run once (the most any warming in the app could give).
// A BUILD may end in `@SWITCH` (one or more): Chromium switches for that build's runs only, e.g.
// `DIR@--js-flags=--liftoff-only`, to compare the same build with and without a switch.
// Used for the rehearsals of the first step and for the caret a click on an answer leaves
// (BENCHMARKS.md, Decisions).
import { resolve } from 'node:path';
import { THINK_MS, journey, launch, median, questionSteps, readAnswers, serve, startOurs, waitForQuiet, warm, warmByHand } from './lib.mjs';

const ANSWERS = readAnswers();
// lib.mjs's own options (--browser-arg ARG, --encoding E, --no-throttle) are for lib.mjs, not builds.
const VALUED = new Set(['--browser-arg', '--encoding', '--dist', '--port']);
const [runs, ...names] = process.argv
  .slice(2)
  .filter((arg, i, all) => !arg.startsWith('--') && !VALUED.has(all[i - 1]));
const builds = names.map(parseBuild);
if (!(Number(runs) > 0) || builds.length < 1) {
  console.error('usage: node bench/ab.mjs RUNS BUILD [BUILD...]   (BUILD: a dist directory, or pre:DIR)');
  process.exit(2);
}
/**
 * `[pre:]DIR[@SWITCH...]` read once: the directory, absolute (lib.mjs's warm() names each file by
 * cutting the directory off its path); whether it is warmed by hand; its Chromium switches (each
 * starts with `--`, so a directory may hold an `@` of its own).
 */
function parseBuild(build) {
  const [dir, ...switches] = build.replace(/^pre:/, '').split(/@(?=--)/);
  return { name: build, dir: resolve(dir), warmed: build.startsWith('pre:'), switches };
}
const portOf = (i) => 8600 + i;

/** One run: load, Start, (warm by hand,) then the journey; the Continue times in ms. */
async function run(build, port) {
  const browser = await launch(build.switches);
  try {
    const { page, first } = await startOurs(browser, port);
    if (build.warmed) await warmByHand(page, first, ANSWERS);
    const { steps } = await journey(page, 'ours', first, ANSWERS, THINK_MS);
    return questionSteps(steps).map((step) => step.ms);
  } finally {
    await browser.close();
  }
}

const servers = [];
try {
  for (const [i, build] of builds.entries()) {
    servers.push(await serve(build.dir, portOf(i)));
    await warm(build.dir, portOf(i));
  }
  const results = builds.map(() => []);
  for (let r = 0; r < Number(runs); r++) {
    for (const [i, build] of builds.entries()) {
      await waitForQuiet(0.25, 60000);
      const steps = await run(build, portOf(i));
      results[i].push(steps);
      console.log(`${build.name} run ${r}: median ${median(steps).toFixed(1)} worst ${Math.max(...steps).toFixed(1)} | ${steps.map((ms) => ms.toFixed(0)).join(' ')}`);
    }
  }
  const list = (values) => values.map((ms) => ms.toFixed(0)).join(' ');
  for (const [i, build] of builds.entries()) {
    const all = results[i].flat();
    console.log(`${build.name}: step median ${median(all).toFixed(1)}; first step ${list(results[i].map((s) => s[0]))}; second ${list(results[i].map((s) => s[1]))}; worst of each run ${list(results[i].map((s) => Math.max(...s)))}; over 50 ms ${all.filter((ms) => ms > 50).length} of ${all.length}`);
  }
} finally {
  for (const server of servers) {
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
  }
}
