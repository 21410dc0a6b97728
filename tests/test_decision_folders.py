"""A folder per decision (``prp004/proposal.rst``, ``2023-09-08-stalebot/README.md``): each
record is one of the folder above, numbered by its own folder's name. Replacements, process
records and duplicate numbers are looked up among all of them, not in each record's folder
alone. Every document here is written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.conventions import folder_of
from decaudit.engine.filenumbers import decision_number
from decaudit.engine.types import Finding

TODAY = dt.date(2026, 12, 3)

PROPOSAL = """\
.. _prp_{n:03d}:

{bar}
{title}
{bar}

:Author: Ana Lima
:Status: {status}
:Created: 2024-01-10

Abstract
--------

{body}
"""


def _write(root: Path, n: int, title: str, status: str, body: str) -> None:
    folder = root / f"prp{n:03d}"
    folder.mkdir(parents=True)
    full = f"PRP{n:03d}: {title}"
    text = PROPOSAL.format(n=n, bar="=" * len(full), title=full, status=status, body=body)
    (folder / "proposal.rst").write_text(text, encoding="utf-8")


def _check(root: Path) -> list[Finding]:
    return run_check(CheckOptions(paths=(str(root),), today=TODAY)).findings


def _rules(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule]


def test_a_record_in_a_folder_of_its_own_is_numbered_by_that_folder() -> None:
    assert decision_number("prps/prp006/proposal.rst", "") == 6
    assert decision_number("keps/sig-a/1234-cache/README.md", "") == 1234
    assert decision_number("prps/prp006/notes.rst", "") is None  # not the folder's record
    assert folder_of("prps/prp006/proposal.rst", ["prps"]) == "prps"
    assert folder_of("prps/README.md", ["prps"]) == "prps"  # the checked folder's own


def test_a_replacement_in_a_sibling_folder_is_found(tmp_path: Path) -> None:
    """ "superseded by :ref:`PRP006 <prp_006>`": the Sphinx reference names PRP006, kept in
    ``prp006/proposal.rst`` beside ``prp004/``."""
    _write(tmp_path, 4, "Data information", "Withdrawn (superseded by :ref:`PRP006 <prp_006>`)",
           "Pass data information along.")  # fmt: skip
    _write(tmp_path, 6, "Metadata routing", "Accepted", "Route metadata to consumers.")
    assert _rules(_check(tmp_path), "COL002") == []


def test_a_missing_replacement_is_still_reported(tmp_path: Path) -> None:
    _write(tmp_path, 4, "Data information", "Withdrawn (superseded by :ref:`PRP009 <prp_009>`)",
           "Pass data information along.")  # fmt: skip
    _write(tmp_path, 6, "Metadata routing", "Accepted", "Route metadata to consumers.")
    (found,) = _rules(_check(tmp_path), "COL002")
    assert "PRP009" in found.message


def test_a_process_record_in_its_own_folder_speaks_for_all(tmp_path: Path) -> None:
    """``prp000/proposal.rst``, titled as the proposals' workflow, says how a proposal is
    accepted: no record is asked who decided it."""
    body = "Proposals are discussed in the open."
    for n in (4, 6, 7, 8):
        _write(tmp_path, n, f"Change {n}", "Accepted", body)
    assert _rules(_check(tmp_path), "GOV002") != []  # no process stated: reported
    rule = "A PRP is accepted when the core developers approve it by a two-thirds vote."
    _write(tmp_path, 0, "PRPs and their workflow", "Accepted", rule)
    assert _rules(_check(tmp_path), "GOV002") == []


def test_two_decision_folders_with_one_number_are_reported(tmp_path: Path) -> None:
    for name in ("0225-operator", "0225-score-visibility", "0226-tags"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "README.md").write_text(
            f"# {name[5:].title()}\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do it.\n",
            encoding="utf-8",
        )
    found = _rules(_check(tmp_path), "COL004")
    assert found and all("0226" not in f.file for f in found)


def test_a_readme_that_says_meetings_decide_speaks_for_the_folder(tmp_path: Path) -> None:
    """ "... to reach a final decision on whether or not to accept the change" at the
    project's bi-weekly meetings: the folder says how its proposals are decided."""
    for n in range(1, 5):
        (tmp_path / f"proposal-{n}.md").write_text(
            f"# Change {n}\n\n* Author(s): Ana\n* Status: Implemented\n\n## Design\n\nDo it.\n",
            encoding="utf-8",
        )
    assert _rules(_check(tmp_path), "GOV002") != []
    (tmp_path / "README.md").write_text(
        "# Design proposals\n\nOnce the proposal has been approved, we move discussions to our "
        "bi-weekly meetings to reach a final decision on whether or not to accept the change.\n",
        encoding="utf-8",
    )
    assert _rules(_check(tmp_path), "GOV002") == []


def test_one_alternative_explored_is_an_argued_alternative(tmp_path: Path) -> None:
    text = (
        "# Debug events\n\nStatus: Implemented\n\n## Design\n\nEmit a debug event.\n\n"
        "### Open questions\n\nOne alternative explored was to reuse the port-forward events. "
        "This design was eliminated as some runtimes use no debug ports.\n"
    )
    (tmp_path / "debug-events.md").write_text(text, encoding="utf-8")
    assert _rules(_check(tmp_path), "REC003") == []
