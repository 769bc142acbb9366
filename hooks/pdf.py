"""Write the PDF edition of the book: ``python hooks/pdf.py SITE_DIR`` (run by `make build`).

1. Build the book once more with the print-site plugin on (``BOOK_PDF=true``), which joins
   every page into one print page with a cover, a table of contents and numbered headings.
2. Open that page in headless Chromium (Debian's, or ``$CHROMIUM``), unfold every exercise
   solution (the printed book carries its solutions), and print it to
   ``SITE_DIR/shared-orbits.pdf``.

Labs are printed as they ran; formulas are MathML and Chinese text needs a CJK font on the
machine (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import functools
import http.server
import os
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


def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        sys.exit(f"pdf: Chromium not found at {path}; install Debian's chromium or set CHROMIUM")
    return path


def build_print_site(dest: Path) -> None:
    env = {**os.environ, "BOOK_PDF": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *STRICT, "-q", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pdf: the print build failed:\n{result.stderr[-3000:]}")


def print_pdf(print_site: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(print_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print_page/", wait_until="load",
                      timeout=120_000)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
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
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="book-print-") as tmp:
        build_print_site(Path(tmp))
        print_pdf(Path(tmp), site / PDF_NAME)
    size = (site / PDF_NAME).stat().st_size
    print(f"pdf: wrote {site / PDF_NAME} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
