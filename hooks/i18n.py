"""MkDocs hook: the English edition (docs/, at the site's root) and the Chinese edition
(zh/, at /zh/) side by side. Both builds load it (mkdocs.yml and mkdocs.zh.yml).

- **Language selector.** Each page's link to the other edition goes to the same page there
  when it has been translated, and to that edition's home page when it has not
  (``page.meta["alternate_href"]``, read by overrides/partials/alternate.html).
- **Keeping the editions in step.** A Chinese page names, in its front matter, the revision
  of the English page it translates: ``english_revision`` is the English file's git blob id
  (``git hash-object docs/<path>``), so it needs no history to check. When the English page
  has changed since, the Chinese page opens with a short notice linking to the original.
- **Per-language includes.** In the Chinese build, a snippet appended to every page
  (``includes/abbreviations.md``, the acronym tooltips) is replaced by its Chinese version
  ``includes/abbreviations.zh.md`` where there is one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": (ROOT / "docs", ""), "zh": (ROOT / "zh", "zh/")}   # language -> (pages, site prefix)
NOTICE = {
    "zh": ('!!! warning "英文原文已更新"\n\n'
           "    本页译自英文原文的较早版本，此后英文原文已有修改。"
           '请参阅<a href="{href}" hreflang="en">英文原文</a>了解最新内容。\n\n'),
}

_LANGUAGE = ["en"]


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
        english = EDITIONS["en"][0] / page.file.src_uri
        if is_behind(page.meta.get("english_revision"), english):
            notice = NOTICE[lang].format(href=page.meta["alternate_href"])
            head, sep, rest = markdown.partition("\n")
            markdown = (head + sep + "\n" + notice + rest) if head.startswith("# ") else notice + markdown
    return markdown
