// Experiment for `node bench/run.mjs --apps ours --patch bench/experiments/after-paint.js`: the
// page's bookkeeping after a new page is rendered (history.pushState, the document.title setter,
// window.scrollTo and the heading's focus()) runs once that page has been painted: in a task
// posted from the next animation frame, so never before the frame it would delay. It shows what
// those calls cost a step's paint, before the app is changed to do the same. Tried in the sixth
// session (BENCHMARKS.md): no gain on the worst step, so the app was left as it is.
(() => {
  let queue = null;
  const afterPaint = (fn) => {
    if (!queue) {
      queue = [];
      requestAnimationFrame(() => setTimeout(() => {
        const fns = queue;
        queue = null;
        for (const f of fns) f();
      }));
    }
    queue.push(fn);
  };
  const push = History.prototype.pushState;
  History.prototype.pushState = function pushStateLater(...args) {
    afterPaint(() => push.apply(this, args));
  };
  const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(Document.prototype, 'title', {
    configurable: true,
    get: title.get,
    set(value) {
      afterPaint(() => title.set.call(this, value));
    },
  });
  const scrollTo = window.scrollTo;
  window.scrollTo = function scrollToLater(...args) {
    afterPaint(() => scrollTo.apply(this, args));
  };
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function focusLater(...args) {
    afterPaint(() => focus.apply(this, args));
  };
})();
