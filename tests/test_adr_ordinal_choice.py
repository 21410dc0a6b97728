"""A decision that chooses an option by its place in the list ("we settled on the second
option", "the first alternative was selected", "we went for the latter") chooses that
option; an ordinal with no choosing word, "the latter" among three, or a place past the
end chooses nothing."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, nygard_with_options, read_text
from hypothesis import given, settings
from hypothesis import strategies as st

NAMES = ["Kafka", "RabbitMQ", "Redis streams"]


def _record(decision: str, names: list[str] = NAMES, *, numbered: bool = False) -> str:
    if numbered:
        options = "\n".join(f"### Option {n}: {t}\n\nWeighed.\n" for n, t in enumerate(names, 1))
    else:
        options = "\n".join(f"* {t}" for t in names)
    return nygard_with_options(
        options,
        decision,
        title="4. Message broker",
        context="Services need to exchange events.",
        heading="Considered Options",
    )


@pytest.mark.parametrize(
    ("decision", "chosen"),
    [
        ("After a long discussion we settled on the second option.", "RabbitMQ"),
        ("We chose the first alternative, since the team runs it already.", "Kafka"),
        ("The third option was selected because it is already deployed.", "Redis streams"),
        ("We went for the last one: it needs no new servers.", "Redis streams"),
        ("We opt for option two, which the team knows.", "RabbitMQ"),
        ("Option three has been chosen for its low cost.", "Redis streams"),
    ],
)
def test_a_place_in_the_list_chooses(decision: str, chosen: str) -> None:
    assert chosen_titles(read_text(_record(decision))) == [chosen]


def test_numbered_options_follow_their_numbers() -> None:
    text = _record("We therefore choose the second option.", numbered=True)
    assert chosen_titles(read_text(text)) == ["RabbitMQ"]


def test_former_and_latter_need_two_options() -> None:
    two = _record("We went with the latter, as it is cheaper.", NAMES[:2])
    assert chosen_titles(read_text(two)) == ["RabbitMQ"]
    three = _record("We went with the latter, as it is cheaper.")
    assert chosen_titles(read_text(three)) == []


@pytest.mark.parametrize(
    "decision",
    [
        "The second option is harder to run, and the first is costly.",  # no choosing word
        "We settled on the fifth option.",  # past the end
        "We postpone the decision until the pilot ends.",
    ],
)
def test_no_choice_without_a_choosing_place(decision: str) -> None:
    assert chosen_titles(read_text(_record(decision))) == []


_ORD = ["first", "second", "third", "fourth", "fifth"]
_WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8).map(str.capitalize)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_WORD, min_size=2, max_size=5, unique=True), data=st.data())
def test_ordinal_choice_property(names: list[str], data: st.DataObject) -> None:
    place = data.draw(st.integers(min_value=1, max_value=len(names)))
    decision = f"We settled on the {_ORD[place - 1]} option after a trial."
    assert chosen_titles(read_text(_record(decision, names))) == [names[place - 1]]
