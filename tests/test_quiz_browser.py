"""Self-check questions in a real browser (Debian's Chromium, as in test_browser.py), on the
fixture site of tests/quizsite.py: each kind answered wrong and then right with the keyboard
alone, the feedback announced in the live region, axe clean in both colour schemes, and the
questions still working under the Content-Security-Policy ``default-src 'self'``."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from urllib.parse import urlparse

import pytest

import quizsite
from test_browser import ARGS, CHROMIUM, _serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "/debris/quiz-fixture/"
CSP = "default-src 'self'; img-src 'self' data:"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def quiz_url(tmp_path_factory):
    site = quizsite.build(tmp_path_factory.mktemp("quiz-browser"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, url, csp: bool = False):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.errors, page.offsite = [], []
    # a missing file of the fixture site (e.g. the other edition's sitemap) is not the questions' concern
    page.on("console", lambda m: page.errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    host = urlparse(url).netloc

    def guard(route):
        target = urlparse(route.request.url)
        if target.scheme in ("data", "blob"):
            route.continue_()
        elif target.netloc != host:
            page.offsite.append(route.request.url)
            route.abort()
        elif csp and route.request.resource_type == "document":
            response = route.fetch()
            route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})
        else:
            route.continue_()

    page.route("**/*", guard)
    page.goto(url + PAGE, wait_until="load")
    return context, page


def _tab_to(page, selector: str, limit: int = 300):
    """Press Tab (only Tab) until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never took the keyboard focus")


def opt(form: str, n: int) -> str:
    """The input of option ``n`` (1 for A) of a question."""
    return f"{form} .quiz__options > p:nth-child({n}) input"


def _enter(page, form: str):
    """Press Enter (on the Check button or in the answer box) with the question's live region
    emptied first, so that the next reading is of this answer's feedback."""
    page.evaluate(f"document.querySelector('{form} .quiz__result').textContent = ''")
    page.keyboard.press("Enter")


def _result(page, form: str) -> str:
    """The text of the question's live region, once the script has filled it (the feedback
    file is fetched on the first Check)."""
    page.wait_for_function(f"document.querySelector('{form} .quiz__result').innerText.trim() !== ''", timeout=30000)
    return page.locator(f"{form} .quiz__result").inner_text().strip()


def test_feedback_is_not_shown_before_an_answer(browser, quiz_url):
    context, page = _open(browser, quiz_url)
    text = page.evaluate("document.body.innerText")
    for feedback in ("Right. It is a prediction", "Sharing a plane", "That is the period in seconds",
                     "A catalogue lists objects"):
        assert feedback not in text
    assert page.locator(".quiz__result").evaluate_all("els => els.every(e => e.innerText.trim() === '')")
    context.close()


def test_each_kind_answered_wrong_then_right_with_the_keyboard(browser, quiz_url):
    context, page = _open(browser, quiz_url)
    kb = page.keyboard

    # single answer: Space picks the first option (wrong), then the arrow key moves to the second
    _tab_to(page, opt("#check-1", 1))
    kb.press("Space")
    kb.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('quiz__check')")
    _enter(page, "#check-1")
    shown = _result(page, "#check-1")
    assert shown.startswith("Not quite.") and "only predicted" in shown and "Right. It is" not in shown
    kb.press("Shift+Tab")
    kb.press("ArrowDown")
    assert page.is_checked(opt("#check-1", 2))
    kb.press("Tab")
    _enter(page, "#check-1")
    shown = _result(page, "#check-1")
    assert shown.startswith("Correct.") and "Right. It is a prediction" in shown

    # numeric: a known wrong answer gets its own feedback; then the right one, written with a comma
    _tab_to(page, "#check-2 input[type=text]")
    kb.type("5553")
    _enter(page, "#check-2")
    shown = _result(page, "#check-2")
    assert shown.startswith("Not quite.") and "period in seconds" in shown
    kb.press("Control+A")
    kb.type("97")
    _enter(page, "#check-2")
    assert "Add the Earth's radius" in _result(page, "#check-2")
    kb.press("Control+A")
    kb.type("ninety")
    _enter(page, "#check-2")
    assert _result(page, "#check-2").startswith("Enter a number")
    kb.press("Control+A")
    kb.type("92,7")
    _enter(page, "#check-2")
    shown = _result(page, "#check-2")
    assert shown.startswith("Correct.") and "92.6 minutes" in shown

    # multiple answers: A and B (B is wrong), then A and C
    _tab_to(page, opt("#check-3", 1))
    kb.press("Space")
    kb.press("Tab")
    kb.press("Space")
    _tab_to(page, "#check-3 .quiz__check")
    _enter(page, "#check-3")
    shown = _result(page, "#check-3")
    assert shown.startswith("Not quite.") and "estimate from a model" in shown
    kb.press("Shift+Tab")  # to C
    kb.press("Space")
    kb.press("Shift+Tab")  # to B
    kb.press("Space")
    _tab_to(page, "#check-3 .quiz__check")
    _enter(page, "#check-3")
    shown = _result(page, "#check-3")
    assert shown.startswith("Correct.") and "catalogue lists objects" in shown and "Screening runs" in shown
    assert page.get_attribute("#check-3 .quiz__result", "aria-live") == "polite"
    assert not page.errors, page.errors
    assert not page.offsite, page.offsite
    context.close()


def test_a_partly_right_multiple_answer_says_what_is_missing(browser, quiz_url):
    context, page = _open(browser, quiz_url)
    page.check(opt("#check-3", 1))
    page.click("#check-3 .quiz__check")
    shown = _result(page, "#check-3")
    assert shown.startswith("Not quite. At least one right option is not chosen yet.")
    context.close()


def test_questions_and_the_question_bank_page_pass_axe_in_both_colour_schemes(browser, quiz_url):
    from axe_playwright_python.sync_playwright import Axe

    context, page = _open(browser, quiz_url)
    for form in ("#check-1", "#check-2", "#check-3"):  # with feedback showing, so that it is measured too
        first = page.locator(f"{form} input").first
        if first.get_attribute("type") == "text":
            first.fill("1")
        else:
            first.check()
        page.click(f"{form} .quiz__check")
    axe = Axe()
    problems = []
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.wait_for_timeout(400)
        problems += [f"[{scheme}] {p}" for p in _serious(axe.run(page, context={"include": [[".quiz"]]}).response)]
    page.goto(quiz_url + "/instructors/question-bank/", wait_until="load")
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.wait_for_timeout(400)
        problems += [f"question-bank [{scheme}] {p}" for p in _serious(axe.run(page).response)]
    assert not problems, "\n".join(problems)
    context.close()


def test_questions_work_under_the_content_security_policy(browser, quiz_url):
    context, page = _open(browser, quiz_url, csp=True)
    page.check(opt("#check-1", 2))
    page.click("#check-1 .quiz__check")
    shown = _result(page, "#check-1")
    assert shown.startswith("Correct.") and "Right. It is a prediction" in shown, "feedback fetched under the policy"
    assert any("Content Security Policy" in e for e in page.errors), "the policy was not in force"
    ours = [e for e in page.errors if "quiz" in e.lower()]
    assert not ours, ours
    context.close()
