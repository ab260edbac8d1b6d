// Accessibility: axe-core on every page type in both languages, focus on the heading after every
// page change, no horizontal scrolling at 320 px, and the whole journey by keyboard alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withPage, journey, seeResult, changeAnswer, pressContinue, andWaitForNavigation, clickSwitch,
  assertNoAxeViolations, radioSelector, question, headingText, T, ELIGIBLE, UNDETERMINED,
} from './helpers.mjs';

const LOCALES = { en: 'en-US', it: 'it-IT' };

// Reaches every kind of question: a choice, a number, yes/no, and a how-long-ago.
const WITH_SURGERY = Object.freeze({ ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: 40 });
const TEMPORARY = Object.freeze({ ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: 20 });

/** Opens every <details> so axe sees what is inside. */
async function openAllDetails(page) {
  await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
}

/** Focus is on the page's h1, #page-heading. */
async function assertHeadingFocused(page, label) {
  await page
    .waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: 3000 })
    .catch(() => {});
  const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id }));
  assert.deepEqual(focused, { tag: 'H1', id: 'page-heading' }, `focus is on the h1 on ${label}`);
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('accessibility', () => {
  const getBrowser = useBrowser();

  for (const lang of ['en', 'it']) {
    const name = lang === 'en' ? 'English' : 'Italian';

    test(`axe: start, every question type, an error, Check your answers, the result (${name})`, withPage(getBrowser, { locale: LOCALES[lang] }, async (page) => {
      await assertNoAxeViolations(page, `the start page (${lang})`);
      const checked = new Set();
      await journey(page, WITH_SURGERY, {
        lang,
        onQuestion: async (id) => {
          const type = question(id).type;
          if (id === 'age') {
            await assertNoAxeViolations(page, `a number question (${lang})`);
            // An error shown on it.
            await pressContinue(page, lang);
            await page.waitForSelector('#error-summary');
            await assertNoAxeViolations(page, `a question with an error (${lang})`);
            checked.add('error');
          } else if (!checked.has(type)) {
            await openAllDetails(page);
            await assertNoAxeViolations(page, `a ${type} question, ${id} (${lang})`);
          }
          checked.add(type);
        },
      });
      assert.deepEqual([...checked].sort(), ['choice', 'elapsed', 'error', 'number', 'yes_no']);
      await assertNoAxeViolations(page, `Check your answers (${lang})`);
      assert.equal(await seeResult(page, lang), T[lang].verdict_likely);
      await openAllDetails(page);
      await page.click(`section.save-link button:has-text("${T[lang].save_link}")`);
      await assertNoAxeViolations(page, `the likely-eligible result, with the save-link panel open (${lang})`);
    }));

    test(`axe: the not-eligible result, with a temporary exclusion (${name})`, withPage(getBrowser, { locale: LOCALES[lang] }, async (page) => {
      await journey(page, TEMPORARY, { lang });
      assert.equal(await seeResult(page, lang), T[lang].verdict_not);
      await openAllDetails(page);
      await assertNoAxeViolations(page, `the not-eligible result (${lang})`);
    }));

    test(`axe: the undetermined result (${name})`, withPage(getBrowser, { locale: LOCALES[lang] }, async (page) => {
      await journey(page, UNDETERMINED, { lang });
      assert.equal(await seeResult(page, lang), T[lang].verdict_undetermined);
      await openAllDetails(page);
      await assertNoAxeViolations(page, `the undetermined result (${lang})`);
    }));

    test(`axe: the clinician form, empty, with an error and filled in (${name})`, withPage(getBrowser, { locale: LOCALES[lang] }, async (page) => {
      await clickSwitch(page, T[lang].mode_clinician);
      await page.waitForSelector('.verdict-panel');
      await assertNoAxeViolations(page, `the empty clinician form (${lang})`);
      await page.fill('#f-age', '150');
      await page.waitForSelector('#error-age');
      await assertNoAxeViolations(page, `the clinician form with an error (${lang})`);
      for (const [id, value] of Object.entries(ELIGIBLE)) {
        const q = question(id);
        if (q.type === 'number') await page.fill(`#f-${id}`, String(value));
        else await page.check(radioSelector(id, value));
      }
      await page.waitForFunction((t) => document.querySelector('.verdict-panel__verdict')?.textContent === t, T[lang].clinician_likely);
      await openAllDetails(page);
      await assertNoAxeViolations(page, `the filled clinician form (${lang})`);
    }));
  }

  test('axe: a page restored from a saved link, and the start page after clearing (notices shown)', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await page.goto(new URL('#t=interact&l=it&m=patient&p=result&a.sex=male', page.url()).href);
    await page.reload();
    await page.waitForSelector('.notice');
    assert.equal(await headingText(page), T.it.verdict_not);
    await assertNoAxeViolations(page, 'a result restored from a link, with its notice (it)');
    await andWaitForNavigation(page, () => page.click(`button:has-text("${T.it.clear_answers}")`));
    await page.waitForSelector('.notice');
    await assertNoAxeViolations(page, 'the start page after clearing, with its notice (it)');
  }));

  test('the axe check does catch a violation (a self-test of the helper)', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
    await assert.rejects(assertNoAxeViolations(page, 'a page with an unnamed button'), /button-name/);
  }));

  test('focus moves to the h1 on every page change', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    // The first page of a visit leaves focus at the top, so the first Tab reaches the skip link.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the first page keeps focus at the top');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab reaches the skip link');
    await journey(page, WITH_SURGERY, { onQuestion: (id) => assertHeadingFocused(page, `question ${id}`) });
    await assertHeadingFocused(page, 'Check your answers');
    await changeAnswer(page, 'ecog');
    await assertHeadingFocused(page, 'a question opened with Change');
    await andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T.en.back}")`));
    await assertHeadingFocused(page, 'Check your answers, after Back');
    await seeResult(page);
    await assertHeadingFocused(page, 'the result');
    await clickSwitch(page, 'Italiano');
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    await assertHeadingFocused(page, 'the result, after switching language');
    await clickSwitch(page, T.it.mode_clinician);
    await page.waitForSelector('.verdict-panel');
    await assertHeadingFocused(page, 'the clinician form');
    await clickSwitch(page, T.it.mode_patient);
    await page.waitForSelector('.verdict-panel', { state: 'detached' });
    await assertHeadingFocused(page, 'the result, back from the clinician form');
    await andWaitForNavigation(page, () => page.click(`button:has-text("${T.it.clear_answers}")`));
    await assertHeadingFocused(page, 'the start page, after clearing');
  }));

  // The question page's heading is one element from question to question: focus already on it
  // would not be announced again unless it is moved anew.
  test("the browser's Back, pressed while the heading has focus, focuses the heading anew", withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'metastatic' });
    await assertHeadingFocused(page, 'metastatic');
    await page.evaluate(() => {
      window.__headingFocused = 0;
      document.addEventListener('focusin', (e) => { if (e.target.id === 'page-heading') window.__headingFocused += 1; });
    });
    await andWaitForNavigation(page, () => page.goBack());
    assert.equal(await headingText(page), question('adenocarcinoma').patient.en);
    await assertHeadingFocused(page, 'adenocarcinoma, after Back');
    assert.equal(await page.evaluate(() => window.__headingFocused), 1, 'the heading took focus again, so it is read out');
  }));

  test('at 320 px wide nothing scrolls sideways', withPage(getBrowser, { locale: 'it-IT', width: 320, height: 640 }, async (page) => {
    const assertFits = async (label) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${label}: the page is ${width} px wide at a 320 px viewport`);
    };
    await assertFits('the start page');
    let errorShown = false;
    await journey(page, WITH_SURGERY, {
      lang: 'it',
      onQuestion: async (id) => {
        await openAllDetails(page);
        await assertFits(`question ${id}`);
        if (!errorShown && question(id).type === 'elapsed') {
          await pressContinue(page, 'it');
          await page.waitForSelector('#error-summary');
          await assertFits(`question ${id} with an error`);
          errorShown = true;
        }
      },
    });
    await assertFits('Check your answers');
    await page.click(`section.save-link button:has-text("${T.it.save_link}")`);
    await page.waitForSelector('#save-link-field');
    await assertFits('Check your answers, save-link panel open');
    await seeResult(page, 'it');
    await openAllDetails(page);
    await assertFits('the result');
    await clickSwitch(page, T.it.mode_clinician);
    await page.waitForSelector('.verdict-panel');
    await openAllDetails(page);
    await assertFits('the clinician form');
  }));

  test('the skip link is the first Tab stop and leads to the main content', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    // The app puts focus on the h1 at load; start from the top of the page, as after a click there.
    await page.mouse.click(1, 1);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    assert.deepEqual(first, { cls: 'skip-link', text: T.en.skip_to_content });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
  }));

  test('the whole journey can be done with the keyboard alone', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await tabTo(page, 'button.button--start');
    await andWaitForNavigation(page, () => page.keyboard.press('Enter'));
    const asked = [];
    for (let step = 0; step < 60; step++) {
      const id = await page.evaluate(() => document.querySelector('form.question-form fieldset input')?.id.replace(/^f-/, ''));
      if (!id) break;
      asked.push(id);
      await assertHeadingFocused(page, `question ${id}`);
      const q = question(id);
      const value = WITH_SURGERY[id];
      await tabTo(page, 'form.question-form input');
      if (q.type === 'yes_no' || q.type === 'choice') {
        // Tab lands on the first radio; Space checks it, arrow keys move and check.
        const index = Number((radioSelector(id, value).match(/-(\d+)$/) ?? [0, 0])[1]);
        if (index === 0) await page.keyboard.press('Space');
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
        assert.equal(await page.isChecked(radioSelector(id, value)), true, `${id} = ${value} by keyboard`);
      } else {
        await page.keyboard.type(String(value));
      }
      await tabTo(page, 'form.question-form button[type=submit]');
      await andWaitForNavigation(page, () => page.keyboard.press('Enter'));
      assert.equal(await page.locator('#error-summary').count(), 0, `no error after ${id}`);
    }
    assert.equal(asked.length, Object.keys(WITH_SURGERY).length - 1, `asked: ${asked.join(', ')}`);
    assert.equal(await headingText(page), T.en.check_title);
    await tabTo(page, 'button.button:not(.back-link)');
    await andWaitForNavigation(page, () => page.keyboard.press('Enter'));
    assert.equal(await headingText(page), T.en.verdict_likely);
  }));
});
