"""A replacement decision weighs keeping what is in use: the context names it ("We were
using Jenkins"), the decision adopts another ("We will use GitHub Actions") and the record
says it leaves the old one. Then keeping it is an option not taken and the replacement the
chosen one, both uncertain; without a word of leaving, nothing is read."""

from __future__ import annotations

import pytest
from adr_layout import read_text

RECORD = """# 7. Continuous integration

## Status

Accepted

## Context

{context}

## Decision

{decision}

## Consequences

{consequences}
"""


def options(context: str, decision: str, consequences: str) -> list[tuple[str, bool]]:
    text = RECORD.format(context=context, decision=decision, consequences=consequences)
    src = read_text(text, name="0007-continuous-integration.md")
    return [(o.title, o.chosen) for o in src.record.options]


@pytest.mark.parametrize(
    "consequences",
    [
        "We will stop using Jenkins once every pipeline has moved.",
        "Jenkins is retired at the end of the quarter.",
        "The old Jenkins server can be removed.",
    ],
)
def test_the_status_quo_left_behind_is_the_option_not_taken(consequences: str) -> None:
    got = options(
        "We were using Jenkins, hosted on one virtual machine that nobody patches.",
        "We will use GitHub Actions for every repository.",
        consequences,
    )
    assert got == [("Jenkins", False), ("GitHub Actions", True)]


def test_a_tool_added_beside_the_one_in_use_gives_no_options() -> None:
    got = options(
        "We use Postgres for every service, and connections run out at peak.",
        "We will use PgBouncer in front of each database.",
        "Each service connects through PgBouncer.",
    )
    assert got == []


def test_the_same_thing_kept_is_no_replacement() -> None:
    got = options(
        "We are currently using GitHub Actions for some repositories.",
        "We will use GitHub Actions for every repository.",
        "We stop using the shell scripts that ran the old jobs.",
    )
    assert got == []


def test_the_options_are_uncertain() -> None:
    text = RECORD.format(
        context="We were using Jenkins, hosted on one virtual machine.",
        decision="We will use GitHub Actions.",
        consequences="We will stop using Jenkins.",
    )
    src = read_text(text, name="0007-continuous-integration.md")
    unsure = (src.record.model_extra or {}).get("x_uncertain", [])
    assert "options" in unsure and "chosen" in unsure


def test_the_replacement_is_placed_at_the_decision_and_takes_no_point_of_the_old() -> None:
    text = RECORD.format(
        context="We were using Jenkins. Its plugins are too complex to keep up to date.",
        decision="We will use GitHub Actions.",
        consequences="We will stop using Jenkins.",
    )
    src = read_text(text, name="0007-continuous-integration.md")
    old, new = src.record.options
    assert not old.chosen
    assert new.chosen and not new.pros and not new.cons
    assert src.line_of(("options", 1)) > src.line_of(("options", 0))


def test_a_rejected_record_chooses_nothing() -> None:
    text = (
        "# 3. Use of autowiring\n\n## Status\n\nRejected\n\n## Context\n\nAutowiring binds "
        "classes for us.\n\n## Decision\n\nActivating autowiring is rejected for this release."
        "\n\n## Consequences\n\nServices will have to continue being wired manually.\n"
    )
    src = read_text(text, name="0003-use-of-autowiring.md")
    assert [o.chosen for o in src.record.options] == [False] * len(src.record.options)


SUPERSEDING = """# 11. CLI verb noun

## Status

Accepted

{line}

## Context

After a few commands we reevaluated the syntax.

## Decision

{decision}
"""


@pytest.mark.parametrize(
    "line",
    [
        "Supersedes [3. CLI using noun verb format](0003-cli-using-noun-verb-format.md)",
        "Supercedes [3. CLI using noun verb format](0003-cli-using-noun-verb-format.md)",
        "* Replaces: [ADR-3: CLI using noun verb format](0003-cli.md)",
    ],
)
def test_the_superseded_decision_is_the_option_not_taken(line: str) -> None:
    text = SUPERSEDING.format(line=line, decision="Give the CLI a verb-noun syntax.")
    src = read_text(text, name="0011-cli-verb-noun.md")
    got = [(o.title, o.chosen) for o in src.record.options]
    assert got == [("CLI using noun verb format", False), ("CLI verb noun", True)]


def test_a_two_way_title_is_read_before_the_superseded_record() -> None:
    text = SUPERSEDING.format(
        line="Supersedes [15. Use Kong](0015-use-kong.md)",
        decision="We will replace Kong with the Nginx ingress controller.",
    ).replace("# 11. CLI verb noun", "# 36. Replace Kong with Nginx Ingress Controller")
    src = read_text(text, name="0036-replace-kong.md")
    titles = [o.title for o in src.record.options]
    assert "Use Kong" not in titles and len(titles) == 2
