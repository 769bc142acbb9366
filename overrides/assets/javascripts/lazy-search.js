/*
 * Lazy search for Material for MkDocs 9.x (see overrides/main.html).
 *
 * The theme's bundle creates its search worker (`new Worker(config.search)`) and requests
 * search/search_index.json (XMLHttpRequest) as soon as a page loads. This script runs just
 * before the bundle and defers both until the reader first uses search:
 *   - the worker is a stand-in that queues messages and starts the real worker then;
 *   - the request for the index is opened as usual but sent only then.
 * The theme waits for the worker's "ready" before it searches, so a query typed while the
 * index arrives is searched as soon as it is there. Any other worker or request is untouched.
 */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config || !window.Worker || !window.XMLHttpRequest) return;
  config = JSON.parse(config.textContent);
  var base = new URL(config.base, location.href);
  var workerUrl = new URL(config.search, location.href).href;
  var indexUrl = new URL("search/search_index.json", base).href;

  var started = false;
  var waiting = [];
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  function whenStarted(go) {
    if (started) go(); else waiting.push(go);
  }

  /* The search worker: a stand-in with the Worker interface the theme uses. */
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (new URL(url, location.href).href !== workerUrl) return new RealWorker(url, options);
    var stand = new EventTarget();
    var real = null;
    var queue = [];
    stand.postMessage = function (message) {
      if (real) real.postMessage(message); else queue.push(message);
    };
    stand.terminate = function () {
      if (real) real.terminate();
      queue = [];
    };
    whenStarted(function () {
      real = new RealWorker(url, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        real.addEventListener(type, function (event) {
          stand.dispatchEvent(type === "error" ? new Event("error")
                                               : new MessageEvent(type, { data: event.data }));
        });
      });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return stand;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  /* The index: the request is opened as usual and sent once search is first used. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.lazySearchIndex = new URL(String(url), location.href).href === indexUrl;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.lazySearchIndex || started) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    whenStarted(function () { send.apply(request, args); });
  };

  /* First use of search. */
  var toggle = document.getElementById("__search");  // opened by a click, "/", "s", "f", ?q=
  if (toggle) toggle.addEventListener("change", start);
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el && el.closest && el.closest("[data-md-component=search]")) start();
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) >= 0 && !event.ctrlKey && !event.metaKey &&
        !event.altKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "") &&
        !event.target.isContentEditable) start();
  }, true);
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();  // a search link, or highlighted results
})();
