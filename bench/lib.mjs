// What bench/run.mjs and bench/trace.mjs share: the browser and its mobile profile, the two pages
// (how to start, answer and continue on each), the servers, and the network recorder.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, mkdirSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { readCatalogue } from './make-survey.mjs';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, '..');
const require = createRequire(join(ROOT, 'tools/node/package.json'));
export const { chromium } = require('playwright-core');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// --- options -----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
export const flag = (name) => argv.includes(`--${name}`);
export const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
export const DIST = resolve(option('dist', join(ROOT, 'dist')));
export const PORT = Number(option('port', 8391));
export const THROTTLE = !flag('no-throttle');
/** The one encoding the browser asks for: gzip, as the issue measures, or br (what serve.mjs gives browsers that accept it). */
export const ENCODING = option('encoding', 'gzip');

// --- the browser and Lighthouse's mobile profile ------------------------------------------------

// 4x CPU slowdown, 150 ms round trip, 1.6 Mbps down, 750 Kbps up, a Moto G Power-sized screen.
export const CPU_RATE = 4;
export const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
/** The journey every script drives by default: a likely-eligible person, and the pause after
 * each answer and each Continue (a person reading, and time for the page to settle). */
export const ANSWERS_FILE = join(ROOT, 'examples/patient-likely.json');
export const THINK_MS = 250;
export const readAnswers = (file = ANSWERS_FILE) => JSON.parse(readFileSync(resolve(file), 'utf8'));

export const DEVICE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' };
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** --browser-arg ARG adds one Chromium switch, for experiments (e.g. --js-flags=--no-wasm-lazy-compilation). */
const EXTRA_ARGS = argv.flatMap((arg, i) => (arg === '--browser-arg' && argv[i + 1] ? [argv[i + 1]] : []));
/** The browser; `extra` adds switches for one launch (ab.mjs's per-build switches). */
export const launch = (extra = []) => chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...LAUNCH_ARGS, ...EXTRA_ARGS, ...extra] });

/** Cold cache, gzip, and (unless --no-throttle) the mobile profile, on one page's DevTools session. */
export async function throttle(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // tools/serve.mjs answers brotli when asked; the issue measures gzip.
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ENCODING } });
  if (THROTTLE) {
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  }
}

// --- the two pages -----------------------------------------------------------------------------

const TRIAL_PATH = join(ROOT, 'static/trials/interact.toml');
const questions = new Map(parse(readFileSync(TRIAL_PATH, 'utf8')).question.map((q) => [q.id, q]));
const isRadio = (q) => q.type === 'yes_no' || q.type === 'choice';
const radioValues = (q) => [...(q.type === 'yes_no' ? ['yes', 'no'] : q.option.map((o) => o.id)), 'unsure'];

/**
 * `ours` (the release build in --dist) and `theirs` (bench/surveyjs). Each says where it is served,
 * the selectors of its Start and Continue buttons, and how a person answers a question on it: a
 * real click on the answer's label, or typing the number. The in-page probe (probe.js) has the
 * matching selectors for timing.
 */
export const APPS = {
  ours: {
    name: 'prescreen',
    dir: DIST,
    port: PORT,
    start: 'button.button--start',
    continue: 'form.question-form button[type=submit]',
    async answer(page, id, value) {
      const q = questions.get(id);
      if (isRadio(q)) {
        const index = radioValues(q).indexOf(value);
        await page.click(`label[for="f-${id}${index === 0 ? '' : `-${index}`}"]`, { force: true });
        return 'click';
      }
      await page.fill(`#f-${id}`, String(value), { force: true });
      return 'type';
    },
  },
  theirs: {
    name: 'SurveyJS',
    dir: join(BENCH, 'surveyjs'),
    port: PORT + 1,
    start: '.sd-navigation__start-btn',
    continue: '.sd-body__navigation input[value="Continue"] >> visible=true',
    async answer(page, id, value) {
      const q = questions.get(id);
      const scope = `.sd-question[data-name="${id}"]`;
      if (isRadio(q)) {
        await page.click(`${scope} label:has(input[value="${value}"])`, { force: true });
        return 'click';
      }
      await page.fill(`${scope} input[type=number]`, String(value), { force: true });
      return 'type';
    },
  },
};

/**
 * `floor` (bench/floor): our question pages by hand, with no logic. It has our page's markup, so
 * it is answered and timed as ours is (the probe's `ours` selectors).
 */
APPS.floor = { ...APPS.ours, name: 'floor', dir: join(BENCH, 'floor'), port: PORT + 2, probe: 'ours' };

/**
 * On question `id`, a person's answer from `answers`, a pause, Continue, a pause. Returns the
 * probe's records: `step` (the Continue: from, to, at, ms) and `choose` (the answer's click, when
 * the answer was a click). Fails on a question with no answer.
 */
export async function answerAndContinue(page, key, id, answers, thinkMs) {
  const app = APPS[key];
  const probe = (fn, arg) => page.evaluate(fn, arg);
  if (!(id in answers)) throw new Error(`${app.name} asked ${id}, which the answers file has no answer for`);
  let choose = null;
  const chosen = await probe(() => window.__bench.chooses.length);
  if ((await app.answer(page, id, answers[id])) === 'click') {
    choose = await probe((n) => window.__bench.until(() => window.__bench.chooses[n]), chosen);
  }
  await page.waitForTimeout(thinkMs);
  const pressed = await probe(() => window.__bench.presses.length);
  await page.click(app.continue, { force: true });
  const step = await probe((n) => window.__bench.until(() => window.__bench.presses[n]), pressed);
  await page.waitForTimeout(thinkMs);
  return { step, choose };
}

/**
 * Drives a journey from the first question (`first`, the probe's key for it) to the page after
 * the last, by `answerAndContinue` on each question. Returns the probe's records: `steps` (each
 * Continue) and `chooses` (each answer click).
 */
export async function journey(page, key, first, answers, thinkMs) {
  const steps = [];
  const chooses = [];
  let id = first;
  for (let i = 0; i < 60 && !id.startsWith('page:') && !id.includes(','); i++) {
    const { step, choose } = await answerAndContinue(page, key, id, answers, thinkMs);
    if (choose) chooses.push(choose);
    steps.push(step);
    id = step.to;
  }
  return { steps, chooses };
}

/** The steps from one question to another: not the last, to Check your answers (or SurveyJS's preview). */
export const questionSteps = (steps) => steps.filter((s) => s.to.split(',').length === 1 && !s.to.startsWith('page:'));

/**
 * Our page on `port`, cold, for the experiments on our app alone (`ab.mjs`): a new context
 * with the probe, CPU and network throttled, loaded, and Start pressed. Returns the page and the
 * probe's key for the first question.
 */
export async function startOurs(browser, port) {
  const context = await browser.newContext(DEVICE);
  await context.addInitScript(probeScript('ours'));
  const page = await context.newPage();
  await throttle(await context.newCDPSession(page));
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
  await page.evaluate(() => window.__bench.until(() => window.__bench.marks.startReady));
  await page.click(APPS.ours.start, { force: true });
  const first = (await page.evaluate(() => window.__bench.until(() => window.__bench.presses[0]))).to;
  return { page, first };
}

/** Warms our page by hand: the first question answered, Continue, Back, so the first step's code has run once. */
export async function warmByHand(page, first, answers) {
  await answerAndContinue(page, 'ours', first, answers, THINK_MS);
  await page.click('button.back-link', { force: true });
  await page.waitForFunction((id) => window.__bench.key() === id, first);
  await page.waitForTimeout(THINK_MS);
}

/**
 * Milliseconds per trace event name over `events` (complete events of one thread), an event
 * nested in another of the same name counted once: where a window of a trace went.
 */
export function msByName(events) {
  const sums = {};
  const outerEnd = {};
  for (const e of [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts < (outerEnd[e.name] ?? -Infinity)) continue;
    sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000;
    outerEnd[e.name] = e.ts + e.dur;
  }
  return sums;
}

/** The in-page probe's source, to run as an init script: `probeScript('ours')`. */
const PROBE = readFileSync(join(BENCH, 'probe.js'), 'utf8');
export const probeScript = (key) => ({ content: `(${PROBE})(${JSON.stringify({ app: APPS[key]?.probe ?? key })});` });

/** Copies SurveyJS's production files from bench/node_modules next to the survey page. */
export function prepareSurveyJs() {
  const files = ['survey-core/survey.core.min.js', 'survey-js-ui/survey-js-ui.min.js', 'survey-core/survey-core.fontless.min.css'];
  mkdirSync(join(BENCH, 'surveyjs/vendor'), { recursive: true });
  for (const file of files) {
    const from = join(BENCH, 'node_modules', file);
    if (!existsSync(from)) throw new Error(`${from} is missing: run \`npm ci --prefix bench\` first`);
    copyFileSync(from, join(BENCH, 'surveyjs/vendor', file.split('/')[1]));
  }
}

/** The app's English words the floor page shows (static/i18n/en.txt, as make-survey.mjs reads them). */
const FLOOR_WORDS = ['app_name', 'back', 'continue_button', 'unsure', 'what_does_this_mean', 'progress', 'number_hint',
  'save_link', 'check_title', 'check_lead', 'change', 'change_hidden', 'see_result'];

/**
 * Writes what the floor page (floor/index.html) needs beside it: our stylesheet, and in
 * floor/questions.js the app's English words it shows and its list of questions: those `answers`
 * answers, in its order, with their words from the definition and each answer's words for Check
 * your answers. Our app asks the same questions for the default answers but one (pgr_status, which
 * the engine does not ask an ER-positive person), so the floor's journey has one step more.
 */
export function prepareFloor(answers) {
  copyFileSync(join(ROOT, 'static/app.css'), join(BENCH, 'floor/app.css'));
  const c = readCatalogue(join(ROOT, 'static/i18n/en.txt'));
  const list = Object.keys(answers).map((id) => {
    const q = questions.get(id);
    if (!q) throw new Error(`the answers file answers ${id}, which the definition does not ask`);
    const options = q.type === 'yes_no' ? [['yes', c.yes], ['no', c.no]] : q.type === 'choice' ? q.option.map((o) => [o.id, o.patient.en]) : null;
    const unit = q.unit_label?.en ?? q.unit ?? '';
    const words = answers[id] === 'unsure' ? c.unsure : options ? options.find(([value]) => value === answers[id])?.[1] : `${answers[id]} ${unit}`.trim();
    return { id, text: q.patient.en, help: q.help?.en ?? null, options, inline: q.type === 'yes_no', unit, answer: words ?? String(answers[id]) };
  });
  const words = Object.fromEntries(FLOOR_WORDS.map((key) => [key, c[key]]));
  const lines = list.map((q) => `  ${JSON.stringify(q)},`).join('\n');
  writeFileSync(join(BENCH, 'floor/questions.js'), '// Written by bench/lib.mjs (prepareFloor) from the app\'s words, the definition and the answers; not committed.\n' +
    `window.WORDS = ${JSON.stringify(words)};\nwindow.QUESTIONS = [\n${lines}\n];\n`);
}

/** Checks that --dist holds a build; exits with a hint when it does not. */
export function requireBuild() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`no build in ${DIST}: run \`trunk build --release --offline\` or pass --dist DIR`);
    process.exit(2);
  }
}

/** Starts tools/serve.mjs on `dir`; resolves with the child process once it listens. */
export function serve(dir, port) {
  return new Promise((resolveServer, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'tools/serve.mjs'), '--dir', dir, '--host', '127.0.0.1', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (data) => {
      output += data;
      if (output.includes('serving')) resolveServer(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve.mjs on port ${port} exited (${code}): ${output}`)));
  });
}

/** Requests every file under `dir` once from the server on `port`, in ENCODING. */
export async function warm(dir, port) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length));
  for (const path of files) {
    await new Promise((resolveGet, reject) => {
      get({ host: '127.0.0.1', port, path: encodeURI(path), headers: { 'accept-encoding': ENCODING } }, (res) => {
        res.resume();
        res.on('end', resolveGet);
      }).on('error', reject);
    });
  }
}

/** Serves every page of APPS (the floor's journey from `answers`); returns a function that stops the servers. */
export async function serveAll(answers) {
  prepareSurveyJs();
  prepareFloor(answers);
  const servers = [];
  try {
    for (const app of Object.values(APPS)) servers.push(await serve(app.dir, app.port));
  } catch (error) {
    for (const server of servers) server.kill('SIGTERM');
    throw error;
  }
  // tools/serve.mjs compresses a file on its first request (brotli 11 takes a second on our wasm)
  // and keeps it: ask for every file once, so no measured run pays for compression.
  for (const app of Object.values(APPS)) await warm(app.dir, app.port);
  const stop = () => {
    for (const server of servers) {
      server.removeAllListeners('exit');
      server.kill('SIGTERM');
    }
  };
  // Interrupted: the servers go too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return stop;
}

/** Records every response: bytes on the wire (encodedDataLength), encoding, and its timing. */
export function recordNetwork(cdp) {
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', (e) => byId.set(e.requestId, { url: e.request.url, sent: e.timestamp, bytes: 0 }));
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? null;
    r.responded = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.bytes = e.encodedDataLength;
    r.finished = e.timestamp;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  return {
    total: () => [...byId.values()].reduce((sum, r) => sum + r.bytes, 0),
    /** Requests in order, times in ms from the first request's start. */
    waterfall() {
      const all = [...byId.values()];
      const t0 = Math.min(...all.map((r) => r.sent));
      const ms = (t) => (t === undefined ? null : Math.round((t - t0) * 1000));
      return all.map((r) => ({
        path: new URL(r.url).pathname,
        status: r.status ?? null,
        encoding: r.encoding ?? null,
        bytes: r.bytes,
        sent: ms(r.sent),
        responded: ms(r.responded),
        finished: ms(r.finished),
        failed: r.failed ?? null,
      }));
    },
  };
}

/**
 * A snapshot of CPU time (Linux, /proc; null elsewhere): the machine's busy and total time, and
 * each of this process's descendants' (the browser, its renderers, the servers). `othersShare`
 * of two snapshots is the share of the machine's CPU that other people's processes took between
 * them: what disturbs a measurement on a shared machine.
 */
export function cpuSnapshot() {
  try {
    const times = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = times.reduce((a, b) => a + b, 0);
    const busy = total - times[3] - (times[4] ?? 0);
    const procs = new Map();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // gone meanwhile
      }
    }
    const ours = new Map([[process.pid, procs.get(process.pid)?.ticks ?? 0]]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, p] of procs) {
        if (!ours.has(pid) && ours.has(p.ppid)) {
          ours.set(pid, p.ticks);
          grew = true;
        }
      }
    }
    return { total, busy, ours };
  } catch {
    return null;
  }
}

export function othersShare(before, after) {
  if (!before || !after || after.total === before.total) return null;
  let ours = 0;
  for (const [pid, ticks] of after.ours) ours += ticks - (before.ours.get(pid) ?? 0);
  return Math.max(0, (after.busy - before.busy - ours) / (after.total - before.total));
}

/** The share of the machine's CPU time that was busy over `ms` (from /proc/stat; null elsewhere). */
export async function busyShare(ms = 1000) {
  const sample = () => {
    try {
      const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
      const times = fields.map(Number);
      const idle = times[3] + (times[4] ?? 0);
      return { idle, total: times.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = sample();
  await new Promise((resolveWait) => setTimeout(resolveWait, ms));
  const b = sample();
  if (!a || !b || b.total === a.total) return null;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * On a shared machine, waits (at most `maxWaitMs`) until others use less than `threshold` of the
 * CPU; returns the last busy share seen, recorded with each run.
 */
export async function waitForQuiet(threshold, maxWaitMs) {
  const until = Date.now() + maxWaitMs;
  let busy = await busyShare();
  while (busy !== null && busy > threshold && Date.now() < until) busy = await busyShare();
  return busy;
}

export function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
