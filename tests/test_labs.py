"""Every lab follows the lab template and checks itself against a published source."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parent.parent
LABS = sorted(p for p in (ROOT / "notebooks").glob("*.py") if not p.name.startswith("_"))
TEMPLATE = ["Overview", "Prerequisites", "Time to learn", "Check against published results", "Summary", "What's next"]


def test_there_are_eight_labs():
    names = {p.stem for p in LABS}
    assert names == {"orbits", "catalogue-statistics", "propagation", "conjunctions", "breakup",
                     "lifetime", "leo-capacity", "remote-sensing"}


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_follows_the_template(lab):
    nb = jupytext.read(lab)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.match(r"# \S", nb.cells[0].source), "the first cell is the lab's title"
    headings = re.findall(r"^## (.+?)\s*$", markdown, re.M)
    positions = [headings.index(h) if h in headings else -1 for h in TEMPLATE]
    assert -1 not in positions, f"missing sections: {[h for h, p in zip(TEMPLATE, positions) if p < 0]}"
    assert positions == sorted(positions), f"sections out of order: {headings}"


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_checks_its_results_and_uses_the_book_style(lab):
    nb = jupytext.read(lab)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    cells = nb.cells
    start = next(i for i, c in enumerate(cells) if c.cell_type == "markdown"
                 and "## Check against published results" in c.source)
    check = "\n".join(c.source for c in cells[start:] if c.cell_type == "code")
    assert "assert" in check, "the check section must assert its numbers against the source"
    assert "Check against" in check and "passed" in check, "the check must say so to the reader"
    assert any("book_style()" in src for src in code), "call shared_orbits.plotting.book_style()"
    assert "from shared_orbits" in "\n".join(code), "labs import their computations from the package"


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_is_deterministic(lab):
    """Random draws come from a seeded generator, never from numpy's global state."""
    code = "\n".join(c.source for c in jupytext.read(lab).cells if c.cell_type == "code")
    assert not re.search(r"np\.random\.(rand|randn|random|normal|uniform|choice|seed)\(", code)
    if "default_rng(" in code:
        assert re.search(r"default_rng\(\s*\d+", code), "seed the generator with a fixed number"
