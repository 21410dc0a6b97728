"""A decision record whose metadata names its decision makers, written in a table of label
and value columns side by side, as some teams' RFC templates do.

The documents here are written for the test.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text

RFC = """\
# Background Job System for the API

| | | | |
| --- | --- | --- | --- |
|**Decision Made:**|Yes| **Decision Date:** | 09/15/2016 |
|**Revisit Decision:**| No | **Revisit Date:** | N/A |

**Decision Makers:** @ana, @bo, @cy

---

## tl&dr

We need to run some work in the background so requests return quickly.

## History

Requests that call slow services time out.
"""


def test_a_document_that_names_its_decision_makers_is_a_decision_record() -> None:
    rec = read_text(RFC, "rfc/2016/2016-09-15 - Background jobs.md").record
    assert rec.decision_makers == ["@ana", "@bo", "@cy"]


def test_label_and_value_columns_side_by_side_are_metadata() -> None:
    rec = read_text(RFC, "rfc/2016/2016-09-15 - Background jobs.md").record
    assert rec.date is not None and rec.date.isoformat() == "2016-09-15"


def test_a_title_that_opens_on_a_context_word_is_no_context() -> None:
    rec = read_text(RFC, "rfc/2016/2016-09-15 - Background jobs.md").record
    assert rec.context is None  # "# Background Job System ..." is the title


def test_a_table_whose_label_cells_lack_colons_is_not_metadata() -> None:
    text = RFC.replace("Decision Made:", "Decision Made").replace("**Decision Date:**", "When")
    rec = read_text(text, "rfc/2016/2016-09-15 - Background jobs.md").record
    assert rec.date is None


def test_a_context_part_that_is_the_first_heading_is_still_the_context() -> None:
    text = (
        "## Context and Problem Statement\n\nThe screener was built as a static site and "
        'now needs dynamic features.\n\n## Decision Outcome\n\nChosen option: "React", '
        "because the client app uses it.\n"
    )
    rec = read_text(text, "adr/adr-screener-update.md").record
    assert rec.context is not None and rec.context.startswith("The screener was built")


BANNER = """\
# Status

> [!IMPORTANT]
> This document is not being worked on at the moment.

---

# RFC: Field Extensions

**Champion:** Ana Lima

## Problem statement

Extensions cannot add fields to an existing type.

## Proposal

Allow `extend type` to add fields.
"""


def test_a_part_heading_over_a_banner_then_the_records_own_title() -> None:
    src = read_text(BANNER, "rfcs/FieldExtensions.md")
    assert src.record.title == "Field Extensions"


def test_two_part_headings_in_a_row_name_no_title() -> None:
    text = BANNER.replace("# RFC: Field Extensions", "# Summary")
    assert read_text(text, "rfcs/FieldExtensions.md").record.title == "FieldExtensions"


NAMED_OPTIONS = """\
# Continuous integration

## Decision

We choose Buildkite, the only system with a working nix cache.

## Our options for CI system

Buildkite

* Pro — Good at artifacts, working nix cache
* Con — no Windows machine

In a pinch, the dependencies can be solved by forking the repository.

Github Action

* Pro — No dependency on machine
* Neutral — Good documentation, but a bit cumbersome to write

Cicero

* Con — Poor documentation
"""


def test_options_named_by_plain_paragraphs_over_their_points() -> None:
    rec = read_text(NAMED_OPTIONS, "decisions/2023-01-27-continuous-integration.md").record
    found = {o.title: (o.chosen, len(o.pros), len(o.cons)) for o in rec.options}
    assert found == {
        "Buildkite": (True, 1, 1),
        "Github Action": (False, 1, 0),
        "Cicero": (False, 0, 1),
    }


def test_plain_paragraphs_over_lists_without_points_name_no_options() -> None:
    text = NAMED_OPTIONS.replace("Pro — ", "").replace("Con — ", "").replace("Neutral — ", "")
    rec = read_text(text, "decisions/2023-01-27-continuous-integration.md").record
    titles = {o.title for o in rec.options}
    assert not titles & {"Github Action", "Cicero"}  # the names lead no points: no such options


FAQ = """\
# RFC: Full Schemas

## Problem statement

The specification says little about which schemas are complete.

## Proposal: be explicit about full schemas

Introduce full schemas beside source schemas.

## Questions

### {question}

Introspection drops directives, cannot be written by hand and needs a running server.
"""


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Q: Why not always use introspection results?", "Always use introspection results"),
        ("Question 2: Why not use introspection?", "Introspection"),
        ("Q: What about introspection?", None),
    ],
)
def test_a_faq_question_why_not_x_turns_x_down(question: str, named: str | None) -> None:
    rec = read_text(FAQ.format(question=question), "rfcs/FullSchemas.md").record
    rejected = [o.title for o in rec.options if not o.chosen]
    assert rejected == ([named] if named else [])
