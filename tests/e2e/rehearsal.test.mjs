// The first answer rehearsed out of sight (question::rehearse_once): once the first question is
// shown and the browser is idle, the app answers it "I'm not sure", builds the next question's
// page and undoes both, so that the person's first Continue runs no code for the first time. The
// person must never see or keep any of it: no frame painted in between, no answer, no history
// entry, no change of title or focus.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withContext, openApp, andWaitForNavigation, waitForHeadingFocus, answerQuestion,
  pressContinue, checkRows, journey, assertNoPageErrors, question, ELIGIBLE,
} from './helpers.mjs';

// The first question asked: radios. The next, age, has a text box for a number.
const FIRST = 'sex';

// Before the app starts: every batch of changes to the page's inputs, with how many animation
// frames had run when it was made.
const RECORDER = () => {
  window.__frames = 0;
  const tick = () => {
    window.__frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__batches = [];
  const inputs = (nodes) => [...nodes].flatMap((n) => (n.nodeType === 1 ? [n, ...n.querySelectorAll('*')] : []))
    .filter((n) => n.tagName === 'INPUT')
    .map((n) => n.type);
  new MutationObserver((records) => {
    const added = records.flatMap((r) => inputs(r.addedNodes));
    const removed = records.flatMap((r) => inputs(r.removedNodes));
    if (added.length || removed.length) window.__batches.push({ frame: window.__frames, added, removed });
  }).observe(document, { childList: true, subtree: true });
};

/** Resolves once the browser has been idle twice over, so the app's idle work has run. */
const idle = (page) => page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));

describe('the first answer, rehearsed out of sight', () => {
  const getBrowser = useBrowser();

  test('builds the next question while idle and undoes it before a frame, leaving nothing behind', withContext(getBrowser, {}, async (context) => {
    await context.addInitScript(RECORDER);
    const page = await openApp(context);
    const historyAtStart = await page.evaluate(() => history.length);
    await andWaitForNavigation(page, () => page.click('button.button--start'));
    await waitForHeadingFocus(page);
    await idle(page);

    const after = await page.evaluate(() => ({
      title: document.title,
      heading: document.getElementById('page-heading').textContent,
      history: history.length,
      focus: document.activeElement?.id,
      checked: document.querySelectorAll('input:checked').length,
      inputs: [...document.querySelectorAll('form.question-form input')].map((i) => i.type),
      batches: window.__batches,
    }));
    assert.equal(after.heading, question(FIRST).patient.en);
    const rehearsal = after.batches.filter((b) => b.added.includes('text') || b.removed.includes('text'));
    const changes = JSON.stringify(after.batches);
    assert.ok(rehearsal.some((b) => b.added.includes('text')), `the next question's text box was built while idle (changes: ${changes})`);
    assert.ok(rehearsal.some((b) => b.removed.includes('text')), `and taken down again (changes: ${changes})`);
    assert.equal(new Set(rehearsal.map((b) => b.frame)).size, 1, `between one animation frame and the next: never painted (changes: ${changes})`);
    assert.deepEqual(after.inputs, ['radio', 'radio', 'radio'], 'the first question is back, its inputs as they were');
    assert.equal(after.checked, 0, 'with no answer chosen');
    assert.ok(after.title.startsWith(`${after.heading} – `), `the title is the first question's (${after.title})`);
    assert.equal(after.history, historyAtStart + 1, 'one history entry, for Start: none for the rehearsal');
    assert.equal(after.focus, 'page-heading', 'focus stayed on the heading');

    // The journey goes on as it would have: nothing was answered, Back leads to the first question.
    await answerQuestion(page, FIRST, ELIGIBLE[FIRST]);
    assert.equal(await pressContinue(page), 'page');
    assert.equal(await page.evaluate(() => history.length), historyAtStart + 2, 'one more entry, for the one real step');
    await andWaitForNavigation(page, () => page.goBack());
    assert.equal(await page.locator(`input[name=${FIRST}]:checked`).count(), 1, 'the real answer is kept');
    assert.deepEqual(await journey(page, ELIGIBLE).then((asked) => asked[0]), FIRST);
    assert.equal((await checkRows(page))[0][1], 'Female', 'Check your answers shows the real answer, not "I\'m not sure"');
    assertNoPageErrors(page);
  }));
});
