// Experiment for `node bench/run.mjs --apps ours --patch bench/experiments/defer-history-title.js`:
// history.pushState and the document.title setter run 100 ms later, once the new page is painted
// and measured, instead of inside its render. (The journey only goes forward, so the deferred
// history entry changes nothing else here.) Not a fix as such: it shows what those two calls cost
// a step.
(() => {
  const later = (fn) => setTimeout(fn, 100);
  const push = History.prototype.pushState;
  History.prototype.pushState = function pushStateLater(...args) {
    later(() => push.apply(this, args));
  };
  const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(Document.prototype, 'title', {
    configurable: true,
    get: title.get,
    set(value) {
      later(() => title.set.call(this, value));
    },
  });
})();
