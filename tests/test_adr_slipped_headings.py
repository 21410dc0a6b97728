"""An option heading written one level too deep (``##### 2. X`` beside option 1's
``##### Advantages``) is the next option, with the pros and cons after it, not a part of
option 1; an "Other options" section of plain paragraphs gives one option per paragraph."""

from __future__ import annotations

from adr_layout import read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st


def _options(names: list[str], slip: set[int]) -> str:
    out = []
    for n, name in enumerate(names, 1):
        level = "#####" if n in slip else "####"
        out.append(
            f"{level} {n}. {name}\n\nWhat it does.\n\n##### Advantages\n\n- good {n}\n\n"
            f"##### Disadvantages\n\n- bad {n}\n- worse {n}\n"
        )
    return "\n".join(out)


def _record(options: str) -> str:
    return (
        "# 24. Submission API\n\n## Status\n\nAccepted\n\n## Context\n\nClients post updates."
        f"\n\n### Alternatives considered\n\n{options}\n## Decision\n\nWe expose one endpoint.\n"
    )


def _points(text: str) -> list[tuple[str, int, int]]:
    rec = read_text(text).record
    return [(o.title, len(o.pros), len(o.cons)) for o in rec.options if not o.chosen]


def test_a_slipped_option_heading_is_the_next_option() -> None:
    names = ["Keep sessions in Redis", "Allow partial posts", "One endpoint per update"]
    found = _points(_record(_options(names, {2})))
    assert found == [(n, 1, 2) for n in names]


def test_a_numbered_detail_before_any_points_stays_a_part() -> None:
    text = _record(
        "#### 1. Keep sessions in Redis\n\n##### 2. Steps\n\nDo this.\n\n"
        "#### 2. Allow partial posts\n\nMore.\n"
    )
    assert titles(read_text(text))[:2] == ["Keep sessions in Redis", "Allow partial posts"]


_NAME = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8).map(str.capitalize)


@settings(max_examples=40, deadline=None)
@given(data=st.data(), names=st.lists(_NAME, min_size=2, max_size=4, unique=True))
def test_slipped_headings_property(data: st.DataObject, names: list[str]) -> None:
    slip = data.draw(st.sets(st.integers(min_value=2, max_value=len(names))))
    found = _points(_record(_options([f"Use {n}" for n in names], slip)))
    assert found == [(f"Use {n}", 1, 2) for n in names]


def test_other_options_paragraphs_are_options_not_taken() -> None:
    text = (
        "# 9. State bucket\n\n## Status\n\nAccepted\n\n## Context\n\nState must be shared.\n\n"
        "## Decision\n\nWe will create one bucket in the production space.\n\n"
        "### Other options\n\nCreate a new space for the bucket. This was overkill.\n\n"
        "Create a bucket per environment. We lack the permissions.\n"
    )
    rec = read_text(text).record
    rejected = [o.title for o in rec.options if not o.chosen]
    assert rejected == ["Create a new space for the bucket", "Create a bucket per environment"]
