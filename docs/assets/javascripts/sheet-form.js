/* Exercise sheets: answers stay in the page and are forgotten on leaving, unless the
   reader ticks "keep my answers on this device" (browser storage only). Nothing is
   ever sent anywhere. Also writes link targets out when a page is printed. */
(function () {
  "use strict";

  // Print: write out where each link in the content leads.
  document.querySelectorAll(".md-content a[href]").forEach(function (a) {
    if (!a.classList.contains("headerlink")) a.setAttribute("data-print-href", a.href);
  });

  var form = document.querySelector("[data-sheet-form]");
  var tools = document.querySelector("[data-sheet-tools]");
  if (!form || !tools) return;
  tools.hidden = false;

  var key = "alliance-sheet:" + form.id + ":" + document.documentElement.lang;
  var keep = tools.querySelector("[data-keep]");

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

  function restore(data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data)) return;
      if (el.type === "radio") el.checked = data[el.name] === el.value;
      else if (el.type === "checkbox") el.checked = data[el.name] === true;
      else el.value = data[el.name];
    });
  }

  function save() {
    var s = storage();
    if (s && keep.checked) s.setItem(key, JSON.stringify(collect()));
  }

  var store = storage();
  var saved = store && store.getItem(key);
  if (saved) {
    keep.checked = true;
    try { restore(JSON.parse(saved)); } catch (e) { store.removeItem(key); }
  } else {
    keep.checked = false;
    form.reset(); // the browser must not bring back answers the reader did not keep
  }

  form.addEventListener("input", save);
  form.addEventListener("change", save);
  keep.addEventListener("change", function () {
    var s = storage();
    if (!s) return;
    if (keep.checked) save(); else s.removeItem(key);
  });
  tools.querySelector("[data-erase]").addEventListener("click", function () {
    var s = storage();
    if (s) s.removeItem(key);
    keep.checked = false;
    form.reset();
  });
  tools.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
})();
