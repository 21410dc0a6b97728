"""GitLab Code Quality report: a JSON array of issues, shown in merge requests.

Each finding is one issue (GitLab reads only these fields)::

    {"description": "BEN006 acquisition-without-integration-plan: No plan... (decision ...)",
     "check_name": "BEN006",
     "fingerprint": "<the finding's fingerprint>",
     "severity": "critical",
     "location": {"path": "decisions/acq.yaml", "lines": {"begin": 14}}}

- ``severity``: critical -> ``blocker``, high -> ``critical``, medium -> ``major``,
  low -> ``minor``, info -> ``info``.
- ``fingerprint``: the finding's fingerprint (rule, decision and JSON path, never the line),
  so GitLab tracks an issue across edits that move it; unique within a report.
- ``location.path`` is relative to the repository root (``options.base_dir``); a portfolio
  finding sits at line 1 of the file SARIF uses for it (the configuration file, or the
  checked folder's README or index; see :func:`.sarif.portfolio_anchor`).
- Input errors are issues too (``check_name`` ``decaudit/input-error``, severity
  ``blocker``): a record that cannot be read is not silently passed. Waived findings are
  left out.

Issues are in report order: file, line, most severe first.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import anchor as anchor_of
from .common import relative_file
from .sarif import portfolio_anchor
from .writer import FormatWriter, JsonArray, render_with

SEVERITIES: dict[str, str] = {
    "critical": "blocker",
    "high": "critical",
    "medium": "major",
    "low": "minor",
    "info": "info",
}
ERROR_CHECK = "decaudit/input-error"


def _issue(
    description: str, check: str, fingerprint: str, severity: str, path: str, line: int
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": max(line, 1)}},
    }


def _finding(f: Finding, anchor: str | None, base_dir: str) -> dict[str, Any] | None:
    file, line = anchor_of(f) if f.file else (anchor, 1)  # a folder finding: its first record
    if not file:
        return None
    description = f"{f.rule_id} {f.rule_name}: {f.message} (decision {f.decision_id}, {f.path})"
    if f.expired_waiver is not None:
        description += f"; waiver expired {f.expired_waiver.expires}"
    return _issue(
        description,
        f.rule_id,
        f.fingerprint,
        SEVERITIES.get(f.severity, "major"),
        relative_file(file, base_dir),
        line or 1,
    )


def _error(e: InputError, base_dir: str) -> dict[str, Any]:
    raw = "\x1f".join((ERROR_CHECK, e.file, str(e.line or 0), e.message)).encode("utf-8")
    return _issue(
        f"decaudit cannot read this file: {e.message}",
        ERROR_CHECK,
        hashlib.sha256(raw).hexdigest()[:32],
        "blocker",
        relative_file(e.file, base_dir),
        e.line or 1,
    )


def issues(result: CheckResult, options: ReportOptions) -> list[dict[str, Any]]:
    """The report as a list of dicts (the ``gitlab`` format is this, serialized)."""
    doc: Any = json.loads(render(result, options))
    return doc


class Writer(FormatWriter):
    """Input errors first (known before the findings), then one issue per unwaived finding
    whose fingerprint no earlier issue has (``first``, from the feeder)."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._anchor = portfolio_anchor(result, options.base_dir)
        self._array = JsonArray(out, json.dumps(MARK) + "\n", MARK)
        self._seen: set[str] = set()  # the errors' fingerprints (a finding's are told)
        for e in result.errors:
            issue = _error(e, options.base_dir)
            self._seen.add(issue["fingerprint"])
            self._array.add(_dumps(issue))

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.waived or not first or finding.fingerprint in self._seen:
            return
        issue = _finding(finding, self._anchor, self.options.base_dir)
        if issue is not None:
            self._array.add(_dumps(issue))

    def close(self) -> None:
        self._array.close()


MARK = "\x00decaudit-gitlab-issues"


def _dumps(issue: dict[str, Any]) -> str:
    return json.dumps(issue, indent=2, ensure_ascii=False)


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
