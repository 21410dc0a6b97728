"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

The mapping (documented in docs/ci.md):

- ``<testsuites name="decaudit">`` holds one ``<testsuite>`` per file (``name`` = the file),
  files with nothing to report included, with no test case; findings about the whole
  portfolio go in a suite named ``(portfolio)``.
- One ``<testcase>`` per finding: ``classname`` = the decision id, ``name`` =
  ``RULE rule-name`` followed by the JSON path of the flagged item when it is not the record
  itself (so names are unique and stable from run to run), ``file`` and ``line`` attributes.
- An unwaived finding has one ``<failure message="..." type="SEVERITY">`` whose text gives
  the message, the location and the fingerprint, so the failure count equals the finding
  count exactly.
- A waived finding is ``<skipped message="waived until DATE: reason"/>``.
- An input error is a test case ``classname`` = the file, ``name`` = ``read FILE[:LINE]``
  with an ``<error type="input" message="..."/>``.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import deque
from typing import IO, TextIO

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import PORTFOLIO_LABEL, location_label, summarize, waiver_note
from .writer import FormatWriter, render_with, text_part

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (each replaced by U+FFFD)."""
    return _INVALID_XML.sub("\ufffd", text)


def testcase_name(f: Finding) -> str:
    base = f"{f.rule_id} {f.rule_name}"
    return base if f.path in ("", "$") else f"{base} {f.path}"


def _finding_case_into(case: ET.Element, f: Finding) -> None:
    attrs = {"classname": f.decision_id, "name": testcase_name(f)}
    if f.file:
        attrs.update({"file": f.file, "line": str(f.line)})
    for key, value in {**attrs, "time": "0"}.items():
        case.set(key, value)
    if f.waived:
        ET.SubElement(case, "skipped", {"message": waiver_note(f)})
        return
    message = f.message
    note = waiver_note(f)
    if note:
        message += f" ({note})"
    failure = ET.SubElement(case, "failure", {"message": message, "type": f.severity})
    failure.text = (
        f"{location_label(f.file, f.line)}: {f.rule_id} [{f.severity}] {f.rule_name}: "
        f"{message}\n"
        f"decision: {f.decision_id}\npath: {f.path}\nfingerprint: {f.fingerprint}\n"
    )


def _error_case_into(case: ET.Element, e: InputError) -> None:
    where = f"{e.file}:{e.line}" if e.line else e.file
    for key, value in {"classname": e.file, "name": f"read {where}", "time": "0"}.items():
        case.set(key, value)
    error = ET.SubElement(case, "error", {"message": e.message, "type": e.kind})
    error.text = f"{where}: {e.message}\n"


def junit_timestamp(iso: str) -> str:
    """``2026-03-05T09:30:00Z`` -> ``2026-03-05T09:30:00``: the JUnit schema's timestamp has
    no time zone (decaudit's clock is UTC)."""
    text = iso.strip()
    for suffix in ("Z", "+00:00"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.split(".")[0]


def _tag(tag: str, attrs: dict[str, str], empty: bool) -> str:
    """The start tag (or the empty-element tag) of ``tag`` as ElementTree writes it."""
    element = ET.Element(tag, {k: clean(v) for k, v in attrs.items()})
    if empty:
        return ET.tostring(element, encoding="unicode")
    element.text = "x"
    text = ET.tostring(element, encoding="unicode")
    return text[: text.rindex("x</")]


def _case_text(case: ET.Element) -> str:
    for element in case.iter():
        for key, value in element.attrib.items():
            element.set(key, clean(value))
        if element.text:
            element.text = clean(element.text)
    ET.indent(case, space="  ", level=2)
    return ET.tostring(case, encoding="unicode")


def _count_attrs(tests: int, failures: int, errors: int, skipped: int) -> dict[str, str]:
    return {
        "tests": str(tests),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": str(skipped),
    }


class Writer(FormatWriter):
    """Suites in file order; each suite's test cases go to a temporary part (in memory up to
    a megabyte) until its counts are known, then its start tag and the part are written.
    The counts of the whole report come from the run's totals."""

    def __init__(self, result: CheckResult, options: ReportOptions, out: TextIO) -> None:
        super().__init__(result, options, out)
        self._errors: dict[str, list[InputError]] = {}
        for e in result.errors:
            self._errors.setdefault(e.file, []).append(e)
        self._pending = deque(sorted({*result.files, *self._errors}))
        self._stamp = junit_timestamp(result.started_at)
        self._suite: str | None = None
        self._part: IO[str] | None = None
        self._counts = [0, 0, 0, 0]  # tests, failures, errors, skipped of the open suite
        self._opened = False
        s = summarize(result)
        errors = len(result.errors)
        self._root = {
            "name": "decaudit",
            **_count_attrs(errors + s.findings + s.waived, s.findings, errors, s.waived),
            "time": "0",
        }

    def _open(self, file: str) -> None:
        if not self._opened:
            self.out.write(XML_HEAD + _tag("testsuites", self._root, empty=False))
            self._opened = True
        self._suite = file
        self._part = text_part()
        self._counts = [0, 0, 0, 0]
        for e in self._errors.get(file, []):
            case = ET.Element("testcase")
            _error_case_into(case, e)
            self._case(case, errors=1)

    def _case(
        self, case: ET.Element, *, failures: int = 0, errors: int = 0, skipped: int = 0
    ) -> None:
        assert self._part is not None
        self._part.write("\n    " + _case_text(case))
        for i, n in enumerate((1, failures, errors, skipped)):
            self._counts[i] += n

    def _close_suite(self) -> None:
        if self._suite is None or self._part is None:
            return
        attrs = {
            "name": self._suite or PORTFOLIO_LABEL,
            "timestamp": self._stamp,
            "time": "0",
            **_count_attrs(*self._counts),
        }
        empty = self._counts[0] == 0
        self.out.write("\n  " + _tag("testsuite", attrs, empty=empty))
        if not empty:
            self._part.seek(0)
            shutil.copyfileobj(self._part, self.out)
            self.out.write("\n  </testsuite>")
        self._part.close()
        self._suite, self._part = None, None

    def _suites_before(self, file: str | None) -> None:
        while self._pending and (file is None or self._pending[0] < file):
            self._open(self._pending.popleft())
            self._close_suite()

    def add(self, finding: Finding, first: bool = True) -> None:
        if finding.file != self._suite or self._part is None:
            self._close_suite()
            self._suites_before(finding.file)
            if self._pending and self._pending[0] == finding.file:
                self._pending.popleft()
            self._open(finding.file)
        case = ET.Element("testcase")
        _finding_case_into(case, finding)
        waived = finding.waived
        self._case(case, failures=0 if waived else 1, skipped=1 if waived else 0)

    def close(self) -> None:
        self._close_suite()
        self._suites_before(None)
        if not self._opened:
            self.out.write(XML_HEAD + _tag("testsuites", self._root, empty=True) + "\n")
            return
        self.out.write("\n</testsuites>\n")


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
