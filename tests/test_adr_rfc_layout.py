"""RFC folders (Rust, React, Yarn and the like) write every part as a top-level heading
("# Summary", "# Motivation", "# Detailed design", "# Alternatives") under a metadata list
and no title: the first part is not the record's title (the file name gives it), and an
RFC with a summary or motivation and the design it proposes is a record even without an
alternatives section."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records import load_file
from decaudit.engine.types import InputError, SourceRecord

_RFC = (
    "- Start Date: 2022-03-25\n- RFC PR: (leave this empty)\n\n# Summary\n\nServer errors "
    "fall back to the client.\n\n# Motivation\n\nPages break today.\n\n# Detailed design\n\n"
    "Render the nearest boundary on the client.\n{more}"
)


def test_the_first_part_is_not_the_title() -> None:
    more = "\n# Alternatives\n\nRetry on the server. It doubles the load.\n"
    rec = read_text(_RFC.format(more=more), name="text/0215-server-errors.md").record
    assert rec.title == "Server errors"


@pytest.mark.parametrize("part", ["Summary", "Motivation", "Introduction"])
def test_a_second_level_first_part_without_a_top_heading_is_not_the_title(part: str) -> None:
    text = _RFC.format(more="").replace("# ", "## ").replace("## Summary", f"## {part}", 1)
    assert read_text(text, name="active-rfcs/0013-composition-api.md").record.title == (
        "Composition api"
    )


def test_a_second_level_first_heading_naming_the_decision_is_the_title() -> None:
    text = "- Start Date: 2022-03-25\n\n## Use Kafka for events\n\n### Decision\n\nTopics.\n"
    assert read_text(text, name="docs/0003-x.md").record.title == "Use Kafka for events"


def test_an_rfc_without_alternatives_is_still_a_record() -> None:
    (src,) = load_file("text/0215-server-errors.md", _RFC.format(more="").encode())
    assert isinstance(src, SourceRecord)
    assert src.record.title == "Server errors"


def test_a_titled_document_keeps_its_title() -> None:
    text = "# Use Kafka\n\n## Summary\n\nEvents.\n\n## Detailed design\n\nTopics.\n"
    assert read_text(text, name="docs/adr/0003-x.md").record.title == "Use Kafka"


def test_a_summary_alone_is_no_record() -> None:
    (err,) = load_file("notes/0001-notes.md", b"# Summary\n\nNotes from the meeting.\n")
    assert isinstance(err, InputError) and err.message.startswith("not a decision record")


@pytest.mark.parametrize(
    "alternatives",
    [
        "Unknown",
        "- Unknown",
        "The alternatives are shown above in the motivation.",
        "Alternatives are discussed in the linked issue.",
        "There are tons of error handling styles, and each library picks its own.",
        "This is a RFC about internal design, and there is little choice.",
        "This proposal is the first step towards fewer errors. Others may follow.",
        "The current design leaves room for retries later on.",
    ],
)
def test_an_alternatives_section_that_gives_none_lists_none(alternatives: str) -> None:
    more = f"\n# Alternatives\n\n{alternatives}\n"
    rec = read_text(_RFC.format(more=more), name="text/0215-server-errors.md").record
    assert [o.title for o in rec.options if not o.chosen] == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Retry on the server. It doubles the load.",
        "There is also the option of retrying on the server. It doubles the load.",
    ],
)
def test_an_alternatives_paragraph_still_names_one(paragraph: str) -> None:
    more = f"\n# Alternatives\n\n{paragraph}\n"
    rec = read_text(_RFC.format(more=more), name="text/0215-server-errors.md").record
    turned = [o.title for o in rec.options if not o.chosen]
    assert len(turned) == 1 and turned[0].lower().endswith("on the server")


@pytest.mark.parametrize(
    ("alternatives", "pointer"),
    [
        ("The alternatives are shown above in the motivation.", True),
        ("See the Detailed design section.", True),
        ("Unknown", False),
    ],
)
def test_a_pointer_to_another_part_gives_the_options_by_reference(
    alternatives: str, pointer: bool
) -> None:
    more = f"\n# Alternatives\n\n{alternatives}\n"
    rec = read_text(_RFC.format(more=more), name="text/0215-server-errors.md").record
    assert bool((rec.model_extra or {}).get("x_options_by_reference")) is pointer


def test_a_feature_name_in_the_metadata_list_is_the_title() -> None:
    text = "- Feature Name: `policy_groups`\n" + _RFC.format(more="")
    rec = read_text(text, name="text/0215-server-errors.md").record
    assert rec.title == "policy_groups"


_ALTERNATIVES = """
# Drawbacks

- One more expression language to learn.

# Alternatives

Users could write a single policy that calls the others. This was rejected because it
needs a custom build for each combination.

Another option is to support groups in the admission controller directly.
"""


def test_alternatives_paragraphs_each_give_one_course() -> None:
    rec = read_text(_RFC.format(more=_ALTERNATIVES), name="text/0215-x.md").record
    others = [o for o in rec.options if not o.chosen]
    assert [o.title for o in others] == [
        "write a single policy that calls the others",
        "support groups in the admission controller directly",
    ]
    assert others[0].rejected_reason == ("it needs a custom build for each combination")
    (chosen,) = [o for o in rec.options if o.chosen]
    assert chosen.cons == ["One more expression language to learn."]


_CONSIDERED = """
# Alternatives Considered

One alternative considered was to pass every setting in the creation call. It was simpler,
but harder to audit.

Another option we explored was moving the settings into a separate contract. This option was
deemed not as optimal as the factory because it required a larger change.

An earlier proposal with one creator contract per game type was also considered but deemed
more complex than necessary.
"""


def test_alternatives_paragraphs_that_say_which_alternative_was_considered() -> None:
    rec = read_text(_RFC.format(more=_CONSIDERED), name="text/0215-x.md").record
    others = [o for o in rec.options if not o.chosen]
    assert [o.title for o in others][:2] == [
        "pass every setting in the creation call",
        "moving the settings into a separate contract",
    ]
    assert len(others) == 3
    assert "deemed not as optimal as the factory" in (others[1].rejected_reason or "")


def test_beside_a_named_course_an_explaining_paragraph_is_no_alternative() -> None:
    more = _ALTERNATIVES.replace(
        "Users could write a single policy that calls the others. This was rejected because it\n"
        "needs a custom build for each combination.",
        "Since operators manage the policies, there are few ways to combine them.",
    )
    rec = read_text(_RFC.format(more=more), name="text/0215-x.md").record
    others = [o.title for o in rec.options if not o.chosen]
    assert others == ["support groups in the admission controller directly"]


@pytest.mark.parametrize(
    "text",
    [
        # an RFC's summary and motivation, no design part
        "- Start Date: 2020-01-21\n\n# Summary\n\nDrop the `$on` API.\n\n# Motivation\n\n"
        "It is rarely used.\n\n# Adoption strategy\n\nA codemod.\n",
        # a proposal's "Why" and "How"
        "## Remove copyright dates\n\n* **Owners:** Ana\n\n## Why\n\nThey go stale.\n\n"
        "## How\n\nDelete them.\n",
        # a title that decides
        "# Using urfave/cli instead of cobra\n\n## Backwards compatibility\n\nFlags stay.\n",
    ],
)
def test_proposals_without_a_decision_part_are_records(text: str) -> None:
    (src,) = load_file("rfcs/0020-x.md", text.encode())
    assert isinstance(src, SourceRecord), src


def test_a_title_that_decides_gives_both_sides() -> None:
    text = "# Using XCTest instead of Quick/Nimble\n\n## Context\n\nTests.\n\n## Decision\n\nOK.\n"
    rec = read_text(text, name="docs/0001-x.md").record
    assert [(o.title, bool(o.chosen)) for o in rec.options] == [
        ("XCTest", True),
        ("Quick/Nimble", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Summary\n\nA summary only.\n",
        "## Why\n\nBecause.\n",  # a why without a how
        "# Using the cache\n\n## Setup\n\nRun it.\n",  # a title that decides nothing
    ],
)
def test_documents_that_propose_nothing_are_still_skipped(text: str) -> None:
    (got,) = load_file("rfcs/0020-x.md", text.encode())
    assert isinstance(got, InputError)


def test_a_document_that_calls_itself_a_proposal_is_a_record() -> None:
    text = (
        "# OpenTelemetry for extra context\n\n## Introduction\n\nUsers cannot see slow steps. "
        "The purpose of this RFC is to add tracing.\n\n## Approach\n\nSpans per step.\n"
    )
    (src,) = load_file("rfc/20250129-tracing.md", text.encode())
    assert isinstance(src, SourceRecord), src


def test_a_numbered_proposal_title_is_a_record() -> None:
    text = "# NAP-10 — Migration of the event system\n\n## Purpose\n\nOne event model.\n"
    (src,) = load_file("naps/10-events.md", text.encode())
    assert isinstance(src, SourceRecord), src


def test_a_rest_field_list_in_a_myst_block_gives_the_metadata() -> None:
    text = (
        "# NAP-10 — Migration of the event system\n\n```{eval-rst}\n"
        ":Author: Ana Lima <ana@example.org>\n:Created: 2026-07-26\n:Status: Draft\n"
        ":Type: Standards Track\n```\n\n## Purpose\n\nOne event model.\n"
    )
    rec = read_text(text, name="naps/10-events.md").record
    assert rec.status == "proposed"
    assert rec.date is not None and rec.date.isoformat() == "2026-07-26"
    plain = text.replace("{eval-rst}", "text")  # any other code block stays code
    assert read_text(plain, name="naps/10-events.md").record.status is None


def test_a_decision_and_consequences_part_is_the_decision() -> None:
    text = (
        "# Development process conventions\n\n### Context and Problem Statement\n\nMeetings "
        "run long.\n\n### Decision and Consequences\n\nTime-box every discussion.\n"
    )
    (src,) = load_file("decisionrecords/Conventions.md", text.encode())
    assert isinstance(src, SourceRecord), src
    assert "Time-box" in (src.record.rationale or "")


def test_a_design_decisions_title_names_a_record_and_its_owners_decide() -> None:
    text = (
        "# Design Decisions: App context\n\nWe pass one context object to every page, not "
        "globals.\n\n## Decision owners\n\n- Ana Lima\n- Bo Chen\n"
    )
    (src,) = load_file("design-decisions/app-context.md", text.encode())
    assert isinstance(src, SourceRecord), src
    assert src.record.title == "App context"
    assert src.record.decision_makers == ["Ana Lima", "Bo Chen"]


def test_proposed_changes_are_the_decision() -> None:
    text = (
        "# RFC 0016 Validate Template Output\n\n## Status\n\nAccepted\n\n## Motivation\n\n"
        "Errors come late.\n\n## Proposed Changes\n\nValidate each template's output.\n"
    )
    rec = read_text(text, name="rfcs/rfc-0016-x.md").record
    assert "Validate each template" in (rec.rationale or "")


def test_drawbacks_that_list_their_points_leave_out_a_worked_example() -> None:
    more = (
        "\n# Drawbacks\n\n- Versions move without code changes.\n- The patch level is unused.\n\n"
        "### A breaking change is introduced\n\nWe then bump every component:\n\n"
        "- Tag the controller\n- Tag the server\n- Tag the CLI\n\n# Alternatives\n\n"
        "Users could version each component alone. This was rejected because nobody can "
        "say which versions work together.\n"
    )
    rec = read_text(_RFC.format(more=more), name="text/0007-x.md").record
    (chosen,) = [o for o in rec.options if o.chosen]
    assert chosen.cons == ["Versions move without code changes.", "The patch level is unused."]


def test_an_alternatives_section_of_template_prompts_names_none() -> None:
    more = (
        "\n# Alternatives\n\n> What other designs have been considered? What is the impact "
        "of not doing this?\n\n> This section could also include prior art.\n"
    )
    rec = read_text(_RFC.format(more=more), name="text/0045-x.md").record
    assert [o.title for o in rec.options if not o.chosen] == []


def test_headings_after_an_alternatives_section_in_prose_are_not_its_options() -> None:
    prose = " ".join(["A mapping is simple but a prefix tree finds partial matches faster."] * 8)
    more = (
        f"\n# Alternatives\n\n{prose}\n\n# Discussion\n\nOn the forum.\n\n# Copyright\n\n"
        "Public domain.\n"
    )
    rec = read_text(_RFC.format(more=more), name="text/0007-x.md").record
    titles = [o.title for o in rec.options]
    assert "Discussion" not in titles and "Copyright" not in titles


_GOES_ON = """
# Alternatives

Instead of setting the default in the defaults file, we could put it in the resolver flag.

However, the resolver flag lives in another namespace, which adds a dependency for the
controllers and brings no benefit.

We can revisit this alternative if the two namespaces are merged.
"""


def test_paragraphs_that_go_on_about_an_alternative_are_not_more_alternatives() -> None:
    rec = read_text(_RFC.format(more=_GOES_ON), name="text/0133-default-resolver.md").record
    others = [o for o in rec.options if not o.chosen]
    assert [o.title for o in others] == ["put it in the resolver flag"]
    assert others[0].cons and others[0].cons[0].startswith("However, the resolver flag")


_ALT_PARAGRAPH = (
    "# Region splitting\n\nStatus: Accepted\n\n## Decision\n\nWe split regions by load.\n\n"
    "## Alternatives\n\n{text}\n"
)


def test_sentences_that_turn_against_an_alternative_are_its_cons() -> None:
    text = (
        "Follower reads can also spread hotspots. However, more followers reduce write "
        "throughput. At the same time, each follower read needs a read index from the "
        "leader. Therefore it suits read-heavy scenarios."
    )
    (alt,) = [o for o in read_text(_ALT_PARAGRAPH.format(text=text)).record.options if not o.chosen]
    assert len(alt.cons) == 2
    assert "write throughput" in alt.cons[0] and "read index" in alt.cons[1]


def test_an_aside_after_a_praising_sentence_is_no_con() -> None:
    text = (
        "Follower reads can also spread hotspots. At the same time, they keep the leader "
        "free for writes."
    )
    (alt,) = [o for o in read_text(_ALT_PARAGRAPH.format(text=text)).record.options if not o.chosen]
    assert not alt.cons
