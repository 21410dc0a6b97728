"""Fair findings on real layouts: a high finding only when certain, a folder's template gap
reported once, no "missing options" on a record that is not a choice, nothing "rejected
without reason" while a decision is still open.

Every document here is written for the test, in the layouts public ADR repositories use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.conventions import (
    FOLDER_PREFIX,
    ConventionFolder,
    ConventionPolicy,
    empty_fields,
)
from decaudit.engine.model import Record
from decaudit.engine.types import Finding
from hypothesis import given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 6, 30)

# A template whose decision is written under "What" and "How", with the alternatives to it
# listed apart (no Decision section, no chosen option).
WHAT_HOW = """# Project X - ADR 7 - Move the build to a container image

| | |
|---|---|
| Date | 2025-03-02 |
| Status | Accepted |
| Authors | A. Writer |

## What

This record captures our decision to build every release in one container image.

## Why

Release builds differ between laptops and CI.

## How

* Publish the image from the main branch.
* Point CI at the image.

## Alternatives

### Keep building on the CI hosts

The hosts drift; rejected.

### Pin tool versions in a script

Does not cover system libraries.

## Risks

The image grows.
"""

MADR_NO_OUTCOME_TEXT = """# Use a message queue for orders

* Status: accepted

## Context and Problem Statement

Orders are lost when the billing service is down.

## Considered Options

* RabbitMQ
* Kafka

## Decision Outcome

## Pros and Cons of the Options

### RabbitMQ

* Good, because the team knows it
"""


def nygard(number: int, title: str, status: str = "Accepted", decision: str = "") -> str:
    decision = decision or f"We will {title.lower()}."
    return (
        f"# {number}. {title}\n\nDate: 2024-03-0{number % 9 + 1}\n\n## Status\n\n{status}\n\n"
        f"## Context\n\nThe service needs {title.lower()}.\n\n## Decision\n\n"
        f"{decision}\n\n## Consequences\n\nSome work for the team.\n"
    )


def check(*paths: Path) -> tuple[Finding, ...]:
    return run_check(CheckOptions(paths=tuple(str(p) for p in paths), today=TODAY)).findings


def rule(findings: tuple[Finding, ...], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


# -- REC002: a high finding only where the decision's place is known -----------------------


def test_no_chosen_option_is_not_claimed_when_no_decision_section_was_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "adr-7-build-image.md"
    path.write_text(WHAT_HOW, encoding="utf-8")
    found = check(path)
    assert not rule(found, "REC002")
    assert all(f.severity not in ("high", "critical") for f in found)


def test_an_empty_decision_outcome_is_a_certain_no_choice(tmp_path: Path) -> None:
    path = tmp_path / "0004-queue.md"
    path.write_text(MADR_NO_OUTCOME_TEXT, encoding="utf-8")
    (rec002,) = rule(check(path), "REC002")
    assert rec002.severity == "high"


# -- convention findings ----------------------------------------------------------------------


def write(folder: Path, start: int, count: int, status: str = "Accepted") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        text = nygard(i, f"Adopt practice {i}", status)
        (folder / f"{i:04d}-practice-{i}.md").write_text(text, encoding="utf-8")


def test_proposals_without_deciders_count_towards_the_template_gap(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write(adr, 1, 2)  # flagged by GOV002
    write(adr, 3, 3, status="Proposed")  # not flagged, but no deciders either
    (folded,) = rule(check(adr), "GOV002")
    assert folded.decision_id == FOLDER_PREFIX + "adr"
    assert folded.evidence["missing"] == 5 and folded.evidence["count"] == 2
    assert "5 of the 5 records" in folded.message and "2 of them flagged" in folded.message


def test_two_records_in_three_are_enough_by_default(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write(adr, 1, 3)
    named = adr / "0004-named.md"
    text = nygard(4, "Name deciders").replace("## Status", "Deciders: Platform team\n\n## Status")
    named.write_text(text, encoding="utf-8")
    write(adr, 5, 2)
    gov = rule(check(adr), "GOV002")  # 5 of 6 without deciders
    assert [f.decision_id for f in gov] == [FOLDER_PREFIX + "adr"]


def test_a_folder_under_the_share_is_judged_with_its_tree(tmp_path: Path) -> None:
    root = tmp_path / "adr"
    write(root / "core", 1, 6)
    mixed = root / "security"
    write(mixed, 10, 2)
    for i in (12, 13):  # two of the four name their deciders: 50%, under the share alone
        text = nygard(i, f"Secure {i}").replace("## Status", "Deciders: TSC\n\n## Status")
        (mixed / f"{i:04d}-secure.md").write_text(text, encoding="utf-8")
    gov = rule(check(root), "GOV002")
    # 8 of the tree's 10 records have no deciders: one finding for the tree
    assert [f.decision_id for f in gov] == [FOLDER_PREFIX + "adr"]
    (folded,) = gov
    assert folded.evidence["missing"] == 8 and folded.evidence["records"] == 10
    assert folded.evidence["count"] == 8


def test_a_tree_with_deciders_keeps_per_record_findings(tmp_path: Path) -> None:
    root = tmp_path / "adr"
    for i in range(1, 6):
        text = nygard(i, f"Decide {i}").replace("## Status", "Deciders: TSC\n\n## Status")
        (root / "core").mkdir(parents=True, exist_ok=True)
        (root / "core" / f"{i:04d}-decide.md").write_text(text, encoding="utf-8")
    write(root / "core", 6, 1)
    gov = rule(check(root), "GOV002")
    assert len(gov) == 1 and not gov[0].decision_id.startswith(FOLDER_PREFIX)


# -- REC003: a guidelines record is not a choice between options ---------------------------


def test_guidelines_are_not_flagged_for_missing_options(tmp_path: Path) -> None:
    path = tmp_path / "0016-container-image-guidelines.md"
    decision = "Images run as a non-root user, with a read-only file system."
    path.write_text(nygard(16, "Container image guidelines", decision=decision), "utf-8")
    assert not rule(check(path), "REC003")


def test_a_policy_that_weighed_alternatives_is_still_flagged(tmp_path: Path) -> None:
    path = tmp_path / "0017-branching-policy.md"
    decision = "We weighed the alternatives and keep release branches, cut at each release."
    path.write_text(nygard(17, "Branching policy", decision=decision), "utf-8")
    assert len(rule(check(path), "REC003")) == 1


def test_a_decision_that_names_what_it_turns_down_shows_an_alternative(tmp_path: Path) -> None:
    path = tmp_path / "0019-branching.md"
    decision = "We keep release branches instead of trunk-based development."
    path.write_text(nygard(19, "Branching", decision=decision), "utf-8")
    assert not rule(check(path), "REC003")


def test_an_ordinary_choice_without_options_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "0018-use-postgresql.md"
    path.write_text(nygard(18, "Use PostgreSQL"), "utf-8")
    assert len(rule(check(path), "REC003")) == 1


# -- ALT006: an open decision has rejected nothing yet -----------------------------------------

OPEN = """# Metrics and alerting

## Status

{status}

## Decision

{decision}

## Considered Options

* Tool A
* Tool B
* Tool C

Chosen option: "Tool C"
"""


def test_an_open_decision_is_not_flagged_for_unreasoned_rejections(tmp_path: Path) -> None:
    path = tmp_path / "metrics.md"
    path.write_text(OPEN.format(status="Gathering information.", decision="WIP."), "utf-8")
    assert not rule(check(path), "ALT006")


def test_a_taken_decision_with_silent_rejections_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "metrics.md"
    path.write_text(OPEN.format(status="Accepted", decision=""), "utf-8")
    found = rule(check(path), "ALT006")
    assert len(found) == 1 and "Tool A" in found[0].message


# -- the roll-up accounts for every held finding, whatever the layout ------------------------


_FOLDERS = st.sampled_from(["", "a", "a/b", "a/b/c", "d", "d/e"])


@settings(max_examples=100, deadline=None)
@given(
    layout=st.lists(st.tuples(_FOLDERS, st.booleans(), st.booleans()), max_size=25),
    share=st.sampled_from([0.5, 0.65, 0.8, 1.0]),
    minimum=st.integers(min_value=0, max_value=4),
    rooted=st.booleans(),
)
def test_every_held_finding_is_reported_once(
    layout: list[tuple[str, bool, bool]], share: float, minimum: int, rooted: bool
) -> None:
    root = "/repo/adr"
    folder = ConventionFolder(
        {"GOV002": "decision makers"}, ConventionPolicy(share, minimum), [root] if rooted else []
    )
    held = 0
    for i, (sub, named, flagged) in enumerate(layout):
        file = "/".join(p for p in (root, sub, f"{i:04d}.md") if p)
        makers = ["Board"] if named else []
        rec = Record(id=f"D-{i}", title="t", decision_makers=makers)
        folder.add_record(file, empty_fields(rec, ["decision makers"]))
        if flagged and not named:
            f = Finding("GOV002", "x", "medium", "governance", f"D-{i}", file, 1, "$", "m")
            assert folder.hold(f) == (minimum > 0)
            held += minimum > 0
    out = list(folder.release())
    folded = [f for f in out if f.decision_id.startswith(FOLDER_PREFIX)]
    loose = [f for f in out if not f.decision_id.startswith(FOLDER_PREFIX)]
    assert sum(f.evidence["count"] for f in folded) + len(loose) == held
    ids = [d for f in folded for d in f.evidence["decisions"]] + [f.decision_id for f in loose]
    assert len(ids) == len(set(ids))
    for f in folded:
        assert f.evidence["count"] <= f.evidence["missing"] <= f.evidence["records"]
        assert f.evidence["missing"] >= minimum and f.evidence["share"] >= share - 1e-9


# -- business context: words a software record uses in another sense ---------------------------


def test_software_words_for_stores_and_branches_are_not_business_language() -> None:
    from decaudit.engine.facts.business import business_context
    from decaudit.engine.packdata import lexicon

    tech = Record(
        id="ADR-9",
        title="Feature flags for the registrar",
        context="Feature branches live long; data stores grow with every release, and our "
        "competitors ship flags in their Python frameworks.",
    )
    assert business_context(tech, lexicon()) == (False, "none")
    shop = Record(
        id="DEC-9",
        title="Open two more stores",
        context="Sales grew 8% and competitors opened in both towns.",
    )
    assert business_context(shop, lexicon())[0] is True
