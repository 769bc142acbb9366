"""The built site: strict build, links and anchors, self-hosting, page weight, alt text."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, html_pages, run_build

pytestmark = pytest.mark.slow

# Attributes through which a page *loads* something (links to read elsewhere are fine).
LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
           "video": "src", "embed": "src", "object": "data", "track": "src"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")
CHAPTER_DIRS = ("domain", "debris", "security", "governance")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def is_external(url: str) -> bool:
    return bool(urlparse(url).netloc) or url.startswith("//")


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = html_pages(built_site)
    for page in pages:
        ids[page] = {tag["id"] for tag in soup(page).find_all(attrs={"id": True})}
    for page in pages:
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            if is_external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            parsed = urlparse(href)
            target = page if not parsed.path else (page.parent / unquote(parsed.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
                continue
            if parsed.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {t["id"] for t in soup(target).find_all(attrs={"id": True})}
                if unquote(parsed.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(built_site)} -> {href} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for page in html_pages(built_site):
        doc = soup(page)
        for tag, attr in LOADING.items():
            for el in doc.find_all(tag):
                url = el.get(attr) or ""
                if is_external(url):
                    offenders.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
        for link in doc.find_all("link", href=True):
            rel = " ".join(link.get("rel", []))
            if rel not in ("canonical", "alternate", "license") and is_external(link["href"]):
                offenders.append(f"{page.relative_to(built_site)}: <link rel={rel} {link['href']}>")
        for style in doc.find_all("style"):
            offenders += [f"{page.relative_to(built_site)}: css {u}" for u in
                          CSS_URL.findall(style.text) + CSS_IMPORT.findall(style.text) if is_external(u)]
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{css.relative_to(built_site)}: {u}" for u in
                      CSS_URL.findall(text) + CSS_IMPORT.findall(text) if is_external(u)]
    assert not offenders, "third-party loads:\n" + "\n".join(offenders[:50])


def test_no_google_fonts_or_cdn_named_anywhere_in_html(built_site):
    pattern = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs|polyfill\.io|mathjax")
    hits = [p.relative_to(built_site) for p in html_pages(built_site) if pattern.search(p.read_text(encoding="utf-8"))]
    assert not hits, f"pages naming a CDN or font host: {hits}"


def test_every_image_has_alt_text(built_site):
    missing = []
    for page in html_pages(built_site):
        for img in soup(page).select("article img"):
            if not (img.get("alt") or "").strip():
                missing.append(f"{page.relative_to(built_site)}: {img.get('src')}")
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_math_is_rendered_to_mathml_at_build_time(built_site):
    page = built_site / "labs" / "orbits" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<math" in html, "the orbits lab has formulas; they should be MathML"
    assert 'class="arithmatex"' not in html, "a formula was left for a script to render"


def _page_kind(path: Path, site: Path) -> str:
    rel = path.relative_to(site).as_posix()
    if rel.startswith("labs/"):
        return "lab"
    if rel.startswith(CHAPTER_DIRS):
        return "chapter"
    return "other"


def test_page_budget(built_site):
    """Largest page at most 150 KB; a lab page at most three times the median prose page."""
    pages = html_pages(built_site)
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= 150_000, f"{largest.relative_to(built_site)} weighs {sizes[largest]:,} bytes"
    prose = [s for p, s in sizes.items() if _page_kind(p, built_site) in ("chapter", "other")]
    labs = {p: s for p, s in sizes.items() if _page_kind(p, built_site) == "lab"}
    median = statistics.median(prose)
    heavy = {p.relative_to(built_site).as_posix(): s for p, s in labs.items() if s > 3 * median}
    assert labs, "no lab pages were built"
    assert not heavy, f"lab pages heavier than 3 x the median prose page ({median:,.0f} B): {heavy}"


def test_search_index_holds_chapter_and_lab_text(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(loc.startswith("labs/orbits/") for loc in locations)
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("labs/orbits/"))
    assert "Hohmann" in text


def test_chinese_text_is_segmented_for_search(built_site):
    """jieba splits Chinese into words (marked by zero-width spaces) so that search finds them."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    chinese = [doc["text"] for doc in index["docs"] if re.search(r"[\u4e00-\u9fff]", doc["text"])]
    assert chinese, "the site should carry some Chinese text (the home page announces the Chinese edition)"
    assert any("\u200b" in text for text in chinese), "Chinese text was indexed without word segmentation"


def test_labs_offer_the_executed_notebook_for_download(built_site):
    for lab in (ROOT / "notebooks").glob("*.py"):
        if lab.name.startswith("_"):
            continue
        page = built_site / "labs" / lab.stem / "index.html"
        ipynb = built_site / "labs" / lab.stem / f"{lab.stem}.ipynb"
        assert page.exists() and ipynb.exists(), lab.stem
        nb = json.loads(ipynb.read_text(encoding="utf-8"))
        assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), f"{lab.stem}.ipynb has no outputs"
        assert f'href="./{lab.stem}.ipynb"' in page.read_text(encoding="utf-8") or \
            f'href="{lab.stem}.ipynb"' in page.read_text(encoding="utf-8"), f"{lab.stem} page has no download link"


def test_no_ipynb_is_committed():
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True).stdout
    assert tracked.strip() == "", f"notebooks are kept as jupytext .py files, found: {tracked}"


@pytest.mark.parametrize("fixture, expected", [
    ("raises", ["tests/fixtures/raises/broken.py", "code cell 2", "ZeroDivisionError", "ratio = total / 0"]),
    ("no_alt", ["tests/fixtures/no_alt/no_alt.py", "code cell 1", "no alt text"]),
])
def test_a_broken_lab_fails_the_build_naming_notebook_and_cell(tmp_path, fixture, expected):
    result = run_build(tmp_path / "site", {"SHARED_ORBITS_NOTEBOOKS": str(ROOT / "tests" / "fixtures" / fixture)})
    assert result.returncode != 0, "the build should fail"
    for text in expected:
        assert text in result.stderr, f"{text!r} missing from:\n{result.stderr[-2000:]}"
    assert result.stderr.count("Traceback") == 0, "the message should not be a page of traceback"


def test_a_rebuild_with_no_change_executes_nothing_and_is_fast(built_site, tmp_path):
    import time

    start = time.perf_counter()
    result = run_build(tmp_path / "again")
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Executing" not in result.stderr, "a rebuild with no change re-executed a lab"
    from conftest import FIRST_BUILD

    if FIRST_BUILD.get("executed"):   # a fresh clone: compare with the build that ran the labs
        ratio = elapsed / FIRST_BUILD["seconds"]
        # executing the eight labs is most of a first build; a rebuild that executed them
        # again would take about as long (ratio near 1)
        assert ratio < 0.75, f"a rebuild with no change took {ratio:.2f} of the first build's time"


def test_editing_a_labs_prose_or_alt_text_does_not_change_its_cache_key():
    import importlib.util

    import jupytext
    from jupyter_cache import get_cache

    spec = importlib.util.spec_from_file_location("nbhook", ROOT / "hooks" / "notebooks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    nb = jupytext.read(ROOT / "notebooks" / "orbits.py")
    edited = jupytext.read(ROOT / "notebooks" / "orbits.py")
    edited.cells[0].source += "\n\nA new sentence of prose."
    figure = next(c for c in edited.cells if c.cell_type == "code" and "alt" in c.metadata)
    figure.metadata["alt"] = "A reworded description."
    cache = get_cache(str(ROOT / ".cache" / "jupyter"))
    key = lambda n: cache.create_hashed_notebook(hook._cache_key_copy(n, "digest"))[1]  # noqa: E731
    assert key(nb) == key(edited)
    code_change = jupytext.read(ROOT / "notebooks" / "orbits.py")
    next(c for c in code_change.cells if c.cell_type == "code").source += "\nx = 1"
    assert key(nb) != key(code_change), "a change of code must change the key"


def test_glossary_terms_carry_their_definition_as_a_tooltip(built_site):
    html = (built_site / "domain" / "orbits-for-everyone" / "index.html").read_text(encoding="utf-8")
    links = BeautifulSoup(html, "html.parser").select("article a.glossary-term")
    assert links, "key terms in a chapter should link to the glossary"
    assert all(len(a.get("title", "")) > 20 for a in links), "every glossary link needs its definition as a title"


def test_every_page_links_the_pdf_and_states_the_licences(built_site):
    for page in html_pages(built_site):
        footer = soup(page).select_one(".md-copyright")
        assert footer is not None, page
        text = footer.get_text(" ", strip=True)
        assert "CC BY 4.0" in text and "MIT" in text, f"{page.relative_to(built_site)} footer: {text}"
        assert footer.select_one('a[href$="shared-orbits.pdf"]'), f"{page.relative_to(built_site)} has no PDF link"


def test_formulas_are_formulas_not_prose(built_site):
    """A stray pair of dollar signs (US$570 billion ... $1.4 trillion) turns prose into math."""
    bad = []
    for page in html_pages(built_site):
        for math in soup(page).find_all("math"):
            text = math.get_text("", strip=True)
            if len(text) > 200 or re.search(r"billion|trillion|million", text):
                bad.append(f"{page.relative_to(built_site)}: {text[:60]}")
    assert not bad, "prose rendered as a formula (escape currency as \\$):\n" + "\n".join(bad[:20])


def test_every_page_says_when_it_was_last_updated(built_site):
    missing = []
    for page in html_pages(built_site):
        aside = soup(page).select_one("aside.md-source-file")
        if not aside or not re.search(r"\d{4}-\d{2}-\d{2}", aside.get_text()):
            missing.append(page.relative_to(built_site).as_posix())
    assert not missing, f"pages without a last-updated date: {missing}"
