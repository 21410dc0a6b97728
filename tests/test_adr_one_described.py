"""An alternatives section that sets out one alternative in its opening paragraphs and then
gives its points under ``pros:`` and ``cons:`` labels, each over a list, holds one option:
the alternative, titled by its first sentence, with those points. The points are never
options, and a list after the last labelled one (the writer's conclusion) is not either."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import nygard_with_options, read_text
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0012-x.md")

ONE = """Expose the tools under one shared host name, each on its own path.

Whether a tool is public can be decided later.

{pros}

- fewer certificates to maintain
- the same address inside and outside

{cons}

- no clean split between environments
- a mistake exposes a tool publicly
- confusing behaviour between clients
"""


def _options(text: str) -> list[tuple[str, int, int]]:
    src = read(nygard_with_options(text, "We give each tool an internal host name."))
    return [(o.title, len(o.pros), len(o.cons)) for o in src.record.options if not o.chosen]


@pytest.mark.parametrize(
    ("pros", "cons"), [("pros:", "cons:"), ("**Pros**", "**Cons**"), ("Advantages:", "Drawbacks:")]
)
def test_one_alternative_with_its_points(pros: str, cons: str) -> None:
    found = _options(ONE.format(pros=pros, cons=cons))
    assert found == [("Expose the tools under one shared host name, each on its own path", 2, 3)]


def test_a_conclusion_after_the_points_is_no_option() -> None:
    text = ONE.format(pros="pros:", cons="cons:") + (
        "\nTherefore a host name per tool is better. It gives us:\n\n"
        "- a clean split\n- no accidental exposure\n"
    )
    titles = [t for t, _, _ in _options(text)]
    assert len(titles) == 1 and "clean split" not in titles[0]


def test_the_words_that_announce_it_are_not_its_name() -> None:
    text = "Adding a second cache is an alternative.\n\n**Pros:**\n\n- faster\n\n**Cons:**\n\n"
    text += "- stale\n"
    assert _options(text) == [("Adding a second cache", 1, 1)]


def test_a_list_without_labels_is_still_read_as_options() -> None:
    text = "We weighed these:\n\n- Amazon RDS\n- Google Cloud SQL\n"
    assert [t for t, _, _ in _options(text)] == ["Amazon RDS", "Google Cloud SQL"]


@settings(max_examples=30, deadline=None)
@given(
    pros=st.lists(st.from_regex(r"[a-z]{4,9} [a-z]{4,9}", fullmatch=True), min_size=1, max_size=4),
    cons=st.lists(st.from_regex(r"[a-z]{4,9} [a-z]{4,9}", fullmatch=True), min_size=1, max_size=4),
)
def test_points_never_become_options(pros: list[str], cons: list[str]) -> None:
    text = (
        "Keep the current release train.\n\npros:\n\n"
        + "".join(f"- {p}\n" for p in pros)
        + "\ncons:\n\n"
        + "".join(f"- {c}\n" for c in cons)
    )
    assert _options(text) == [("Keep the current release train", len(pros), len(cons))]
