"""The PDF edition: one file with a cover, a table of contents and every chapter."""

from __future__ import annotations

import re

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
