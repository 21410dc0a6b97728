"""``-f brief``: the approver's brief of every audited record, as one Markdown document.

Meant to be posted as a pull-request comment (kept under GitHub's 65,536-character limit).
The check keeps the records and the log's track record for it (``CheckOptions.keep_records``);
of the findings, only those of the kept records are held. A document of at most
:data:`MAX_BYTES` can show only so many briefs (each takes at least
:data:`MIN_BRIEF_BYTES`), so only the first :data:`KEEP_RECORDS` records are kept however
large the run (``CheckOptions.keep_records_max``): memory stays flat, the document is the
same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TextIO

from ..brief import BriefContext, iter_briefs, render_document
from ..clock import today as clock_today
from ..types import CheckResult, Finding
from . import ReportOptions
from .writer import FormatWriter, render_with

# check keeps the audited records for this format (see report.needs_records).
NEEDS_RECORDS = True
# Fewer bytes than a pull-request comment holds, with room for a heading around it.
MAX_BYTES = 60_000
# The fewest bytes one brief takes in the document: its heading, decision line and verdict,
# and the rule between briefs (tests/test_brief_golden.py holds this against the renderer).
MIN_BRIEF_BYTES = 40
# Records the document can show: the briefs past them are always left out.
KEEP_RECORDS = MAX_BYTES // MIN_BRIEF_BYTES + 1


class Writer(FormatWriter):
    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._ids = {s.record.id for s in result.records}
        self._findings: list[Finding] = []

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.decision_id in self._ids:
            self._findings.append(finding)

    def close(self) -> None:
        result = self.result
        if not result.findings:  # streamed: in the order check keeps them
            self._findings.sort(key=lambda f: (f.file, f.line, f.decision_id, f.rule_id, f.path))
            result = replace(result, findings=tuple(self._findings))
        today = dt.date.fromisoformat(result.today) if result.today else clock_today()
        ctx = BriefContext.of(result.rules, today, result.history, result.min_history)
        briefs = iter_briefs(result.records, result.findings, ctx)
        count = len(result.records)
        if count >= KEEP_RECORDS:  # kept up to the cap: the run's count includes the rest
            count = max(count, result.record_count)
        self.out.write(render_document(briefs, count=count, max_bytes=MAX_BYTES))


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
