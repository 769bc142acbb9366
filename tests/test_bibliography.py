"""The book's one bibliography: every key resolves, every entry is cited, one entry per
source, complete fields, originals rather than mirrors, and rendered lists that match the data."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_file, parse_string

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import bibliography as hook  # noqa: E402

BIB = parse_file(str(hook.BIB), bib_format="bibtex")
ENTRIES = BIB.entries
MIRRORS = yaml.safe_load((ROOT / "bibliography" / "mirrors.yml").read_text(encoding="utf-8"))
LINKS_WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"


def citing_sources() -> dict[str, str]:
    """Every file a reader sees that may cite: pages, labs and the includes."""
    files = [*sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "notebooks").glob("*.py")),
             *sorted((ROOT / "includes").glob("*.md"))]
    return {str(f.relative_to(ROOT)): f.read_text(encoding="utf-8") for f in files}


SOURCES = citing_sources()
CITED = {path: hook.cited_keys(text) for path, text in SOURCES.items()}
CITING = {path: keys for path, keys in CITED.items() if keys}


def test_citation_syntax_is_read_as_documented():
    text = "A [@a-1] and [@b; @c, Table 5-1] but not `[@code]`\n\n```\n[@fenced]\n```\n[@a-1]"
    assert hook.cited_keys(text) == ["a-1", "b", "c"]


@pytest.mark.parametrize("path", sorted(CITING))
def test_every_citation_key_resolves(path):
    unknown = [k for k in CITING[path] if k not in ENTRIES]
    assert not unknown, f"{path} cites keys with no entry in bibliography/shared-orbits.bib: {unknown}"


def test_every_entry_is_cited():
    cited = {k for keys in CITED.values() for k in keys}
    uncited = sorted(set(ENTRIES) - cited)
    assert not uncited, f"entries cited nowhere (cite them or remove them): {uncited}"


@pytest.mark.parametrize("path", sorted(CITING))
def test_a_citing_page_has_its_reference_list(path):
    assert hook.REFERENCES in SOURCES[path], f"{path} cites sources but has no '{hook.REFERENCES}' line"


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip().lower())
    host = parts.netloc.removeprefix("www.").split(":")[0]
    return host + parts.path.rstrip("/") + (("?" + parts.query) if parts.query else "")


def _title_key(entry) -> str:
    """Title, first author or body, and year, as words: one source however precisely dated."""
    title = re.sub(r"\W+", " ", hook._text(entry.fields.get("title", "")).lower()).strip()
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    first = re.sub(r"\W+", " ", str(persons[0]).lower()).strip() if persons else ""
    return f"{title}|{first}|{entry.fields.get('date', entry.fields.get('year', ''))[:4]}"


def test_no_two_entries_are_the_same_source():
    seen: dict[str, list[str]] = {}
    for key, entry in ENTRIES.items():
        marks = {"title:" + _title_key(entry)}
        if "url" in entry.fields:
            marks.add("url:" + _url_key(entry.fields["url"]))
        if "doi" in entry.fields:
            marks.add("doi:" + entry.fields["doi"].lower())
        if "number" in entry.fields and entry.type != "article":   # a document symbol or report number
            marks.add("number:" + re.sub(r"\s+", "", entry.fields["number"].lower()))
        for mark in marks:
            seen.setdefault(mark, []).append(key)
    same = {mark: keys for mark, keys in seen.items() if len(keys) > 1}
    assert not same, f"entries that describe one source: {same}"


REQUIRED = {  # type -> fields it needs besides author (or editor), title and a date
    "article": [("journal",)],
    "book": [("publisher",)],
    "incollection": [("booktitle",), ("publisher",)],
    "inproceedings": [("booktitle",)],
    "techreport": [("institution",)],
    "misc": [("organization", "publisher", "howpublished", "institution")],
}


def entry_problems(key: str, entry) -> list[str]:
    fields, problems = entry.fields, []
    if entry.type not in REQUIRED:
        problems.append(f"type @{entry.type} is not one of {sorted(REQUIRED)}")
    if not (entry.persons.get("author") or entry.persons.get("editor")):
        problems.append("no author or issuing body")
    if not fields.get("title"):
        problems.append("no title")
    date = fields.get("date", fields.get("year", ""))
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        problems.append(f"no date as YYYY[-MM[-DD]] (got '{date}')")
    for options in REQUIRED.get(entry.type, []):
        if not any(fields.get(f) for f in options):
            problems.append("needs " + " or ".join(options))
    printed = entry.type in ("book", "incollection", "inproceedings") and fields.get("publisher")
    if not (fields.get("url") or fields.get("doi") or printed or fields.get("number")):
        problems.append("no url or doi (only printed books and proceedings, and documents with a symbol, may go without)")
    if fields.get("url") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields.get("urldate", "")):
        problems.append("a web address without the date it was read (urldate = YYYY-MM-DD)")
    if fields.get("url") and not fields["url"].startswith(("https://", "http://")):
        problems.append(f"url is not a web address: {fields['url']}")
    kind = fields.get("sourcekind", "")
    if kind not in hook.KINDS:
        problems.append(f"sourcekind '{kind}' is not one of {sorted(hook.KINDS)}")
    if kind == "secondary" and len(fields.get("kindnote", "").split()) < 4:
        problems.append("a secondary source needs a one-line kindnote saying why")
    return problems


def test_every_entry_has_what_its_kind_needs():
    problems = {key: p for key, entry in ENTRIES.items() if (p := entry_problems(key, entry))}
    assert not problems, "\n".join(f"{k}: {'; '.join(p)}" for k, p in sorted(problems.items()))


def test_the_field_check_can_fail():
    bad = parse_string("@misc{x, title = {T}, url = {https://example.org/x}}", "bibtex").entries["x"]
    problems = " ".join(entry_problems("x", bad))
    for expected in ("author", "date", "urldate", "sourcekind", "organization"):
        assert expected in problems


def _on_mirror(url: str) -> str | None:
    host = urlsplit(url).netloc.lower().split(":")[0]
    return next((d for d in MIRRORS if host == d or host.endswith("." + d)), None)


def test_mirror_list_gives_a_reason_for_each_domain():
    assert MIRRORS and all(isinstance(why, str) and len(why.split()) >= 2 for why in MIRRORS.values())
    assert _on_mirror("https://video.kidibot.ro/x") == "kidibot.ro"
    assert _on_mirror("https://www.esa.int/x") is None


def test_no_entry_cites_a_mirror_or_aggregator():
    bad = {key: d for key, e in ENTRIES.items() for u in [e.fields.get("url", "")] if u and (d := _on_mirror(u))}
    assert not bad, f"entries that point to a mirror or aggregator (cite the original): {bad}"


def test_no_page_links_a_mirror_outside_the_bibliography():
    links = {path: sorted({d for u in re.findall(r"https?://[^\s)>\]\"']+", text) if (d := _on_mirror(u))})
             for path, text in SOURCES.items()}
    links = {p: d for p, d in links.items() if d}
    assert not links, f"pages linking mirrors or aggregators: {links}"


@pytest.mark.parametrize("path", sorted(p for p, keys in CITING.items() if p.startswith("docs/") and len(keys) >= 5))
def test_secondary_sources_are_at_most_five_percent_of_a_chapter(path):
    keys = [k for k in CITING[path] if k in ENTRIES]
    kinds = Counter(ENTRIES[k].fields.get("sourcekind") for k in keys)
    assert kinds["secondary"] <= 0.05 * len(keys), f"{path}: {kinds['secondary']} of {len(keys)} references are secondary"


def test_link_checker_runs_weekly_over_every_reference():
    workflow = yaml.safe_load(LINKS_WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get(True, workflow.get("on"))   # YAML reads a bare `on:` as True
    cron = triggers["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[4] != "*" and cron[2] == "*", f"not a weekly schedule: {cron}"
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    checker = [s for s in steps if str(s.get("uses", "")).startswith("lycheeverse/lychee-action@")]
    assert checker, "no maintained link checker (lychee) step"
    assert "bibliography/shared-orbits.bib" in checker[0]["with"]["args"]
    assert any("issue" in str(s.get("uses", "")) + str(s.get("run", "")) for s in steps), \
        "broken links must be reported (an issue is opened)"


# --- the built site -----------------------------------------------------------------------

def _page_html(site: Path, path: str) -> Path:
    if path.startswith("notebooks/"):
        return site / "labs" / Path(path).stem / "index.html"
    rel = Path(path).relative_to("docs").with_suffix("")
    return site / (rel.parent if rel.name == "index" else rel) / "index.html"


@pytest.mark.parametrize("path", sorted(p for p in CITING if not p.startswith("includes/")))
def test_rendered_list_matches_the_data(built_site, path):
    soup = BeautifulSoup(_page_html(built_site, path).read_text(encoding="utf-8"), "html.parser")
    items = soup.select("ol.references > li")
    assert [li["id"].removeprefix("ref-") for li in items] == CITING[path]
    for li, key in zip(items, CITING[path]):
        title = hook._text(ENTRIES[key].fields["title"])
        assert title[:40] in li.get_text(), f"{path}: entry {key} does not show its title"
        assert li.select_one(".source-kind").get_text() == ENTRIES[key].fields["sourcekind"]
    citations = soup.select("a.citation")
    assert citations and all(soup.find(id=a["href"][1:]) for a in citations)
    download = parse_file(str(_page_html(built_site, path).parent / "references.bib"), bib_format="bibtex")
    assert list(download.entries) == CITING[path]


def test_whole_bibliography_is_downloadable_and_lists_each_source_once(built_site):
    whole = parse_file(str(built_site / "reference" / "shared-orbits.bib"), bib_format="bibtex")
    assert set(whole.entries) == set(ENTRIES)
    folder = built_site / "reference" / "bibliography"
    landing = (folder / "index.html").read_text(encoding="utf-8")
    ids = []
    for section in sorted(p for p in folder.iterdir() if p.is_dir()):
        assert f'href="{section.name}/"' in landing, f"the bibliography page does not link {section.name}"
        ids += re.findall(r'<li id="bib-([^"]+)" value=', (section / "index.html").read_text(encoding="utf-8"))
    assert sorted(ids) == sorted(ENTRIES), "each source once in the bibliography's sections: " \
        f"missing {sorted(set(ENTRIES) - set(ids))[:10]}, repeated {sorted({i for i in ids if ids.count(i) > 1})[:10]}"
