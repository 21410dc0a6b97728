"""Options written as bullets that carry their own number (``* 1) Run it in CI``), nested
under the one approach they share, are the options of that approach, and a chosen-option
line that gives only the number (``Chosen option: 1)``, ``Chosen option: (2)``) chooses
the option with that number."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st


def _record(chosen: str, marker: str = "{n})") -> str:
    items = "".join(
        f"    * {marker.format(n=n)} {t}\n"
        for n, t in enumerate(["Run the script in the CI pipeline", "Run the script in the bot"], 1)
    )
    return (
        "# Bump image versions\n\n## Status\n\nAccepted\n\n## Context\n\nBase images go stale."
        "\n\n## Considered Options\n\n* Write a small script that bumps the base images.\n"
        f"{items}\n## Decision Outcome\n\nChosen option: {chosen}, because it runs per "
        "repository.\n"
    )


@pytest.mark.parametrize(("chosen", "title"), [("1)", "CI pipeline"), ("(2)", "bot")])
def test_numbered_bullets_under_a_shared_approach(chosen: str, title: str) -> None:
    src = read_text(_record(chosen))
    assert titles(src) == ["Run the script in the CI pipeline", "Run the script in the bot"]
    assert chosen_titles(src) == [f"Run the script in the {title}"]


def test_dotted_numbers_read_the_same() -> None:
    src = read_text(_record('"option 2"', marker="{n}."))
    assert chosen_titles(src) == ["Run the script in the bot"]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=4), st.integers(min_value=0, max_value=2))
def test_sub_bullets_indented_too_little_keep_the_numbered_list_whole(n: int, at: int) -> None:
    """``1. X`` / `` - detail`` (one space in, so CommonMark ends the list) / ``2. Y``:
    the numbering goes on, so the bullets are X's details and Y is still an option."""
    names = ["Store errors on the record", "Keep a registry of errors", "Send them by webhook"]
    lines = []
    for i, name in enumerate(names, 1):
        lines.append(f"{i}. {name}")
        if i - 1 == at:
            detail = "the error is kept with the job record so that a client can read it back later"
            lines.extend(f" - {k}: {detail}." for k in range(n))
    text = (
        "# Handle job errors\n\n## Considered Options\n\n" + "\n".join(lines) + "\n\n"
        "## Decision Outcome\n\nChosen option: 2, because it is simple.\n"
    )
    src = read_text(text)
    assert titles(src) == names
    assert chosen_titles(src) == ["Keep a registry of errors"]
