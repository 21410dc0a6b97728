"""Parts that give the reasons for or against the course a record takes ("### Reasons for a
public repository", "### Reasons against a public repository", "## Arguments against"),
outside any options section: their items are the chosen course's pros and cons. "Reasons for
the decision" (the rationale) and "Reasons against other options" are not read so.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.types import SourceRecord

DOC = """\
# Our roadmap is public

## Problem

The roadmap started public. Should it stay so?

### {pros}

- Others learn from what we plan
- Customers can see what comes next

### {cons}

- Commercially sensitive plans may leak
- Dates slip in public

### Why not start private?

It is hard to open a private roadmap later.

## Decision

We keep the roadmap public.
"""


def read(pros: str, cons: str) -> SourceRecord:
    return read_text(DOC.format(pros=pros, cons=cons), "rfcs/rfc-018-roadmap.md")


def chosen(src: SourceRecord) -> tuple[int, int]:
    (opt,) = [o for o in src.record.options if o.chosen]
    return len(opt.pros), len(opt.cons)


@pytest.mark.parametrize(
    ("pros", "cons"),
    [
        ("Reasons for a public roadmap", "Reasons against a public roadmap"),
        ("Arguments for", "Arguments against"),
        ("The case for openness", "The case against openness"),
        ("Arguments in favour of a public roadmap", "Reasons against"),
    ],
)
def test_reasons_parts_are_the_chosen_courses_points(pros: str, cons: str) -> None:
    src = read(pros, cons)
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("Start private", False),
        ("Our roadmap is public", True),
    ]
    assert chosen(src) == (2, 2)


def test_reasons_for_the_decision_are_not_its_pros() -> None:
    src = read("Reasons for the decision", "Reasons against other options")
    assert chosen(src) == (0, 0)
