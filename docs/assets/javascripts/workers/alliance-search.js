/* The site's search worker, in front of the theme's (Material for MkDocs, Lunr).
   - The theme's worker (about 40 KB) is loaded only with the index, when the reader starts a
     search: this file is all a page loads up front. Its name comes in the address
     (?engine=search.<hash>.min.js), written at build time from the theme's own file.
   - Accents do not matter: "tache" finds "tâche", "therapeute" finds "thérapeute". The index
     and the query are folded the same way (one function, below): a step at the end of the
     index's pipeline and of the query pipeline, and the query text itself before the theme
     reads it (its terms end with a wildcard, and Lunr skips the pipeline for those).
   Nothing is fetched from outside the site. */
/* global lunr */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var engineName = new URL(self.location.href).searchParams.get("engine") || "";
  var engine = null;

  /* The one folding of the site's search: lower case, no accents, ligatures spelt out. */
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae");
  }

  function foldToken(token) {
    return token.update(fold);
  }

  function loadEngine() {
    if (!/^search\.[0-9a-f]+\.min\.js$/.test(engineName)) {
      throw new Error("alliance-search: no theme search worker named in the address");
    }
    // The theme's worker registers its message handler on load: keep it for ourselves.
    var register = self.addEventListener;
    self.addEventListener = function (type, listener, options) {
      if (type === "message" && !engine) { engine = listener; return; }
      register.call(self, type, listener, options);
    };
    try {
      importScripts(engineName);
    } finally {
      self.addEventListener = register;
    }
    lunr.Pipeline.registerFunction(foldToken, "allianceFold");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      // The theme sets up its pipelines (language, removed steps) before the first document.
      if (this.pipeline._stack.indexOf(foldToken) === -1) {
        this.pipeline.add(foldToken);
        this.searchPipeline.add(foldToken);
      }
      return add.call(this, doc, attributes);
    };
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP && !engine) loadEngine();
    if (!engine) return;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: fold(message.data) };
    }
    engine({ data: message });
  });
})();
