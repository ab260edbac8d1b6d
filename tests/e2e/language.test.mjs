// The language: taken from the browser, switchable at any time without losing anything, and
// always reflected in <html lang>.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withPage, withContexts, openApp, recordRequests, assertNoPageErrors, journey, checkRows, clickSwitch,
  headingText, currentQuestionId, answerQuestion, radioSelector, question, seeResult, trial, fill, T, ELIGIBLE,
} from './helpers.mjs';

const START_TITLE = {
  en: 'Personalizing treatment for patients with HR-positive, HER2-negative metastatic breast cancer',
  it: 'Terapia personalizzata per pazienti con tumore al seno metastatico HR positivo e HER2 negativo',
};

/** Waits until the page is in `lang`: <html lang>, the pressed switch, a known string. */
async function waitForLang(page, lang) {
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  const pressed = await page.$$eval('header .switch[aria-pressed="true"][lang]', (b) => b.map((x) => x.getAttribute('lang')));
  assert.deepEqual(pressed, [lang], 'the pressed language switch is the one in use');
}

describe('language', () => {
  const getBrowser = useBrowser();

  for (const [locale, lang] of [['it-IT', 'it'], ['en-US', 'en'], ['en-GB', 'en'], ['it-CH', 'it'], ['de-DE', 'en']]) {
    test(`a browser set to ${locale} gets ${lang === 'it' ? 'Italian' : 'English'}`, withPage(getBrowser, { locale }, async (page) => {
      await waitForLang(page, lang);
      assert.equal(await headingText(page), T[lang].start_heading.replace('{0}', 'interACT'), 'the start page asks its question');
      assert.ok((await page.textContent('p.lead')).startsWith(START_TITLE[lang]), 'the trial title follows the heading');
      assert.equal((await page.textContent('button.button--start')).trim(), T[lang].start_button);
      assert.equal((await page.textContent('header .header__name')).trim(), T[lang].app_name);
      assert.ok((await page.title()).endsWith(T[lang].app_name), 'the document title too');
    }));
  }

  // The language is chosen once, by index.html's script, which fetches the trial in it; the app
  // speaks what it chose (src/dom.rs, chosen).
  for (const { locale, address, lang, why } of [
    { locale: 'en-US', address: '?lang=it', lang: 'it', why: 'the address\'s over the browser\'s' },
    { locale: 'it-IT', address: '?lang=fr', lang: 'it', why: 'the browser\'s when the address\'s is not ours' },
    { locale: 'en-US', address: '?lang=it#t=interact&l=en', lang: 'en', why: 'a saved link\'s over the address\'s' },
    { locale: 'en-US', address: '?lang=it#t=demo_cardio&l=en', lang: 'it', why: 'not the saved link\'s of another trial' },
    { locale: 'de-DE', address: '#t=interact&l=fr', lang: 'en', why: 'English when no language named is ours' },
  ]) {
    test(`a browser set to ${locale} opening ${address} gets ${lang}: ${why}`, withContexts(getBrowser, { locale }, async (open) => {
      const context = await open();
      const recorder = recordRequests(context);
      const page = await openApp(context, { search: address });
      await waitForLang(page, lang);
      assert.equal(await headingText(page), T[lang].start_heading.replace('{0}', 'interACT'));
      const trials = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/trials/'));
      assert.deepEqual(trials, [`/trials/interact.${lang}.trial`], 'only the trial in that language is fetched');
      // One language's words add nothing to another's first load (src/i18n).
      const words = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/i18n/'));
      assert.deepEqual(words, [`/i18n/${lang}.txt`], 'only the words of that language are fetched');
      const wasm = recorder.requests.find((r) => r.url.endsWith('_bg.wasm'));
      const other = lang === 'en' ? 'it' : 'en';
      const body = Buffer.from(await (await page.context().request.get(wasm.url)).body());
      const carries = (text) => body.includes(Buffer.from(text, 'utf8'));
      assert.ok(!carries(T[other].privacy_promise), `the app's wasm does not carry the ${other} words`);
      assert.ok(!carries(T[lang].privacy_promise), `nor the ${lang} ones: they are fetched`);
      const problems = await page.locator('.notice--problem').count();
      assert.equal(problems, address.includes('lang=fr') ? 1 : 0, 'a language the address names that is not ours is reported');
      if (problems) assert.ok((await page.textContent('.notice--problem')).includes(fill(T[lang].option_lang, ['fr'])));
      assertNoPageErrors(page);
    }));
  }

  test('a trial id that is not plain gets its page in the chosen language, with nothing fetched', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const context = await open();
    const recorder = recordRequests(context);
    const page = await openApp(context, { search: '?trial=Interact&lang=it' });
    assert.equal(await page.getAttribute('html', 'lang'), 'it');
    assert.equal((await page.textContent('main h1')).trim(), T.it.trial_unknown_title);
    assert.ok((await page.textContent('main')).includes(fill(T.it.trial_unknown_body, ['Interact'])));
    assert.deepEqual(recorder.requests.filter((r) => new URL(r.url).pathname.includes('/trials/')), []);
    assertNoPageErrors(page);
  }));

  test('switching language mid-journey keeps every answer, and <html lang> follows', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await waitForLang(page, 'en');
    // The first half in English...
    await journey(page, ELIGIBLE, { stopAt: 'metastatic_chemo' });
    // ...an option picked but not yet sent survives the switch too.
    await answerQuestion(page, 'metastatic_chemo', 'no');
    await clickSwitch(page, 'Italiano');
    await waitForLang(page, 'it');
    assert.equal(await currentQuestionId(page), 'metastatic_chemo', 'the same question');
    assert.equal(await headingText(page), question('metastatic_chemo').patient.it, 'now asked in Italian');
    assert.equal(await page.isChecked(radioSelector('metastatic_chemo', 'no')), true, 'the option picked is still picked');
    assert.ok((await page.title()).includes(question('metastatic_chemo').patient.it), 'the document title follows');
    // ...the rest in Italian.
    await journey(page, ELIGIBLE, { lang: 'it' });
    const italian = await checkRows(page);
    const asked = trial.questions.filter((q) => q.id !== 'pgr_status' && q.id in ELIGIBLE);
    assert.deepEqual(italian.map(([key]) => key), asked.map((q) => q.patient.it), 'every answer is there, in Italian');
    const it = Object.fromEntries(italian);
    assert.equal(it[question('sex').patient.it], 'Femminile');
    assert.equal(it[question('age').patient.it], '47 anni');
    assert.equal(it[question('adenocarcinoma').patient.it], T.it.yes);
    assert.equal(it[question('first_line_months').patient.it], '14 mesi');
    // Back to English on Check your answers: still every answer.
    await clickSwitch(page, 'English');
    await waitForLang(page, 'en');
    assert.equal(await headingText(page), T.en.check_title);
    const english = await checkRows(page);
    assert.deepEqual(english.map(([key]) => key), asked.map((q) => q.patient.en));
    const en = Object.fromEntries(english);
    assert.equal(en[question('sex').patient.en], 'Female');
    assert.equal(en[question('age').patient.en], '47 years');
    assert.equal(en[question('metastatic_chemo').patient.en], T.en.no);
    assert.equal(await seeResult(page), T.en.verdict_likely);
  }));

  test('the Italian start page names the country and the cities in Italian', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await waitForLang(page, 'it');
    const status = await page.$$eval('.facts dd', (dds) => dds.map((d) => d.textContent));
    const sites = await page.$$eval('section[aria-labelledby="sites-title"] li', (lis) => lis.map((l) => l.textContent));
    const english = [...status, ...sites].filter((text) => /\b(Italy|Rome)\b/.test(text));
    assert.deepEqual(english, [], 'no "Italy" or "Rome" on a page in Italian (Italia, Roma)');
  }));

  test('switching language on the result page translates the verdict and the reasons', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await journey(page, { ...ELIGIBLE, allergy: 'yes' }, { lang: 'it' });
    assert.equal(await seeResult(page, 'it'), T.it.verdict_not);
    await clickSwitch(page, 'English');
    await waitForLang(page, 'en');
    assert.equal(await headingText(page), T.en.verdict_not);
    const reasons = await page.$$eval('.panel__list li strong', (s) => s.map((x) => x.textContent.trim()));
    assert.deepEqual(reasons, [trial.criteria.find((c) => c.id === 'allergy').title.en]);
  }));

  test('the quoted registry text is marked as English inside an Italian page', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await journey(page, { sex: 'male' }, { lang: 'it' });
    await seeResult(page, 'it');
    const quotes = await page.$$eval('.criteria blockquote', (qs) => qs.map((q) => q.closest('[lang]').getAttribute('lang')));
    assert.ok(quotes.length > 0);
    assert.ok(quotes.every((l) => l === 'en'), 'every listing quote is lang="en"');
  }));
});
