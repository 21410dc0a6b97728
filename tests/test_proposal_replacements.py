"""Improvement proposals (FIP/EIP style front matter, design drafts) that say what replaced
them or what they replace, and parts named like deciders that hold prose.

Every document here is written for the test, in the layouts proposal folders use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from adr_layout import read_text
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.types import Finding

TODAY = dt.date(2026, 12, 3)

FIP = """\
---
fip: "{number}"
title: {title}
author: Ana Lima (@ana)
status: {status}
{more}type: Technical
created: 2024-01-10
---

# FIP-{number}: {title}

## Simple Summary

Window proofs pay no base fee.

## Specification

The base fee is not burnt for window proofs.
"""


def check(folder: Path) -> list[Finding]:
    return run_check(CheckOptions(paths=(str(folder),), today=TODAY)).findings


def rules_of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule]


@pytest.mark.parametrize("key", ["superseded-by", "superseded_by", "replaced-by"])
def test_a_front_matter_key_names_the_replacement(tmp_path: Path, key: str) -> None:
    folder = tmp_path / "fips"
    folder.mkdir()
    old = FIP.format(number="0009", title="Exempt proofs", status="Superseded",
                     more=f'{key}: "0015"\n')  # fmt: skip
    (folder / "fip-0009.md").write_text(old)
    (folder / "fip-0015.md").write_text(
        FIP.format(number="0015", title="Revert FIP-0009", status="Final", more="")
    )
    findings = check(folder)
    assert rules_of(findings, "COL001") == []  # it names its replacement
    assert rules_of(findings, "COL002") == []  # and the replacement is in the folder


def test_without_the_key_a_superseded_proposal_names_no_replacement(tmp_path: Path) -> None:
    folder = tmp_path / "fips"
    folder.mkdir()
    (folder / "fip-0009.md").write_text(
        FIP.format(number="0009", title="Exempt proofs", status="Superseded", more="")
    )
    (folder / "fip-0015.md").write_text(
        FIP.format(number="0015", title="Revert", status="Final", more="")
    )
    assert len(rules_of(check(folder), "COL001")) == 1


@pytest.mark.parametrize(("says", "copied"), [("replaces: FIP-0090\n", 0), ("", 1)])
def test_a_proposal_that_replaces_another_by_its_prefixed_number_is_no_copy(
    tmp_path: Path, says: str, copied: int
) -> None:
    folder = tmp_path / "fips"
    folder.mkdir()
    (folder / "fip-0090.md").write_text(
        FIP.format(number="0090", title="Non-Interactive PoRep", status="Superseded", more="")
    )
    (folder / "fip-0092.md").write_text(
        FIP.format(number="0092", title="Non-Interactive PoRep", status="Final", more=says)
    )
    assert len(rules_of(check(folder), "COL006")) == copied


DRAFT = """\
# Contracts: draft design

Ana Lima\\
July 31, 2019

## Superseded

We will not be pursuing the approach outlined in this design draft.
It has been replaced by a [new
proposal](https://example.org/proposal/+/refs/heads/master/design/{target}).
This document exists for historical context.

## Abstract

We propose contracts for generic code.

## Proposal

A contract lists the operations a type must support.
"""


@pytest.mark.parametrize(("target", "col001", "col002"), [
    ("43651-type-parameters.md", 0, 0),  # kept in the folder: the chain is whole
    ("43700-other-design.md", 0, 1),  # named, but not in the folder
])  # fmt: skip
def test_a_superseded_heading_over_a_note_names_the_replacement(
    tmp_path: Path, target: str, col001: int, col002: int
) -> None:
    folder = tmp_path / "design"
    folder.mkdir()
    (folder / "go2draft-contracts.md").write_text(DRAFT.format(target=target))
    (folder / "43651-type-parameters.md").write_text(
        "# Type parameters\n\n## Abstract\n\nWe propose type parameters.\n\n## Proposal\n\n"
        "Functions and types may take type parameters.\n"
    )
    findings = check(folder)
    assert len(rules_of(findings, "COL001")) == col001
    assert len(rules_of(findings, "COL002")) == col002


GOVERNANCE = """\
# Fee split

* Status: accepted

## Context

Block rewards fund the network's services.

## Decision

Five percent of each block reward goes to a services fund.

## Governance

{governance}
"""


def test_a_governance_part_in_prose_names_no_decider() -> None:
    prose = (
        "This FIP's behavior and impact on the network will be monitored by an ad-hoc "
        "committee, whose membership and structure will be defined by the Foundation, and "
        "the committee will provide a quarterly report."
    )
    assert read_text(GOVERNANCE.format(governance=prose)).record.decision_makers == []


def test_a_governance_part_that_names_people_names_deciders() -> None:
    src = read_text(GOVERNANCE.format(governance="Ana Lima, Bo Chen"))
    assert src.record.decision_makers == ["Ana Lima", "Bo Chen"]


@pytest.mark.parametrize("readable", [True, False])
def test_a_replacement_linked_by_url_beside_the_record_is_found(
    tmp_path: Path, readable: bool
) -> None:
    """The replacement is the repository's own page, linked by URL; it is found by its file
    name beside the record, whether or not it reads as a decision record itself."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    (folder / "20200901-artifacts-cleanup.md").write_text(
        "# Artifacts cleanup\n\n**Superseded by**: [drivers storage proposal](https://example.org"
        "/falco/blob/master/proposals/20201025-drivers-storage.md).\n\n## Summary\n\nWe clean "
        "old artifacts.\n\n## Proposal\n\nA job deletes artifacts older than a year.\n"
    )
    body = "## Proposal\n\nDrivers go to object storage.\n" if readable else "Drivers, listed.\n"
    (folder / "20201025-drivers-storage.md").write_text(f"# Drivers storage\n\n{body}")
    findings = check(folder)
    assert rules_of(findings, "COL001") == []
    assert rules_of(findings, "COL002") == []


@pytest.mark.parametrize("blank", ["TBD", "tbd", "TBA", "Unknown"])
def test_a_name_left_to_be_decided_names_no_one(blank: str) -> None:
    text = (
        f"---\ntitle: audit command\napprovers:\n  - {blank}\nstatus: implementable\n---\n\n"
        "# audit command\n\n## Summary\n\nAn audit command.\n\n## Proposal\n\nAdd it.\n"
    )
    assert read_text(text, "enhancements/audit-command.md").record.decision_makers == []


RST_PROPOSAL = """\
{title}
{underline}

author: Ana Lima

date-created: 2019 May 2

status: {status}

Abstract
--------

Releases follow a fixed calendar.

{more}
"""


def _rst(folder: Path, name: str, title: str, status: str, more: str = "") -> None:
    text = RST_PROPOSAL.format(title=title, underline="-" * len(title), status=status, more=more)
    (folder / name).write_text(text, encoding="utf-8")


def test_a_restructuredtext_link_names_the_replacement(tmp_path: Path) -> None:
    """ "This proposal is superceded by `PRP18 <PRP18.rst>`_, which ...": the link leads to
    a record of the folder, so COL001 and COL002 are both quiet."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    _rst(folder, "PRP10.rst", "Release calendar", "Superseded",
         "This proposal is superceded by `PRP18 <PRP18.rst>`_, which covers the versions\n"
         "from 4.0 on.")  # fmt: skip
    _rst(folder, "PRP18.rst", "Release calendar from 4.0", "Accepted")
    findings = check(folder)
    assert rules_of(findings, "COL001") == [] and rules_of(findings, "COL002") == []


def test_a_replacement_named_in_prose_with_its_web_page(tmp_path: Path) -> None:
    """A superseded record whose sentence, over three lines, names what replaced it and the
    page where it is kept, says what replaced it: neither rule fires."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    _rst(folder, "PRP8.rst", "Community code of conduct", "Superseded",
         "As of May 2025, this code of conduct is superseded by the\n"
         "Foundation Code of Conduct, which can be found at\n"
         "https://example.org/code-of-conduct/. It keeps the same principles.")  # fmt: skip
    _rst(folder, "PRP9.rst", "Release calendar", "Accepted")
    findings = check(folder)
    assert rules_of(findings, "COL001") == [] and rules_of(findings, "COL002") == []


def test_a_superseded_record_that_names_nothing_is_still_reported(tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    folder.mkdir()
    _rst(folder, "PRP8.rst", "Community code of conduct", "Superseded",
         "As of May 2025, this code of conduct is superseded by\n"
         "a newer one, agreed by the council.")  # fmt: skip
    _rst(folder, "PRP9.rst", "Release calendar", "Accepted")
    assert [f.file.rsplit("/", 1)[-1] for f in rules_of(check(folder), "COL001")] == ["PRP8.rst"]


_REPLACED_NOTE = """\
# 2. Feature flags

Date: 2022-06-01

## Status

Replaced

This record was written when we ran on the old platform. We later moved off it
entirely{link}.

## Context

Controllers need switches.

## Decision

We will read flags from a config map.
"""


@pytest.mark.parametrize(
    ("link", "named"),
    [
        (" ([ADR 39](0039-platform-exit.html))", True),  # the rendered site's page
        (" (see [ADR 39](0039-platform-exit.md))", True),
        ("", False),
        (" ([ADR 39](0039-platform-exit.html), [ADR 40](0040-flags-v2.md))", False),
    ],
)
def test_the_one_decision_a_replaced_records_status_links_to_replaces_it(
    tmp_path: Path, link: str, named: bool
) -> None:
    folder = tmp_path / "adr"
    folder.mkdir()
    (folder / "0002-feature-flags.md").write_text(_REPLACED_NOTE.format(link=link))
    for name in ("0039-platform-exit.md", "0040-flags-v2.md"):
        title = name[5:-3].replace("-", " ").capitalize()
        (folder / name).write_text(f"# {title}\n\n## Status\n\nAccepted\n\n## Decision\n\nGo.\n")
    assert bool(rules_of(check(folder), "COL001")) is not named
