"""Case-wide parts of a business case: metadata, scenarios, assumptions, challenge questions,
the benefits review and the optimism-bias adjustment."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..document import ListItem, Meta, Section, key_values
from .money import NumberError, first_money, parse_fraction, parse_money, parse_number
from .tables import Cells, assumption_items, scenario_name, scenario_names, yes_no
from .vocab import Vocabulary, reduce

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent)", re.IGNORECASE)
_APPROVED_BY = re.compile(
    r"\b(?:approved|agreed|endorsed|decided|signed off)\s+by\s+(?:the\s+)?(.+?)"
    r"(?:\s*,|\s+on\b|\s+at\b|\s+in\b|\s*\(|\s*$)",
    re.IGNORECASE,
)
# Scenario names written in prose ("Downside scenario: income 20% below forecast").
_SCENARIO_WORDS = re.compile(
    r"\b(base case|central case|severe downside|downside|upside|worst case|best case|"
    r"pessimistic|optimistic|stress(?:ed)? case|low case|high case)\b",
    re.IGNORECASE,
)
_WORDY = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%B %Y")


@dataclass
class Found:
    """Values read with their lines; the first value of a field wins."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def put(self, key: str, value: Any, line: int) -> None:
        if value in (None, "", []) or key in self.values:
            return
        self.values[key] = value
        self.lines[key] = line


def parse_date(text: str) -> dt.date | None:
    """ISO, ``14 October 2025``, ``October 14, 2025``, ``14/10/2025`` (day first)."""
    body = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    if m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", body):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", body):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    else:
        head = re.split(r"\s*[(;]", body)[0].strip().rstrip(".")
        for fmt in _WORDY:
            try:
                return dt.datetime.strptime(head, fmt).date()
            except ValueError:
                continue
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def people(meta: Meta) -> list[str]:
    values = list(meta.items) or re.split(r"[;,]|\s+and\s+", meta.value)
    return [v.strip(" .") for v in values if v.strip(" .")]


def metadata(entries: Iterable[Meta], vocab: Vocabulary) -> Found:
    """Record fields from metadata entries, by the vocabulary's key synonyms."""
    found = Found()
    for meta in entries:
        name = vocab.meta_field(meta.key)
        value = meta.value.strip()
        if name is None or not (value or meta.items):
            continue
        if name in ("proposed_by", "decision_makers"):
            found.put(name, people(meta), meta.line)
        elif name in ("date", "review_date"):
            _dated(found, name, meta, value)
        elif name == "status":
            _status(found, meta, value, vocab)
        else:
            found.put(name, _value(name, value, vocab), meta.line)
    return found


def _dated(found: Found, name: str, meta: Meta, value: str) -> None:
    date = meta.raw if isinstance(meta.raw, dt.date) else parse_date(value)
    found.put(name, date.isoformat() if date else None, meta.line)
    if name == "review_date":
        found.put("review_text", value, meta.line)
    elif date is None:
        found.put("date_text", value, meta.line)


def _status(found: Found, meta: Meta, value: str, vocab: Vocabulary) -> None:
    status = vocab.status(value)
    found.put("status", status, meta.line)
    if by := _APPROVED_BY.search(value):  # "Approved by Trust Board, 12 May 2025"
        found.put("status_deciders", [by.group(1).strip()], meta.line)
    if status is None or reduce(value) not in vocab.statuses.get(status, ()):
        found.put("status_text", value, meta.line)


def _value(name: str, value: str, vocab: Vocabulary) -> Any:
    """A metadata value as its field wants it (None when it cannot be read)."""
    if name == "project_type":
        return vocab.project_type(value)
    if name == "origin":
        origin = reduce(value).replace(" ", "-")
        return origin if origin in ("bottom-up", "top-down") else None
    if name == "npv":
        return _money(value)
    if name in ("horizon_years", "payback_years", "roi"):
        return _number(value)
    if name == "optimism_bias_uplift":
        return percentage(value)
    if name == "alternatives_requested":
        return yes_no(value, vocab)
    return value


def _money(value: str) -> float | None:
    try:
        got = parse_money(value)
    except NumberError:
        got = first_money(value)
    return got.value if got else None


def _number(value: str) -> float | None:
    head = re.split(r"\s+(?:over|at|from|to)\b|[(;,]", value.strip(), maxsplit=1)[0]
    try:
        return parse_number(head)
    except NumberError:
        return None


def percentage(text: str) -> float | None:
    """The first percentage in a sentence (``an adjustment of 41% has been applied``)."""
    if m := _PERCENT.search(text):
        return round(float(m.group(1)) / 100, 10)
    try:
        return parse_fraction(text)
    except NumberError:
        return None


def section_meta(sections: Iterable[Section]) -> list[Meta]:
    return [m for sec in sections for m in key_values(sec.blocks)]


def scenarios(sec: Section, vocab: Vocabulary) -> list[tuple[str, int]]:
    """Scenario names: a table's first column, list items' labels, or sub-headings."""
    out: list[tuple[str, int]] = []
    for table in sec.tables(deep=True):
        out.extend(scenario_names(table, vocab))
    if not out:
        for item in sec.items(deep=True):
            name = item.label or item.text
            if name:
                out.append((scenario_name(name), item.line))
    if not out:
        out = [(scenario_name(c.title), c.line) for c in sec.children]
    if not out:
        seen: set[str] = set()
        for para in sec.paragraphs(deep=True):
            for m in _SCENARIO_WORDS.finditer(para.text):
                name = scenario_name(m.group(1))
                if name not in seen:
                    seen.add(name)
                    out.append((name, para.line))
    return out


def assumptions(
    sec: Section, vocab: Vocabulary
) -> tuple[list[tuple[dict[str, Any], int]], list[tuple[int, str]]]:
    out: list[tuple[dict[str, Any], int]] = []
    errors: list[tuple[int, str]] = []
    for table in sec.tables(deep=True):
        cells = Cells.of(table, vocab)
        out.extend((item.data, item.line) for item in assumption_items(cells, vocab))
        errors.extend((e.line, e.message) for e in cells.errors)
    if not out:
        for item in sec.items(deep=True):
            out.append((_assumption(item, vocab), item.line))
    return out, errors


def _assumption(item: ListItem, vocab: Vocabulary) -> dict[str, Any]:
    data: dict[str, Any] = {"statement": item.text}
    for child in item.children:
        key = reduce(child.label or child.text.split(":", 1)[0])
        value = child.rest if child.label else child.text.partition(":")[2].strip()
        if key in ("evidence", "basis", "source"):
            data["evidence"] = value
        elif key in ("challenged", "tested", "validated"):
            said = yes_no(value, vocab)
            if said is not None:
                data["challenged"] = said
    if m := re.search(r"\((?:evidence|basis|source)\s*:\s*([^)]+)\)", item.text, re.I):
        data["evidence"] = m.group(1).strip()
        data["statement"] = item.text[: m.start()].strip()
    if re.search(r"\b(?:challenged|tested)\b", item.text, re.I) and not re.search(
        r"\b(?:not|never|un)\s*(?:challenged|tested)", item.text, re.I
    ):
        data.setdefault("challenged", True)
    return data


def questions(sec: Section) -> list[tuple[str, int]]:
    out = [(it.text, it.line) for it in sec.items(deep=True) if it.text]
    if not out:
        out = [(p.text, p.line) for p in sec.paragraphs(deep=True) if p.text.rstrip().endswith("?")]
    return out


def uplift_in(sec: Section) -> tuple[float, int] | None:
    """The optimism-bias adjustment an optimism-bias section states."""
    for para in sec.paragraphs(deep=True):
        if value := percentage(para.text):
            return value, para.line
    for item in sec.items(deep=True):
        if value := percentage(item.text):
            return value, item.line
    return None
