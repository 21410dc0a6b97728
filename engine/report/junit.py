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
import xml.etree.ElementTree as ET

from ..types import CheckResult, Finding, InputError
from . import ReportOptions
from .common import PORTFOLIO_LABEL, location_label, sort_findings, waiver_note

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (each replaced by U+FFFD)."""
    return _INVALID_XML.sub("\ufffd", text)


def testcase_name(f: Finding) -> str:
    base = f"{f.rule_id} {f.rule_name}"
    return base if f.path in ("", "$") else f"{base} {f.path}"


def _finding_case(parent: ET.Element, f: Finding) -> None:
    attrs = {"classname": f.decision_id, "name": testcase_name(f)}
    if f.file:
        attrs.update({"file": f.file, "line": str(f.line)})
    case = ET.SubElement(parent, "testcase", {**attrs, "time": "0"})
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


def _error_case(parent: ET.Element, e: InputError) -> None:
    where = f"{e.file}:{e.line}" if e.line else e.file
    case = ET.SubElement(
        parent, "testcase", {"classname": e.file, "name": f"read {where}", "time": "0"}
    )
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


def _counts(element: ET.Element) -> dict[str, int]:
    cases = element.iter("testcase")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in cases:
        counts["tests"] += 1
        counts["failures"] += len(case.findall("failure"))
        counts["errors"] += len(case.findall("error"))
        counts["skipped"] += len(case.findall("skipped"))
    return counts


def _set_counts(element: ET.Element) -> None:
    for key, value in _counts(element).items():
        element.set(key, str(value))


def render(result: CheckResult, options: ReportOptions) -> str:
    root = ET.Element("testsuites", {"name": "decaudit"})
    findings = sort_findings(result.findings)
    files = sorted({*result.files, *(f.file for f in findings), *(e.file for e in result.errors)})
    for file in files:
        suite = ET.Element(
            "testsuite",
            {
                "name": file or PORTFOLIO_LABEL,
                "timestamp": junit_timestamp(result.started_at),
                "time": "0",
            },
        )
        for e in result.errors:
            if e.file == file:
                _error_case(suite, e)
        for f in findings:
            if f.file == file:
                _finding_case(suite, f)
        _set_counts(suite)
        root.append(suite)
    _set_counts(root)
    root.set("time", "0")
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, clean(value))
        if element.text:
            element.text = clean(element.text)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
