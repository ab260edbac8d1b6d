// The floor page's whole program: on Start and on each Continue, the next question in a fixed
// list (window.QUESTIONS, in the app's words, window.WORDS: both written by ../lib.mjs), or after
// the last one Check your answers, replaces the page's content as one innerHTML string; then the
// title, a history entry, scroll to the top and focus on the heading, as our app does on each
// question. Nothing is read, checked or remembered.
(() => {
  const main = document.getElementById('main');
  const c = window.WORDS;
  const fill = (template, ...values) => values.reduce((out, value, i) => out.replaceAll(`{${i}}`, String(value)), template);
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let index = -1;

  const radios = (q) =>
    `<div class="${q.inline ? 'radios radios--inline' : 'radios'}">` +
    [...q.options, ['unsure', c.unsure]]
      .map(([value, label], k) => {
        const id = `f-${q.id}${k ? `-${k}` : ''}`;
        return `<div class="radios__item"><input type="radio" id="${id}" name="${q.id}" class="radios__input" value="${value}">` +
          `<label for="${id}" class="radios__label">${escape(label)}</label></div>`;
      })
      .join('') +
    '</div>';

  const number = (q) =>
    `<div id="hint-${q.id}" class="hint">${escape(fill(c.number_hint, q.unit))}</div>` +
    '<div class="input-row"><div class="input-wrapper">' +
    `<input id="f-${q.id}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" class="input input--width-5">` +
    `<span class="input__suffix">${escape(q.unit)}</span></div></div>` +
    `<div class="checkboxes__item"><input class="checkboxes__input" type="checkbox" id="f-${q.id}-unsure">` +
    `<label class="checkboxes__label" for="f-${q.id}-unsure">${escape(c.unsure)}</label></div>`;

  const question = (q) =>
    `<button type="button" class="back-link">${c.back}</button>` +
    `<p class="caption">${escape(fill(c.progress, index, window.QUESTIONS.length - index))}</p>` +
    '<form novalidate class="question-form"><div class="form-group"><fieldset class="fieldset">' +
    `<legend class="fieldset__legend"><h1 id="page-heading" tabindex="-1" class="fieldset__heading">${escape(q.text)}</h1></legend>` +
    (q.help ? `<details class="details"><summary class="details__summary">${c.what_does_this_mean}</summary><div class="details__text">${escape(q.help)}</div></details>` : '') +
    (q.options ? radios(q) : number(q)) +
    `</fieldset></div><button type="submit" class="button">${c.continue_button}</button></form>` +
    `<section class="save-link no-print"><button type="button" aria-expanded="false" class="link-button">${c.save_link}</button></section>`;

  const summary = () =>
    `<button type="button" class="back-link">${c.back}</button>` +
    `<h1 id="page-heading" tabindex="-1" class="heading-l">${c.check_title}</h1>` +
    `<p>${c.check_lead}</p><dl class="summary-list">` +
    window.QUESTIONS.map((q) =>
      `<div class="summary-list__row"><dt class="summary-list__key">${escape(q.text)}</dt>` +
      `<dd class="summary-list__value">${escape(q.answer)}</dd><dd class="summary-list__actions">` +
      `<button type="button" class="link-button">${c.change}<span class="visually-hidden"> ${c.change_hidden} ${escape(q.text)}</span></button></dd></div>`,
    ).join('') +
    `</dl><button type="button" class="button">${c.see_result}</button>`;

  const next = () => {
    index += 1;
    const q = window.QUESTIONS[index];
    main.innerHTML = q ? question(q) : summary();
    document.title = `${q ? q.text : c.check_title} – interACT – ${c.app_name}`;
    history.pushState(index, '');
    scrollTo(0, 0);
    document.getElementById('page-heading').focus();
  };

  main.addEventListener('click', (event) => {
    if (event.target.closest('.button--start')) next();
  });
  main.addEventListener('submit', (event) => {
    event.preventDefault();
    next();
  });
})();
