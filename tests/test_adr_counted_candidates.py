"""A list of options a lead-in counts ("There are 2 possible options to tackle this:") whose
items are sentences about one subject: each whole sentence is an option, and the decision
takes one of them. Without the count, such a list names no candidates."""

from __future__ import annotations

import pytest
from adr_layout import read_text

_TEXT = (
    "# 3. Matching notifications to projects\n\nDate: 2021-01-15\n\n## Status\n\nAccepted\n\n"
    "## Context\n\nA notification must find its project.\n{lead}\n\n"
    "1. The project name is a part of the callback URL (e.g. its path) that is set up there.\n"
    "1. The project name is an attribute in the notification itself.\n\n"
    "## Decision\n\nWe will have an attribute in the notification itself.\n"
)


def _read(lead: str) -> list[tuple[str, bool]]:
    rec = read_text(_TEXT.format(lead=lead), "docs/adr/0003-matching.md").record
    return [(o.title, o.chosen) for o in rec.options]


@pytest.mark.parametrize(
    "lead", ["There are 2 possible options to tackle this problem:", "We see two options:"]
)
def test_counted_sentences_are_options_and_the_decision_takes_one(lead: str) -> None:
    assert _read(lead) == [
        ("The project name is a part of the callback URL", False),
        ("The project name is an attribute in the notification itself", True),
    ]


@pytest.mark.parametrize(
    "lead", ["There are 3 possible options to tackle this problem:", "We considered these:"]
)
def test_without_the_right_count_sentences_about_one_subject_name_nothing(lead: str) -> None:
    assert [t for t, _ in _read(lead)][:2] != [
        "The project name is a part of the callback URL",
        "The project name is an attribute in the notification itself",
    ]
