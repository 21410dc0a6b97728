"""A table with both a pros and a cons column, outside any options section ("### Combos",
"### Landscape"), compares alternatives: its rows are the record's options. In the
consequences such a table weighs the decision's outcomes, and gives no options.

The documents here are written for the tests.
"""

from __future__ import annotations

from adr_layout import read_text

DOC = """\
# Front-end library

Status: Accepted

## Context

The filing flow needs a client that works offline and in several languages.

### {heading}

| Library + add-on | Pros | Cons |
|---|---|---|
| React + i18next | full featured | larger bundle |
| Svelte | small output | few plugins |
| Vanilla JS | no dependencies | much custom code |

## Decision

We use Svelte, for its small output.
"""


def _options(heading: str) -> list[tuple[str, int, int]]:
    rec = read_text(DOC.format(heading=heading)).record
    return [(o.title, len(o.pros), len(o.cons)) for o in rec.options]


def test_a_pros_and_cons_table_lists_the_options() -> None:
    assert _options("Combos") == [
        ("React + i18next", 1, 1),
        ("Svelte", 1, 1),
        ("Vanilla JS", 1, 1),
    ]


def test_the_decision_names_the_chosen_row() -> None:
    rec = read_text(DOC.format(heading="Landscape")).record
    assert [o.title for o in rec.options if o.chosen] == ["Svelte"]


def test_a_table_without_both_columns_lists_none() -> None:
    text = DOC.format(heading="Combos").replace("| Pros | Cons |", "| Size | Plugins |")
    assert read_text(text).record.options == []


def test_the_same_table_in_the_consequences_lists_none() -> None:
    text = DOC.format(heading="Combos").replace("## Context", "## Consequences", 1)
    text = text.replace("Status: Accepted", "Status: Accepted\n\n## Context\n\nOffline.")
    assert read_text(text).record.options == []
