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

import shutil
from typing import IO, TextIO

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import (
    SEVERITIES_DESC,
    Summary,
    anchor,
    plural,
    relative_file,
    summarize,
    summary_sentence,
)
from .writer import FormatWriter, render_with, text_part

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


class Writer(FormatWriter):
    """Annotations are ordered most severe first: each severity's unwaived findings (in
    report order) are kept up to the cap, the rest only counted; without a cap they go to a
    temporary part per severity. Written at the end, input errors first."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._cap = options.max_annotations if options.max_annotations > 0 else None
        self._kept: dict[str, list[str]] = {sev: [] for sev in SEVERITIES_DESC}
        self._parts: dict[str, IO[str]] = {}
        self._counts = dict.fromkeys(SEVERITIES_DESC, 0)

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.waived:
            return
        sev = finding.severity
        self._counts[sev] += 1
        if self._cap is None:
            part = self._parts.get(sev)
            if part is None:
                part = text_part()
                self._parts[sev] = part
            part.write(_finding_command(finding, self.options.base_dir) + "\n")
        elif len(self._kept[sev]) < self._cap:
            self._kept[sev].append(_finding_command(finding, self.options.base_dir))

    def _annotate(self, notice_cap: int | None) -> tuple[list[str], int]:
        """The annotation lines within the caps, and how many findings were left out."""
        cap = self._cap
        caps = {"error": cap, "warning": cap, "notice": notice_cap}
        used = {"error": 0, "warning": 0, "notice": 0}
        lines: list[str] = []
        for e in self.result.errors:
            if caps["error"] is None or used["error"] < caps["error"]:
                used["error"] += 1
                lines.append(_error_command(e, self.options.base_dir))
        skipped = 0
        for sev in SEVERITIES_DESC:
            level = LEVELS[sev]
            limit = caps[level]
            room = self._counts[sev] if limit is None else max(limit - used[level], 0)
            take = min(room, len(self._kept[sev]), self._counts[sev])
            lines.extend(self._kept[sev][:take])
            used[level] += take
            skipped += self._counts[sev] - take
        return lines, skipped

    def close(self) -> None:
        cap = self._cap
        if cap is None:
            self._write_uncapped()
            return
        lines, skipped = self._annotate(cap)
        if skipped:
            # The overflow notice must itself be shown: keep one notice of the cap for it.
            lines, skipped = self._annotate(max(cap - 1, 0))
        summary = summarize(self.result)
        lines.append(f"decaudit: {summary_sentence(summary)}")
        if skipped:
            lines.append(_overflow(summary, skipped))
        self.out.write("\n".join(lines) + "\n")

    def _write_uncapped(self) -> None:
        for e in self.result.errors:
            self.out.write(_error_command(e, self.options.base_dir) + "\n")
        for sev in SEVERITIES_DESC:
            part = self._parts.get(sev)
            if part is not None:
                part.seek(0)
                shutil.copyfileobj(part, self.out)
                part.close()
        self.out.write(f"decaudit: {summary_sentence(summarize(self.result))}\n")


def _overflow(summary: Summary, skipped: int) -> str:
    return command(
        "notice",
        f"decaudit: {plural(summary.findings, 'finding')} "
        f"({skipped} not annotated, see the full report)",
    )


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
