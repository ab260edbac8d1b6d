// Check your answers: Change goes to the question and comes back; a changed gate asks the
// questions it opens first.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, newContext, openApp, journey, seeResult, checkRows, changeAnswer, headingText, currentQuestionId,
  answerQuestion, pressContinue, andWaitForNavigation, waitForHeadingFocus, question, radioSelector,
  assertNoPageErrors, clickSwitch, T, ELIGIBLE,
} from './helpers.mjs';

describe('Check your answers', () => {
  const getBrowser = useBrowser();
  let context;
  let page;
  beforeEach(async () => {
    context = await newContext(getBrowser(), { locale: 'en-US' });
    page = await openApp(context);
    await journey(page, ELIGIBLE);
  });
  afterEach(async () => {
    assertNoPageErrors(page);
    await context?.close();
  });

  const rowsById = async () => {
    const rows = Object.fromEntries(await checkRows(page));
    return (id) => rows[question(id).patient.en];
  };

  test('Change goes to that question, with the answer filled in, and comes back', async () => {
    await changeAnswer(page, 'age');
    assert.equal(await currentQuestionId(page), 'age');
    assert.equal(await headingText(page), question('age').patient.en);
    await waitForHeadingFocus(page);
    assert.equal(await page.inputValue('#f-age'), '47', 'the earlier answer is shown');
    await answerQuestion(page, 'age', 52);
    await pressContinue(page);
    assert.equal(await headingText(page), T.en.check_title, 'back on Check your answers at once');
    const row = await rowsById();
    assert.equal(row('age'), '52 years');
    assert.equal(row('sex'), 'Female', 'the other answers are unchanged');
    assert.equal(await seeResult(page), T.en.verdict_likely);
  });

  test('Change on a choice question shows the chosen option and comes back', async () => {
    await changeAnswer(page, 'ecog');
    assert.equal(await currentQuestionId(page), 'ecog');
    assert.equal(await page.isChecked(radioSelector('ecog', 'ecog1')), true, 'the earlier option is selected');
    await answerQuestion(page, 'ecog', 'ecog2');
    await pressContinue(page);
    assert.equal(await headingText(page), T.en.check_title);
    const row = await rowsById();
    assert.equal(row('ecog'), question('ecog').options[2].patient.en);
    // ECOG 2 is not allowed: the result says so.
    assert.equal(await seeResult(page), T.en.verdict_not);
  });

  test('Back from a question opened with Change returns to Check your answers unchanged', async () => {
    await changeAnswer(page, 'metastatic');
    assert.equal(await currentQuestionId(page), 'metastatic');
    await andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.en.back}")`));
    assert.equal(await headingText(page), T.en.check_title);
    assert.equal((await rowsById())('metastatic'), 'Yes');
  });

  test('changing a gate (could become pregnant: no → yes) asks the new questions first, then returns', async () => {
    const before = await checkRows(page);
    await changeAnswer(page, 'childbearing_potential');
    assert.equal(await page.isChecked(radioSelector('childbearing_potential', 'no')), true);
    await answerQuestion(page, 'childbearing_potential', 'yes');
    await pressContinue(page);
    // The questions the gate opens, in order, before coming back.
    const asked = await journey(page, { pregnant: 'no', contraception: 'yes' });
    assert.deepEqual(asked, ['pregnant', 'contraception']);
    const rows = await checkRows(page);
    assert.equal(rows.length, before.length + 2);
    const row = await rowsById();
    assert.equal(row('childbearing_potential'), 'Yes');
    assert.equal(row('pregnant'), 'No');
    assert.equal(row('contraception'), 'Yes');
    // Their rows sit in the asking order, after the gate.
    const keys = rows.map(([key]) => key);
    const at = (id) => keys.indexOf(question(id).patient.en);
    assert.ok(at('childbearing_potential') < at('pregnant') && at('pregnant') < at('contraception') && at('contraception') < at('breastfeeding'));
    assert.equal(await seeResult(page), T.en.verdict_likely);
  });

  test('a count of one reads in the singular: "1 day", "1 giorno"', async () => {
    await changeAnswer(page, 'recent_surgery');
    await answerQuestion(page, 'recent_surgery', 'yes');
    await pressContinue(page);
    await journey(page, { surgery_days_ago: 1 });
    assert.equal((await rowsById())('surgery_days_ago'), '1 day');
    await clickSwitch(page, 'Italiano');
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    const rows = Object.fromEntries(await checkRows(page));
    assert.equal(rows[question('surgery_days_ago').patient.it], '1 giorno');
  });

  test('closing a gate again (yes → no) drops the questions it had opened from the list', async () => {
    await changeAnswer(page, 'childbearing_potential');
    await answerQuestion(page, 'childbearing_potential', 'yes');
    await pressContinue(page);
    await journey(page, { pregnant: 'no', contraception: 'yes' });
    await changeAnswer(page, 'childbearing_potential');
    await answerQuestion(page, 'childbearing_potential', 'no');
    await pressContinue(page);
    assert.equal(await headingText(page), T.en.check_title, 'nothing new to ask');
    const row = await rowsById();
    assert.equal(row('pregnant'), undefined, 'an answer that no longer applies is not listed');
    assert.equal(row('contraception'), undefined);
  });
});
