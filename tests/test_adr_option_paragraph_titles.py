"""``**Option 1:** Title`` paragraphs whose description starts on the next source line: the
title is the rest of the label's own line, the following lines its description."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st

HEAD = "# 3. Feature flags\n\n## Status\n\nAccepted\n\n## Considered Options\n\n"


def _read(text: str) -> SourceRecord:
    return read_text(text, "adr.md")


def test_title_is_the_labels_line_and_the_next_lines_describe_it() -> None:
    text = HEAD + (
        "**Option 1:** Environment variables\n"
        "Set a value per environment. Free, and we already use them.\n\n"
        "**Option 2:** A flag library\n"
        "Flags switched on per user group. Well maintained.\n\n"
        "## Decision\n\nWe chose option 2.\n"
    )
    rec = _read(text).record
    assert [o.title for o in rec.options] == ["Environment variables", "A flag library"]
    assert "Set a value per environment" in (rec.options[0].description or "")
    assert [o.chosen for o in rec.options] == [False, True]


def test_a_one_line_paragraph_keeps_its_first_sentence_as_title() -> None:
    text = HEAD + (
        "**Option 1:** Environment variables. Set a value per environment.\n\n"
        "**Option 2:** A flag library. Flags switched on per user group.\n\n"
        "## Decision\n\nWe chose option 1.\n"
    )
    rec = _read(text).record
    assert [o.title for o in rec.options] == ["Environment variables", "A flag library"]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@given(
    titles=st.lists(
        st.lists(_WORD, min_size=1, max_size=4).map(" ".join), min_size=2, max_size=4, unique=True
    ),
    description=st.lists(_WORD, min_size=4, max_size=12).map(" ".join),
)
def test_the_description_line_never_leaks_into_the_title(
    titles: list[str], description: str
) -> None:
    body = "".join(
        f"**Option {i}:** {t.capitalize()}\n{description.capitalize()}.\n\n"
        for i, t in enumerate(titles, 1)
    )
    rec = _read(HEAD + body + "## Decision\n\nWe chose option 1.\n").record
    assert [o.title.lower() for o in rec.options] == titles


@pytest.mark.parametrize(
    "marker", ["(Selected Option)", "(chosen)", "[Preferred option]", "(the recommended approach)"]
)
def test_a_chosen_marker_after_the_title_chooses_it_and_leaves_the_title(marker: str) -> None:
    text = HEAD + (
        "**Option 1:** Environment variables\nSet per environment.\n\n"
        f"**Option 2:** A flag library {marker}\nSwitched per user group.\n\n"
        "## Decision\n\nSee above.\n"
    )
    rec = _read(text).record
    assert [o.title for o in rec.options] == ["Environment variables", "A flag library"]
    assert [o.chosen for o in rec.options] == [False, True]


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Operator Probe, which wraps the exporter in a resource", "Operator Probe"),
        ("Always disable TLS, since the network is trusted", "Always disable TLS"),
        ("Keep the cron job, so that nothing changes for operators", "Keep the cron job"),
        ("A queue", "A queue"),
        # a long lead before the clause is a sentence, not a name: kept whole
        (
            "Run every job in one shared pool of workers on the old hosts, which is cheap",
            "Run every job in one shared pool of workers on the old hosts, which is cheap",
        ),
    ],
)
def test_a_clause_after_a_listed_options_name_describes_it(item: str, title: str) -> None:
    text = HEAD + f"- {item}\n- Something else\n\n## Decision Outcome\n\nChosen option: A queue.\n"
    rec = _read(text).record
    assert rec.options[0].title == title
