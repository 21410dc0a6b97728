"""Documents that inform and decide nothing (an explainer with `Status: Informational`, a
record of an existing implementation, a roadmap) are not judged for options or deciders.

The documents here are written for the tests, in the layouts real design folders use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check

TODAY = dt.date(2026, 12, 1)

DOC = """\
# {title}

**Status**: {status}

## Background

Routes can be included from other documents, or the whole tree can live in one document
owned by the cluster operator, as most installations do today.

## Details

Each included document names its parent and the prefix it serves.
"""


def rules_fired(tmp_path: Path, title: str, status: str) -> set[str]:
    path = tmp_path / "doc.md"
    path.write_text(DOC.format(title=title, status=status))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    return {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Delegation", "_Informational_"),
        ("Badger record layouts", "Documented existing implementation"),
        ("Route inclusion", "Reference"),
        ("Networking roadmap 2024", "Accepted"),
        ("Threat model for the admission webhook", "Accepted"),
    ],
)
def test_informational_documents_are_not_asked_for_options_or_deciders(
    tmp_path: Path, title: str, status: str
) -> None:
    assert not {"REC003", "GOV002"} & rules_fired(tmp_path, title, status)


@pytest.mark.parametrize("status", ["Accepted", "Implemented"])
def test_a_decision_with_the_same_text_is_still_judged(tmp_path: Path, status: str) -> None:
    assert {"REC003", "GOV002"} <= rules_fired(tmp_path, "Route inclusion", status)


RFC = """\
# Issue states

- Start Date: 2026-03-16
- RFC Type: {kind}
- RFC Status: draft

## Summary

Issues move between new, ongoing and archived as events arrive.

## Motivation

Users cannot tell which issues need them.
"""


def _rfc(tmp_path: Path, kind: str) -> set[str]:
    path = tmp_path / "0080-issue-states.md"
    path.write_text(RFC.format(kind=kind))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    return {f.rule_id for f in result.findings}


@pytest.mark.parametrize("kind", ["informational", "Informational"])
def test_a_document_typed_informational_is_not_asked(tmp_path: Path, kind: str) -> None:
    assert not {"REC003", "GOV002"} & _rfc(tmp_path, kind)


def test_a_document_of_another_type_still_is(tmp_path: Path) -> None:
    path = tmp_path / "0080-issue-states.md"
    text = RFC.format(kind="feature") + "\n## Proposal\n\nArchive an issue after 14 days.\n"
    path.write_text(text)
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert "REC003" in {f.rule_id for f in result.findings}
    path.write_text(text.replace("RFC Type: feature", "RFC Type: informational"))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert "REC003" not in {f.rule_id for f in result.findings}


def test_a_field_named_with_its_kind_of_document_is_read() -> None:
    from adr_layout import read_text

    rec = read_text(RFC.format(kind="feature"), name="text/0080-issue-states.md").record
    assert rec.status == "proposed"
    assert (rec.model_extra or {}).get("x_doc_type") == "feature"
