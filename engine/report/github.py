"""GitHub Actions workflow commands: one annotation per finding on the PR's diff.

::

    ::error file=acq.yaml,line=14,title=BEN006 acquisition-without-integration-plan [high]::No

Levels: critical and high -> ``error``, medium -> ``warning``, low and info -> ``notice``.
Input errors are ``error`` annotations too. Waived findings are left out. Absolute file
names under ``options.base_dir`` (the repository root) are made relative to it.

GitHub displays at most 10 annotations of each level per step, so at most
``options.max_annotations`` (default 10) are emitted per level, input errors and the most
severe findings first. A final plain line gives the summary, and when some findings were not
annotated a last ``::notice::`` says how many, pointing at the full report; that notice
counts within the cap (one notice fewer is used for findings), so GitHub always shows it.

Escaping follows the Actions toolkit: in the message ``%`` -> ``%25``, CR -> ``%0D``,
LF -> ``%0A``; in property values also ``:`` -> ``%3A`` and ``,`` -> ``%2C``.
"""

from __future__ import annotations

from ..types import CheckResult, Finding, InputError
from ..vocab import SEVERITY_RANK
from . import ReportOptions
from .common import active, anchor, plural, relative_file, summarize, summary_sentence

LEVELS: dict[str, str] = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "notice",
    "info": "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message (the Actions toolkit's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (the Actions toolkit's ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int | None) -> str:
    """``::level key=value,...::message`` with both parts escaped; ``None`` values dropped."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None and value != ""
    )
    head = f"::{level} {props}" if props else f"::{level}"
    return f"{head}::{escape_data(message)}"


def _finding_command(f: Finding, base_dir: str) -> str:
    message = f"{f.message} (decision {f.decision_id}, {f.path})"
    if f.expired_waiver is not None:
        message += f"; waiver expired {f.expired_waiver.expires}"
    file, line = anchor(f)  # a folder finding: shown on its first record
    return command(
        LEVELS[f.severity],
        message,
        file=relative_file(file, base_dir) if file else None,
        line=line if file else None,
        title=f"{f.rule_id} {f.rule_name} [{f.severity}]",
    )


def _error_command(e: InputError, base_dir: str) -> str:
    return command(
        "error",
        e.message,
        file=relative_file(e.file, base_dir) if e.file else None,
        line=e.line,
        title="decaudit: cannot read",
    )


def _annotate(
    result: CheckResult, options: ReportOptions, notice_cap: int | None
) -> tuple[list[str], int]:
    """The annotation lines within the caps, and how many findings were left out."""
    cap = options.max_annotations if options.max_annotations > 0 else None
    caps = {"error": cap, "warning": cap, "notice": notice_cap}
    used = {"error": 0, "warning": 0, "notice": 0}
    lines: list[str] = []
    skipped = 0

    def room(level: str) -> bool:
        limit = caps[level]
        return limit is None or used[level] < limit

    for e in result.errors:
        if room("error"):
            used["error"] += 1
            lines.append(_error_command(e, options.base_dir))
    findings = sorted(
        active(result),
        key=lambda f: (-SEVERITY_RANK[f.severity], f.file, f.line, f.rule_id, f.path),
    )
    for f in findings:
        level = LEVELS[f.severity]
        if room(level):
            used[level] += 1
            lines.append(_finding_command(f, options.base_dir))
        else:
            skipped += 1
    return lines, skipped


def render(result: CheckResult, options: ReportOptions) -> str:
    cap = options.max_annotations if options.max_annotations > 0 else None
    lines, skipped = _annotate(result, options, cap)
    if skipped and cap is not None:
        # The overflow notice must itself be shown: keep one notice of the cap for it.
        lines, skipped = _annotate(result, options, max(cap - 1, 0))
    summary = summarize(result)
    lines.append(f"decaudit: {summary_sentence(summary)}")
    if skipped:
        lines.append(
            command(
                "notice",
                f"decaudit: {plural(summary.findings, 'finding')} "
                f"({skipped} not annotated, see the full report)",
            )
        )
    return "\n".join(lines) + "\n"
