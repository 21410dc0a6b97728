"""The options of a business case: option headings, rows of an options table or items of an
options list, the preferred one marked in a column, in bold, by a word, or named in the
decision or recommendation section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Row, Section, Table
from .columns import map_columns
from .money import NumberError, first_money, parse_money, parse_number
from .tables import Cells, yes_no
from .vocab import Vocabulary, contains, reduce

_HEAD = re.compile(
    r"^\s*(?:(?:option|alternative)\s+([a-z]|\d{1,2}[a-z]?)\b\.?|([a-z]|\d{1,2}[a-z]?)[.)])"
    r"\s*(?:[:.)\-–—]\s*)?(.*)$",
    re.IGNORECASE,
)
_LETTER_ONLY = re.compile(r"^[a-z]$", re.IGNORECASE)
_REF = re.compile(r"\b(?:option|alternative)s?\s+([a-z]|\d{1,2}[a-z]?)\b", re.IGNORECASE)
_MARK = re.compile(
    r"\s*(?:[(\[]\s*(?P<a>[^)\]]*)\s*[)\]]|[-–—:]\s*(?P<b>(?:the\s+)?(?:preferred|recommended|"
    r"chosen|selected)(?:\s+(?:option|way forward))?))\s*$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass
class Draft:
    """An option being read: its raw fields, their lines and its business case so far."""

    title: str
    line: int
    label: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    chosen: bool | None = None  # None: nothing said
    chosen_line: int | None = None
    guessed: set[str] = field(default_factory=set)  # fields read by a heuristic
    section: Section | None = None
    case: dict[str, Any] = field(default_factory=dict)
    case_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    summary: dict[str, list[tuple[dict[str, Any], int]]] = field(default_factory=dict)

    def set(self, key: str, value: Any, line: int) -> None:
        if value in (None, "", []) or key in self.data:
            return
        self.data[key] = value
        self.lines[(key,)] = line

    def mark(self, chosen: bool, line: int, *, guess: bool = False) -> None:
        if self.chosen is not None:
            return
        self.chosen, self.chosen_line = chosen, line
        if guess:
            self.guessed.add("chosen")

    def names(self) -> list[str]:
        out = [reduce(self.title)]
        if self.label:
            out.append(f"option {self.label}")
        return [n for n in out if n]


def split_head(text: str) -> tuple[str | None, str, str | None]:
    """``Option B: Extend the depot (preferred)`` -> (``b``, ``Extend the depot``,
    ``preferred``): label, title and a marker written after the title."""
    marker = None
    body = text.strip()
    if m := _MARK.search(body):
        said = (m.group("a") or m.group("b") or "").strip()
        if said and len(said.split()) <= 4:
            marker, body = said, body[: m.start()].rstrip(" :-–—")
    label = None
    if (m2 := _HEAD.match(body)) and (m2.group(3) or m2.group(1)):
        label = (m2.group(1) or m2.group(2)).lower()
        rest = m2.group(3).strip()
        if m2.group(2) and _LETTER_ONLY.match(m2.group(2)) and not rest:
            label = None  # "A." alone is no option label
        else:
            body = rest or f"Option {label.upper()}"
    return label, body.strip(), marker


def is_option_heading(title: str) -> bool:
    return bool(re.match(r"^\s*(?:option|alternative)\s+(?:[a-z]|\d{1,2}[a-z]?)\b", title, re.I))


def marker_says(text: str, vocab: Vocabulary) -> bool | None:
    """True when the text marks an option preferred, False when it marks it rejected."""
    words = reduce(text)
    if not words:
        return None
    if any(contains(words, p) for p in vocab.markers["negative"]):
        return False
    if any(contains(words, p) for p in vocab.markers["preferred"]):
        return True
    return None


def from_heading(sec: Section, vocab: Vocabulary) -> Draft:
    label, title, marker = split_head(sec.title)
    draft = Draft(title or sec.title, sec.line, label, section=sec)
    draft.lines[()] = sec.line
    draft.lines[("title",)] = sec.line
    if marker is not None:
        kind = vocab.kind_of(marker)
        if kind:
            draft.set("kind", kind, sec.line)
        elif (said := marker_says(marker, vocab)) is not None:
            draft.mark(said, sec.line)
    return draft


def is_matrix(table: Table) -> bool:
    """A comparison table with one column per option (``| | Option A | Option B |``)."""
    return sum(is_option_heading(h) for h in table.header.cells[1:]) >= 2


def options_table(table: Table, vocab: Vocabulary, role: str | None = None) -> bool:
    """A table with one option per row (not a benefit, cost, assumption or scenario table,
    nor a comparison table with one column per option)."""
    if is_matrix(table) or role in ("benefits", "costs", "assumptions", "scenarios"):
        return False
    cols = map_columns(table.header.cells, [r.cells for r in table.rows], vocab)
    return ("option" in cols and cols["option"].index == 0) or (
        "option" in cols and bool({"preferred", "kind", "npv", "rejected_reason"} & set(cols))
    )


def from_table(table: Table, vocab: Vocabulary) -> tuple[list[Draft], list[tuple[int, str]]]:
    """One option per row. The title is the option column (else the first); every other
    column the table names is read into the option and its summary case."""
    cells = Cells.of(table, vocab)
    title_col = cells.columns.get("option") or cells.columns.get("description")
    drafts: list[Draft] = []
    bold_rows: list[int] = []
    for row in table.rows:
        if title_col is None or title_col.index >= len(row.cells):
            continue
        draft = _row_option(table, cells, row, title_col.index, vocab)
        if draft is None:
            continue
        if _bold(row, title_col.index):
            bold_rows.append(len(drafts))
        drafts.append(draft)
    if len(bold_rows) == 1 and len(drafts) > 1 and not any(d.chosen for d in drafts):
        drafts[bold_rows[0]].mark(True, drafts[bold_rows[0]].line, guess=True)
    errors = [(e.line, e.message) for e in cells.errors]
    return drafts, errors


def _row_option(
    table: Table, cells: Cells, row: Row, title_index: int, vocab: Vocabulary
) -> Draft | None:
    raw_title = row.cells[title_index].strip()
    if not raw_title:
        return None
    label, title, marker = split_head(raw_title)
    if label is None and title_index > 0:
        label = _number(table.header.cells[0], row.cells[0])
    draft = Draft(title or raw_title, row.line, label)
    draft.lines[()] = row.line
    draft.lines[("title",)] = row.line
    described = cells.columns.get("description")
    if described is not None and described.index != title_index:
        draft.set("description", cells.text(row, "description"), row.line)
    kind_text = cells.text(row, "kind") or cells.text(row, "type")
    if kind_text and (kind := vocab.kind_of(kind_text)):
        draft.set("kind", kind, row.line)
    if reason := cells.text(row, "rejected_reason"):
        draft.set("rejected_reason", reason, row.line)
    _row_markers(draft, cells, row, marker, vocab)
    _summary(draft, cells, row, vocab)
    return draft


def _row_markers(
    draft: Draft, cells: Cells, row: Row, marker: str | None, vocab: Vocabulary
) -> None:
    """The preferred column, a marker after the title, or a comment that marks the option."""
    if "preferred" in cells.columns:
        said = yes_no(cells.text(row, "preferred"), vocab)
        if said is None:
            said = marker_says(cells.text(row, "preferred"), vocab)
        if said is not None:
            draft.mark(said, row.line)
    if marker is not None and (kind := vocab.kind_of(marker)):
        draft.set("kind", kind, row.line)  # "Keep buying grid power (status quo)"
    elif marker is not None and (said := marker_says(marker, vocab)) is not None:
        draft.mark(said, row.line)
    note = cells.text(row, "notes")
    said = marker_says(note, vocab) if note and len(note.split()) <= 4 else None
    if said is not None:
        draft.mark(said, row.line)  # a comments cell that says "Recommended"
    elif note:
        draft.set("notes", note, row.line)


def _bold(row: Row, index: int) -> bool:
    if index >= len(row.sources):
        return False
    source = row.sources[index].strip()
    return bool(re.fullmatch(r"(\*\*|__).+\1", source)) and bool(row.cells[index].strip())


_NUMBERING = frozenset({"", "#", "no", "no.", "number", "ref", "id", "option no", "option number"})


def _number(header: str, cell: str) -> str | None:
    """The option's number from a numbering column (``| # | Alternative |``)."""
    token = cell.strip().rstrip(".)").lower()
    if header.strip().lower() in _NUMBERING and re.fullmatch(r"[a-z]|\d{1,2}[a-z]?", token):
        return token
    return None


def _summary(draft: Draft, cells: Cells, row: Row, vocab: Vocabulary) -> None:
    """Figures of an options table: NPV, and total cost and benefit columns."""
    for name, col in cells.columns.items():
        if name == "npv":
            value = cells.money(row, "npv")
            if value is not None:
                draft.case["npv"] = value
                draft.case_lines[("npv",)] = row.line
        elif name in ("projected", "low", "high"):
            words = reduce(col.header)
            said = vocab.figure(col.header)
            what = "costs" if re.search(r"\bcost", words) else "benefits"
            if re.search(r"\b(benefit|saving|revenue|income)", words):
                what = "benefits"
            if said in ("cost", "benefit"):
                what = f"{said}s"
            value = cells.money(row, name)
            if value is not None and name == "projected":
                plain = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", col.header).strip() or col.header
                item = {"description": plain.strip(), "projected": value}
                draft.summary.setdefault(what, []).append((item, row.line))


def from_list_item(
    text: str, label: str | None, rest: str, line: int, vocab: Vocabulary
) -> Draft | None:
    """An options-list item: ``**Do nothing** - keep the routes``, ``**Option 3 - Build
    (preferred option).** Build 600 spaces`` or ``Option A: ...``."""
    marker = None
    if label:
        head_label, title, marker = split_head(label.rstrip(". "))
        description = rest.lstrip(" :-–—.") or None
    else:
        head_label, title, marker = split_head(text)
        description = None
        parts = re.split(r"\s+[-–—]\s+|:\s+", title, maxsplit=1)
        if len(parts) == 2:
            title, description = parts[0], parts[1]
    title = title.strip().rstrip(".")
    if not title:
        return None
    draft = Draft(title, line, head_label)
    draft.lines[()] = line
    draft.lines[("title",)] = line
    if description:
        draft.set("description", description, line)
    if marker is not None:
        if kind := vocab.kind_of(marker):
            draft.set("kind", kind, line)
        elif (said := marker_says(marker, vocab)) is not None:
            draft.mark(said, line)
    return draft


def figures(draft: Draft, key: str, value: str, line: int, vocab: Vocabulary) -> None:
    """One ``Key: figure`` pair under an option heading into its case."""
    what = vocab.figure(key)
    if what is None:
        return
    if what in ("cost", "benefit"):
        money = _money(value)
        if money is None:
            return
        extra = re.sub(r"^[^(]*", "", value).strip(" ()")
        description = f"{key} ({extra})" if extra else key
        item: dict[str, Any] = {"description": description, "projected": money}
        if what == "benefit" and (btype := vocab.benefit_type(key)):
            item["type"] = btype
        draft.summary.setdefault(f"{what}s", []).append((item, line))
    elif what == "basis":
        draft.case.setdefault("basis", value)
    elif what in ("npv",):
        money = _money(value)
        if money is not None:
            draft.case["npv"], draft.case_lines[("npv",)] = money, line
    elif what in ("payback_years", "horizon_years", "roi"):
        try:
            number = parse_number(value.split(" over ")[0].split(" (")[0])
        except NumberError:
            number = None
        if number is not None:
            draft.case[what], draft.case_lines[(what,)] = number, line
    elif what in ("optimism_bias_uplift", "contingency"):
        from .money import parse_fraction

        try:
            share = parse_fraction(re.sub(r"(?i)\s+(of|on|applied).*$", "", value))
        except NumberError:
            share = None
        if share is not None:
            draft.case[f"_{what}"] = share
            draft.case_lines[(what,)] = line


def _money(value: str) -> float | None:
    try:
        found = parse_money(value)
    except NumberError:
        found = first_money(value)
    return found.value if found else None


def chosen_from_text(text: str, drafts: list[Draft], vocab: Vocabulary) -> int | None:
    """The option a decision or recommendation names: a sentence that approves or
    recommends exactly one option (by label or title), else the only option named."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    labels = {d.label: i for i, d in enumerate(drafts) if d.label is not None}
    fallback: set[int] = set()
    for sentence in sentences:
        named = _named(sentence, drafts, labels)
        fallback |= named
        if len(named) == 1 and marker_says(sentence, vocab) is True:
            return next(iter(named))
    return next(iter(fallback)) if len(fallback) == 1 else None


def _named(sentence: str, drafts: list[Draft], labels: dict[str, int]) -> set[int]:
    found = {
        labels[m.group(1).lower()] for m in _REF.finditer(sentence) if m.group(1).lower() in labels
    }
    if found:
        return found
    words = reduce(sentence)
    hits = {i for i, d in enumerate(drafts) if (t := reduce(d.title)) and contains(words, t)}
    return hits
