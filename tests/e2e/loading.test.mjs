// Choosing and loading the trial: ?trial=<id>, a trial that cannot be fetched, a definition
// with problems. These pages are in the browser's language like every other, with the same
// heading focus and <html lang>.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withContext, recordRequests, assertNoAxeViolations, headingText, BASE_URL, ORIGIN, T, fill,
  andWaitForNavigation, seeResult, clickSwitch, journey,
} from './helpers.mjs';

/** Opens a page and waits for its first h1 (these pages may not have #page-heading). */
async function openRaw(context, search) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(new URL(search, BASE_URL).href);
  await page.waitForSelector('main h1');
  return page;
}

describe('loading the trial', () => {
  const getBrowser = useBrowser();

  test('?trial=interact loads interACT; an id that is not a plain id is never fetched, and says so', async () => {
    await withContext(getBrowser, {}, async (context) => {
      const recorder = recordRequests(context);
      const page = await openRaw(context, '?trial=interact');
      await page.waitForSelector('#page-heading');
      assert.ok((await page.textContent('p.lead')).startsWith('Personalizing treatment'), 'the interACT start page');
      const trials = recorder.requests.map((r) => new URL(r.url)).filter((u) => u.pathname.includes('/trials/'));
      assert.deepEqual(trials.map((u) => `${u.origin}${u.pathname}`), [`${ORIGIN}/trials/interact.en.trial`], 'only the English compiled trial of interACT is fetched');
      assert.deepEqual(recorder.requests.filter((r) => r.url.includes('/engine/')), [], 'not the engine\'s module: the trial is compiled');
    })();
    // A plain value is repeated in the message; anything else is not (it could be any sentence).
    for (const [search, asked] of [['?trial=..%2Fsecrets', '…'], ['?trial=https://evil.example/x', '…'], ['?trial=INTERACT', 'INTERACT'], ['?trial=', '…']]) {
      await withContext(getBrowser, {}, async (context) => {
        const recorder = recordRequests(context);
        const page = await openRaw(context, search);
        assert.equal((await page.textContent('main h1')).trim(), T.en.trial_unknown_title, `${search}: not another trial in its place`);
        assert.ok((await page.textContent('main')).includes(fill(T.en.trial_unknown_body, [asked])), `${search}: names what was asked for`);
        // Every request is one of the app's own files: nothing else, wherever ../ would lead.
        const expected = /^\/(index\.html)?$|^\/(app-[0-9a-f]+\.css|prescreen-app-[0-9a-f]+(_bg\.wasm|\.js)|favicon-[0-9a-f]+\.svg|i18n\/(en|it)\.txt)$/;
        const unexpected = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => !expected.test(p));
        assert.deepEqual(unexpected, [], `${search}: no request but the app's own files`);
      })();
    }
  });

  test('without the page\'s script, which chooses the trial, the app has none and says so', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    // The page with its inline script changed: the Content-Security-Policy, which allows it by
    // its hash, then blocks it, as a browser would any script it does not allow.
    await context.route((url) => url.pathname === '/' || url.pathname === '/index.html', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('window.prescreenTrial', 'window.notChosen');
      await route.fulfill({ response, body: html });
    });
    const recorder = recordRequests(context);
    const page = await openRaw(context, '');
    assert.equal((await page.textContent('main h1')).trim(), T.en.trial_unknown_title);
    assert.ok((await page.textContent('main')).includes(fill(T.en.trial_unknown_body, ['…'])));
    assert.deepEqual(recorder.requests.filter((r) => new URL(r.url).pathname.includes('/trials/')), [], 'nothing fetched');
    assert.deepEqual(page.errors, []);
  }));

  test('a trial that does not exist says so, in the browser\'s language, as a proper page', withContext(getBrowser, { locale: 'it-IT' }, async (context) => {
    const page = await openRaw(context, '?trial=no-such-trial');
    assert.equal((await page.textContent('main h1')).trim(), T.it.trial_unknown_title);
    assert.ok((await page.textContent('main')).includes(fill(T.it.trial_unknown_body, ['no-such-trial'])));
    assert.deepEqual(page.errors, []);
    await assertNoAxeViolations(page, 'the unknown-trial page (it)');
    // Every problem at once, so one run shows what to fix.
    const problems = [];
    const lang = await page.getAttribute('html', 'lang');
    // The page is Italian: <html lang> must say so (WCAG 3.1.1).
    if (lang !== 'it') problems.push(`<html lang="${lang}"> on a page in Italian`);
    // Like every other page: the h1 is #page-heading and can take focus. As the first page of a
    // visit, it leaves focus at the top of the page.
    const id = await page.getAttribute('main h1', 'id');
    if (id !== 'page-heading') problems.push(`the h1 has id ${JSON.stringify(id)}, not "page-heading"`);
    if ((await page.getAttribute('main h1', 'tabindex')) !== '-1') problems.push('the h1 cannot take focus');
    const title = await page.title();
    if (!title.startsWith(T.it.trial_unknown_title)) problems.push(`the document title is "${title}", not the page's heading`);
    assert.deepEqual(problems, [], 'the unknown-trial page is a page like the others');
  }));

  // index.html fetches the compiled trial with the page; the app takes it from there (src/dom.rs,
  // early_trial; src/load.rs). Whichever comes first, the definition or the app's code, there is one request.
  const LOADING_SEEN = `
    new MutationObserver(() => {
      if (document.querySelector('main p.loading')) window.loadingSeen = true;
    }).observe(document, { subtree: true, childList: true });`;
  const delay = (ms) => (route) => setTimeout(() => route.continue(), ms);
  const trialRequests = (recorder) => recorder.requests.filter((r) => new URL(r.url).pathname.includes('/trials/')).length;

  test('a trial that came before the app\'s code is its first page: no loading page, one request', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    await context.addInitScript(LOADING_SEEN);
    await context.route('**/*_bg.wasm', delay(1500));
    const recorder = recordRequests(context);
    const page = await openRaw(context, '');
    await page.waitForSelector('#page-heading');
    assert.equal(await page.evaluate(() => window.loadingSeen ?? false), false, 'never a loading page');
    assert.equal(trialRequests(recorder), 1);
    assert.deepEqual(page.errors, []);
  }));

  test('a trial slower than the app\'s code: the loading page, then the trial, one request', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    await context.addInitScript(LOADING_SEEN);
    await context.route('**/trials/interact.en.trial', delay(2500));
    const recorder = recordRequests(context);
    const page = await openRaw(context, '');
    assert.ok((await page.textContent('p.lead')).startsWith('Personalizing treatment'), 'the interACT start page');
    assert.equal(await page.evaluate(() => window.loadingSeen ?? false), true, 'the loading page while it came');
    assert.equal(trialRequests(recorder), 1);
    assert.deepEqual(page.errors, []);
  }));

  test('a trial that cannot be fetched for another reason says so', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    await context.route('**/trials/interact.en.trial', (route) => route.fulfill({ status: 503, body: 'down' }));
    const page = await openRaw(context, '?trial=interact');
    assert.equal((await page.textContent('main h1')).trim(), T.en.load_failed_title);
    assert.ok((await page.textContent('main')).includes(T.en.load_failed_body));
    assert.deepEqual(page.errors, []);
  }));

  test('a trial whose request fails outright says so too', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    await context.route('**/trials/interact.en.trial', (route) => route.abort('connectionreset'));
    const page = await openRaw(context, '?trial=interact');
    assert.equal((await page.textContent('main h1')).trim(), T.en.load_failed_title);
    assert.deepEqual(page.errors, []);
  }));

  test('a definition with problems shows its diagnostics, from the engine\'s module', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    // A definition that fails its check, served in place of a file (nothing is added to the build).
    // There is no compiled trial beside it, so the engine's module reads it.
    await context.route('**/trials/broken.toml', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: '[trial]\nid = "broken"\n' }),
    );
    const page = await openRaw(context, '?trial=broken');
    assert.equal((await page.textContent('main h1')).trim(), T.en.definition_invalid_title);
    const diagnostics = await page.textContent('pre.diagnostics');
    assert.match(diagnostics, /trials\/broken\.toml:\d+:\d+/, 'the diagnostics name the file, line and column');
    assert.match(diagnostics, /error\[[a-z-]+\]/, 'each says its kind');
    assert.match(diagnostics, /\d+ problems?/);
    assert.match(diagnostics, /needs `eu_ct_number`/, 'with the messages a definition\'s author reads from `prescreen check`');
    assert.deepEqual(page.errors, []);
    await assertNoAxeViolations(page, 'the invalid-definition page (en)');
  }));

  test('a compiled trial that is damaged, or of another version, says so to its authors', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    await context.route('**/trials/interact.en.trial', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'prescreen-trial/1\n"interact\n1,0,"2025' }),
    );
    const page = await openRaw(context, '');
    assert.equal((await page.textContent('main h1')).trim(), T.en.definition_invalid_title);
    assert.match(await page.textContent('pre.diagnostics'), /trials\/interact\.en\.trial: not a compiled trial .*prescreen compile/);
    assert.deepEqual(page.errors, []);
  }));

  test('a trial with no compiled files loads from its definition, by the engine\'s module; switching language then fetches only the words', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    // As when a registry drops in a new definition without running `prescreen compile`.
    await context.route(/\/trials\/interact\.(en|it)\.trial$/, (route) => route.fulfill({ status: 404, body: 'not here' }));
    const recorder = recordRequests(context);
    const page = await openRaw(context, '');
    assert.ok((await page.textContent('p.lead')).startsWith('Personalizing treatment'), 'the interACT start page');
    await clickSwitch(page, 'Italiano');
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    assert.ok((await page.textContent('p.lead')).startsWith('Terapia personalizzata'), 'the Italian start page');
    const trials = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/trials/'));
    assert.deepEqual(trials, ['/trials/interact.en.trial', '/trials/interact.toml'], 'the compiled trial, then the definition, and nothing on switching');
    const words = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/i18n/'));
    assert.deepEqual(words, ['/i18n/en.txt', '/i18n/it.txt'], 'the words of each language, once, when it is shown');
    const engine = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/engine/'));
    assert.deepEqual(engine, ['/engine/prescreen_engine.js', '/engine/prescreen_engine_bg.wasm'], 'the engine\'s module, once');
    assert.deepEqual(page.errors, []);
  }));

  test('switching language fetches that language\'s file; when it cannot be fetched, the page stays as it was and says so', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    let fail = true;
    await context.route('**/trials/interact.it.trial', (route) => (fail ? route.abort('connectionreset') : route.continue()));
    const recorder = recordRequests(context);
    const page = await openRaw(context, '');
    await journey(page, { sex: 'female' }, { stopAt: 'age' });
    await clickSwitch(page, 'Italiano');
    await page.waitForSelector('.notice');
    assert.equal((await page.textContent('.notice')).trim(), T.en.language_failed);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'still in English');
    assert.equal(await page.getAttribute('header button.switch[lang="en"]', 'aria-pressed'), 'true');
    fail = false;
    await clickSwitch(page, 'Italiano');
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    assert.equal(await page.getAttribute('header button.switch[lang="it"]', 'aria-pressed'), 'true');
    await andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.it.back}")`));
    assert.equal(await page.isChecked('input[value="female"]'), true, 'the answer given before the switches is kept');
    const trials = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/trials/'));
    assert.deepEqual(trials, ['/trials/interact.en.trial', '/trials/interact.it.trial', '/trials/interact.it.trial'], 'each switch asks once');
    assert.deepEqual(page.errors, []);
  }));

  test('?trial=demo_cardio runs the fictional demo trial on the full page, labelled as a demo', withContext(getBrowser, { locale: 'en-US' }, async (context) => {
    const page = await openRaw(context, '?trial=demo_cardio');
    await page.waitForSelector('#page-heading');
    assert.equal((await page.textContent('#page-heading')).trim(), fill(T.en.start_heading, ['DEMO-HEART']));
    assert.ok((await page.textContent('.demo-badge')).includes(T.en.demo_badge));
    await andWaitForNavigation(page, () => page.click('button.button--start'));
    assert.equal((await page.textContent('#page-heading')).trim(), 'How old are you?', 'its own first question');
    assert.ok((await page.textContent('.demo-badge')).includes(T.en.demo_badge), 'the label stays on every page');
    // Too young for the (fictional) study: settled at once, so the journey goes to Check your answers.
    await page.fill('#f-age', '17');
    await andWaitForNavigation(page, () => page.click('form.question-form button[type=submit]'));
    assert.equal(await seeResult(page), T.en.verdict_not);
    assert.deepEqual(page.errors, []);
  }));
});
