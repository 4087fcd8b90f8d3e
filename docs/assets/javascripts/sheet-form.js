/* Exercise sheets. Answers stay in the page; they are kept on this device only if the
   reader ticks "keep my answers" (browser storage). Leaving the page with answers that
   are not kept asks first. Print is the main action; a filled PDF can be saved, made in
   the browser by pdf-lib (self-hosted, loaded only when asked for). Erasing asks first.
   Nothing is ever sent anywhere. No inline script or style: the site's CSP forbids them.
   Also writes link targets out when a page is printed. */
(function () {
  "use strict";

  var script = document.currentScript;

  // Print: write out where each link in the content leads.
  document.querySelectorAll(".md-content a[href]").forEach(function (a) {
    if (!a.classList.contains("headerlink")) a.setAttribute("data-print-href", a.href);
  });

  var form = document.querySelector("[data-sheet-form]");
  var tools = document.querySelector("[data-sheet-tools]");
  if (!form || !tools) return;
  tools.hidden = false;
  var eraseBox = document.querySelector("[data-sheet-erase]");
  if (eraseBox) eraseBox.hidden = false;

  var lang = document.documentElement.lang || "fr";
  var key = "alliance-sheet:" + form.id + ":" + lang;
  var keep = tools.querySelector("[data-keep]");
  var status = tools.querySelector("[data-status]");
  var words = JSON.parse(tools.getAttribute("data-words") || "{}");

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function collect() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "radio") { if (el.checked) data[el.name] = el.value; }
      else if (el.type === "checkbox") { data[el.name] = el.checked; }
      else { data[el.name] = el.value; }
    });
    return data;
  }

  function hasAnswers() {
    return Array.prototype.some.call(form.elements, function (el) {
      if (!el.name) return false;
      if (el.type === "radio" || el.type === "checkbox") return el.checked;
      return el.value.trim() !== "";
    });
  }

  // The print copy of each text answer: printed whole, never clipped to its box.
  function mirror() {
    form.querySelectorAll("[data-answer-for]").forEach(function (div) {
      var el = document.getElementById(div.getAttribute("data-answer-for"));
      div.textContent = el ? el.value : "";
      div.classList.toggle("print-answer--empty", !el || el.value.trim() === "");
    });
  }

  function restore(data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data)) return;
      if (el.type === "radio") el.checked = data[el.name] === el.value;
      else if (el.type === "checkbox") el.checked = data[el.name] === true;
      else el.value = data[el.name];
    });
    mirror();
  }

  function save() {
    var s = storage();
    if (s && keep.checked) s.setItem(key, JSON.stringify(collect()));
  }

  function say(text) { status.textContent = text; }

  var store = storage();
  var saved = store && store.getItem(key);
  if (saved) {
    keep.checked = true;
    try { restore(JSON.parse(saved)); } catch (e) { store.removeItem(key); }
  } else {
    keep.checked = false;
    form.reset(); // the browser must not bring back answers the reader did not keep
    mirror();
  }

  form.addEventListener("input", function () { mirror(); save(); });
  form.addEventListener("change", function () { mirror(); save(); });
  keep.addEventListener("change", function () {
    var s = storage();
    if (!s) return;
    if (keep.checked) save(); else s.removeItem(key);
  });

  // Leaving with answers that are not kept: the browser asks first.
  window.addEventListener("beforeunload", function (event) {
    if (keep.checked || !hasAnswers()) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Erase: a secondary action, apart from the others, behind a confirmation.
  if (eraseBox) {
    var ask = eraseBox.querySelector("[data-erase]");
    var confirmBox = eraseBox.querySelector("[data-erase-confirm]");
    var close = function () {
      confirmBox.hidden = true;
      ask.setAttribute("aria-expanded", "false");
    };
    ask.addEventListener("click", function () {
      confirmBox.hidden = false;
      ask.setAttribute("aria-expanded", "true");
      eraseBox.querySelector("[data-erase-no]").focus();
    });
    eraseBox.querySelector("[data-erase-no]").addEventListener("click", function () {
      close();
      ask.focus();
    });
    eraseBox.querySelector("[data-erase-yes]").addEventListener("click", function () {
      var s = storage();
      if (s) s.removeItem(key);
      keep.checked = false;
      form.reset();
      mirror();
      close();
      say(status.getAttribute("data-erased"));
      ask.focus();
    });
  }

  tools.querySelector("[data-print]").addEventListener("click", function () {
    mirror();
    window.print();
  });
  window.addEventListener("beforeprint", mirror);

  // ------------------------------------------------ "Save as filled PDF", in the browser

  function loadPdfLib() {
    if (window.PDFLib) return Promise.resolve(window.PDFLib);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = script.src.replace(/sheet-form\.js(\?.*)?$/, "vendor/pdf-lib.min.js");
      tag.onload = function () { resolve(window.PDFLib); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  // What the reader wrote, field by field, as [label, answer] pairs.
  function answers() {
    var out = [];
    form.querySelectorAll(".field").forEach(function (field) {
      var table = field.querySelector("table");
      if (table) {
        var heads = Array.prototype.map.call(table.querySelectorAll("th"), text);
        table.querySelectorAll("tbody tr").forEach(function (tr, r) {
          var cells = Array.prototype.map.call(tr.querySelectorAll("textarea"), function (t, c) {
            return [heads[c], t.value];
          }).filter(function (pair) { return pair[1].trim() !== ""; });
          if (cells.length) {
            out.push({ heading: text(table.querySelector("caption")) + " — " + words.row + " " + (r + 1) });
            cells.forEach(function (pair) { out.push({ label: pair[0], answer: pair[1] }); });
          }
        });
        return;
      }
      var legend = field.querySelector("legend");
      if (field.classList.contains("field--scale")) {
        var picked = field.querySelector("input:checked");
        var ends = Array.prototype.map.call(field.querySelectorAll(".scale-end"), text).join(", ");
        out.push({ label: text(legend), answer: picked ? picked.value + " / 10 (" + ends + ")" : "" });
      } else if (field.classList.contains("field--checkboxes")) {
        var ticked = Array.prototype.filter.call(field.querySelectorAll("input"), function (i) {
          return i.checked;
        }).map(function (i) { return "[x] " + text(field.querySelector('label[for="' + i.id + '"]')); });
        out.push({ label: text(legend), answer: ticked.join("\n") });
      } else {
        var input = field.querySelector("input, textarea");
        out.push({ label: text(field.querySelector("label")), answer: input ? input.value : "" });
      }
    });
    return out;
  }

  function makePdf(PDFLib) {
    return PDFLib.PDFDocument.create().then(function (doc) {
      return Promise.all([doc.embedFont(PDFLib.StandardFonts.Helvetica),
                          doc.embedFont(PDFLib.StandardFonts.HelveticaBold)]).then(function (fonts) {
        var regular = fonts[0], bold = fonts[1];
        var known = {};
        regular.getCharacterSet().forEach(function (c) { known[c] = true; });
        var clean = function (s) {
          return Array.from(s.replace(/[\u202f\u2009]/g, "\u00a0")).map(function (ch) {
            return known[ch.codePointAt(0)] || ch === "\n" ? ch : "?";
          }).join("");
        };
        var title = text(document.querySelector(".md-content h1"));
        doc.setTitle(title + " — Alliance");
        doc.setLanguage(lang);
        doc.setProducer("Alliance (pdf-lib, in the browser)");
        // US Letter where the reader's browser says North America (Québec included), else A4
        var region = String(navigator.language || "").split("-")[1] || "";
        var letter = /^(US|CA|MX)$/i.test(region);
        var W = letter ? 612 : 595.28, H = letter ? 792 : 841.89, M = 50, width = W - 2 * M;
        var page = doc.addPage([W, H]);
        var y = H - M;
        var ink = PDFLib.rgb(0.1, 0.1, 0.1), navy = PDFLib.rgb(0.14, 0.19, 0.37);
        var lines = function (s, font, size) {
          var out = [];
          clean(s).split("\n").forEach(function (para) {
            var line = "";
            para.split(/ +/).forEach(function (word) {
              var tryLine = line ? line + " " + word : word;
              if (font.widthOfTextAtSize(tryLine, size) <= width || !line) line = tryLine;
              else { out.push(line); line = word; }
              while (font.widthOfTextAtSize(line, size) > width) { // a very long word
                var cut = line.length - 1;
                while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
                out.push(line.slice(0, cut));
                line = line.slice(cut);
              }
            });
            out.push(line);
          });
          return out;
        };
        var write = function (s, font, size, color, after) {
          lines(s, font, size).forEach(function (line) {
            if (y - size < M) { page = doc.addPage([W, H]); y = H - M; }
            page.drawText(line, { x: M, y: y - size, size: size, font: font, color: color });
            y -= size * 1.35;
          });
          y -= after || 0;
        };
        write("Alliance · " + words.sheet, regular, 9, navy, 2);
        write(title, bold, 18, navy, 6);
        if (document.querySelector("[data-reflection-aid]")) write(words.not_a_test, regular, 9, ink, 6);
        var now = new Date();
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        write(words.filled_on + " " + two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" +
              now.getFullYear(), regular, 9, ink, 8);
        answers().forEach(function (item) {
          if (item.heading) { write(item.heading, bold, 12, navy, 2); return; }
          write(item.label, bold, 11, ink, 1);
          write(item.answer.trim() || words.no_answer, regular, 11, ink, 8);
        });
        y -= 6;
        write(words.privacy_pdf, regular, 8, ink, 2);
        write(words.online + " " + location.href.split("#")[0], regular, 8, ink, 0);
        return doc.save();
      });
    });
  }

  tools.querySelector("[data-save-pdf]").addEventListener("click", function () {
    say(status.getAttribute("data-saving"));
    loadPdfLib().then(makePdf).then(function (bytes) {
      var blob = new Blob([bytes], { type: "application/pdf" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = tools.getAttribute("data-sheet-id") + "." + lang + ".filled.pdf";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      say(status.getAttribute("data-saved"));
    }).catch(function () { say(status.getAttribute("data-failed")); });
  });
})();
