// What the first step does that a warmed one does not: the first Continue (the first question to
// the second) traced, in runs taken in turn cold and warmed by hand (as ab.mjs's `pre:`: the
// first question answered, Continue, Back), on run.mjs's profile. For each run it prints the
// step's time, the wasm functions compiled lazily in it and the main thread's synchronous font
// lookups (replies from Chromium's font services); then, per trace event name, the main thread's
// time inside the step, cold against warmed (the mean over the runs; an event inside another of
// its name counted once). Tracing slows every step: compare the two columns, not the times with
// untraced runs. Found the caret of the eleventh session (BENCHMARKS.md).
//
//   node bench/experiments/first-step-trace.mjs RUNS DIR
import { resolve } from 'node:path';
import { APPS, THINK_MS, launch, msByName, readAnswers, serve, startOurs, waitForQuiet, warm, warmByHand } from '../lib.mjs';

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm',
  'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.compile', 'blink', 'toplevel', 'blink.user_timing',
];
const PORT = 8620;
const ANSWERS = readAnswers();
const [runs, dirArg] = process.argv.slice(2);
if (!(Number(runs) > 0) || !dirArg) {
  console.error('usage: node bench/experiments/first-step-trace.mjs RUNS DIR');
  process.exit(2);
}
const dir = resolve(dirArg);

/** One run: load, Start, (warm by hand,) answer, then Continue traced. */
async function run(warmed) {
  const browser = await launch();
  try {
    const { page, first } = await startOurs(browser, PORT);
    if (warmed) await warmByHand(page, first, ANSWERS);
    await APPS.ours.answer(page, first, ANSWERS[first]);
    await page.waitForTimeout(THINK_MS);
    await browser.startTracing(page, { categories: CATEGORIES });
    // A user-timing mark ties the page's clock (the probe's) to the trace's.
    const markAt = await page.evaluate(() => performance.mark('first-step-trace').startTime);
    const pressed = await page.evaluate(() => window.__bench.presses.length);
    await page.click(APPS.ours.continue, { force: true });
    const step = await page.evaluate((n) => window.__bench.until(() => window.__bench.presses[n]), pressed);
    await page.waitForTimeout(50);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const offset = events.find((e) => e.name === 'first-step-trace').ts - markAt * 1000;
    const from = offset + step.at * 1000;
    const to = from + step.ms * 1000;
    const thread = mainThread(events);
    const main = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.ts >= from && e.ts < to);
    const fontLookups = main.filter((e) => e.name === 'Receive mojo reply' && /font/i.test(JSON.stringify(e.args ?? {})));
    return { ms: step.ms, sums: msByName(main), lazy: main.filter((e) => e.name === 'wasm.CompileLazy').length, fontLookups: fontLookups.length };
  } finally {
    await browser.close();
  }
}

/** The renderer's main thread with the most events: the page's. */
function mainThread(events) {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) === 'CrRendererMain') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

const server = await serve(dir, PORT);
try {
  await warm(dir, PORT);
  const results = { cold: [], warmed: [] };
  for (let r = 0; r < Number(runs); r++) {
    for (const warmed of [false, true]) {
      await waitForQuiet(0.25, 60000);
      const result = await run(warmed);
      (warmed ? results.warmed : results.cold).push(result);
      console.log(`run ${r} ${warmed ? 'warmed' : 'cold  '}: step ${result.ms.toFixed(1)} ms, ${result.lazy} lazy compilations, ${result.fontLookups} font lookups`);
    }
  }
  const mean = (list, name) => list.reduce((sum, r) => sum + (r.sums[name] ?? 0), 0) / list.length;
  const names = [...new Set([...results.cold, ...results.warmed].flatMap((r) => Object.keys(r.sums)))];
  const rows = names.map((name) => [name, mean(results.cold, name), mean(results.warmed, name)]).sort((a, b) => b[1] - b[2] - (a[1] - a[2]));
  console.log('\nmain thread inside the step, mean ms: cold, warmed, difference');
  for (const [name, cold, warmedMs] of rows.slice(0, 30)) {
    console.log(`  ${cold.toFixed(1).padStart(6)} ${warmedMs.toFixed(1).padStart(6)} ${(cold - warmedMs).toFixed(1).padStart(6)}  ${name}`);
  }
} finally {
  server.removeAllListeners('exit');
  server.kill('SIGTERM');
}
