/* Shared Orbits: self-check questions ("Check your understanding").
   Each question is a <form class="quiz"> written at build time by hooks/quiz.py. On Check,
   this script shows the feedback the page already holds (hidden until then) in the
   question's live region. Nothing is sent anywhere and nothing is stored. */
(function () {
  "use strict";

  /* The words of the feedback, by the page's language (<html lang>). */
  var WORDS = {
    en: {
      right: "Correct.",
      wrong: "Not quite.",
      empty: "Choose an answer first.",
      nan: "Enter a number, such as 92.7.",
      missing: "At least one right option is not chosen yet."
    }
  };
  var words = WORDS[(document.documentElement.lang || "en").slice(0, 2)] || WORDS.en;

  /* The hidden feedback paragraphs, in the order of the options (numeric: right, wrong, errors). */
  function feedback(form) {
    return Array.prototype.slice.call(form.querySelectorAll(".quiz__fb"));
  }

  function show(form, right, message, blocks) {
    var result = form.querySelector(".quiz__result");
    result.textContent = "";
    result.classList.remove("quiz__result--right", "quiz__result--wrong");
    if (right !== null) {
      result.classList.add(right ? "quiz__result--right" : "quiz__result--wrong");
    }
    var verdict = document.createElement("p");
    verdict.className = "quiz__verdict";
    verdict.textContent = message;
    result.appendChild(verdict);
    blocks.forEach(function (block) {
      var copy = document.createElement("p");
      copy.className = "quiz__feedback";
      Array.prototype.forEach.call(block.childNodes, function (node) {
        copy.appendChild(node.cloneNode(true));
      });
      result.appendChild(copy);
    });
  }

  /* "92.7", "92,7", "1,234.5", "1 234", "−3" (minus sign) all read as numbers. */
  function readNumber(text) {
    var t = text.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
      t = t.replace(/,/g, "");
    } else if (/^-?\d*,\d+$/.test(t)) {
      t = t.replace(",", ".");
    }
    if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) {
      return NaN;
    }
    return parseFloat(t);
  }

  function checkChoice(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=radio], input[type=checkbox]"));
    var chosen = inputs.filter(function (i) { return i.checked; });
    if (!chosen.length) {
      show(form, null, words.empty, []);
      return;
    }
    var wrongChosen = chosen.some(function (i) { return !i.hasAttribute("data-correct"); });
    var missed = inputs.some(function (i) { return i.hasAttribute("data-correct") && !i.checked; });
    var right = !wrongChosen && !missed;
    var message = right ? words.right : words.wrong;
    if (!right && !wrongChosen && missed) {
      message += " " + words.missing;
    }
    var blocks = feedback(form);
    show(form, right, message, chosen.map(function (i) { return blocks[inputs.indexOf(i)]; }).filter(Boolean));
  }

  function checkNumber(form) {
    var value = readNumber(form.querySelector("input[type=text]").value);
    if (isNaN(value)) {
      show(form, null, words.nan, []);
      return;
    }
    var answer = parseFloat(form.dataset.answer);
    var tolerance = parseFloat(form.dataset.tolerance);
    var slack = 1e-9 * Math.max(1, Math.abs(answer));
    var blocks = feedback(form);
    if (Math.abs(value - answer) <= tolerance + slack) {
      show(form, true, words.right, [blocks[0]]);
      return;
    }
    var known = blocks.slice(2).filter(function (e) {
      return Math.abs(value - parseFloat(e.dataset.value)) <= tolerance + slack;
    })[0];
    show(form, false, words.wrong, [known || blocks[1]]);
  }

  function setUp(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.dataset.kind === "numeric") {
        checkNumber(form);
      } else {
        checkChoice(form);
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.quiz"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
