""" "We've considered X, but decided against it for the following reasons:" names X as an
alternative turned down, with the reasons after it as its cons, as "We considered X" does;
"I've prototyped with X" (the course taken, tried out) names no alternative."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import nygard_with_options, read_text

read = partial(read_text, name="0005-x.md")

ALTERNATIVE = """{we} considered retiring the old design system in favour of the new one, but \
decided against it for the following reasons:

1. It would be a major migration for every team.
1. Teams could not fall back to the old components.
"""


@pytest.mark.parametrize("we", ["We've", "We’ve", "We have", "We", "I've", "We'd"])
def test_a_contracted_we_names_the_alternative(we: str) -> None:
    src = read(nygard_with_options(ALTERNATIVE.format(we=we), "We keep both design systems."))
    others = [o for o in src.record.options if not o.chosen]
    assert len(others) == 1
    assert others[0].title.startswith("retiring the old design system")
    assert len(others[0].cons) == 2


def test_the_course_tried_out_is_no_alternative() -> None:
    text = (
        "# 4. Embeddings\n\n## Status\n\nAccepted\n\n## Context\n\nWe need embeddings. "
        "I've prototyped with the small model and it seems to work well enough.\n\n"
        "## Decision\n\nWe use the small model.\n"
    )
    assert [o.title for o in read(text).record.options] == []
