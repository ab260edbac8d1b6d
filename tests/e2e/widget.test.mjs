// The registry widget: static/embed.js on a host page served from one origin (127.0.0.1, a port
// of its own), the pre-screener in a frame from another (localhost, run.sh's port). What crosses
// the frame boundary, what each side can reach, sizing, options, a whole journey, axe inside.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, BASE_URL, T, ELIGIBLE, useBrowser, withContext, journey, seeResult, runAxe, fill,
  andWaitForNavigation, question as trialQuestion,
} from './helpers.mjs';

// The pre-screener's origin: the same server as the other tests, named differently, so that the
// browser treats it as another site's origin than the host's.
const WIDGET = `http://localhost:${new URL(BASE_URL).port}`;
const WIDGET_ORIGIN = new URL(WIDGET).origin;

/** The demo registry page as a registry on another origin would publish it. */
function registryPage(widgetTags) {
  let html = readFileSync(join(ROOT, 'static/registry-demo.html'), 'utf8')
    .replaceAll('src="embed.js"', `src="${WIDGET}/embed.js"`)
    .replace("script-src 'self'", `script-src 'self' ${WIDGET_ORIGIN}`)
    .replace("frame-src 'self'", `frame-src ${WIDGET_ORIGIN}`);
  if (widgetTags) {
    // A page of one's own: the demo's first widget replaced by the tags given.
    html = html.replace(/<script src="[^"]+embed\.js"[^>]*data-trial="interact"[^>]*><\/script>/, widgetTags);
  }
  return html;
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A second server, for the host pages, on 127.0.0.1 and a port of its own. */
function useHostServer(pages) {
  const state = { origin: '', dir: '', process: null };
  before(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'prescreen-host-'));
    for (const [name, html] of Object.entries(pages)) writeFileSync(join(state.dir, name), html);
    copyFileSync(join(ROOT, 'static/registry-demo.css'), join(state.dir, 'registry-demo.css'));
    const port = await freePort();
    state.origin = `http://127.0.0.1:${port}`;
    state.process = spawn(process.execPath, [join(ROOT, 'tools/serve.mjs'), '--dir', state.dir, '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${state.origin}/registry.html`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the host server did not start');
  });
  after(() => {
    state.process?.kill();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

// Every message any window of the page receives, recorded in that window (host and frame alike).
const RECORD_MESSAGES = () => {
  window.__messages = [];
  window.addEventListener('message', (e) => {
    window.__messages.push({ origin: e.origin, json: JSON.stringify(e.data), keys: e.data && typeof e.data === 'object' ? Object.keys(e.data) : null });
  });
};

/** Opens a host page and returns it with the frame of its first (or `index`th) widget, rendered. */
async function openHost(context, host, name = 'registry.html', index = 0) {
  await context.addInitScript(RECORD_MESSAGES);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.goto(`${host.origin}/${name}`);
  const frame = await widgetFrame(page, index);
  // Every widget on the page has loaded and taken its height, so nothing moves any more; then,
  // as a person would, the test scrolls to the widget it uses (Chromium also runs no animation
  // frames in a cross-origin frame that is off screen).
  const count = await page.$$eval('iframe.prescreen-frame', (frames) => frames.length);
  for (let i = 0; i < count; i++) {
    await widgetFrame(page, i);
    // The frame element's height only: an off-screen frame's own viewport lags behind it.
    await page.waitForFunction(
      async ([i]) => {
        const frame = document.querySelectorAll('iframe.prescreen-frame')[i];
        return frame.style.height.endsWith('px');
      },
      [i],
    );
    await waitForStill(page, i);
  }
  await page.$$eval('iframe.prescreen-frame', (frames, i) => frames[i].scrollIntoView(), index);
  return { page, frame };
}

async function widgetFrame(page, index = 0) {
  const handle = await page.waitForSelector(`iframe.prescreen-frame >> nth=${index}`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('#page-heading', { timeout: 10_000 });
  return frame;
}

/** Waits until the `index`th frame's height has not changed for 300 ms. */
async function waitForStill(page, index) {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const now = await page.$$eval('iframe.prescreen-frame', (frames, i) => frames[i].getBoundingClientRect().height, index);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(300);
  }
}

/** The frame element's height on the host, and its content's height inside. */
async function heights(page, frame, index = 0) {
  const outer = await page.$$eval('iframe.prescreen-frame', (frames, i) => frames[i].getBoundingClientRect().height, index);
  const inner = await frame.evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    // Content below the frame's bottom edge would need a scrollbar.
    scrolls: document.documentElement.scrollHeight > window.innerHeight + 1 || getComputedStyle(document.documentElement).overflowY !== 'hidden',
    detail: [document.documentElement.scrollHeight, window.innerHeight, getComputedStyle(document.documentElement).overflowY],
  }));
  return { outer, ...inner };
}

/** Waits until the host has sized the frame to its content (within a pixel). */
async function waitForFit(page, frame, index = 0) {
  for (let i = 0; i < 100; i++) {
    const h = await heights(page, frame, index);
    // Heights come in steps of 32 px: the frame is at most one step taller than its content.
    if (h.outer >= h.content - 0.5 && h.outer < h.content + 32 && h.outer % 32 === 0 && !h.scrolls) return h;
    await page.waitForTimeout(50);
  }
  const h = await heights(page, frame, index);
  assert.fail(`the frame (${h.outer}px) was never fitted to its content (${h.content}px; scroll height, frame height, overflow: ${h.detail})`);
}

/**
 * The journey inside a widget: before each answer, the frame has taken its new page's height, so
 * that the host page does not move (its scroll clamped to a shorter page) under the click.
 */
function widgetJourney(page, frame, answers, options = {}) {
  const settle = async () => {
    await waitForFit(page, frame);
    // As a person would: the top of the widget in view before answering.
    await page.$eval('iframe.prescreen-frame', (f) => f.scrollIntoView());
  };
  return journey(frame, answers, { ...options, onQuestion: settle });
}

describe('the registry widget, embedded from another origin', () => {
  const getBrowser = useBrowser();
  const host = useHostServer({
    'registry.html': registryPage(),
    'bad-options.html': registryPage(
      `<script src="${WIDGET}/embed.js" data-trial="interact" data-lang="fr" data-mode="nurse" data-compact="maybe" data-accent="#ffdd00" async></script>`,
    ),
    'unknown-trial.html': registryPage(`<script src="${WIDGET}/embed.js" data-trial="../secrets" async></script>`),
    'italian.html': registryPage(`<script src="${WIDGET}/embed.js" data-trial="interact" data-lang="it" async></script>`),
    'plain-iframe.html': registryPage(
      `<iframe src="${WIDGET}/index.html?trial=interact&amp;lang=en" title="Clinical trial pre-screener" class="plain" width="100%" height="600"></iframe>`,
    ),
    'blank.html': '<!DOCTYPE html><html lang="en"><head><title>blank</title></head><body></body></html>',
    'head.html': `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${WIDGET_ORIGIN}; frame-src ${WIDGET_ORIGIN}"><title>A loader in the head</title><script src="${WIDGET}/embed.js" data-trial="demo_cardio" defer></script></head><body><main><h1>A page with the loader in its head</h1></main></body></html>`,
  });

  test('renders the start page, and neither side can reach the other', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host);
    assert.equal(new URL(frame.url()).origin, WIDGET_ORIGIN, 'the frame is served from the pre-screener\'s origin');
    assert.equal((await frame.textContent('#page-heading')).trim(), fill(T.en.start_heading, ['interACT']));

    const fromHost = await page.evaluate(() => {
      const frame = document.querySelector('iframe.prescreen-frame');
      let document_;
      try {
        document_ = frame.contentWindow.document ? 'readable' : 'none';
      } catch (error) {
        document_ = error.name;
      }
      return { contentDocument: frame.contentDocument, document_ };
    });
    assert.deepEqual(fromHost, { contentDocument: null, document_: 'SecurityError' }, 'the host cannot reach the frame\'s DOM');

    const fromFrame = await frame.evaluate(() => {
      try {
        return window.parent.document.title;
      } catch (error) {
        return error.name;
      }
    });
    assert.equal(fromFrame, 'SecurityError', 'the widget cannot read the host');

    // The loader defines no global name: the host's window has exactly a blank page's names
    // (plus the test's own recorder), but for the frames' own indexes (window[0], window[1]).
    const names = await page.evaluate(() => Object.getOwnPropertyNames(window).sort());
    const blank = await context.newPage();
    await blank.goto(`${host.origin}/blank.html`);
    const blankNames = await blank.evaluate(() => Object.getOwnPropertyNames(window).sort());
    assert.deepEqual(names.filter((n) => !blankNames.includes(n) && !/^\d+$/.test(n)), [], 'no global added by embed.js');
    assert.deepEqual(page.errors, []);
  }));

  test('is sized to its content as its pages change, with no scrollbar of its own', withContext(getBrowser, { width: 390, height: 700 }, async (context) => {
    const { page, frame } = await openHost(context, host);
    const start = await waitForFit(page, frame);
    await andWaitForNavigation(frame, () => frame.click('button.button--start'));
    const question = await waitForFit(page, frame);
    assert.ok(question.outer < start.outer, `a question page (${question.outer}px) is shorter than the start page (${start.outer}px): the frame shrank`);
    // The host page did not slide the widget out of view as it shrank (scroll anchoring would).
    await page.waitForTimeout(100);
    const top = await page.$eval('iframe.prescreen-frame', (f) => f.getBoundingClientRect().top);
    assert.ok(top > -2 && top < 700, `the widget's top stays in view (${top})`);
    // An error summary makes the page taller: the frame grows.
    await andWaitForNavigation(frame, () => frame.click('form.question-form button[type=submit]'));
    const withError = await waitForFit(page, frame);
    assert.ok(withError.outer > question.outer, `the frame grew with the error summary (${question.outer} -> ${withError.outer})`);
  }));

  test('a whole journey completes inside it, and only height messages ever cross', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host);
    const historyBefore = await page.evaluate(() => history.length);
    await widgetJourney(page, frame, ELIGIBLE, { stopAt: 'metastatic' });
    // The widget's own Back; the host's history gets no entry from the widget's pages.
    await waitForFit(page, frame);
    await andWaitForNavigation(frame, () => frame.click('.back-link'));
    assert.equal((await frame.textContent('#page-heading')).trim(), trialQuestion('adenocarcinoma').patient.en);
    await widgetJourney(page, frame, ELIGIBLE);
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'the host page\'s history is left alone');
    await waitForFit(page, frame);
    assert.equal(await seeResult(frame), T.en.verdict_likely);
    await waitForFit(page, frame);

    const received = await page.evaluate(() => window.__messages);
    assert.ok(received.length >= 2, `the host received height messages (${received.length})`);
    for (const message of received) {
      assert.equal(message.origin, WIDGET_ORIGIN);
      assert.deepEqual(message.keys, ['type', 'height'], `only {type, height}: ${message.json}`);
      assert.match(message.json, /^\{"type":"prescreen:height","height":\d+\}$/);
      assert.equal(JSON.parse(message.json).height % 32, 0, 'heights in steps of 32 px');
    }
    const everything = JSON.stringify(received);
    for (const [id, value] of Object.entries(ELIGIBLE)) {
      if (typeof value === 'string' && value.length > 3) assert.ok(!everything.includes(value), `the answer to ${id} never crosses`);
    }
    assert.deepEqual(await frame.evaluate(() => window.__messages), [], 'nothing is sent into the widget');
    assert.equal(new URL(frame.url()).hash, '', 'no answer in the frame\'s address');
    assert.deepEqual(page.errors, []);
  }));

  test('a link saved inside the widget opens the journey as a whole page that scrolls', withContext(getBrowser, {}, async (context) => {
    const { page: hostPage, frame } = await openHost(context, host, 'italian.html');
    await widgetJourney(hostPage, frame, ELIGIBLE, { lang: 'it', stopAt: 'metastatic' });
    await frame.locator('section.save-link button', { hasText: T.it.save_link }).click();
    const link = await frame.inputValue('#save-link-field');
    const url = new URL(link);
    assert.equal(url.origin, WIDGET_ORIGIN, 'the pre-screener\'s own address, not the host\'s');
    assert.equal(url.searchParams.get('embed'), null, 'not the embedded layout');
    assert.equal(url.searchParams.get('lang'), 'it');
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('#page-heading');
    assert.equal(await page.textContent('#page-heading'), trialQuestion('metastatic').patient.it, 'the journey resumes where it was');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY), 'visible', 'the page scrolls');
  }));

  test('bad options show a message inside the widget, which carries on; the host is untouched', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host, 'bad-options.html');
    const alert = (await frame.textContent('.notice--problem')).replace(/\s+/g, ' ');
    for (const line of [
      T.en.option_problems_title,
      fill(T.en.option_lang, ['fr']),
      fill(T.en.option_mode, ['nurse']),
      fill(T.en.option_compact, ['maybe']),
      fill(T.en.option_accent_contrast, ['#ffdd00', '1.3']),
    ]) {
      assert.ok(alert.includes(line), `the widget says: ${line}\n(it says: ${alert})`);
    }
    assert.equal((await frame.textContent('#page-heading')).trim(), fill(T.en.start_heading, ['interACT']), 'the pre-screener still works');
    assert.equal(await page.textContent('h1'), 'interACT: a Phase II study in HR-positive, HER2-negative metastatic breast cancer');
    assert.deepEqual(page.errors, []);
  }));

  test('a loader placed in the page\'s head puts the widget at the end of the body', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host, 'head.html');
    assert.equal(await page.$eval('iframe.prescreen-frame', (f) => f.parentElement.tagName), 'BODY');
    assert.equal(await page.$eval('iframe.prescreen-frame', (f) => f.title), 'Clinical trial pre-screener: demo_cardio');
    assert.ok((await frame.textContent('.demo-badge')).includes(T.en.demo_badge));
    await waitForFit(page, frame);
  }));

  test('an unknown or unsafe trial id shows its own page, and nothing is fetched for it', withContext(getBrowser, {}, async (context) => {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const { frame } = await openHost(context, host, 'unknown-trial.html');
    assert.equal((await frame.textContent('#page-heading')).trim(), T.en.trial_unknown_title);
    // What was asked for is not repeated: it is not a plain id.
    assert.ok((await frame.textContent('main')).includes(fill(T.en.trial_unknown_body, ['…'])));
    // Every request is one of the page's own, the app's files, or the second widget's demo trial:
    // nothing for the unknown trial, wherever a path like ../ would have led.
    const expected = /^\/(unknown-trial\.html|registry-demo\.css|embed\.js|index\.html|app-[0-9a-f]+\.css|prescreen-app-[0-9a-f]+(_bg\.wasm|\.js)|favicon-[0-9a-f]+\.svg|i18n\/(en|it)\.txt|trials\/demo_cardio\.(en|it)\.trial)$/;
    const unexpected = requests.filter((url) => !expected.test(new URL(url).pathname));
    assert.deepEqual(unexpected, [], 'no request but the expected ones');
  }));

  test('options apply: language, mode, compact layout, accent colour, and the demo trial', withContext(getBrowser, {}, async (context) => {
    const { page } = await openHost(context, host, 'italian.html');
    const italian = await widgetFrame(page);
    assert.equal((await italian.textContent('#page-heading')).trim(), fill(T.it.start_heading, ['interACT']));
    assert.equal(await italian.getAttribute('html', 'lang'), 'it');

    const other = await context.newPage();
    await other.goto(`${host.origin}/registry.html`);
    const demo = await widgetFrame(other, 1);
    assert.equal((await demo.textContent('#page-heading')).trim(), T.en.clinician_title, 'mode=clinician opens the clinician form');
    assert.ok((await demo.textContent('.demo-badge')).includes(T.en.demo_badge), 'the demo trial is labelled as a demo');
    assert.equal(await demo.getAttribute('html', 'class'), 'embedded compact');
    const accent = await demo.evaluate(() => [
      getComputedStyle(document.documentElement).getPropertyValue('--button').trim(),
      getComputedStyle(document.querySelector('.header')).borderBottomColor,
    ]);
    assert.deepEqual(accent, ['#4c2c92', 'rgb(76, 44, 146)'], 'the accent colour is on the buttons and the banner');
    assert.equal(await demo.evaluate(() => document.title.includes('DEMO-HEART')), true);
  }));

  test('axe-core finds no violation inside the widget, in its default and compact forms', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host);
    const check = async (label, f) => {
      const { violations } = await runAxe(f);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], `${label}: no axe violation`);
    };
    // The journey first: axe scrolls elements into view as it checks colours, which would leave
    // the host page scrolled anywhere under the journey's clicks.
    await widgetJourney(page, frame, ELIGIBLE, { stopAt: 'age' });
    await check('question', frame);
    const fresh = await context.newPage();
    await fresh.goto(`${host.origin}/registry.html`);
    await check('start', await widgetFrame(fresh));
    const demo = await widgetFrame(page, 1);
    await check('compact clinician form with accent', demo);
    const bad = await context.newPage();
    await bad.goto(`${host.origin}/bad-options.html`);
    await check('option problems', await widgetFrame(bad));
  }));

  test('the plain <iframe> alternative works without the loader, and scrolls itself', withContext(getBrowser, {}, async (context) => {
    const page = await context.newPage();
    await page.goto(`${host.origin}/plain-iframe.html`);
    const frame = await (await page.waitForSelector('iframe.plain')).contentFrame();
    await frame.waitForSelector('#page-heading');
    assert.equal((await frame.textContent('#page-heading')).trim(), fill(T.en.start_heading, ['interACT']));
    assert.ok(!(await frame.getAttribute('html', 'class') ?? '').includes('embedded'), 'not the embedded layout');
    const scrolling = await frame.evaluate(() => ({
      overflow: getComputedStyle(document.documentElement).overflowY,
      longer: document.documentElement.scrollHeight > window.innerHeight,
    }));
    assert.deepEqual(scrolling, { overflow: 'visible', longer: true }, 'a fixed-height frame scrolls its content');
  }));

  test('embed=1 opened as a page of its own is not the frame layout: it scrolls', withContext(getBrowser, {}, async (context) => {
    const page = await context.newPage();
    await page.goto(`${WIDGET}/index.html?embed=1&trial=interact`);
    await page.waitForSelector('#page-heading');
    assert.ok(!((await page.getAttribute('html', 'class')) ?? '').includes('embedded'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY), 'visible');
  }));

  test('the loader takes no height from the host page or any other frame', withContext(getBrowser, {}, async (context) => {
    const { page, frame } = await openHost(context, host);
    const fitted = await waitForFit(page, frame);
    await page.evaluate(() => {
      window.postMessage({ type: 'prescreen:height', height: 5 }, '*');
      const other = document.createElement('iframe');
      other.src = 'blank.html';
      other.addEventListener('load', () => other.contentWindow.parent.postMessage({ type: 'prescreen:height', height: 7 }, '*'));
      document.body.appendChild(other);
    });
    await page.waitForFunction(() => window.__messages.some((m) => m.json.includes('"height":7')));
    assert.equal(await page.$eval('iframe.prescreen-frame', (f) => f.getBoundingClientRect().height), fitted.outer, 'the frame kept its size');
  }));
});
