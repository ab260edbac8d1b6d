/*! prescreen embed loader: puts the trial pre-screener in the page, in a frame from its own
 * origin, sized to its content. Use, in the page's <body> where the widget should appear:
 *   <script src="https://PRESCREENER/embed.js" data-trial="interact" data-lang="it" async></script>
 * Options (data-*): trial, lang (en|it), mode (patient|clinician), compact (true|false),
 * accent (#rrggbb or #rgb), title (the frame's accessible name). The pre-screener checks them and
 * shows its own message for a bad one. This file defines no global name; it adds one "message"
 * listener to the window, which reads only height messages from its own frame. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    // A module script, or one run from a shadow root, cannot tell where it is.
    if (window.console) console.warn('prescreen embed.js: load it as a classic <script> in the page body');
    return;
  }
  var options = ['trial', 'lang', 'mode', 'compact', 'accent'];
  var base = new URL('./', script.src);
  var query = new URLSearchParams({ embed: '1' });
  options.forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null) query.set(name, value);
  });
  var italian = /^it/i.test(script.getAttribute('data-lang') || navigator.language || '');

  var frame = document.createElement('iframe');
  frame.src = new URL('index.html?' + query, base).href;
  // Each frame's name says which trial it asks about, so several on one page differ.
  frame.title = script.getAttribute('data-title') ||
    (italian ? 'Pre-screening per lo studio ' : 'Clinical trial pre-screener: ') +
      (script.getAttribute('data-trial') || 'interact');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  // Lets "Copy referral summary" reach the clipboard from inside the frame.
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('scrolling', 'no');
  frame.className = 'prescreen-frame';
  var style = frame.style;
  style.display = 'block';
  style.width = '100%';
  style.border = '0';
  style.height = '32rem'; // until the pre-screener reports its height

  // Where the tag is; but a frame in <head> (a deferred tag placed there, or one a tag manager
  // added) would never show, so there it goes at the end of the body instead.
  var placed = false;
  function place() {
    placed = true;
    if (script.parentNode && script.parentNode !== document.head && document.body &&
        document.body.contains(script)) {
      script.parentNode.insertBefore(frame, script.nextSibling);
    } else {
      document.body.appendChild(frame);
    }
  }
  if (document.body) place();
  else document.addEventListener('DOMContentLoaded', place);

  // The only message the frame sends is its height; anything else, from anyone, is ignored.
  function onMessage(event) {
    if (placed && !frame.isConnected) {
      window.removeEventListener('message', onMessage); // the host removed the widget
      return;
    }
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || Object.keys(data).length !== 2) return;
    if (data.type !== 'prescreen:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height > 0) || height > 100000) return;
    var top = frame.getBoundingClientRect().top;
    style.height = Math.ceil(height) + 'px';
    // A person answering in the widget keeps it in view: when a shorter page makes the host
    // page shift (the browser's scroll anchoring holds on to what comes below), its top goes back
    // where it was.
    if (document.activeElement === frame) {
      requestAnimationFrame(function () {
        var moved = frame.getBoundingClientRect().top - top;
        if (moved < -1) window.scrollBy(0, moved);
      });
    }
  }
  window.addEventListener('message', onMessage);
})();
