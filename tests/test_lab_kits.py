"""Lab kits: every lab runs from what the site offers, outside the repository.

The build writes, per lab, a zip with the executed notebook, the book's package as a wheel,
the data files the lab's code names and a pinned requirements.txt (hooks/notebooks.py).
The slow test does what a reader does: unzip a kit far from the repository, make a fresh
virtual environment, install the requirements, and run the notebook, whose first cell
installs the wheel beside it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

import jupytext
import pytest

from conftest import ROOT

LABS = sorted(p for p in (ROOT / "notebooks").glob("*.py") if not p.name.startswith("_"))
KIT_LAB = "catalogue-statistics"  # reads a data file, runs in seconds


def _hook():
    spec = importlib.util.spec_from_file_location("nbhook_kits", ROOT / "hooks" / "notebooks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


@pytest.fixture(scope="module")
def hook():
    return _hook()


def _code(lab: Path) -> str:
    return "\n".join(c.source for c in jupytext.read(lab).cells if c.cell_type == "code")


# --- The pieces, fast --------------------------------------------------------------


def test_cell_ids_depend_only_on_the_lab_and_the_position(hook):
    nb = jupytext.read(ROOT / "notebooks" / "orbits.py")
    first, again = json.loads(hook.downloadable(nb, "orbits")), json.loads(hook.downloadable(nb, "orbits"))
    ids = [c["id"] for c in first["cells"]]
    assert ids == [c["id"] for c in again["cells"]], "two exports of one lab must have the same ids"
    assert len(set(ids)) == len(ids), "cell ids must be unique"
    other = json.loads(hook.downloadable(nb, "breakup"))
    assert ids[0] != other["cells"][0]["id"], "ids should differ between labs"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids), "nbformat's id pattern"


def test_the_setup_cell_comes_first_and_the_page_is_unchanged(hook):
    nb = jupytext.read(ROOT / "notebooks" / "orbits.py")
    page_before, _ = hook.render(ROOT / "notebooks" / "orbits.py", nb, "orbits")
    exported = json.loads(hook.downloadable(nb, "orbits"))
    page_after, _ = hook.render(ROOT / "notebooks" / "orbits.py", nb, "orbits")
    assert page_before == page_after, "exporting must not change the lab page"
    code = [c for c in exported["cells"] if c["cell_type"] == "code"]
    setup = "".join(code[0]["source"])
    assert "shared_orbits-*.whl" in setup and "pip" in setup and "ModuleNotFoundError" in setup
    assert code[0]["outputs"] == [], "the set-up cell carries no output"
    assert "".join(code[1]["source"]) == next(c.source for c in nb.cells if c.cell_type == "code")
    assert "Set-up" not in page_after and "shared_orbits-*.whl" not in page_after


def test_the_setup_cell_says_what_to_do_when_there_is_no_package_and_no_wheel(hook, tmp_path):
    """Run the cell's code in a Python that has no shared_orbits, in a folder with no wheel."""
    script = tmp_path / "setup.py"
    script.write_text(hook.SETUP_CELL, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([sys.executable, "-I", "-S", str(script)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError") and "lab kit" in last, result.stderr[-500:]


def test_a_kit_takes_the_data_files_the_code_names(hook, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("catalogue.csv", "catalogue.csv.gz", "tles.txt", "unused.csv", "README.md"):
        (data / name).write_text(name, encoding="utf-8")
    monkeypatch.setattr(hook, "DATA", data)
    code = 'rows = read(DATA / "catalogue.csv.gz")\nx = open("data/tles.txt")'
    assert [p.name for p in hook.data_files(code)] == ["catalogue.csv.gz", "tles.txt", "README.md"]
    assert hook.data_files("print(1)") == [], "no data named, no data (and no README)"


def test_requirements_pin_what_the_labs_import_at_the_installed_versions(hook):
    text = hook.requirements(_code(ROOT / "notebooks" / "orbits.py"))
    pins = dict(line.split("==") for line in text.splitlines() if line and not line.startswith("#"))
    for name in ("numpy", "scipy", "matplotlib", "sgp4", "pymsis"):
        assert pins.get(name) == metadata.version(name), (name, pins.get(name))
    assert "shared-orbits" not in pins and "shared_orbits" not in pins, "the package comes as the wheel"
    assert all(re.fullmatch(r"[a-z0-9.-]+", n) and re.fullmatch(r"[\w.+!-]+", v) for n, v in pins.items())


def test_zips_depend_only_on_their_entries_and_the_epoch(hook):
    entries = {"b/x.txt": b"x", "a/y.txt": b"y" * 1000}
    one = hook.write_zip(entries, 1_780_000_000)
    assert one == hook.write_zip(dict(reversed(entries.items())), 1_780_000_000)
    assert one != hook.write_zip(entries, 1_790_000_000)
    import io

    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert archive.namelist() == ["a/y.txt", "b/x.txt"]
        assert archive.getinfo("a/y.txt").date_time[:3] == time.gmtime(1_780_000_000)[:3]


# --- The built kits -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=[p.stem for p in LABS])
def test_every_lab_offers_its_kit_first(built_site, lab):
    name = lab.stem
    page = (built_site / "labs" / name / "index.html").read_text(encoding="utf-8")
    kit_link = page.find(f'href="./{name}-kit.zip"') if f'href="./{name}-kit.zip"' in page else page.find(f'href="{name}-kit.zip"')
    notebook_link = max(page.find(f'href="./{name}.ipynb"'), page.find(f'href="{name}.ipynb"'))
    assert 0 <= kit_link < notebook_link, f"{name}: the kit should be linked, before the notebook"
    with zipfile.ZipFile(built_site / "labs" / name / f"{name}-kit.zip") as kit:
        names = set(kit.namelist())
        wheel = next(n for n in names if n.endswith(".whl"))
        assert {f"{name}/{name}.ipynb", f"{name}/requirements.txt", f"{name}/README.txt"} <= names
        assert wheel.startswith(f"{name}/shared_orbits-") and kit.read(wheel) == \
            next((built_site / "labs").glob("shared_orbits-*.whl")).read_bytes()
        code = _code(lab)
        for path in sorted((ROOT / "notebooks" / "data").glob("*")):
            named = path.name in code
            assert (f"{name}/data/{path.name}" in names) == named, f"{name}: data/{path.name} named={named}"
        notebook = json.loads(kit.read(f"{name}/{name}.ipynb"))
        assert any(c.get("outputs") for c in notebook["cells"]), "the kit's notebook is the executed one"


@pytest.mark.slow
def test_the_all_labs_kit_holds_every_lab(built_site):
    with zipfile.ZipFile(built_site / "labs" / "shared-orbits-labs.zip") as kit:
        names = set(kit.namelist())
    assert {f"shared-orbits-labs/{p.stem}.ipynb" for p in LABS} <= names
    assert "shared-orbits-labs/requirements.txt" in names
    assert any(n.endswith(".whl") for n in names)


@pytest.mark.slow
def test_a_kit_runs_in_a_fresh_environment_outside_the_repository(built_site, tmp_path_factory):
    start = time.perf_counter()
    where = tmp_path_factory.mktemp("reader")
    assert ROOT not in where.parents, "the kit must run outside the repository"
    with zipfile.ZipFile(built_site / "labs" / KIT_LAB / f"{KIT_LAB}-kit.zip") as kit:
        kit.extractall(where)
    folder = where / KIT_LAB
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env, timeout=300)
    python = str(venv / "bin" / "python")
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--only-binary=:all:",
                              "-r", "requirements.txt", "nbclient", "ipykernel"],
                             cwd=folder, env=env, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    runner = where / "run.py"
    runner.write_text(
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        f"nb = nbformat.read('{KIT_LAB}.ipynb', as_version=4)\n"
        "for cell in nb.cells:\n"
        "    if cell.cell_type == 'code':\n"
        "        cell.outputs = []\n"
        "NotebookClient(nb, timeout=600, kernel_name='python3').execute()\n"
        f"nbformat.write(nb, 'ran.ipynb')\n", encoding="utf-8")
    run = subprocess.run([python, str(runner)], cwd=folder, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"the lab failed outside the repository:\n{run.stdout[-2000:]}{run.stderr[-4000:]}"
    ran = json.loads((folder / "ran.ipynb").read_text(encoding="utf-8"))
    outputs = ["".join(o.get("text", "")) for c in ran["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert outputs[0].startswith("Installed shared_orbits-"), "the first cell should install the wheel"
    assert any("passed" in text for text in outputs), "the lab's check against published results should pass"
    where_from = subprocess.run([python, "-c", "import shared_orbits; print(shared_orbits.__file__)"],
                                cwd=where, env=env, capture_output=True, text=True, timeout=60).stdout
    assert str(venv) in where_from, f"shared_orbits came from {where_from}, not the kit's wheel"
    print(f"\nlab kit ({KIT_LAB}) installed and run in a fresh environment in {time.perf_counter() - start:.0f} s")
