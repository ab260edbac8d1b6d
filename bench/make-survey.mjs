// Generates the SurveyJS version of a trial's patient questionnaire (bench/surveyjs/survey.json)
// from its definition (static/trials/<id>.toml) and the app's English words
// (static/i18n/en.txt), so that the page the benchmark compares us with asks the same questions,
// with the same answer options, "I’m not sure" and text, and cannot drift from ours.
//
//   node bench/make-survey.mjs [--trial static/trials/interact.toml] [--out bench/surveyjs/survey.json]
//
// What maps to what:
// - the start page (heading, lead, what it is and is not, the privacy promise, the trial in brief,
//   the sites) becomes SurveyJS's start page (`firstPageIsStartPage`) with the same Start button;
// - each question becomes one page (one question per page, as in our patient journey), its
//   patient text the question's title, its help the description;
// - yes/no and choice questions become radio groups with "I’m not sure" as a last choice;
//   number questions a number input with its range and an "I’m not sure" checkbox (the input is
//   disabled when it is ticked, as ours); elapsed questions a number input, a date input and the
//   checkbox;
// - `applies_if` becomes the page's `visibleIf`: the page is shown when the rule may hold
//   (true or unknown, Kleene's logic as in the engine), so "I’m not sure" keeps the follow-up;
//   hidden answers are cleared (`clearInvisibleValues`), as ours are ignored;
// - the end of the journey: a preview of the answers (our Check your answers), then complete.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { parse } from 'smol-toml';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const trialPath = args.trial ?? join(ROOT, 'static/trials/interact.toml');
const outPath = args.out ?? join(BENCH, 'surveyjs/survey.json');

/** The app's English strings: `key: "text",` lines of the catalogue (as tests/e2e/helpers.mjs reads it). */
export function readCatalogue(path) {
  const words = {};
  for (const [, key, text] of readFileSync(path, 'utf8').matchAll(/^(\w+) = (.*)$/gm)) words[key] = text;
  return words;
}

const fill = (template, values) => values.reduce((out, value, i) => out.replaceAll(`{${i}}`, String(value)), template);
const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
const isoToShown = (iso) => iso.split('-').reverse().join('/');

// --- applies_if → visibleIf ------------------------------------------------------------------

/** Tokens of a rule: words, numbers, operators, brackets, commas. */
function lex(rule) {
  const tokens = [];
  const re = /\s*(==|!=|<=|>=|<|>|\(|\)|\[|\]|,|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/y;
  let m;
  while (re.lastIndex < rule.length && (m = re.exec(rule))) tokens.push(m[1]);
  if (re.lastIndex < rule.trim().length) throw new Error(`cannot read rule "${rule}" at ${re.lastIndex}`);
  return tokens;
}

/** A rule's tree: { op: 'and'|'or'|'not', ... } or an atom { cmp, q, value } / { answered } / { bool }. */
function parseRule(rule) {
  const tokens = lex(rule);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t) => {
    if (next() !== t) throw new Error(`rule "${rule}": expected ${t}`);
  };
  const or = () => {
    let left = and();
    while (peek() === 'or') (next(), (left = { op: 'or', left, right: and() }));
    return left;
  };
  const and = () => {
    let left = unary();
    while (peek() === 'and') (next(), (left = { op: 'and', left, right: unary() }));
    return left;
  };
  const unary = () => {
    if (peek() === 'not') return (next(), { op: 'not', inner: unary() });
    if (peek() === '(') {
      next();
      const inner = or();
      expect(')');
      return inner;
    }
    const word = next();
    if (word === 'true' || word === 'false') return { bool: word === 'true' };
    if (word === 'answered') {
      expect('(');
      const q = next();
      expect(')');
      return { answered: q };
    }
    const cmp = next();
    if (cmp === 'in') {
      expect('[');
      const values = [next()];
      while (peek() === ',') (next(), values.push(next()));
      expect(']');
      return { cmp, q: word, value: values };
    }
    if (!['==', '!=', '<', '<=', '>', '>='].includes(cmp)) throw new Error(`rule "${rule}": unexpected ${cmp}`);
    return { cmp, q: word, value: next() };
  };
  const tree = or();
  if (i !== tokens.length) throw new Error(`rule "${rule}": unexpected ${peek()}`);
  return tree;
}

/**
 * SurveyJS expressions for "the rule may hold" (true or unknown) and "the rule may fail" (false or
 * unknown). A comparison is unknown when its question is unanswered, answered "I’m not sure", or
 * hidden (its value is then cleared).
 */
function conditions(tree, questions) {
  const kindOf = (id) => {
    const q = questions.get(id);
    if (!q) throw new Error(`rule names unknown question ${id}`);
    return q.type;
  };
  const unknown = (id) =>
    kindOf(id) === 'number' ? `({${id}} empty or {${id}__unsure} notempty)` : `({${id}} empty or {${id}} = 'unsure')`;
  const known = (id) => `!${unknown(id)}`;
  const literal = (id, v) => (kindOf(id) === 'number' ? Number(v) : `'${v}'`);
  const atomTrue = (a) => {
    if (kindOf(a.q) === 'elapsed') throw new Error(`elapsed question ${a.q} in a rule: not supported by this generator`);
    if (a.cmp === 'in') return `{${a.q}} anyof [${a.value.map((v) => `'${v}'`).join(', ')}]`;
    const op = a.cmp === '==' ? '=' : a.cmp;
    return `{${a.q}} ${op} ${literal(a.q, a.value)}`;
  };
  const may = (t) => {
    if ('bool' in t) return t.bool ? 'true' : 'false';
    if ('answered' in t) return known(t.answered);
    if (t.op === 'and') return `(${may(t.left)} and ${may(t.right)})`;
    if (t.op === 'or') return `(${may(t.left)} or ${may(t.right)})`;
    if (t.op === 'not') return mayFail(t.inner);
    return `(${atomTrue(t)} or ${unknown(t.q)})`;
  };
  const mayFail = (t) => {
    if ('bool' in t) return t.bool ? 'false' : 'true';
    if ('answered' in t) return unknown(t.answered);
    if (t.op === 'and') return `(${mayFail(t.left)} or ${mayFail(t.right)})`;
    if (t.op === 'or') return `(${mayFail(t.left)} and ${mayFail(t.right)})`;
    if (t.op === 'not') return may(t.inner);
    return `(!(${atomTrue(t)}) or ${unknown(t.q)})`;
  };
  return may(tree);
}

// --- the survey --------------------------------------------------------------------------------

export function makeSurvey(definitionText, c) {
  const def = parse(definitionText);
  const trial = def.trial;
  const questions = new Map(def.question.map((q) => [q.id, q]));
  const unsureChoice = { value: 'unsure', text: c.unsure };

  const brief = [
    `<h2>${escapeHtml(c.trial_about)}</h2>`,
    `<p>${escapeHtml(trial.summary.en)}</p>`,
    `<h3>${escapeHtml(c.trial_medicines)}</h3>`,
    `<ul>${trial.drug.map((d) => `<li><strong>${escapeHtml(d.name.en)}</strong> (${escapeHtml(d.route.en)}): ${escapeHtml(d.description.en)}</li>`).join('')}</ul>`,
    `<dl><dt>${escapeHtml(c.trial_phase)}</dt><dd>${escapeHtml(trial.phase.en)}</dd>`,
    `<dt>${escapeHtml(c.trial_status)}</dt><dd>${escapeHtml(fill(c.trial_status_line, [trial.status.status.en, trial.status.country.en, isoToShown(trial.status.recruitment_start), isoToShown(trial.status.read_on)]))}</dd>`,
    `<dt>${escapeHtml(c.trial_id_line)}</dt><dd>${escapeHtml(trial.eu_ct_number)} · ${escapeHtml(trial.protocol_code)}</dd></dl>`,
    `<h2>${escapeHtml(c.trial_where)}</h2>`,
    `<ul>${trial.site.map((s) => `<li>${escapeHtml(s.name)}, ${escapeHtml(s.city.en)}, ${escapeHtml(s.country.en)}</li>`).join('')}</ul>`,
  ].join('');
  const startPage = {
    name: 'start',
    elements: [
      {
        type: 'html',
        name: 'start_text',
        html: [
          `<h1>${escapeHtml(fill(c.start_heading, [trial.protocol_code]))}</h1>`,
          `<p><strong>${escapeHtml(trial.title.en)}</strong></p>`,
          ...[c.start_lead, c.start_what_it_is, c.start_how_long].map((p) => `<p>${escapeHtml(p)}</p>`),
          `<p><strong>${escapeHtml(c.start_what_it_is_not)}</strong></p><p>${escapeHtml(c.privacy_promise)}</p>`,
          brief,
        ].join(''),
      },
    ],
  };

  const pages = [startPage];
  for (const q of def.question) {
    const page = { name: q.id, elements: [] };
    if (q.applies_if) page.visibleIf = conditions(parseRule(q.applies_if), questions);
    const base = { name: q.id, title: q.patient.en };
    if (q.help) base.description = q.help.en;
    if (q.type === 'yes_no' || q.type === 'choice') {
      const choices = q.type === 'yes_no'
        ? [{ value: 'yes', text: c.yes }, { value: 'no', text: c.no }]
        : q.option.map((o) => ({ value: o.id, text: o.patient.en }));
      page.elements.push({ ...base, type: 'radiogroup', isRequired: true, requiredErrorText: c.error_choose, choices: [...choices, unsureChoice] });
    } else if (q.type === 'number' || q.type === 'elapsed') {
      const unsure = `${q.id}__unsure`;
      const hint = fill(q.type === 'number' ? c.number_hint : c.elapsed_hint, [q.unit_label.en]);
      const range = { type: 'numeric', minValue: q.min, maxValue: q.max, text: fill(c.error_range, [q.min, q.max, q.unit_label.en]) };
      const number = {
        ...base,
        type: 'text',
        inputType: 'number',
        min: q.min,
        max: q.max,
        description: [q.help?.en, hint].filter(Boolean).join(' '),
        enableIf: `{${unsure}} empty`,
        requiredErrorText: c.error_enter,
        validators: [range],
      };
      if (q.type === 'number') {
        page.elements.push({ ...number, requiredIf: `{${unsure}} empty` });
      } else {
        const date = `${q.id}__date`;
        page.elements.push(
          { ...number, title: `${q.patient.en} ${c.elapsed_number_label} (${q.unit_label.en})`, requiredIf: `{${unsure}} empty and {${date}} empty` },
          { type: 'text', name: date, title: c.elapsed_or_date, inputType: 'date', enableIf: `{${unsure}} empty`, maxValueExpression: 'today()' },
        );
      }
      page.elements.push({ type: 'checkbox', name: unsure, titleLocation: 'hidden', title: c.unsure, choices: [unsureChoice] });
    } else {
      throw new Error(`question ${q.id}: type ${q.type} not supported by this generator`);
    }
    pages.push(page);
  }

  return {
    title: c.app_name,
    locale: 'en',
    firstPageIsStartPage: true,
    startSurveyText: c.start_button,
    pageNextText: c.continue_button,
    pagePrevText: c.back,
    previewText: c.continue_button,
    editText: c.change,
    completeText: c.see_result,
    showPreviewBeforeComplete: 'showAnsweredQuestions',
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    progressBarType: 'pages',
    questionsOnPageMode: 'standard',
    checkErrorsMode: 'onNextPage',
    clearInvisibleValues: 'onHiddenContainer',
    completedHtml: `<h1>${escapeHtml(c.result_title)}</h1>`,
    pages,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catalogue = readCatalogue(join(ROOT, 'static/i18n/en.txt'));
  const survey = makeSurvey(readFileSync(trialPath, 'utf8'), catalogue);
  writeFileSync(outPath, `${JSON.stringify(survey, null, 1)}\n`);
  const asked = survey.pages.length - 1;
  console.log(`make-survey: ${asked} question pages (${survey.pages.filter((p) => p.visibleIf).length} with visibleIf) → ${relative(process.cwd(), outPath)}`);
}
