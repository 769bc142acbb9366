"""MkDocs hook: the book's own page processing.

- Math: ``$...$`` and ``$$...$$`` (pymdownx.arithmatex, generic mode) become MathML at build
  time, so pages need no math script or web font from anywhere.
- Glossary: every link to a glossary entry gets the entry's first paragraph as its tooltip.
- Back matter built from the book's own files: the acronym table (from
  ``includes/abbreviations.md``). The bibliography is hooks/bibliography.py's.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from functools import lru_cache
from pathlib import Path

from latex2mathml.converter import convert as latex_to_mathml
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
CITE_CHAPTER = ROOT / "includes" / "cite-chapter.md"
# The edition being built: its pages (docs/ or zh/) and language (mkdocs.yml or mkdocs.zh.yml).
_EDITION = {"docs": DOCS, "lang": "en"}


def _localized(path: Path) -> Path:
    """An include in the edition's language (``x.zh.md``) where there is one."""
    lang = _EDITION["lang"]
    candidate = path.with_name(f"{path.stem}.{lang}{path.suffix}")
    return candidate if lang != "en" and candidate.exists() else path

INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK_MATH = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
GLOSSARY_LINK = re.compile(r'<a href="([^"]*reference/glossary/#([a-z0-9-]+))"')
GLOSSARY_ENTRY = re.compile(r"^### (.+?)\s*\{\s*#([a-z0-9-]+)\s*\}\s*$", re.M)
ABBREVIATION = re.compile(r"^\*\[(.+?)\]:\s*(.+)$", re.M)
CHAPTER_PARTS = ("domain/", "debris/", "security/", "governance/")


# --- math ---------------------------------------------------------------------------------

def _mathml(latex: str, display: str, page: str) -> str:
    source = html.unescape(latex).strip()
    try:
        return latex_to_mathml(source, display=display)
    except Exception as exc:  # latex2mathml raises many types; report them all the same way
        raise PluginError(f"{page}: cannot convert the formula ${source}$ to MathML ({exc})") from exc


def math_to_mathml(page_html: str, page: str) -> str:
    page_html = BLOCK_MATH.sub(
        # tabindex: a wide formula scrolls sideways, and keyboard users must be able to scroll it
        lambda m: f'<div class="math" tabindex="0">{_mathml(m.group(1), "block", page)}</div>', page_html)
    return INLINE_MATH.sub(lambda m: _mathml(m.group(1), "inline", page), page_html)


class _MathMLPostprocessor(Postprocessor):
    """Runs last, after arithmatex's formulas are back in the HTML, so that every consumer
    of the page's HTML (the page itself, search, the print edition) gets MathML."""

    def run(self, text: str) -> str:
        return math_to_mathml(text, _CURRENT_PAGE[0])


class MathMLExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(_MathMLPostprocessor(md), "book_mathml", 0)


_CURRENT_PAGE = ["a page"]


def on_config(config):
    _EDITION["docs"] = Path(config.docs_dir)
    _EDITION["lang"] = config.theme["language"]
    config.markdown_extensions.append(MathMLExtension())
    return config


# --- glossary -----------------------------------------------------------------------------

def _plain(markdown: str) -> str:
    text = re.sub(r"\s*\[@[^\]]+\]", "", markdown)  # citations are for the page, not the tooltip
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # links -> their text
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _glossary_cached(path: Path, mtime: float) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    entries = {}
    matches = list(GLOSSARY_ENTRY.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end():end].strip().split("\n\n")[0]
        entries[m.group(2)] = _plain(body)
    return entries


def glossary() -> dict[str, str]:
    """Glossary id -> first paragraph of its definition, as plain text."""
    path = _EDITION["docs"] / "reference" / "glossary.md"
    return _glossary_cached(path, path.stat().st_mtime) if path.exists() else {}


def add_glossary_tooltips(page_html: str) -> str:
    entries = glossary()

    def title(m: re.Match) -> str:
        definition = entries.get(m.group(2))
        if not definition:
            return m.group(0)
        return f'<a class="glossary-term" title="{html.escape(definition)}" href="{m.group(1)}"'

    return GLOSSARY_LINK.sub(title, page_html)


def glossary_as_definition_list(markdown: str) -> str:
    """Render the glossary's ``### Term { #id }`` entries as one definition list per letter.

    Authors write entries as headings (easy to append and to link); readers get a compact
    list whose table of contents holds only the letters, which keeps the page light.
    """
    out, in_list = [], False
    blocks = re.split(r"(?m)^(?=### |## )", markdown)
    for block in blocks:
        entry = GLOSSARY_ENTRY.match(block)
        if entry:
            body = block[entry.end():].strip()
            if not in_list:
                out.append('<dl class="glossary" markdown="1">\n')
                in_list = True
            out.append(f'<dt id="{entry.group(2)}">{html.escape(entry.group(1))}</dt>\n'
                       f'<dd markdown="1">\n\n{body}\n\n</dd>\n')
        else:
            if in_list:
                out.append("</dl>\n\n")
                in_list = False
            out.append(block)
    if in_list:
        out.append("</dl>\n")
    return "".join(out)


# --- back matter built from the chapters --------------------------------------------------

def acronym_table() -> str:
    rows = sorted(set(ABBREVIATION.findall(_localized(ABBREVIATIONS).read_text(encoding="utf-8"))),
                  key=lambda r: r[0].lower())
    head = "| 缩略语 | 含义 |" if _EDITION["lang"] == "zh" else "| acronym | meaning |"
    lines = [head, "| --- | --- |"]
    lines += [f"| {a} | {m.strip()} |" for a, m in rows]
    return "\n".join(lines)


def last_updated(path: str) -> str:
    """Date of the last commit that touched a file (today for a file not yet committed)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT,
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out or dt.date.today().isoformat()


def cite_chapter(markdown: str, page, config) -> str:
    """The "Cite this chapter" block (text in includes/cite-chapter.md) for a chapter page."""
    title = re.search(r"^# (.+)$", markdown, re.M)
    template_file = _localized(CITE_CHAPTER)
    if not title or not template_file.exists():
        return ""
    updated = last_updated(page.file.abs_src_path)
    url = page.canonical_url or page.url
    template = template_file.read_text(encoding="utf-8")
    return template.format(title=title.group(1).strip(), updated=updated, year=updated[:4],
                           edition=config.extra.get("edition", ""), url=url,
                           key=re.sub(r"[^a-z0-9]+", "_", page.file.src_uri.removesuffix(".md").lower()))


def _source_of(page) -> str | None:
    """The file a page is written in: its Markdown, or the lab's notebook."""
    uri = page.file.src_uri
    if uri.startswith("labs/") and uri.endswith("/index.md"):
        return str(ROOT / "notebooks" / (uri.split("/")[1] + ".py"))
    if uri.startswith("reference/bibliography/"):   # generated from the bibliography's data
        return str(ROOT / "bibliography" / "shared-orbits.bib")
    return page.file.abs_src_path


def on_page_markdown(markdown, page, config, files):
    _CURRENT_PAGE[0] = page.file.src_uri
    source = _source_of(page)
    if source:  # Material shows it at the foot of the page, with its own "last update" label
        page.meta["revision_date"] = last_updated(source)
    if page.file.src_uri == "reference/glossary.md":  # in either edition
        markdown = glossary_as_definition_list(markdown)
    if "<!-- acronyms -->" in markdown:
        markdown = markdown.replace("<!-- acronyms -->", acronym_table())
    if page.file.src_uri.startswith(CHAPTER_PARTS):
        markdown = markdown.rstrip() + "\n" + cite_chapter(markdown, page, config)
    return markdown


ABBR_TAG = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def on_page_content(page_html, page, config, files):
    if page.file.src_uri == "reference/bibliography.md":
        # hundreds of reference entries: acronym tooltips there add weight, not help
        page_html = ABBR_TAG.sub(r"\1", page_html)
    return add_glossary_tooltips(page_html)
