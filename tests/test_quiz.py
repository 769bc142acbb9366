"""Self-check questions (CONTRIBUTING.md, "Self-check questions") and the question bank.

- The parser accepts the format and refuses each kind of mistake with a clear message.
- Every chapter's and lab's questions are complete: feedback on every option, an objective
  that exists, a right answer, numeric answers with tolerance and unit, traced to their
  worked example; each chapter has 6 to 10 of them.
- On a small site built around fixture pages: the questions render as forms whose answers
  are not in the visible text or the search index; the print edition shows them without
  feedback and adds an answer key; the Moodle XML, GIFT and QTI 1.2 exports parse and hold
  the same questions as the pages.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

import quizsite
from test_chapters import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURE_PAGE = quizsite.FIXTURE / "docs" / "debris" / "quiz-fixture.md"

_spec = importlib.util.spec_from_file_location("quiz_hook", ROOT / "hooks" / "quiz.py")
quiz = importlib.util.module_from_spec(_spec)
sys.modules["quiz_hook"] = quiz  # dataclasses look their module up
_spec.loader.exec_module(quiz)

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def _lab_markdown(path: Path) -> str:
    import jupytext

    nb = jupytext.read(path)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


LABS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.py") if not p.name.startswith("_"))


# --- the format -----------------------------------------------------------------------------

PAGE = """# A page

!!! abstract "Learning objectives"

    - one;
    - two.

{block}
"""

GOOD_SINGLE = """objective: 1
kind: single
question: Which?
options:
  - text: This
    correct: true
    feedback: Right, because.
  - text: That
    feedback: That reflects a mix-up."""


def _page(block: str) -> str:
    return PAGE.format(block=f"```quiz\n{block}\n```")


def test_the_fixture_page_parses_into_one_question_of_each_kind():
    questions = quiz.parse_page(FIXTURE_PAGE.read_text(encoding="utf-8"), "debris/quiz-fixture.md")
    assert [q.kind for q in questions] == ["single", "numeric", "multiple"]
    single, numeric, multiple = questions
    assert single.correct_letters() == ["B"] and multiple.correct_letters() == ["A", "C"]
    assert (numeric.answer, numeric.tolerance, numeric.unit) == (92.6, 0.5, "min")
    assert [v for v, _ in numeric.common_errors] == [5553, 0.9]
    assert [q.id for q in questions] == [f"quiz-fixture-q{n}" for n in (1, 2, 3)]


BAD = {
    "unknown kind": GOOD_SINGLE.replace("kind: single", "kind: essay"),
    "an option without feedback": GOOD_SINGLE.replace("    feedback: That reflects a mix-up.", ""),
    "no right option": GOOD_SINGLE.replace("    correct: true\n", ""),
    "two right options in a single question": GOOD_SINGLE.replace("feedback: That reflects", "correct: true\n    feedback: That reflects"),
    "an objective the page does not list": GOOD_SINGLE.replace("objective: 1", "objective: 3"),
    "no objective": GOOD_SINGLE.replace("objective: 1\n", ""),
    "a misspelt key": GOOD_SINGLE.replace("question:", "qestion:"),
    "one option only": GOOD_SINGLE.split("  - text: That")[0],
    "numeric without tolerance": "objective: 2\nkind: numeric\nquestion: How many?\nanswer: 3\nunit: km\n"
                                 "feedback:\n  correct: Yes.\n  incorrect: No.",
    "numeric without unit": "objective: 2\nkind: numeric\nquestion: How many?\nanswer: 3\ntolerance: 0.1\n"
                            "feedback:\n  correct: Yes.\n  incorrect: No.",
    "numeric with a comma in the number": "objective: 2\nkind: numeric\nquestion: How many?\nanswer: 8,664\n"
                                          "tolerance: 1\nunit: satellites\nfeedback:\n  correct: Yes.\n  incorrect: No.",
    "numeric without incorrect feedback": "objective: 2\nkind: numeric\nquestion: How many?\nanswer: 3\ntolerance: 0.1\n"
                                          "unit: km\nfeedback:\n  correct: Yes.",
    "a common error within the tolerance": "objective: 2\nkind: numeric\nquestion: How many?\nanswer: 3\ntolerance: 0.5\n"
                                           "unit: km\nfeedback:\n  correct: Yes.\n  incorrect: No.\n"
                                           "common_errors:\n  - value: 3.2\n    feedback: Close.",
    "not YAML": "objective: [1\nkind: single",
}


@pytest.mark.parametrize("mistake", sorted(BAD))
def test_the_parser_refuses_a_malformed_question(mistake):
    with pytest.raises(quiz.QuizError) as err:
        quiz.parse_page(_page(BAD[mistake]), "domain/a-page.md")
    assert "domain/a-page.md, self-check question 1 (line 8)" in str(err.value)


def test_the_parser_accepts_the_format_of_contributing():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"````markdown\n```quiz\n(.*?)\n```\n````", text, re.S).group(1)
    q = quiz.parse_page(_page(example), "domain/a-page.md")[0]
    assert q.kind == "single" and q.objective == 2 and q.correct_letters() == ["A"]
    assert all(o.feedback for o in q.options)


def test_a_question_inside_a_box_is_refused_with_where_to_put_it():
    page = PAGE.format(block='!!! note "Box"\n\n    ```quiz\n' + "\n".join("    " + line for line in GOOD_SINGLE.split("\n")) + "\n    ```")
    with pytest.raises(quiz.QuizError, match="not inside it"):
        quiz.parse_page(page, "domain/a-page.md")


def test_a_page_with_questions_but_no_objectives_is_refused():
    with pytest.raises(quiz.QuizError, match="no learning objectives"):
        quiz.parse_page(f"# A page\n\n```quiz\n{GOOD_SINGLE}\n```\n", "domain/a-page.md")


def test_quiz_fences_shown_as_examples_inside_other_fences_are_not_questions():
    page = PAGE.format(block=f"````markdown\n```quiz\n{GOOD_SINGLE}\n```\n````\n\n```quiz\n{GOOD_SINGLE}\n```")
    assert len(quiz.parse_page(page, "domain/a-page.md")) == 1


def test_lab_objectives_are_the_numbered_list_of_the_overview():
    text = _lab_markdown(quizsite.FIXTURE / "notebooks" / "quizlab.py")
    assert quiz.objectives(text) == ["add two numbers;", "change a cell and run it again."]
    assert [q.kind for q in quiz.parse_page(text, "labs/quizlab/index.md")] == ["numeric"]


# --- the book's own questions ---------------------------------------------------------------

def _worked_examples(text: str) -> dict[str, str]:
    out = {}
    for m in re.finditer(r'^!!! example "Worked example: (.+?)"\s*\n((?:[ \t]+.*\n|[ \t]*\n)*)', text, re.M):
        out[m.group(1).strip().lower()] = m.group(2)
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2} - {"the", "and", "for", "from", "with"}


def _named_example(examples: dict[str, str], name: str) -> str | None:
    """The worked example that ``name`` ("ISS period") means: the one sharing most of its
    words, in its title first, then in its text."""
    wanted = _words(name)
    scored = [(len(wanted & _words(title)), len(wanted & _words(body)), body) for title, body in examples.items()]
    best = max(scored, default=None, key=lambda s: s[:2])
    return best[2] if best and (best[0] or best[1]) else None


def _numbers(text: str) -> list[float]:
    text = re.sub(r"(?<=\d)(\\,|,|\u202f|\u2009| )(?=\d{3}\b)", "", text)
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _evaluate(expression: str) -> float | None:
    """The value of a sum written with numbers, + - * / ^ and brackets; None for anything else."""
    import ast
    import operator

    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.Pow: operator.pow, ast.USub: operator.neg, ast.UAdd: operator.pos}

    def walk(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in ops:
            return ops[type(node.op)](walk(node.operand))
        raise ValueError(node)

    try:
        return walk(ast.parse(expression, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError, TypeError, OverflowError):
        return None


def recomputed(working: str) -> list[float]:
    """Recompute the sums in a feedback's working ("1 km + 4 days × 3 km/day = 13 km",
    "T = 1440 / 15.50 ≈ 92.9"): units and words dropped, each side of = or ≈ that is a sum
    with an operator evaluated."""
    text = working.replace("$", " ").replace("×", "*").replace("÷", "/").replace("−", "-").replace("\\times", "*")
    text = text.replace("\\,", "").replace("^", "**")
    text = re.sub(r"(?<=\d)[,\u202f\u2009 ](?=\d{3}\b)", "", text)
    text = re.sub(r"[A-Za-z]+(?:/[A-Za-z]+)*\b", " ", text)  # units and words, with km/day as one unit
    values = []
    for side in re.split(r"=|≈|~|,|;|:|\. ", text):
        side = side.strip(" .")
        if re.search(r"\d\s*[-+*/]+\s*[\d(]", side) and re.fullmatch(r"[\d\s.+\-*/()]+", side):
            value = _evaluate(side)
            if value is not None:
                values.append(value)
    return values


def question_problems(q, text: str, n_objectives: int) -> list[str]:
    """What a reader or an instructor would find wrong with a question (beyond what the parser refuses)."""
    problems = []
    where = f"question {q.number} (line {q.line})"
    if not 1 <= q.objective <= n_objectives:
        problems.append(f"{where}: objective {q.objective} of {n_objectives}")
    if q.kind in ("single", "multiple"):
        if not any(o.correct for o in q.options):
            problems.append(f"{where}: no right option")
        problems += [f"{where}: option {k} has no feedback" for k, o in enumerate(q.options, 1) if not o.feedback.strip()]
        if len({o.text for o in q.options}) != len(q.options):
            problems.append(f"{where}: two options with the same text")
    else:
        if q.tolerance is None or q.unit is None or not q.correct_feedback or not q.incorrect_feedback:
            problems.append(f"{where}: a numeric question needs tolerance, unit and both feedbacks")
        if q.source and q.source.lower().startswith("worked example"):
            title = q.source.split(",", 1)[1].strip().lower() if "," in q.source else ""
            body = _named_example(_worked_examples(text), title)
            if body is None:
                problems.append(f"{where}: source {q.source!r} names no worked example of the page")
            elif not (any(abs(x - q.answer) <= q.tolerance for x in _numbers(body))
                      or any(abs(x - q.answer) <= q.tolerance for x in recomputed(q.correct_feedback))):
                problems.append(f"{where}: the answer {q.answer:g} is neither among the values of the worked example "
                                f"{title!r} nor recomputed from the working in its feedback (within {q.tolerance:g})")
    return problems


def test_question_problems_catches_an_answer_that_its_worked_example_does_not_give():
    text = FIXTURE_PAGE.read_text(encoding="utf-8")
    questions = quiz.parse_page(text, "debris/quiz-fixture.md")
    assert not [p for q in questions for p in question_problems(q, text, 3)]
    numeric = questions[1]
    numeric.answer = 95.0
    assert "neither among the values" in " ".join(question_problems(numeric, text, 3))
    numeric.source = "worked example, no such example"
    assert "names no worked example" in " ".join(question_problems(numeric, text, 3))
    numeric.correct_feedback = "Right. T = 2 × 47.5 min ≈ 95.0 minutes."
    numeric.source = "worked example, a period"
    assert not question_problems(numeric, text, 3), "an answer recomputed from the working in its feedback"
    assert sorted(recomputed("1 km + 4 days × 3 km/day = 13 km; T = 1440 / 15.50 ≈ 92.9 min")) == [13, 1440 / 15.5]
    examples = {"the period of the international space station": "T = 92.7 min", "a transfer": "3.9 km/s"}
    assert _named_example(examples, "ISS period") == "T = 92.7 min"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_questions_are_complete(chapter):
    text = (DOCS / chapter).read_text(encoding="utf-8")
    questions = quiz.parse_page(text, chapter)  # raises on a malformed question
    problems = [p for q in questions for p in question_problems(q, text, len(quiz.objectives(text)))]
    assert not problems, f"{chapter}: " + "; ".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_6_to_10_self_check_questions(chapter):
    text = (DOCS / chapter).read_text(encoding="utf-8")
    n = len(quiz.parse_page(text, chapter))
    assert 6 <= n <= 10, f"{chapter} has {n} self-check questions; each chapter has 6 to 10 (CONTRIBUTING.md)"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_questions_are_spread_through_the_chapter(chapter):
    """Right after the sections they test, not bunched at the end: no two sections' worth in one."""
    text = (DOCS / chapter).read_text(encoding="utf-8")
    blocks = quiz.find_blocks(text)
    if len(blocks) < 2:
        pytest.skip("fewer than two questions: the count test reports it")
    lines = text.split("\n")
    sections = {max((i for i in range(b.start) if lines[i].startswith("## ")), default=-1) for b in blocks}
    assert len(sections) >= 3, f"{chapter}: all {len(blocks)} questions sit in {len(sections)} section(s)"


@pytest.mark.parametrize("lab", LABS)
def test_lab_questions_are_complete(lab):
    text = _lab_markdown(ROOT / "notebooks" / f"{lab}.py")
    questions = quiz.parse_page(text, f"labs/{lab}/index.md")
    problems = [p for q in questions for p in question_problems(q, text, len(quiz.objectives(text)))]
    assert not problems, f"notebooks/{lab}.py: " + "; ".join(problems)


# --- the fixture site -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return quizsite.build(tmp_path_factory.mktemp("quiz-site"))


@pytest.fixture(scope="module")
def print_site(tmp_path_factory) -> Path:
    return quizsite.build(tmp_path_factory.mktemp("quiz-print"), print_edition=True)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _plain(html_text: str) -> str:
    return " ".join(BeautifulSoup(html_text or "", "html.parser").get_text(" ").split())


def _options(options: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Options compared without spaces (the page's acronym tooltips split words from punctuation)."""
    return [(re.sub(r"\s+", "", text), right) for text, right in options]


def _same(exported: str, shown: str) -> bool:
    """The same question text, whether rendered for the page (formulas as MathML) or for a
    learning management system (formulas as \\( \\)): compared without formulas or spaces."""
    def squash(text):
        return re.sub(r"\s+", "", re.sub(r"\\\(.*?\\\)", "", text))
    return squash(exported).startswith(squash(shown))


def page_questions(site: Path, page: str) -> list[dict]:
    """The questions as the built page shows them: text, options, right options, numeric answer."""
    out = []
    for form in _soup(site / page / "index.html").select("form.quiz"):
        for formula in form.find_all("math"):
            formula.decompose()
        legend = form.find("legend")
        label = form.select_one(".quiz__label")
        legend.find("small").extract()
        intro = [_text(p) for p in form.find_all("p", recursive=False) if p is not label]
        question = " ".join(intro + [_text(legend)])
        options = [(_text(i.parent), i.has_attr("data-correct"))
                   for i in form.select("input[type=radio], input[type=checkbox]")]
        out.append({"label": _text(label), "kind": form["data-kind"], "question": question, "options": options,
                    "answer": float(form["data-answer"]) if form.has_attr("data-answer") else None,
                    "tolerance": float(form["data-tolerance"]) if form.has_attr("data-tolerance") else None})
    return out


def test_questions_render_as_accessible_forms(site):
    soup = _soup(site / "debris" / "quiz-fixture" / "index.html")
    forms = soup.select("form.quiz")
    assert [f["data-kind"] for f in forms] == ["single", "numeric", "multiple"]
    for form in forms:
        fieldset = form.find("fieldset")
        assert fieldset and fieldset.find("legend") is fieldset.find(True), "the legend opens the fieldset"
        button = form.select_one("button")
        assert button.get_text() == "Check" and button.get("type", "submit") == "submit"
        live = form.select_one(".quiz__result")
        assert live["aria-live"] == "polite" and not live.get_text(strip=True)
        for inp in form.select("input"):
            assert inp.parent.name == "label" and _text(inp.parent), "every input is named by its label"
        assert not form.select("[style], [onclick], [onsubmit], script"), "no inline style or script (CSP)"
    radios = forms[0].select("input[type=radio]")
    assert len(radios) == 3 and len({r["name"] for r in radios}) == 1
    assert len(forms[2].select("input[type=checkbox]")) == 3
    assert forms[1].select_one("input[type=text]")["inputmode"] == "decimal"
    assert "<math" in str(forms[1]), "formulas in questions are MathML like the rest of the page"
    assert not soup.select(".quiz__fb"), "the feedback is in the file beside the page"
    assert forms[0].find("a", class_="glossary-term"), "links in questions get the glossary tooltip"


def test_the_answers_are_not_in_the_page_or_the_search_index(site):
    html_text = (site / "debris" / "quiz-fixture" / "index.html").read_text(encoding="utf-8")
    questions = quiz.parse_page(FIXTURE_PAGE.read_text(encoding="utf-8"), "debris/quiz-fixture.md")
    feedback = [o.feedback for q in questions for o in q.options] + [questions[1].incorrect_feedback]
    leaked = [f for f in feedback if _plain(f)[:30] in _plain(html_text)]
    assert not leaked, f"feedback in the page before answering: {leaked}"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"])
    assert "Right. It is a prediction" not in text and "Sharing a plane" not in text


def test_the_feedback_file_beside_the_page_has_one_entry_per_option(site):
    html_text = (site / "debris" / "quiz-fixture" / "index.html").read_text(encoding="utf-8")
    stored = json.loads((site / "debris" / "quiz-fixture" / "index.quiz.json").read_text(encoding="utf-8"))
    questions = quiz.parse_page(FIXTURE_PAGE.read_text(encoding="utf-8"), "debris/quiz-fixture.md")
    assert sorted(stored) == ["check-1", "check-2", "check-3"]
    single, numeric, multiple = questions
    assert [_plain(h) for h, _ in stored["check-1"]] == [o.feedback for o in single.options]
    assert [_plain(h) for h, _ in stored["check-3"]] == [o.feedback for o in multiple.options]
    assert [v for _, v in stored["check-2"]] == [None, None, 5553, 0.9]
    assert _plain(stored["check-2"][1][0]) == numeric.incorrect_feedback
    assert "<math" in stored["check-2"][0][0], "formulas in feedback are MathML"
    assert 'data-feedback="index.quiz.json"' in html_text


def test_a_question_in_a_lab_renders_as_try_it_yourself(site):
    (lab,) = page_questions(site, "labs/quizlab")
    assert lab["label"] == "Try it yourself 1" and lab["kind"] == "numeric" and lab["answer"] == 9


def test_every_page_loads_the_quiz_script_and_styles_from_the_site_itself(site):
    soup = _soup(site / "debris" / "quiz-fixture" / "index.html")
    scripts = [s.get("src", "") for s in soup.find_all("script") if "quiz" in s.get("src", "")]
    assert scripts == ["../../assets/javascripts/quiz.js"]
    assert soup.find("link", href="../../assets/stylesheets/quiz.css")
    assert (site / "assets" / "javascripts" / "quiz.js").stat().st_size < 8000


def test_the_print_edition_shows_questions_in_place_and_a_key_at_the_end(print_site):
    soup = _soup(print_site / "print_page" / "index.html")
    printed = soup.select(".quiz--print")
    assert len(printed) == 4, "three in the chapter, one in the lab"
    assert not soup.select("form.quiz, .quiz--print input, .quiz__fb")
    first = printed[0]
    assert [_text(li) for li in first.select("ol.quiz__options > li")] == [
        "A collision between two catalogued objects", "A predicted close approach between two objects",
        "Two satellites in the same orbital plane"]
    assert "Right. It is a prediction" not in _text(first)
    keys = soup.select(".quiz-key")
    assert len(keys) == 2, "an answer key for the chapter and one for the lab"
    key = _text(keys[0])
    assert "1. B: A predicted close approach" in key and "Right. It is a prediction" in key
    assert "2. 92.6 min (accept 92.1 to 93.1)" in key
    assert "3. A, C." in key
    heading = keys[0].find_previous("h2")
    assert heading.get_text().startswith("Answers to the self-check questions")
    assert keys[0].find_next("h2").get_text().startswith("References"), "the key comes before the references"
    assert heading.find_previous(class_="quiz--print") is printed[2], "the key follows the chapter's last question"


@pytest.mark.slow
@pytest.mark.browser
def test_the_pdf_prints_the_questions_and_the_key(tmp_path):
    """The print edition through hooks/pdf.py's own printing (Chromium): the chapter's
    questions with lettered options in place, the key after them, no feedback before the key."""
    from pypdf import PdfReader

    spec = importlib.util.spec_from_file_location("book_pdf", quizsite.ROOT / "hooks" / "pdf.py")
    pdf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pdf)
    site = quizsite.build(tmp_path, print_edition=True)
    pdf.print_pdf(site, tmp_path / "book.pdf", pdf.chromium(), pdf.book_metadata())
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(tmp_path / "book.pdf").pages)
    key = text.index("Answers to the self-check questions")
    for question in ("Check your understanding 1", "What is a conjunction?", "Check your understanding 2",
                     "Answer: ____________ min", "Check your understanding 3", "Try it yourself 1"):
        assert question.lower() in text.lower(), question  # the labels are set in capitals
    assert text.lower().index("check your understanding 3") < key
    assert "Right. It is a prediction" in text[key:] and "Right. It is a prediction" not in text[:key]
    assert "1. B: A predicted close approach between two objects." in text[key:]


# --- the exports ----------------------------------------------------------------------------

BANK = Path("instructors") / "question-bank"
SLUGS = ["quiz-fixture", "lab-quizlab", "shared-orbits-all"]
PAGES = {"quiz-fixture": "debris/quiz-fixture", "lab-quizlab": "labs/quizlab"}


def _expected(site: Path, slug: str) -> list[dict]:
    pages = list(PAGES) if slug == "shared-orbits-all" else [slug]
    return [q for p in pages for q in page_questions(site, PAGES[p])]


def test_every_export_is_written_and_linked_from_the_instructor_page(site):
    files = {f"moodle/{s}.xml" for s in SLUGS} | {f"gift/{s}.gift.txt" for s in SLUGS} | {f"qti/{s}.zip" for s in SLUGS}
    for f in files:
        assert (site / BANK / f).stat().st_size > 300, f
    soup = _soup(site / BANK / "index.html")
    links = {a["href"] for a in soup.select("article a[href]")}
    assert files <= links, sorted(files - links)
    table = _text(soup.find("table"))
    assert "Self-check fixture 3" in table and "The whole book 4" in table


def _moodle(site: Path, slug: str) -> list[dict]:
    root = ET.parse(site / BANK / "moodle" / f"{slug}.xml").getroot()
    assert root.tag == "quiz"
    out = []
    for q in root.findall("question"):
        kind = q.get("type")
        if kind == "category":
            assert q.findtext("category/text").startswith("$course$/top/Shared Orbits/")
            continue
        item = {"id": q.findtext("idnumber"), "question": _plain(q.findtext("questiontext/text")),
                "tags": [t.findtext("text") for t in q.findall("tags/tag")]}
        answers = q.findall("answer")
        assert all(_plain(a.findtext("feedback/text")) for a in answers), f"{item['id']}: an answer without feedback"
        if kind == "multichoice":
            fractions = [float(a.get("fraction")) for a in answers]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01, f"{item['id']}: right options do not add to 100%"
            single = q.findtext("single") == "true"
            item |= {"kind": "single" if single else "multiple",
                     "options": [(_plain(a.findtext("text")), f > 0) for a, f in zip(answers, fractions)]}
        else:
            assert kind == "numerical"
            right = [a for a in answers if a.get("fraction") == "100"]
            assert len(right) == 1 and answers[-1].findtext("text") == "*"
            item |= {"kind": "numeric", "answer": float(right[0].findtext("text")),
                     "tolerance": float(right[0].findtext("tolerance"))}
        out.append(item)
    return out


@pytest.mark.parametrize("slug", SLUGS)
def test_moodle_xml_holds_the_questions_of_the_pages(site, slug):
    exported, shown = _moodle(site, slug), _expected(site, slug)
    assert len(exported) == len(shown)
    for e, s in zip(exported, shown):
        assert e["kind"] == s["kind"]
        assert _same(e["question"], s["question"]), (e["question"], s["question"])
        if s["kind"] == "numeric":
            assert (e["answer"], e["tolerance"]) == (s["answer"], s["tolerance"])
        else:
            assert _options(e["options"]) == _options(s["options"])
        assert re.fullmatch(r"objective-\d+", e["tags"][0])


GIFT_QUESTION = re.compile(r"^::(?P<title>(?:\\.|[^:\\])*)::\[html\](?P<text>(?:\\.|[^{\\])*)\{(?P<body>(?:\\.|[^}\\])*)\}$", re.S | re.M)
GIFT_ANSWER = re.compile(r"^\t(?P<mark>[=~])(?:%(?P<weight>-?[\d.]+)%)?(?P<text>(?:\\.|[^#\\])*)#(?P<feedback>(?:\\.|[^\\])*?)$", re.M)


def _gift_unescape(text: str) -> str:
    """As Moodle reads it (qformat_gift::escapedchar_pre): a backslash escapes ~ = # { } : and itself."""
    return re.sub(r"\\([~=#{}:\\])", r"\1", text)


def _gift(site: Path, slug: str) -> list[dict]:
    """A small reader of the GIFT the hook writes: enough to check that every special character is
    escaped (an unescaped one breaks the question apart) and to compare the questions."""
    text = (site / BANK / "gift" / f"{slug}.gift.txt").read_text(encoding="utf-8")
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip() and not all(
        line.startswith(("//", "$CATEGORY")) for line in c.strip().split("\n"))]
    out = []
    for chunk in chunks:
        body = "\n".join(line for line in chunk.split("\n") if not line.startswith("//"))
        m = GIFT_QUESTION.match(body.strip())
        assert m, f"not a GIFT question:\n{body[:300]}"
        item = {"question": _plain(_gift_unescape(m.group("text")))}
        answers = m.group("body")
        if answers.startswith("#"):
            right = re.search(r"^\t=(-?[\d.]+):([\d.]+)#", answers, re.M)
            assert "####" in answers, "numerical: the feedback for a wrong answer"
            item |= {"kind": "numeric", "answer": float(right.group(1)), "tolerance": float(right.group(2))}
        else:
            parsed = list(GIFT_ANSWER.finditer(answers))
            assert parsed and all(_plain(_gift_unescape(a.group("feedback"))) for a in parsed), "an answer without feedback"
            weighted = any(a.group("weight") for a in parsed)
            item |= {"kind": "multiple" if weighted else "single",
                     "options": [(_plain(_gift_unescape(a.group("text"))),
                                  float(a.group("weight")) > 0 if weighted else a.group("mark") == "=") for a in parsed]}
        out.append(item)
    return out


@pytest.mark.parametrize("slug", SLUGS)
def test_gift_holds_the_questions_of_the_pages(site, slug):
    exported, shown = _gift(site, slug), _expected(site, slug)
    assert len(exported) == len(shown)
    for e, s in zip(exported, shown):
        assert e["kind"] == s["kind"]
        assert _same(e["question"], s["question"]), (e["question"], s["question"])
        if s["kind"] == "numeric":
            assert (e["answer"], e["tolerance"]) == (s["answer"], s["tolerance"])
        else:
            assert _options(e["options"]) == _options(s["options"])


def _qti(site: Path, slug: str) -> list[dict]:
    """Reads the QTI package the way Canvas does: the manifest, then each assessment's items,
    checking the structure Canvas's importer relies on."""
    with zipfile.ZipFile(site / BANK / "qti" / f"{slug}.zip") as z:
        manifest = ET.fromstring(z.read("imsmanifest.xml"))
        assert manifest.tag == f"{CP}manifest"
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert resources and all(r.get("type") == "imsqti_xmlv1p2" for r in resources)
        out = []
        for res in resources:
            root = ET.fromstring(z.read(res.find(f"{CP}file").get("href")))
            assert root.tag == f"{QTI}questestinterop"
            assessment = root.find(f"{QTI}assessment")
            assert assessment.get("ident") == res.get("identifier") and assessment.get("title")
            for item in assessment.iter(f"{QTI}item"):
                meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                        for f in item.iter(f"{QTI}qtimetadatafield")}
                assert meta["points_possible"] == "1"
                feedback_ids = {f.get("ident") for f in item.findall(f"{QTI}itemfeedback")}
                linked = {d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback")}
                assert linked <= feedback_ids, f"{item.get('ident')}: feedback linked but missing: {linked - feedback_ids}"
                assert all(_plain(f.findtext(f".//{QTI}mattext")) for f in item.findall(f"{QTI}itemfeedback"))
                question = _plain(item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
                scoring = [c for c in item.iter(f"{QTI}respcondition") if c.find(f"{QTI}setvar") is not None]
                assert len(scoring) == 1 and scoring[0].findtext(f"{QTI}setvar") == "100"
                if meta["question_type"] == "numerical_question":
                    lo = float(scoring[0].findtext(f".//{QTI}vargte"))
                    hi = float(scoring[0].findtext(f".//{QTI}varlte"))
                    assert "general_incorrect_fb" in feedback_ids
                    out.append({"kind": "numeric", "question": question, "answer": round((lo + hi) / 2, 9),
                                "tolerance": round((hi - lo) / 2, 9)})
                    continue
                assert meta["question_type"] in ("multiple_choice_question", "multiple_answers_question")
                labels = item.findall(f".//{QTI}response_label")
                assert meta["original_answer_ids"] == ",".join(label.get("ident") for label in labels)
                assert {f"{label.get('ident')}_fb" for label in labels} <= feedback_ids, "every option has feedback"
                right = {v.text for v in scoring[0].iter(f"{QTI}varequal")} - {
                    v.text for n in scoring[0].iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
                single = meta["question_type"] == "multiple_choice_question"
                assert item.find(f".//{QTI}response_lid").get("rcardinality") == ("Single" if single else "Multiple")
                out.append({"kind": "single" if single else "multiple", "question": question,
                            "options": [(_plain(label.findtext(f".//{QTI}mattext")), label.get("ident") in right)
                                        for label in labels]})
        return out


@pytest.mark.parametrize("slug", SLUGS)
def test_qti_holds_the_questions_of_the_pages(site, slug):
    exported, shown = _qti(site, slug), _expected(site, slug)
    assert len(exported) == len(shown)
    for e, s in zip(exported, shown):
        assert e["kind"] == s["kind"]
        assert _same(e["question"], s["question"]), (e["question"], s["question"])
        if s["kind"] == "numeric":
            assert (e["answer"], e["tolerance"]) == (s["answer"], s["tolerance"])
        else:
            assert _options(e["options"]) == _options(s["options"])


def test_exports_are_reproducible(site, tmp_path):
    again = quizsite.build(tmp_path)
    for f in sorted((site / BANK).rglob("*.*")):
        if f.suffix in (".xml", ".txt", ".zip"):
            assert f.read_bytes() == (again / f.relative_to(site)).read_bytes(), f"{f.name} differs between builds"


def test_gift_escapes_its_special_characters():
    q = quiz.parse_page(_page(GOOD_SINGLE.replace("Which?", '"Which of {a: b} ~ c = #d, $\\\\nu$?"')), "domain/a-page.md")
    text = quiz.gift([quiz.Bank("domain/a-page.md", "A page", ["one", "two"], q)], quiz.Exporter(None))
    assert r'Which of \{a\: b\} \~ c \= \#d, <span class\="arithmatex">\\(\\nu\\)</span>?' in text
    assert _gift_unescape(r"\\(\\nu\\)") == r"\(\nu\)", "a formula's backslashes survive Moodle's reading"


def test_links_in_exports_point_at_the_published_site():
    ex = quiz.Exporter("https://example.org/book/")
    out = ex.html("See [the glossary](../reference/glossary.md#conjunction) and [here](#a).", "debris/close-approaches.md")
    assert 'href="https://example.org/book/reference/glossary/#conjunction"' in out
    assert 'href="https://example.org/book/debris/close-approaches/#a"' in out
    assert "href" not in quiz.Exporter(None).html("See [the glossary](../reference/glossary.md).", "debris/x.md")


@pytest.mark.slow
def test_the_book_publishes_its_question_bank(built_site):
    """The book's own exports: each chapter's file and the whole book's, in the three
    formats, hold the questions its pages show."""
    chapters = [c for c in CHAPTERS if quiz.parse_page((DOCS / c).read_text(encoding="utf-8"), c)]
    shown_all = []
    for chapter in chapters:
        slug, page = quiz.page_slug(chapter), chapter.removesuffix(".md")
        shown = page_questions(built_site, page)
        shown_all += shown
        for reader in (_moodle, _gift, _qti):
            _compare(reader(built_site, slug), shown)
    for reader in (_moodle, _gift, _qti):
        exported = reader(built_site, "shared-orbits-all")
        assert len(exported) >= len(shown_all), "the whole book's file holds every chapter's questions"
        _compare([e for e in exported if e["question"]][:len(shown_all)], shown_all)


def _compare(exported: list[dict], shown: list[dict]):
    assert len(exported) == len(shown)
    for e, s in zip(exported, shown):
        assert e["kind"] == s["kind"], (e, s)
        assert _same(e["question"], s["question"]), (e["question"], s["question"])
        if s["kind"] == "numeric":
            assert (e["answer"], e["tolerance"]) == (s["answer"], s["tolerance"])
        else:
            assert _options(e["options"]) == _options(s["options"])
