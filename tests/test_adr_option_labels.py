"""An option's title without its numbering and chosen markers: "[4] ", "(Favored)",
"Option 4 (Favoured):"; the label keeps the number, the marker marks the option."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text
from decaudit.engine.records.adr.content import clean_title
from hypothesis import example, given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("raw", "title", "label", "marked"),
    [
        ("[4] (Favored): Max 32-bit buckets", "Max 32-bit buckets", "4", True),
        ("Option 4 (Favoured): Max buckets", "Max buckets", "4", True),
        ("[2] 100,000 buckets", "100,000 buckets", "2", False),
        ("1. Use X", "Use X", "1", False),
        ("Use X (chosen)", "Use X", None, True),
    ],
)
def test_clean_title(raw: str, title: str, label: str | None, marked: bool) -> None:
    assert clean_title(raw) == (title, label, marked)


@given(st.text(max_size=80))
@example("0:.")  # a colon before a closing full stop, found by the property
def test_a_cleaned_title_never_keeps_colons_at_its_ends(raw: str) -> None:
    title, _, _ = clean_title(raw)
    assert title == title.strip() and not title.startswith(":") and not title.endswith(":")


def test_a_favoured_option_is_chosen() -> None:
    text = (
        "# Bucketing\n\n## Considered Options\n\n- **Option 1: 10,000 buckets** - better\n"
        "- **Option 2 (Favored): Max 32-bit buckets** - sidesteps limits\n"
    )
    src = read_text(text, name="bucketing.md")
    assert chosen_titles(src) == ["Max 32-bit buckets"]
