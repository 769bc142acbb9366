"""The Chinese edition (mkdocs.zh.yml, pages in zh/, built into site/zh/): its language and
interface, the language selector, the notice when the English original has moved on,
structural parity with the English pages, and one term for one concept."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import i18n  # noqa: E402

ZH = ROOT / "zh"
DOCS = ROOT / "docs"
ZH_PAGES = sorted(p.relative_to(ZH).as_posix() for p in ZH.rglob("*.md"))
TRANSLATED = [p for p in ZH_PAGES if (DOCS / p).exists()]
TERMINOLOGY = ZH / "reference" / "terminology.md"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _front_matter(path: Path) -> dict:
    m = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(m.group(1)) if m else {}


def _nav_files(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_files(item)]
    if isinstance(node, dict):
        return [f for value in node.values() for f in _nav_files(value)]
    return []


def _built(site: Path, src: str) -> Path:
    return site / i18n.page_url(src) / "index.html"


def _selector(html_path: Path) -> dict[str, str]:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    return {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}


# --- the source -----------------------------------------------------------------------------

def test_the_navigation_lists_exactly_the_translated_pages():
    config = yaml.load((ROOT / "mkdocs.zh.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert sorted(_nav_files(config["nav"])) == ZH_PAGES, "every page in zh/ in the nav, and only those"


@pytest.mark.parametrize("page", TRANSLATED)
def test_each_translation_records_the_english_revision_it_translates(page):
    revision = str(_front_matter(ZH / page).get("english_revision", ""))
    assert re.fullmatch(r"[0-9a-f]{40}", revision), f"zh/{page}: no english_revision (git hash-object docs/{page})"


def test_the_notice_rule_follows_the_english_file(tmp_path):
    english = tmp_path / "page.md"
    english.write_text("# A page\n", encoding="utf-8")
    recorded = i18n.blob_id(english)
    assert not i18n.is_behind(recorded, english)
    english.write_text("# A page, revised\n", encoding="utf-8")
    assert i18n.is_behind(recorded, english)
    assert not i18n.is_behind(None, english), "a page that records nothing is not a translation"


def test_blob_id_is_gits():
    import subprocess

    expected = subprocess.run(["git", "hash-object", "docs/index.md"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
    assert i18n.blob_id(DOCS / "index.md") == expected


def _structure(text: str) -> dict[str, object]:
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    objectives = re.search(r'!!! abstract "[^"]*"(.*?)(?=\n\S)', text, re.S)
    return {
        "sections": len(re.findall(r"^## ", text, re.M)),
        "objectives": len(re.findall(r"^\s+- ", objectives.group(1), re.M)) if objectives else 0,
        "exercises": len(re.findall(r"^\*\*\d+\.", text, re.M)),
        "solutions": len(re.findall(r"^\?\?\? (?:success|note) ", text, re.M)),
        "figures": re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text),
        "equations": len(re.findall(r"\$\$", text)),
        "worked examples": len(re.findall(r'^!!! example ', text, re.M)),
        "case studies": len(re.findall(r"^[!?]{3}\+? case-study ", text, re.M)),
        "questions": len(re.findall(r"^```quiz", text, re.M)),
        "references": re.findall(r"@([a-z0-9-]+)", " ".join(re.findall(r"\[@[^\]]+\]", text))),
    }


# The home page of each edition describes that edition (what is translated, what is coming).
PARITY = [p for p in TRANSLATED if p != "index.md"]


@pytest.mark.parametrize("page", PARITY)
def test_a_translation_has_the_structure_of_its_english_page(page):
    english = _structure((DOCS / page).read_text(encoding="utf-8"))
    chinese = _structure((ZH / page).read_text(encoding="utf-8"))
    different = {k: (english[k], chinese[k]) for k in english if english[k] != chinese[k]}
    assert not different, f"zh/{page} differs from docs/{page} in (English, Chinese): {different}"


def _terminology() -> list[dict[str, str]]:
    rows = []
    for line in TERMINOLOGY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and not set(cells[0]) <= {"-", " ", ":"} and cells[0] != "English":
            rows.append({"en": cells[0], "zh": cells[1], "source": cells[2],
                         "avoid": cells[3] if len(cells) > 3 else ""})
    return rows


def test_terminology_table_gives_one_term_for_one_concept():
    rows = _terminology()
    assert len(rows) >= 40, "the terminology table should cover the book's key terms"
    for key in ("en", "zh"):
        seen = [r[key].lower() for r in rows]
        duplicates = sorted({t for t in seen if seen.count(t) > 1})
        assert not duplicates, f"terms given twice ({key}): {duplicates}"
    assert all(r["source"] for r in rows), "every Chinese term names its source"


def test_translations_use_the_terms_of_the_table():
    avoided = [(r["zh"], v.strip()) for r in _terminology() for v in r["avoid"].split("、") if v.strip()]
    found = []
    for page in ZH_PAGES:
        if page == "reference/terminology.md":
            continue
        text = (ZH / page).read_text(encoding="utf-8")
        found += [f"zh/{page}: '{bad}' (use '{good}')" for good, bad in avoided if bad in text and bad not in good]
    assert not found, "\n".join(found)


def test_the_glossary_links_the_terminology_table():
    assert "terminology.md" in (ZH / "reference" / "glossary.md").read_text(encoding="utf-8")


def test_the_font_stack_covers_every_platform_without_a_web_font():
    css = (DOCS / "assets" / "stylesheets" / "book.css").read_text(encoding="utf-8")
    for family in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"):   # Apple, Windows, Android/Linux
        assert f'"{family}"' in css
    assert "@font-face" not in css


# --- the built site -------------------------------------------------------------------------

@pytest.mark.parametrize("page", ZH_PAGES)
def test_chinese_pages_are_chinese(built_site, page):
    html = _built(built_site / "zh", page).read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert 'placeholder="搜索"' in html, "the theme's own Chinese interface strings"


def test_the_selector_goes_to_the_same_page_or_the_other_home(built_site):
    wrong = []
    for html_path in sorted(built_site.rglob("*.html")):
        rel = html_path.relative_to(built_site).as_posix()
        if html_path.name != "index.html" or rel.startswith("print_page"):
            continue
        chinese = rel.startswith("zh/")
        src_dir = rel.removeprefix("zh/").removesuffix("index.html")
        links = _selector(html_path)
        if not links:
            continue
        other = links["en" if chinese else "zh"]
        target = (html_path.parent / other).resolve()
        counterpart = (built_site / ("" if chinese else "zh") / src_dir).resolve()
        home = (built_site / ("" if chinese else "zh")).resolve()
        expected = counterpart if (counterpart / "index.html").exists() else home
        if target != expected:
            wrong.append(f"{rel}: {other} -> {target.relative_to(built_site.resolve())}")
    assert not wrong, "language links that miss their page:\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("page", TRANSLATED)
def test_the_update_notice_appears_exactly_when_the_english_page_moved_on(built_site, page):
    html = _built(built_site / "zh", page).read_text(encoding="utf-8")
    behind = i18n.is_behind(_front_matter(ZH / page).get("english_revision"), DOCS / page)
    assert ("英文原文已更新" in html) == behind
