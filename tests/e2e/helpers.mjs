// Shared helpers for the browser tests: the browser, the app's words (read from the catalogue
// and the trial definition, so the tests follow the app's own text), a driver for the patient
// journey, axe-core, and a request recorder.
//
// Run through tests/e2e/run.sh, which builds the app, serves dist/ and exports BASE_URL.
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(new URL('../../tools/node/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');
export const BASE_URL = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:8080/').href;
export const ORIGIN = new URL(BASE_URL).origin;

// Generous for a 2-core machine; a hung step still fails well within the suite's budget.
const ACTION_TIMEOUT = 10_000;

// --- the browser -----------------------------------------------------------------------------

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies, no storage) with a browser locale, `en-US` or `it-IT`. */
export async function newContext(browser, { locale = 'en-US', width = 1280, height = 800, ...options } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height }, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  return context;
}

/**
 * One browser for the enclosing `describe`: launched in its `before` hook, closed in its `after`.
 * Returns a getter for it (the browser exists only once the hook has run).
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * A test body that may open several fresh contexts: `body(open)`, where `open(options)` makes a
 * context with `defaults` and then `options` (as `newContext` takes them). Every context opened
 * is closed at the end, passed or failed. `getBrowser` is what `useBrowser` returns.
 */
export function withContexts(getBrowser, defaults, body) {
  return async () => {
    const contexts = [];
    const open = async (options) => {
      const context = await newContext(getBrowser(), { ...defaults, ...options });
      contexts.push(context);
      return context;
    };
    try {
      await body(open);
    } finally {
      for (const context of contexts) await context.close();
    }
  };
}

/** A test body run in one fresh context made with `options`: `body(context)`; closed at the end. */
export function withContext(getBrowser, options, body) {
  return withContexts(getBrowser, options, async (open) => body(await open()));
}

/**
 * A test body run on the app opened in one fresh context made with `options`:
 * `body(page, context)`, then no uncaught errors in the page; the context is closed at the end.
 */
export function withPage(getBrowser, options, body) {
  return withContext(getBrowser, options, async (context) => {
    const page = await openApp(context);
    await body(page, context);
    assertNoPageErrors(page);
  });
}

/**
 * Opens the app in a new page of `context` and waits until it has rendered a page heading.
 * `hash` is a saved link's fragment; `search` a query string such as `?trial=interact`.
 * Uncaught errors in the page are collected in `page.errors` (see `assertNoPageErrors`).
 */
export async function openApp(context, { hash = '', search = '', url } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.goto(url ?? new URL(search + hash, BASE_URL).href);
  await waitForHeading(page);
  return page;
}

/** Waits for the page heading the app focuses on every page (or a crash panel). */
export async function waitForHeading(page) {
  await page.waitForSelector('#page-heading, .panel--error', { timeout: ACTION_TIMEOUT });
  const crashed = await page.$('.panel--error');
  if (crashed) throw new Error(`the app crashed: ${await crashed.textContent()}`);
}

export function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], 'no uncaught errors in the page');
}

// --- the app's words ---------------------------------------------------------------------------

/** Reads a catalogue file (static/i18n/<lang>.txt: `key = text` lines) into an object. */
function readCatalogue(lang) {
  const words = {};
  for (const [, key, text] of readFileSync(join(ROOT, 'static/i18n', `${lang}.txt`), 'utf8').matchAll(/^(\w+) = (.*)$/gm)) {
    words[key] = text;
  }
  return words;
}

/** Every UI string, by language: `T.en.check_title`, `T.it.verdict_likely`... */
export const T = { en: readCatalogue('en'), it: readCatalogue('it') };
for (const key of ['check_title', 'verdict_likely', 'verdict_not', 'verdict_undetermined', 'continue_button']) {
  assert.ok(T.en[key] && T.it[key], `catalogue string ${key} found`);
}

/** Fills `{0}`, `{1}`... as the app's `fill` does. */
export function fill(template, args) {
  return args.reduce((out, arg, i) => out.replaceAll(`{${i}}`, String(arg)), template);
}

/** A TOML string value: "basic" (JSON-compatible escapes) or 'literal'. */
function tomlString(text) {
  text = text.trim();
  if (text.startsWith("'")) return text.slice(1, text.indexOf("'", 1));
  return JSON.parse(text.match(/^"(?:[^"\\]|\\.)*"/)[0]);
}

/**
 * The parts of a trial definition the tests need: questions (id, type, option ids, texts, help) and
 * criteria (id, kind, title), in the file's order. A small line reader for this file's shapes.
 */
function readTrial(id) {
  const source = readFileSync(join(ROOT, 'static/trials', `${id}.toml`), 'utf8');
  const trial = { questions: [], criteria: [] };
  let table = null;
  let current = null;
  for (const line of source.split('\n')) {
    const header = line.match(/^\[\[?([\w.]+)\]\]?\s*$/);
    if (header) {
      table = header[1];
      if (table === 'question') trial.questions.push((current = { options: [], patient: {}, clinician: {} }));
      else if (table === 'question.option') trial.questions.at(-1).options.push((current = { patient: {}, clinician: {} }));
      else if (table === 'criterion') trial.criteria.push((current = { title: {} }));
      else current = null;
      continue;
    }
    if (!current) continue;
    const pair = line.match(/^([\w.]+)\s*=\s*(.*)$/);
    if (!pair) continue;
    const [, key, value] = pair;
    if (key === 'id' || key === 'type' || key === 'kind' || key === 'unit') current[key] = tomlString(value);
    else if (/^(patient|clinician|help)\.(en|it)$/.test(key)) {
      const [field, lang] = key.split('.');
      (current[field] ??= {})[lang] = tomlString(value);
    }
    else if (key === 'title' && value.startsWith('{')) {
      for (const [, lang, text] of value.matchAll(/(en|it)\s*=\s*("(?:[^"\\]|\\.)*")/g)) current.title[lang] = JSON.parse(text);
    }
  }
  return trial;
}

export const trial = readTrial('interact');

export function question(id) {
  const q = trial.questions.find((q) => q.id === id);
  assert.ok(q, `question ${id} exists in the trial`);
  return q;
}

export function criterionTitle(id, lang) {
  const c = trial.criteria.find((c) => c.id === id);
  assert.ok(c, `criterion ${id} exists in the trial`);
  return c.title[lang];
}

// --- dates -------------------------------------------------------------------------------------

/** Today on this machine (the browser runs here, in the same time zone), as YYYY-MM-DD. */
export function todayISO(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date as the app writes it: 25/11/2026. */
export function shownDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// --- people: answers keyed by question id ------------------------------------------------------
// Values: 'yes' | 'no' | 'unsure' | an option id | a number | { date: 'YYYY-MM-DD' } | { text }.

/** Meets every criterion: the verdict is "likely eligible". */
export const ELIGIBLE = Object.freeze({
  sex: 'female',
  age: 47,
  adenocarcinoma: 'yes',
  metastatic: 'yes',
  er_status: 'positive',
  pgr_status: 'negative',
  her2_status: 'low',
  her2pos_or_tn_history: 'no',
  first_line_cdk46: 'yes',
  progressed_on_first_line: 'yes',
  first_line_months: 14,
  metastatic_chemo: 'no',
  evaluable_disease: 'yes',
  ecog: 'ecog1',
  organ_function: 'yes',
  other_cancer: 'no',
  allergy: 'no',
  recent_surgery: 'no',
  side_effects: 'no',
  uncontrolled_infection: 'no',
  uncontrolled_illness: 'no',
  childbearing_potential: 'no',
  breastfeeding: 'no',
  study_visits: 'yes',
  consent: 'yes',
});

/** Chemotherapy after the cancer spread: excluded, and told as soon as it is answered. */
export const NOT_ELIGIBLE = Object.freeze({ ...ELIGIBLE, metastatic_chemo: 'yes' });

/** Unsure about organ function: everything else is met, so that stays open. */
export const UNDETERMINED = Object.freeze({ ...ELIGIBLE, organ_function: 'unsure' });

/** The question ids ELIGIBLE is asked, in order: PgR does not matter once ER is positive. */
export const ELIGIBLE_ORDER = Object.freeze(Object.keys(ELIGIBLE).filter((id) => id !== 'pgr_status'));

// --- reading the page --------------------------------------------------------------------------

export async function headingText(page) {
  return (await page.textContent('#page-heading')).trim();
}

/** The question on screen (from its first input, `f-<id>`), or null on any other page. */
export async function currentQuestionId(page) {
  return page.evaluate(() => {
    const input = document.querySelector('form.question-form fieldset input');
    return input ? input.id.replace(/^f-/, '') : null;
  });
}

/** Whether `target` is a frame inside a page (a Playwright Frame with a parent), not a page. */
function isChildFrame(target) {
  return typeof target.parentFrame === 'function' && target.parentFrame() !== null;
}

/**
 * Runs `action` (a click...) and waits until another page is shown, or an error summary appears.
 * When an error summary was already shown and stays, the page did not change: that is waited
 * for half a second. Returns 'page' or 'error'.
 */
export async function andWaitForNavigation(page, action) {
  const { before, hadError } = await page.evaluate(() => {
    const h = document.getElementById('page-heading');
    const input = document.querySelector('form.question-form fieldset input');
    window.__e2eActionAt = performance.now();
    return { before: `${h ? h.textContent : ''}|${input ? input.id : ''}`, hadError: Boolean(document.getElementById('error-summary')) };
  });
  await action();
  const outcome = await page.waitForFunction(
    ({ before, hadError }) => {
      const h = document.getElementById('page-heading');
      const input = document.querySelector('form.question-form fieldset input');
      const now = `${h ? h.textContent : ''}|${input ? input.id : ''}`;
      if (h && now !== before) return 'page';
      const error = document.getElementById('error-summary');
      if (error && !hadError) return 'error';
      return hadError && error && performance.now() - window.__e2eActionAt > 500 ? 'error' : false;
    },
    { before, hadError },
    // In a page, at each animation frame; in a frame from another origin (the registry widget),
    // by the clock: Chromium may run no animation frames there while it thinks it unseen.
    { timeout: ACTION_TIMEOUT, polling: isChildFrame(page) ? 50 : 'raf' },
  );
  return outcome.jsonValue();
}

/** Waits until focus is on the page heading (the app moves it there on every page). */
export async function waitForHeadingFocus(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: ACTION_TIMEOUT });
}

/** The CSS selector of the radio for `value` on a yes/no or choice question. */
export function radioSelector(id, value) {
  const q = question(id);
  const values = q.type === 'yes_no' ? ['yes', 'no'] : q.options.map((o) => o.id);
  values.push('unsure');
  const index = values.indexOf(value);
  assert.ok(index >= 0, `${value} is an answer to ${id} (${values.join(', ')})`);
  return index === 0 ? `#f-${id}` : `#f-${id}-${index}`;
}

// Clicks and typing in the journey driver are real mouse and keyboard input, without
// Playwright's wait for the element to be still (two animation frames per action): the app has
// no animation, and that wait would double the suite's time.
const QUICK = { force: true };

/** Puts an answer into the inputs of the question on screen (does not press Continue). */
export async function answerQuestion(page, id, value) {
  const q = question(id);
  if (q.type === 'yes_no' || q.type === 'choice') {
    await page.check(radioSelector(id, value), QUICK);
    return;
  }
  // number and elapsed: a number typed, a date, or the "I'm not sure" checkbox
  if (value === 'unsure') {
    await page.check(`#f-${id}-unsure`, QUICK);
  } else if (value && typeof value === 'object' && 'date' in value) {
    await page.fill(`#f-${id}-date`, value.date, QUICK);
  } else {
    await page.fill(`#f-${id}`, String(value && typeof value === 'object' ? value.text : value), QUICK);
  }
}

/** Presses Continue and waits for the next page (or an error summary): 'page' or 'error'. */
export async function pressContinue(page, lang = 'en') {
  return andWaitForNavigation(page, () =>
    page.click(`form.question-form button[type=submit]:has-text("${T[lang].continue_button}")`, QUICK),
  );
}

/**
 * Answers the patient journey question by question from `answers` (keyed by question id), from
 * wherever it is (the start page is left with Start), until Check your answers, or until the
 * question `stopAt` is on screen. Returns the question ids asked, in order. Fails on a question
 * with no answer in the map, or on an error summary. `onQuestion(id)` runs on each question
 * before it is answered.
 */
export async function journey(page, answers, { lang = 'en', stopAt = null, onQuestion = null } = {}) {
  const asked = [];
  if (await page.$('button.button--start')) {
    await andWaitForNavigation(page, () => page.click('button.button--start', QUICK));
  }
  for (let step = 0; step < 100; step++) {
    const { id, heading } = await page.evaluate(() => {
      const input = document.querySelector('form.question-form fieldset input');
      return { id: input ? input.id.replace(/^f-/, '') : null, heading: document.getElementById('page-heading')?.textContent.trim() };
    });
    if (!id) {
      assert.equal(heading, T[lang].check_title, 'the journey ends on Check your answers');
      return asked;
    }
    if (id === stopAt) return asked;
    assert.ok(id in answers, `the journey asked "${id}", which this person has no answer for (asked so far: ${asked.join(', ')})`);
    assert.equal(heading, question(id).patient[lang], `the heading is the question ${id}, in ${lang}`);
    if (onQuestion) await onQuestion(id);
    asked.push(id);
    await answerQuestion(page, id, answers[id]);
    if ((await pressContinue(page, lang)) === 'error') {
      throw new Error(`answering ${id} with ${JSON.stringify(answers[id])} showed an error: ${await page.textContent('#error-summary')}`);
    }
  }
  throw new Error('the journey did not reach Check your answers in 100 steps');
}

/** From Check your answers, See the result; returns the result heading. */
export async function seeResult(page, lang = 'en') {
  await andWaitForNavigation(page, () => page.getByRole('button', { name: T[lang].see_result, exact: true }).click());
  return headingText(page);
}

/** The rows of Check your answers: [question text, answer text]. */
export async function checkRows(page) {
  return page.$$eval('.summary-list__row', (rows) =>
    rows.map((row) => [row.querySelector('dt').textContent.trim(), row.querySelector('.summary-list__value').textContent.trim()]),
  );
}

/** On Check your answers, Change the answer to question `id`. */
export async function changeAnswer(page, id, lang = 'en') {
  const text = question(id).patient[lang];
  const row = page.locator('.summary-list__row').filter({ has: page.locator('dt', { hasText: text }) });
  await andWaitForNavigation(page, () => row.locator('button.link-button').click());
}

/** Clicks a header switch (language or audience) by its visible name. */
export async function clickSwitch(page, name) {
  await page.locator('header button.switch', { hasText: name }).click();
}

/** The titles in the result panel's reasons list. */
export async function reasonTitles(page) {
  return page.$$eval('.panel__list li strong', (items) => items.map((s) => s.textContent.trim()));
}

// --- axe-core ------------------------------------------------------------------------------------

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page (page.evaluate is not subject to the page's CSP). */
export async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate((tags) => window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] }), AXE_TAGS);
}

/** Fails with a readable list when axe finds any violation. */
export async function assertNoAxeViolations(page, label) {
  const { violations } = await runAxe(page);
  const text = violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`).join('\n')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe: ${violations.length} violation(s) on ${label}:\n${text}`);
}

// --- requests ---------------------------------------------------------------------------------

/**
 * Records every request made in `target` (a page or a context) from now on:
 * { url, method, headers, postData, resourceType, phase, failure }. `failure` is set when the
 * browser stopped it (such as `csp`). `mark(phase)` labels later ones.
 */
export function recordRequests(target) {
  const requests = [];
  const byRequest = new Map();
  let phase = 'load';
  target.on('request', (request) => {
    const entry = {
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      postData: request.postData(),
      resourceType: request.resourceType(),
      phase,
      failure: null,
    };
    byRequest.set(request, entry);
    requests.push(entry);
  });
  target.on('requestfailed', (request) => {
    const entry = byRequest.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
  });
  return {
    requests,
    mark(name) {
      phase = name;
    },
  };
}

// --- screenshots -------------------------------------------------------------------------------

export function screenshotPath(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}
