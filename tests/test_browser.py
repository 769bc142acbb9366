"""The site in a real browser: Debian's Chromium, driven by Playwright (no browser download).

Every page loads with no console error and no request off the local server, passes axe-core
with no serious or critical violation in both colour schemes, search finds chapter and lab
words, and the colour-scheme toggle works from the keyboard.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlparse

import pytest

from conftest import html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    pg.errors, pg.offsite = [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    host = urlparse(site_url).netloc

    def guard(route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == host:
            route.continue_()
        else:
            pg.offsite.append(route.request.url)
            route.abort()

    pg.route("**/*", guard)
    yield pg
    context.close()


def _paths(built_site):
    return ["/" + p.relative_to(built_site).as_posix().removesuffix("index.html") for p in html_pages(built_site)]


def _serious(results) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_every_page_loads_cleanly_and_passes_axe(page, site_url, built_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for path in _paths(built_site):
        page.goto(site_url + path, wait_until="load")
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            page.wait_for_timeout(400)  # let Material's colour transitions finish before measuring contrast
            found = _serious(axe.run(page).response)
            problems += [f"{path} [{scheme}] {f}" for f in found]
        if page.errors:
            problems.append(f"{path}: console errors {page.errors}")
            page.errors.clear()
    assert not page.offsite, f"requests off the local server: {sorted(set(page.offsite))[:20]}"
    assert not problems, "\n".join(problems[:40])


def _search(page, site_url, word, start="/"):
    page.goto(site_url + start, wait_until="load")
    page.keyboard.press("/")  # Material's keyboard shortcut opens search
    page.locator("input.md-search__input").fill(word)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_search_finds_a_word_from_a_chapter(page, site_url):
    links = _search(page, site_url, "Kepler")
    assert any("/domain/orbits-for-everyone/" in link for link in links), links


def test_search_finds_a_word_from_a_lab(page, site_url):
    links = _search(page, site_url, "Hohmann")
    assert any("/labs/orbits/" in link for link in links), links


def test_search_finds_chinese_words(page, site_url):
    links = _search(page, site_url, "中文版")
    assert links, "no result for a Chinese word on the home page"


def test_the_chinese_edition_searches_its_own_pages(page, site_url):
    links = _search(page, site_url, "反卫星", start="/zh/")
    assert any("/zh/security/counterspace/" in link for link in links), links


def test_dark_mode_toggle_works_from_the_keyboard(page, site_url):
    page.goto(site_url + "/", wait_until="load")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    toggle.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


def test_readable_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    for path in ("/", "/domain/orbits-for-everyone/", "/labs/orbits/"):
        pg.goto(site_url + path, wait_until="load")
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways on a phone by {overflow}px"
    context.close()


def test_every_page_has_a_content_security_policy_and_breaks_none_of_it(browser, site_url, built_site):
    """Every page (and the 404 page) carries the policy, none logs a violation on load, and
    search, the colour toggle and a lab work under it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("""
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') +
                                        ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || '')));
    """)
    pg = context.new_page()
    pg.set_default_timeout(15000)
    logged = []
    pg.on("console", lambda m: logged.append(m.text) if "Content Security Policy" in m.text else None)
    problems = []
    paths = _paths(built_site) + ["/404.html"]
    for path in paths:
        html = (built_site / (path.lstrip("/") or "index.html")).read_text(encoding="utf-8") \
            if path.endswith(".html") else (built_site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        if not policy or "default-src 'self'" not in policy.group(1) or "unsafe-inline" in policy.group(1):
            problems.append(f"{path}: no strict policy ({policy.group(1) if policy else 'none'})")
        pg.goto(site_url + path, wait_until="load")
        if path in ("/", "/labs/orbits/"):
            pg.keyboard.press("/")
            pg.locator("input.md-search__input").fill("Kepler")
            pg.wait_for_selector(".md-search-result__item")
            pg.keyboard.press("Escape")
            pg.locator("form[data-md-component=palette] label:visible").first.click()
        found = pg.evaluate("window.__cspViolations")
        if found or logged:
            problems.append(f"{path}: {found} {logged}")
            logged.clear()
    context.close()
    assert len(paths) > 30, paths
    assert not problems, "\n".join(problems[:30])
