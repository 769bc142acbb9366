"""MkDocs hook: self-check questions ("Check your understanding") and the question bank.

Authors write each question as a fenced block of YAML in a chapter (or in a markdown cell
of a lab), in the format of CONTRIBUTING.md, "Self-check questions":

    ```quiz
    objective: 2
    kind: single            # single | multiple | numeric
    question: ...
    options:
      - text: ...
        correct: true
        feedback: ...
    ```

At build time this hook

- parses and checks every question (a malformed one fails the build, naming the page and
  the line), including that its objective exists in the page's learning objectives;
- renders each one where it stands, as a form the reader answers in the page: a fieldset
  with a legend, radio buttons, checkboxes or a text box, a Check button and a live region
  for the feedback. The feedback goes to a small file beside the page
  (``index.quiz.json``), which ``assets/javascripts/quiz.js`` fetches from the site itself
  on the first Check and shows; nothing is sent anywhere;
- in the print edition (``BOOK_PDF=true``) renders the questions without inputs or
  feedback and adds an answer key at the end of the page, before its references;
- writes the whole question bank, one file per page and one for the book, as Moodle XML,
  GIFT and IMS QTI 1.2 (zip packages, as Canvas imports them) under
  ``instructors/question-bank/``, from the same parsed questions; the instructor page
  ``instructors/question-bank.md`` lists them where it says ``<!-- question-bank -->``.

The questions are turned into Markdown with ``md_in_html`` before MkDocs converts the page,
so their text gets everything the page's text gets: links checked and rewritten, formulas
as MathML, acronym and glossary tooltips.
"""

from __future__ import annotations

import html
import io
import json
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import markdown as md_lib
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = "instructors/question-bank"
BANK_PAGE = "instructors/question-bank.md"
BOOK_SLUG = "shared-orbits-all"
KINDS = ("single", "multiple", "numeric")
KEYS = {
    "single": {"objective", "kind", "question", "options", "source"},
    "multiple": {"objective", "kind", "question", "options", "source"},
    "numeric": {"objective", "kind", "question", "answer", "tolerance", "unit", "feedback",
                "common_errors", "source"},
}
REQUIRED = {
    "single": {"objective", "kind", "question", "options"},
    "multiple": {"objective", "kind", "question", "options"},
    "numeric": {"objective", "kind", "question", "answer", "tolerance", "unit", "feedback"},
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The words the reader sees around the questions, by the site's language (theme.language).
# The feedback's own words ("Correct.", "Not quite.") are in assets/javascripts/quiz.js.
STRINGS = {
    "en": {
        "label": "Check your understanding",
        "label_lab": "Try it yourself",
        "single": "choose one",
        "multiple": "choose all that apply",
        "numeric": "enter a number",
        "answer": "Your answer",
        "check": "Check",
        "key": "Answers to the self-check questions",
        "accept": "accept {lo} to {hi}",
        "blank": "Answer: ____________",
    },
    "zh": {
        "label": "检验理解",
        "label_lab": "动手试一试",
        "single": "单选",
        "multiple": "多选（选出所有正确项）",
        "numeric": "填入数值",
        "answer": "你的答案",
        "check": "检查",
        "key": "自测题答案",
        "accept": "可接受范围：{lo} 至 {hi}",
        "blank": "答案：____________",
    },
}


class QuizError(PluginError):
    """A self-check question that the build cannot use."""


# --- the model ------------------------------------------------------------------------------

@dataclass
class Option:
    text: str
    feedback: str
    correct: bool = False


@dataclass
class Question:
    page: str                      # the page's source path, e.g. "domain/orbits-for-everyone.md"
    number: int                    # 1, 2, ... in the order of the page
    line: int                      # line of the opening fence in the page's Markdown
    objective: int
    kind: str
    question: str
    options: list[Option] = field(default_factory=list)
    answer: float | None = None
    tolerance: float | None = None
    unit: str | None = None
    correct_feedback: str = ""
    incorrect_feedback: str = ""
    common_errors: list[tuple[float, str]] = field(default_factory=list)
    source: str | None = None

    @property
    def slug(self) -> str:
        return page_slug(self.page)

    @property
    def id(self) -> str:
        """Stable identifier in the exports: the page and the question's number."""
        return f"{self.slug}-q{self.number}"

    @property
    def anchor(self) -> str:
        return f"check-{self.number}"

    def correct_letters(self) -> list[str]:
        return [LETTERS[i] for i, o in enumerate(self.options) if o.correct]


@dataclass
class Bank:
    """The questions of one page."""
    page: str
    title: str
    objectives: list[str]
    questions: list[Question]

    @property
    def slug(self) -> str:
        return page_slug(self.page)


def page_slug(src_uri: str) -> str:
    """``domain/orbits-for-everyone.md`` -> ``orbits-for-everyone``; ``labs/orbits/index.md`` -> ``lab-orbits``."""
    parts = src_uri.removesuffix(".md").split("/")
    if parts[0] == "labs" and len(parts) >= 2:
        return "lab-" + parts[1]
    if parts[-1] == "index" and len(parts) > 1:
        parts = parts[:-1]
    return re.sub(r"[^a-z0-9]+", "-", parts[-1].lower()).strip("-") or "index"


# --- finding and parsing the blocks ---------------------------------------------------------

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")


@dataclass
class Block:
    start: int        # index of the opening fence line
    end: int          # index of the closing fence line
    indent: str
    source: str       # the YAML, dedented


def find_blocks(markdown: str) -> list[Block]:
    """The ```quiz fences of a page, skipping anything inside another fence."""
    lines = markdown.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group("indent"), m.group("fence"), m.group("info")
        close = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        if info.split()[:1] == ["quiz"] or info.strip() in ("{.quiz}", ".quiz"):
            body = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                    for line in lines[i + 1:j]]
            blocks.append(Block(i, j, indent, "\n".join(body)))
        i = j + 1
    return blocks


def objectives(markdown: str) -> list[str]:
    """A chapter's learning objectives (the bullets of its "Learning objectives" box), or a
    lab's (the numbered list in its Overview)."""
    box = re.search(r'^!!! abstract "(?:Learning objectives|学习目标)"\s*\n((?:[ \t]+.*\n|[ \t]*\n)*)', markdown, re.M)
    if box:
        return [m.strip() for m in re.findall(r"^[ \t]+- (.+)$", box.group(1), re.M)]
    overview = re.search(r"^## Overview\s*$(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    if overview:
        return [m.strip() for m in re.findall(r"^\d+\. (.+)$", overview.group(1), re.M)]
    return []


def _number(value, what: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise QuizError(f"{where}: `{what}` must be a number (write 8664, not 8,664), not {value!r}")
    return float(value)


def _text(value, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise QuizError(f"{where}: `{what}` must be non-empty text")
    return value.strip()


def parse_block(source: str, page: str, number: int, line: int, n_objectives: int | None = None) -> Question:
    """One question from its YAML; raises QuizError saying what is wrong and where."""
    where = f"{page}, self-check question {number} (line {line})"
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        raise QuizError(f"{where}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise QuizError(f"{where}: a question is a YAML mapping (objective, kind, question, ...)")
    kind = data.get("kind")
    if kind not in KINDS:
        raise QuizError(f"{where}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    unknown = set(data) - KEYS[kind]
    if unknown:
        raise QuizError(f"{where}: unknown key(s) for a {kind} question: {', '.join(sorted(unknown))}")
    missing = REQUIRED[kind] - set(data)
    if missing:
        raise QuizError(f"{where}: missing {', '.join(sorted(missing))}")
    objective = data["objective"]
    if isinstance(objective, bool) or not isinstance(objective, int) or objective < 1:
        raise QuizError(f"{where}: `objective` is the number of a learning objective (1 for the first)")
    if n_objectives is not None and objective > n_objectives:
        raise QuizError(f"{where}: objective {objective}, but the page lists {n_objectives} learning objectives")
    q = Question(page=page, number=number, line=line, objective=objective, kind=kind,
                 question=_text(data["question"], "question", where),
                 source=str(data["source"]).strip() if data.get("source") else None)
    if kind in ("single", "multiple"):
        options = data["options"]
        if not isinstance(options, list) or len(options) < 2:
            raise QuizError(f"{where}: `options` must list at least two options")
        for k, opt in enumerate(options, start=1):
            if not isinstance(opt, dict):
                raise QuizError(f"{where}: option {k} must have `text` and `feedback`")
            extra = set(opt) - {"text", "feedback", "correct"}
            if extra:
                raise QuizError(f"{where}: option {k} has unknown key(s) {', '.join(sorted(extra))}")
            correct = opt.get("correct", False)
            if not isinstance(correct, bool):
                raise QuizError(f"{where}: option {k}: `correct` is true or left out")
            q.options.append(Option(text=_text(opt.get("text"), f"option {k} text", where),
                                    feedback=_text(opt.get("feedback"), f"option {k} feedback", where),
                                    correct=correct))
        n_right = sum(o.correct for o in q.options)
        if kind == "single" and n_right != 1:
            raise QuizError(f"{where}: a single-answer question needs exactly one `correct: true` option, not {n_right}")
        if kind == "multiple" and n_right < 1:
            raise QuizError(f"{where}: a multiple-answer question needs at least one `correct: true` option")
    else:
        q.answer = _number(data["answer"], "answer", where)
        q.tolerance = _number(data["tolerance"], "tolerance", where)
        if q.tolerance < 0:
            raise QuizError(f"{where}: `tolerance` cannot be negative")
        q.unit = _text(str(data["unit"]) if data["unit"] is not None else "", "unit", where)
        feedback = data["feedback"]
        if not isinstance(feedback, dict) or set(feedback) != {"correct", "incorrect"}:
            raise QuizError(f"{where}: a numeric question's `feedback` has `correct` and `incorrect`")
        q.correct_feedback = _text(feedback["correct"], "feedback: correct", where)
        q.incorrect_feedback = _text(feedback["incorrect"], "feedback: incorrect", where)
        errors = data.get("common_errors") or []
        if not isinstance(errors, list):
            raise QuizError(f"{where}: `common_errors` is a list of `value` and `feedback`")
        for k, err in enumerate(errors, start=1):
            if not isinstance(err, dict) or set(err) != {"value", "feedback"}:
                raise QuizError(f"{where}: common error {k} needs `value` and `feedback` (and nothing else)")
            value = _number(err["value"], f"common error {k} value", where)
            if abs(value - q.answer) <= q.tolerance:
                raise QuizError(f"{where}: common error {k} ({value:g}) lies within the tolerance of the answer")
            q.common_errors.append((value, _text(err["feedback"], f"common error {k} feedback", where)))
    return q


def parse_page(markdown: str, page: str) -> list[Question]:
    """Every question of a page, in order, checked against the page's learning objectives."""
    blocks = find_blocks(markdown)
    if not blocks:
        return []
    goals = objectives(markdown)
    if not goals:
        raise QuizError(f"{page}: has self-check questions but no learning objectives for them to test "
                        "(a chapter's 'Learning objectives' box, or the numbered list in a lab's Overview)")
    for n, b in enumerate(blocks, start=1):
        if b.indent:
            raise QuizError(f"{page}, self-check question {n} (line {b.start + 1}): a question block starts at "
                            "the beginning of a line, after the box, list or tab it follows, not inside it")
    return [parse_block(b.source, page, n, b.start + 1, len(goals)) for n, b in enumerate(blocks, start=1)]


def page_title(markdown: str, fallback: str) -> str:
    m = re.search(r"^# (.+)$", markdown, re.M)
    return m.group(1).strip() if m else fallback


# --- rendering in the page ------------------------------------------------------------------

def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> list[str]:
    return [_one_line(p) for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def _fmt(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e15 else repr(x)


NO_UNIT = ("none", "-", "1")


def unit_suffix(unit: str | None, style: str = "()") -> str:
    """" (km)" or " km" after a number; nothing for a pure number (``unit: none``)."""
    if not unit or unit.strip().lower() in NO_UNIT:
        return ""
    return f" ({_one_line(unit)})" if style == "()" else f" {_one_line(unit)}"


def render_web(q: Question, s: dict) -> str:
    """The question as Markdown with raw HTML (md_in_html), for the site. The markup is kept
    lean (pages have a weight budget): each input sits in its label, and the feedback
    paragraphs follow in the order of the options (numeric: right, wrong, then the common
    errors, each with its value)."""
    paras = _paragraphs(q.question)
    intro, ask = paras[:-1], paras[-1]
    a = q.anchor
    data = f' data-answer="{_fmt(q.answer)}" data-tolerance="{_fmt(q.tolerance)}"' if q.kind == "numeric" else ""
    out = [f'<form class="quiz" id="{a}" data-kind="{q.kind}"{data} data-feedback="{{FEEDBACK_FILE}}" '
           f'data-search-exclude markdown="1">', "",
           f'<p class="quiz__label">{_attr(s["label"])} {q.number}</p>', ""]
    out += [p + "\n" for p in intro]
    out += ['<fieldset markdown="1">', "",
            f'<legend markdown="span">{ask} <small>({_attr(s[q.kind])})</small></legend>', ""]
    if q.kind in ("single", "multiple"):
        kind = "radio" if q.kind == "single" else "checkbox"
        out += ['<div class="quiz__options" markdown="1">', ""]
        for o in q.options:
            mark = " data-correct" if o.correct else ""
            name = f' name="{a}"' if kind == "radio" else ""  # radios form a group by name; checkboxes need none
            out += [f'<label><input type="{kind}"{name}{mark}> {_one_line(o.text)}</label>', ""]
        out += ["</div>", ""]
        feedback = [("", o.feedback) for o in q.options]
    else:
        out += [f'<p class="quiz__numeric" markdown="span"><label>{_attr(s["answer"])}{unit_suffix(q.unit)} '
                f'<input type="text" name="{a}" inputmode="decimal" autocomplete="off"></label></p>', ""]
        feedback = [("", q.correct_feedback), ("", q.incorrect_feedback)]
        feedback += [(f' data-value="{_fmt(v)}"', f) for v, f in q.common_errors]
    for attrs, text in feedback:
        out += [f'<p class="quiz__fb" hidden{attrs} markdown="span">{_one_line(text)}</p>', ""]
    out += [f'<p><button class="quiz__check">{_attr(s["check"])}</button></p>', "",
            "</fieldset>", "",
            '<div class="quiz__result" aria-live="polite"></div>', "", "</form>"]
    return "\n".join(out)


def render_print(q: Question, s: dict) -> str:
    """The question for the print edition: no inputs, no feedback (that is in the answer key)."""
    out = ['<div class="quiz quiz--print" markdown="1">', "",
           f'<p class="quiz__label" markdown="span">{_attr(s["label"])} {q.number} '
           f'<span class="quiz__hint">({_attr(s[q.kind])})</span></p>', ""]
    out += [p + "\n" for p in _paragraphs(q.question)]
    if q.kind in ("single", "multiple"):
        out += ['<ol class="quiz__options" type="A" markdown="1">', ""]
        out += [f'<li markdown="span">{_one_line(o.text)}</li>' for o in q.options]
        out += ["", "</ol>", ""]
    else:
        out += [f'<p class="quiz__blank" markdown="span">{_attr(s["blank"])}{unit_suffix(q.unit, " ")}</p>', ""]
    out += ["</div>"]
    return "\n".join(out)


def _sentence(text: str) -> str:
    text = _one_line(text)
    return text if text.endswith((".", "?", "!")) else text + "."


def answer_key(questions: list[Question], s: dict) -> str:
    """The page's answer key, for the print edition."""
    out = [f'## {s["key"]} {{ #self-check-answers }}', "", '<div class="quiz-key" markdown="1">', ""]
    for q in questions:
        if q.kind == "numeric":
            lo, hi = q.answer - q.tolerance, q.answer + q.tolerance
            accept = s["accept"].format(lo=_fmt(lo), hi=_fmt(hi))
            out.append(f"**{q.number}.** {_fmt(q.answer)}{unit_suffix(q.unit, ' ')} ({accept}). "
                       f"{_one_line(q.correct_feedback)}")
        else:
            right = [(LETTERS[i], o) for i, o in enumerate(q.options) if o.correct]
            if q.kind == "single":
                letter, o = right[0]
                out.append(f"**{q.number}.** {letter}: {_sentence(o.text)} {_one_line(o.feedback)}")
            else:
                parts = " ".join(f"{letter}: {_one_line(o.feedback)}" for letter, o in right)
                out.append(f"**{q.number}.** {', '.join(l for l, _ in right)}. {parts}")
        out.append("")
    out += ["</div>", ""]
    return "\n".join(out)


def _indent(text: str, indent: str) -> list[str]:
    return [indent + line if line else "" for line in text.split("\n")]


def render_page(markdown: str, page: str, print_edition: bool, s: dict) -> str:
    """The page's Markdown with every question block rendered (and, for print, the key)."""
    questions = parse_page(markdown, page)
    if not questions:
        return markdown
    if page.startswith("labs/"):
        s = {**s, "label": s["label_lab"]}
    lines = markdown.split("\n")
    for block, q in reversed(list(zip(find_blocks(markdown), questions))):
        body = render_print(q, s) if print_edition else render_web(q, s)
        lines[block.start:block.end + 1] = ["", *_indent(body, block.indent), ""]
    if print_edition:
        key = answer_key(questions, s).split("\n")
        refs = next((i for i, line in enumerate(lines)
                     if re.match(r"^## (References|Further reading and references)\s*$", line)), None)
        if refs is None:
            lines += ["", *key]
        else:
            lines[refs:refs] = [*key, ""]
    return "\n".join(lines)


# --- the exports ----------------------------------------------------------------------------

LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


class Exporter:
    """Renders question text to HTML for the learning management systems: Markdown to HTML,
    formulas as \\( \\) for their MathJax filters, links made absolute (or plain text when the
    site's address is unknown)."""

    def __init__(self, site_url: str | None):
        self.site_url = (site_url or "").rstrip("/") + "/" if site_url else None
        self.md = md_lib.Markdown(extensions=["pymdownx.arithmatex", "pymdownx.betterem"],
                                  extension_configs={"pymdownx.arithmatex": {"generic": True}})

    def _link(self, page: str, m: re.Match) -> str:
        text, target = m.group(1), m.group(2)
        if re.match(r"^[a-z]+:", target):
            return m.group(0)
        if not self.site_url:
            return text
        path, _, anchor = target.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if path.endswith(".md"):
            path = path[:-3]
            path = path[:-5] if path == "index" or path.endswith("/index") else path + "/"
        return f"[{text}]({self.site_url}{path.lstrip('/')}{'#' + anchor if anchor else ''})"

    def html(self, text: str, page: str, inline: bool = False) -> str:
        text = LINK.sub(lambda m: self._link(page, m), text.strip())
        self.md.reset()
        out = self.md.convert(text)
        if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            out = out[3:-4]
        return out


def _sub(parent, tag, text=None, **attrs):
    el = ET.SubElement(parent, tag, {k.rstrip("_"): str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _xml(root) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def question_html(q: Question, ex: Exporter) -> str:
    text = ex.html(q.question, q.page)
    if q.kind == "numeric" and unit_suffix(q.unit):
        text += f"<p>(Answer in {html.escape(_one_line(q.unit))}.)</p>"
    return text


def moodle_fractions(q: Question) -> list[float]:
    """Grades of the options in per cent: a right option 100/n_right, a wrong one -100/n_right
    in a multiple-answer question (so ticking everything scores nothing)."""
    if q.kind == "single":
        return [100.0 if o.correct else 0.0 for o in q.options]
    n = sum(o.correct for o in q.options)
    share = round(100 / n, 5)
    return [share if o.correct else -share for o in q.options]


def _fraction(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def moodle_xml(banks: list[Bank], ex: Exporter) -> bytes:
    quiz = ET.Element("quiz")
    for bank in banks:
        category = _sub(quiz, "question", type="category")
        _sub(_sub(category, "category"), "text", f"$course$/top/Shared Orbits/{bank.title}")
        for q in bank.questions:
            qtype = "numerical" if q.kind == "numeric" else "multichoice"
            el = _sub(quiz, "question", type=qtype)
            _sub(_sub(el, "name"), "text", f"{bank.title}: {q.number}")
            _sub(_sub(el, "questiontext", format="html"), "text", question_html(q, ex))
            _sub(_sub(el, "generalfeedback", format="html"), "text", "")
            _sub(el, "defaultgrade", "1")
            _sub(el, "penalty", "0.3333333")
            _sub(el, "hidden", "0")
            _sub(el, "idnumber", q.id)
            if q.kind == "numeric":
                right = _sub(el, "answer", fraction="100", format="moodle_auto_format")
                _sub(right, "text", _fmt(q.answer))
                _sub(right, "tolerance", _fmt(q.tolerance))
                _sub(_sub(right, "feedback", format="html"), "text", ex.html(q.correct_feedback, q.page))
                for value, feedback in q.common_errors:
                    err = _sub(el, "answer", fraction="0", format="moodle_auto_format")
                    _sub(err, "text", _fmt(value))
                    _sub(err, "tolerance", _fmt(q.tolerance))
                    _sub(_sub(err, "feedback", format="html"), "text", ex.html(feedback, q.page))
                other = _sub(el, "answer", fraction="0", format="moodle_auto_format")
                _sub(other, "text", "*")
                _sub(other, "tolerance", "0")
                _sub(_sub(other, "feedback", format="html"), "text", ex.html(q.incorrect_feedback, q.page))
                units = _sub(el, "units")
                unit = _sub(units, "unit")
                _sub(unit, "multiplier", "1")
                _sub(unit, "unit_name", unit_suffix(q.unit, " ").strip())
                _sub(el, "unitgradingtype", "0")
                _sub(el, "unitpenalty", "0")
                _sub(el, "showunits", "3")
                _sub(el, "unitsleft", "0")
            else:
                _sub(el, "single", "true" if q.kind == "single" else "false")
                _sub(el, "shuffleanswers", "true")
                _sub(el, "answernumbering", "ABCD")
                for o, fraction in zip(q.options, moodle_fractions(q)):
                    ans = _sub(el, "answer", fraction=_fraction(fraction), format="html")
                    _sub(ans, "text", ex.html(o.text, q.page, inline=True))
                    _sub(_sub(ans, "feedback", format="html"), "text", ex.html(o.feedback, q.page))
            tags = _sub(el, "tags")
            _sub(_sub(tags, "tag"), "text", f"objective-{q.objective}")
    return _xml(quiz)


GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    return GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def gift(banks: list[Bank], ex: Exporter) -> str:
    out = ["// Shared Orbits: self-check questions, in Moodle's GIFT format.",
           "// Import in Moodle: Question bank > Import > GIFT format.", ""]
    for bank in banks:
        out += [f"$CATEGORY: $course$/top/Shared Orbits/{bank.title}", ""]
        for q in bank.questions:
            head = f"// {q.id}, objective {q.objective}\n::{gift_escape(f'{bank.title}: {q.number}')}::" \
                   f"[html]{gift_escape(question_html(q, ex))}"
            if q.kind == "numeric":
                answers = [f"\t={_fmt(q.answer)}:{_fmt(q.tolerance)}#{gift_escape(ex.html(q.correct_feedback, q.page))}"]
                answers += [f"\t=%0%{_fmt(v)}:{_fmt(q.tolerance)}#{gift_escape(ex.html(f, q.page))}"
                            for v, f in q.common_errors]
                body = "{#\n" + "\n".join(answers) + "\n\t####" + gift_escape(ex.html(q.incorrect_feedback, q.page)) + "\n}"
            else:
                answers = []
                for o, fraction in zip(q.options, moodle_fractions(q)):
                    text = gift_escape(ex.html(o.text, q.page, inline=True))
                    fb = gift_escape(ex.html(o.feedback, q.page))
                    if q.kind == "single":
                        answers.append(f"\t{'=' if o.correct else '~'}{text}#{fb}")
                    else:
                        answers.append(f"\t~%{_fraction(fraction)}%{text}#{fb}")
                body = "{\n" + "\n".join(answers) + "\n}"
            out += [head + body, ""]
    return "\n".join(out)


QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _mattext(parent, text: str):
    _sub(_sub(parent, "material"), "mattext", text, texttype="text/html")


def _feedback(item, ident: str, text: str):
    fb = _sub(item, "itemfeedback", ident=ident)
    _mattext(_sub(fb, "flow_mat"), text)


def _metadata(parent, fields: dict):
    md = _sub(parent, "qtimetadata")
    for label, entry in fields.items():
        f = _sub(md, "qtimetadatafield")
        _sub(f, "fieldlabel", label)
        _sub(f, "fieldentry", entry)


def _condition(parent, cont: bool, score: str | None, feedback: str | None):
    rc = _sub(parent, "respcondition", **{"continue": "Yes" if cont else "No"})
    cv = _sub(rc, "conditionvar")
    if score is not None:
        _sub(rc, "setvar", score, action="Set", varname="SCORE")
    if feedback is not None:
        _sub(rc, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
    return cv


def qti_assessment(bank: Bank, ex: Exporter) -> bytes:
    """One IMS QTI 1.2 assessment for one page, with the question types and metadata Canvas reads."""
    root = ET.Element("questestinterop", {"xmlns": QTI_NS, "xmlns:xsi": XSI,
                                          "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}"})
    assessment = _sub(root, "assessment", ident=bank.slug, title=bank.title)
    section = _sub(assessment, "section", ident="root_section")
    for q in bank.questions:
        item = _sub(section, "item", ident=q.id, title=f"{bank.title}: {q.number}")
        meta = _sub(item, "itemmetadata")
        pres = _sub(item, "presentation")
        _mattext(pres, question_html(q, ex))
        proc = _sub(item, "resprocessing")
        _sub(_sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
        if q.kind == "numeric":
            _metadata(meta, {"question_type": "numerical_question", "points_possible": "1",
                             "original_answer_ids": "", "assessment_question_identifierref": q.id + "-ref"})
            resp = _sub(pres, "response_str", ident="response1", rcardinality="Single")
            _sub(_sub(resp, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
            cv = _condition(proc, False, "100", "correct_fb")
            _sub(cv, "vargte", _fmt(q.answer - q.tolerance), respident="response1")
            _sub(cv, "varlte", _fmt(q.answer + q.tolerance), respident="response1")
            for k, (value, _) in enumerate(q.common_errors, start=1):
                cv = _condition(proc, False, None, f"error{k}_fb")
                _sub(cv, "vargte", _fmt(value - q.tolerance), respident="response1")
                _sub(cv, "varlte", _fmt(value + q.tolerance), respident="response1")
            _sub(_condition(proc, False, None, "general_incorrect_fb"), "other")
            _feedback(item, "correct_fb", ex.html(q.correct_feedback, q.page))
            for k, (_, feedback) in enumerate(q.common_errors, start=1):
                _feedback(item, f"error{k}_fb", ex.html(feedback, q.page))
            _feedback(item, "general_incorrect_fb", ex.html(q.incorrect_feedback, q.page))
            continue
        idents = [f"{q.id}-{LETTERS[i].lower()}" for i in range(len(q.options))]
        qtype = "multiple_choice_question" if q.kind == "single" else "multiple_answers_question"
        _metadata(meta, {"question_type": qtype, "points_possible": "1",
                         "original_answer_ids": ",".join(idents), "assessment_question_identifierref": q.id + "-ref"})
        resp = _sub(pres, "response_lid", ident="response1",
                    rcardinality="Single" if q.kind == "single" else "Multiple")
        choice = _sub(resp, "render_choice")
        for ident, o in zip(idents, q.options):
            _mattext(_sub(choice, "response_label", ident=ident), ex.html(o.text, q.page, inline=True))
        for ident in idents:
            _sub(_condition(proc, True, None, f"{ident}_fb"), "varequal", ident, respident="response1")
        if q.kind == "single":
            right = next(i for i, o in zip(idents, q.options) if o.correct)
            _sub(_condition(proc, False, "100", None), "varequal", right, respident="response1")
        else:
            both = _sub(_condition(proc, False, "100", None), "and")
            for ident, o in zip(idents, q.options):
                if o.correct:
                    _sub(both, "varequal", ident, respident="response1")
                else:
                    _sub(_sub(both, "not"), "varequal", ident, respident="response1")
        for ident, o in zip(idents, q.options):
            _feedback(item, f"{ident}_fb", ex.html(o.feedback, q.page))
    return _xml(root)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():  # fixed dates: the same questions give the same bytes
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, body)
    return buffer.getvalue()


def qti_package(banks: list[Bank], ex: Exporter, name: str) -> bytes:
    """An IMS content package (zip): imsmanifest.xml and one QTI 1.2 assessment per page."""
    manifest = ET.Element("manifest", {"identifier": f"{name}-manifest", "xmlns": CP_NS})
    meta = _sub(manifest, "metadata")
    _sub(meta, "schema", "IMS Content")
    _sub(meta, "schemaversion", "1.1.3")
    _sub(manifest, "organizations")
    resources = _sub(manifest, "resources")
    files = {}
    for bank in banks:
        path = f"{bank.slug}/{bank.slug}.xml"
        files[path] = qti_assessment(bank, ex)
        res = _sub(resources, "resource", identifier=bank.slug, type="imsqti_xmlv1p2")
        _sub(res, "file", href=path)
    return _zip({"imsmanifest.xml": _xml(manifest), **files})


def export_files(banks: list[Bank], ex: Exporter) -> dict[str, bytes]:
    """Every export, by its path under the site: one file per page and one for the book, per format."""
    out = {}
    with_questions = [b for b in banks if b.questions]
    for slug, group in [(b.slug, [b]) for b in with_questions] + [(BOOK_SLUG, with_questions)]:
        out[f"{BANK_DIR}/moodle/{slug}.xml"] = moodle_xml(group, ex)
        out[f"{BANK_DIR}/gift/{slug}.gift.txt"] = gift(group, ex).encode("utf-8")
        out[f"{BANK_DIR}/qti/{slug}.zip"] = qti_package(group, ex, slug)
    return out


def bank_table(banks: list[Bank]) -> str:
    """The list of downloads on the instructor page (links relative to it)."""
    with_questions = [b for b in banks if b.questions]
    if not with_questions:
        return "*No page has self-check questions yet.*"
    base = "question-bank"
    lines = ["| page | questions | Moodle XML | GIFT | QTI 1.2 (Canvas and others) |", "| --- | --- | --- | --- | --- |"]
    for b in with_questions:
        lines.append(f"| [{b.title}](../{b.page}) | {len(b.questions)} | [{b.slug}.xml]({base}/moodle/{b.slug}.xml) "
                     f"| [{b.slug}.gift.txt]({base}/gift/{b.slug}.gift.txt) | [{b.slug}.zip]({base}/qti/{b.slug}.zip) |")
    total = sum(len(b.questions) for b in with_questions)
    lines.append(f"| **The whole book** | **{total}** | [{BOOK_SLUG}.xml]({base}/moodle/{BOOK_SLUG}.xml) "
                 f"| [{BOOK_SLUG}.gift.txt]({base}/gift/{BOOK_SLUG}.gift.txt) | [{BOOK_SLUG}.zip]({base}/qti/{BOOK_SLUG}.zip) |")
    return "\n".join(lines)


# --- the hook -------------------------------------------------------------------------------

_BANKS: list[Bank] = []


def _strings(config) -> dict:
    language = str(config.theme.get("language") or "en") if hasattr(config, "theme") else "en"
    return STRINGS.get(language, STRINGS["en"])


def print_edition() -> bool:
    return os.environ.get("BOOK_PDF", "").lower() in ("1", "true", "yes")


def _nav_order(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_order(item)]
    if isinstance(node, dict):
        return [f for value in node.values() for f in _nav_order(value)]
    return []


def _page_source(file) -> str:
    if getattr(file, "generated_by", None) or not file.abs_src_path:
        return file.content_string
    return Path(file.abs_src_path).read_text(encoding="utf-8")


def collect(files, config) -> list[Bank]:
    """The question bank: every page's questions, in the order of the nav."""
    order = {path: i for i, path in enumerate(_nav_order(config.nav or []))}
    pages = sorted(files.documentation_pages(), key=lambda f: (order.get(f.src_uri, len(order)), f.src_uri))
    banks = []
    for file in pages:
        text = _page_source(file)
        if "quiz" not in text:
            continue
        questions = parse_page(text, file.src_uri)
        if questions:
            banks.append(Bank(file.src_uri, page_title(text, file.src_uri), objectives(text), questions))
    return banks


def on_files(files, config):
    _BANKS[:] = collect(files, config)
    exporter = Exporter(config.site_url)
    for path, body in export_files(_BANKS, exporter).items():
        files.append(File.generated(config, path, content=body))
    return files


FORM = re.compile(r'<form class="quiz"[^>]*>.*?</form>', re.S)
FORM_ID = re.compile(r'\bid="([^"]+)"')
FEEDBACK = re.compile(r'<p class="quiz__fb"([^>]*)>(.*?)</p>\n?', re.S)
VALUE = re.compile(r'data-value="([^"]*)"')
ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')
_FEEDBACK: dict[str, dict] = {}


def feedback_file(dest_uri: str) -> str:
    """Where a page's feedback goes, beside it: ``debris/x/index.html`` -> ``debris/x/index.quiz.json``."""
    return dest_uri.removesuffix(".html") + ".quiz.json"


def split_feedback(page_html: str) -> tuple[str, dict]:
    """Take the feedback out of the page's forms: {form id: [[html, value or None], ...]},
    in the order of the options (numeric: right, wrong, then the common errors)."""
    store: dict[str, list] = {}

    def form(m: re.Match) -> str:
        items = []

        def take(f: re.Match) -> str:
            value = VALUE.search(f.group(1))
            # acronym tooltips would only add weight to the file: the feedback is shown in full text
            items.append([ABBR.sub(r"\1", f.group(2)).strip(), float(value.group(1)) if value else None])
            return ""

        body = FEEDBACK.sub(take, m.group(0))
        store[FORM_ID.search(m.group(0)).group(1)] = items
        return body

    return FORM.sub(form, page_html), store


def on_page_content(page_html, page, config, files):
    """The feedback leaves the page for a small file beside it, which the script fetches on
    the first Check: the page stays light and holds no answer in its text."""
    if 'class="quiz__fb"' not in page_html:
        return page_html
    name = posixpath.basename(feedback_file(page.file.dest_uri))
    page_html, store = split_feedback(page_html.replace("{FEEDBACK_FILE}", name))
    _FEEDBACK[page.file.dest_uri] = store
    return page_html


def on_post_page(output, page, config):
    store = _FEEDBACK.pop(page.file.dest_uri, None)
    if store:
        path = Path(config.site_dir) / feedback_file(page.file.dest_uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(store, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    return output


def on_page_markdown(markdown, page, config, files):
    s = _strings(config)
    if page.file.src_uri == BANK_PAGE and "<!-- question-bank -->" in markdown:
        markdown = markdown.replace("<!-- question-bank -->", bank_table(_BANKS))
    if "quiz" in markdown:
        markdown = render_page(markdown, page.file.src_uri, print_edition(), s)
    return markdown
