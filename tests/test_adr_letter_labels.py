"""Options of one section titled with letter labels (``### A. Do nothing``, ``**(b)
Cache it.**``) keep the letter as their label, not in their title, and a decision that
names "option B" chooses that one. A lone lettered title (``(B) by hardcoding X``) and
repeated letters are left as written."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles, nygard_with_options, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0057-x.md")


def _record(options: str, decision: str = "We add a migrations table.") -> str:
    return nygard_with_options(
        options,
        decision,
        title="57. Schema versioning",
        context="Tables created by older releases lack columns.",
        heading="Alternatives Considered",
    )


FORMS = [
    "### {L}. {T}\n\nRejected.\n",
    "### ({l}) {T}\n\nRejected.\n",
    "- **{L}) {T}.** Rejected.\n",
]
NAMES = ["Do nothing", "Fall back to the first version", "Detect columns by type"]


@pytest.mark.parametrize("form", FORMS)
def test_letter_labels_leave_the_titles(form: str) -> None:
    options = "\n".join(
        form.format(L=letter.upper(), l=letter, T=name)
        for letter, name in zip("abc", NAMES, strict=True)
    )
    found = titles(read(_record(options)))
    assert found[:3] == NAMES


def test_a_decision_naming_option_b_chooses_it() -> None:
    options = "\n".join(f"### {L}. {T}\n\nConsidered.\n" for L, T in zip("ABC", NAMES, strict=True))
    text = _record(options, "We go with option B.").replace(
        "## Alternatives Considered", "## Considered Options"
    )
    assert chosen_titles(read(text)) == ["Fall back to the first version"]


def test_a_lone_letter_stays() -> None:
    options = "- **(B) by hardcoding the types.** Rejected.\n- **Reuse the factory.** Rejected.\n"
    assert "(B) by hardcoding the types" in titles(read(_record(options)))


def test_repeated_letters_stay() -> None:
    options = "### A. Do nothing\n\nRejected.\n\n### A. Do less\n\nRejected.\n"
    found = titles(read(_record(options)))
    assert found[:2] == ["A. Do nothing", "A. Do less"]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(_WORD, min_size=2, max_size=6, unique=True))
def test_letter_labels_property(words: list[str]) -> None:
    names = [f"Use {w}" for w in words]
    options = "\n".join(
        f"### {L}. {T}\n\nRejected.\n" for L, T in zip("ABCDEFGH"[: len(names)], names, strict=True)
    )
    assert titles(read(_record(options)))[: len(names)] == names


def test_letters_past_h_count_in_a_run_from_a() -> None:
    names = [f"Use cache {n}" for n in range(10)]
    options = "\n".join(
        f"### {L}) {T}\n\nRejected.\n" for L, T in zip("ABCDEFGHIJ", names, strict=True)
    )
    assert titles(read(_record(options)))[:10] == names


def test_a_late_letter_outside_a_run_stays() -> None:
    options = "### A. Do nothing\n\nRejected.\n\n### B. Do less\n\nRejected.\n\n"
    options += "### K. Keep the old index\n\nRejected.\n"
    found = titles(read(_record(options)))
    assert found[:3] == ["Do nothing", "Do less", "K. Keep the old index"]


def test_a_labelled_option_named_like_an_options_heading_is_an_option() -> None:
    options = "### A. Use shared queues\n\nRejected.\n\n### B. Use positions\n\nRejected.\n"
    assert titles(read(_record(options)))[:2] == ["Use shared queues", "Use positions"]
