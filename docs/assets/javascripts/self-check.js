/* Self-checks of the trainee path: the reader picks an answer to each question, then
   asks to check. Right or not, each question says so in words (not by colour alone) and
   shows its explanation; the score is announced in a live region. Everything happens in
   the page: nothing is stored (no storage, no cookie) and nothing is sent. Without this
   script the questions and their explanations stay readable. No inline script or style:
   the site's CSP forbids them. */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function setup(box) {
    var words = JSON.parse(box.getAttribute("data-words") || "{}");
    var questions = box.querySelectorAll("[data-question]");
    var actions = box.querySelector("[data-actions]");
    var result = box.querySelector("[data-result]");
    if (!actions || !result || !questions.length) return;

    function announce(text) {
      // emptied first, so that the same message twice is announced twice
      result.textContent = "";
      window.setTimeout(function () { result.textContent = text; }, 50);
    }

    function clear(question) {
      var feedback = question.querySelector("[data-feedback]");
      var explanation = question.querySelector("[data-explanation]");
      feedback.textContent = "";
      feedback.className = "self-check__feedback";
      explanation.hidden = true;
      question.removeAttribute("aria-describedby");
    }

    function check() {
      var right = 0;
      each(questions, function (question) {
        var chosen = question.querySelector("input[type=radio]:checked");
        var feedback = question.querySelector("[data-feedback]");
        var explanation = question.querySelector("[data-explanation]");
        clear(question);
        if (!chosen) {
          feedback.textContent = words.missing;
          feedback.classList.add("self-check__feedback--missing");
          question.setAttribute("aria-describedby", feedback.id);
          return;
        }
        var ok = chosen.hasAttribute("data-correct");
        if (ok) right += 1;
        feedback.textContent = ok ? words.right : words.wrong;
        feedback.classList.add(ok ? "self-check__feedback--right" : "self-check__feedback--wrong");
        explanation.hidden = false;
        question.setAttribute("aria-describedby", feedback.id + " " + explanation.id);
      });
      var one = right === 1 || (right === 0 && words.zero_is_one);
      announce(String(one ? words.score_one : words.score)
        .replace("{right}", right).replace("{total}", questions.length));
    }

    function reset() {
      each(questions, function (question) {
        each(question.querySelectorAll("input[type=radio]"), function (input) { input.checked = false; });
        clear(question);
      });
      announce(words.cleared);
      var first = box.querySelector("input[type=radio]");
      if (first) first.focus();
    }

    each(questions, function (question) {
      clear(question);
      // a changed answer is no longer checked: its old verdict goes
      question.addEventListener("change", function () { clear(question); });
    });
    actions.querySelector("[data-check]").addEventListener("click", check);
    actions.querySelector("[data-reset]").addEventListener("click", reset);
    actions.hidden = false;
  }

  each(document.querySelectorAll("[data-self-check]"), setup);
})();
