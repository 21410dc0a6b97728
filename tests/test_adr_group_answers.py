"""Sub-decisions answered under decision subsections named like their groups: the first
deciding clause there that names one option of the group by its own word chooses it
(uncertain); a clause that weighs, or names two options, chooses none."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles as _chosen
from adr_layout import read_text
from decaudit.engine.types import SourceRecord


def _record(evaluation: str, execution: str) -> SourceRecord:
    text = (
        "# Many providers\n\n- Status: accepted\n\n## Context and Problem Statement\n\n"
        "Several providers can answer one request.\n\n"
        "## Considered Evaluation Options\n\n### Constraints and Properties\n\nFlexible.\n\n"
        "### Cloud and Local Types\n\nSimple.\n\n"
        "## Considered Execution Options\n\n### Serial\n\nOne after the other.\n\n"
        "### Parallel\n\nAll at once.\n\n"
        f"## Decision\n\n### Evaluation\n\n{evaluation}\n\n### Execution\n\n{execution}\n"
    )
    return read_text(text, "adr.md")


def test_each_group_is_answered_by_its_subsection() -> None:
    src = _record(
        "We decided to use cloud and local types to keep it simple.",
        "For the first milestone we start with the simpler serial processing.",
    )
    groups = {o.title: o.group for o in src.record.options}
    assert groups["Serial"] != groups["Cloud and Local Types"]
    assert _chosen(src) == ["Cloud and Local Types", "Serial"]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_the_deciding_clause_only() -> None:
    src = _record(
        "We will use local types and leave it to the user to make sure they do not clash.",
        "We start with serial runs, while parallel ones may come later.",
    )
    assert _chosen(src) == ["Cloud and Local Types", "Serial"]


@pytest.mark.parametrize(
    "evaluation",
    [
        "We could use constraints later.",  # weighs
        "If needed we will use constraints.",  # a condition
        "We will use constraints and local types together.",  # two options... one clause each
        "We will not use constraints.",  # negated
        "The team discussed it at length.",  # decides nothing
    ],
)
def test_no_choice_where_the_subsection_does_not_decide_one(evaluation: str) -> None:
    chosen = _chosen(_record(evaluation, "Nothing is decided yet."))
    assert "Constraints and Properties" not in chosen


def test_subsections_named_otherwise_answer_nothing() -> None:
    text = _record("We decided to use local types.", "We start with serial.").record
    assert text.options  # sanity: the groups are read
    other = (
        "# Many providers\n\n- Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n"
        "## Considered Evaluation Options\n\n### Constraints and Properties\n\nA.\n\n"
        "### Cloud and Local Types\n\nB.\n\n## Considered Execution Options\n\n### Serial\n\nC."
        "\n\n### Parallel\n\nD.\n\n## Decision\n\n### Rollout\n\nWe start with serial.\n"
    )
    src = read_text(other, "adr.md")
    assert "Cloud and Local Types" not in _chosen(src)
