"""Stable links across editions.

``python hooks/editions.py record YEAR [SITE]`` writes the page paths of a built site to
``tests/editions/YEAR.txt``. The tests then check that every path of every recorded edition
still resolves in the current build, as a page or as a redirect (mkdocs-redirects), so a
syllabus that links to a chapter keeps working when chapters move.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ROOT / "tests" / "editions"


def page_paths(site: Path) -> list[str]:
    """Directory-style paths of every page of a built site ('' for the home page)."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("search", "assets", "print_page")):
            continue
        paths.append("" if rel == "." else rel + "/")
    return paths


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "record":
        print(__doc__)
        return 2
    site = Path(argv[2]) if len(argv) > 2 else ROOT / "site"
    EDITIONS.mkdir(parents=True, exist_ok=True)
    out = EDITIONS / f"{argv[1]}.txt"
    out.write_text("\n".join(page_paths(site)) + "\n", encoding="utf-8")
    print(f"recorded {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
