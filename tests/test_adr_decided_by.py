"""Who decided, named in the decision's prose ("it has been decided by Brice Schaffner and
Pascal Barth to ..."), and a decision section headed with a common misspelling
("## Descision")."""

from __future__ import annotations

import pytest
from adr_layout import read_text

RECORD = """# Icon sizes

> Status: accepted

## Context

The viewer has three icon sizes and users ask for a bigger one.

## {heading}

{said}
"""


@pytest.mark.parametrize(
    ("said", "names"),
    [
        (
            "It has been decided by Brice Schaffner and Pascal Barth to add a fourth size.",
            ["Brice Schaffner", "Pascal Barth"],
        ),
        ("This was decided by Ana Lima, Bo Chen and Cy Diaz.", ["Ana Lima", "Bo Chen", "Cy Diaz"]),
        ("The Page Kit team chose to use a fourth size.", ["Page Kit team"]),
        (
            "The Page Kit team chose it. It has been decided by Ana Lima and Bo Chen.",
            ["Ana Lima", "Bo Chen"],  # people named win over the team
        ),
    ],
)
def test_people_named_as_deciding_in_the_decision(said: str, names: list[str]) -> None:
    src = read_text(RECORD.format(heading="Decision", said=said), name="icons.md")
    assert src.record.decision_makers == names
    assert "decision_makers" in (src.record.model_extra or {}).get("x_uncertain", [])


@pytest.mark.parametrize(
    "said",
    [
        "It has been decided by the team to add a fourth size.",  # no person named
        "We add a fourth size, as decided in the review.",
        "The team chose a fourth size.",  # a team with no name
    ],
)
def test_no_person_named_gives_no_deciders(said: str) -> None:
    src = read_text(RECORD.format(heading="Decision", said=said), name="icons.md")
    assert src.record.decision_makers == []


def test_deciders_named_in_the_context_are_not_read() -> None:
    text = RECORD.format(heading="Decision", said="We add a fourth size.").replace(
        "users ask for a bigger one.", "the old sizes were decided by Ana Lima."
    )
    src = read_text(text, name="icons.md")
    assert src.record.decision_makers == []


@pytest.mark.parametrize("heading", ["Descision", "Decison", "Decission"])
def test_a_misspelt_decision_heading_is_the_decision(heading: str) -> None:
    src = read_text(RECORD.format(heading=heading, said="We add a fourth size."), name="i.md")
    assert src.record.rationale == "We add a fourth size."


def test_a_singular_decider_key_names_the_deciders() -> None:
    text = (
        "# Use Keycloak\n\n- Status: accepted\n- Decider: Ana Lima, Bo Chen\n- Date: 2023-09-26\n"
        "\n## Context\n\nWe need permissions.\n\n## Decision\n\nUse Keycloak.\n"
    )
    src = read_text(text, name="2023-09-26-use-keycloak.md")
    assert src.record.decision_makers == ["Ana Lima", "Bo Chen"]


def test_a_heading_that_says_the_record_was_superseded_gives_its_status() -> None:
    text = (
        "# OUTDATED Frontend toolset\n\n## This ADR has been superseded by "
        "[028-updated-toolset](028-updated-toolset.md)\n\n### Considerations\n\nWe need "
        "checks.\n\n## Chosen Decision\n\nUse axe.\n"
    )
    src = read_text(text, name="005-frontend-toolset.md")
    assert src.record.status == "superseded"


def test_a_named_team_that_chose_in_a_record_without_a_decision_section() -> None:
    text = (
        "# Design Decisions: HTML templating\n\nThe Page Kit team chose to use JSX instead "
        "of Handlebars.\n\n## Notes\n\nJSX works on the server and the client.\n"
    )
    src = read_text(text, name="design-decisions/templating.md")
    assert src.record.decision_makers == ["Page Kit team"]


VOTED = """# SSH remoting

Status: Final

## Specification

The remoting cmdlets take a host name and a user name.

## Committee decision

### {heading}

{votes}
"""


@pytest.mark.parametrize("heading", ["Voting Results", "Votes"])
@pytest.mark.parametrize("bullets", [False, True])
def test_a_committee_vote_names_those_who_voted(heading: str, bullets: bool) -> None:
    votes = ["Ana Lima: Accept", "Bo Chen: Reject", "Cara Diaz: Absent", "Dan Eze: Approve"]
    text = "\n".join(f"- {v}" for v in votes) if bullets else "\n\n".join(votes)
    rec = read_text(VOTED.format(heading=heading, votes=text)).record
    assert rec.decision_makers == ["Ana Lima", "Bo Chen", "Dan Eze"]


def test_a_voting_part_with_plus_one_votes_names_those_who_voted() -> None:
    votes = "- Ana Lima: +1\n- Bo Chen: +0 (abstain)\n- Cara Diaz: Didn't vote\n- Dan Eze: -1"
    rec = read_text(VOTED.format(heading="Voting", votes=votes)).record
    assert rec.decision_makers == ["Ana Lima", "Bo Chen", "Dan Eze"]


def test_a_part_of_prose_named_votes_names_nobody() -> None:
    text = "We will count votes in the next release: each user gets one."
    rec = read_text(VOTED.format(heading="Votes", votes=text)).record
    assert not rec.decision_makers


@pytest.mark.parametrize(
    "line",
    [
        "* RFC Approver: [Ana Lima](https://example.org/ana)",
        "- Need Approval From: Ana Lima",
        "| Need Approval From | _Ana Lima_ |",
        "Sign-off: Ana Lima",
    ],
)
def test_an_approver_field_names_the_decision_maker(line: str) -> None:
    head = "| Field | Value |\n|---|---|\n" if line.startswith("|") else ""
    text = f"# Cache the index\n\n{head}{line}\n\n## Decision\n\nWe cache the index.\n"
    rec = read_text(text).record
    assert rec.decision_makers == ["Ana Lima"]


_RESOLVED = (
    "# CEP 12 - Solver plugins\n\nStatus: Accepted\n\n## Specification\n\nSolvers register "
    "through an entry point.\n\n## Resolution\n\nThis was a standard vote.\n\n{said}\n"
)


@pytest.mark.parametrize(
    ("said", "body"),
    [
        (
            '- Among [Steering Council members](x.csv) there are 10 "yes", 0 "no".',
            "Steering Council",
        ),
        (
            "Approved by the Technical Oversight Committee, 7 in favour and 1 against.",
            "Technical Oversight Committee",
        ),
    ],
)
def test_a_resolution_counting_a_bodys_votes_names_the_body(said: str, body: str) -> None:
    src = read_text(_RESOLVED.format(said=said), name="ceps/cep-0012.md")
    assert src.record.decision_makers == [body]
    assert "decision_makers" in (src.record.model_extra or {}).get("x_uncertain", [])


@pytest.mark.parametrize(
    "said",
    [
        "The Steering Council will vote on it next month.",  # no count: not yet decided
        '10 "yes" and 0 "no" were recorded.',  # a count, but no body named
    ],
)
def test_a_resolution_without_a_counted_vote_by_a_body_names_nobody(said: str) -> None:
    src = read_text(_RESOLVED.format(said=said), name="ceps/cep-0012.md")
    assert not src.record.decision_makers


@pytest.mark.parametrize(
    ("heading", "said", "body"),
    [
        ("Resolution", "The Steering Council voted to accept this proposal.", "Steering Council"),
        (
            "Resolution",
            "Accepted by the Technical Oversight Committee.",
            "Technical Oversight Committee",
        ),
        ("Decision", "Approved by the Architecture Board on 2024-03-01.", "Architecture Board"),
        ("Decision", "The Platform Team has approved a fourth size.", "Platform Team"),
    ],
)
def test_a_named_body_that_ruled_on_the_proposal_decided(
    heading: str, said: str, body: str
) -> None:
    src = read_text(RECORD.format(heading=heading, said=said), name="icons.md")
    assert src.record.decision_makers == [body]
    assert "decision_makers" in (src.record.model_extra or {}).get("x_uncertain", [])


@pytest.mark.parametrize(
    "said",
    [
        "The council voted to accept this proposal.",  # a body in lower case names nobody
        "We ask the Steering Council to review this.",  # no ruling
    ],
)
def test_a_body_that_did_not_rule_or_is_not_named_decided_nothing(said: str) -> None:
    src = read_text(RECORD.format(heading="Resolution", said=said), name="icons.md")
    assert src.record.decision_makers == []


def test_a_body_that_ruled_in_the_context_is_not_the_decider() -> None:
    text = RECORD.format(heading="Decision", said="We add a fourth size.").replace(
        "users ask for a bigger one.", "the Design Board approved the old sizes."
    )
    assert read_text(text, name="icons.md").record.decision_makers == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("- Deciders: @lorenyu @shawnvanderjagt", ["@lorenyu", "@shawnvanderjagt"]),
        ("- Deciders: @ana, @bo", ["@ana", "@bo"]),
        ("- Deciders: @ana as the platform lead", ["@ana as the platform lead"]),
    ],
)
def test_handles_separated_by_spaces_are_each_a_decider(line: str, names: list[str]) -> None:
    text = f"# Network layer\n\n{line}\n- Date: 2023-12-01\n\n## Context\n\nVPCs vary.\n"
    assert read_text(text, "infra/2023-12-01-network-layer.md").record.decision_makers == names


@pytest.mark.parametrize("key", ["Design deciders", "Technical decision makers", "Final approvers"])
def test_deciders_named_with_a_qualifier_are_the_decision_makers(key: str) -> None:
    text = (
        f"# Workflow redesign\n\n- **Status:** Accepted\n- **{key}:** Ana Lima, Ben Okafor\n"
        "- **Input:** Cy Doe\n\n## Decision\n\nWe redesign the workflow.\n"
    )
    rec = read_text(text, "adr/0003-workflow.md").record
    assert rec.decision_makers == ["Ana Lima", "Ben Okafor"]


@pytest.mark.parametrize(
    ("front", "deciders"),
    [
        ('reviewers:\n  - "@ben"\n  - "@cy"\n', ["@ben", "@cy"]),
        ('reviewers:\n  - "@ben"\napprovers:\n  - "@dee"\n', ["@dee"]),
    ],
)
def test_a_proposals_reviewers_sign_it_off_when_it_names_no_approvers(
    front: str, deciders: list[str]
) -> None:
    text = (
        f'---\ntitle: Pod state\nauthors:\n  - "@ana"\n{front}status: implementable\n---\n\n'
        "# Pod state\n\n## Proposal\n\nKeep the pod's state across restarts.\n"
    )
    rec = read_text(text, "docs/proposals/20220421-pod-state.md").record
    assert rec.decision_makers == deciders
