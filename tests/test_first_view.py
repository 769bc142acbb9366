"""The first view of a page, as a reader on metered data pays for it.

The built site is served from 127.0.0.1 with gzip, as GitHub Pages serves it, and Chromium
counts the bytes that cross the wire (Chrome DevTools protocol: ``encodedDataLength`` of
every finished request) until the page is idle. The search index is not part of a first
view: the theme's search worker and index wait until the reader first uses search
(``overrides/main.html``), and search still works from the first keystroke.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HEAVIEST_CHAPTER = "/security/counterspace/"
BUDGET = 120 * 1024  # bytes transferred for the first view of the heaviest chapter
INDEX = "search/search_index.json"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".ipynb")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with ``Content-Encoding: gzip`` for text types, when the browser asks."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (the standard library's name)
        path = Path(self.translate_path(unquote(urlparse(self.path).path)))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the standard redirect to the folder's slash
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def gzip_url(built_site):
    handler = functools.partial(GzipHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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


def first_view(browser, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes transferred (headers and gzip bodies) for a first view of ``url`` with an empty
    cache, and the (url, bytes) of every request, counted by the DevTools protocol."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # anything the scripts start after load
    context.close()
    requests = [(urls.get(rid, "?"), size) for rid, size in sizes.items()]
    requests += [(u, 0) for rid, u in urls.items() if rid not in sizes]  # started, not finished
    return sum(size for _, size in requests), requests


def test_the_heaviest_chapter_transfers_at_most_120_kb_and_no_search_index(browser, gzip_url):
    total, requests = first_view(browser, gzip_url + HEAVIEST_CHAPTER)
    listing = "\n".join(f"{size:>8,} {url}" for url, size in sorted(requests, key=lambda r: -r[1]))
    assert not [u for u, _ in requests if INDEX in u], f"the search index was requested:\n{listing}"
    assert not [u for u, _ in requests if "/workers/search" in u], f"the search worker started:\n{listing}"
    assert total <= BUDGET, f"first view of {HEAVIEST_CHAPTER} transferred {total:,} bytes:\n{listing}"
    assert total > 10_000, f"implausibly few bytes counted ({total}): is the counter working?\n{listing}"


def test_the_home_page_and_a_lab_stay_within_the_same_budget(browser, gzip_url):
    for path in ("/", "/labs/conjunctions/"):
        total, requests = first_view(browser, gzip_url + path)
        assert not [u for u, _ in requests if INDEX in u], f"{path} requested the search index"
        assert total <= BUDGET, f"first view of {path} transferred {total:,} bytes"


def _results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_search_works_from_the_first_keystroke_and_finds_chinese(browser, gzip_url):
    """The index is fetched when the reader opens search, and the words typed while it
    arrives are searched as soon as it is there."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15000)
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if INDEX in r.url else None)
    page.goto(gzip_url + HEAVIEST_CHAPTER, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not fetched, "the index was fetched before the reader used search"
    page.keyboard.press("/")
    page.keyboard.type("中文版")  # typed at once, while the index is on its way
    links = _results(page)
    assert fetched, "opening search should fetch the index"
    assert any(urlparse(link).path in ("/", "/index.html") for link in links), links
    context.close()


@pytest.mark.parametrize("how", ["click", "s", "q-link"])
def test_every_way_into_search_loads_the_index(browser, gzip_url, how):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    if how == "q-link":
        page.goto(gzip_url + "/?q=Kepler", wait_until="load")
    else:
        page.goto(gzip_url + "/", wait_until="load")
        if how == "click":
            page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
        else:
            page.keyboard.press(how)
        page.keyboard.type("Kepler")
    links = _results(page)
    assert any("/domain/orbits-for-everyone/" in link for link in links), links
    context.close()
