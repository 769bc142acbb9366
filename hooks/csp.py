"""MkDocs hook: a Content-Security-Policy on every HTML page of the built site.

Static hosts such as GitHub Pages cannot send headers, so the policy is a
``<meta http-equiv="Content-Security-Policy">`` placed first in each page's ``<head>``.
Everything loads from the site itself (``default-src 'self'``); the few inline scripts the
theme writes into a page (its local-storage helpers, the colour-scheme restore, the tab
restore) are allowed by their SHA-256 hashes, computed page by page because one of them
carries the page's path to the site root. No ``'unsafe-inline'``, no ``'unsafe-eval'``.
Images may also be ``data:`` URIs (the theme's icons in its stylesheets).

It runs after every other step of the build (redirect pages and 404 page included); the
print build for the PDF (``BOOK_PDF=true``), which is never deployed, and ``mkdocs serve``,
whose live reload is an inline script, are left without one.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.I)
EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)
DATA_TYPES = ("application/json", "application/ld+json", "text/template")


def inline_hashes(html: str) -> list[str]:
    """'sha256-...' sources for every inline script that the browser would run."""
    hashes = []
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = re.search(r'\stype\s*=\s*["\']?([^"\'\s>]+)', attrs, re.I)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_hashes(html)])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self'; "
            "img-src 'self' data:; "
            "font-src 'self' data:; "
            "object-src 'none'; "
            "base-uri 'self'; "
            "form-action 'self'")


def add_policy(html: str) -> str:
    html = EXISTING.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    match = HEAD.search(html)
    if not match:
        return html
    return html[: match.end()] + "\n    " + meta + html[match.end():]


_COMMAND = {"name": "build"}


def on_startup(command, dirty):
    _COMMAND["name"] = command


@event_priority(-100)  # after the other plugins have written their pages (redirects)
def on_post_build(config):
    if _COMMAND["name"] == "serve" or os.environ.get("BOOK_PDF", "").lower() == "true":
        return
    for path in Path(config["site_dir"]).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        updated = add_policy(html)
        if updated != html:
            path.write_text(updated, encoding="utf-8")
