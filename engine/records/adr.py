"""Markdown ADRs (MADR 2-4 and Nygard / adr-tools) mapped onto the record model.

Both styles go through one mapping; the style only decides the ``format`` label and where
the rationale comes from. See docs/formats.md for the full mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

from ..types import InputError, Loc, SourceRecord
from .formats import NotADecisionRecord
from .markdown import (
    Document,
    Item,
    Line,
    MarkdownError,
    Section,
    block_text,
    items,
    paragraphs,
    parse,
    strip_inline,
)
from .validate import to_record

CONTEXT = ("context and problem statement", "context", "problem statement", "context and problem")
OPTIONS = (
    "considered options",
    "options considered",
    "considered alternatives",
    "alternatives considered",
    "alternatives",
    "options",
)
REJECTED = ("rejected alternatives", "rejected options", "alternatives rejected")
OUTCOME = ("decision outcome", "outcome")
DECISION = ("decision",)
PROS_CONS = (
    "pros and cons of the options",
    "pros and cons of the alternatives",
    "pros and cons",
    "pros and cons of options",
)
STATUS = ("status",)
CONSEQUENCES = ("consequences",)
DRIVERS = ("decision drivers",)

_STATUS_MAP = {
    "accepted": "accepted",
    "approved": "accepted",
    "agreed": "accepted",
    "decided": "accepted",
    "adopted": "accepted",
    "proposed": "proposed",
    "draft": "proposed",
    "proposal": "proposed",
    "open": "proposed",
    "pending": "proposed",
    "review": "proposed",
    "rejected": "rejected",
    "declined": "rejected",
    "implemented": "implemented",
    "done": "implemented",
    "completed": "implemented",
    "deprecated": "superseded",
    "superseded": "superseded",
    "superceded": "superseded",
    "replaced": "superseded",
    "obsolete": "superseded",
    "withdrawn": "withdrawn",
    "abandoned": "withdrawn",
    "retracted": "withdrawn",
    "cancelled": "withdrawn",
    "canceled": "withdrawn",
}
_META = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:\*\*|__)?(status|deciders|decision[- ]makers|date|consulted|informed|"
    r"technical story)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$",
    re.IGNORECASE,
)
_TITLE_NUMBER = re.compile(
    r"^(?:(?:ADR|RFC|DR)[-_ ]?(\d{1,9})\s*[:.)\-–—]?\s*|(\d{1,9})\s*(?:[.:)]|\s[-–—:])\s*)(.+)$",
    re.IGNORECASE,
)
_CHOSEN = re.compile(r"chosen\s+(?:option|alternative)s?\s*:?\s*(.*)", re.IGNORECASE | re.DOTALL)
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}
_PRO = re.compile(r"^(good|pro|pros|positive|\+)\s*(?:,\s*because\b|:|,|\s-\s)\s*(.*)$", re.I)
_CON = re.compile(r"^(bad|con|cons|negative|-)\s*(?:,\s*because\b|:|,|\s-\s)\s*(.*)$", re.I)
_NEUTRAL = re.compile(r"^(neutral)\s*(?:,\s*because\b|:|,|\s-\s)\s*(.*)$", re.I)
_SPLIT = re.compile(r"\s+[-–—]\s+")
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\b")
_NYGARD_DATE = re.compile(r"^\s*(?:[*+-]\s+)?date\s*:\s*(.+)$", re.IGNORECASE)


KNOWN_SECTIONS = frozenset(
    CONTEXT
    + OPTIONS
    + REJECTED
    + OUTCOME
    + DECISION
    + PROS_CONS
    + STATUS
    + CONSEQUENCES
    + DRIVERS
    + ("decision drivers", "links", "more information", "validation", "confirmation")
)


MAX_FUZZY_OPTIONS = 200  # beyond this, titles must match exactly (keeps matching linear)


def classify(doc: Document) -> str | None:
    """``madr``, ``nygard`` or None (not a decision record)."""
    keys = {sec.key for sec in doc.sections}
    front = doc.front or {}
    has_front = any(k in front for k in ("status", "date", "deciders", "decision-makers"))
    meta = [m.group(1).lower() for m in (_META.match(ln.text) for ln in doc.preamble) if m]
    chosen = any(_CHOSEN.search(ln.text) for sec in doc.sections for ln in sec.all_lines())
    if (
        (has_front and (doc.title or doc.sections))
        or chosen
        or keys & set(OPTIONS + REJECTED + OUTCOME + PROS_CONS)
        or (doc.title and {"status", "deciders"} & set(meta))
    ):
        return "madr"
    if "decision" in keys and keys & {"status", "context", "consequences"}:
        return "nygard"
    return None


def norm(text: str) -> str:
    """An option title reduced for matching: case, quotes, marks and end punctuation go."""
    text = strip_inline(text).lower()
    text = re.sub(r"[\"'`“”‘’«»\[\]*_]", "", text)
    text = text.strip().rstrip(".,;:!")
    return " ".join(text.split())


def map_status(raw: Any) -> tuple[str | None, str | None]:
    """(model status or None, raw text to keep or None)."""
    text = strip_inline(str(raw)).strip() if raw is not None else ""
    if not text:
        return None, None
    if "|" in text or text.startswith(("{", "[")):  # a template placeholder, not a status
        return None, text
    first = re.split(r"[^\w]+", text.lower().lstrip("{[ "), maxsplit=1)[0]
    status = _STATUS_MAP.get(first)
    if status is None:
        return None, text
    return status, (text if norm(text) != first else None)


_SLASHED = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_WORDY = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def _date(value: Any) -> tuple[dt.date | None, str | None]:
    """An ADR date: ISO, adr-tools' old dd/mm/yyyy (mm/dd/yyyy when only that is valid),
    yyyy/mm/dd or "2 March 2024". Anything else is kept as text."""
    if isinstance(value, dt.date):
        return value, None
    text = str(value).strip() if value is not None else ""
    candidates: list[tuple[int, int, int]] = []
    if m := _DATE.match(text):
        y, mo, d = (int(x) for x in m.group(1).split("-"))
        candidates.append((y, mo, d))
    elif m := _YMD.match(text):
        candidates.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    elif m := _SLASHED.match(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        candidates += [(year, b, a), (year, a, b)]
    for y, mo, d in candidates:
        try:
            return dt.date(y, mo, d), None
        except ValueError:
            continue
    for fmt in _WORDY:
        try:
            return dt.datetime.strptime(text, fmt).date(), None
        except ValueError:
            continue
    return None, text or None


def _people(value: Any) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else re.split(r"[,;]", str(value))
    out = []
    for v in values:
        name = strip_inline(str(v)).strip(" []{}")
        if name:
            out.append(name)
    return out


def _split_title(text: str) -> tuple[str, str | None]:
    """``**PostgreSQL** - mature`` / ``PostgreSQL – mature`` -> (title, description)."""
    m = re.match(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*[-–—:,]?\s*(.*)$", text)
    if m:
        return strip_inline(m.group(1)), strip_inline(m.group(2)) or None
    plain = strip_inline(text)
    parts = _SPLIT.split(plain, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return plain, None


class _Builder:
    def __init__(self, path: str, doc: Document, fmt: str) -> None:
        self.path, self.doc, self.fmt = path, doc, fmt
        self.data: dict[str, Any] = {}
        self.lines: dict[Loc, int] = {(): doc.title_line}
        self.options: list[dict[str, Any]] = []
        self.exact: dict[str, int] = {}  # normalized title -> option index

    def put(self, key: str, value: Any, line: int) -> None:
        if value is None or value == [] or value == "":
            return
        self.data[key] = value
        self.lines[(key,)] = line

    # -- metadata ----------------------------------------------------------------------
    def metadata(self) -> None:
        front = self.doc.front or {}
        flines = self.doc.front_lines
        for key, value in front.items():
            line = flines.get((key,), 1)
            low = key.lower()
            if low == "status":
                self._status(value, line)
            elif low == "date":
                self._set_date(value, line)
            elif low in ("deciders", "decision-makers", "decision_makers"):
                self.put("decision_makers", _people(value), line)
            elif low in ("consulted", "informed"):
                self.put(low, _people(value), line)
            else:  # model fields (project_type, origin...) and extra keys pass through
                self.data[key] = value
                for loc, number in flines.items():
                    if loc and loc[0] == key:
                        self.lines[loc] = number
        for pre in self.doc.preamble:
            self._meta_line(pre)
        status_sec = self.doc.section(*STATUS)
        if status_sec is not None and "status" not in self.data:
            paras = paragraphs(status_sec.all_lines())
            if paras:
                first_line, text = paras[0]
                self._status(text.split("\n")[0].lstrip("*-+ "), first_line)
        if "date" not in self.data:
            for sec in self.doc.sections:
                for ln in sec.body:
                    if sec.key in STATUS and (m := _NYGARD_DATE.match(ln.text)):
                        self._set_date(m.group(1), ln.number)

    def _meta_line(self, ln: Line) -> None:
        m = _META.match(ln.text)
        if m:
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "status" and "status" not in self.data:
                self._status(value, ln.number)
            elif key == "date" and "date" not in self.data:
                self._set_date(value, ln.number)
            elif key in ("deciders", "decision-makers", "decision makers"):
                if "decision_makers" not in self.data:
                    self.put("decision_makers", _people(value), ln.number)
            elif key in ("consulted", "informed") and key not in self.data:
                self.put(key, _people(value), ln.number)
            elif key == "technical story":
                self.put("technical_story", strip_inline(value), ln.number)

    def _status(self, value: Any, line: int) -> None:
        status, text = map_status(value)
        self.put("status", status, line)
        self.put("status_text", text, line)

    def _set_date(self, value: Any, line: int) -> None:
        date, text = _date(value)
        self.put("date", date.isoformat() if date else None, line)
        self.put("date_text", text, line)

    # -- title and id ------------------------------------------------------------------
    def identity(self) -> None:
        title = strip_inline(self.doc.title or "")
        number: str | None = None
        m = _TITLE_NUMBER.match(title)
        if m:
            number = m.group(1) or m.group(2)
            title = m.group(3).strip()
        front = self.doc.front or {}
        if not title and isinstance(front.get("title"), str):
            title = front["title"]
        self.data.setdefault("title", title)
        self.lines.setdefault(("title",), self.doc.title_line)
        if "id" in self.data:
            return
        if self.path != "-":
            stem = PurePosixPath(self.path.replace("\\", "/")).stem
            self.put("id", stem, self.doc.title_line)
        elif number is not None:
            self.put("id", f"ADR-{int(number):04d}", self.doc.title_line)
        else:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
            self.put("id", slug or "adr", self.doc.title_line)

    # -- sections ----------------------------------------------------------------------
    def context(self) -> None:
        sec = self.doc.section(*CONTEXT)
        if sec is not None:
            self.put("context", block_text(sec.all_lines()), sec.line)
        drivers = self.doc.section(*DRIVERS)
        if drivers is not None:
            found = [strip_inline(it.text) for it in items(drivers.all_lines())]
            self.put("decision_drivers", found, drivers.line)
        cons = self.doc.section(*CONSEQUENCES)
        if cons is not None:
            self.put("consequences", block_text(cons.all_lines()), cons.line)

    def add_options(self) -> None:
        for names, rejected in ((OPTIONS, False), (REJECTED, True)):
            for sec in self.doc.sections_named(*names):
                own = items(sec.body) or _table_items(sec.body)
                if not own and sec.children and not rejected:
                    self._option_subsections(sec)
                    continue
                for it in own or _option_items(sec):
                    self._option(it, rejected=rejected)
        self._pros_cons()

    def _option_subsections(self, sec: Section) -> None:
        """Options written as subsections (``### Option 1: Build in-house``) with text."""
        for child in sec.children:
            title = strip_inline(child.title)
            if not title or self.find(title, fuzzy=False) is not None:
                continue
            index = self._add(title, title, child.line)
            self._fill_pros_cons(index, child)

    def _option(self, it: Item, *, rejected: bool) -> None:
        title, description = _split_title(it.text)
        if not title:
            return
        extra = " ".join(strip_inline(s) for s in it.sub) or None
        index = self.find(title, fuzzy=False)
        if index is None:
            index = self._add(title, strip_inline(it.text), it.line)
        opt = self.options[index]
        if rejected:
            reason = " ".join(x for x in (description, extra) if x) or None
            if reason and not opt.get("rejected_reason"):
                opt["rejected_reason"] = reason
                self.lines[("options", index, "rejected_reason")] = it.line
            opt["rejected"] = True
        else:
            text = " ".join(x for x in (description, extra) if x) or None
            if text and not opt.get("description"):
                opt["description"] = text
                self.lines[("options", index, "description")] = it.line

    def _add(self, title: str, full: str, line: int) -> int:
        index = len(self.options)
        self.options.append({"title": title})
        for key in (norm(title), norm(full)):
            if key:
                self.exact.setdefault(key, index)
        self.lines[("options", index)] = line
        self.lines[("options", index, "title")] = line
        return index

    def find(self, title: str, *, fuzzy: bool = True) -> int | None:
        """The option a title refers to: exact match first, then one unambiguous overlap
        (whole words of one title inside the other)."""
        want = norm(title)
        if not want:
            return None
        if want in self.exact:
            return self.exact[want]
        if not fuzzy or len(self.options) > MAX_FUZZY_OPTIONS:
            return None
        inside = re.compile(r"(?<!\w)" + re.escape(want) + r"(?!\w)")
        hits = []
        for i, opt in enumerate(self.options):
            have = norm(opt["title"])
            if have and (
                inside.search(have) or re.search(r"(?<!\w)" + re.escape(have) + r"(?!\w)", want)
            ):
                hits.append(i)
        return hits[0] if len(hits) == 1 else None

    def _pros_cons(self) -> None:
        # An option's pros and cons sometimes sit in a top-level section of its own (a
        # heading one level too high): read those when they carry Good/Bad bullets.
        for sec in self.doc.sections:
            if sec.key in KNOWN_SECTIONS or not _has_pros_cons(sec):
                continue
            index = self.find(strip_inline(sec.title))
            if index is not None:
                self._fill_pros_cons(index, sec)
        for sec in self.doc.sections_named(*PROS_CONS):
            for child in sec.children:
                title = strip_inline(child.title)
                index = self.find(title)
                if index is None:
                    if any(not o.get("rejected") for o in self.options):
                        continue  # do not invent options the list does not have
                    index = self._add(title, title, child.line)
                self._fill_pros_cons(index, child)

    def _fill_pros_cons(self, index: int, sec: Section) -> None:
        opt = self.options[index]
        for key, pattern in (("pros", _PRO), ("cons", _CON), ("neutral", _NEUTRAL)):
            found: list[tuple[int, str]] = []
            for it in items(sec.all_lines()):
                m = pattern.match(strip_inline(it.text))
                if m and m.group(2).strip():
                    found.append((it.line, m.group(2).strip()))
            if found:
                base = len(opt.get(key, []))
                opt.setdefault(key, []).extend(text for _, text in found)
                self.lines.setdefault(("options", index, key), found[0][0])
                for j, (line, _) in enumerate(found):
                    self.lines[("options", index, key, base + j)] = line
        if not opt.get("description"):
            for line, text in paragraphs([ln for ln in sec.body if not ln.code]):
                stripped = text.strip()
                if stripped.endswith(":") or stripped.startswith("!["):
                    continue  # "Example:" introducing a block, an image
                if not stripped.startswith(("*", "-", "+")):
                    opt["description"] = strip_inline(text)
                    self.lines[("options", index, "description")] = line
                    break

    def outcome(self) -> None:
        secs = self.doc.sections_named(*OUTCOME) + self.doc.sections_named(*DECISION)
        for sec in secs:
            for line, text in paragraphs(sec.all_lines()):
                m = _CHOSEN.search(strip_inline(text.replace("\n", " ")))
                if m:
                    self._chosen(m.group(1).strip(), line)
                    return
        decision = self.doc.section(*DECISION) or self.doc.section(*OUTCOME)
        if decision is not None:
            stated = block_text(decision.all_lines())
            self.put("rationale", stated, decision.line)
            if stated:
                self._stated_choice(stated, decision.line)

    def _stated_choice(self, text: str, line: int) -> None:
        """A decision that names exactly one listed option ("We will use PostgreSQL") chose
        it. Naming several, or none, marks nothing."""
        if not self.options or len(self.options) > MAX_FUZZY_OPTIONS:
            return
        said = norm(text)
        named = [
            i
            for i, opt in enumerate(self.options)
            if (title := norm(opt["title"]))
            and re.search(r"(?<!\w)" + re.escape(title) + r"(?!\w)", said)
        ]
        if len(named) == 1:
            self.options[named[0]]["chosen"] = True
            self.lines[("options", named[0], "chosen")] = line

    def _chosen(self, rest: str, line: int) -> None:
        title, because = _parse_chosen(rest)
        if because:
            self.put("rationale", because, line)
        if not title:
            return
        index = self.find(title)
        if index is None:
            self.put("chosen_option", title, line)
            return
        for i, opt in enumerate(self.options):
            opt["chosen"] = i == index
        self.lines[("options", index, "chosen")] = line

    def build(self) -> SourceRecord | InputError:
        self.metadata()
        self.identity()
        self.context()
        self.add_options()
        self.outcome()
        if self.options:
            for opt in self.options:
                opt.pop("rejected", None)
            self.data["options"] = self.options
            self.lines[("options",)] = self.lines[("options", 0)]
        return to_record(self.data, self.lines, file=self.path, fmt=self.fmt, line=1)


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _table_items(lines: list[Line]) -> list[Item]:
    """Rows of a Markdown table as items: the first cell is the option, the others its text."""
    rows = [ln for ln in lines if not ln.code and ln.text.lstrip().startswith("|")]
    if len(rows) < 3 or not _TABLE_RULE.match(rows[1].text):
        return []
    out = []
    for ln in rows[2:]:
        cells = [c.strip() for c in ln.text.strip().strip("|").split("|")]
        if cells and cells[0]:
            rest = "; ".join(c for c in cells[1:] if c)
            out.append(Item(ln.number, cells[0] + (f" - {rest}" if rest else "")))
    return out


def _option_items(sec: Section) -> list[Item]:
    """The options of a section: its list items, else the rows of its table."""
    found = items(sec.all_lines())
    return found or _table_items(sec.all_lines())


def _has_pros_cons(sec: Section) -> bool:
    return any(
        _PRO.match(text) or _CON.match(text)
        for text in (strip_inline(it.text) for it in items(sec.all_lines()))
    )


def _parse_chosen(rest: str) -> tuple[str, str | None]:
    """``"X", because Y`` / ``X, because Y`` / ``[X](#x)`` -> (X, Y)."""
    rest = rest.strip()
    title = ""
    after = ""
    close = _QUOTES.get(rest[:1])
    if close is not None:
        end = rest.find(close, 1)
        if end > 0:
            title, after = rest[1:end], rest[end + 1 :]
    if not title:
        m = re.match(r"^(.*?)(?:,?\s+because\b|,\s*since\b|,\s*as\b)(.*)$", rest, re.I | re.S)
        if m:
            title, after = m.group(1), "because" + m.group(2)
        else:
            m2 = re.match(r"^(.*?)(?:\.\s|\.$|$)(.*)$", rest, re.S)
            title, after = (m2.group(1), m2.group(2)) if m2 else (rest, "")
    title = title.strip().strip("\"'“”‘’`").rstrip(".,;:").strip()
    after = after.strip().lstrip(",;:.").strip()
    because = re.sub(r"^(?:because|since|as)\b[,:]?\s*", "", after, flags=re.I).strip()
    return title, because or None


def load_markdown(path: str, text: str) -> list[SourceRecord | InputError]:
    """One ADR. Raises :class:`NotADecisionRecord` for Markdown with no ADR structure."""
    try:
        doc = parse(text, KNOWN_SECTIONS)
    except MarkdownError as exc:
        return [InputError(path, exc.line, exc.message)]
    fmt = classify(doc)
    if fmt is None:
        raise NotADecisionRecord(
            "not a decision record: no MADR or Nygard structure found (expected front matter "
            "with status/date, '## Considered Options', '## Decision Outcome', or "
            "'## Status' and '## Decision')"
        )
    if not (doc.title or (doc.front or {}).get("title")):
        return [InputError(path, doc.title_line, "ADR has no '# ' title heading")]
    return [_Builder(path, doc, fmt).build()]


def looks_like_adr(text: str) -> bool:
    """Whether ``text`` (of unknown format, e.g. stdin) is a Markdown ADR."""
    try:
        doc = parse(text, KNOWN_SECTIONS)
    except MarkdownError:
        return False
    return bool(doc.sections) and classify(doc) is not None


__all__ = [
    "NotADecisionRecord",
    "classify",
    "load_markdown",
    "looks_like_adr",
    "map_status",
    "norm",
]
