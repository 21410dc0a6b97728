"""Streaming output: each format's :class:`FormatWriter` writes its document as the findings
come, in report order, so no format holds the findings of a run.

The protocol::

    writer = Writer(result, options, out)   # result: everything but the findings (summary...)
    for finding, first in findings:          # report order; first: the first unwaived one
        writer.add(finding, first)           # with its fingerprint (see FindingSpool.marked)
    writer.close()                           # the rest of the document

``result.findings`` may be empty: the counts come from ``result.totals``. A format that
needs a number before the findings it counts (JUnit's suite counts, SARIF's cap, the
Markdown budget) keeps a bounded part (a temporary file, or at most a fixed number of
lines) and writes it when it knows.
"""

from __future__ import annotations

import io
import json
from typing import IO, TYPE_CHECKING, Any, TextIO

from .common import json_default

if TYPE_CHECKING:
    from ..types import CheckResult, Finding
    from . import ReportOptions


class FormatWriter:
    """Base of the format writers (see the module docstring)."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        self.result = result
        self.options = options
        self.out = out

    def add(self, finding: Finding, first: bool = True) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Write what is left; the writer is not used after."""


class RenderWriter(FormatWriter):
    """A format with only ``render(result, options) -> str`` (an extension): its findings are
    collected and rendered at the end."""

    def __init__(
        self, render: Any, result: CheckResult, options: ReportOptions, out: TextIO
    ) -> None:
        super().__init__(result, options, out)
        self._render = render
        self._findings: list[Finding] = []

    def add(self, finding: Finding, first: bool = True) -> None:
        self._findings.append(finding)

    def close(self) -> None:
        from dataclasses import replace

        self.out.write(
            self._render(replace(self.result, findings=tuple(self._findings)), self.options)
        )


def render_with(writer: type[FormatWriter], result: CheckResult, options: ReportOptions) -> str:
    """The document ``writer`` writes for ``result`` (whose findings are in memory)."""
    from .spool import first_marks, report_order

    buffer = io.StringIO()
    w = writer(result, options, buffer)
    for finding, first in first_marks(report_order(result.findings)):
        w.add(finding, first)
    w.close()
    return buffer.getvalue()


def dumps(value: Any, **kwargs: Any) -> str:
    """``json.dumps`` as the formats use it (indent 2, UTF-8 kept, evidence values made JSON)."""
    return json.dumps(value, indent=2, ensure_ascii=False, default=json_default, **kwargs)


class JsonArray:
    """A JSON array written item by item inside a document serialized with indent 2: the
    document is dumped with a unique placeholder string where the array goes, the text
    before it is written at once, each item as it comes, the text after it at the end."""

    def __init__(self, out: TextIO, document_text: str, placeholder: str) -> None:
        token = json.dumps(placeholder)
        at = document_text.index(token)
        line_start = document_text.rfind("\n", 0, at) + 1
        depth = len(document_text[line_start:at]) - len(document_text[line_start:at].lstrip(" "))
        self.out = out
        self._indent = "\n" + " " * (depth + 2)
        self._close = "\n" + " " * depth + "]"
        self._tail = document_text[at + len(token) :]
        self._count = 0
        out.write(document_text[:at])

    def add(self, item_text: str) -> None:
        """One item, serialized with indent 2 at the top level."""
        self.out.write(("," if self._count else "[") + self._indent)
        self.out.write(item_text.replace("\n", self._indent))
        self._count += 1

    def close(self) -> None:
        self.out.write((self._close if self._count else "[]") + self._tail)


def text_part(max_bytes: int = 2**20) -> IO[str]:
    """A temporary text part, in memory up to ``max_bytes``, then on disk; closed by its
    writer."""
    import tempfile

    return tempfile.SpooledTemporaryFile(max_size=max_bytes, mode="w+", encoding="utf-8")


def placeholder() -> str:
    """A string no record can hold (random), to mark where a streamed array goes."""
    import secrets

    return "\x00decaudit-stream-" + secrets.token_hex(16)
