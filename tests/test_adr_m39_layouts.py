"""Layouts met in proposal and decision folders: an "Option Retained" part that states the
choice, a choice by number with a hedged verb ("I'd attempt approach 2 first"), options
written as one sentence over signed points ("👍 ..."), and topics under an alternatives
part whose subsections each name a course by its verb.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text

_OPTIONS = (
    "# Binding suggestions\n\n## Why\n\nUsers bind projects by hand.\n\n### Considered Options\n\n"
    "1. Implement it in each IDE\n    * Pros:\n        * quicker\n    * Cons:\n"
    "        * logic duplicated\n2. Implement it in the core\n    * Pros:\n"
    "        * no duplicated logic\n    * Cons:\n        * slower\n\n"
)


@pytest.mark.parametrize(
    ("part", "said"),
    [
        ("### Option Retained", "Even if it is slower we decided to go with option 2."),
        ("### Solution chosen", 'We retained "Implement it in the core", for testability.'),
        ("## Decision", "In this case I'd attempt approach 2 first."),
    ],
)
def test_the_choice_stated_under_its_part_marks_the_option(part: str, said: str) -> None:
    rec = read_text(f"{_OPTIONS}{part}\n\n{said}\n", "docs/decisions/0001-binding.md").record
    assert [o.title for o in rec.options if o.chosen] == ["Implement it in the core"]


def test_a_sentence_over_signed_points_is_an_option() -> None:
    text = (
        "# 7. Reports\n\n## Status\n\nACCEPTED\n\n## Decision\n\nThe backend extracts the PURLs."
        "\n\n## Alternative approaches\n\nHave the browser extract the PURLs.\n\n"
        "* 👍 Less data is sent\n* 👍 The backend never sees the file\n"
        "* It is unclear what is faster\n* 👎 Logic moves away from the backend\n\n"
        "~~Have the browser use a websocket API:~~\n\n* 👎 Adds websockets\n"
        "* 👍 Frees the browser from batching\n"
    )
    rec = read_text(text, "docs/adrs/00007-reports.md").record
    weighed = {o.title: (len(o.pros), len(o.cons)) for o in rec.options if not o.chosen}
    assert weighed == {
        "Have the browser extract the PURLs": (2, 1),
        "Have the browser use a websocket API": (1, 1),
    }


def test_a_list_of_plain_points_under_a_sentence_is_not_options_of_it() -> None:
    text = (
        "# 7. Reports\n\n## Status\n\nACCEPTED\n\n## Decision\n\nThe backend extracts the PURLs."
        "\n\n## Alternative approaches\n\nWe looked at these.\n\n* Browser extraction\n"
        "* A websocket API\n"
    )
    rec = read_text(text, "docs/adrs/00007-reports.md").record
    assert {o.title for o in rec.options if not o.chosen} == {
        "Browser extraction",
        "A websocket API",
    }


def test_topics_whose_subsections_name_courses_group_them() -> None:
    text = (
        "# Type restrictions\n\n## Status\n\nApproved\n\n## Proposal\n\nTypes are restricted."
        "\n\n## Alternatives\n\n### Location of the restrictions\n\n"
        "#### Require the resolved type\n\nMore typing for users.\n\n"
        "#### Add them to the main relation\n\nHarder to read.\n\n"
        "### Representing all objects\n\n#### Drop support for the wildcard\n\nBreaks models."
        "\n\n#### Keep the wildcard, read differently\n\nConfusing.\n"
    )
    rec = read_text(text, "rfcs/20220831-type-restrictions.md").record
    titles = [o.title for o in rec.options if not o.chosen]
    assert titles == [
        "Require the resolved type",
        "Add them to the main relation",
        "Drop support for the wildcard",
        "Keep the wildcard, read differently",
    ]


def test_sub_decisions_each_with_the_alternative_it_beat() -> None:
    text = (
        "# Keyword sync\n\n## Status\n\nAccepted\n\n## Design Decisions and Alternatives\n\n"
        "**1. We will email the admins about each change.** They open a review page.\n"
        "+ **Rationale:** changes are urgent.\n"
        "+ **An alternative** is to build in-app notifications, which is a new scope of work.\n"
        "\n**2. Changes are published without approval.** Keywords cannot be edited.\n"
        "+ **Rationale:** there is nothing to review.\n"
        "+ **In alternative designs** we had a manual approval step. It added clicks.\n"
    )
    rec = read_text(text, "adr/0002-keyword-sync.md").record
    got = [(o.title, o.chosen) for o in rec.options]
    assert got == [
        ("We will email the admins about each change", True),
        ("Build in-app notifications", False),
        ("Changes are published without approval", True),
        ("A manual approval step", False),
    ]
