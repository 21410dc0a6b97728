"""Decisions taken by a stated process (engine/process.py, engine/records/adr/venue.py):
GOV002 does not ask for decision makers where a record names the process or review that
decided it, or where the folder says once how its proposals are accepted.

Every fixture is written for the test, laid out the way open-source decision logs are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.process import folder_process, states_process
from decaudit.engine.records.adr.venue import decided_through
from decaudit.engine.records.document.model import Link, Meta
from hypothesis import given
from hypothesis import strategies as st

TODAY = dt.date(2026, 6, 30)


def nygard(number: int, status: str = "Accepted", meta: str = "") -> str:
    return (
        f"# {number}. Adopt practice {number}\n\n{meta}Date: 2024-03-0{number % 9 + 1}\n\n"
        f"## Status\n\n{status}\n\n## Context\n\nThe service needs practice {number}.\n\n"
        f"## Decision\n\nWe will adopt practice {number}.\n\n## Consequences\n\nSome work.\n"
    )


def write_log(folder: Path, statuses: list[str], meta: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, status in enumerate(statuses, 1):
        text = nygard(i, status, meta)
        (folder / f"{i:04d}-practice-{i}.md").write_text(text, encoding="utf-8")


def gov002(folder: Path) -> list[str]:
    res = run_check(CheckOptions(paths=(str(folder),), today=TODAY))
    return [f.message for f in res.findings if f.rule_id == "GOV002"]


# -- the record names its process ----------------------------------------------------------


def test_a_status_naming_the_process_is_read() -> None:
    assert decided_through([], "Accepted (lazy consensus) & implemented") == "lazy consensus"
    assert decided_through([], "Approved by vote of the members") == "vote"
    assert decided_through([], "Accepted") is None


def test_a_link_to_the_deciding_review_is_read() -> None:
    pr = Meta("RFC PR", "https://github.com/example/rfcs/pull/4", 2, "bullet")
    assert decided_through([pr], None) == "RFC PR: https://github.com/example/rfcs/pull/4"
    linked = Meta("Resolution", "the thread", 3, "front", links=(Link("the thread", "u"),))
    assert decided_through([linked], None) == "Resolution: u"


def test_an_empty_review_field_or_a_discussion_link_is_not_a_decision() -> None:
    empty = Meta("RFC PR", "(leave this empty)", 2, "bullet")
    talk = Meta("Discussions-To", "https://discuss.example.org/t/1", 2, "front")
    assert decided_through([empty, talk], "Accepted") is None


def test_records_naming_their_process_are_not_asked_for_decision_makers(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", ["Accepted (lazy consensus)"] * 4)
    assert gov002(tmp_path / "adr") == []


def test_a_folder_where_most_records_name_their_process_is_excused(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", ["Accepted (lazy consensus)"] * 4 + ["Accepted"] * 2)
    assert gov002(tmp_path / "adr") == []


def test_the_folder_message_says_the_others_name_their_review(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    write_log(adr, ["Accepted"] * 6)
    for path in sorted(adr.iterdir())[:2]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Date:", "RFC PR: https://x.example/pull/1\n\nDate:"))
    (messages,) = [gov002(adr)]
    assert len(messages) == 1
    assert "4 of the 6 records" in messages[0]
    assert "the other 2 name the process or review that decided them" in messages[0]


# -- the folder says how proposals are accepted --------------------------------------------


def test_a_readme_stating_the_process_excuses_the_folder(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", ["Accepted"] * 4)
    assert len(gov002(tmp_path / "adr")) == 1
    (tmp_path / "adr" / "README.md").write_text(
        "# Decisions\n\nWrite a record from the template.\n\n"
        "1. Open a pull request.\n2. The proposal is accepted by consensus of the"
        " maintainers at the weekly call.\n",
        encoding="utf-8",
    )
    found = folder_process(str(tmp_path / "adr"))
    assert found is not None and found.line == 6
    assert gov002(tmp_path / "adr") == []


def test_a_process_record_of_the_folder_excuses_it(tmp_path: Path) -> None:
    adr = tmp_path / "lips"
    write_log(adr, ["Accepted"] * 4)
    (adr / "0000-purpose.md").write_text(
        "---\ntitle: Proposal Purpose and Guidelines\n---\n\n## Workflow\n\n"
        "If the community reaches consensus on the governance call, the proposal is"
        " approved.\n",
        encoding="utf-8",
    )
    assert gov002(adr) == []


def test_a_readme_above_the_checked_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "Every proposal is approved by a vote of the board.\n", encoding="utf-8"
    )
    write_log(tmp_path / "adr", ["Accepted"] * 4)
    assert len(gov002(tmp_path / "adr")) == 1  # outside what was checked
    assert len(gov002(tmp_path)) == 0  # inside it


def test_a_readme_that_only_lists_the_records_excuses_nothing(tmp_path: Path) -> None:
    write_log(tmp_path / "adr", ["Accepted"] * 4)
    (tmp_path / "adr" / "README.md").write_text(
        "# Decisions\n\n* [Adopt practice 1](0001-practice-1.md): accepted\n"
        "* Records are reviewed like code.\n",
        encoding="utf-8",
    )
    assert len(gov002(tmp_path / "adr")) == 1


@given(st.text(max_size=200))
def test_a_process_sentence_needs_a_verb_a_mechanism_and_a_subject(text: str) -> None:
    if states_process(text):
        low = text.lower()
        assert any(v in low for v in ("accept", "approv", "ratif", "adopt", "decid"))
    assert not states_process("The maintainers like consensus.")
    assert states_process("An RFC is accepted when the core team reaches consensus.")


def test_the_subject_may_be_in_the_sentence_before(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "# Enhancement proposals\n\nAt the end of the period a decision is made on whether to"
        " accept the SEP. Acceptance requires approval from five members of the core"
        " development team.\n",
        encoding="utf-8",
    )
    found = folder_process(str(tmp_path))
    assert found is not None and found.text.startswith("Acceptance requires approval")


def test_a_metadata_table_states_no_process(tmp_path: Path) -> None:
    (tmp_path / "0013-general-guidelines.md").write_text(
        "# Proposal: general guidelines\n\n| **Status** | **Accepted** |\n|:--|:--|\n"
        "| **Reviewers** | the core team |\n| **Kind** | RFC |\n",
        encoding="utf-8",
    )
    assert folder_process(str(tmp_path)) is None


def test_a_meeting_of_the_chairs_is_a_mechanism() -> None:
    assert states_process(
        "- The proposal will finally be approved or rejected during a meeting of the SIG chairs."
    )


@pytest.mark.parametrize(
    "header",
    [
        "<table>\n<tr><td> Title </td><td> Proposal Purpose and Guidelines </td>\n</table>",
        "| Title | Proposal Purpose and Guidelines |\n|---|---|",
    ],
)
def test_a_process_record_titled_in_its_header_table_excuses_the_folder(
    tmp_path: Path, header: str
) -> None:
    adr = tmp_path / "feps"
    write_log(adr, ["Accepted"] * 4)
    (adr / "fep-01.md").write_text(
        f"{header}\n\n# Abstract\n\nHow proposals work.\n\n## Resolution\n\n"
        "All FEPs are resolved as Accepted or Rejected depending on the consensus of the"
        " community.\n",
        encoding="utf-8",
    )
    assert gov002(adr) == []


def test_a_front_matter_line_over_its_closing_rule_is_no_title(tmp_path: Path) -> None:
    """``- revised to show the outcome of the working group.`` then ``---``: not a
    reStructuredText title underlined, so the record is no process document."""
    adr = tmp_path / "scps"
    write_log(adr, ["Accepted"] * 4)
    (adr / "027-refactoring.md").write_text(
        "---\nstatus: accepted\nupdates:\n  - revised to show the outcome of the working group."
        "\n---\n\n## Proposer\n\nAna Lima\n\n## Outcome\n\nAfter the board meeting it was"
        " agreed that this proposal is accepted.\n",
        encoding="utf-8",
    )
    assert folder_process(str(adr)) is None


def test_a_process_document_in_a_proposals_own_folder_excuses_the_folder(tmp_path: Path) -> None:
    adr = tmp_path / "proposals"
    write_log(adr, ["Accepted"] * 4)
    (adr / "336").mkdir()
    (adr / "336" / "PROPOSALS.md").write_text(
        "# Purpose\n\nA design review for proposals.\n\n# Lifecycle\n\n"
        "- The pull request is assigned to at least one committer for review.\n"
        "- A design is approved once a committer approves its pull request.\n",
        encoding="utf-8",
    )
    found = folder_process(str(adr))
    assert found is not None and found.file.endswith("PROPOSALS.md")
    assert gov002(adr) == []


def test_a_release_workflow_is_no_decision_process(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "# Release workflow\n\nOnce the PR is approved and merged, the publish workflow"
        " runs the release steps.\n",
        encoding="utf-8",
    )
    assert folder_process(str(tmp_path)) is None


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Each topic is documented in a Discussion Paper, refined until consensus is reached,"
         " and then integrated into the next release.", True),
        ("The PR is assigned to at least one committer for review. Once the PR is approved,"
         " the design is approved.", True),
        ("Once the PR is approved and merged, the publish workflow runs.", False),
    ],
)  # fmt: skip
def test_process_sentences_read_with_the_sentence_before(
    tmp_path: Path, text: str, states: bool
) -> None:
    (tmp_path / "README.md").write_text(f"# How this works\n\n{text}\n", encoding="utf-8")
    assert (folder_process(str(tmp_path)) is not None) is states
