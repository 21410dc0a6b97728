"""Helpers shared by the output formats: counts, wording and the finding's JSON form."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..types import CheckResult, Finding, WaiverRef
from ..vocab import SEVERITIES, SEVERITY_RANK

# Severities from the most to the least severe, as reports list them.
SEVERITIES_DESC: tuple[str, ...] = tuple(reversed(SEVERITIES))


_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """``text`` on one terminal line: line breaks become spaces, and other control
    characters (ANSI escapes a hostile record could carry) become U+FFFD."""
    return _CONTROLS.sub("\ufffd", _LINE_BREAKS.sub(" ", text))


# Where reports place a finding with no file: a portfolio finding, about the whole run.
PORTFOLIO_LABEL = "(portfolio)"


def location_label(file: str, line: int | None) -> str:
    """``FILE:LINE``, ``FILE``, or ``(portfolio)`` for a finding about the whole run."""
    if not file:
        return PORTFOLIO_LABEL
    return f"{file}:{line}" if line else file


def folder_files(f: Finding) -> list[str]:
    """The record files a folder (convention) finding stands for; empty for other findings."""
    files = f.evidence.get("files") if f.evidence.get("convention") else None
    return [str(x) for x in files] if isinstance(files, list) else []


def anchor(f: Finding) -> tuple[str, int]:
    """Where a format that needs a file and a line places ``f``: a folder finding (whose
    file is a folder) on line 1 of its first record; any other at its own file and line."""
    files = folder_files(f)
    return (files[0], 1) if files else (f.file, f.line)


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``plural(1, "file")`` -> ``1 file``; ``plural(2, "file")`` -> ``2 files``."""
    return f"{count} {noun if count == 1 else (plural_noun or noun + 's')}"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """File, line, most severe first, rule id, path: the order every report lists findings."""
    return sorted(
        findings,
        key=lambda f: (f.file, f.line, -SEVERITY_RANK[f.severity], f.rule_id, f.path),
    )


def active(result: CheckResult) -> list[Finding]:
    """Findings that count: shown and not waived (an expired waiver no longer applies)."""
    return [f for f in result.findings if not f.waived]


def waived(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.waived]


def by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per severity, every severity present (most severe first)."""
    counts = dict.fromkeys(SEVERITIES_DESC, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts


@dataclass(frozen=True)
class Summary:
    """The numbers every format reports."""

    findings: int
    by_severity: Mapping[str, int]
    waived: int
    expired_waivers: int
    errors: int
    records: int
    files: int
    baseline_matched: int
    baseline_fixed: int
    exit_code: int
    fail_on: str
    skipped: int = 0  # files found in folders and not audited


def summarize(result: CheckResult) -> Summary:
    act = active(result)
    totals = result.totals  # set by check: counts even when the findings were not kept
    return Summary(
        findings=totals.active if totals else len(act),
        by_severity=(
            {s: totals.by_severity.get(s, 0) for s in SEVERITIES_DESC}
            if totals
            else by_severity(act)
        ),
        waived=totals.waived if totals else len(result.findings) - len(act),
        expired_waivers=(
            totals.expired_waivers
            if totals
            else sum(1 for f in act if f.expired_waiver is not None)
        ),
        errors=len(result.errors),
        records=result.record_count,
        files=len(result.files),
        baseline_matched=result.baseline_matched,
        baseline_fixed=result.baseline_fixed,
        exit_code=result.exit_code,
        fail_on=result.fail_on,
        skipped=len(result.skipped),
    )


def severity_breakdown(summary: Summary) -> str:
    """``3 high, 5 medium, 4 low`` (severities with no finding left out)."""
    return ", ".join(f"{n} {sev}" for sev, n in summary.by_severity.items() if n)


def summary_sentence(summary: Summary) -> str:
    """``Found 12 findings (3 high, 5 medium, 4 low) in 9 records from 7 files; 2 waived; 1 error.``

    Followed, when a baseline was used, by ``4 baseline findings hidden, 1 fixed.``
    """
    scope = f"in {plural(summary.records, 'record')} from {plural(summary.files, 'file')}"
    if summary.findings:
        head = (
            f"Found {plural(summary.findings, 'finding')} ({severity_breakdown(summary)}) {scope}"
        )
    else:
        head = f"No findings {scope}"
    parts = [head]
    if summary.waived:
        parts.append(f"{summary.waived} waived")
    if summary.errors:
        parts.append(plural(summary.errors, "error"))
    if summary.skipped:
        parts.append(f"{plural(summary.skipped, 'file')} skipped")
    text = "; ".join(parts) + "."
    baseline = baseline_sentence(summary)
    return f"{text} {baseline}" if baseline else text


def baseline_sentence(summary: Summary) -> str:
    """``4 baseline findings hidden, 1 fixed.``; empty when no baseline finding is involved."""
    if not (summary.baseline_matched or summary.baseline_fixed):
        return ""
    hidden = plural(summary.baseline_matched, "baseline finding")
    return f"{hidden} hidden, {summary.baseline_fixed} fixed."


def waiver_note(finding: Finding) -> str:
    """``waived until 2026-12-31: reason`` or ``waiver expired 2025-12-31``; empty otherwise."""
    if finding.waiver is not None:
        return f"waived until {finding.waiver.expires}: {finding.waiver.reason}"
    if finding.expired_waiver is not None:
        return f"waiver expired {finding.expired_waiver.expires}"
    return ""


def waiver_dict(waiver: WaiverRef | None) -> dict[str, Any] | None:
    if waiver is None:
        return None
    return {
        "source": waiver.source,
        "reason": waiver.reason,
        "approver": waiver.approver,
        "expires": waiver.expires,
        "waiver_id": waiver.waiver_id,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as the json and jsonl formats emit it (keys sorted by the serializer)."""
    return {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "severity": finding.severity,
        "family": finding.family,
        "decision_id": finding.decision_id,
        "file": finding.file,
        "line": finding.line,
        "path": finding.path,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "waived": finding.waived,
        "waiver": waiver_dict(finding.waiver),
        "expired_waiver": waiver_dict(finding.expired_waiver),
        "evidence": dict(finding.evidence),
    }


def json_default(value: Any) -> Any:
    """Serialize what evidence may hold beyond JSON types (dates, sets, tuples...)."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def relative_file(file: str, base_dir: str) -> str:
    """``file`` as a POSIX path relative to ``base_dir`` when it is an absolute path under
    it (GitHub resolves annotation paths from the repository root); otherwise as given."""
    path = Path(file)
    if not path.is_absolute():
        return file.replace("\\", "/")
    try:
        return path.resolve().relative_to(Path(base_dir).resolve()).as_posix()
    except (ValueError, OSError):
        return file
