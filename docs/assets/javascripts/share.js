/* Share kit: "copy the link" copies the page's address (the one its QR code holds).
   The button is shown only where this script runs; without it, the address stays in a
   read-only field to select. No inline script or style: the site's CSP forbids them. */
(function () {
  "use strict";

  var button = document.querySelector("[data-share-copy]");
  var field = document.getElementById("share-kit-url");
  var status = document.querySelector("[data-share-status]");
  if (!button || !field || !status) return;
  button.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  function copyBySelection() {
    // Older browsers, or a page not served over HTTPS: the field's text is copied instead.
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  button.addEventListener("click", function () {
    var url = field.value;
    say("");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { say(button.getAttribute("data-copied")); },
        function () { say(button.getAttribute(copyBySelection() ? "data-copied" : "data-failed")); }
      );
    } else {
      say(button.getAttribute(copyBySelection() ? "data-copied" : "data-failed"));
    }
  });

  field.addEventListener("focus", function () { field.select(); });
})();
