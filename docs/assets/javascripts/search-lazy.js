/* Light first load: the search index (some 300 KB per language) is fetched only when the
   reader starts a search, not with every page. The theme asks for it as soon as a page opens
   (an XMLHttpRequest to <language base>/search/search_index.json); this file, loaded before
   the theme, holds that one request back until the reader focuses the search field (click,
   tap, or the "/", "s", "f" shortcuts, which focus it), opens the search, or arrives with a
   search in the address (?q= or a highlighted result, ?h=). The request, its address and so
   the reader's language are the theme's own. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var held = [];
  var deferred = typeof WeakSet === "function" ? new WeakSet() : null;
  var started = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  if (!deferred) return;

  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) deferred.add(this); else deferred.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!started && deferred.has(this)) {
      var request = this;
      var args = arguments;
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) start();
  });
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.id === "__search" && target.checked) start();
  });
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();
})();
