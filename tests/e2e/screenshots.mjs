// Full-page screenshots of every page type, at phone (375 px) and desktop (1280 px) widths, in
// both languages, written to tests/e2e/screenshots/<lang>-<width>-<page>.png for people to look at:
//
//   E2E_FILES=tests/e2e/screenshots.mjs bash tests/e2e/run.sh
//
// Not part of the test command (its name is not *.test.mjs): what it checks on the way, that no
// page is wider than the viewport and that each result page shows its verdict, the tests hold
// already (a11y.test.mjs at 320 px, the narrowest; journeys.test.mjs for every verdict).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, statSync, readFileSync } from 'node:fs';
import {
  useBrowser, withPage, journey, seeResult, changeAnswer, answerQuestion, pressContinue, andWaitForNavigation,
  clickSwitch, screenshotPath, T, ELIGIBLE,
} from './helpers.mjs';

const LOCALES = { en: 'en-US', it: 'it-IT' };
const WIDTHS = { 375: 812, 1280: 800 };
const PERSON = Object.freeze({ ...ELIGIBLE, recent_surgery: 'yes', surgery_days_ago: 40, organ_function: 'unsure' });
const PAGES = [
  'start', 'question-choice', 'question-number', 'question-error', 'question-yes-no', 'question-elapsed',
  'check-answers', 'result-undetermined', 'result-likely-eligible', 'result-not-eligible', 'clinician',
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('screenshots', () => {
  const getBrowser = useBrowser();

  for (const lang of ['en', 'it']) {
    for (const [width, height] of Object.entries(WIDTHS).map(([w, h]) => [Number(w), h])) {
      test(`every page type at ${width} px, ${lang === 'en' ? 'English' : 'Italian'}`, async () => {
        const shots = [];
        const shoot = async (page, name) => {
          const file = screenshotPath(`${lang}-${width}-${name}`);
          rmSync(file, { force: true });
          await page.evaluate(() => document.activeElement?.blur?.()); // no focus ring in the picture
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
          shots.push([name, file]);
        };
        await withPage(getBrowser, { locale: LOCALES[lang], width, height }, async (page) => {
          await shoot(page, 'start');
          await journey(page, PERSON, {
            lang,
            onQuestion: async (id) => {
              if (id === 'sex') await shoot(page, 'question-choice');
              if (id === 'age') {
                await shoot(page, 'question-number');
                await pressContinue(page, lang);
                await page.waitForSelector('#error-summary');
                await shoot(page, 'question-error');
              }
              if (id === 'adenocarcinoma') {
                await page.click('details summary'); // the help, open
                await shoot(page, 'question-yes-no');
              }
              if (id === 'surgery_days_ago') await shoot(page, 'question-elapsed');
            },
          });
          await shoot(page, 'check-answers');
          assert.equal(await seeResult(page, lang), T[lang].verdict_undetermined);
          await shoot(page, 'result-undetermined');
          // Change one answer at a time from Check your answers for the other two verdicts.
          const back = () => andWaitForNavigation(page, () => page.click(`button.back-link:has-text("${T[lang].back}")`));
          await back();
          await changeAnswer(page, 'organ_function', lang);
          await answerQuestion(page, 'organ_function', 'yes');
          await pressContinue(page, lang);
          assert.equal(await seeResult(page, lang), T[lang].verdict_likely);
          await shoot(page, 'result-likely-eligible');
          await back();
          await changeAnswer(page, 'surgery_days_ago', lang);
          await answerQuestion(page, 'surgery_days_ago', 20);
          await pressContinue(page, lang);
          assert.equal(await seeResult(page, lang), T[lang].verdict_not);
          await shoot(page, 'result-not-eligible');
          await clickSwitch(page, T[lang].mode_clinician);
          await page.waitForSelector('.verdict-panel');
          await shoot(page, 'clinician');
        })();
        assert.deepEqual(shots.map(([name]) => name), PAGES);
        for (const [name, file] of shots) {
          assert.ok(statSync(file).size > 5000, `${name}: a non-empty screenshot`);
          const size = pngSize(file);
          assert.equal(size.width, width, `${name}: the full page is as wide as the viewport (nothing sticks out)`);
          assert.ok(size.height >= height, `${name}: full page`);
        }
      });
    }
  }
});
