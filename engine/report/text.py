"""The human format: findings grouped per file, like ruff, and a one-line summary.

::

    samples/acq.yaml:14:1: BEN006 [high] acquisition-without-integration-plan No plan...
    samples/acq.yaml:20:1: ALT001 [medium] no-breakthrough-alternative ... (waived until ...)

    Found 2 findings (1 high, 1 medium) in 1 record from 1 file; 1 waived.

Colours (``options.color``): the severity tag by severity, waived findings dimmed.
"""

from __future__ import annotations

from itertools import groupby

import click

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import (
    location_label,
    one_line,
    sort_findings,
    summarize,
    summary_sentence,
    waiver_note,
)

SEVERITY_STYLE: dict[str, dict[str, object]] = {
    "critical": {"fg": "red", "bold": True},
    "high": {"fg": "red"},
    "medium": {"fg": "yellow"},
    "low": {"fg": "blue"},
    "info": {"fg": "cyan"},
}


def _style(text: str, color: bool, **style: object) -> str:
    return click.style(text, **style) if color else text  # type: ignore[arg-type]


def _finding_line(f: Finding, color: bool) -> str:
    # FILE:LINE:1: like a compiler; a folder finding (line 0) names its folder alone
    where = one_line(
        f"{f.file}:{f.line}:1:" if f.file and f.line else f"{location_label(f.file, None)}:"
    )
    note = one_line(waiver_note(f))
    message = one_line(f.message)
    if f.waived:
        line = f"{where} {f.rule_id} [{f.severity}] {f.rule_name} {message} ({note})"
        return _style(line, color, dim=True)
    sev = _style(f"[{f.severity}]", color, **SEVERITY_STYLE[f.severity])
    line = (
        f"{_style(where, color, bold=True)} {_style(f.rule_id, color, fg='red', bold=True)} "
        f"{sev} {f.rule_name} {message}"
    )
    if note:
        line += " " + _style(f"({note})", color, fg="magenta")
    return line


def _error_line(e: InputError, color: bool) -> str:
    where = one_line(f"{e.file}:{e.line}:" if e.line else f"{e.file}:")
    label = _style("error:", color, fg="red", bold=True)
    return f"{_style(where, color, bold=True)} {label} {one_line(e.message)}"


def render(result: CheckResult, options: ReportOptions) -> str:
    """Findings grouped per file (errors of that file first), then the summary line.

    With ``options.quiet``, only the summary line."""
    if options.quiet:
        return _summary_line(result, options) + "\n"
    findings = sort_findings(f for f in result.findings if options.show_waived or not f.waived)
    errors_by_file: dict[str, list[InputError]] = {}
    for e in result.errors:
        errors_by_file.setdefault(e.file, []).append(e)
    findings_by_file = {
        file: list(group) for file, group in groupby(findings, key=lambda f: f.file)
    }
    blocks: list[str] = []
    for file in sorted(set(errors_by_file) | set(findings_by_file)):
        lines = [_error_line(e, options.color) for e in errors_by_file.get(file, [])]
        lines += [_finding_line(f, options.color) for f in findings_by_file.get(file, [])]
        blocks.append("\n".join(lines))
    blocks.append(_summary_line(result, options))
    return "\n\n".join(blocks) + "\n"


def _summary_line(result: CheckResult, options: ReportOptions) -> str:
    summary = summarize(result)
    sentence = summary_sentence(summary)
    if summary.findings:
        return _style(sentence, options.color, bold=True)
    if not summary.errors:
        return _style(sentence, options.color, fg="green")
    return sentence
