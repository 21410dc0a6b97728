"""A decision that names an option by its ``N)`` number ("Choose 2) as it accomplishes much
of 1)") chooses that option; a chosen-option line whose clause wraps onto the next line
keeps the whole clause as its rationale."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text

_DOC = (
    "# Environments in repos\n\n## Status\n\nAccepted\n\n## Context\n\nWe deploy to three "
    "environments.\n\nOptions:\n\n1) Keep one repo per environment\n2) Use overlays in one repo\n"
    "3) Use a branch per environment\n\n## Decision\n\n{said}\n"
)


@pytest.mark.parametrize(
    ("said", "chosen"),
    [
        ("Choose 2) as it accomplishes much of 1) without more repos.", "Use overlays in one repo"),
        ("We went with 3) because branches are familiar.", "Use a branch per environment"),
        ("We chose #1) for now.", "Keep one repo per environment"),
    ],
)
def test_a_paren_number_names_the_option(said: str, chosen: str) -> None:
    assert chosen_titles(read_text(_DOC.format(said=said))) == [chosen]


def test_a_bare_number_in_prose_chooses_nothing() -> None:
    said = "We will choose 2 of the environments to start with."
    listed = {"Keep one repo per environment", "Use overlays in one repo"}
    assert not listed & set(chosen_titles(read_text(_DOC.format(said=said))))


def test_a_wrapped_chosen_line_keeps_its_whole_clause() -> None:
    text = (
        "# Ship sources\n\n* Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n"
        "## Considered Options\n\n* Option 1: keep compiling\n* Option 2: ship sources\n\n"
        "## Decision Outcome\n\nChosen option: Option 2, to realise the benefits with a major "
        "version due to the risk of\nbreaking consumers in non-standard ways.\n"
    )
    rec = read_text(text).record
    assert rec.rationale == (
        "to realise the benefits with a major version due to the risk of breaking "
        "consumers in non-standard ways."
    )


_HEADED = (
    "# AMI selection\n\n## Status\n\nAccepted\n\n## Context\n\nNodes need images.\n\n"
    "## Possible solutions\n\n### Option 1: Tags\n\nBy tag.\n\n### Option 2: IDs\n\nBy ID.\n\n"
    "### Option 3: SSM\n\nBy parameter.\n\n# {heading}\n\n{said}\n"
)


@pytest.mark.parametrize(
    ("heading", "said", "chosen"),
    [
        (
            "Decision from Working Group meeting",
            "Implement Option 1 and Option 2.",
            ["Tags", "IDs"],
        ),
        ("Recommendation", "We recommend to leverage [Option 3](#option-3-ssm).", ["SSM"]),
        ("Solution", "We adopt options 2 and 3 together.", ["IDs", "SSM"]),
    ],
)
def test_a_later_section_that_names_options_by_number(
    heading: str, said: str, chosen: list[str]
) -> None:
    assert chosen_titles(read_text(_HEADED.format(heading=heading, said=said))) == chosen


def test_a_recommendation_label_names_the_option() -> None:
    text = (
        "# Provisioner priority\n\n## Status\n\nAccepted\n\n## Context\n\nPods pick one.\n\n"
        "## Considerations\n\n**Options**\n\n1. Weight field on the provisioner\n"
        "2. Alphabetical order\n3. Random choice\n\n**Recommendation:** Option 1, since users "
        "control it.\n"
    )
    assert chosen_titles(read_text(text)) == ["Weight field on the provisioner"]
