"""Alternatives listed on one metadata line, and deciders named by a line or field that
says who made the decision."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.listedmeta import MAX_LISTED, listed_alternatives
from hypothesis import given
from hypothesis import strategies as st

_RECORD = (
    "# No JS framework\n\n**We use plain components only.**\n\n- Date: 2023-10-27\n"
    "- Alternatives Considered: {listed}\n- Decision Made By: [Ana](https://example.org/ana), "
    "Ben\n\n## Decision\n\nWe use plain components and a little vanilla JS.\n"
)


def test_a_metadata_line_lists_the_alternatives_turned_down() -> None:
    rec = read_text(
        _RECORD.format(listed="Preact (3kb, JSX like ours), Svelte (no runtime; small)"),
        "docs/decision-log/2023-10-27-no-js-framework.md",
    ).record
    assert [(o.title, o.chosen) for o in rec.options] == [
        ("Preact", False),
        ("Svelte", False),
        ("No JS framework", True),
    ]
    assert rec.options[0].description == "3kb, JSX like ours"
    assert rec.decision_makers == ["Ana", "Ben"]


@pytest.mark.parametrize("listed", ["N/A", "none", "-"])
def test_a_line_saying_there_were_none_lists_none(listed: str) -> None:
    rec = read_text(_RECORD.format(listed=listed), "docs/decision-log/x.md").record
    assert [o.title for o in rec.options if not o.chosen] == []


def test_front_matter_responsible_names_the_decider() -> None:
    text = (
        "---\ntitle: UUIDs for ids in APIs\nstatus: agreed\nresponsible: sbe\n---\n\n"
        "## Decision\n\nAPIs use UUIDs as ids.\n"
    )
    assert read_text(text, "_decisions/uuid-ids.md").record.decision_makers == ["sbe"]


@given(st.text(max_size=400))
def test_any_line_gives_a_bounded_list_of_named_alternatives(value: str) -> None:
    found = listed_alternatives(value, 3)
    assert len(found) <= MAX_LISTED
    assert all(o.title and o.line == 3 and o.rejected for o in found)


def test_a_long_course_on_the_line_is_cut_to_its_head() -> None:
    listed = (
        "compile to Astro redirects; use a link field with an internal link record instead of "
        "a single line string field for the target"
    )
    rec = read_text(_RECORD.format(listed=listed), "docs/decision-log/redirects.md").record
    turned = [o.title for o in rec.options if not o.chosen]
    assert turned[0] == "compile to Astro redirects"
    assert turned[1].startswith("use a link field") and len(turned[1].split()) <= 12
