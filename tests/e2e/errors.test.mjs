// Bad input: the error summary at the top (focused, linking to the field), the message beside
// the field, and nothing lost.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withPage, journey, currentQuestionId, answerQuestion, pressContinue,
  andWaitForNavigation, radioSelector, question, fill, todayISO, T, ELIGIBLE,
} from './helpers.mjs';

/** Asserts the GOV.UK error pattern for question `id` with `message`. */
async function assertError(page, id, message, { numeric }) {
  const summary = page.locator('#error-summary');
  assert.equal(await summary.count(), 1, 'an error summary is shown');
  // It comes first in the page's main content, before the form.
  const first = await page.evaluate(() => {
    const summary = document.getElementById('error-summary');
    const form = document.querySelector('form.question-form');
    return Boolean(summary.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(first, 'the summary is above the form');
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  const title = await page.textContent('#error-summary-title');
  assert.ok(title.trim().length > 0);
  const links = await page.$$eval('#error-summary a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })));
  assert.deepEqual(links, [{ href: `#f-${id}`, text: message }], 'one link, to the field, with the message');
  // The message beside the field, tied to it for screen readers.
  const beside = (await page.textContent(`#error-${id}`)).trim();
  assert.ok(beside.endsWith(message), `the message is beside the field: ${beside}`);
  assert.equal(await page.locator(`.form-group--error #error-${id}`).count(), 1, 'the group is marked as in error');
  const described = numeric
    ? await page.getAttribute(`#f-${id}`, 'aria-describedby')
    : await page.getAttribute(`fieldset:has(#f-${id})`, 'aria-describedby');
  assert.ok((described ?? '').split(' ').includes(`error-${id}`), `the field is described by its error (${described})`);
  // The link moves focus to the field, without touching the address.
  const hashBefore = await page.evaluate(() => location.hash);
  await page.click('#error-summary a');
  await page.waitForFunction((id) => document.activeElement?.id === `f-${id}`, id);
  assert.equal(await page.evaluate(() => location.hash), hashBefore);
}

describe('errors', () => {
  const getBrowser = useBrowser();

  test('an age of 150 is out of range; earlier answers are kept', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'age' });
    await answerQuestion(page, 'age', 150);
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'age', 'the page stays on the question');
    await assertError(page, 'age', fill(T.en.error_range, [0, 120, 'years']), { numeric: true });
    assert.equal(await page.inputValue('#f-age'), '150', 'what was typed is kept');
    assert.match(await page.getAttribute('#f-age', 'class'), /input--error/);
    // Back: the answer before is still there.
    await andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.en.back}")`));
    assert.equal(await currentQuestionId(page), 'sex');
    assert.equal(await page.isChecked(radioSelector('sex', 'female')), true, 'Female is still selected');
    // And correcting the mistake moves on.
    await pressContinue(page);
    await answerQuestion(page, 'age', 47);
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'adenocarcinoma');
    assert.equal(await page.locator('#error-summary').count(), 0, 'the error is gone');
    await andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.en.back}")`));
    assert.equal(await page.inputValue('#f-age'), '47', 'going back shows the answer given');
  }));

  test('letters for a number ask for a number', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'age' });
    await answerQuestion(page, 'age', { text: 'forty' });
    await pressContinue(page);
    await assertError(page, 'age', T.en.error_number, { numeric: true });
    assert.equal(await page.inputValue('#f-age'), 'forty');
  }));

  test('an empty number asks for an answer', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'age' });
    await pressContinue(page);
    await assertError(page, 'age', T.en.error_enter, { numeric: true });
  }));

  test('nothing chosen on a yes/no question asks for an answer', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'adenocarcinoma' });
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'adenocarcinoma');
    await assertError(page, 'adenocarcinoma', T.en.error_choose, { numeric: false });
    // Choosing clears it on Continue.
    await answerQuestion(page, 'adenocarcinoma', 'yes');
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'metastatic');
  }));

  test('a date in the future for "how long ago" is refused', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, { ...ELIGIBLE, recent_surgery: 'yes' }, { stopAt: 'surgery_days_ago' });
    const future = todayISO(5);
    assert.equal(await page.getAttribute('#f-surgery_days_ago-date', 'max'), todayISO(), 'the date picker stops at today');
    await answerQuestion(page, 'surgery_days_ago', { date: future });
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'surgery_days_ago');
    await assertError(page, 'surgery_days_ago', T.en.error_future, { numeric: true });
    assert.equal(await page.inputValue('#f-surgery_days_ago-date'), future, 'the date is kept');
    // The date field itself is tied to the message too.
    const described = await page.getAttribute('#f-surgery_days_ago-date', 'aria-describedby');
    assert.ok(described.split(' ').includes('error-surgery_days_ago'));
  }));

  test('a number and a date together ask for one of them', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, { ...ELIGIBLE, recent_surgery: 'yes' }, { stopAt: 'surgery_days_ago' });
    await page.fill('#f-surgery_days_ago', '3');
    await page.fill('#f-surgery_days_ago-date', todayISO(-3));
    await pressContinue(page);
    await assertError(page, 'surgery_days_ago', T.en.error_both, { numeric: true });
  }));

  // The question page's elements are reused from one question to the next (a step's DOM work
  // halves): nothing of one visit to a question may show on another.
  test('what is typed or chosen, an error and an open help text stay with their visit to a question', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    const back = () => andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.en.back}")`));
    // A number typed and not sent, then Back and on again: the box is empty.
    await journey(page, ELIGIBLE, { stopAt: 'age' });
    await answerQuestion(page, 'age', 99);
    await back();
    assert.equal(await currentQuestionId(page), 'sex');
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'age');
    assert.equal(await page.inputValue('#f-age'), '', 'what was typed and not sent is gone');
    await answerQuestion(page, 'age', ELIGIBLE.age);
    await pressContinue(page);
    // An error, a help text opened, an answer chosen and not sent; then Back.
    await pressContinue(page);
    await assertError(page, 'adenocarcinoma', T.en.error_choose, { numeric: false });
    await page.click('details.details summary');
    assert.equal(await page.getAttribute('details.details', 'open'), '', 'the help text is open');
    await answerQuestion(page, 'adenocarcinoma', 'no');
    await back();
    // The question before shows its own answer and no error.
    assert.equal(await currentQuestionId(page), 'age');
    assert.equal(await page.locator('#error-summary, .form-group--error, .error-message').count(), 0, 'no error on the question before');
    assert.equal(await page.inputValue('#f-age'), String(ELIGIBLE.age));
    // On again: none of the earlier visit shows.
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'adenocarcinoma');
    assert.equal(await page.locator('#error-summary, .form-group--error, .error-message').count(), 0, "the earlier visit's error is gone");
    const chosen = () => page.$$eval('form.question-form input[type=radio]', (inputs) => inputs.filter((i) => i.checked).length);
    assert.equal(await chosen(), 0, 'what was chosen and not sent is gone');
    assert.equal(await page.getAttribute('details.details', 'open'), null, 'the help text is closed');
    // A help text opened on one question is closed on the next, and its choice is not carried.
    await page.click('details.details summary');
    await answerQuestion(page, 'adenocarcinoma', 'yes');
    await pressContinue(page);
    assert.equal(await currentQuestionId(page), 'metastatic');
    assert.equal(await page.getAttribute('details.details', 'open'), null, "the next question's help text is closed");
    assert.equal(await chosen(), 0, 'no answer is chosen on the next question');
    assert.equal((await page.textContent('details.details .details__text')).trim(), question('metastatic').help.en);
  }));

  test('errors read in Italian, with the unit in Italian', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await journey(page, ELIGIBLE, { lang: 'it', stopAt: 'age' });
    await answerQuestion(page, 'age', 150);
    await pressContinue(page, 'it');
    const message = fill(T.it.error_range, [0, 120, 'anni']);
    assert.equal(message, 'Inserisca un numero da 0 a 120 anni');
    await assertError(page, 'age', message, { numeric: true });
    assert.equal((await page.textContent('#error-summary-title')).trim(), T.it.error_summary_title);
    assert.equal(question('age').patient.it, (await page.textContent('#page-heading')).trim());
  }));
});
