"""Sort the files that authors append to: glossary, acronyms and timeline (`make tidy`).

Several authors add entries at once by appending; this puts them back in order:
glossary entries alphabetically under letter headings, acronyms alphabetically, timeline
rows by date. Duplicate ids, acronyms or rows are reported, not silently dropped.
With ``--check`` nothing is written and the exit status says whether a file is untidy.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "reference" / "glossary.md"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
TIMELINE = ROOT / "docs" / "reference" / "timeline.md"

ENTRY = re.compile(r"^### (.+?)\s*\{\s*#([a-z0-9-]+)\s*\}\s*$", re.M)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def tidy_glossary(text: str) -> tuple[str, list[str]]:
    # A section that is neither a letter nor an entry (the References) is kept last.
    tail = ""
    first_entry = ENTRY.search(text)
    other = re.search(r"^## (?![A-Z0-9]\s*$).+$", text[first_entry.start():], re.M) if first_entry else None
    if other:
        s = first_entry.start() + other.start()
        nxt = re.search(r"^#{2,3} ", text[s + 3:], re.M)
        e = s + 3 + nxt.start() if nxt else len(text)
        tail, text = text[s:e].strip() + "\n", text[:s] + text[e:]
    matches = list(ENTRY.finditer(text))
    if not matches:
        return text + tail, []
    head = text[: matches[0].start()]
    head = re.sub(r"^## [A-Z0-9]\s*$\n*", "", head, flags=re.M).rstrip() + "\n\n"
    entries, problems, seen = [], [], set()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = re.sub(r"^## [A-Z0-9]\s*$", "", text[m.end():end], flags=re.M).strip()
        if m.group(2) in seen:
            problems.append(f"glossary: duplicate id #{m.group(2)}")
            continue
        seen.add(m.group(2))
        entries.append((_key(m.group(1)), m.group(0).strip(), body))
    entries.sort()
    out, letter = [head.rstrip(), ""], None
    for key, heading, body in entries:
        first = key[:1].upper() or "#"
        if first != letter:
            letter = first
            out += [f"## {letter}", ""]
        out += [heading, "", body, ""]
    return "\n".join(out).rstrip() + "\n" + ("\n" + tail if tail else ""), problems


def tidy_abbreviations(text: str) -> tuple[str, list[str]]:
    rows, problems = {}, []
    for line in text.splitlines():
        m = re.match(r"^\*\[(.+?)\]:\s*(.+)$", line)
        if not m:
            continue
        if m.group(1) in rows and rows[m.group(1)] != m.group(2).strip():
            problems.append(f"acronyms: {m.group(1)} defined twice ({rows[m.group(1)]!r}, {m.group(2)!r})")
            continue
        rows[m.group(1)] = m.group(2).strip()
    lines = [f"*[{a}]: {rows[a]}" for a in sorted(rows, key=lambda a: (a.lower(), a))]
    return "\n".join(lines) + "\n", problems


def tidy_timeline(text: str) -> tuple[str, list[str]]:
    lines = text.rstrip().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| ---"))
    rows = [line for line in lines[start + 1:] if line.startswith("|")]
    unique = list(dict.fromkeys(rows))
    problems = [f"timeline: {len(rows) - len(unique)} duplicate row(s) removed"] if len(unique) < len(rows) else []
    unique.sort(key=lambda r: r.split("|")[1].strip())
    return "\n".join(lines[: start + 1] + unique) + "\n", problems


def main(argv: list[str]) -> int:
    check = "--check" in argv
    untidy, problems = [], []
    for path, func in ((GLOSSARY, tidy_glossary), (ABBREVIATIONS, tidy_abbreviations), (TIMELINE, tidy_timeline)):
        text = path.read_text(encoding="utf-8")
        new, found = func(text)
        problems += found
        if new != text:
            untidy.append(path.relative_to(ROOT).as_posix())
            if not check:
                path.write_text(new, encoding="utf-8")
    for p in problems:
        print(p)
    if check and untidy:
        print("not tidy (run `make tidy`): " + ", ".join(untidy))
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
