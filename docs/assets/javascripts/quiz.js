/* Shared Orbits: self-check questions ("Check your understanding").
   Each question is a <form class="quiz"> written at build time by hooks/quiz.py. Whether an
   answer is right is marked on the inputs; the feedback is in a small file beside the page
   (data-feedback), fetched from this site on the first Check. Nothing is sent anywhere and
   nothing is stored. */
(function () {
  "use strict";

  /* The words of the verdict, by the page's language (<html lang>). */
  var WORDS = {
    en: {
      right: "Correct.",
      wrong: "Not quite.",
      empty: "Choose an answer first.",
      nan: "Enter a number, such as 92.7.",
      missing: "At least one right option is not chosen yet."
    },
    zh: {
      right: "正确。",
      wrong: "不完全正确。",
      empty: "请先选择答案。",
      nan: "请输入一个数值，例如 92.7。",
      missing: "还有正确选项没有选上。"
    }
  };
  var words = WORDS[(document.documentElement.lang || "en").slice(0, 2)] || WORDS.en;
  var files = {};

  /* The question's feedback: [[html, value], ...] in the order of its options
     (numeric: right, wrong, then the common errors with their values). */
  function feedback(form) {
    var url = new URL(form.dataset.feedback, document.baseURI).href;
    if (!files[url]) {
      files[url] = fetch(url)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return files[url].then(function (all) { return all[form.id] || []; });
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
    blocks.forEach(function (html) {
      var text = document.createElement("p");
      text.className = "quiz__feedback";
      text.innerHTML = html;  /* written by the book's build, read from the book's own site */
      result.appendChild(text);
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
    feedback(form).then(function (items) {
      show(form, right, message, chosen.map(function (i) {
        var item = items[inputs.indexOf(i)];
        return item ? item[0] : null;
      }).filter(Boolean));
    });
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
    var right = Math.abs(value - answer) <= tolerance + slack;
    feedback(form).then(function (items) {
      var item = right ? items[0] : items.slice(2).filter(function (e) {
        return Math.abs(value - e[1]) <= tolerance + slack;
      })[0] || items[1];
      show(form, right, right ? words.right : words.wrong, item ? [item[0]] : []);
    });
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
