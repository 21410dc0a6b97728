"""Pros and cons argued under headings of their own: a ``### Pro/Cons`` part inside the
decision with one heading per option, ``+``/``-`` points whose sub-bullets say more of
the point (not more points), and an option's heading whose subsection holds its
``**Pro**`` / ``**Con**`` labels."""

from __future__ import annotations

from adr_layout import read_text
from decaudit.engine.records.adr.sections import is_pros_cons
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st


def _counts(src: SourceRecord) -> dict[str, tuple[int, int]]:
    return {o.title: (len(o.pros or []), len(o.cons or [])) for o in src.record.options}


def _pro_cons_record(mitigations: int = 2, heading: str = "Pro/Cons") -> str:
    more = "".join(f"    - This is mitigated by measure {i}.\n" for i in range(mitigations))
    return f"""# 014 — Use the shared design system

The product needs one look across its services.

## Considered Options

### Use the shared design system (selected option)

The standard for the service.

### Build our own components

Full control.

## Chosen Decision

Use the shared design system. The team knows it well.

### {heading}

#### Use the shared design system (selected option)

- `+` Well understood.
- `+` No learning curve.
- `-` Small stylistic differences.
{more}- `-` Another library to learn.

#### Build our own components

- `+` Exactly what we want.
- `-` Slow to build.
- `-` Hard to keep accessible.
- ❎ Nobody to maintain it.
"""


def test_a_pros_and_cons_part_inside_the_decision_argues_the_options() -> None:
    src = read_text(_pro_cons_record())
    assert _counts(src) == {
        "Use the shared design system": (2, 2),
        "Build our own components": (1, 3),
    }
    chosen = [o.title for o in src.record.options if o.chosen]
    assert chosen == ["Use the shared design system"]


def test_pros_and_cons_headings_written_with_a_slash_or_ampersand() -> None:
    for key in ("pro cons", "pros cons", "pro con", "pros & cons", "pro and contra"):
        assert is_pros_cons(key), key
    for key in ("proposal", "process", "pros", "protocol cons"):
        assert not is_pros_cons(key), key
    src = read_text(_pro_cons_record(heading="Pros & Cons"))
    assert _counts(src)["Build our own components"] == (1, 3)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=6))
def test_sub_bullets_under_a_signed_point_are_more_of_that_point(n: int) -> None:
    src = read_text(_pro_cons_record(mitigations=n))
    assert _counts(src)["Use the shared design system"] == (2, 2)


def test_signed_sub_bullets_are_points_of_their_own() -> None:
    text = _pro_cons_record(mitigations=0).replace(
        "- `+` No learning curve.\n",
        "- `+` No learning curve.\n    - `+` Docs we already read.\n",
    )
    assert _counts(read_text(text))["Use the shared design system"] == (3, 2)


_OPTION_HEADINGS = """# A specification for transferring components

## Context and Problem Statement

Components move between registries.

## Considered Options

1. **[Option 1](#option-1-transfer-specification): Transfer specification**
2. **[Option 2](#option-2-transfer-handler): Transfer handler**

## Option 1: Transfer specification

A file that says what moves where.

### Specification

The format in detail.

**Pro**

* **Reusable transformations** - users can define their own.
* **Clean pipelines** - the API forces a clean definition.

**Con**

* **Complexity** - many transformations are hard to follow.

### Transfer handler

* Bad, because it was written a level too deep and belongs to option 2.

## Option 2: Transfer handler

The handler of the first version.

## Decision Outcome

Option 1.
"""


def test_an_option_heading_gives_the_points_of_its_own_subsections() -> None:
    src = read_text(_OPTION_HEADINGS)
    assert _counts(src) == {"Transfer specification": (2, 1), "Transfer handler": (0, 1)}
    assert [o.title for o in src.record.options if o.chosen] == ["Transfer specification"]


_FAVOURED = """# Finer traffic allocation

## Considered Options

- **Option 1: 10,000 buckets** - better but not enough
- **Option 2 (Favored): One bucket per unit of weight** - no rounding at all

## {head}

The favoured option in detail.

### Advantages

Since every weight gets its own bucket, it sidesteps:

- **Minimum allocation**: no special handling
- **Excess buckets**: totals never overflow

### Benefits Over Original Proposal

- **Simpler**: less code

### Drawbacks

- Existing assignments move once.

### Rollout

- First behind a flag.
"""


def test_the_chosen_option_takes_the_judging_parts_of_its_proposal() -> None:
    for head in ("Proposal: One bucket per unit of weight", "Decision"):
        src = read_text(_FAVOURED.format(head=head))
        chosen = next(o for o in src.record.options if o.chosen)
        assert chosen.title == "One bucket per unit of weight"
        assert list(chosen.pros or []) == [
            "Minimum allocation: no special handling",
            "Excess buckets: totals never overflow",
            "Simpler: less code",
        ]
        assert list(chosen.cons or []) == ["Existing assignments move once."]


def test_an_option_argued_in_its_own_place_keeps_its_points() -> None:
    text = _FAVOURED.format(head="Decision").replace(
        "- **Option 2 (Favored): One bucket per unit of weight** - no rounding at all",
        "- **Option 2 (Favored): One bucket per unit of weight**\n  - Good, because exact",
    )
    chosen = next(o for o in read_text(text).record.options if o.chosen)
    assert (len(chosen.pros or []), len(chosen.cons or [])) == (1, 0)


_HEADED = """# Error handling

## Considered Options

### Functions that can fail return their result unioned with an error

The compiler makes callers handle it.

### Throw and catch

The usual pattern.

## {head}

Functions that can fail should return their result unioned with an error.
"""


def test_a_decision_heading_that_states_the_choice_chooses_it() -> None:
    for head in ("Chosen Decision: Return unioned errors", "Decision: Return unioned errors"):
        src = read_text(_HEADED.format(head=head))
        chosen = [o.title for o in src.record.options if o.chosen]
        assert chosen == ["Functions that can fail return their result unioned with an error"]
    src = read_text(_HEADED.format(head="Chosen Decision: Throw and catch"))
    assert [o.title for o in src.record.options if o.chosen] == ["Throw and catch"]
