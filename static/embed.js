/*! prescreen embed loader: puts the trial pre-screener in the page, in a frame from its own
 * origin, sized to its content. Use:
 *   <script src="https://PRESCREENER/embed.js" data-trial="interact" data-lang="it" async></script>
 * Options (data-*): trial, lang (en|it), mode (patient|clinician), compact (true|false),
 * accent (#rrggbb), title (the frame's accessible name). The pre-screener checks them and shows
 * its own message for a bad one. This file defines no global name; it adds one "message"
 * listener to the window, which reads only height messages from its own frame. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var options = ['trial', 'lang', 'mode', 'compact', 'accent'];
  var base = new URL('./', script.src);
  var query = new URLSearchParams({ embed: '1' });
  options.forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null) query.set(name, value);
  });
  var italian = /^it\b/i.test(script.getAttribute('data-lang') || '');

  var frame = document.createElement('iframe');
  frame.src = new URL('index.html?' + query, base).href;
  frame.title = script.getAttribute('data-title') ||
    (italian ? 'Pre-screening per lo studio clinico' : 'Clinical trial pre-screener');
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
  script.parentNode.insertBefore(frame, script.nextSibling);

  // The only message the frame sends is its height; anything else, from anyone, is ignored.
  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || Object.keys(data).length !== 2) return;
    if (data.type !== 'prescreen:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height > 0) || height > 100000) return;
    style.height = Math.ceil(height) + 'px';
  });
})();
