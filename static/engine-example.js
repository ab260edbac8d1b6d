// The engine API example (static/engine-example.html): a registry's own form for interACT, built
// from trial.questions() and judged as the person answers by trial.evaluate() and
// trial.relevant(). The API is described in README.md, "Engine API (JavaScript)".
import init, { Trial } from './engine/prescreen_engine.js';

const LANG = 'en';
const VERDICTS = {
  likely_eligible: 'You may be eligible for this trial. Only the trial team can confirm it.',
  not_eligible: 'This trial is not for you, because:',
  undetermined: 'Not decided yet: the questions below could still change the result.',
};

const byId = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * One question: a labelled select for yes/no and choices, a text box for numbers. Each part is a
 * paragraph of its own, so the page reads well with no stylesheet at all.
 */
function field(question) {
  const id = `q-${question.id}`;
  const wrapper = el('div', { id: `field-${question.id}` });
  wrapper.append(el('p', {}, el('label', { for: id }, el('strong', {}, question.text))));
  const described = [];
  const note = (noteId, text) => {
    described.push(noteId);
    wrapper.append(el('p', { id: noteId }, text));
  };
  if (question.help) note(`help-${question.id}`, question.help);
  let control;
  if (question.kind === 'yes_no' || question.kind === 'choice') {
    const choices = question.kind === 'yes_no'
      ? [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }]
      : question.options;
    control = el('select', { id, name: question.id });
    for (const [value, text] of [['', 'Not answered'], ...choices.map((c) => [c.id, c.text]), ['unsure', "I'm not sure"]]) {
      control.append(el('option', { value }, text));
    }
  } else {
    const range = `${question.min} to ${question.max} ${question.unit_label}`;
    note(`hint-${question.id}`, question.kind === 'elapsed'
      ? `A number, ${range} ago, or the date (YYYY-MM-DD), or "unsure".`
      : `A number, ${range}, or "unsure".`);
    control = el('input', { id, name: question.id, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  }
  const error = el('p', { id: `error-${question.id}`, class: 'error' });
  error.hidden = true;
  described.push(error.id);
  control.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(el('p', {}, control), error);
  return wrapper;
}

/** What the form holds, as the engine reads answers: {question_id: 'yes' | '54' | ...}. */
function formAnswers(form) {
  const answers = {};
  for (const control of form.elements) {
    const value = control.value.trim();
    // Hidden fields are sent too: the engine ignores answers to questions that do not apply.
    if (value !== '') answers[control.name] = value;
  }
  return answers;
}

/**
 * Judges the form. Bad answers are shown beside their fields and left out, so the result always
 * follows the good ones; questions not asked of this person (given the answers) are hidden.
 */
function update(trial, form, questions) {
  const answers = formAnswers(form);
  const errors = {};
  let report;
  try {
    report = trial.evaluate(answers, { lang: LANG });
  } catch (error) {
    if (!error.errors) throw error;
    for (const { question, message } of error.errors) {
      errors[question] = message;
      delete answers[question];
    }
    report = trial.evaluate(answers, { lang: LANG });
  }
  const applies = new Map(trial.questions(LANG, answers).map((q) => [q.id, q.applies]));
  for (const question of questions) {
    byId(`field-${question.id}`).hidden = applies.get(question.id) === false;
    const error = byId(`error-${question.id}`);
    const control = byId(`q-${question.id}`);
    error.textContent = errors[question.id] ? `Error: ${errors[question.id]}` : '';
    error.hidden = !errors[question.id];
    control.setAttribute('aria-invalid', String(Boolean(errors[question.id])));
  }

  const verdict = byId('verdict');
  verdict.dataset.verdict = report.verdict;
  verdict.textContent = VERDICTS[report.verdict];
  const blocking = report.criteria.filter(
    (c) => (c.kind === 'inclusion' && c.status === 'not_met') || (c.kind === 'exclusion' && c.status === 'met'),
  );
  byId('reasons').replaceChildren(...blocking.map((c) => el('li', {}, el('strong', {}, c.title), ': ', c.explanation)));

  const texts = new Map(questions.map((q) => [q.id, q.text]));
  byId('relevant').replaceChildren(
    ...trial.relevant(answers).map((id) => el('li', { 'data-question': id }, texts.get(id))),
  );
}

async function main() {
  const status = byId('status');
  try {
    await init();
    const response = await fetch('trials/interact.toml');
    if (!response.ok) throw new Error(`trials/interact.toml: HTTP ${response.status}`);
    // A definition that fails its check throws, with every problem in the message.
    const trial = Trial.load(await response.text(), 'interact.toml');
    const questions = trial.questions(LANG);
    const form = byId('questions');
    form.append(...questions.map(field));
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => update(trial, form, questions));
    form.addEventListener('change', () => update(trial, form, questions));
    update(trial, form, questions);
    form.hidden = false;
    byId('result').hidden = false;
    status.textContent = `${questions.length} questions loaded.`;
  } catch (error) {
    status.textContent = `The pre-screener could not start: ${error.message}`;
  }
}

main();
