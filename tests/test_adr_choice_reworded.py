"""A 'Chosen option:' line that rewords a listed option ("emptyDir for Prometheus as
forwarder" for "Use emptyDir volumes") chooses it by a word only that option has, and is
marked uncertain; a line with words of two options, or of none, chooses nothing."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles as _chosen
from adr_layout import read_text
from decaudit.engine.types import SourceRecord
from hypothesis import assume, given
from hypothesis import strategies as st

OPTIONS = ("Use local persistent volumes", "Use emptyDir volumes", "Use hostPath volumes")


def _read(chosen: str, options: tuple[str, ...] = OPTIONS) -> SourceRecord:
    listed = "".join(f"- {o}\n" for o in options)
    text = (
        "# Forwarder storage\n\n- Status: accepted\n\n## Context and Problem Statement\n\n"
        f"Where do forwarders buffer?\n\n## Considered Options\n\n{listed}\n"
        f"## Decision Outcome\n\nChosen option: {chosen}, because it survives storage outages.\n"
    )
    return read_text(text, "adr.md")


@pytest.mark.parametrize(
    "chosen",
    [
        "emptyDir for Prometheus as forwarder",
        "`emptyDir` per forwarder pod",
        "emptyDirs everywhere",
    ],
)
def test_a_reworded_line_chooses_the_option_with_its_own_word(chosen: str) -> None:
    src = _read(chosen)
    assert _chosen(src) == ["Use emptyDir volumes"]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


@pytest.mark.parametrize(
    "chosen",
    [
        "emptyDir rather than hostPath",  # words of two options
        "volumes for Prometheus",  # a word every option has
        "a managed buffer service",  # no option's word
    ],
)
def test_no_choice_without_one_options_own_word(chosen: str) -> None:
    src = _read(chosen)
    assert _chosen(src) == []


_WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8)


@given(own=st.lists(_WORD, min_size=3, max_size=3, unique=True), filler=_WORD)
def test_the_own_word_decides_and_renaming_it_removes_the_choice(
    own: list[str], filler: str
) -> None:
    assume(filler not in own and filler + "x" not in own)
    options = tuple(f"Use {w} storage" for w in own)
    assert _chosen(_read(f"{own[1]} for the {filler} forwarder", options)) == [options[1]]
    assert _chosen(_read(f"{filler}x for the forwarder", options)) == []
