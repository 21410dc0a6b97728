"""Front matter that repeats the record's numbered heading (``title: "ADR 0029: Use X
instead of Y"`` over ``# ADR 0029: Use X instead of Y``) gives the title without its number,
as the heading does: the title then reads as the heading would (a two-way title gives its
options; a decision taken as the chosen option is named without "ADR 0029:"). A front-matter
title of its own wording is kept as written."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles, read_text, titles

read = partial(read_text, name="0029-x.md")


def _record(front: str, heading: str, decision: str = "We set it up next week.") -> str:
    return f"""---
title: "{front}"
---

# {heading}

## Status

Accepted

## Context

We need a database for the new service.

## Decision

{decision}
"""


NUMBERED = ["ADR 0029: {}", "ADR-0029: {}", "29. {}", "0029 - {}"]


@pytest.mark.parametrize("form", NUMBERED)
def test_a_repeated_numbered_title_loses_its_number(form: str) -> None:
    title = form.format("Use Postgres instead of MySQL")
    src = read(_record(title, title))
    assert src.record.title == "Use Postgres instead of MySQL"
    assert titles(src) == ["Postgres", "MySQL"]
    assert chosen_titles(src) == ["Postgres"]


@pytest.mark.parametrize("form", NUMBERED)
def test_the_decision_as_option_is_named_without_the_number(form: str) -> None:
    title = form.format("Keep sessions in Redis")
    text = _record(title, title, "Sessions live in Redis with a one-day expiry.")
    text += "\n## Alternatives considered\n\n- Sticky sessions on the load balancer\n"
    src = read(text)
    assert chosen_titles(src) == ["Keep sessions in Redis"]


def test_a_front_matter_title_of_its_own_is_kept() -> None:
    src = read(_record("Database for the orders service", "ADR 0029: Use Postgres"))
    assert src.record.title == "Database for the orders service"


def test_an_unnumbered_repeated_title_is_unchanged() -> None:
    src = read(_record("Use Postgres instead of MySQL", "Use Postgres instead of MySQL"))
    assert src.record.title == "Use Postgres instead of MySQL"
    assert titles(src) == ["Postgres", "MySQL"]


@pytest.mark.parametrize(
    "heading", ["RFC Proposal", "Architecture Decision Record", "Design document", "ADR"]
)
def test_a_heading_that_names_the_kind_of_document_is_no_title(heading: str) -> None:
    text = f"# {heading}\n\n## Status\n\nApproved\n\n## Decision\n\nWe rotate peppers.\n"
    rec = read_text(text, "rfcs/0020-rotate-hash-peppers.md").record
    assert rec.title == "Rotate hash peppers"


def test_a_title_that_only_starts_with_a_kind_is_kept() -> None:
    text = "# RFC: Rotate hash peppers\n\n## Status\n\nApproved\n\n## Decision\n\nWe rotate.\n"
    assert read_text(text, "rfcs/0020-x.md").record.title == "Rotate hash peppers"


def test_a_title_heading_with_the_title_under_it() -> None:
    text = "## Title\n\nHandle enum types\n\n## Status\n\nAccepted\n\n## Decision\n\nWe map them.\n"
    src = read_text(text, "adr/0022-enums.md")
    assert src.record.title == "Handle enum types"
    assert src.line_of(("title",)) == 3
