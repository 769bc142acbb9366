"""The PDF edition: one file with a cover, a table of contents and every chapter."""

from __future__ import annotations

import re
import time

import pytest
from pypdf import PdfReader

from conftest import ROOT
from test_chapters import CHAPTERS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf_text(built_site):
    reader = PdfReader(built_site / "shared-orbits.pdf")
    pages = [page.extract_text() or "" for page in reader.pages]
    return reader, pages


def _title(chapter: str) -> str:
    text = (ROOT / "docs" / chapter).read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def test_pdf_has_cover_and_contents(pdf_text):
    _, pages = pdf_text
    assert "Shared Orbits" in pages[0]
    assert "Table of Contents" in " ".join(pages[1:3])


def test_pdf_contains_every_chapter_title_once_as_a_numbered_heading(pdf_text):
    reader, pages = pdf_text
    body = "\n".join(pages)
    squashed = re.sub(r"\s+", " ", body)
    missing = [c for c in CHAPTERS if _title(c) not in squashed]
    assert not missing, f"chapters missing from the PDF: {missing}"
    outline_titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                outline_titles.append(item.title)

    walk(reader.outline)
    chapter_entries = [t for t in outline_titles if any(t.endswith(_title(c)) for c in CHAPTERS)]
    assert len(chapter_entries) >= len(CHAPTERS), (len(chapter_entries), len(CHAPTERS))


def test_pdf_prints_solutions_and_labs(pdf_text):
    _, pages = pdf_text
    body = " ".join(pages)
    assert "Solution" in body
    assert "Check against" in body, "the labs' checks should be in the PDF"


def test_pdf_renders_chinese_text(pdf_text):
    """Chinese source titles in the chapters must come through as text, not as missing glyphs."""
    chapters_with_chinese = [c for c in CHAPTERS if re.search(r"[\u4e00-\u9fff]", (ROOT / "docs" / c).read_text(encoding="utf-8"))]
    if not chapters_with_chinese:
        pytest.skip("no chapter carries Chinese text")
    _, pages = pdf_text
    assert re.search(r"[\u4e00-\u9fff]{2,}", " ".join(pages)), "Chinese characters are missing from the PDF"


def test_pdf_has_no_unrendered_formulas(pdf_text):
    _, pages = pdf_text
    raw = [i + 1 for i, text in enumerate(pages) if re.search(r"\\\(|\\\[|\\frac|\\sqrt", text)]
    assert not raw, f"LaTeX source instead of rendered math on PDF pages {raw[:10]}"


def test_pdf_carries_the_books_metadata_and_the_last_commits_date(pdf_text):
    from mkdocs.utils.yaml import yaml_load

    from conftest import EPOCH

    reader, _ = pdf_text
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    info = reader.metadata
    assert info.title == config["site_name"], info.title
    assert info.author == config["site_author"]
    assert info.subject == " ".join(config["site_description"].split())
    assert reader.trailer["/Root"]["/Lang"] == config["theme"]["language"]
    expected = time.strftime("D:%Y%m%d%H%M%S", time.gmtime(int(EPOCH)))  # the last commit
    for key in ("/CreationDate", "/ModDate"):
        assert str(info[key]).startswith(expected), f"{key} is {info[key]}, the last commit is {expected}"


def test_pdf_numbers_chapters_and_parts_as_a_book(pdf_text):
    _, pages = pdf_text
    body = "\n".join(pages)
    for part in ("Part I", "Part II", "Part III", "Part IV"):
        assert re.search(rf"^{part}\b", body, re.M), f"no heading for {part}"
    positions = []
    for number, chapter in enumerate(CHAPTERS, start=1):
        title = _title(chapter)
        words = r"\s+".join(re.escape(w) for w in title.split())  # a long title wraps
        found = re.search(rf"^Chapter {number}\s*\n\s*{words}", body, re.M)
        assert found, f"'{title}' should be headed 'Chapter {number}'"
        positions.append(found.start())
        nav_number = re.search(rf"^\d+\.\d+\.? {words}", body, re.M)
        assert not nav_number, f"'{title}' still numbered by its place in the site's menu: {nav_number.group(0)}"
    assert positions == sorted(positions), "chapters out of order"
    assert re.search(r"^1\.1 \S", body, re.M), "sections within a chapter are numbered 1.1, 1.2, ..."


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_chromium_the_pdf_is_skipped_with_one_line_except_on_ci(tmp_path, ci):
    import os
    import subprocess
    import sys

    env = {**os.environ, "CHROMIUM": str(tmp_path / "no-such-chromium"), "CI": ci}
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "pdf.py"), str(tmp_path)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert not (tmp_path / "shared-orbits.pdf").exists()
    if ci:
        assert result.returncode != 0, "on CI a missing Chromium must fail the build"
        assert "Chromium" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        lines = result.stdout.strip().splitlines()
        assert len(lines) == 1 and "skipped" in lines[0] and "CHROMIUM" in lines[0], result.stdout


def test_pdf_links_nothing_on_the_machine_that_printed_it(pdf_text):
    reader, _ = pdf_text
    local = []
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            if re.match(r"https?://(127\.0\.0\.1|localhost)", uri):
                local.append(f"page {number}: {uri}")
    assert not local, f"links to the temporary print server: {local[:10]}"


def test_structure_element_ids_are_renumbered_by_rank_keeping_offsets():
    import importlib.util

    spec = importlib.util.spec_from_file_location("pdfhook", ROOT / "hooks" / "pdf.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    one = b"/ID (node00000774) /Headers [(node00000780)] /Names [(node00000774) 1 0 R]"
    two = b"/ID (node00000778) /Headers [(node00000790)] /Names [(node00000778) 1 0 R]"
    assert hook.stable_node_ids(one) == hook.stable_node_ids(two)
    assert hook.stable_node_ids(one) == b"/ID (node00000001) /Headers [(node00000002)] /Names [(node00000001) 1 0 R]"
    assert len(hook.stable_node_ids(one)) == len(one)


def test_the_chinese_edition_has_its_own_pdf_of_what_is_translated(built_site):
    reader = PdfReader(built_site / "zh" / "shared-orbits.pdf")
    assert reader.metadata["/Title"] == "共享轨道"
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh"
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    # Chromium prints CJK compatibility forms for some characters; fold them before comparing
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    chapters = [p for p in (ROOT / "zh").rglob("*.md") if p.parent.name in ("domain", "debris", "security", "governance")]
    assert chapters, "no chapter is translated yet"
    for chapter in chapters:
        title = unicodedata.normalize("NFKC", re.search(r"^# (.+)$", chapter.read_text(encoding="utf-8"), re.M).group(1))
        assert re.sub(r"\s+", "", title) in text, f"{chapter.name}: its title is not in the Chinese PDF"
    assert "第1章" in text
