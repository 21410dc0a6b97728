"""Points written in prose: an alternative's own sentences that judge it ("has the merit
of simplicity, but it is not particularly ergonomic") are its pros and cons, and an RFC's
``# Drawbacks`` part (or an ``## Advantages`` section beside a decision in prose) gives the
chosen design's points. Sentences that judge nothing give none, and a paragraph shared by
several options gives none to any of them."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.prosepoints import judged
from hypothesis import given
from hypothesis import strategies as st

_RFC = (
    "# Summary\n\nScoped styles.\n\n# Motivation\n\nStyles leak.\n\n# Detailed design\n\n"
    "Components take custom properties.\n\n# Drawbacks\n\nTechnically this is a breaking "
    "change.\n\nThere are more drawbacks:\n\n* It relies on globals\n* Old browsers lack it\n\n"
    "# Alternatives\n\n### Do nothing\n\nThis has the merit of simplicity, but it is not "
    "particularly ergonomic.\n\n### Forward the style attribute\n\nStyles pass down. This "
    "arguably breaks encapsulation.\n\n### Props in style\n\nStyles read props. It was "
    "discussed last year.\n"
)


def _points(text: str, name: str = "text/0006-style-properties.md") -> dict[str, tuple]:
    rec = read_text(text, name).record
    return {o.title: (o.chosen, o.pros, o.cons) for o in rec.options}


def test_an_rfc_drawbacks_part_gives_the_design_its_cons() -> None:
    found = _points(_RFC)
    chosen = [v for v in found.values() if v[0]]
    assert len(chosen) == 1
    assert chosen[0][2] == [
        "Technically this is a breaking change.",
        "It relies on globals",
        "Old browsers lack it",
    ]


def test_an_alternatives_judging_sentences_are_its_points() -> None:
    found = _points(_RFC)
    assert found["Do nothing"][1:] == (
        ["This has the merit of simplicity"],
        ["it is not particularly ergonomic"],
    )
    assert found["Forward the style attribute"][1:] == ([], ["This arguably breaks encapsulation"])
    assert found["Props in style"][1:] == ([], [])  # "It was discussed" judges nothing


def test_a_risks_section_is_no_list_of_cons() -> None:
    text = _RFC.replace("# Drawbacks", "# Risks")
    chosen = [v for v in _points(text).values() if v[0]]
    assert chosen[0][2] == []


def test_a_paragraph_naming_two_options_gives_neither_points() -> None:
    text = (
        "# Hosting\n\n## Status\n\nAccepted\n\n## Context\n\nWe have two options for hosting: "
        "ACF AWS and Cloud.gov. ACF AWS is not yet mature, and Cloud.gov is easier to run.\n\n"
        "## Decision\n\nWe will use Cloud.gov.\n"
    )
    for _, pros, cons in _points(text, "docs/adr/0003-hosting.md").values():
        assert (pros, cons) == ([], [])


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("PHP clients are less mature and have no Behat integration", "cons"),
        ("The main drawback of this approach is that rollups lag", "cons"),
        ("It would greatly simplify the deployment", "pros"),
        ("Its performance is not as good as PostgreSQL's", "cons"),
        ("This is the current approach and it is not ideal", "cons"),
        ("This tends to involve a lot of boilerplate", "cons"),
        ("It would require a lot of work to implement", "cons"),
        ("It could cause confusion about error handling", "cons"),
        ("This would be significantly more complex to run", "cons"),
        ("An ideal fit for the data we hold", None),
        ("But this would add complexity", "cons"),
        ("That would lead to undesirable states", "cons"),
        ("It reduces complexity", None),
        ("It would be a drastic change", "cons"),
        ("It may negatively damage the developer experience", "cons"),
        ("Standalone components need less boilerplate", None),
        ("The client library is written in Go", None),
        ("Without TypeScript the editor still offers rich feedback", None),
    ],
)
def test_judging_words(sentence: str, kind: str | None) -> None:
    assert judged(sentence) == kind


@given(st.text(alphabet="abcdefghij ", max_size=60))
def test_words_without_judgement_are_no_point(text: str) -> None:
    assert judged(text) is None


_PARAS = (
    "# Summary\n\nDerived values.\n\n# Motivation\n\nValues go stale.\n\n# Detailed design\n\n"
    "Labels mark reactive statements.\n\n# Alternatives\n\n"
    "The 'do nothing' alternative is to rely on function calls — either way it is costly.\n\n"
    "Or, we could rely on users to recompute values in hooks. This is unergonomic.\n\n"
    "Some people propose using magic functions instead, transforming calls into code.\n\n"
    "I find this very confusing.\n"
)


def test_alternatives_put_forward_in_paragraphs_are_options() -> None:
    found = _points(_PARAS, "text/0003-reactive-declarations.md")
    assert list(found)[:3] == [
        "rely on function calls",
        "rely on users to recompute values in hooks",
        "magic functions",
    ]
    assert found["rely on users to recompute values in hooks"][2] == ["This is unergonomic"]


def test_an_option_heading_that_says_it_was_taken_is_chosen() -> None:
    text = (
        "# Conditionals in JSX\n\n## Background\n\nBugs.\n\n## Options considered\n\n"
        "To avoid these issues, safer alternatives can be used:\n\n### Convert to boolean\n\n"
        "We could convert the condition.\n\n### Ternary operator\n\nThe ternary operator is "
        "a more explicit and safer approach.\n\nThis is what we will use from now onwards.\n"
    )
    rec = read_text(text, "docs/adr/jsx-conditionals.md").record
    assert [(o.title, o.chosen) for o in rec.options] == [
        ("Convert to boolean", False),
        ("Ternary operator", True),
    ]
    assert rec.options[1].pros == ["The ternary operator is a more explicit and safer approach"]


def test_pros_and_cons_under_the_design_and_after_a_parent_name() -> None:
    text = (
        "# Memory use\n\n## Summary\n\nLess memory.\n\n## Proposal\n\nWatch metadata only.\n\n"
        "## Design details\n\n### Implementation\n\nA cache.\n\n### Pros\n\n- less memory\n"
        "- faster start\n\n### Cons\n\n- more API calls\n\n## Alternatives\n\n"
        "### Proposed Solution: Notable Alternatives\n\n#### Paging\n\n##### Drawbacks\n\n"
        "- slow lists\n\n#### Filtering by label\n\n##### Drawbacks\n\n- users must label\n"
    )
    found = _points(text, "design/20221205-memory.md")
    chosen = [(t, v) for t, v in found.items() if v[0]]
    assert chosen == [("Memory use", (True, ["less memory", "faster start"], ["more API calls"]))]
    assert found["Paging"][2] == ["slow lists"]


def test_pros_of_x_and_cons_of_x_headings_name_the_options() -> None:
    text = (
        "# Datastore\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a datastore.\n\n"
        "### Pros of Kine\n\n- works with SQL\n- small\n\n### Cons of Kine\n\n- extra process\n\n"
        "### Advantages of etcd\n\n- standard\n\n### Disadvantages of etcd\n\n- heavy\n\n"
        "## Decision\n\nWe decided to add Kine support.\n"
    )
    found = _points(text, "docs/adrs/007-add-kine-support.md")
    assert found == {
        "Kine": (True, ["works with SQL", "small"], ["extra process"]),
        "etcd": (False, ["standard"], ["heavy"]),
    }


def test_one_subject_of_pros_and_cons_headings_is_no_list_of_options() -> None:
    text = (
        "# Datastore\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a datastore.\n\n"
        "## Decision\n\nWe add Kine.\n\n### Pros of this approach\n\n- small\n\n"
        "### Cons of Kine\n\n- extra process\n"
    )
    assert len(_points(text, "docs/adrs/007-add-kine-support.md")) <= 1


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        ("Adopting a versioned docs system would have several disadvantages:", "Adopting a"),
        ("However, this simple baseline approach has two major drawbacks:", "Simple baseline"),
        ("AMG as a system has several disadvantages that made us go this way:", "AMG"),
    ],
)
def test_a_course_judged_by_the_list_after_it(lead: str, name: str) -> None:
    text = (
        f"# Tutorials lifecycle\n\n## Status\n\nAccepted\n\n## Context\n\nTutorials go stale. "
        f"{lead}\n\n- it needs a build step\n- writers must learn it\n\n## Decision\n\n"
        "We will review tutorials every quarter.\n"
    )
    found = _points(text, "docs/adr/0009-tutorials.md")
    (weighed,) = [t for t, v in found.items() if not v[0]]
    assert weighed.startswith(name)
    assert found[weighed][2] == ["it needs a build step", "writers must learn it"]


@pytest.mark.parametrize(
    "named",
    [
        "An alternative to the policy groups could be to merge the policies into one module.",
        "Another option would be to merge the policies into one module, which we tried.",
    ],
)
@pytest.mark.parametrize("apart", [True, False])
def test_this_approach_has_drawbacks_judges_the_course_named_before(
    named: str, apart: bool
) -> None:
    lead = "This approach has the following drawbacks:"
    text = (
        "# Policy groups\n\n## Status\n\nAccepted\n\n## Decision\n\nWe add policy groups."
        f"\n\n## Alternatives\n\n{named}{chr(10) * 2 if apart else ' '}{lead}\n\n"
        "- a compilation step more\n- larger modules\n"
    )
    found = _points(text, "docs/adr/0021-policy-groups.md")
    (weighed,) = [t for t, v in found.items() if not v[0]]
    assert weighed.lower() == "merge the policies into one module"
    assert found[weighed][2] == ["a compilation step more", "larger modules"]


def test_this_approach_with_benefits_and_no_course_named_before_is_no_option() -> None:
    text = (
        "# Policy groups\n\n## Status\n\nAccepted\n\n## Context\n\nPolicies run alone."
        "\n\n## Decision\n\nWe add policy groups.\n\n"
        "This approach has the following benefits:\n\n- fewer modules\n- one expression\n"
    )
    found = _points(text, "docs/adr/0021-policy-groups.md")
    assert [t for t, v in found.items() if not v[0]] == []  # the decision's own benefits


def test_this_approach_after_what_is_done_today_is_the_current_approach() -> None:
    text = (
        "# Remove snapshots\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "Clients currently upload two snapshot images with every profile.\n\n"
        "However, this approach has several drawbacks:\n\n- slow uploads\n- stale images\n\n"
        "## Decision\n\nProfiles carry no snapshots.\n"
    )
    found = _points(text, "docs/adr/0290-remove-snapshots.md")
    assert found["Current approach"][2] == ["slow uploads", "stale images"]


@pytest.mark.parametrize(
    "lead",
    [
        "However, they have two major drawbacks:",
        "While neat in theory, it has some serious downsides:",
    ],
)
def test_a_pronoun_that_has_drawbacks_names_no_course(lead: str) -> None:
    text = (
        f"# Templates\n\n## Status\n\nAccepted\n\n## Context\n\nTemplates help. {lead}"
        "\n\n- stale\n- hard\n\n## Decision\n\nWe keep them.\n"
    )
    assert all(v[0] for v in _points(text, "docs/adr/0014-templates.md").values())


def test_siblings_of_a_do_nothing_heading_are_the_options() -> None:
    text = (
        "# Issue triage\n\n## Status\n\nProposed\n\n## Context\n\nIssues pile up.\n\n"
        "## Decision\n\nWe triage weekly.\n\n## Consequences\n\nWe have several options.\n\n"
        "### Do Nothing\n\nIssues keep piling up.\n\n### End All Issue Triage\n\nClose it.\n\n"
        "### Triage Weekly\n\nA rota.\n"
    )
    found = _points(text, "decisions/0004-triage.md")
    assert [(t, v[0]) for t, v in found.items()] == [
        ("Do Nothing", False),
        ("End All Issue Triage", False),
        ("Triage Weekly", True),
    ]


def test_a_status_quo_part_among_a_documents_parts_is_no_option() -> None:
    text = (
        "# Making the handbook public\n\n## Status quo\n\nThe intranet is private.\n\n"
        "## Goal\n\nShare what we can.\n\n## Proposed solution\n\nWe create a public "
        "repository.\n\n## Technical implementation\n\nA static site.\n"
    )
    assert _points(text, "rfcs/make-handbook-public/README.md") == {}


def test_headings_without_a_do_nothing_are_no_options() -> None:
    text = (
        "# Issue triage\n\n## Status\n\nProposed\n\n## Context\n\nIssues pile up.\n\n"
        "## Decision\n\nWe triage weekly.\n\n## Consequences\n\n### Costs\n\nTime.\n\n"
        "### Risks\n\nBurnout.\n"
    )
    assert len(_points(text, "decisions/0004-triage.md")) <= 1


@pytest.mark.parametrize("heading", ["Trade-offs", "Tradeoffs"])
def test_a_trade_offs_part_gives_the_design_its_cons(heading: str) -> None:
    text = (
        "# Components as the unit\n\n# Status\n\nAccepted\n\n# Context\n\nAgents need a home. "
        "We considered a dedicated `Agent` resource, but it duplicates the lifecycle."
        "\n\n# Decision\n\n"
        "Agents are packaged as components.\n\n# Benefits\n\n- one lifecycle\n\n"
        f"# {heading}\n\n- components get bigger\n- less freedom for agents\n"
    )
    found = _points(text, "decision-log/ADR-001-components.md")
    chosen = [v for v in found.values() if v[0]]
    assert chosen == [
        (True, ["one lifecycle"], ["components get bigger", "less freedom for agents"])
    ]


def test_each_course_takes_the_list_its_own_short_paragraph_announces() -> None:
    text = (
        "# Event delivery\n\n## Status\n\nAccepted\n\n## Considered options\n\n"
        "We could keep the nightly cron job.\n\n"
        "This approach has the following drawbacks:\n\n- misses events\n- runs late\n\n"
        "We could also move to a queue.\n\n"
        "It has these advantages:\n\n- immediate delivery\n- retries\n\n"
        "## Decision\n\nWe move to a queue.\n"
    )
    found = _points(text, "docs/adr/0031-event-delivery.md")
    cron = next(v for t, v in found.items() if "cron" in t.lower())
    queue = next(v for t, v in found.items() if "queue" in t.lower())
    assert (cron[1], cron[2]) == ([], ["misses events", "runs late"])
    assert (queue[1], queue[2]) == (["immediate delivery", "retries"], [])
