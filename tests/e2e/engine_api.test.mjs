// The engine's JavaScript API (engine/prescreen_engine.js, README.md "Engine API (JavaScript)"),
// tested in the browser: the module is imported into the example page, under its strict
// Content-Security-Policy, and its answers are compared with what the CLI prints for the same
// files. Then the example page itself, used as a person would.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, withContext, assertNoPageErrors, assertNoAxeViolations, screenshotPath,
  ROOT, BASE_URL, ELIGIBLE, trial as interact,
} from './helpers.mjs';

const TODAY = '2026-11-25';
const MODULE_URL = new URL('engine/prescreen_engine.js', BASE_URL).href;
const definition = (id) => readFileSync(join(ROOT, 'static/trials', `${id}.toml`), 'utf8');

/** A definition's text with the texts in `code` left out: the `key.code = "…"` lines, and the `code`
 *  of each `{ en = "…", it = "…" }`, the two ways static/trials writes a text. */
function withoutLanguage(source, code) {
  const string = '"(?:[^"\\\\]|\\\\.)*"';
  const line = new RegExp(`^[\\w.]+\\.${code} = `);
  return source
    .split('\n')
    .filter((l) => !line.test(l))
    .join('\n')
    .replace(new RegExp(`\\{ en = (${string}), it = (${string}) \\}`, 'g'), (_, en, it) => (code === 'en' ? `{ it = ${it} }` : `{ en = ${en} }`));
}
const example = (name) => JSON.parse(readFileSync(join(ROOT, 'examples', `patient-${name}.json`), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'prescreen-engine-'));

/** Runs the author CLI (`prescreen ARGS...`) and returns {status, stdout, stderr}. */
function cli(...args) {
  const result = spawnSync('cargo', ['run', '--quiet', '-p', 'prescreen-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.error, undefined, `cargo run prescreen ${args.join(' ')}: ${result.error}`);
  return result;
}

/** The report `prescreen eval` prints for a definition file and an answers file. */
function cliReport(definitionPath, answersPath, ...options) {
  const { status, stdout, stderr } = cli('eval', definitionPath, answersPath, '--today', TODAY, ...options);
  assert.equal(status, 0, `prescreen eval ${answersPath}: ${stderr}`);
  return JSON.parse(stdout);
}

/** Writes `text` to a scratch file and returns its path. */
function scratchFile(name, text) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Opens the example page in a new page of `context`, waits until it has started, and puts the
 * engine module, initialised, on `window.engine` for the tests' own calls. Uncaught errors and
 * console errors (a CSP violation is one) are collected in `page.errors`.
 */
async function openExample(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  await page.goto(new URL('engine-example.html', BASE_URL).href);
  await page.waitForFunction(() => /loaded|could not start/.test(document.getElementById('status').textContent));
  await page.evaluate(async (url) => {
    const engine = await import(url);
    await engine.default();
    window.engine = engine;
    // A thrown value as plain data: what the API promises about its errors. (Defined here, since
    // the page's CSP forbids eval.)
    window.caught = (error) => ({
      isError: error instanceof Error,
      trapped: error instanceof WebAssembly.RuntimeError,
      message: String(error && error.message),
      diagnostics: error && error.diagnostics,
      errors: error && error.errors,
    });
  }, MODULE_URL);
  return page;
}

describe('engine API', () => {
  const getBrowser = useBrowser();
  before(() => {
    // Builds the CLI once, before any test times its first call.
    assert.equal(cli('--help').status, 2);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('loads interACT and demo_cardio: every question in asking order, in both languages', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const got = await page.evaluate(({ interact, demo, today }) => {
      const { Trial } = window.engine;
      const trial = Trial.load(interact);
      const demoTrial = Trial.load(demo, 'demo_cardio.toml');
      const applies = (answers) => trial.questions('en', answers).find((q) => q.id === 'other_cancer_years_ago').applies;
      return {
        en: trial.questions('en'),
        it: trial.questions('it'),
        italianByRegion: trial.questions('it-IT')[0].text,
        gate: { none: applies(), no: applies({ other_cancer: 'no' }), yes: applies({ other_cancer: 'yes' }) },
        demo: demoTrial.questions('en'),
        demoReport: demoTrial.evaluate({}, { today }),
      };
    }, { interact: definition('interact'), demo: definition('demo_cardio'), today: TODAY });

    assert.deepEqual(got.en.map((q) => q.id), interact.questions.map((q) => q.id), 'the ids, in the file’s (asking) order');
    for (const [i, q] of interact.questions.entries()) {
      const [en, it] = [got.en[i], got.it[i]];
      assert.equal(en.kind, q.type, `${q.id}: kind`);
      assert.equal(en.text, q.patient.en, `${q.id}: English text`);
      assert.equal(it.text, q.patient.it, `${q.id}: Italian text`);
      assert.equal(en.clinician_text, q.clinician.en, `${q.id}: clinician text`);
      if (q.type === 'choice') assert.deepEqual(en.options.map((o) => o.id), q.options.map((o) => o.id), `${q.id}: options`);
      else assert.equal(en.options, undefined, `${q.id}: no options`);
      if (q.type === 'number' || q.type === 'elapsed') {
        assert.ok(typeof en.min === 'number' && typeof en.max === 'number' && en.min < en.max, `${q.id}: a range`);
        assert.equal(en.unit, q.unit, `${q.id}: unit`);
      }
    }
    const age = got.en.find((q) => q.id === 'age');
    assert.deepEqual([age.min, age.max, age.unit, age.unit_label], [0, 120, 'years', 'years']);
    assert.equal(got.it.find((q) => q.id === 'age').unit_label, 'anni');
    assert.equal(got.italianByRegion, interact.questions[0].patient.it, 'a browser language such as it-IT is understood');
    assert.equal(got.en[0].applies, true, 'sex is asked of everyone');
    assert.deepEqual(got.gate, { none: null, no: false, yes: true }, 'a gated question applies only once its gate is answered yes');

    // The demo trial is data too: its own questions, in its file's order, of every kind.
    const source = definition('demo_cardio');
    const demoIds = [...source.matchAll(/^\[\[question\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
    assert.equal(demoIds.length, source.match(/^\[\[question\]\]/gm).length, 'every demo question has its id first');
    assert.deepEqual(got.demo.map((q) => q.id), demoIds);
    assert.deepEqual(new Set(got.demo.map((q) => q.kind)), new Set(['yes_no', 'choice', 'number', 'elapsed']));
    assert.deepEqual(got.demoReport, cliReport('static/trials/demo_cardio.toml', scratchFile('empty.json', '{}')), 'the same report as the CLI');
    assert.equal(got.demoReport.verdict, 'undetermined');
    assertNoPageErrors(page);
  }));

  test('compiled() gives the compiled trial the app reads: of a definition in one language, the file `prescreen compile` writes', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const read = (name) => readFileSync(join(ROOT, 'static/trials', name), 'utf8');
    const compiled = (text) => page.evaluate((text) => {
      const trial = window.engine.Trial.load(text);
      const compiled = trial.compiled();
      trial.free();
      return compiled;
    }, text);
    for (const id of ['interact', 'demo_cardio']) {
      // In every language: what the app reads of a definition that has no compiled trial.
      const every = await compiled(read(`${id}.toml`));
      assert.ok(every.startsWith('prescreen-trial/1\n'), `${id}: the format's first line`);
      for (const [lang, other] of [['en', 'it'], ['it', 'en']]) {
        const one = `languages = ["${lang}"]\n${withoutLanguage(read(`${id}.toml`), other)}`;
        assert.equal(await compiled(one), read(`${id}.${lang}.trial`), `${id} ${lang}: the committed compiled trial`);
        assert.ok(every.length > read(`${id}.${lang}.trial`).length, `${id} ${lang}: the other language is left out`);
      }
    }
    assertNoPageErrors(page);
  }));

  test('a broken definition throws the CLI’s diagnostics, with line and column', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const good = definition('interact');
    assert.ok(good.includes('rule = "sex == female"'), 'interact.toml has the rule this test breaks');
    const broken = good.replace('rule = "sex == female"', 'rule = "sexx == female"');
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('sexx')) + 1;
    const column = lines[line - 1].indexOf('sexx') + 1;
    const path = scratchFile('broken.toml', broken);

    const caught = await page.evaluate(({ text, path }) => {
      try {
        window.engine.Trial.load(text, path);
        return null;
      } catch (error) {
        return window.caught(error);
      }
    }, { text: broken, path });
    assert.ok(caught, 'Trial.load threw');
    assert.ok(caught.isError, 'an Error');
    const { status, stderr } = cli('check', path);
    assert.equal(status, 1);
    assert.equal(caught.message, stderr, 'the message is the CLI’s rendering');
    assert.ok(caught.message.includes(`--> ${path}:${line}:${column}\n`), `the message points at ${line}:${column}`);
    assert.match(caught.message, /\n\s+\| +\^{4}\n/, 'carets under the mistake');
    assert.deepEqual(
      caught.diagnostics.find((d) => d.code === 'unknown-question'),
      { line, column, code: 'unknown-question', message: 'no question has the id `sexx`' },
    );
    for (const d of caught.diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && d.message, JSON.stringify(d));

    // Without a name, the message says `definition.toml`; a TOML syntax error is found too.
    const syntax = await page.evaluate(() => {
      try {
        window.engine.Trial.load('[trial]\nid = "x\n');
        return null;
      } catch (error) {
        return window.caught(error);
      }
    });
    assert.match(syntax.message, /--> definition\.toml:2:6\n/);
    assert.ok(syntax.diagnostics.some((d) => d.line === 2 && d.column === 6 && d.code === 'syntax'), JSON.stringify(syntax.diagnostics));
    assertNoPageErrors(page);
  }));

  test('no definition, however mangled, and no argument traps the engine', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const outcomes = await page.evaluate(({ text }) => {
      const { Trial } = window.engine;
      const describe = window.caught;
      // A fixed-seed generator, so a failure can be replayed.
      let seed = 42;
      const random = (n) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const inputs = [];
      for (let i = 0; i < 40; i++) inputs.push(text.slice(0, random(text.length)));
      for (let i = 0; i < 80; i++) {
        const at = random(text.length);
        const junk = ['"', '[', ']', '=', '\n', '{', '(', 'and', '\u00e8', '\\', '#', '0x'][random(12)];
        inputs.push(text.slice(0, at) + junk + text.slice(at + random(8)));
      }
      inputs.push(`${text}\n[[criterion]]\nid = "deep"\nrule = "${'('.repeat(5000)}age > 1${')'.repeat(5000)}"\n`);
      inputs.push('', '\u0000', '[[[', 'a'.repeat(100000));
      const results = inputs.map((input) => {
        try {
          Trial.load(input).free();
          return 'loaded';
        } catch (error) {
          const d = describe(error);
          return d.trapped || !d.isError || !Array.isArray(d.diagnostics) || d.diagnostics.length === 0 ? `bad: ${d.message}` : 'diagnostics';
        }
      });
      // Arguments of the wrong type throw a message, too.
      for (const call of [() => Trial.load(), () => Trial.load(42), () => Trial.load(text, 7)]) {
        try {
          call();
          results.push('bad: no throw');
        } catch (error) {
          const d = describe(error);
          results.push(d.trapped || !d.isError ? `bad: ${d.message}` : 'thrown');
        }
      }
      // And the module still works afterwards.
      results.push(Trial.load(text).questions().length > 0 ? 'still works' : 'bad: broken afterwards');
      return results;
    }, { text: definition('interact') });
    const bad = outcomes.filter((o) => o.startsWith('bad'));
    assert.deepEqual(bad, [], 'every outcome is a trial, diagnostics or a thrown message');
    assert.ok(outcomes.filter((o) => o === 'diagnostics').length > 100, 'the mangled definitions were refused with diagnostics');
    assert.equal(outcomes.at(-1), 'still works');
    assertNoPageErrors(page);
  }));

  test('evaluate gives the report the CLI prints, for each example patient', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const expected = { likely: 'likely_eligible', 'not-eligible': 'not_eligible', undetermined: 'undetermined' };
    for (const [name, verdict] of Object.entries(expected)) {
      const reports = await page.evaluate(({ text, answers, today }) => {
        const trial = window.engine.Trial.load(text);
        return { en: trial.evaluate(answers, { today }), it: trial.evaluate(answers, { lang: 'it', today }) };
      }, { text: definition('interact'), answers: example(name), today: TODAY });
      const file = `examples/patient-${name}.json`;
      assert.deepEqual(reports.en, cliReport('static/trials/interact.toml', file), `${name}: the CLI's report`);
      assert.deepEqual(reports.it, cliReport('static/trials/interact.toml', file, '--lang', 'it'), `${name}: the CLI's report in Italian`);
      assert.equal(reports.en.verdict, verdict, `${name}: ${verdict}`);
    }
    // Without `today`, the browser's own date is used: a date answer counts from it.
    const withDate = await page.evaluate((text) => {
      const trial = window.engine.Trial.load(text);
      // 40 months back is 3 whole years, whatever the day of the month.
      const d = new Date();
      d.setMonth(d.getMonth() - 40);
      const pad = (n) => String(n).padStart(2, '0');
      const aboutThreeYearsAgo = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      const answers = { other_cancer: 'yes', other_cancer_years_ago: aboutThreeYearsAgo };
      return { default: trial.evaluate(answers), asNumber: trial.evaluate({ other_cancer: 'yes', other_cancer_years_ago: 3 }) };
    }, definition('interact'));
    assert.deepEqual(withDate.default, withDate.asNumber, 'a date 40 months ago is read as 3 years');
    assertNoPageErrors(page);
  }));

  test('relevant() shrinks as answers are added and is empty once the verdict is settled', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const steps = await page.evaluate(({ text, person }) => {
      const trial = window.engine.Trial.load(text);
      const answers = {};
      const steps = [{ answered: null, relevant: trial.relevant(answers), open: trial.evaluate(answers).open_questions.map((q) => q.id) }];
      for (const [id, value] of Object.entries(person)) {
        answers[id] = value;
        steps.push({ answered: id, relevant: trial.relevant(answers), open: trial.evaluate(answers).open_questions.map((q) => q.id) });
      }
      return { steps, man: trial.relevant({ sex: 'male' }), manVerdict: trial.evaluate({ sex: 'male' }).verdict };
    }, { text: definition('interact'), person: example('likely') });

    const all = interact.questions.map((q) => q.id);
    assert.deepEqual(steps.steps[0].relevant, all, 'with no answers, every question may matter, in asking order');
    for (const [i, step] of steps.steps.entries()) {
      assert.deepEqual(step.relevant, step.open, `step ${i}: the report's open questions`);
      assert.deepEqual(step.relevant, all.filter((id) => step.relevant.includes(id)), `step ${i}: in asking order`);
      if (i === 0) continue;
      const before = steps.steps[i - 1].relevant;
      assert.ok(!step.relevant.includes(step.answered), `${step.answered} is no longer open once answered`);
      assert.ok(step.relevant.every((id) => before.includes(id)), `answering ${step.answered} adds no question`);
      // PgR does not matter once ER is positive: answering it changes nothing.
      if (before.includes(step.answered)) assert.ok(step.relevant.length < before.length, `answering ${step.answered} shrinks the list`);
    }
    assert.deepEqual(steps.steps.at(-1).relevant, [], 'nothing is open once the verdict is likely eligible');
    assert.deepEqual(steps.man, [], 'nothing is open once a man is not eligible');
    assert.equal(steps.manVerdict, 'not_eligible');
    assertNoPageErrors(page);
  }));

  test('bad answers and options throw one Error listing every problem', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const bad = { age: 150, sex: 'other', nope: 'yes', ecog: 2, other_cancer_years_ago: '2999-01-01' };
    const got = await page.evaluate(({ text, bad }) => {
      const trial = window.engine.Trial.load(text);
      const attempt = (call) => {
        try {
          call();
          return null;
        } catch (error) {
          return window.caught(error);
        }
      };
      return {
        evaluate: attempt(() => trial.evaluate(bad, { today: '2026-11-25' })),
        relevant: attempt(() => trial.relevant(bad, { today: '2026-11-25' })),
        questions: attempt(() => trial.questions('en', bad)),
        wholes: [null, [], 'yes', 42, () => 1].map((answers) => attempt(() => trial.evaluate(answers))),
        options: [
          attempt(() => trial.evaluate({}, { language: 'it' })),
          attempt(() => trial.evaluate({}, { lang: 'fr' })),
          attempt(() => trial.evaluate({}, { today: '25/11/2026' })),
          attempt(() => trial.evaluate({}, { today: new Date() })),
          attempt(() => trial.evaluate({}, 'it')),
          attempt(() => trial.questions('de')),
        ],
        // `undefined` is left out, as JSON leaves it out; the trial still works after errors.
        afterwards: trial.evaluate({ sex: 'female', age: undefined }).verdict,
      };
    }, { text: definition('interact'), bad });

    // The CLI's messages for the same answers, without its `file: ` prefix.
    const path = scratchFile('bad.json', JSON.stringify(bad));
    const { status, stderr } = cli('eval', 'static/trials/interact.toml', path, '--today', TODAY);
    assert.equal(status, 1);
    const cliLines = stderr.trim().split('\n').map((line) => line.slice(`${path}: `.length));
    assert.equal(cliLines.length, 5, stderr);

    for (const call of ['evaluate', 'relevant', 'questions']) {
      const error = got[call];
      assert.ok(error && error.isError && !error.trapped, `${call} throws an Error`);
      if (call !== 'questions') assert.deepEqual(error.message.split('\n'), cliLines, `${call}: the CLI's messages, one a line`);
      assert.deepEqual(new Set(error.errors.map((e) => e.question)), new Set(Object.keys(bad)), `${call}: one entry per bad answer`);
      for (const e of error.errors) assert.ok(error.message.includes(e.message), `${call}: ${e.message} is in the message`);
    }
    assert.match(got.evaluate.message, /`age`: the answer must be between 0 and 120 years/);
    assert.match(got.evaluate.message, /`sex`: expected one of "female", "male" or "unsure"/);
    assert.match(got.evaluate.message, /`nope`: this trial has no such question/);
    assert.match(got.evaluate.message, /`other_cancer_years_ago`: the date is in the future/);

    for (const [i, error] of got.wholes.entries()) {
      assert.ok(error && error.isError && !error.trapped, `whole answers #${i} throw an Error`);
      assert.match(error.message, /the answers must be a (JSON|plain) object/, error.message);
    }
    const [typo, lang, date, dateObject, notAnObject, questionsLang] = got.options.map((e) => e && e.message);
    assert.match(typo, /`language` is not one of them/);
    assert.match(lang, /unknown language `fr`: use en or it/);
    assert.match(date, /today: `25\/11\/2026` is not a date: use YYYY-MM-DD/);
    assert.match(dateObject, /`today` must be a string/);
    assert.match(notAnObject, /the options must be \{lang/);
    assert.match(questionsLang, /unknown language `de`/);
    assert.ok(got.options.every((e) => e.isError && !e.trapped));
    assert.equal(got.afterwards, 'undetermined');
    assertNoPageErrors(page);
  }));

  test('the example page: a registry’s own form, judged as the person answers', withContext(getBrowser, {}, async (context) => {
    const page = await openExample(context);
    const verdict = () => page.getAttribute('#verdict', 'data-verdict');
    const relevant = () => page.$$eval('#relevant li', (items) => items.map((li) => li.dataset.question));
    assert.match(await page.textContent('#status'), new RegExp(`^${interact.questions.length} questions loaded`));
    assert.equal(await verdict(), 'undetermined');
    assert.equal((await relevant()).length, interact.questions.length, 'every question may matter at first');
    // Every field has a label, which names it for assistive technology.
    const labels = await page.$$eval('#questions select, #questions input', (controls) => controls.map((c) => c.labels.length));
    assert.equal(labels.length, interact.questions.length);
    assert.ok(labels.every((n) => n === 1), 'one label per field');
    await assertNoAxeViolations(page, 'the engine API example');

    // A man is told at once, with the reason, and nothing more is asked.
    await page.selectOption('#q-sex', 'male');
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'not_eligible');
    const reasons = await page.textContent('#reasons');
    assert.ok(reasons.includes(interact.criteria.find((c) => c.id === 'female').title.en), reasons);
    assert.deepEqual(await relevant(), []);

    // A bad number is shown beside its field and left out; the rest still counts.
    await page.selectOption('#q-sex', 'female');
    await page.fill('#q-age', '150');
    await page.waitForSelector('#error-age:not([hidden])');
    assert.match(await page.textContent('#error-age'), /between 0 and 120 years/);
    assert.equal(await page.getAttribute('#q-age', 'aria-invalid'), 'true');
    assert.ok((await page.getAttribute('#q-age', 'aria-describedby')).split(' ').includes('error-age'));
    assert.equal(await verdict(), 'undetermined');
    assert.ok((await relevant()).includes('age'), 'a refused age is still open');

    // Answering the eligible person's answers in turn: the open questions only ever shrink.
    let before = await relevant();
    for (const [id, value] of Object.entries(ELIGIBLE)) {
      if (await page.isHidden(`#field-${id}`)) continue;
      if (typeof value === 'number') await page.fill(`#q-${id}`, String(value));
      else await page.selectOption(`#q-${id}`, value);
      const now = await relevant();
      assert.ok(!now.includes(id) && now.every((q) => before.includes(q)), `after ${id}: ${now.join(', ')}`);
      before = now;
    }
    assert.equal(await page.isVisible('#error-age'), false, 'the corrected age is no longer in error');
    assert.equal(await verdict(), 'likely_eligible');
    assert.match(await page.textContent('#verdict'), /may be eligible/);
    assert.deepEqual(await relevant(), []);
    // A question not asked of this person is hidden: she has had no other cancer.
    assert.equal(await page.isHidden('#field-other_cancer_years_ago'), true);
    await page.selectOption('#q-other_cancer', 'yes');
    await page.waitForSelector('#field-other_cancer_years_ago:not([hidden])');
    assert.equal(await verdict(), 'undetermined');
    assert.ok((await relevant()).includes('other_cancer_years_ago'));
    await page.screenshot({ path: screenshotPath('engine-example'), fullPage: true });
    await assertNoAxeViolations(page, 'the engine API example, answered');
    assertNoPageErrors(page);
  }));
});
