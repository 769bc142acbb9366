"""MkDocs hook: the English edition (docs/, at the site's root) and the Chinese edition
(zh/, at /zh/) side by side. Both builds load it (mkdocs.yml and mkdocs.zh.yml).

- **Language selector.** Each page's link to the other edition goes to the same page there
  when it has been translated, and to that edition's home page when it has not
  (``page.meta["alternate_href"]``, read by overrides/partials/alternate.html).
- **Keeping the editions in step.** A Chinese page names, in its front matter, the revision
  of the English page it translates: ``english_revision`` is the English file's git blob id
  (``git hash-object docs/<path>``), so it needs no history to check. When the English page
  has changed since, the Chinese page opens with a short notice linking to the original.
- **Links to pages not yet translated.** In the Chinese build a link to a page that exists
  only in English goes to the English edition's page, marked ``hreflang="en"``; files the
  pages use (figures, styles) are taken from docs/ so that they exist once.
- **Per-language includes.** In the Chinese build, a snippet appended to every page
  (``includes/abbreviations.md``, the acronym tooltips) is replaced by its Chinese version
  ``includes/abbreviations.zh.md`` where there is one.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": (ROOT / "docs", ""), "zh": (ROOT / "zh", "zh/")}   # language -> (pages, site prefix)
NOTICE = {
    "zh": ('!!! warning "英文原文已更新"\n\n'
           "    本页译自英文原文的较早版本，此后英文原文已有修改。"
           '请参阅<a href="{href}" hreflang="en">英文原文</a>了解最新内容。\n\n'),
}

_LANGUAGE = ["en"]
MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^()\s#]+\.md)(#[^()\s]*)?\)")
CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.S | re.M)


def language(config) -> str:
    return config.theme["language"] if config.theme["language"] in EDITIONS else "en"


def localized(path: Path, lang: str) -> Path:
    """``includes/x.md`` as ``includes/x.zh.md`` in the Chinese build, where it exists."""
    if lang == "en":
        return path
    candidate = path.with_name(f"{path.stem}.{lang}{path.suffix}")
    return candidate if candidate.exists() else path


def blob_id(path: Path) -> str:
    """The file's git blob id, as ``git hash-object`` computes it."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def is_behind(recorded: str | None, english: Path) -> bool:
    """Has the English page changed since the revision a translation records?"""
    return bool(recorded) and english.exists() and blob_id(english) != str(recorded).strip()


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (``use_directory_urls``)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("/index") + "/"


def alternate_href(src_uri: str, own_url: str, lang: str) -> str:
    """Relative link from this page to the same page in the other edition, or its home."""
    other = "zh" if lang == "en" else "en"
    pages, prefix = EDITIONS[other]
    up = "../" * own_url.count("/") + ("" if lang == "en" else "../")
    target = page_url(src_uri) if (pages / src_uri).exists() else ""
    return up + prefix + target


def english_page(src_uri: str) -> bool:
    """Is there an English page at this path (a written page, or a lab built from notebooks/)?"""
    if src_uri.startswith("labs/") and src_uri.endswith("/index.md"):
        return (ROOT / "notebooks" / (src_uri.split("/")[1] + ".py")).exists()
    return (EDITIONS["en"][0] / src_uri).exists()


def english_links(markdown: str, src_uri: str, own_url: str) -> str:
    """Point links to pages that exist only in English at the English edition."""
    pages = EDITIONS["zh"][0]
    up = "../" * own_url.count("/") + "../"

    def link(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), m.group(2)))
        if (pages / target).exists() or not english_page(target):
            return m.group(0)   # translated, or not a page at all: MkDocs resolves or reports it
        return f'[{m.group(1)}]({up}{page_url(target)}{m.group(3) or ""}){{: hreflang="en" }}'

    out, last = [], 0
    for code in CODE.finditer(markdown):
        out += [MD_LINK.sub(link, markdown[last:code.start()]), code.group(0)]
        last = code.end()
    out.append(MD_LINK.sub(link, markdown[last:]))
    return "".join(out)


def on_files(files, config):
    """The Chinese edition uses the English edition's figures and styles (docs/assets)."""
    if _LANGUAGE[0] == "en":
        return files
    docs = EDITIONS["en"][0]
    for path in sorted((docs / "assets").rglob("*")):
        uri = path.relative_to(docs).as_posix()
        if path.is_file() and not files.get_file_from_path(uri):
            files.append(File(uri, str(docs), config.site_dir, config.use_directory_urls))
    return files


def on_config(config):
    lang = language(config)
    _LANGUAGE[0] = lang
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if "auto_append" in snippets:
        snippets["auto_append"] = [str(localized(ROOT / p, lang).relative_to(ROOT))
                                   for p in snippets["auto_append"]]
    return config


def on_page_markdown(markdown, page, config, files):
    lang = _LANGUAGE[0]
    page.meta["alternate_href"] = alternate_href(page.file.src_uri, page.url, lang)
    if lang != "en":
        markdown = english_links(markdown, page.file.src_uri, page.url)
        english = EDITIONS["en"][0] / page.file.src_uri
        if is_behind(page.meta.get("english_revision"), english):
            notice = NOTICE[lang].format(href=page.meta["alternate_href"])
            head, sep, rest = markdown.partition("\n")
            markdown = (head + sep + "\n" + notice + rest) if head.startswith("# ") else notice + markdown
    return markdown
