"""The ``json`` format: one document with the findings, the input errors and a summary.

::

    {"schema_version": 1, "tool": {"name": "decaudit", "version": "..."}, "run_id": 7,
     "started_at": "...", "findings": [{...}], "errors": [{"file", "line", "message", "kind"}],
     "skipped": [{"file", "reason"}],
     "rules": [{"id", "name", "severity", "family", "title"}], "summary": {...}}

Keys are sorted, indent 2. Findings include waived ones (``"waived": true`` with the
``waiver``); summary counts (``findings``, ``by_severity``) are of the unwaived ones.
"""

from __future__ import annotations

import json
from typing import Any

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import finding_dict, json_default, sort_findings, summarize
from .writer import FormatWriter, JsonArray, placeholder, render_with

SCHEMA_VERSION = 1


def error_dict(error: InputError) -> dict[str, Any]:
    return {"file": error.file, "line": error.line, "message": error.message, "kind": error.kind}


def document(result: CheckResult, findings: Any = None) -> dict[str, Any]:
    """The JSON document as a dict (the ``json`` format is this, serialized); ``findings``
    stands in for the list of findings when given."""
    s = summarize(result)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "decaudit", "version": result.tool_version},
        "run_id": result.run_id,
        "started_at": result.started_at,
        "findings": (
            [finding_dict(f) for f in sort_findings(result.findings)]
            if findings is None
            else findings
        ),
        "errors": [error_dict(e) for e in result.errors],
        "skipped": [{"file": e.file, "reason": e.message} for e in result.skipped],
        "rules": [
            {
                "id": r.id,
                "name": r.name,
                "title": r.title,
                "family": r.family,
                "severity": r.severity,
            }
            for r in sorted(result.rules, key=lambda r: r.id)
        ],
        "summary": {
            "records": s.records,
            "files": s.files,
            "findings": s.findings,
            "by_severity": dict(s.by_severity),
            "waived": s.waived,
            "expired_waivers": s.expired_waivers,
            "errors": s.errors,
            "skipped": s.skipped,
            "exit_code": s.exit_code,
            "fail_on": s.fail_on,
            "baseline_matched": s.baseline_matched,
            "baseline_fixed": s.baseline_fixed,
            "rules": len(result.rules),
        },
    }


class Writer(FormatWriter):
    """The document around the findings is known before them (the run is over): written
    first up to the findings, each finding as it comes, the rest at the end."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: Any) -> None:
        super().__init__(result, options, out)
        mark = placeholder()
        text = json.dumps(
            document(result, mark),
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
            default=json_default,
        )
        self._array = JsonArray(out, text + "\n", mark)

    def add(self, finding: Finding, first: bool = True) -> None:
        self._array.add(
            json.dumps(
                finding_dict(finding),
                indent=2,
                sort_keys=True,
                ensure_ascii=False,
                default=json_default,
            )
        )

    def close(self) -> None:
        self._array.close()


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
