"""ADRs as people write them (MADR 2-4, Nygard, adr-tools, Tyree and their variants), read
from the document model of a Markdown or Word file and mapped onto the record model.

``sections`` names the parts by their headings, ``meta`` reads statuses, dates and names,
``content``/``options`` find the options with their pros and cons, ``choice`` recognises the
chosen option and ``build`` assembles the record. See docs/formats.md for the mapping.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePosixPath

from ...types import InputError, SourceRecord
from ..document import Document, DocumentError, DocxError, key_values, parse_docx, parse_markdown
from ..formats import NotADecisionRecord
from ..skips import names_a_template
from . import sections as roles
from .build import Builder, title_from_file_name
from .choice import CHOSEN_LINE, norm
from .freeform import FREE_FORM, free_form
from .meta import map_status, stage_status
from .minutes import minutes_reason
from .pointer import pointer_reason
from .twoway import title_two_way

Result = SourceRecord | InputError
_RECORD_TITLE = re.compile(
    # "Architecture Decision Record: X", "Buildbarn Architecture Decision Record #2: X"
    r"^\s*(?:(?:[\w-]+\s+){0,2}?(?:architecture\s+)?decision\s+record\s*(?:\(ADR\)\s*)?"
    r"(?:#?\s*\d+\s*)?(?::|for\s|[-–—]\s)|"
    r"(?:design|architecture|technical)\s+decisions?\s*:\s*\S|"  # "Design Decisions: App context"
    r"(?:ADR|RFC|NAP|NEP|KEP|PEP|DEP|MEP|EEP|DR)\b\s*[-#]?\s*\d)",  # "NAP-10 — Events"
    re.IGNORECASE,
)
# A document that calls itself a proposal ("the purpose of this RFC is", "this proposal is
# intentionally small"): a record of what it proposes.
_SELF_PROPOSED = re.compile(
    r"\bthis\s+(?:rfc|proposal|nap|nep|kep|pep|enhancement\s+proposal|design\s+proposal)\b",
    re.IGNORECASE,
)
_FRONT_KEYS = ("status", "date", "deciders", "decision-makers", "decision makers")
_DECIDER_KEYS = frozenset({"deciders", "decision-makers", "decision makers", "decision maker"})


def classify(doc: Document) -> str | None:
    """``madr``, ``nygard`` or None (no decision structure), with the reason it is not."""
    title = doc.title_section
    # the parts of an ADR are the headings under its title ("# Decisions" is a title)
    # ... unless it is a part no record is titled by ("# Status" first, the title above it
    # in a plain line)
    keys = [
        s.key
        for s in doc.sections()
        if not (s is title and s.level == 1 and not _untitled_part(s.key))
    ]
    meta = {m.name for m in doc.metadata}
    if held := roles.first(doc, roles.is_metadata):  # "## Preamble" over "Status: Draft"
        meta |= {m.name for m in key_values(held.blocks)}
    if any(roles.is_options(k) or roles.is_pros_cons(k) for k in keys):
        return "madr"
    if doc.front and any(k in meta for k in _FRONT_KEYS):
        return "madr"
    if meta & _DECIDER_KEYS:
        return "madr"  # "**Decision Makers:** @ana, @bo": it names who decided
    if any(CHOSEN_LINE.search("\n".join(p.lines)) for s in doc.sections() for p in s.paragraphs()):
        return "madr"
    titles = [title.title] if title is not None else []
    if any(_record_part(k) for k in keys):  # front matter's, over the parts of a record
        titles += [m.value for m in doc.metadata if m.name == "title"]  # (not test scenarios)
    if any(_RECORD_TITLE.match(t) for t in titles):
        return "madr"  # "Architecture Decision Record: X", "ADR-12: X"
    decision = any(roles.is_decision(k) for k in keys)
    status = bool({"status", "implementation status"} & meta) or any(
        roles.is_status(k) for k in keys
    )
    if decision or status:
        return "nygard" if decision and any(roles.is_status(k) for k in keys) else "madr"
    if any(_rfc_opening(k) for k in keys) and any(k in _RFC_DESIGNS for k in keys):
        return "madr"  # an RFC: "Summary" or "Motivation", and the design it proposes
    if {"summary", "motivation"} <= set(keys) or {"why", "how"} <= set(keys):
        return "madr"  # an RFC's summary and motivation; a proposal's "Why" and "How"
    if any(k in _PROBLEMS for k in keys) and any(
        k in roles.DESIGN or roles.is_decision(k) for k in keys
    ):
        return "madr"  # a design document: "## Problem" and "## Design" / "## Proposed SPI"
    if any(_SELF_PROPOSED.search(p.text) for s in doc.sections() for p in s.paragraphs()):
        return "madr"
    if title is not None and title_two_way(title.title, title.line) is not None:
        return "madr"  # "# Using urfave/cli instead of spf13/cobra": the title decides
    stages = [m.value for m in doc.metadata if m.name == "stage" and stage_status(m.value)]
    if stages and any(k in roles.RFC_OPENINGS for k in keys):
        return "madr"  # a staged RFC: "Stage: 2 (candidate)" and a "## Summary"
    return None


# "Motivation or Background", "Background and motivation": an RFC's opening in other words
_MOTIVATION = re.compile(r"^(?:motivation|background)\s+(?:and|or|&)\s+(?:motivation|background)$")


def _rfc_opening(key: str) -> bool:
    return key in roles.RFC_OPENINGS or bool(_MOTIVATION.match(key))


def _record_part(key: str) -> bool:
    """A part of a decision record: its context or problem, status, decision or design, or
    consequences."""
    return (
        roles.is_context(key)
        or roles.is_status(key)
        or roles.is_decision(key)
        or roles.is_consequences(key)
        or key in roles.DESIGN
        or key in _PROBLEMS
    )


def _untitled_part(key: str) -> bool:
    """A part no record is titled by, even when it is the first heading (an RFC's
    "# Summary" over its "# Motivation")."""
    return roles.is_status(key) or roles.is_context(key) or key in roles.RFC_OPENINGS


# The design an RFC proposes, which is its decision
_RFC_DESIGNS = frozenset(
    {"detailed design", "design", "proposed design", "proposal", "what it is", "how it works"}
    | {"explanation", "guide-level explanation", "reference-level explanation"}
)


# A design document's problem part (with the design it proposes: roles.DESIGN)
_PROBLEMS = frozenset(
    {"problem", "problem statement", "the problem", "problems", "problem description"}
)


NOT_A_RECORD = (
    "not a decision record: no status, decision, outcome, proposal, design or options found "
    "(expected e.g. '## Status' or 'Status:' metadata, '## Decision', '## Considered Options' "
    "or 'Chosen option:')"
)


def read_adr(path: str, doc: Document, name: str | None = None) -> list[Result]:
    """One ADR from a parsed document. Raises :class:`NotADecisionRecord` without an ADR
    structure. ``name`` is the id to use when the document gives none."""
    if why := minutes_reason(doc) or pointer_reason(doc) or _blank_metadata(doc):
        raise NotADecisionRecord(why)
    fmt = classify(doc)
    if fmt is None and free_form(path, doc):
        fmt = FREE_FORM  # "adr-002-repositories.md": "# 002: Repositories" and prose
    if fmt is None:
        raise NotADecisionRecord(NOT_A_RECORD)
    parts = [s for s in doc.sections() if s is not doc.title_section]
    if parts and not any(s.blocks for s in parts) and not doc.front:
        raise NotADecisionRecord("a template, not a decision record (no part has any text)")
    built = Builder(path, doc, fmt, name).build()
    if isinstance(built, SourceRecord) and _filled_under_blank_title(built) and path != "-":
        title = title_from_file_name(PurePosixPath(path.replace("\\", "/")).stem)
        rec = built.record.model_copy(update={"title": title})
        built = dataclasses.replace(built, record=rec)
    templated = names_a_template(path)
    if isinstance(built, SourceRecord) and not templated and (heading := _over_heading(built, doc)):
        rec = built.record.model_copy(update={"title": heading})  # "title: Proposal Template"
        built = dataclasses.replace(built, record=rec)  # left in front matter over "# X"
    if isinstance(built, SourceRecord) and (why := template_reason(built)):
        raise NotADecisionRecord(f"a template, not a decision record ({why})")
    return [built]


# A template's blank: "{title of option 1}" or a whole "[option 1]", or a generator's token
# ("%%TITLE%%", "{{ title }}", "${TITLE}", a whole "<Title>"). Braces glued to a name
# ("s2i-{application}", "{env}-db") are a naming pattern the record writes about.
_PLACEHOLDER = re.compile(
    # "{short title}", not code: "setup({single_test: true})"
    r"(?<![\w(-])\{[^{}:;=()]{2,}\}(?![\w)-])|^\s*\[[^\]]+\]\s*$|%%\w{2,30}%%|\$\{\w{2,30}\}|"
    r"^\s*<[^\W\d_][^<>]{1,40}>\s*$"  # "<title>", "<ชื่อการตัดสินใจ>": a letter of any script
)
# A template's number and title blanks: "RFC-NNNN Title", "ADR XXXX: Short title".
_BLANK_TITLE = re.compile(
    r"(?:\b|(?<=adr)|(?<=rfc))(?:N{3,}|X{3,})\b[\s.:-]*(?:[\w-]+,?\s+){0,4}title\b|"
    r"^\s*(?:(?:decision|record|adr|short|document)\s+)?title\s*$|"  # "# Title"
    # "Descriptive Title in Title Case", "Short title of solved problem and solution"
    r"^\s*(?:an?\s+|the\s+)?(?:(?:short|descriptive|brief|meaningful|concise)\s+(?:and\s+)?)+title"
    r"(?:\s+in\s+title\s+case|\s+of\s+.*)?\s*$",
    re.IGNORECASE,
)
# A template's status line listing the statuses to choose from
_STATUS_WORD = (
    r"(?:draft|proposed|accepted|rejected|deferred|implemented|superseded|deprecated|"
    r"withdrawn|final|active)"
)
_STATUS_CHOICE = rf"{_STATUS_WORD}(?:\s+by\s+\S+)?"  # "Superseded by ADR-XXXX" among them
_STATUS_CHOICES = re.compile(
    rf"^\s*{_STATUS_CHOICE}(?:\s*[|/]\s*{_STATUS_CHOICE}){{2,}}\s*$", re.IGNORECASE
)
_BRACKETED_TITLE = re.compile(r"^\s*\[[^\]{}]+\]\s*$")
# A record number before a title ("ADR-000: ", "RFC 12. ", "0001 - "), or the template's
# blank for it ("ADR-XXXX: ", "NNNN. ")
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:(?:adr|rfc|decision)\s*[-#]?\s*)?(?:\d+|X{3,}|N{3,})\s*[:.\-–—]\s*", re.I
)
# A date the template left to fill in ("Date: YYYY-MM-DD")
_BLANK_DATE = re.compile(r"\bY{2,4}[-/.]M{1,2}[-/.]D{1,2}\b|\bD{1,2}[-/.]M{1,2}[-/.]Y{2,4}\b", re.I)
_TEMPLATE_TITLE = re.compile(
    # "Template", "Template RFC", "ADR template: Title", "Template - X"; not "Template engine"
    r"^\s*(?:(?:architecture\s+)?(?:decision|design)\s+record\s+|m?adr\s+|d?dr\s+|rfc\s+)?"
    r"template"
    r"(?:\s+(?:rfc|m?adr|record|document|proposal))?\s*(?:$|[:(\-–—])|"
    r"\btemplate\s+(?:by|for|of|using|from)\b|"
    # "ADR Format Template", "... Decision Record (ADR) template": a title naming the kind
    # of document it is a template of; not "Plugin Manifest Third-Party Service Template"
    r"\b(?:m?adrs?|decisions?|records?|rfcs?|format|design|d?dr|sdr|document)\b.*\btemplate\s*$|"
    r"^\s*(?:\w+\s+)?(?:proposals?|enhancements?|keps?|peps?|teps?)\s+template\s*$",
    re.IGNORECASE,
)


def _filled_under_blank_title(src: SourceRecord) -> bool:
    """A record written under its template's title placeholder ("# {short title of solved
    problem and solution}") whose body is filled in: two or more real options and a choice
    among them. It is a decision, titled from its file name."""
    rec = src.record
    if not (_PLACEHOLDER.search(rec.title) or _BLANK_TITLE.search(rec.title)):
        return False
    real = [o for o in rec.options if not _PLACEHOLDER.search(o.title)]
    return len(real) == len(rec.options) >= 2 and any(o.chosen for o in real)


def _over_heading(src: SourceRecord, doc: Document) -> str | None:
    """The document's own heading, when the title its front matter kept from the template
    ("title: Proposal Template") stands over a real one ("# CloneSet scale-down") in a
    file not named as a template."""
    sec = doc.title_section
    if sec is None or sec.level != 1 or not _TEMPLATE_TITLE.search(src.record.title):
        return None
    if roles.is_role(sec.key) or sum(s.level == 1 for s in doc.sections()) > 1:
        return None  # the template's own "# Summary" over "# Motivation": still a template
    heading = " ".join(sec.title.split())
    if not heading or heading == src.record.title or _TEMPLATE_TITLE.search(heading):
        return None
    return None if _PLACEHOLDER.search(heading) or _BLANK_TITLE.search(heading) else heading


# "status: provisional|implementable|implemented|declined|replaced": the statuses to pick from
_PICK_ONE = re.compile(r"^\s*[A-Za-z][\w-]*(?:\s*\|\s*[A-Za-z][\w-]*){2,}\s*$")


def _blank_metadata(doc: Document) -> str | None:
    """A template by its metadata alone: a status that lists the statuses to pick from and
    a date left blank (``creation-date: yyyy-mm-dd``), whatever its guidance text says."""
    picks = [m for m in doc.metadata if m.name == "status" and _PICK_ONE.match(m.value)]
    blanks = [m for m in doc.metadata if _BLANK_DATE.search(m.value)]
    if not (picks and blanks):
        return None
    return (
        f"a template, not a decision record (placeholder status {picks[0].value.strip()!r} "
        f"and {blanks[0].key} {blanks[0].value.strip()!r})"
    )


def template_reason(src: SourceRecord) -> str | None:
    """Why a read document is a template rather than a decision, or None."""
    rec = src.record
    extra = rec.model_extra or {}
    bare = _NUMBER_PREFIX.sub("", rec.title)  # "ADR-000: [Short Title]" is "[Short Title]"
    # "# [Design Guideline]" over a dated record: a title its writers bracketed
    bracketed = _BRACKETED_TITLE.match(bare) is not None and rec.date is not None
    placeholder = any(_PLACEHOLDER.search(t) or _BLANK_TITLE.search(t) for t in (rec.title, bare))
    if placeholder and not bracketed:
        return f"placeholder title {rec.title!r}"
    if _TEMPLATE_TITLE.search(rec.title) and rec.date is None and not _DECIDES.match(rec.title):
        # a record that kept its template's heading but has a real date is a decision, and
        # so is one that decides on a template ("Use uniform ADR template")
        return f"titled {rec.title!r}"
    held = [o.title for o in rec.options if _PLACEHOLDER.search(o.title)]
    if len(held) >= 2 and not _reasoned(rec.rationale):
        return f"placeholder options {held[0]!r}..."
    status = extra.get("status_text")
    if isinstance(status, str) and "{" in status and "|" in status:
        return f"placeholder status {status!r}"
    if isinstance(status, str) and _STATUS_CHOICES.match(status) and not _written(src):
        return f"placeholder status {status!r}"  # "Draft | Proposed | Accepted", body unwritten
    date = extra.get("date_text")
    blank = isinstance(date, str) and bool(_BLANK_DATE.search(date))
    decided = len((rec.rationale or "").split()) >= MIN_DECISION_WORDS  # says what it does
    decided = decided and not (isinstance(status, str) and re.search(r"[<>{}|]", status))
    if rec.date is None and blank and not _written(src) and not decided:  # a draft is read
        return f"placeholder date {date!r}"
    return None


MIN_WRITTEN_WORDS = 40
MIN_DECISION_WORDS = 5  # a decision in a sentence of its own, not a template's "x"
MIN_REASON_WORDS = 15
# A title that decides something, even about a template ("Use uniform ADR template")
_DECIDES = re.compile(
    r"^\s*(?:use|using|choose|adopt|introduce|apply|create|define|switch|move|migrate|"
    r"standardi[sz]e|keep|replace|build|add|provide|follow|pick|select)\b",
    re.IGNORECASE,
)


def _reasoned(rationale: str | None) -> bool:
    """The choice is argued in the writer's own words ("..., because it's the best option
    to focus our whole group on one idea ..."): the options in braces were filled in, the
    braces kept from the template."""
    text = rationale or ""
    return len(text.split()) >= MIN_REASON_WORDS and not re.search(r"[{}\[\]]", text)


def _written(src: SourceRecord) -> bool:
    """The body is written: a context of its own words, not the template's guidance in
    brackets (its options may be the template's examples, "A1: A solution to the problem")."""
    context = src.record.context or ""
    return len(context.split()) >= MIN_WRITTEN_WORDS and not re.search(r"^\s*\[", context)


def load_markdown(path: str, text: str, name: str | None = None) -> list[Result]:
    try:
        doc = parse_markdown(text)
    except DocumentError as exc:
        return [InputError(path, exc.line, exc.message)]
    return read_adr(path, doc, name)


def load_docx(path: str, data: bytes, name: str | None = None) -> list[Result]:
    try:
        doc = parse_docx(data)
    except DocxError as exc:
        return [InputError(path, None, str(exc))]
    return read_adr(path, doc, name)


def looks_like_adr(text: str) -> bool:
    """Whether ``text`` (of unknown format, e.g. stdin) is a Markdown ADR."""
    try:
        doc = parse_markdown(text)
    except DocumentError:
        return False
    return bool(doc.sections()) and classify(doc) is not None


__all__ = [
    "NotADecisionRecord",
    "classify",
    "load_docx",
    "load_markdown",
    "looks_like_adr",
    "map_status",
    "norm",
    "read_adr",
]
