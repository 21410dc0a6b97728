"""The date of a record that gives it only in its changelog.

Some templates (Cosmos SDK, IBC, EdgeX) have no date field: the record's history is a
``## Changelog`` section of dated entries, "* 2023-03-01: Initial draft", "- Mar 1, 2023:
first draft", "- [approved](https://...) (2022-07-12)". The record's date is then its
earliest dated entry (the draft that opened it; changelogs run in either order). Each
entry's first date counts (a date quoted later in its text is about something else);
template placeholders ("* {date}: {changelog}") give none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..document import Document, ListBlock, Paragraph, Section, Table
from .meta import map_status, parse_date

CHANGELOG_KEYS = (
    "changelog",
    "change log",
    "changes",
    "change history",
    "revision history",
    "version history",
    "document history",
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|"
    rf"{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|"
    rf"\d{{4}}[\s,]+{_MONTH}\s+{_DAY}|{_MONTH},?\s+\d{{4}}"
    r")(?![\w/-])",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(rf"^(\d{{4}})[\s,]+({_MONTH})\s+({_DAY})$", re.IGNORECASE)


def entry_date(text: str) -> dt.date | None:
    """The first date written in one changelog entry, or None."""
    m = _DATE.search(text)
    if m is None:
        return None
    found = re.sub(r"(?<=[A-Za-z])\.", "", m.group(0))  # "Mar. 1"
    found = re.sub(r"\bsept\b", "sep", found, flags=re.IGNORECASE)
    if (y := _YEAR_FIRST.match(found)) is not None:  # "2020 April 27"
        found = f"{y.group(3)} {y.group(2)} {y.group(1)}"
    date, _ = parse_date(found)
    if date is None and "," in found:  # "1 March, 2023"
        date, _ = parse_date(" ".join(found.replace(",", " ").split()))
    return date


def _entries(sec: Section) -> Iterator[tuple[str, int]]:
    for sub in sec.walk():
        for block in sub.blocks:
            if isinstance(block, Paragraph):
                for i, text in enumerate(block.lines or (block.text,)):
                    yield text, block.line + i
            elif isinstance(block, ListBlock):
                for top in block.items:
                    for item in top.walk():
                        yield item.text, item.line
            elif isinstance(block, Table):
                for row in block.rows:
                    yield " | ".join(row.cells), row.line


def _dated(doc: Document) -> list[tuple[dt.date, int, str]]:
    """The dated entries of the record's first changelog that has any: each entry's date,
    line and text after the date ("* 28.06.2022: Accepted." gives ``Accepted.``)."""
    for sec in doc.sections():
        if sec.key not in CHANGELOG_KEYS:
            continue
        dated = []
        for text, line in _entries(sec):
            if (m := _DATE.search(text)) and (d := entry_date(text)):
                dated.append((d, line, text[m.end() :].strip(" :-–—*_")))
        if dated:
            return dated
    return []


def changelog_date(doc: Document) -> tuple[dt.date, int] | None:
    """The earliest dated entry of the record's changelog, with its line, or None."""
    dated = _dated(doc)
    return min((d, line) for d, line, _ in dated) if dated else None


def changelog_latest(doc: Document) -> tuple[dt.date, int, str] | None:
    """The latest dated entry of the record's changelog: its date, its line and its text
    after the date, or None."""
    dated = _dated(doc)
    return max(dated, key=lambda e: (e[0], e[1])) if dated else None


_DECIDED = frozenset({"accepted", "rejected", "implemented", "superseded", "deprecated"})


def moved_on(entry: str, status: object) -> str | None:
    """The status a changelog entry ("Accepted.") gives a record whose status line still
    says it is proposed or a draft (or says nothing): the log moved on; else None."""
    decided, _ = map_status(entry)
    if status in (None, "proposed", "draft") and decided in _DECIDED:
        return str(decided)
    return None
