"""Options written as bullets that carry their own number (``* 1) Run it in CI``), nested
under the one approach they share, are the options of that approach, and a chosen-option
line that gives only the number (``Chosen option: 1)``, ``Chosen option: (2)``) chooses
the option with that number."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles


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
