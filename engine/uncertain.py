"""Findings that rest on an uncertain extraction are capped at low.

A reader that infers a field by heuristics (a choice read from prose, decision makers taken
from a sentence) lists it under the record's ``x_uncertain`` key (docs/formats.md):
``chosen`` (which option was chosen), ``options`` (the option list itself), ``options[2]``
or ``options[2].pros`` (one option, or part of it), ``status``, ``decision_makers``... A
field list under an option's own ``x_uncertain`` (``chosen``, ``kind``) is read too.

Every fact the rules read is mapped (:data:`SOURCES`) to the record fields it is derived
from. A finding whose rule's conditions read a fact derived from an uncertain field rests
on that extraction: it is reported at ``low`` at most, and its message says which fields
were uncertain. The mapping is by fact, never by rule, so a new rule is covered as soon as
it reads a fact; a fact missing from the mapping is a test failure, not a silent gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .rules.model import Match
from .types import Finding, SourceRecord
from .vocab import SEVERITY_RANK

CAP = "low"

# Record fields behind each decision fact (paths from the record root).
_OPTIONS = ("options",)
_KINDS = ("options", "options.kind", "options.title", "options.description")
_CHOICE = ("options", "options.chosen", "chosen_option")
_CASE = ("options.business_case",)
_CHOSEN_CASE = (*_CHOICE, *_CASE)
_REASONS = (
    *_CHOICE,
    "options.rejected_reason",
    "options.cons",
    "options.pros",
    "options.description",
    "rationale",
    "consequences",
)
_COMMON: dict[str, tuple[str, ...]] = {"did": ("id",), "path": (), "line": ()}

_DECISION: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "status": ("status",),
    "project_type": ("project_type",),
    "origin": ("origin",),
    "format": (),
    "business_context": ("project_type", "options.kind", "options.business_case"),
    "age_days": ("date",),
    "idle_days": ("date",),
    "idle_since": ("date",),
    "date": ("date",),
    "date_line": (),
    "status_as_written": ("status",),
    "status_line": (),
    "option_count": _OPTIONS,
    "options_by_reference": _OPTIONS,
    "options_borrowed": _OPTIONS,
    "currency": ("currency",),
    "real_option_count": _KINDS,
    "unknown_kind_count": _KINDS,
    "inferred_kind_count": _KINDS,
    "has_breakthrough": _KINDS,
    "breakthrough_analysed_count": (*_KINDS, *_CASE),
    "breakthrough_unanalysed_count": (*_KINDS, *_CASE),
    "business_case_count": (*_OPTIONS, *_CASE),
    "rejected_without_reason_count": _REASONS,
    "rejected_without_reason": _REASONS,
    "rejected_without_reason_line": (),
    "choice_stated": (*_CHOICE, "rationale"),
    "decision_place": (),
    "decision_open": ("status", "rationale"),
    "guideline": ("title", "context", "rationale"),
    "record_keeping": ("title", "context", "rationale"),
    "informational": ("title", "status"),
    "decision_process_named": ("status",),
    "alternative_named": ("title", "context", "rationale"),
    "prose_words": ("context", "rationale"),
    "chosen_by": _CHOICE,
    "chosen_line": (),
    "chosen_case_line": (),
    "chosen_count": _CHOICE,
    "chosen_option_unmatched": (*_CHOICE, "options.title"),
    "chosen_option_named": ("chosen_option",),
    "chosen_id": _CHOICE,
    "chosen_title": (*_CHOICE, "options.title"),
    "chosen_kind": (*_CHOICE, *_KINDS),
    "chosen_kind_inferred": (*_CHOICE, *_KINDS),
    "chosen_is_acquisition": (*_CHOICE, *_KINDS, "project_type"),
    "chosen_new_capability": (*_CHOSEN_CASE, "options.title", "options.description"),
    "has_review": ("review",),
    "decision_maker_count": ("decision_makers",),
    "challenge_question_count": ("challenge",),
    "alternatives_requested": ("challenge",),
    "rationale_financial": ("rationale",),
    "rationale_customer": ("rationale",),
    "reference_uplift": ("project_type",),
    "reference_uplift_source": ("project_type",),
    "uncertain_fields": (),
    "uncertain_count": (),
    "business_context_reason": ("project_type", "options.kind", "options.business_case"),
}
# Facts of the chosen option's business case (chosen_npv, projected_benefits...).
_DECISION_CASE_PREFIXES = ("chosen_", "projected_", "realized_", "realization_", "cost_")
_DECISION_CASE = (
    "benefit_count",
    "cost_count",
    "benefits_measured",
    "track_record_ratio",
    "track_record_count",
    "track_record_decisions",
    "track_record_discount_gap",
)

# Option facts: fields of the option itself (relative to it), or of the record ("/status").
_OPTION: dict[str, tuple[str, ...]] = {
    "oid": ("id",),
    "title": ("title",),
    "kind": ("kind", "title", "description"),
    "kind_inferred": ("kind", "title", "description"),
    "chosen": ("chosen", "/chosen_option", "/options.chosen"),
    "rejected": ("chosen", "/chosen_option", "/options.chosen"),
    "has_rejected_reason": (
        "rejected_reason",
        "cons",
        "pros",
        "description",
        "/rationale",
        "/consequences",
        "/context",
    ),
    "rejected_reason_from": ("rejected_reason", "cons", "pros", "description", "/rationale"),
    "rejected_reason_line": (),
    "rejected_reason_text": ("rejected_reason", "cons", "pros", "description", "/rationale"),
    "cons_count": ("cons",),
    "has_business_case": ("business_case",),
    "other_business_case_count": ("/options.business_case", "/options"),
    "is_acquisition": ("title", "description", "/project_type"),
    "status": ("/status",),
    "project_type": ("/project_type",),
    "currency": ("/currency",),
    "uncertain": (),
}
# Benefit and cost facts: their option's case, plus what says whose case it is.
_ITEM_OPTION = {
    "oid": ("id",),
    "option_title": ("title",),
    "option_chosen": ("chosen", "/chosen_option", "/options.chosen"),
    "option_rejected": ("chosen", "/chosen_option", "/options.chosen"),
    "option_kind": ("kind", "title", "description"),
    "status": ("/status",),
    "project_type": ("/project_type",),
    "currency": ("/currency",),
}

_OPTION_PATH = re.compile(r"^\$\.options\[(\d+)\]")


def sources(fact_type: str, fact: str) -> tuple[str, ...]:
    """The record fields ``fact`` of ``fact_type`` is derived from.

    Decision facts give paths from the record root; option, benefit and cost facts give
    paths relative to their option, or from the root when they start with ``/``.
    """
    if fact in _COMMON:
        return _COMMON[fact]
    if fact_type == "decision":
        if fact in _DECISION:
            return _DECISION[fact]
        if fact.endswith("_count") and fact[: -len("_count")].replace("_", "-") in _KIND_NAMES:
            return _KINDS
        if fact in _DECISION_CASE or fact.startswith(_DECISION_CASE_PREFIXES):
            return _CHOSEN_CASE
        return ()
    if fact_type == "option":
        if fact in _OPTION:
            return _OPTION[fact]
        return ("business_case",)  # npv, projected_benefits...: the option's case
    if fact_type in ("benefit", "cost"):
        return _ITEM_OPTION.get(fact, ("business_case",))
    return ()  # portfolio, member, link: not about one extraction


def mapped(fact_type: str, fact: str) -> bool:
    """``fact`` has an explicit entry in the mapping (tests: every catalogued fact does)."""
    if fact in _COMMON:
        return True
    if fact_type == "decision":
        return (
            fact in _DECISION
            or (fact.endswith("_count") and fact[: -len("_count")].replace("_", "-") in _KIND_NAMES)
            or fact in _DECISION_CASE
            or fact.startswith(_DECISION_CASE_PREFIXES)
        )
    if fact_type == "option":
        return fact in _OPTION or fact in _OPTION_CASE
    return fact_type in ("benefit", "cost", "portfolio", "member", "link")


_OPTION_CASE = frozenset({"npv", "projected_benefits", "projected_costs"})
_KIND_NAMES = frozenset(
    {"do-nothing", "do-minimum", "incremental", "adjacent", "breakthrough", "replace-own-business"}
)


_INDEXED = re.compile(r"^options\[(\d+)\](?:\.(.+))?$")
# Names of the reader contract (docs/formats.md, "Uncertain extraction") that stand for
# model fields: "chosen" is which option was chosen, written on the options or named by the
# outcome.
_ALIASES = {"chosen": ("options.chosen", "chosen_option")}


def _entries(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


class Uncertainty:
    """The uncertain fields of one record: at its root and on each option.

    ``root`` maps a field path from the record root (``status``, ``options``,
    ``options.chosen``) to the name the record listed; ``options[i]`` maps a field of option
    i (``pros``; ``*`` for the whole option) to the listed name (``options[2].pros``).
    """

    def __init__(self, root: dict[str, str], options: Sequence[dict[str, str]]) -> None:
        self.root = root
        self.options = list(options)
        self.any_option: dict[str, str] = {}
        for own in self.options:
            for key, name in own.items():
                self.any_option.setdefault(key, name)

    @classmethod
    def of(cls, src: SourceRecord) -> Uncertainty | None:
        rec = src.record
        root: dict[str, str] = {}
        options: list[dict[str, str]] = [{} for _ in rec.options]
        for name in _entries((rec.model_extra or {}).get("x_uncertain")):
            m = _INDEXED.match(name)
            if m is not None:
                i = int(m.group(1))
                if i < len(options):
                    options[i].setdefault(m.group(2) or "*", name)
                continue
            for path in _ALIASES.get(name, (name,)):
                root.setdefault(path, name)
        for i, opt in enumerate(rec.options):  # an option's own list, relative to it
            for name in _entries((opt.model_extra or {}).get("x_uncertain")):
                options[i].setdefault(name, f"options[{i}].{name}")
        if not root and not any(options):
            return None
        return cls(root, options)

    def _root_hit(self, path: str) -> str | None:
        """The listed name of the uncertain field that ``path`` (from the root) is, or lies
        under; or None. ``options.kind`` is uncertain when some option's kind (or some whole
        option) is."""
        parts = path.split(".")
        for i in range(1, len(parts) + 1):
            head = ".".join(parts[:i])
            if head in self.root:
                return self.root[head]
        if path == "options" and "*" in self.any_option:  # an inferred option: the list is
            return self.any_option["*"]
        if parts[0] == "options" and len(parts) > 1:
            rest = ".".join(parts[1:])
            for key in (rest, parts[1], "*"):
                if key in self.any_option:
                    return self.any_option[key]
        return None

    def _option_hit(self, index: int | None, field: str) -> str | None:
        if field.startswith("/"):
            return self._root_hit(field[1:])
        parts = field.split(".")
        for i in range(1, len(parts) + 1):
            head = "options." + ".".join(parts[:i])
            if head in self.root:
                return self.root[head]
        if "options" in self.root:
            return self.root["options"]
        if index is None or not 0 <= index < len(self.options):
            return None
        own = self.options[index]
        for key in (field, parts[0], "*"):
            if key in own:
                return own[key]
        return None

    def fields_behind(self, fact_type: str, fact: str, path: str) -> list[str]:
        """The uncertain fields among those ``fact`` is derived from (as listed)."""
        m = _OPTION_PATH.match(path)
        index = int(m.group(1)) if m else None
        hits: list[str] = []
        for field in sources(fact_type, fact):
            if fact_type == "decision":
                hit = self._root_hit(field)
            else:
                hit = self._option_hit(index, field)
            if hit is not None and hit not in hits:
                hits.append(hit)
        return hits


# The last record's Uncertainty: a record's findings are made one after another, and each
# asks (the record is held, so its id names it while it is here).
_LAST: tuple[SourceRecord | None, Uncertainty | None] = (None, None)


def _uncertainty(src: SourceRecord) -> Uncertainty | None:
    global _LAST
    last = _LAST
    if last[0] is src:
        return last[1]
    unc = Uncertainty.of(src)
    _LAST = (src, unc)
    return unc


def uncertain_fields(match: Match, src: SourceRecord | None) -> list[str]:
    """The uncertain record fields a match's conditions read, in order, no repeats."""
    if src is None:
        return []
    unc = _uncertainty(src)
    if unc is None:
        return []
    out: list[str] = []
    rule = match.rule
    for alias, facts in rule.referenced().items():
        fact_type = rule.alias(alias).on
        path = str(match.bindings.get(alias, match.target).get("path", "$"))
        for fact in facts:
            for field in unc.fields_behind(fact_type, fact, path):
                if field not in out:
                    out.append(field)
    return out


def cap(finding: Finding, fields: Iterable[str]) -> Finding:
    """``finding`` capped at low (when above), its message and evidence saying why."""
    names = list(fields)
    if not names:
        return finding
    listed = ", ".join(names)
    note = f" (this rests on an uncertain extraction of {listed}"
    severity = finding.severity
    if SEVERITY_RANK[severity] > SEVERITY_RANK[CAP]:
        note += f"; reported as {CAP} instead of {severity})"
        severity = CAP
    else:
        note += ")"
    evidence: Mapping[str, Any] = {**finding.evidence, "uncertain": names}
    return replace(finding, severity=severity, message=finding.message + note, evidence=evidence)
