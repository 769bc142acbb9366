"""Every lab follows the lab template and checks itself against a published source."""

from __future__ import annotations

import ast
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


BIB = (ROOT / "bibliography" / "shared-orbits.bib").read_text(encoding="utf-8")
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", BIB, re.M))
#: Keys CONTRIBUTING.md reserves for sources many pages share (defined where first cited).
_SHARED = re.search(r"Keys for sources many\s+chapters share:(.*?)\n- \*\*Originals",
                    (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
SHARED_KEYS = set(re.findall(r"`([a-z0-9-]+)`", _SHARED.group(1))) if _SHARED else set()
CITATION = re.compile(r"(?<=[\[;\s])@([a-z0-9-]+)(?=[\],;\s])")


def _check_cells(nb):
    start = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                 and "## Check against published results" in c.source)
    end = next((i for i, c in enumerate(nb.cells) if i > start and c.cell_type == "markdown"
                and re.search(r"^## ", c.source, re.M)), len(nb.cells))
    return nb.cells[start:end]


def _literal_number(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _literal_number(node.operand)
        return None if value is None else -value
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    return None


def _published_checks(code: str):
    """Every call of compare_with_published in ``code``: (label, computed node, published, source, tolerances)."""
    calls = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "compare_with_published":
            args = list(node.args) + [None] * 3
            kw = {k.arg: k.value for k in node.keywords}
            calls.append((args[0], args[1] if args[1] is not None else kw.get("computed"),
                          args[2] if args[2] is not None else kw.get("published"), kw.get("source"),
                          kw.get("rel_tol"), kw.get("abs_tol")))
    return calls


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_checks_its_results_against_published_literals(lab):
    """The check section compares computed values with published numbers typed as literals.

    The rule, enforced statically: every check is a call of
    ``shared_orbits.published.compare_with_published`` whose published value is a number
    literal (so the lab cannot have computed it), whose computed value is not a literal,
    whose source is a bibliography key the lab cites, and whose tolerance could fail
    (a relative tolerance below 0.5, or an absolute one below the published value).
    No bare ``assert`` stands in for a check.
    """
    nb = jupytext.read(lab)
    cells = _check_cells(nb)
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    cited = set(CITATION.findall(markdown))
    checks = _published_checks(code)
    assert checks, "the check section must call compare_with_published"
    assert not any(isinstance(n, ast.Assert) for n in ast.walk(ast.parse(code))), \
        "checks go through compare_with_published, not bare asserts"
    for label, computed, published, source, rel_tol, abs_tol in checks:
        name = ast.unparse(label) if label is not None else "?"
        value = _literal_number(published) if published is not None else None
        assert value is not None, f"{name}: the published value must be a number literal typed from the source"
        assert computed is not None and _literal_number(computed) is None, f"{name}: the computed value must come from the lab"
        assert isinstance(source, ast.Constant) and isinstance(source.value, str), f"{name}: source must be a key"
        assert source.value in cited, f"{name}: cite [@{source.value}] in the lab's text"
        assert source.value in BIB_KEYS | SHARED_KEYS, f"{name}: {source.value} is not in the bibliography"
        assert (rel_tol is None) != (abs_tol is None), f"{name}: give one tolerance"
        tol = _literal_number(rel_tol if rel_tol is not None else abs_tol)
        assert tol is not None and tol > 0, f"{name}: the tolerance must be a positive literal"
        if rel_tol is not None:
            assert tol <= 0.5, f"{name}: a relative tolerance above 50% can hardly fail"
        else:
            assert tol < abs(value), f"{name}: an absolute tolerance as large as the value can hardly fail"
    assert "Check against" in code and "passed" in code, "the check must say so to the reader"


def test_the_static_rule_rejects_a_circular_check():
    """A published value the lab computed, or a tolerance that cannot fail, is caught."""
    circular = "x = f()\ncompare_with_published('x', f(), x, source='k', rel_tol=0.1)"
    loose = "compare_with_published('x', f(), 3.0, source='k', abs_tol=5.0)"
    assert _literal_number(_published_checks(circular)[0][2]) is None
    assert _literal_number(_published_checks(loose)[0][5]) >= 3.0


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_uses_the_book_style_and_the_package(lab):
    code = [c.source for c in jupytext.read(lab).cells if c.cell_type == "code"]
    assert any("book_style()" in src for src in code), "call shared_orbits.plotting.book_style()"
    assert "from shared_orbits" in "\n".join(code), "labs import their computations from the package"


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_has_exercises_a_typed_formula_and_a_reference_list(lab):
    nb = jupytext.read(lab)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    text = "\n".join(markdown)
    questions = re.findall(r'^!!! question "Try it yourself"\n((?:\n|    .*\n)+?)\?\?\? success "Answer"\n\n    \S', text + "\n", re.M)
    assert 2 <= len(questions) <= 3, "two or three 'Try it yourself' exercises, each with a folded answer"
    assert re.search(r"^## Type the formula yourself", text, re.M), "a cell where the student types the key formula"
    assert markdown[-1].strip() == "## References\n\n<!-- references -->", "end with the References list"
    assert CITATION.search(text), "cite sources by key: [@key]"


@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_lab_is_deterministic(lab):
    """Random draws come from a seeded generator, never from numpy's global state."""
    code = "\n".join(c.source for c in jupytext.read(lab).cells if c.cell_type == "code")
    assert not re.search(r"np\.random\.(rand|randn|random|normal|uniform|choice|seed)\(", code)
    if "default_rng(" in code:
        assert re.search(r"default_rng\(\s*\d+", code), "seed the generator with a fixed number"
