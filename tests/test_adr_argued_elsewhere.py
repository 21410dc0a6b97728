"""Alternatives argued in prose where the record describes its course: "Alternatively, we
could ..." in any prose part, and a subsection of the consequences on a topic of its own.
A record that does so shows what else was considered, and is not flagged by REC003; the
same words where they describe a feature, or in a part that sorts outcomes, are not read.

The documents here are written for the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check

TODAY = dt.date(2026, 12, 1)


def fired(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "0007-code-mappings.md"
    path.write_text(text)
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    return {f.rule_id for f in result.findings}


MOTIVATION = """\
# Derive code mappings

Status: Accepted

## Motivation

Users map stack frames to source files by hand, and most never do.

## Decision

We derive the mappings once a day from the repository tree.

## Notes

Derived mappings are stored beside the ones users enter. {sentence}

## Consequences

Mappings can be a day old.
"""


def test_alternatively_we_could_in_a_notes_part_weighs_a_course(tmp_path: Path) -> None:
    sentence = (
        "Alternatively, we could analyse the stack traces of each new issue, but that is wasteful."
    )
    assert "REC003" not in fired(tmp_path, MOTIVATION.format(sentence=sentence))


def test_alternatively_describing_a_feature_does_not(tmp_path: Path) -> None:
    sentence = "Alternatively, the user may still enter a mapping by hand in the settings."
    assert "REC003" in fired(tmp_path, MOTIVATION.format(sentence=sentence))


CONSEQUENCES = """\
# Run branches in parallel

Status: Accepted

## Context

A workflow step may fork into branches that run at the same time.

## Decision

Branches are jobs on a channel that runners read.

## Consequences

### {heading}

* The alternative here is to use the database as the job channel, which saves a broker.
"""


def test_a_topic_of_its_own_under_the_consequences_is_read(tmp_path: Path) -> None:
    text = CONSEQUENCES.format(heading="Middleware or database for the job channel")
    assert "REC003" not in fired(tmp_path, text)


def test_a_part_that_sorts_the_outcomes_is_not(tmp_path: Path) -> None:
    text = CONSEQUENCES.format(heading="Negative consequences")
    assert "REC003" in fired(tmp_path, text)


RIVALS = """\
# Yocto as a distro base

Status: Accepted

## Context

{context}

## Decision

We will use Yocto to build the firmware image.
"""


def test_rivals_named_as_competing_in_the_context_weigh_alternatives(tmp_path: Path) -> None:
    context = (
        "There are several competing mainstream solutions for building firmware images. "
        "Yocto is extensible; Buildroot is easier to set up but less flexible."
    )
    assert "REC003" not in fired(tmp_path, RIVALS.format(context=context))


def test_competing_requests_are_no_rivals(tmp_path: Path) -> None:
    context = "Builds take an hour, and competing requests for the build farm queue up."
    assert "REC003" in fired(tmp_path, RIVALS.format(context=context))
