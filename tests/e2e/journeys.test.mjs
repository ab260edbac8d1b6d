// Complete patient journeys, from the start page to the result, in English and in Italian.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, withPage, journey, seeResult, reasonTitles, checkRows, criterionTitle, question,
  fill, shownDate, todayISO, headingText, pressContinue, T, ELIGIBLE, ELIGIBLE_ORDER, NOT_ELIGIBLE, UNDETERMINED,
} from './helpers.mjs';

const LOCALES = { en: 'en-US', it: 'it-IT' };

describe('patient journeys', () => {
  const getBrowser = useBrowser();

  for (const lang of ['en', 'it']) {
    describe(`in ${lang === 'en' ? 'English' : 'Italian'}`, () => {
      // The app opens in the browser's language.
      const inLang = (body) => withPage(getBrowser, { locale: LOCALES[lang] }, async (page) => {
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await body(page);
      });

      test('a likely-eligible person is told she may be eligible', inLang(async (page) => {
        const asked = await journey(page, ELIGIBLE, { lang });
        assert.deepEqual(asked, ELIGIBLE_ORDER, 'only the questions that matter are asked, in order');
        assert.equal((await checkRows(page)).length, ELIGIBLE_ORDER.length, 'one row per answer on Check your answers');
        assert.equal(await seeResult(page, lang), T[lang].verdict_likely);
        assert.equal(await page.locator('.panel.panel--good').count(), 1);
        assert.deepEqual(await reasonTitles(page), [], 'no blocking or open reasons');
        assert.match(await page.textContent('.panel__body'), new RegExp(escape(T[lang].verdict_likely_body)));
      }));

      test('a not-eligible person is told at once, with the criterion that blocks', inLang(async (page) => {
        const asked = await journey(page, NOT_ELIGIBLE, { lang });
        assert.equal(asked.at(-1), 'metastatic_chemo', 'no question is asked after the exclusion is known');
        assert.equal(await seeResult(page, lang), T[lang].verdict_not);
        assert.equal(await page.locator('.panel.panel--bad').count(), 1);
        assert.deepEqual(await reasonTitles(page), [criterionTitle('metastatic_chemo', lang)]);
      }));

      test('an undetermined person is told what is still open', inLang(async (page) => {
        const asked = await journey(page, UNDETERMINED, { lang });
        assert.deepEqual(asked, ELIGIBLE_ORDER, 'an "I\'m not sure" does not cut the journey short');
        assert.equal(await seeResult(page, lang), T[lang].verdict_undetermined);
        assert.equal(await page.locator('.panel.panel--open').count(), 1);
        assert.deepEqual(await reasonTitles(page), [criterionTitle('organ_function', lang)]);
      }));
    });
  }

  test('a man is told at once: one question, then Check your answers', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    const asked = await journey(page, { sex: 'male' });
    assert.deepEqual(asked, ['sex']);
    assert.deepEqual(await checkRows(page), [[question('sex').patient.en, 'Male']]);
    assert.equal(await seeResult(page), T.en.verdict_not);
    assert.ok((await reasonTitles(page)).includes(criterionTitle('male', 'en')), 'the reason names "Men cannot take part"');
  }));

  test('a temporary exclusion says from which date it may lift (surgery 20 days ago)', withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    const asked = await journey(page, { ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: 20 });
    assert.equal(asked.at(-1), 'surgery_days_ago');
    assert.equal(await seeResult(page), T.en.verdict_not);
    assert.deepEqual(await reasonTitles(page), [criterionTitle('recent_major_surgery', 'en')]);
    // 28 days after the operation: 8 days from today.
    assert.equal((await page.textContent('.panel__list .temporary')).trim(), fill(T.en.temporary_on, [shownDate(todayISO(8))]));
  }));

  test('a temporary exclusion given as a date, in Italian', withPage(getBrowser, { locale: 'it-IT' }, async (page) => {
    await journey(page, { ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: { date: todayISO(-20) } }, { lang: 'it' });
    const rows = Object.fromEntries(await checkRows(page));
    assert.equal(rows[question('surgery_days_ago').patient.it], '20 giorni', 'the date is shown as days ago');
    assert.equal(await seeResult(page, 'it'), T.it.verdict_not);
    assert.equal((await page.textContent('.panel__list .temporary')).trim(), fill(T.it.temporary_on, [shownDate(todayISO(8))]));
  }));

  // A mouse click on words puts a caret in them, as in any page. The question page changes its
  // words in place for the next question, and a caret left in an answer's label cost the next
  // Continue a font lookup in Chromium (BENCHMARKS.md, decision 4876bbc). So a click in the form
  // drops such a caret at once; a text box's own caret stays, for typing.
  test("a click on an answer's words leaves no caret in them; a text box keeps its own", withPage(getBrowser, { locale: 'en-US' }, async (page) => {
    await journey(page, ELIGIBLE, { stopAt: 'sex' });
    const caretInWords = () => page.evaluate(() => {
      const selection = getSelection();
      const inWords = selection.rangeCount > 0 && selection.isCollapsed && selection.anchorNode.nodeType === Node.TEXT_NODE;
      return inWords ? selection.anchorNode.textContent : null;
    });
    // Outside the form a click still leaves its caret: the browser does make one.
    await page.click('p.caption');
    assert.notEqual(await caretInWords(), null, 'a click on the caption leaves a caret in it');
    await page.click('label[for="f-sex"]');
    assert.equal(await page.isChecked('#f-sex'), true, 'the click chose the answer');
    assert.equal(await caretInWords(), null, 'and left no caret in its words');
    await page.click('label[for="f-sex"]');
    assert.equal(await caretInWords(), null, 'nor does a click on the answer already chosen, which changes nothing');
    await page.dblclick('label[for="f-sex"]');
    assert.equal(await page.evaluate(() => getSelection().type), 'Range', 'a word selected in an answer stays selected');
    assert.equal(await pressContinue(page), 'page');
    assert.equal(await headingText(page), question('age').patient.en);
    await page.click('#f-age');
    assert.equal(await page.evaluate(() => getSelection().type), 'Caret', "a click into the number box keeps the box's caret");
    await page.keyboard.type('62');
    assert.equal(await page.inputValue('#f-age'), '62');
  }));
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
