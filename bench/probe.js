// The in-page probe of bench/run.mjs, injected before any of the page's own scripts (a DevTools
// init script, so no Content-Security-Policy stops it). It is the same code for both pages; only
// the few selectors that find the Start button, the Continue button and the question on screen
// differ. Times are performance.now() (milliseconds from navigation start).
//
// - "painted": an element is in the DOM (a MutationObserver sees it), then the next frame has
//   been produced: a requestAnimationFrame callback, then a task posted from it, which runs once
//   that frame's style, layout and paint are done (the "after frame" technique).
// - A press (Start, Continue, an answer) is timed from its click event's timeStamp, which the
//   browser sets when the input arrives: time spent waiting for a busy main thread counts.
(cfg) => {
  const APPS = {
    ours: {
      start: 'button.button--start',
      isPress: (t) => t.closest('button.button--start, form.question-form button[type=submit]'),
      key() {
        const input = document.querySelector('form.question-form fieldset input');
        if (input) return input.id.replace(/^f-/, '');
        const heading = document.getElementById('page-heading');
        return heading ? `page:${heading.textContent.trim()}` : null;
      },
    },
    theirs: {
      start: '.sd-navigation__start-btn',
      isPress: (t) => t.closest('.sd-navigation__start-btn, .sd-navigation__next-btn, .sd-navigation__preview-btn, .sd-navigation__complete-btn'),
      key() {
        const names = [...document.querySelectorAll('.sd-body .sd-question[data-name]')]
          .map((e) => e.dataset.name)
          .filter((name) => !name.includes('__'));
        if (names.length) return names.join(',');
        if (document.querySelector('.sd-navigation__start-btn')) return 'page:start';
        if (document.querySelector('.sd-completedpage')) return 'page:completed';
        return null;
      },
    },
  };
  const app = APPS[cfg.app];
  const B = { marks: {}, presses: [], chooses: [], key: () => app.key() };
  window.__bench = B;

  const waiters = [];
  const notify = () => {
    for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
  };
  /** Resolves with fn()'s value once it is truthy; checked whenever the probe records something. */
  B.until = (fn) => new Promise((resolve) => {
    const check = () => {
      const value = fn();
      if (value) resolve(value);
      return Boolean(value);
    };
    if (!check()) waiters.push(check);
  });

  const afterFrame = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
  const whenDom = (cond) => new Promise((resolve) => {
    if (cond()) return resolve();
    const observer = new MutationObserver(() => {
      if (cond()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });

  // The start page is ready when its Start button is in the DOM and painted.
  whenDom(() => document.querySelector(app.start)).then(afterFrame).then((t) => {
    B.marks.startReady = t;
    notify();
  });

  // One count per press: a click on a label also clicks its input, which is no second press.
  let pressed = false;
  addEventListener('pointerdown', () => { pressed = true; }, true);
  addEventListener('click', (event) => {
    if (!pressed || !(event.target instanceof Element)) return;
    pressed = false;
    const t0 = event.timeStamp;
    if (app.isPress(event.target)) {
      const from = app.key();
      whenDom(() => {
        const key = app.key();
        return key !== null && key !== from;
      }).then(afterFrame).then((t1) => {
        B.presses.push({ from, to: app.key(), at: t0, ms: t1 - t0 });
        notify();
      });
    } else {
      afterFrame().then((t1) => {
        B.chooses.push({ key: app.key(), at: t0, ms: t1 - t0 });
        notify();
      });
    }
  }, true);

  // Our wasm module's memory (it lives outside the JS heap): Trunk's loader announces the exports.
  // The export is renamed (tools/short-names.mjs), so it is found by what it is.
  addEventListener('TrunkApplicationStarted', (event) => {
    B.wasmMemory = Object.values(event.detail?.wasm ?? {}).find((v) => v instanceof WebAssembly.Memory);
  });
  B.wasmBytes = () => (B.wasmMemory ? B.wasmMemory.buffer.byteLength : 0);
  B.paint = () => Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
}
