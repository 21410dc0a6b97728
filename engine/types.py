"""Values passed between the stages: source records, input errors, findings, results.

Everything here is a frozen dataclass: stages never mutate what they receive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Record
from .vocab import FAMILIES as FAMILIES  # re-exported: the vocabulary
from .vocab import SEVERITIES as SEVERITIES
from .vocab import SEVERITY_RANK

# A location inside a record, as the tuple of keys and indexes from the root:
# ("options", 0, "business_case", "benefits", 1).
Loc = tuple[str | int, ...]


def format_loc(loc: Sequence[str | int]) -> str:
    """``("options", 0, "title")`` -> ``options[0].title`` (the form used in error messages)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def json_path(loc: Sequence[str | int]) -> str:
    """``("options", 0)`` -> ``$.options[0]`` (the form stored in findings and fingerprints)."""
    text = format_loc(loc)
    if not text:
        return "$"
    return "$" + text if text.startswith("[") else "$." + text


def fingerprint(rule_id: str, decision_id: str, path: str) -> str:
    """Stable identity of a finding: rule, decision and JSON path, never the line number."""
    raw = "\x1f".join((rule_id, decision_id, path)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]


@dataclass(frozen=True)
class SourceRecord:
    """A validated record plus where it came from."""

    record: Record
    file: str  # path as given on the command line (POSIX separators), "-" for stdin
    format: str  # yaml | json | jsonl | madr | nygard | csv
    lines: Mapping[Loc, int] = field(default_factory=dict)  # loc -> 1-based source line
    raw: Mapping[str, Any] | None = None  # the mapping the record was validated from
    # The record as its file says, when ``record`` carries figures recorded in the log after
    # approval (``decaudit actuals``): the log keeps this one, the rules see ``record``.
    as_read: Record | None = None

    def line_of(self, loc: Sequence[str | int]) -> int:
        """The source line of ``loc``, or of its nearest ancestor that has one (1 at worst)."""
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)


@dataclass(frozen=True)
class InputError:
    """A file (or one record in it) that could not be read. Always names file and line."""

    file: str
    line: int | None
    message: str
    kind: str = "input"  # input | io | rule | config | skipped (a walked file not audited)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class WaiverRef:
    """A waiver that matched a finding: from the record itself or from the log."""

    source: str  # "record" | "log"
    reason: str
    approver: str | None
    expires: str  # ISO date, inclusive
    waiver_id: int | None = None  # row id in the log's waivers table, for log waivers


@dataclass(frozen=True)
class Finding:
    rule_id: str
    rule_name: str
    severity: str
    family: str
    decision_id: str
    file: str
    line: int
    path: str  # JSON path of the flagged item, e.g. $.options[1].business_case.benefits[0]
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    waiver: WaiverRef | None = None  # a live waiver that applies
    expired_waiver: WaiverRef | None = None  # a waiver that applied until it expired

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.rule_id, self.decision_id, self.path)

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]


@dataclass(frozen=True)
class Reference:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class BriefText:
    """What a rule contributes to the approver's brief (the rule file's ``brief`` block).

    ``ask`` and ``question`` are ``string.Template`` texts filled from the flagged item's
    facts; ``section`` says where ``ask`` goes; findings of one ``topic`` become one item.
    """

    section: str = "question"  # ask | challenge | realism | review | question
    ask: str | None = None
    question: str | None = None
    reason: str | None = None  # the verdict's short phrase for this problem
    source: str | None = None  # the short citation of the footnote
    topic: str | None = None
    quote: str | None = None  # what to quote from the record (e.g. unchallenged-assumptions)


@dataclass(frozen=True)
class RuleInfo:
    """What outputs need to know about a rule (its documentation, without its condition)."""

    id: str
    name: str
    title: str
    family: str
    severity: str  # effective severity, after config overrides
    rationale: str
    remediation: str
    references: tuple[Reference, ...] = ()
    digest: str = ""  # sha256 of the rule file's canonical form
    brief: BriefText | None = None  # the rule's text for the approver's brief
    precision: str = "medium"  # how often a finding is right: very-high | high | medium | low


@dataclass(frozen=True)
class FindingTotals:
    """Counts over every shown finding of a run, kept even when the findings are not
    (``check -q`` on a large corpus keeps only these, so its memory stays flat)."""

    active: int = 0  # shown and not waived
    by_severity: Mapping[str, int] = field(default_factory=dict)  # active findings per severity
    waived: int = 0
    expired_waivers: int = 0  # active findings whose waiver expired


@dataclass(frozen=True)
class CheckResult:
    """Everything one ``check`` run produced; the input of every output format."""

    findings: tuple[Finding, ...]  # shown findings (after --min-severity and baseline), sorted
    errors: tuple[InputError, ...]
    rules: tuple[RuleInfo, ...]  # the rules that ran
    files: tuple[str, ...]  # files read
    record_count: int
    tool_version: str
    started_at: str  # ISO 8601 UTC
    run_id: int | None = None  # id in the audit log, None with --no-log
    baseline_fixed: int = 0  # baseline findings no longer present
    baseline_matched: int = 0  # findings hidden because they are in the baseline
    fail_on: str = "high"
    exit_code: int = 0
    totals: FindingTotals | None = None  # counts of the shown findings, even when not kept
    all_findings: tuple[Finding, ...] = ()  # every finding, when asked (for baselines)
    # Kept only when an output needs them (the approver's brief):
    records: tuple[SourceRecord, ...] = ()  # the records audited, in input order
    history: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # track record
    today: str = ""  # the audit date (ISO), for the brief's review dates
    min_history: int = 3  # past decisions of a type needed before its track record counts
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per stage of the run
    config_file: str | None = None  # the configuration file the run used, if any
    paths: tuple[str, ...] = ()  # the paths the run was given (files, folders, -)
    skipped: tuple[InputError, ...] = ()  # files found in folders and not audited, with why
