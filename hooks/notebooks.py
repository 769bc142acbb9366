"""MkDocs hook: execute the labs in ``notebooks/`` and render them as Markdown pages.

Each ``notebooks/<name>.py`` (jupytext py:percent) becomes, at build time:

- ``labs/<name>/index.md``: the notebook as Markdown (prose as written, code highlighted,
  outputs as text blocks, figures as SVG files with the alt text from the cell header);
- ``labs/<name>/<name>.ipynb``: the executed notebook, offered for download;
- ``labs/<name>/fig-<cell>-<k>.svg``: the figures;
- ``labs/<name>/<name>-kit.zip``: the lab kit, which runs outside the repository: the
  notebook, the book's package as a wheel, the files of ``notebooks/data/`` that the lab's
  code names, a ``requirements.txt`` pinned to the versions the book was built with, and a
  README; ``labs/shared-orbits-labs.zip`` holds every lab, and
  ``labs/shared_orbits-<version>-py3-none-any.whl`` is the wheel on its own.

The downloadable notebook gets one code cell before its first: it finds the package, or
installs the wheel beside it, or says what to do. The lab page is rendered before that cell
is added, so the page shows the lab exactly as it ran.

Builds repeat byte for byte: cell ids come from the lab's name and the cell's position,
and every date written (the wheel's and kits' file times, mkdocs' sitemap, the PDF) is the
last commit's time, ``SOURCE_DATE_EPOCH``, which this hook sets when it is not set.

Rendering to Markdown before MkDocs reads the page keeps lab pages as light as prose pages
and puts their text in the search index and their headings in the table of contents.

Execution is cached with jupyter-cache, keyed on the code cells only (plus the package and
data files the notebooks read), so a rebuild with no code change executes nothing and
editing a lab's prose or alt text re-renders without re-executing. A cell that raises stops
the build with the notebook, the cell and the error, not a page of traceback.
"""

from __future__ import annotations

import base64
import copy
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parent.parent
# SHARED_ORBITS_NOTEBOOKS points the build at another folder of labs (the tests use it).
NOTEBOOKS = Path(os.environ.get("SHARED_ORBITS_NOTEBOOKS", ROOT / "notebooks")).resolve()
# SHARED_ORBITS_CACHE moves the execution and wheel cache (the reproducibility test builds
# once with an empty one).
CACHE = Path(os.environ.get("SHARED_ORBITS_CACHE", ROOT / ".cache")).resolve()
RUN_NOTE = ROOT / "includes" / "lab-run.md"
# Files whose change must re-execute the labs: the package and the labs' data.
INPUTS = [ROOT / "src" / "shared_orbits", NOTEBOOKS / "data"]
DATA = NOTEBOOKS / "data"
TIMEOUT_S = 300
PACKAGE = "shared_orbits"
ALL_LABS = "shared-orbits-labs"
# The files from which the wheel is built (copied to a temporary folder, so that the build
# leaves nothing in the working tree).
WHEEL_SOURCES = ["pyproject.toml", "README.md", "LICENSE", "setup.cfg", "setup.py", "MANIFEST.in"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookError(PluginError):
    """A lab could not be executed or rendered."""


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for base in INPUTS:
        for path in sorted(base.rglob("*")) if base.exists() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key_copy(nb, digest: str):
    """The notebook as jupyter-cache should see it: code cells only matter, and the
    digest of the package and data is folded into the (hashed) kernelspec."""
    keyed = copy.deepcopy(nb)
    for cell in keyed.cells:
        if cell.cell_type == "code":
            cell.metadata = {}
    keyed.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python",
                       "inputs": digest}
    }
    return keyed


def _cell_line(text: str, source: str) -> int | None:
    """Line in the .py file where a cell's source starts (for error messages)."""
    first = next((line for line in source.splitlines() if line.strip()), None)
    if first is None:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if line == first:
            return number
    return None


def _execute(path_str: str, keyed_json: str) -> str:
    """Execute one notebook in a fresh kernel (runs in a worker thread; the kernel is its own process)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from jupyter_client import KernelManager

    nb = nbformat.reads(keyed_json, as_version=4)
    # The kernel talks to the build over local sockets (IPC) rather than TCP on localhost:
    # nothing to eavesdrop on, and no "running over TCP without encryption" warning per lab.
    with tempfile.TemporaryDirectory(prefix="lab-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(nb, km=km, timeout=TIMEOUT_S, record_timing=False,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            client.execute()
        except CellExecutionError as exc:
            index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                          and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
            return json.dumps({"error": True, "cell": index, "ename": exc.ename,
                               "evalue": ANSI.sub("", str(exc.evalue))})
    return nbformat.writes(nb)


def _execute_all(jobs: dict) -> dict:
    if not jobs:
        return {}
    if len(jobs) == 1:
        return {k: _execute(*v) for k, v in jobs.items()}
    # Kernels are separate processes, so two threads keep both cores busy.
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(_execute, *v) for k, v in jobs.items()}
        return {k: f.result() for k, f in futures.items()}


SVG_DATE = re.compile(r"\s*<dc:date>[^<]*</dc:date>")


def _without_dates(outputs: list) -> list:
    """Outputs as they are on every run: without the time of execution that matplotlib writes
    into SVG metadata, and with consecutive printed text joined into one output (how the
    kernel splits it into messages depends on timing)."""
    merged: list = []
    for out in outputs:
        data = out.get("data", {})
        svg = data.get("image/svg+xml")
        if svg is not None:
            data["image/svg+xml"] = SVG_DATE.sub("", "".join(svg) if isinstance(svg, list) else svg)
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            text = lambda o: "".join(o["text"]) if isinstance(o.get("text"), list) else o.get("text", "")  # noqa: E731
            merged[-1]["text"] = text(merged[-1]) + text(out)
        else:
            merged.append(out)
    return merged


def _fail(path: Path, nb, index: int | None, ename: str, evalue: str):
    text = path.read_text(encoding="utf-8")
    if index is None:
        where = "before any cell ran"
        snippet = ""
    else:
        source = nb.cells[index].source
        line = _cell_line(text, source)
        number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
        where = f"code cell {number}" + (f" (line {line})" if line else "")
        snippet = "\n".join("    | " + s for s in source.strip().splitlines()[-6:])
    rel = path.relative_to(ROOT)
    raise NotebookError(f"Lab {rel} failed in {where}: {ename}: {evalue}\n{snippet}")


def _outputs_markdown(nb_path: Path, cell, number: int, figures: dict) -> list[str]:
    parts: list[str] = []
    k = 0
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            text = ANSI.sub("", out.get("text", "")).rstrip()
            if text:
                parts.append(f'```{{.text .nb-output}}\n{text}\n```')
            continue
        if kind not in ("execute_result", "display_data"):
            continue
        data = out.get("data", {})
        image = None
        if "image/svg+xml" in data:
            image = ("svg", data["image/svg+xml"])
            image = (image[0], "".join(image[1]) if isinstance(image[1], list) else image[1])
        elif "image/png" in data:
            image = ("png", base64.b64decode(data["image/png"]))
        if image:
            alt = str(cell.metadata.get("alt", "")).strip()
            if not alt:
                raise NotebookError(
                    f"Lab {nb_path.relative_to(ROOT)}, code cell {number}: a figure has no alt text. "
                    f'Add it to the cell header: # %% alt="What the figure shows and its takeaway."')
            k += 1
            name = f"fig-{number}-{k}.{image[0]}"
            body = image[1].encode() if isinstance(image[1], str) else image[1]
            figures[name] = body
            parts.append(f'![{alt.replace("]", ")")}]({name}){{ .nb-figure loading=lazy }}')
        elif "text/markdown" in data:
            parts.append(data["text/markdown"])
        elif "text/plain" in data:
            text = ANSI.sub("", data["text/plain"]).rstrip()
            parts.append(f'```{{.text .nb-output}}\n{text}\n```')
    return parts


def render(nb_path: Path, nb, name: str) -> tuple[str, dict]:
    """Markdown for the lab page, and the figure files it refers to."""
    figures: dict[str, bytes] = {}
    blocks: list[str] = []
    number = 0
    run_note = RUN_NOTE.read_text(encoding="utf-8").replace("{name}", name) if RUN_NOTE.exists() else ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            blocks.append(cell.source)
            if run_note and cell.source.lstrip().startswith("# ") and len(blocks) == 1:
                # the run-it-yourself note goes right under the title
                blocks.append(run_note)
        elif cell.cell_type == "code":
            number += 1
            if cell.source.strip():
                blocks.append(f"```python\n{cell.source.rstrip()}\n```")
            blocks.extend(_outputs_markdown(nb_path, cell, number, figures))
    return "\n\n".join(blocks) + "\n", figures


def lab_paths() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("*.py") if not p.name.startswith("_"))


def build_labs(paths: list[Path]) -> dict:
    """Execute (or fetch from the cache) and render each lab; return {name: (md, figures, ipynb)}."""
    import jupytext
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(CACHE / "jupyter"))
    digest = _inputs_digest()
    notebooks, keyed, jobs = {}, {}, {}
    for path in paths:
        nb = jupytext.read(path)
        notebooks[path] = nb
        keyed[path] = _cache_key_copy(nb, digest)
        try:
            _, merged = cache.merge_match_into_notebook(keyed[path])
            keyed[path] = merged
        except KeyError:
            jobs[path] = (str(path), nbformat.writes(keyed[path]))
    if jobs:
        log.info("Executing %d lab(s): %s", len(jobs), ", ".join(p.stem for p in jobs))
    for path, result in _execute_all(jobs).items():
        if result.startswith('{"error"'):
            err = json.loads(result)
            _fail(path, notebooks[path], err["cell"], err["ename"], err["evalue"])
        executed = nbformat.reads(result, as_version=4)
        for cell in executed.cells:  # the cache matches on code and kept metadata only
            if cell.cell_type == "code":
                cell.metadata = {}
        cache.cache_notebook_bundle(CacheBundleIn(executed, str(path)), check_validity=False, overwrite=True)
        keyed[path] = executed

    labs = {}
    for path, nb in notebooks.items():
        for cell, run in zip(nb.cells, keyed[path].cells):
            if cell.cell_type == "code":
                cell.outputs = _without_dates(run.get("outputs", []))
                cell.execution_count = run.get("execution_count")
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata.pop("jupytext", None)
        markdown, figures = render(path, nb, path.stem)  # the page, before the set-up cell
        labs[path.stem] = (markdown, figures, downloadable(nb, path.stem))
    return labs


# --- Reproducible dates ---------------------------------------------------------------

def source_date_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` if set, else the time of the last commit (else now)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                             text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return int(out) if out.isdigit() else int(time.time())


# --- The downloadable notebook ------------------------------------------------------

SETUP_CELL = f'''\
# Set-up: this lab uses the book's package {PACKAGE}. If it is not installed, install the
# wheel that comes with it in the lab kit (the .whl file beside this notebook).
import importlib.util
import pathlib
import subprocess
import sys

if importlib.util.find_spec("{PACKAGE}") is None:
    wheels = sorted(pathlib.Path.cwd().glob("{PACKAGE}-*.whl"))
    if not wheels:
        raise ModuleNotFoundError("This lab needs the book's package {PACKAGE}: download the lab kit "
                                  "(the .zip on the lab's page), unzip it and open the notebook from its folder.")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", str(wheels[-1])], check=True)
    importlib.invalidate_caches()
    print(f"Installed {{wheels[-1].name}}")
'''


def cell_id(name: str, position: int) -> str:
    """A cell id that depends only on the lab and the cell's position (nbformat 4.5)."""
    return hashlib.sha256(f"{name}/{position}".encode()).hexdigest()[:16]


def downloadable(nb, name: str) -> str:
    """The executed notebook as offered for download: the set-up cell before the first code
    cell, and cell ids derived from the lab's name and each cell's position."""
    import nbformat

    nb = copy.deepcopy(nb)
    first_code = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    setup = nbformat.v4.new_code_cell(SETUP_CELL, metadata={"tags": ["setup"]})
    nb.cells.insert(first_code, setup)
    nb.nbformat, nb.nbformat_minor = 4, max(5, nb.get("nbformat_minor", 5))
    for position, cell in enumerate(nb.cells):
        cell["id"] = cell_id(name, position)
    return nbformat.writes(nb)


# --- The package as a wheel ----------------------------------------------------------

def _wheel_inputs() -> list[Path]:
    files = [ROOT / n for n in WHEEL_SOURCES if (ROOT / n).is_file()]
    files += [p for p in sorted((ROOT / "src").rglob("*")) if p.is_file()
              and "__pycache__" not in p.parts and not any(x.endswith(".egg-info") for x in p.parts)]
    return files


def build_wheel(epoch: int) -> Path:
    """The package built as a wheel (pip, no dependencies, no network), cached on its sources."""
    digest = hashlib.sha256(str(epoch).encode())
    for path in _wheel_inputs():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    out = CACHE / "wheel" / digest.hexdigest()[:16]
    wheels = sorted(out.glob("*.whl")) if out.is_dir() else []
    if wheels:
        return wheels[0]
    with tempfile.TemporaryDirectory(prefix="book-wheel-") as tmp:
        src = Path(tmp) / "src"
        for path in _wheel_inputs():
            target = src / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
             "--disable-pip-version-check", "--quiet", "--wheel-dir", str(Path(tmp) / "dist"), str(src)],
            capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
        built = sorted((Path(tmp) / "dist").glob("*.whl"))
        if result.returncode != 0 or not built:
            raise NotebookError(f"Could not build the package's wheel:\n{result.stderr[-2000:]}")
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], out / built[0].name)
    return out / built[0].name


# --- What a lab needs: data files and pinned requirements ---------------------------

def data_files(code: str) -> list[Path]:
    """The files of notebooks/data/ whose names the code mentions (with the data folder's
    README, for provenance, when there is any)."""
    if not DATA.is_dir():
        return []
    found = []
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        if re.search(r"(?<![\w.-])" + re.escape(path.name) + r"(?![\w-]|\.\w)", code):
            found.append(path)
    readme = next((p for p in sorted(DATA.glob("README*")) if p.is_file()), None)
    if found and readme and readme not in found:
        found.append(readme)
    return found


@functools.cache
def _providers() -> dict:
    return metadata.packages_distributions()


IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", re.M)


def _imported_distributions(code: str) -> set[str]:
    """Distributions that provide the top-level modules the code imports (not the standard
    library, not the book's own package)."""
    providers = _providers()
    names = set()
    for module in IMPORT.findall(code):
        if module in sys.stdlib_module_names or module in (PACKAGE, "__future__"):
            continue
        names.update(providers.get(module, []))
    return names


def _closure(roots: set[str]) -> dict[str, str]:
    """{distribution: installed version} for the roots and everything they require."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pinned: dict[str, str] = {}
    todo = sorted(roots)
    while todo:
        name = todo.pop()
        key = canonicalize_name(name)
        if key in pinned or key == canonicalize_name(PACKAGE):
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise NotebookError(f"The labs need {name}, which is not installed: add it to requirements.in")
        pinned[key] = dist.version
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return pinned


def requirements(code: str) -> str:
    """requirements.txt for code that uses the package: every distribution it needs, pinned."""
    package_code = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.py")))
    roots = _imported_distributions(code) | _imported_distributions(package_code)
    try:
        roots |= {r.split(";")[0].strip() for r in metadata.requires(PACKAGE.replace("_", "-")) or []
                  if "extra ==" not in r}
    except metadata.PackageNotFoundError:
        pass
    from packaging.requirements import Requirement

    roots = {Requirement(r).name for r in roots}
    lines = [f"{name}=={version}" for name, version in sorted(_closure(roots).items())]
    return ("# The versions the book was built with (Python "
            f"{sys.version_info.major}.{sys.version_info.minor}).\n" + "\n".join(lines) + "\n")


# --- Lab kits ------------------------------------------------------------------------

KIT_README = """\
{title}

Open it: unzip this folder, then open {notebooks} in JupyterLab, VS Code or a hosted
notebook service (upload the whole folder); the first code cell installs the book's package
from the .whl file here if your Python does not have it.

For the same versions the book was built with, make a virtual environment first:
    python -m venv .venv && .venv/bin/pip install -r requirements.txt {wheel} jupyterlab
    .venv/bin/jupyter lab

Files: the notebook(s), already executed; {wheel}, the book's package
shared_orbits; data/, the files the lab reads (see data/README for their sources, where
there is one); requirements.txt, the versions of the other packages. Text CC BY 4.0, code MIT.
"""


def write_zip(entries: dict[str, bytes], epoch: int) -> bytes:
    """A zip whose bytes depend only on its entries and the epoch (sorted, fixed times and modes)."""
    import io

    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip times start in 1980
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def kit(folder: str, title: str, notebooks: dict[str, str], code: str, wheel: Path, epoch: int) -> bytes:
    """The zip of one folder: notebooks, wheel, data named in the code, requirements, README."""
    entries = {f"{folder}/{name}.ipynb": text.encode() for name, text in notebooks.items()}
    entries[f"{folder}/{wheel.name}"] = wheel.read_bytes()
    for path in data_files(code):
        entries[f"{folder}/data/{path.relative_to(DATA).as_posix()}"] = path.read_bytes()
    entries[f"{folder}/requirements.txt"] = requirements(code).encode()
    names = ", ".join(f"{n}.ipynb" for n in notebooks) if len(notebooks) < 3 else "any of the .ipynb files"
    entries[f"{folder}/README.txt"] = KIT_README.format(title=title, notebooks=names, wheel=wheel.name).encode()
    return write_zip(entries, epoch)


def _code(path: Path) -> str:
    import jupytext

    return "\n".join(c.source for c in jupytext.read(path).cells if c.cell_type == "code")


def on_config(config):
    # Every date the build writes comes from here, so that two builds of a commit are identical.
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch())
    return config


def on_files(files, config):
    epoch = source_date_epoch()
    paths = {p.stem: p for p in lab_paths()}
    labs = build_labs(list(paths.values()))
    wheel = build_wheel(epoch) if labs else None
    if wheel:
        files.append(File.generated(config, f"labs/{wheel.name}", content=wheel.read_bytes()))
    codes = {}
    for name, (markdown, figures, ipynb) in labs.items():
        base = f"labs/{name}"
        files.append(File.generated(config, f"{base}/index.md", content=markdown))
        files.append(File.generated(config, f"{base}/{name}.ipynb", content=ipynb))
        for fig, body in figures.items():
            files.append(File.generated(config, f"{base}/{fig}", content=body))
        codes[name] = _code(paths[name])
        title = re.search(r"^# (.+)$", markdown, re.M)
        files.append(File.generated(config, f"{base}/{name}-kit.zip", content=kit(
            name, title.group(1).strip() if title else name, {name: ipynb}, codes[name], wheel, epoch)))
    if labs:
        everything = kit(ALL_LABS, "Shared Orbits: every lab", {n: labs[n][2] for n in labs},
                         "\n".join(codes.values()), wheel, epoch)
        files.append(File.generated(config, f"labs/{ALL_LABS}.zip", content=everything))
    return files


def on_serve(server, config, builder):
    # live reload when a lab or the package changes
    server.watch(str(NOTEBOOKS))
    server.watch(str(ROOT / "src"))
    server.watch(str(ROOT / "includes"))
    return server
