// Writes floor/questions.js: the questions the floor page asks (floor/index.html), in the order of
// an answers file's keys (default examples/patient-likely.json, the benchmark's journey), with
// their English text, help and answer options from the trial definition, and each answer's words
// for the Check your answers page. Our app asks the same questions but one (pgr_status: the engine
// does not ask it of an ER-positive person), so the floor's journey has one step more.
//
//   node bench/make-floor.mjs [--answers FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { BENCH, ROOT, option } from './lib.mjs';

const trial = parse(readFileSync(join(ROOT, 'static/trials/interact.toml'), 'utf8'));
const answers = JSON.parse(readFileSync(resolve(option('answers', join(ROOT, 'examples/patient-likely.json'))), 'utf8'));
const byId = new Map(trial.question.map((q) => [q.id, q]));

const questions = Object.keys(answers).map((id) => {
  const q = byId.get(id);
  if (!q) throw new Error(`the answers file answers ${id}, which the definition does not ask`);
  const options = q.type === 'yes_no' ? [['yes', 'Yes'], ['no', 'No']] : q.type === 'choice' ? q.option.map((o) => [o.id, o.patient.en]) : null;
  const unit = q.unit_label?.en ?? q.unit ?? '';
  // The answer as Check your answers shows it: the option's words, or the number and its unit.
  const answer = options ? options.find(([value]) => value === answers[id])?.[1] ?? String(answers[id]) : `${answers[id]} ${unit}`;
  return { id, text: q.patient.en, help: q.help?.en ?? null, options, unit, answer };
});

const out = join(BENCH, 'floor/questions.js');
writeFileSync(out, `// Written by bench/make-floor.mjs from static/trials/interact.toml; do not edit.\nwindow.QUESTIONS = [\n${questions.map((q) => `  ${JSON.stringify(q)},`).join('\n')}\n];\n`);
console.log(`${out}: ${questions.length} questions`);
