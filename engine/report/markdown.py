"""Markdown for pull-request comments and ``$GITHUB_STEP_SUMMARY``.

A heading with the verdict, a table of counts by severity, a table of findings (severity,
rule, decision, location, message), waived findings, input errors and a baseline note.
Table cells are escaped (``|``, newlines, HTML). The document stays under
``options.markdown_max_bytes`` (GitHub refuses step summaries over 1 MiB): findings rows that
do not fit are dropped, with a note saying how many.
"""

from __future__ import annotations

import html
import itertools
from typing import TextIO

from ..types import CheckResult, Finding, InputError
from ..vocab import SEVERITY_RANK
from . import ReportOptions
from .common import (
    SEVERITIES_DESC,
    baseline_sentence,
    location_label,
    plural,
    summarize,
    summary_sentence,
)
from .writer import FormatWriter, render_with

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


class Writer(FormatWriter):
    """The findings table lists the most severe first: each severity's rows (in report order)
    are kept while they fit in the byte budget, the rest counted; waived findings, kept up
    to :data:`MAX_LISTED`. The document is written at the end (it is at most
    ``options.markdown_max_bytes``)."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._rows: dict[str, list[bytes]] = {sev: [] for sev in SEVERITIES_DESC}  # UTF-8
        self._size = 0  # bytes of the rows kept (at most the document's limit)
        self._cut = -1  # rows of this rank or below no longer fit
        self._active = 0
        self._waived: list[Finding] = []
        self._waived_count = 0

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.waived:
            if self.options.show_waived:
                self._waived_count += 1
                if len(self._waived) < MAX_LISTED:
                    self._waived.append(finding)
            return
        self._active += 1
        rank = finding.rank
        if rank <= self._cut:
            return  # a row before it in the table (same or higher severity) did not fit
        row = _finding_row(finding).encode("utf-8")
        self._rows[finding.severity].append(row)
        self._size += len(row) + 1
        while self._size > self.options.markdown_max_bytes:
            # the table can hold no more: the last row of the least severe goes
            sev = next(s for s in reversed(SEVERITIES_DESC) if self._rows[s])
            self._size -= len(self._rows[sev].pop()) + 1
            self._cut = max(self._cut, SEVERITY_RANK[sev])

    def close(self) -> None:
        result, options = self.result, self.options
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
        if self._waived_count:
            tail += [f"### Waived ({self._waived_count})", "", *WAIVED_HEAD]
            tail += [_waived_row(f) for f in self._waived]
            tail += _more(self._waived_count, "waived finding")
        note = baseline_sentence(s)
        if note:
            tail += [f"_Baseline: {note}_", ""]
        tail.append(
            f"<sub>decaudit {cell(result.tool_version)}, run {result.run_id or '-'}, "
            f"started {cell(result.started_at)}</sub>"
        )
        budget = options.markdown_max_bytes - _size(head) - _size(tail) - 400
        kept = 0
        used = _size(FINDINGS_HEAD)
        for row in (r for sev in SEVERITIES_DESC for r in self._rows[sev]):
            # most severe first: a reviewer reads the top of a long table
            if used + len(row) + 1 > budget:
                break
            kept += 1
            used += len(row) + 1
        out = self.out
        out.write("\n".join(head) + "\n")
        if self._active:
            out.write("\n".join([f"### Findings ({self._active})", "", *FINDINGS_HEAD]) + "\n")
            rows = (r for sev in SEVERITIES_DESC for r in self._rows[sev])
            for row in itertools.islice(rows, kept):
                out.write(row.decode("utf-8") + "\n")
            out.write("\n")
            if kept < self._active:
                dropped = self._active - kept
                out.write(
                    f"_{plural(dropped, 'more finding')} not shown: the summary is limited to "
                    f"{options.markdown_max_bytes} bytes; see the full report (json or sarif)._\n"
                    "\n"
                )
        out.write("\n".join(tail) + "\n")
        self._rows = {}


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)


def _more(total: int, noun: str) -> list[str]:
    if total <= MAX_LISTED:
        return [""]
    return ["", f"_{plural(total - MAX_LISTED, 'more ' + noun)} not listed._", ""]


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)
