// Measures prescreen's release build against the same questionnaire built with SurveyJS
// (bench/surveyjs), side by side, in headless Chromium with Lighthouse's mobile profile, and our
// engine's JavaScript API inside the page; with --apps ...,floor, also our pages written by hand
// with no logic (bench/floor), the floor of what a page of our shape costs. Issue 5. Not part of
// CI. See bench/README.md.
//
//   npm ci --prefix bench              # once: SurveyJS and the TOML parser
//   node bench/run.mjs [--runs 5] [--dist DIR]
//
// Other options (README.md): --port, --answers, --think, --encoding, --apps, --no-throttle,
// --quiet, --quiet-wait, --max-others, --retries, --patch, --browser-arg, --out. --dist is a release build of the app
// (trunk build --release --offline), dist/ by default. Both pages are served by tools/serve.mjs,
// gzip (the browser asks for gzip alone).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ROOT, BENCH, CHROMIUM, DIST, PORT, THROTTLE, ENCODING, CPU_RATE, NETWORK, DEVICE, APPS,
  option, launch, throttle, probeScript, requireBuild, serveAll, recordNetwork, journey, questionSteps, waitForQuiet, median,
  cpuSnapshot, othersShare, ANSWERS_FILE, THINK_MS, readAnswers,
} from './lib.mjs';

const RUNS = Number(option('runs', 5));
const THINK = Number(option('think', THINK_MS));
const OUT = resolve(option('out', join(BENCH, 'results.json')));
const ANSWERS = readAnswers(option('answers', ANSWERS_FILE));
// What to measure: our page, SurveyJS's, and our engine's API in a page.
const ONLY = option('apps', 'ours,theirs,engine').split(',');
// Before each measurement, wait (up to --quiet-wait seconds) until the rest of the machine uses
// less than --quiet of its CPU (2 cores: 0.25 is half a core).
const QUIET = Number(option('quiet', 0.25));
// An experiment's script injected into our page only, before the app (--patch FILE).
const PATCH = option('patch', null) && readFileSync(resolve(option('patch')), 'utf8');
const QUIET_WAIT_MS = Number(option('quiet-wait', 120)) * 1000;
// A measurement during which others took more than --max-others of the machine's CPU is kept in
// the raw results as disturbed, left out of the summary, and taken again (--retries times at most).
const MAX_OTHERS = Number(option('max-others', 0.1));
const RETRIES = Number(option('retries', 3));
const STEP_TIMEOUT = 30_000;

// --- one measured journey ----------------------------------------------------------------------

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

async function measure(browser, key) {
  const app = APPS[key];
  const context = await browser.newContext(DEVICE);
  context.setDefaultTimeout(STEP_TIMEOUT);
  try {
    await context.addInitScript(probeScript(key));
    if (PATCH && key === 'ours') await context.addInitScript({ content: PATCH });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const network = recordNetwork(cdp);
    const cpuBefore = cpuSnapshot();
    const bench = (fn, arg) => page.evaluate(fn, arg);

    await page.goto(`http://127.0.0.1:${app.port}/`, { waitUntil: 'commit' });
    const startReady = await bench(() => window.__bench.until(() => window.__bench.marks.startReady));

    // Start, then the first question.
    await page.click(app.start, { force: true });
    const started = await bench(() => window.__bench.until(() => window.__bench.presses[0]));
    const atFirst = {
      bytes: network.total(),
      metrics: await metricsOf(cdp),
      paint: await bench(() => window.__bench.paint()),
      wallMs: await bench(() => performance.now()),
    };

    const { steps, chooses } = await journey(page, key, started.to, ANSWERS, THINK);

    // The heap once the journey is done, after a full garbage collection.
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await metricsOf(cdp);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await bench(() => window.__bench.wasmBytes());
    const othersCpu = othersShare(cpuBefore, cpuSnapshot());

    const between = questionSteps(steps);
    const ms = (list) => list.map((s) => s.ms);
    return {
      app: key,
      othersCpu,
      errors,
      asked: [started.to, ...between.map((s) => s.to)],
      end: steps.at(-1)?.to ?? null,
      bytes: network.total(),
      bytesAtFirstQuestion: atFirst.bytes,
      requests: network.waterfall(),
      startReadyMs: startReady,
      startToQuestionMs: started.ms,
      // Navigation to the first question, without the time the driver took to press Start.
      firstQuestionMs: startReady + started.ms,
      firstQuestionWallMs: atFirst.wallMs,
      firstContentfulPaintMs: atFirst.paint['first-contentful-paint'] ?? null,
      mainThreadAtFirstQuestion: pick(atFirst.metrics, ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'V8CompileDuration']),
      stepMs: ms(between),
      stepMedianMs: median(ms(between)),
      stepWorstMs: Math.max(...ms(between)),
      lastStepMs: steps.at(-1)?.ms ?? null,
      chooseMs: ms(chooses),
      chooseMedianMs: median(ms(chooses)),
      chooseWorstMs: Math.max(...ms(chooses)),
      jsHeapUsed: metrics.JSHeapUsedSize,
      jsHeapTotal: metrics.JSHeapTotalSize,
      backingStorage: heap.backingStorageSize ?? null,
      wasmMemory: wasmBytes,
      memory: metrics.JSHeapUsedSize + wasmBytes,
      domNodes: metrics.Nodes,
    };
  } finally {
    await context.close();
  }
}

// --- our engine in the page: evaluate + relevance for one answer change -------------------------

/** benches/engine.rs's midway patient: diagnosis and treatment answered, the rest open. */
const MIDWAY = {
  sex: 'female', age: 61, adenocarcinoma: 'yes', metastatic: 'yes', er_status: 'positive', pgr_status: 'unsure',
  her2_status: 'low', her2pos_or_tn_history: 'no', first_line_cdk46: 'yes', progressed_on_first_line: 'yes',
  first_line_months: 11, metastatic_chemo: 'no',
};

/**
 * Times the prescreen-engine wasm module (dist/engine/) in a page of our origin, as
 * `cargo bench -p prescreen-engine --bench engine` times the engine natively: the midway patient
 * gets one more answer (evaluable_disease = yes), then evaluate and relevant. Each figure is the median of five rounds
 * of enough changes to last about 300 ms; without throttling and with the 4x CPU slowdown.
 * Returns null when the build has no engine.
 */
async function measureEngine(browser) {
  if (!existsSync(join(DIST, 'engine/prescreen_engine.js'))) return null;
  const results = {};
  for (const rate of [1, CPU_RATE]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      // A page of our origin without the app's Content-Security-Policy: the server's 404 page.
      await page.goto(`http://127.0.0.1:${PORT}/bench-engine-blank`);
      results[rate === 1 ? 'unthrottled' : `cpu${rate}x`] = await page.evaluate(async ({ midway, roundMs }) => {
        const engine = await import('/engine/prescreen_engine.js');
        const t0 = performance.now();
        await engine.default();
        const tInit = performance.now();
        const toml = await (await fetch('/trials/interact.toml')).text();
        const tFetch = performance.now();
        const trial = engine.Trial.load(toml);
        const tLoad = performance.now();
        // Later loads run code that is compiled already (V8 compiles wasm functions on first call).
        const warmLoads = Array.from({ length: 5 }, () => {
          const start = performance.now();
          engine.Trial.load(toml).free();
          return performance.now() - start;
        }).sort((a, b) => a - b);
        const options = { lang: 'en', today: '2026-11-25' };
        const answers = { ...midway };
        const tFirst = performance.now();
        trial.evaluate(answers, options);
        trial.relevant(answers, options);
        const firstChangeMs = performance.now() - tFirst;
        let sink = 0;
        const work = {
          'evaluate + relevant': () => {
            answers.evaluable_disease = 'yes';
            sink += trial.evaluate(answers, options) ? 1 : 0;
            sink += trial.relevant(answers, options).length;
          },
          evaluate: () => {
            answers.evaluable_disease = 'yes';
            sink += trial.evaluate(answers, options) ? 1 : 0;
          },
          relevant: () => {
            answers.evaluable_disease = 'yes';
            sink += trial.relevant(answers, options).length;
          },
          'JSON.stringify(answers) alone': () => {
            answers.evaluable_disease = 'yes';
            sink += JSON.stringify(answers).length;
          },
        };
        const timed = (fn, n) => {
          const start = performance.now();
          for (let i = 0; i < n; i++) fn();
          return performance.now() - start;
        };
        const perCallUs = {};
        for (const [name, fn] of Object.entries(work)) {
          let n = 16;
          while (timed(fn, n) < roundMs / 4) n *= 2; // warm-up and calibration
          n *= 4;
          const rounds = Array.from({ length: 5 }, () => (timed(fn, n) * 1000) / n).sort((a, b) => a - b);
          perCallUs[name] = { median: rounds[2], min: rounds[0], max: rounds[4], calls: n };
        }
        return { initMs: tInit - t0, fetchMs: tFetch - tInit, loadMs: tLoad - tFetch, loadWarmMs: warmLoads[2], firstChangeMs, perCallUs, sink };
      }, { midway: MIDWAY, roundMs: 300 });
    } finally {
      await context.close();
    }
  }
  return results;
}

// --- statistics and the report -----------------------------------------------------------------

function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k]]));
}

const ROWS = [
  { key: 'bytes', label: 'bytes transferred (gzip, KB)', scale: 1 / 1024, digits: 1, goal: 'ours ≤ theirs / 3' },
  { key: 'startReadyMs', label: 'start page interactive (ms)', digits: 0 },
  { key: 'firstQuestionMs', label: 'first question interactive (ms)', digits: 0, goal: '≤ 1500' },
  { key: 'stepMedianMs', label: 'Continue → next question painted, median (ms)', digits: 1, goal: '≤ 50' },
  { key: 'stepWorstMs', label: 'Continue → next question painted, worst (ms)', digits: 1, goal: '≤ 50' },
  { key: 'lastStepMs', label: 'last Continue → Check your answers (SurveyJS: its preview) painted (ms)', digits: 1 },
  { key: 'chooseMedianMs', label: 'answer click → painted, median (ms)', digits: 1 },
  { key: 'chooseWorstMs', label: 'answer click → painted, worst (ms)', digits: 1 },
  { key: 'jsHeapUsed', label: 'JS heap used after the journey (MB)', scale: 1 / 2 ** 20, digits: 2 },
  { key: 'wasmMemory', label: 'wasm linear memory (MB)', scale: 1 / 2 ** 20, digits: 2 },
  { key: 'memory', label: 'JS heap + wasm memory after the journey (MB)', scale: 1 / 2 ** 20, digits: 2 },
  { key: 'domNodes', label: 'DOM nodes after the journey', digits: 0 },
  { key: 'othersCpu', label: 'others\' share of the CPU during the run (%)', scale: 100, digits: 0 },
];

function summarise(runs) {
  const summary = {};
  for (const row of ROWS) {
    summary[row.key] = {};
    for (const app of Object.keys(APPS).filter((key) => ONLY.includes(key))) {
      const values = runs.filter((r) => r.app === app && !r.disturbed).map((r) => r[row.key]).filter((v) => v !== null && v !== undefined);
      summary[row.key][app] = { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
    }
    const { ours, theirs } = summary[row.key];
    summary[row.key].ratio = ours && theirs?.median ? ours.median / theirs.median : null;
  }
  return summary;
}

function table(summary) {
  const fmt = (row, v) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : (v * (row.scale ?? 1)).toLocaleString('en-US', { maximumFractionDigits: row.digits, minimumFractionDigits: row.digits }));
  const cell = (row, s) => (s ? `${fmt(row, s.median)} (${fmt(row, s.min)}–${fmt(row, s.max)})` : '–');
  // The floor (bench/floor) only when measured (--apps ...,floor).
  const floor = ONLY.includes('floor');
  const lines = [
    `| measure | prescreen: median (min–max) | SurveyJS: median (min–max) | ours/theirs | goal |${floor ? ' floor: median (min–max) |' : ''}`,
    `|---|---:|---:|---:|---|${floor ? '---:|' : ''}`,
  ];
  for (const row of ROWS) {
    const s = summary[row.key];
    const ratio = s.ratio === null || !Number.isFinite(s.ratio) ? '–' : s.ratio.toFixed(2);
    lines.push(`| ${row.label} | ${cell(row, s.ours)} | ${cell(row, s.theirs)} | ${ratio} | ${row.goal ?? ''} |${floor ? ` ${cell(row, s.floor)} |` : ''}`);
  }
  return lines.join('\n');
}

function machine() {
  const version = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  })();
  return {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium: version,
    node: process.version,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

// --- main --------------------------------------------------------------------------------------

requireBuild();
const stopServers = await serveAll(ANSWERS);
let browser;
try {
  browser = await launch();
  const before = machine();
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate, reversing the order each run, so drift in the machine's load does not always fall
    // on the same page first.
    const apps = ['ours', 'theirs', 'floor'].filter((key) => ONLY.includes(key));
    const order = run % 2 === 0 ? apps : apps.reverse();
    for (const key of order) {
      for (let attempt = 0; attempt <= RETRIES; attempt++) {
        const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT_MS);
        const result = await measure(browser, key);
        result.run = run + 1;
        result.busyBefore = busyBefore;
        result.loadAverage = loadavg()[0];
        result.disturbed = result.othersCpu !== null && result.othersCpu > MAX_OTHERS;
        runs.push(result);
        const others = result.othersCpu === null ? '?' : `${Math.round(result.othersCpu * 100)} %`;
        console.log(
          `run ${run + 1} ${APPS[key].name.padEnd(9)} ${(result.bytes / 1024).toFixed(1)} KB, start ${result.startReadyMs.toFixed(0)} ms, ` +
            `first question ${result.firstQuestionMs.toFixed(0)} ms, step median ${result.stepMedianMs.toFixed(1)} / worst ${result.stepWorstMs.toFixed(1)} ms ` +
            `(${result.stepMs.length} steps), heap ${(result.jsHeapUsed / 2 ** 20).toFixed(2)} MB; others' CPU ${others}` +
            `${result.disturbed ? ' (disturbed: left out, taken again)' : ''}${result.errors.length ? `, ERRORS: ${result.errors.join('; ')}` : ''}`,
        );
        if (!result.disturbed) break;
        if (attempt === RETRIES) {
          result.disturbed = false; // the last try counts all the same, marked
          result.keptDespiteOthers = true;
        }
      }
    }
  }
  let engine = null;
  if (ONLY.includes('engine')) {
    await waitForQuiet(QUIET, QUIET_WAIT_MS);
    engine = await measureEngine(browser);
  }
  const summary = summarise(runs);
  const report = {
    date: new Date().toISOString(),
    profile: THROTTLE ? { cpuSlowdown: CPU_RATE, network: NETWORK, device: DEVICE } : 'none',
    encoding: ENCODING,
    patch: option('patch', null),
    dist: DIST,
    runs: RUNS,
    thinkMs: THINK,
    machine: { ...before, loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))) },
    summary,
    engine,
    raw: runs,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 1)}\n`);
  console.log(`\n${table(summary)}\n`);
  if (engine) {
    for (const [profile, e] of Object.entries(engine)) {
      const calls = Object.entries(e.perCallUs).map(([name, t]) => `${name} ${t.median.toFixed(2)} µs (${t.min.toFixed(2)}–${t.max.toFixed(2)})`);
      console.log(`engine in the page (${profile}): init ${e.initMs.toFixed(1)} ms; Trial.load first ${e.loadMs.toFixed(2)} ms, later ${e.loadWarmMs.toFixed(2)} ms; ` +
        `first evaluate + relevant ${e.firstChangeMs.toFixed(2)} ms; then per answer change: ${calls.join('; ')}`);
    }
  } else {
    console.log('engine in the page: not measured (not in --apps, or no dist/engine/prescreen_engine.js in this build)');
  }
  console.log(`machine: ${report.machine.cpu}, ${report.machine.chromium}, load ${report.machine.loadAverage.join(' ')} → ${report.machine.loadAverageAfter.join(' ')}`);
  console.log(`results: ${OUT}`);
} finally {
  await browser?.close();
  stopServers();
}
