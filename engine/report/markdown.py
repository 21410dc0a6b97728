"""Markdown for pull-request comments and ``$GITHUB_STEP_SUMMARY``.

A heading with the verdict, a table of counts by severity, a table of findings (severity,
rule, decision, location, message), waived findings, input errors and a baseline note.
Table cells are escaped (``|``, newlines, HTML). The document stays under
``options.markdown_max_bytes`` (GitHub refuses step summaries over 1 MiB): findings rows that
do not fit are dropped, with a note saying how many.
"""

from __future__ import annotations

import html

from ..types import CheckResult, Finding, InputError
from ..vocab import SEVERITY_RANK
from . import ReportOptions
from .common import (
    SEVERITIES_DESC,
    active,
    baseline_sentence,
    location_label,
    plural,
    sort_findings,
    summarize,
    summary_sentence,
    waived,
)

TITLE = "## decaudit check"
# Input errors and waived findings listed at most (the findings table takes the rest).
MAX_LISTED = 100
ICONS: dict[str, str] = {
    "critical": "🟥",
    "high": "🟧",
    "medium": "🟨",
    "low": "🟦",
    "info": "⬜",
}


def cell(text: str) -> str:
    """Text safe inside a table cell: HTML escaped, ``|`` escaped, newlines as ``<br>``."""
    escaped = html.escape(text, quote=False).replace("|", "\\|")
    return "<br>".join(part.strip() for part in escaped.splitlines()) if escaped else ""


def code(text: str) -> str:
    """An inline code span for any text (backticks inside are fenced with longer runs)."""
    text = text.replace("\n", " ").replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _where(file: str, line: int | None) -> str:
    return code(location_label(file, line))


def _finding_row(f: Finding) -> str:
    message = cell(f.message)
    if f.expired_waiver is not None:
        message += f" _(waiver expired {cell(f.expired_waiver.expires)})_"
    return (
        f"| {ICONS[f.severity]} {f.severity} | {code(f.rule_id)} {cell(f.rule_name)} "
        f"| {cell(f.decision_id)} | {_where(f.file, f.line)} | {message} |"
    )


def _waived_row(f: Finding) -> str:
    assert f.waiver is not None
    return (
        f"| {code(f.rule_id)} {cell(f.rule_name)} | {cell(f.decision_id)} "
        f"| {_where(f.file, f.line)} | waived until {cell(f.waiver.expires)}: "
        f"{cell(f.waiver.reason)} |"
    )


def _error_item(e: InputError) -> str:
    return f"- {_where(e.file, e.line)}: {cell(e.message)}"


FINDINGS_HEAD = [
    "| Severity | Rule | Decision | Location | Message |",
    "| --- | --- | --- | --- | --- |",
]
WAIVED_HEAD = ["| Rule | Decision | Location | Waiver |", "| --- | --- | --- | --- |"]


def _verdict(result: CheckResult) -> str:
    s = summarize(result)
    if result.exit_code == 2 or s.errors:
        icon = "⚠️"
    elif result.exit_code == 1:
        icon = "❌"
    else:
        icon = "✅"
    fail_on = "never fails" if s.fail_on == "never" else f"fails on {s.fail_on} and above"
    return f"{icon} {summary_sentence(s)} (exit code {s.exit_code}; {fail_on})"


def render(result: CheckResult, options: ReportOptions) -> str:
    s = summarize(result)
    head = [TITLE, "", _verdict(result), ""]
    if s.findings:
        head += ["| Severity | Findings |", "| --- | ---: |"]
        head += [f"| {ICONS[sev]} {sev} | {s.by_severity[sev]} |" for sev in SEVERITIES_DESC]
        head.append("")
    tail: list[str] = []
    if result.errors:
        tail += [f"### Input errors ({len(result.errors)})", ""]
        tail += [_error_item(e) for e in result.errors[:MAX_LISTED]]
        tail += _more(len(result.errors), "input error")
    waived_findings = sort_findings(waived(result)) if options.show_waived else []
    if waived_findings:
        tail += [f"### Waived ({len(waived_findings)})", "", *WAIVED_HEAD]
        tail += [_waived_row(f) for f in waived_findings[:MAX_LISTED]]
        tail += _more(len(waived_findings), "waived finding")
    note = baseline_sentence(s)
    if note:
        tail += [f"_Baseline: {note}_", ""]
    tail.append(
        f"<sub>decaudit {cell(result.tool_version)}, run {result.run_id or '-'}, "
        f"started {cell(result.started_at)}</sub>"
    )

    # Most severe first: a reviewer reads the top of a long table.
    ordered = sorted(sort_findings(active(result)), key=lambda f: -SEVERITY_RANK[f.severity])
    rows = [_finding_row(f) for f in ordered]
    budget = options.markdown_max_bytes - _size(head) - _size(tail) - 400
    kept: list[str] = []
    used = _size(FINDINGS_HEAD)
    for row in rows:
        size = len(row.encode("utf-8")) + 1
        if used + size > budget:
            break
        kept.append(row)
        used += size
    body: list[str] = []
    if rows:
        body += [f"### Findings ({len(rows)})", "", *FINDINGS_HEAD, *kept, ""]
        if len(kept) < len(rows):
            dropped = len(rows) - len(kept)
            body += [
                f"_{plural(dropped, 'more finding')} not shown: the summary is limited to "
                f"{options.markdown_max_bytes} bytes; see the full report (json or sarif)._",
                "",
            ]
    return "\n".join([*head, *body, *tail]) + "\n"


def _more(total: int, noun: str) -> list[str]:
    if total <= MAX_LISTED:
        return [""]
    return ["", f"_{plural(total - MAX_LISTED, 'more ' + noun)} not listed._", ""]


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)
