"""The human format: findings grouped per file, like ruff, and a one-line summary.

::

    samples/acq.yaml:14:1: BEN006 [high] acquisition-without-integration-plan No plan...
    samples/acq.yaml:20:1: ALT001 [medium] no-breakthrough-alternative ... (waived until ...)

    Found 2 findings (1 high, 1 medium) in 1 record from 1 file; 1 waived.

Colours (``options.color``): the severity tag by severity, waived findings dimmed.
"""

from __future__ import annotations

from typing import TextIO

import click

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import (
    location_label,
    one_line,
    summarize,
    summary_sentence,
    waiver_note,
)
from .writer import FormatWriter, render_with

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


class Writer(FormatWriter):
    """Findings grouped per file (errors of that file first), then the summary line; files
    with errors and no finding take their place in file order. With ``options.quiet``, only
    the summary line."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._errors: dict[str, list[InputError]] = {}
        for e in result.errors:
            self._errors.setdefault(e.file, []).append(e)
        self._pending = sorted(self._errors)  # files with errors not yet written
        self._file: str | None = None
        self._blocks = 0

    def _line(self, text: str, new_block: bool) -> None:
        if new_block:
            self.out.write("\n\n" if self._blocks else "")
            self._blocks += 1
        else:
            self.out.write("\n")
        self.out.write(text)

    def _error_block(self, file: str) -> None:
        for i, e in enumerate(self._errors.get(file, [])):
            self._line(_error_line(e, self.options.color), i == 0)

    def _flush_until(self, file: str | None) -> None:
        """The blocks of the files with errors before ``file`` (all of them for None)."""
        while self._pending and (file is None or self._pending[0] < file):
            self._error_block(self._pending.pop(0))

    def add(self, finding: Finding, first: bool = True) -> None:
        if self.options.quiet or not (self.options.show_waived or not finding.waived):
            return
        new_block = finding.file != self._file
        if new_block:
            self._flush_until(finding.file)
            self._file = finding.file
            if self._pending and self._pending[0] == finding.file:
                self._pending.pop(0)
                self._error_block(finding.file)
                new_block = False
        self._line(_finding_line(finding, self.options.color), new_block)

    def close(self) -> None:
        if not self.options.quiet:
            self._flush_until(None)
        self.out.write("\n\n" if self._blocks else "")
        self.out.write(_summary_line(self.result, self.options) + "\n")


def render(result: CheckResult, options: ReportOptions) -> str:
    """Findings grouped per file (errors of that file first), then the summary line.

    With ``options.quiet``, only the summary line."""
    return render_with(Writer, result, options)


def _summary_line(result: CheckResult, options: ReportOptions) -> str:
    summary = summarize(result)
    sentence = summary_sentence(summary)
    if summary.findings:
        return _style(sentence, options.color, bold=True)
    if not summary.errors:
        return _style(sentence, options.color, fg="green")
    return sentence
