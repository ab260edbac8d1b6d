// "Save a link to continue later" and "Clear my answers".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withContexts, openApp, journey, checkRows, seeResult, headingText, currentQuestionId, radioSelector,
  andWaitForNavigation, waitForHeadingFocus, assertNoPageErrors, question, todayISO, BASE_URL, ORIGIN, T, ELIGIBLE,
} from './helpers.mjs';

/** Opens the save-link panel and returns the link in #save-link-field. */
async function readSavedLink(page, lang = 'en') {
  const toggle = page.locator('section.save-link button', { hasText: T[lang].save_link });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await page.waitForSelector('#save-link-field');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.$eval('#save-link-field', (f) => f.readOnly), true, 'the field is read-only');
  return page.inputValue('#save-link-field');
}

describe('save a link', () => {
  const getBrowser = useBrowser();

  test('a link saved mid-journey resumes at the same question, with the answers, in a fresh browser', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const page = await openApp(await open());
    await journey(page, ELIGIBLE, { stopAt: 'ecog' });
    const link = await readSavedLink(page);
    assert.ok(link.startsWith(BASE_URL), `the link is to this page: ${link}`);
    const url = new URL(link);
    assert.equal(url.origin, ORIGIN);
    assert.equal(url.search, '', 'no answer in the part of the address that is sent to the server');
    assert.match(url.hash, /^#t=interact&/, 'the answers are in the fragment');
    assert.match(url.hash, /a\.age=47/);

    // A fresh context: no storage shared with the first.
    const resumed = await openApp(await open(), { url: link });
    await waitForHeadingFocus(resumed);
    assert.equal(await currentQuestionId(resumed), 'ecog', 'resumes on the same question');
    assert.equal((await resumed.textContent('.notice')).trim(), T.en.restored);
    // Every answer is there: finish and compare Check your answers with the original.
    await journey(resumed, ELIGIBLE);
    await journey(page, ELIGIBLE);
    assert.deepEqual(await checkRows(resumed), await checkRows(page));
    assert.equal(await seeResult(resumed), T.en.verdict_likely);
    assertNoPageErrors(page);
    assertNoPageErrors(resumed);
  }));

  test('a link saved on Check your answers in Italian reopens there, in Italian', withContexts(getBrowser, { locale: 'it-IT' }, async (open) => {
    const page = await openApp(await open());
    await journey(page, ELIGIBLE, { lang: 'it' });
    const rows = await checkRows(page);
    const link = await readSavedLink(page, 'it');
    // Opened in a browser set to English: the link's language wins.
    const resumed = await openApp(await open({ locale: 'en-US' }), { url: link });
    assert.equal(await resumed.getAttribute('html', 'lang'), 'it');
    assert.equal(await headingText(resumed), T.it.check_title);
    assert.deepEqual(await checkRows(resumed), rows);
    // Back from a restored page: the start page offers to continue.
    await andWaitForNavigation(resumed, () => resumed.click(`button.back-link:has-text("${T.it.back}")`));
    assert.equal((await resumed.textContent('button.button--start')).trim(), T.it.resume_button);
  }));

  test('the link follows the answers: a later change is in a link opened later', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const page = await openApp(await open());
    await journey(page, ELIGIBLE, { stopAt: 'adenocarcinoma' });
    const first = await readSavedLink(page);
    await page.check(radioSelector('adenocarcinoma', 'unsure'));
    await page.click(`form.question-form button[type=submit]`);
    await page.waitForFunction(() => document.querySelector('#f-metastatic'));
    const field = await page.$('#save-link-field');
    const second = field ? await page.inputValue('#save-link-field') : await readSavedLink(page);
    assert.notEqual(first, second);
    assert.match(second, /a\.adenocarcinoma=unsure/);
    assert.match(second, /p=q\.metastatic/);
  }));

  test('a how-long-ago answer keeps its meaning when the link is opened on a later day', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const page = await openApp(await open());
    // Surgery 20 days ago: excluded for now, until 8 days from today.
    await journey(page, { ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: { date: todayISO(-20) } });
    const link = await readSavedLink(page);
    // Ten days later the operation was 30 days ago: the temporary exclusion has lifted.
    const later = await open();
    await later.clock.setFixedTime(new Date(`${todayISO(10)}T12:00:00`));
    const resumed = await openApp(later, { url: link });
    assert.equal(await resumed.evaluate(() => new Date().toDateString()), new Date(`${todayISO(10)}T12:00:00`).toDateString());
    // The journey had stopped at the exclusion; now that it has lifted, the questions left open
    // are asked, from where the person stopped.
    const asked = await journey(resumed, ELIGIBLE);
    assert.ok(asked.length > 0 && !asked.includes('surgery_days_ago'), `asked only what was left: ${asked.join(', ')}`);
    const rows = Object.fromEntries(await checkRows(resumed));
    assert.equal(rows[question('surgery_days_ago').patient.en], '30 days', 'the surgery is now 30 days ago, not 20');
    assert.equal(await seeResult(resumed), T.en.verdict_likely, 'the 28 days have passed');
  }));

  test('"Copy link" copies the link and says so', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const context = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await openApp(context);
    await journey(page, ELIGIBLE, { stopAt: 'age' });
    const link = await readSavedLink(page);
    await page.click(`#save-link-panel button:has-text("${T.en.copy}")`);
    await page.waitForFunction((text) => document.querySelector('#save-link-panel .copied')?.textContent === text, T.en.copied);
    assert.equal(await page.getAttribute('#save-link-panel .copied', 'role'), 'status');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  }));

  test('"Clear my answers" on the result page wipes everything', withContexts(getBrowser, { locale: 'en-US' }, async (open) => {
    const page = await openApp(await open());
    await journey(page, ELIGIBLE);
    // Arrive from a saved link, so there is a fragment to clear too.
    const link = await readSavedLink(page);
    const resumed = await openApp(await open(), { url: link });
    assert.equal(await seeResult(resumed), T.en.verdict_likely);
    await andWaitForNavigation(resumed, () => resumed.click(`button:has-text("${T.en.clear_answers}")`));
    await waitForHeadingFocus(resumed);
    assert.equal((await resumed.textContent('.notice')).trim(), T.en.cleared);
    assert.equal((await resumed.textContent('button.button--start')).trim(), T.en.start_button, 'nothing to resume');
    assert.equal(await resumed.evaluate(() => location.hash), '', 'the answers are gone from the address');
    assert.equal(await resumed.locator('section.save-link').count(), 0, 'no link to save');
    // Starting again asks from scratch, with nothing filled in.
    await andWaitForNavigation(resumed, () => resumed.click('button.button--start'));
    assert.equal(await currentQuestionId(resumed), 'sex');
    assert.equal(await resumed.isChecked(radioSelector('sex', 'female')), false);
    assert.equal(await resumed.isChecked(radioSelector('sex', 'male')), false);
    // Back does not bring anything back either.
    await andWaitForNavigation(resumed, () => resumed.click(`button.back-link:has-text("${T.en.back}")`));
    assert.equal((await resumed.textContent('button.button--start')).trim(), T.en.start_button);
    // Reloading the page does not restore anything.
    await resumed.reload();
    await resumed.waitForSelector('#page-heading');
    assert.equal((await resumed.textContent('button.button--start')).trim(), T.en.start_button);
    assert.equal(await resumed.locator('.notice').count(), 0);
  }));
});
