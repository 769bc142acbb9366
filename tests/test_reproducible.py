"""Two builds of one commit are identical, file by file, byte for byte.

The second build starts from an empty cache, so the labs are executed afresh and the wheel
is built again: what the first build took from the cache must be what execution gives.
Every date written comes from the last commit (SOURCE_DATE_EPOCH): the PDF's, the
sitemap's (and its gzip header's), the wheel's and the lab kits' file times.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILD_ENV, ROOT, run_build

pytestmark = pytest.mark.slow


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(built_site, tmp_path):
    start = time.perf_counter()
    again = tmp_path / "site"
    result = run_build(again, {"SHARED_ORBITS_CACHE": str(tmp_path / "empty-cache")})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Executing" in result.stderr, "the second build should execute the labs afresh"
    zh = run_build(again / "zh", config="mkdocs.zh.yml")   # the Chinese edition, as `make build` does
    assert zh.returncode == 0, zh.stderr[-3000:]
    pdf = subprocess.run([sys.executable, str(ROOT / "hooks" / "pdf.py"), str(again)], cwd=ROOT,
                         capture_output=True, text=True, timeout=1200,
                         env={**os.environ, **BUILD_ENV, "SHARED_ORBITS_CACHE": str(tmp_path / "empty-cache")})
    assert pdf.returncode == 0, pdf.stderr[-3000:]
    first, second = _digests(built_site), _digests(again)
    assert set(first) == set(second), f"files in one build only: {sorted(set(first) ^ set(second))[:20]}"
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"{len(differ)} file(s) differ between two builds: {differ[:30]}"
    for name in ("sitemap.xml.gz", "search/search_index.json", "shared-orbits.pdf"):
        assert name in first, f"{name} should be part of the build"
    assert any(n.endswith(".ipynb") for n in first) and any(n.endswith("-kit.zip") for n in first)
    print(f"\nsecond build (empty cache) and comparison of {len(first)} files in {time.perf_counter() - start:.0f} s")
