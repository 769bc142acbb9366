"""Editions and citation: old links still resolve, editions deploy as copies, citation files parse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

EDITIONS = sorted((ROOT / "tests" / "editions").glob("*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS, ids=[e.stem for e in EDITIONS])
def test_every_page_path_of_a_recorded_edition_still_resolves(built_site, edition):
    missing = []
    for path in edition.read_text(encoding="utf-8").split():
        target = built_site / path / "index.html" if path.endswith("/") else built_site / path
        if not target.exists():
            missing.append(path)
    assert not missing, f"pages of the {edition.stem} edition that no longer resolve (add a redirect): {missing}"


def test_an_edition_was_recorded():
    assert EDITIONS, "record the current edition with `python hooks/editions.py record YEAR site`"


@pytest.mark.slow
def test_mike_deploys_an_edition_with_copied_aliases(tmp_path):
    """Deploy into a scratch clone: the edition and 'latest' are real copies, listed in versions.json."""
    clone = tmp_path / "book"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    git_env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@localhost"}
    bindir = str(Path(sys.executable).parent)  # mike runs the site builder found on PATH
    env = {**os.environ, **git_env, "BOOK_VERSIONS": "mike", "NO_MKDOCS_2_WARNING": "1",
           "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    cache = ROOT / ".cache"
    if cache.exists():  # reuse the executed labs instead of running them again
        subprocess.run(["cp", "-r", str(cache), str(clone / ".cache")], check=True)
    mike = Path(sys.executable).parent / "mike"
    result = subprocess.run([str(mike), "deploy", "--alias-type=copy", "2026", "latest"],
                            cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=clone,
                           capture_output=True, text=True, check=True).stdout.split()
    assert "2026/index.html" in files and "latest/index.html" in files
    assert "2026/domain/orbits-for-everyone/index.html" in files
    modes = subprocess.run(["git", "ls-tree", "gh-pages", "latest"], cwd=clone, capture_output=True,
                           text=True, check=True).stdout
    assert not modes.startswith("120000"), "the 'latest' alias must be a copy, not a symlink"
    versions = json.loads(subprocess.run(["git", "show", "gh-pages:versions.json"], cwd=clone,
                                         capture_output=True, text=True, check=True).stdout)
    assert versions[0]["version"] == "2026" and "latest" in versions[0]["aliases"]


def test_citation_file_parses_and_names_the_book():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"].startswith("Shared Orbits")
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}
    assert cff["preferred-citation"]["type"] == "book"


def test_bibtex_snippet_on_the_about_page_is_balanced():
    text = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    block = text.split("```bibtex", 1)[1].split("```", 1)[0]
    assert block.count("{") == block.count("}") and block.strip().startswith("@book{")
    for field in ("title", "year", "edition", "author"):
        assert f"{field}" in block
