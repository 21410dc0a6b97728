"""A proposal not yet written (status proposed or draft, only its motivation, goals and
requirements so far) has chosen nothing, so it is not asked what else was considered; once
a part states its proposal or design, or its status says it was decided, it is.

The documents here are written for the tests, in the layouts enhancement-proposal folders use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check

TODAY = dt.date(2026, 12, 1)

DOC = """\
---
title: Step timeouts
status: {status}
---

# Step timeouts

## Motivation

A step that hangs holds its node until the whole run times out, hours later.

## Goals

- A step can be given its own time limit.
- A step that runs past it fails with a clear reason.

## Requirements

The limit is optional and set per step.
{more}"""

DESIGN = """
## Proposal

Each step gets an optional `timeout` field; the entrypoint kills the step when it expires.
"""


def rec003(tmp_path: Path, status: str, more: str = "") -> bool:
    path = tmp_path / "0014-step-timeouts.md"
    path.write_text(DOC.format(status=status, more=more))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    return "REC003" in {f.rule_id for f in result.findings}


@pytest.mark.parametrize("status", ["proposed", "Draft"])
def test_a_proposal_with_only_its_motivation_is_not_asked_for_options(
    tmp_path: Path, status: str
) -> None:
    assert not rec003(tmp_path, status)


@pytest.mark.parametrize("status", ["proposed", "implementable"])
def test_once_it_states_a_proposal_it_is(tmp_path: Path, status: str) -> None:
    assert rec003(tmp_path, status, DESIGN)


@pytest.mark.parametrize("status", ["accepted", "implemented"])
def test_a_decided_record_without_a_design_part_still_is(tmp_path: Path, status: str) -> None:
    assert rec003(tmp_path, status)


def test_an_rfc_without_a_status_is_still_asked(tmp_path: Path) -> None:
    """No status says it is unfinished: the rule judges it as written."""
    path = tmp_path / "0001-rfc-process.md"
    path.write_text(
        "# RFC process\n\n## Summary\n\nChanges go through RFCs.\n\n## Motivation\n\n"
        "Big changes land without review.\n"
    )
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    assert "REC003" in {f.rule_id for f in result.findings}


EMPTY_PARTS = """
## Proposal

<!--
This is where we get down to the specifics of what the proposal actually is.
-->

## Design Details
{design}
## Alternatives

TBD
"""


@pytest.mark.parametrize("status", ["proposed", "Draft"])
def test_a_proposal_part_left_empty_is_not_yet_written(tmp_path: Path, status: str) -> None:
    """The template's parts are there, but hold only its prompt in a comment."""
    assert not rec003(tmp_path, status, EMPTY_PARTS.format(design=""))


def test_once_the_design_part_is_written_it_is_asked(tmp_path: Path) -> None:
    design = "\nEach step gets an optional `timeout` field, killed by the entrypoint.\n\n"
    assert rec003(tmp_path, "proposed", EMPTY_PARTS.format(design=design))


def test_an_accepted_record_with_an_empty_proposal_part_is_still_asked(tmp_path: Path) -> None:
    assert rec003(tmp_path, "accepted", EMPTY_PARTS.format(design=""))
