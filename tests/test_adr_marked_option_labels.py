"""An option paragraph or heading whose label starts with a marker of the choice
(``**[SELECTED] Option 1:** X``, ``**(Chosen) Option B:** X``, ``## ✅ Option 2: X``) is an
option like any other, and the marker chooses it; a marker elsewhere in the label or a word
that is no marker leaves the label as it is."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.records.adr.labelled import OPTION_PARA

read = partial(read_text, name="0028-x.md")

MARKERS = ["[SELECTED]", "[Selected]", "(chosen)", "[Preferred]", "(Recommended)", "✅"]


def _paragraphs(marker: str, which: int) -> str:
    labels = [f"{marker} Option {n}:" if n == which else f"Option {n}:" for n in (1, 2)]
    return f"""# 28. Session switching

## Status

Approved

## Considered Options

**{labels[0]}** Submit a form with the portfolio
One form for every portfolio.

**{labels[1]}** Call a URL with the portfolio id
A path that switches the session.

## Decision

We submit a form, as it hides the path from users.
"""


@pytest.mark.parametrize("marker", MARKERS)
@pytest.mark.parametrize("which", [1, 2])
def test_a_marker_before_the_label_keeps_and_chooses_the_option(marker: str, which: int) -> None:
    src = read(_paragraphs(marker, which))
    names = ["Submit a form with the portfolio", "Call a URL with the portfolio id"]
    assert titles(src) == names
    assert chosen_titles(src) == [names[which - 1]]


@pytest.mark.parametrize("marker", ["✅", "[Selected]"])
def test_a_marked_option_heading(marker: str) -> None:
    text = f"""# 3. Cache

## Status

Accepted

## Options

### Option 1: Redis

Fast.

### {marker} Option 2: Memcached

Simple.
"""
    src = read(text)
    assert titles(src) == ["Redis", "Memcached"]
    assert chosen_titles(src) == ["Memcached"]


@pytest.mark.parametrize(
    "label", ["[SELECTED] Option 1", "(chosen) Alternative B", "✅ Option 2", "Option 3"]
)
def test_option_labels(label: str) -> None:
    assert OPTION_PARA.match(label)


@pytest.mark.parametrize("label", ["[Note] Option 1", "(draft) Option 2", "Selected Option 1"])
def test_not_option_labels(label: str) -> None:
    assert not OPTION_PARA.match(label)
