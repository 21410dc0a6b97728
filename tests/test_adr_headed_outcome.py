"""A decision heading that names the choice (``### Decision Outcome: Serverless function``,
``## Decision: Option 2``) chooses that option and its text is the rationale; a heading that
only names the section chooses nothing by itself."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text

_DOC = (
    "# Provision database users\n\n* Status: accepted\n\n## Context and Problem Statement\n\n"
    "Users must be created inside the network.\n\n## Considered Options\n\n* Terraform\n"
    "* Shell scripts\n* Serverless function using Lambda\n\n{heading}\n\n"
    "A function is the simplest tool that runs inside the network.\n"
)


@pytest.mark.parametrize(
    ("heading", "chosen"),
    [
        (
            "### Decision Outcome: Serverless function using Lambda",
            "Serverless function using Lambda",
        ),
        ("## Decision: Shell scripts", "Shell scripts"),
        ("## Outcome - option 1", "Terraform"),
    ],
)
def test_a_heading_that_names_the_choice_chooses_it(heading: str, chosen: str) -> None:
    rec = read_text(_DOC.format(heading=heading)).record
    assert [o.title for o in rec.options if o.chosen] == [chosen]
    assert rec.rationale is not None and "simplest tool" in rec.rationale


def test_a_plain_decision_heading_chooses_by_its_text_only() -> None:
    src = read_text(_DOC.format(heading="## Decision Outcome"))
    assert chosen_titles(src) == []
