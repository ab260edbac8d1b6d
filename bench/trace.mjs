// Where the time to the first question goes: one cold load of a page under the mobile profile,
// from navigation to the first question painted, recorded as a Chromium trace and summarised:
// the request waterfall, the main thread's long tasks (with what ran in them), and the
// WebAssembly compile and instantiate events wherever they ran. Issue 5's diagnosis.
//
//   node bench/trace.mjs [--app ours|theirs|floor] [--dist DIR] [--save /tmp/trace.json] [--no-throttle]
//                        [--journey] [--profile]
//
// --journey goes on through the whole journey (examples/patient-likely.json) and adds, for each
// Continue, what the main thread did between the press and the next question painted. --profile
// also samples the CPU (over the journey with --journey, else over the load up to the first
// question) and lists the functions with the most self time (wasm functions have names only in a
// build that keeps them: Trunk's data-wasm-opt-params="-g", or data-keep-debug).
//
// The saved trace opens in Chromium's DevTools (Performance panel, "Load profile").
import { writeFileSync } from 'node:fs';
import { APPS, DIST, THINK_MS, flag, option, launch, throttle, probeScript, requireBuild, serveAll, recordNetwork, journey, readAnswers, msByName } from './lib.mjs';

const APP = option('app', 'ours');
const SAVE = option('save', null);
const JOURNEY = flag('journey');
const PROFILE = flag('profile');
const ANSWERS = readAnswers();
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'v8', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.compile',
  'blink.user_timing', 'loading', 'toplevel', 'netlog',
];

requireBuild();
const stopServers = await serveAll(ANSWERS);
const browser = await launch();
let trace;
let waterfall;
let marks;
let steps = [];
let profile = null;
try {
  const app = APPS[APP];
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.addInitScript(probeScript(APP));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp);
  const network = recordNetwork(cdp);
  await browser.startTracing(page, { categories: CATEGORIES });
  // --profile alone: the CPU profile of the load, up to the first question painted.
  const profileLoad = PROFILE && !JOURNEY;
  if (profileLoad) await startProfiler(cdp);
  await page.goto(`http://127.0.0.1:${app.port}/`, { waitUntil: 'commit' });
  const startReady = await page.evaluate(() => window.__bench.until(() => window.__bench.marks.startReady));
  await page.click(app.start, { force: true });
  const press = await page.evaluate(() => window.__bench.until(() => window.__bench.presses[0]));
  marks = { startReady, pressAt: press.at, questionPainted: press.at + press.ms };
  if (profileLoad) profile = (await cdp.send('Profiler.stop')).profile;
  if (JOURNEY) {
    if (PROFILE) await startProfiler(cdp);
    steps = (await journey(page, APP, press.to, ANSWERS, THINK_MS)).steps;
    if (PROFILE) profile = (await cdp.send('Profiler.stop')).profile;
  }
  await page.waitForTimeout(300);
  trace = JSON.parse((await browser.stopTracing()).toString());
  waterfall = network.waterfall();
  await context.close();
} finally {
  await browser.close();
  stopServers();
}
if (SAVE) writeFileSync(SAVE, JSON.stringify(trace));

/** Starts sampling the page's CPU every 0.1 ms; `Profiler.stop` returns the profile. */
async function startProfiler(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

// --- the summary -------------------------------------------------------------------------------

const events = trace.traceEvents ?? trace;
const threadNames = new Map(
  events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]),
);
// The page's renderer: the process whose main thread ran the navigation (navigationStart mark).
const navStart = events
  .filter((e) => e.name === 'navigationStart' && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.args?.data?.documentLoaderURL?.startsWith('http'))
  .sort((a, b) => a.ts - b.ts)[0];
if (!navStart) throw new Error('no navigationStart in the trace');
const { pid, tid } = navStart;
const t0 = navStart.ts;
const ms = (ts) => (ts - t0) / 1000;
const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0);

console.log(`${APPS[APP].name} (${APPS[APP].dir}), one cold load, times in ms from navigation start`);
console.log(`start page painted ${marks.startReady.toFixed(0)}, Start pressed ${marks.pressAt.toFixed(0)}, first question painted ${marks.questionPainted.toFixed(0)}\n`);

console.log('requests (ms from the first request):');
for (const r of waterfall) {
  console.log(`  ${r.path.padEnd(44)} ${String(r.bytes).padStart(7)} B  sent ${String(r.sent).padStart(5)}  first byte ${String(r.responded).padStart(5)}  done ${String(r.finished).padStart(5)}`);
}

// Main-thread tasks of 5 ms or more, with the largest events inside each.
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= 5000);
console.log('\nmain-thread tasks of 5 ms or more (start, duration, what ran inside):');
let busy = 0;
for (const task of tasks) {
  const inside = main
    .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 1000 && e.name !== 'RunTask')
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 4)
    .map((e) => `${e.name}${detail(e)} ${(e.dur / 1000).toFixed(1)}`);
  busy += task.dur;
  console.log(`  ${ms(task.ts).toFixed(0).padStart(5)}  ${(task.dur / 1000).toFixed(1).padStart(6)}  ${inside.join('; ')}`);
}
const total = main.filter((e) => e.name === 'RunTask' && ms(e.ts) <= marks.questionPainted).reduce((s, e) => s + e.dur, 0);
console.log(`  main thread busy until the first question: ${(total / 1000).toFixed(0)} ms (in tasks ≥ 5 ms: ${(busy / 1000).toFixed(0)} ms)`);

// WebAssembly: compilation (streaming, mostly on background threads) and instantiation.
const wasm = events.filter((e) => e.pid === pid && (e.cat ?? '').includes('wasm') && e.ts >= t0);
if (wasm.length) {
  console.log('\nWebAssembly events (thread, first start, last end, total duration, count):');
  const groups = new Map();
  for (const e of wasm) {
    const key = `${e.name} @ ${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    const g = groups.get(key) ?? { first: Infinity, last: 0, dur: 0, count: 0 };
    g.first = Math.min(g.first, e.ts);
    g.last = Math.max(g.last, e.ts + (e.dur ?? 0));
    g.dur += e.dur ?? 0;
    g.count += 1;
    groups.set(key, g);
  }
  for (const [key, g] of [...groups].sort((a, b) => a[1].first - b[1].first)) {
    console.log(`  ${key.padEnd(64)} ${ms(g.first).toFixed(0).padStart(5)} → ${ms(g.last).toFixed(0).padStart(5)}  ${(g.dur / 1000).toFixed(1).padStart(7)} ms  ×${g.count}`);
  }
}

// Each Continue: what ran on the main thread between the press and the next question painted.
if (steps.length) {
  const NAMES = ['v8.callFunction', 'wasm.CompileLazy', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'MinorGC', 'MajorGC'];
  console.log(`\neach Continue → next question painted: total, then main-thread time inside (ms): ${NAMES.join(', ')}`);
  for (const step of steps) {
    const from = t0 + step.at * 1000;
    const to = from + step.ms * 1000;
    const sums = msByName(main.filter((e) => e.ts >= from && e.ts < to));
    const cells = NAMES.map((name) => (sums[name] ?? 0).toFixed(1).padStart(5));
    console.log(`  ${step.to.slice(0, 28).padEnd(28)} ${step.ms.toFixed(1).padStart(6)}  ${cells.join(' ')}`);
  }
}

// Self time by function over the journey (idle, program and GC left out).
if (profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(functionName)) continue;
    const key = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nCPU profile of the ${JOURNEY ? 'journey' : 'load, to the first question'}: ${(total / 1000).toFixed(0)} ms of script; the most self time:`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key.slice(0, 110)}`);
  }
}

function detail(e) {
  const data = e.args?.data ?? {};
  const url = data.url ?? data.stackTrace?.[0]?.url;
  const fn = data.functionName;
  const parts = [fn, url && url.split('/').pop()].filter(Boolean);
  return parts.length ? ` (${parts.join(' ')})` : '';
}
