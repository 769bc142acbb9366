"""MkDocs hook: execute the labs in ``notebooks/`` and render them as Markdown pages.

Each ``notebooks/<name>.py`` (jupytext py:percent) becomes, at build time:

- ``labs/<name>/index.md``: the notebook as Markdown (prose as written, code highlighted,
  outputs as text blocks, figures as SVG files with the alt text from the cell header);
- ``labs/<name>/<name>.ipynb``: the executed notebook, offered for download;
- ``labs/<name>/fig-<cell>-<k>.svg``: the figures.

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
import hashlib
import json
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parent.parent
# SHARED_ORBITS_NOTEBOOKS points the build at another folder of labs (the tests use it).
NOTEBOOKS = Path(os.environ.get("SHARED_ORBITS_NOTEBOOKS", ROOT / "notebooks")).resolve()
CACHE = ROOT / ".cache"
RUN_NOTE = ROOT / "includes" / "lab-run.md"
# Files whose change must re-execute the labs: the package and the labs' data.
INPUTS = [ROOT / "src" / "shared_orbits", NOTEBOOKS / "data"]
TIMEOUT_S = 300
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

    nb = nbformat.reads(keyed_json, as_version=4)
    client = NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", record_timing=False,
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
                cell.outputs = run.get("outputs", [])
                cell.execution_count = run.get("execution_count")
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata.pop("jupytext", None)
        markdown, figures = render(path, nb, path.stem)
        labs[path.stem] = (markdown, figures, nbformat.writes(nb))
    return labs


def on_files(files, config):
    for name, (markdown, figures, ipynb) in build_labs(lab_paths()).items():
        base = f"labs/{name}"
        files.append(File.generated(config, f"{base}/index.md", content=markdown))
        files.append(File.generated(config, f"{base}/{name}.ipynb", content=ipynb))
        for fig, body in figures.items():
            files.append(File.generated(config, f"{base}/{fig}", content=body))
    return files


def on_serve(server, config, builder):
    # live reload when a lab or the package changes
    server.watch(str(NOTEBOOKS))
    server.watch(str(ROOT / "src"))
    server.watch(str(ROOT / "includes"))
    return server
