"""``-f brief``: the approver's brief of every audited record, as one Markdown document.

Meant to be posted as a pull-request comment (kept under GitHub's 65,536-character limit).
The check keeps the records and the log's track record for it (``CheckOptions.keep_records``).
"""

from __future__ import annotations

import datetime as dt

from ..brief import BriefContext, iter_briefs, render_document
from ..clock import today as clock_today
from ..types import CheckResult
from . import ReportOptions

# check keeps the audited records for this format (see report.needs_records).
NEEDS_RECORDS = True
# Fewer bytes than a pull-request comment holds, with room for a heading around it.
MAX_BYTES = 60_000


def render(result: CheckResult, options: ReportOptions) -> str:
    today = dt.date.fromisoformat(result.today) if result.today else clock_today()
    ctx = BriefContext.of(result.rules, today, result.history, result.min_history)
    briefs = iter_briefs(result.records, result.findings, ctx)
    return render_document(briefs, count=len(result.records), max_bytes=MAX_BYTES)
