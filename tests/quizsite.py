"""A small site built with the book's configuration around the self-check fixtures
(tests/fixtures/quiz): a chapter-like page with one question of each kind and a lab with a
question in a markdown cell. Building it takes seconds, not the whole book's minutes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "quiz"


def build(dest: Path, print_edition: bool = False) -> Path:
    """Build the fixture site into ``dest/site`` and return that folder."""
    docs = dest / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(FIXTURE / "docs", docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for page in ("instructors/question-bank.md", "instructors/assignments.md", "reference/glossary.md", "index.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / page, docs / page)
    config = dest / "mkdocs.yml"
    config.write_text(f"""\
INHERIT: {ROOT / 'mkdocs.yml'}
docs_dir: {docs}
theme:
  custom_dir: {ROOT / 'overrides'}
hooks:
  - {ROOT / 'hooks' / 'notebooks.py'}
  - {ROOT / 'hooks' / 'book.py'}
  - {ROOT / 'hooks' / 'quiz.py'}
plugins:
  - search
  - print-site:
      enabled: {'true' if print_edition else 'false'}
      add_cover_page: false
      add_table_of_contents: false
      enumerate_headings: true
      add_print_site_banner: false
      exclude:
        - index.md
validation:
  omitted_files: warn
  unrecognized_links: warn
  anchors: warn
nav:
  - Home: index.md
  - "Part II: Orbital debris":
      - debris/quiz-fixture.md
  - Lab: labs/quizlab/index.md
  - instructors/question-bank.md
  - instructors/assignments.md
  - reference/glossary.md
""", encoding="utf-8")
    site = dest / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SHARED_ORBITS_NOTEBOOKS": str(FIXTURE / "notebooks"),
           "BOOK_PDF": "true" if print_edition else "false"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"the fixture site did not build:\n{result.stderr[-4000:]}")
    return site
