// The oncologist's form: every question on one page, filled with the keyboard alone, and a live
// verdict that follows every change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withPage, clickSwitch, waitForHeadingFocus, headingText, question, radioSelector,
  fill, shownDate, todayISO, criterionTitle, trial, T, ELIGIBLE,
} from './helpers.mjs';

/** Presses Tab until the focused element matches `selector` (and has `text`, if given). */
async function tabTo(page, selector, text = null, max = 300) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(
      ([selector, text]) => {
        const a = document.activeElement;
        return Boolean(a && a.matches(selector) && (text === null || a.textContent.trim() === text));
      },
      [selector, text],
    );
    if (there) return;
  }
  throw new Error(`Tab never reached ${selector}${text ? ` "${text}"` : ''}`);
}

/** With focus anywhere before it, answers question `id` with the keyboard only. */
async function keyboardAnswer(page, id, value) {
  const q = question(id);
  if (q.type === 'yes_no' || q.type === 'choice') {
    // Tab enters a radio group on its first radio (none is checked yet); Space checks it and an
    // arrow key moves to the next one and checks that.
    await tabTo(page, `#f-${id}`);
    const index = Number((radioSelector(id, value).match(/-(\d+)$/) ?? [0, 0])[1]);
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked(radioSelector(id, value)), true, `${id} = ${value}`);
  } else {
    await tabTo(page, `#f-${id}`);
    await page.keyboard.type(String(value));
    assert.equal(await page.inputValue(`#f-${id}`), String(value));
  }
}

const verdictText = (page) => page.textContent('.verdict-panel__verdict').then((t) => t.trim());

/** The number in "Open criteria (N)", or null when the list is not shown. */
async function openCount(page, lang = 'en') {
  const headings = await page.$$eval('.verdict-panel h3', (hs) => hs.map((h) => h.textContent.trim()));
  const open = headings.find((h) => h.startsWith(T[lang].open_criteria));
  return open ? Number(open.match(/\((\d+)\)/)[1]) : null;
}

describe('clinician form', () => {
  const getBrowser = useBrowser();

  test('filled with the keyboard alone for an eligible patient, the live verdict follows every change', withPage(getBrowser, { locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    // Switch to the oncologist's form with the keyboard.
    await tabTo(page, 'header button.switch', T.en.mode_clinician);
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.getElementById('page-heading')?.textContent === t, T.en.clinician_title);
    await waitForHeadingFocus(page);
    assert.equal(await page.getAttribute(`header button.switch:has-text("${T.en.mode_clinician}")`, 'aria-pressed'), 'true');
    assert.equal(await verdictText(page), T.en.clinician_undetermined);
    const total = trial.criteria.filter((c) => c.kind !== 'at_site').length;
    assert.equal(await openCount(page), total, 'every criterion is open at first');

    // The verdict follows a change at once: a man is not eligible, a woman is open again.
    await tabTo(page, '#f-sex');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked(radioSelector('sex', 'male')), true);
    await page.waitForFunction((t) => document.querySelector('.verdict-panel__verdict').textContent === t, T.en.clinician_not);
    const blocking = await page.$$eval('.verdict-panel .list li', (li) => li.map((x) => x.textContent.trim()));
    assert.ok(blocking.includes(criterionTitle('male', 'en')), `blocking list names the criterion: ${blocking}`);
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.isChecked(radioSelector('sex', 'female')), true);
    await page.waitForFunction((t) => document.querySelector('.verdict-panel__verdict').textContent === t, T.en.clinician_undetermined);

    // Every other question, in the form's order, with the keyboard only.
    const ids = trial.questions.map((q) => q.id).filter((id) => id in ELIGIBLE && id !== 'sex');
    let previous = await openCount(page);
    const counts = [previous];
    for (const [i, id] of ids.entries()) {
      await keyboardAnswer(page, id, ELIGIBLE[id]);
      const last = i === ids.length - 1;
      const expected = last ? T.en.clinician_likely : T.en.clinician_undetermined;
      await page.waitForFunction((t) => document.querySelector('.verdict-panel__verdict').textContent === t, expected, { timeout: 3000 })
        .catch(async () => assert.fail(`after ${id}: verdict "${await verdictText(page)}", expected "${expected}"`));
      const count = await openCount(page);
      if (last) {
        assert.equal(count, null, 'no open criteria left');
      } else {
        assert.ok(count <= previous, `the open list never grows (${previous} → ${count} after ${id})`);
        counts.push((previous = count));
      }
    }
    assert.ok(counts.at(-1) < counts[0], `the open list shrank: ${counts.join(' → ')}`);
    assert.equal(await page.getAttribute('.verdict-panel', 'class').then((c) => c.includes('panel--good')), true);

    // The referral summary holds the verdict and the answers.
    const referral = await page.inputValue('#referral-text');
    const heading = fill(T.en.referral_heading, ['interACT', '2025-523460-21-00', shownDate(todayISO())]);
    assert.ok(referral.startsWith(`${heading}\n${T.en.referral_verdict}: ${T.en.clinician_likely}\n`), referral);
    for (const line of ['- Sex: Female', '- Age: 47 years', '- ECOG PS: ECOG 1', `- ${question('first_line_months').clinician.en}: 14 months`]) {
      assert.ok(referral.includes(`${line}\n`), `the referral has "${line}":\n${referral}`);
    }
    assert.ok(referral.trimEnd().endsWith(T.en.referral_disclaimer));

    // "Copy referral summary", with the keyboard.
    await tabTo(page, '.verdict-panel button', T.en.copy_referral);
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => [...document.querySelectorAll('.verdict-panel .copied')].some((s) => s.textContent === t), T.en.referral_copied);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), referral, 'the clipboard holds the summary');
  }));

  test('a question that does not apply is shown as not applicable, and comes back when it does', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await clickSwitch(page, T.en.mode_clinician);
    await page.waitForSelector('.verdict-panel');
    assert.equal(await page.locator('#f-pregnant').count(), 1, 'asked while it may apply');
    await page.check(radioSelector('childbearing_potential', 'no'));
    await page.waitForSelector('#f-pregnant', { state: 'detached' });
    const inactive = await page.$$eval('.form-group--inactive', (gs) => gs.map((g) => g.textContent));
    assert.ok(inactive.some((t) => t.includes(question('pregnant').clinician.en) && t.includes(T.en.not_applicable_now)));
    await page.check(radioSelector('childbearing_potential', 'yes'));
    await page.waitForSelector('#f-pregnant');
  }));

  test('bad input on the form shows the message beside the field and no answer is taken', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await clickSwitch(page, T.en.mode_clinician);
    await page.waitForSelector('#f-age');
    await page.fill('#f-age', '150');
    await page.waitForSelector('#error-age');
    assert.ok((await page.textContent('#error-age')).includes(fill(T.en.error_range, [0, 120, 'years'])));
    assert.ok(!(await page.inputValue('#referral-text')).includes('150'), 'the bad value is not an answer');
    await page.fill('#f-age', '47');
    await page.waitForSelector('#error-age', { state: 'detached' });
    assert.ok((await page.inputValue('#referral-text')).includes('- Age: 47 years\n'));
  }));

  test('answers carry over between the patient journey and the form, both ways', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await clickSwitch(page, T.it.mode_clinician);
    await page.waitForSelector('#f-sex');
    await page.check(radioSelector('sex', 'male'));
    await page.waitForFunction((t) => document.querySelector('.verdict-panel__verdict').textContent === t, T.it.clinician_not);
    await clickSwitch(page, T.it.mode_patient);
    await waitForHeadingFocus(page);
    assert.equal((await page.textContent('button.button--start')).trim(), T.it.resume_button);
    await page.click('button.button--start');
    // Nothing else matters for a man: straight to Check your answers.
    await page.waitForFunction((t) => document.getElementById('page-heading')?.textContent === t, T.it.check_title);
    await clickSwitch(page, T.it.mode_clinician);
    await page.waitForSelector('#f-sex');
    assert.equal(await page.isChecked(radioSelector('sex', 'male')), true);
    assert.equal(await headingText(page), T.it.clinician_title);
  }));
});
