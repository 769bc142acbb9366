"""Write the PDF edition of the book: ``python hooks/pdf.py SITE_DIR`` (run by `make build`).

1. Build the book once more with the print-site plugin on (``BOOK_PDF=true``), which joins
   every page into one print page with a cover, a table of contents and numbered headings.
2. Open that page in headless Chromium (Debian's, or ``$CHROMIUM``), unfold every exercise
   solution (the printed book carries its solutions), number the chapters as a book does
   (the parts keep their "Part I" titles; their chapters become "Chapter 1" to "Chapter N",
   their sections 1.1, 1.2, ...), and print it.
3. Write ``SITE_DIR/shared-orbits.pdf`` with the book's metadata (title, author, subject,
   language from mkdocs.yml) and its dates set to ``SOURCE_DATE_EPOCH`` (the last commit),
   so that two builds of one commit give the same bytes.
4. Do the same for the Chinese edition (mkdocs.zh.yml) into ``SITE_DIR/zh/shared-orbits.pdf``,
   with what is translated so far ("第 1 章" ...), when the site holds it.

Without Chromium the PDF is skipped with one line saying how to get it, and the build still
succeeds; on CI (``CI=true``) a missing Chromium is an error.

Labs are printed as they ran; formulas are MathML and Chinese text needs a CJK font on the
machine (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF_NAME = "shared-orbits.pdf"
STRICT = [] if os.environ.get("BOOK_PDF_LAX") else ["--strict"]  # lax only for drafts
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Book numbering, run in the print page once the print-site plugin has built its contents.
NUMBER_CHAPTERS = r"""
(lang) => {
  let chapter = 0;
  for (const part of document.querySelectorAll("#print-site-page > section.md-section")) {
    const title = part.querySelector(":scope > h1");
    if (!title || !/^\s*(Part\s+[IVXLC]+\b|第[一二三四五六七八九十]+部分)/.test(title.textContent)) continue;
    for (const page of part.querySelectorAll(":scope > section.print-page[id]")) {
      const heading = page.querySelector(":scope > h1");
      if (!heading) continue;
      chapter += 1;
      const label = document.createElement("p");
      label.className = "book-chapter-number";
      label.textContent = lang === "zh" ? `第 ${chapter} 章` : `Chapter ${chapter}`;
      heading.before(label);
      let section = 0;
      for (const h2 of page.querySelectorAll("h2")) {
        section += 1;
        const number = document.createElement("span");
        number.className = "book-section-number";
        number.textContent = `${chapter}.${section} `;
        h2.prepend(number);
      }
      for (const entry of document.querySelectorAll(`#print-page-toc a[href="#${page.id}"]`)) {
        const number = document.createElement("span");
        number.className = "book-section-number";
        number.textContent = `${chapter} `;
        entry.prepend(number);
      }
    }
  }
  return chapter;
}
"""
# Links from the print page to files of the site (a lab's kit, a notebook) would point at the
# temporary local server: they point at the deployed site instead (SITE_URL), or, in a local
# build without one, become plain text. Links within the book stay as they are.
RELINK = r"""
(siteUrl) => {
  let changed = 0;
  for (const a of document.querySelectorAll("a[href]")) {
    const url = new URL(a.getAttribute("href"), location.href);
    if (url.origin !== location.origin) continue;
    if (url.pathname === location.pathname) continue;
    const path = url.pathname.replace(/^\/+/, "") + url.search + url.hash;
    if (siteUrl) a.setAttribute("href", new URL(path, siteUrl.replace(/\/?$/, "/")).href);
    else a.removeAttribute("href");
    changed += 1;
  }
  return changed;
}
"""
NUMBER_STYLE = """
.book-chapter-number { margin: 0 0 .2em; font-size: .9rem; font-weight: 700; letter-spacing: .04em;
                       color: var(--md-default-fg-color--light); }
.book-section-number { font-variant-numeric: tabular-nums; }
"""


def chromium() -> str | None:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.exists(path) else None


def book_metadata(config: str = "mkdocs.yml") -> dict:
    """Title, author, subject and language of an edition, from its configuration (the
    Chinese one, mkdocs.zh.yml, inherits what it does not set from mkdocs.yml)."""
    from mkdocs.utils.yaml import yaml_load

    def read(name: str) -> dict:
        with open(ROOT / name, encoding="utf-8") as f:
            return yaml_load(f)

    base, own = read("mkdocs.yml"), read(config)
    merged = {**base, **{k: v for k, v in own.items() if k != "INHERIT"}}
    merged["theme"] = {**(base.get("theme") or {}), **(own.get("theme") or {})}
    description = " ".join(str(merged.get("site_description") or "").split())
    return {"title": merged["site_name"], "author": merged.get("site_author") or "",
            "subject": description, "language": merged["theme"].get("language", "en"),
            "site_url": merged.get("site_url") or ""}


def source_date_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` if set, else the time of the last commit (else now)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    return int(out.strip()) if out.strip().isdigit() else int(time.time())


def pdf_date(epoch: int) -> str:
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))


def finish_pdf(printed: Path, out: Path, meta: dict, epoch: int) -> None:
    """Rewrite Chromium's PDF with the book's metadata and reproducible dates."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(printed))
    date = pdf_date(epoch)
    writer.add_metadata({"/Title": meta["title"], "/Author": meta["author"], "/Subject": meta["subject"],
                         "/CreationDate": date, "/ModDate": date})
    writer._root_object[NameObject("/Lang")] = TextStringObject(meta["language"])
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(stable_node_ids(buffer.getvalue()))


NODE_ID = re.compile(rb"\(node(\d{8})\)")


def stable_node_ids(pdf: bytes) -> bytes:
    """Chromium names the tagged PDF's structure elements after its accessibility nodes
    ("(node00000774)", used by table cells' /Headers and the /IDTree), numbers that vary from
    run to run. Renumber them by rank: same order, same length (so no offset moves), same
    bytes on every build."""
    numbers = sorted({int(m.group(1)) for m in NODE_ID.finditer(pdf)})
    rank = {n: i + 1 for i, n in enumerate(numbers)}
    return NODE_ID.sub(lambda m: b"(node%08d)" % rank[int(m.group(1))], pdf)


def build_print_site(dest: Path, epoch: int, config: str = "mkdocs.yml") -> None:
    env = {**os.environ, "BOOK_PDF": "true", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *STRICT, "-q", "-f", config, "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pdf: the print build failed:\n{result.stderr[-3000:]}")


def print_pdf(print_site: Path, out: Path, browser_path: str, meta: dict) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(print_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print_page/", wait_until="load",
                      timeout=120_000)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            if page.evaluate(NUMBER_CHAPTERS, meta["language"]) == 0:
                sys.exit("pdf: no chapter found under a \"Part ...\" section of the nav to number")
            page.add_style_tag(content=NUMBER_STYLE)
            page.evaluate(RELINK, meta["site_url"])
            page.evaluate("title => { document.title = title }", meta["title"])
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
            page.wait_for_load_state("networkidle")
            page.emulate_media(media="print")
            page.pdf(path=str(out), format="A4", print_background=True, outline=True, tagged=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
            browser.close()
    finally:
        server.shutdown()


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else ROOT / "site").resolve()
    if not site.is_dir():
        sys.exit(f"pdf: {site} is not a built site; run `make build` first")
    browser_path = chromium()
    if browser_path is None:
        if os.environ.get("CI", "").lower() == "true":
            sys.exit("pdf: Chromium not found; on CI the PDF is required (install Debian's chromium, as .ci/run does)")
        print("pdf: skipped, Chromium not found: the site is built without the PDF; to get it, "
              "install Chromium (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome, "
              "then run `make build` again")
        return 0
    epoch = source_date_epoch()
    # The English edition, and the Chinese edition (what is translated) where it was built.
    editions = [("mkdocs.yml", site)]
    if (ROOT / "mkdocs.zh.yml").exists() and (site / "zh").is_dir():
        editions.append(("mkdocs.zh.yml", site / "zh"))
    for config, folder in editions:
        start = time.perf_counter()
        meta = book_metadata(config)
        with tempfile.TemporaryDirectory(prefix="book-print-") as tmp:
            build_print_site(Path(tmp) / "site", epoch, config)
            print_pdf(Path(tmp) / "site", Path(tmp) / PDF_NAME, browser_path, meta)
            finish_pdf(Path(tmp) / PDF_NAME, folder / PDF_NAME, meta, epoch)
        size = (folder / PDF_NAME).stat().st_size
        print(f"pdf: wrote {folder / PDF_NAME} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
