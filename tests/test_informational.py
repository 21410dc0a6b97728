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
