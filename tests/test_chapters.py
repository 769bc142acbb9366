"""Every chapter in the nav follows the book's skeleton (CONTRIBUTING.md, "The chapter skeleton")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PARTS = ("domain/", "debris/", "security/", "governance/")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV tags; they do not matter for reading the nav."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_files(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_files(item)]
    if isinstance(node, dict):
        return [f for value in node.values() for f in _nav_files(value)]
    return []


NAV = _nav_files(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"])
CHAPTERS = [f for f in NAV if f.startswith(PARTS)]


def section(text: str, title: str) -> str:
    m = re.search(rf"^## {title}\s*$(.*?)(?=^## |\Z)", text, re.S | re.M)
    return m.group(1) if m else ""


def prose_words(text: str) -> int:
    """Words of the chapter's own prose: without front matter, code, math, references and exercises."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    for title in ("References", "Further reading and references", "Exercises", "Key terms"):
        text = text.replace(section(text, title), "") if section(text, title) else text
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not words
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*", text))


def test_the_nav_lists_every_written_chapter():
    written = sorted(p.relative_to(DOCS).as_posix() for part in PARTS for p in (DOCS / part).glob("*.md"))
    assert sorted(CHAPTERS) == written, "every chapter in docs/ must be in the nav, and only written ones"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_follows_the_skeleton(chapter):
    text = (DOCS / chapter).read_text(encoding="utf-8")
    problems = []
    if not re.search(r'^!!! abstract "Learning objectives"', text, re.M):
        problems.append("no learning objectives block")
    objectives = re.search(r'!!! abstract "Learning objectives"(.*?)(?=\n\S)', text, re.S)
    if objectives and not 3 <= len(re.findall(r"^\s+- ", objectives.group(1), re.M)) <= 6:
        problems.append("learning objectives should number 3 to 6")
    if not re.search(r"Reading time: about \d+ minutes", text):
        problems.append("no 'Reading time: about N minutes'")
    words = prose_words(text)
    if not 3000 <= words <= 6000:
        problems.append(f"{words} words of prose, expected 3,000 to 6,000")
    if not re.search(r'^!!! example "Worked example', text, re.M):
        problems.append("no worked example")
    if not re.search(r'^[!?]{3}\+? case-study "Case study', text, re.M):
        problems.append("no case study")
    if not re.search(r"!\[[^\]]{20,}\]\(", text):
        problems.append("no figure with alt text")
    summary = section(text, "Summary")
    if not 5 <= len(re.findall(r"^- ", summary, re.M)) <= 10:
        problems.append("summary should have 5 to 10 bullets")
    exercises = section(text, "Exercises")
    n_ex = len(re.findall(r"^\*\*\d+\.", exercises, re.M))
    n_sol = len(re.findall(r'^\?\?\? (success|note) "', exercises, re.M))
    if n_ex < 6 or n_sol < n_ex:
        problems.append(f"{n_ex} exercises with {n_sol} folded solutions; need at least 6, each with one")
    terms = section(text, "Key terms")
    if not re.search(r"\(\.\./reference/glossary\.md#[a-z0-9-]+\)", terms):
        problems.append("key terms do not link to the glossary")
    if "<!-- references -->" not in section(text, "References"):
        problems.append("the References section does not hold the generated list (<!-- references -->)")
    cited = set(re.findall(r"@([a-z0-9-]+)", " ".join(re.findall(r"\[@[^\]]+\]", text))))
    if len(cited) < 5:
        problems.append(f"cites {len(cited)} sources by key, expected at least 5")
    assert not problems, f"{chapter}: " + "; ".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_key_terms_are_bold_glossary_links_in_the_text(chapter):
    text = (DOCS / chapter).read_text(encoding="utf-8")
    terms = set(re.findall(r"glossary\.md#([a-z0-9-]+)", section(text, "Key terms")))
    body = text.split("## Key terms")[0]
    bold = set(re.findall(r"\[\*\*[^*]+\*\*\]\(\.\./reference/glossary\.md#([a-z0-9-]+)\)", body))
    for span in re.findall(r"\*\*(.+?)\*\*", body, re.S):  # a bold phrase that holds the link
        bold |= set(re.findall(r"\]\(\.\./reference/glossary\.md#([a-z0-9-]+)\)", span))
    missing = sorted(terms - bold)
    assert not missing, f"{chapter}: key terms never introduced in bold with a glossary link: {missing}"


def test_every_glossary_link_has_an_entry():
    ids = set(re.findall(r"^### .+?\{\s*#([a-z0-9-]+)\s*\}", (DOCS / "reference" / "glossary.md").read_text(encoding="utf-8"), re.M))
    dangling = []
    for md in DOCS.rglob("*.md"):
        for target in re.findall(r"glossary\.md#([a-z0-9-]+)", md.read_text(encoding="utf-8")):
            if target not in ids:
                dangling.append(f"{md.relative_to(DOCS)} -> #{target}")
    assert not dangling, "glossary links without an entry:\n" + "\n".join(sorted(set(dangling)))


def test_back_matter_is_tidy():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "tidy.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reading_time_matches_the_text(chapter):
    """The stated reading time is the words before "Key terms", less the ```quiz self-check
    questions, at 200 words a minute (within 2 minutes)."""
    text = (DOCS / chapter).read_text(encoding="utf-8")
    stated = int(re.search(r"Reading time: about (\d+) minutes", text).group(1))
    body = re.sub(r"^```quiz[ \t]*\n.*?^```[ \t]*$", " ", text.split("## Key terms")[0], flags=re.S | re.M)
    computed = len(body.split()) / 200  # self-check questions are not reading
    assert abs(stated - computed) <= 2, f"{chapter}: says {stated} min, the text takes about {computed:.0f}"


def test_tidy_keeps_the_glossary_references_last():
    import sys

    sys.path.insert(0, str(ROOT / "hooks"))
    import tidy

    text = (DOCS / "reference" / "glossary.md").read_text(encoding="utf-8") + "\n### Zeta term { #zeta }\n\nLate.\n"
    out, problems = tidy.tidy_glossary(text)
    assert not problems
    assert out.rstrip().endswith("## References\n\n<!-- references -->")
    assert out.index("### Zeta term") < out.index("## References")
