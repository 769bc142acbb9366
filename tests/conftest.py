"""Shared fixtures: one strict build of the site per test session, and a local server."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is reproducible.
settings.register_profile("book", derandomize=True, deadline=None, database=None)
settings.load_profile("book")

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# One date for every build of a test session (the last commit's, as `make build` uses), so a
# commit made while the tests run does not make two builds of the session differ.
EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
    ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
BUILD_ENV = {"SOURCE_DATE_EPOCH": EPOCH} if EPOCH.isdigit() else {}


def run_build(dest: Path, env_extra: dict | None = None, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **BUILD_ENV,
           **(env_extra or {})}
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", config, "-d", str(dest)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)


FIRST_BUILD: dict = {}   # the session's first build: its time and whether it executed the labs


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built with ``mkdocs build --strict`` (labs executed or taken from the cache).

    BOOK_PREBUILT_SITE=path reuses a site already built by `make build` (to iterate on one
    test without building again); CI never sets it."""
    prebuilt = os.environ.get("BOOK_PREBUILT_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    dest = tmp_path_factory.mktemp("site")
    start = time.perf_counter()
    result = run_build(dest)
    elapsed = time.perf_counter() - start
    FIRST_BUILD.update(seconds=elapsed, executed="Executing" in result.stderr)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed after {elapsed:.0f} s:\n{result.stderr[-4000:]}")
    zh = run_build(dest / "zh", config="mkdocs.zh.yml")   # the Chinese edition, as `make build` does
    if zh.returncode != 0:
        pytest.fail(f"the Chinese edition's build failed:\n{zh.stderr[-4000:]}")
    print(f"\nsite built in {elapsed:.1f} s")
    pdf = subprocess.run([sys.executable, str(ROOT / "hooks" / "pdf.py"), str(dest)], cwd=ROOT,
                         env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=900)
    if pdf.returncode != 0:
        pytest.fail(f"the PDF edition failed:\n{pdf.stdout[-2000:]}{pdf.stderr[-4000:]}")
    print(pdf.stdout.strip())
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built site on a free port of 127.0.0.1 for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def html_pages(site: Path) -> list[Path]:
    """Every content page of the built site (not the 404 page or redirects)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        pages.append(path)
    return pages
