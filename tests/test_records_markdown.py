"""MADR (versions 2-4) and Nygard / adr-tools ADRs mapped onto the record model."""

from __future__ import annotations

import textwrap

import pytest
from decaudit.engine.records import load_file
from decaudit.engine.records.adr import map_status
from decaudit.engine.types import InputError, SourceRecord


def load_one(text: str, name: str = "docs/adr/0007-pick-a-queue.md") -> SourceRecord:
    results = load_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"))
    assert len(results) == 1, results
    (src,) = results
    assert isinstance(src, SourceRecord), src
    return src


MADR3 = """
    ---
    status: accepted
    date: 2024-03-01
    deciders: Alice Smith, Bob Jones
    consulted: [Carol]
    ---
    # ADR-0007: Pick a message queue

    ## Context and Problem Statement

    Orders are lost when the mailer is down.

    ## Considered Options

    * RabbitMQ
    * `Kafka` - a log, not a queue
    * [SQS](https://aws.amazon.com/sqs/)

    ## Decision Outcome

    Chosen option: "RabbitMQ", because the team runs it already
    and it supports priorities.

    ## Pros and Cons of the Options

    ### RabbitMQ

    Mature broker.

    * Good, because priorities
    * Bad, because clustering is fiddly

    ### Kafka

    * Good: replay
    * Bad: operational cost
"""


def test_madr3_full_mapping() -> None:
    src = load_one(MADR3)
    rec = src.record
    assert src.format == "madr"
    assert rec.id == "0007-pick-a-queue"
    assert rec.title == "Pick a message queue"
    assert rec.status == "accepted"
    assert str(rec.date) == "2024-03-01"
    assert rec.decision_makers == ["Alice Smith", "Bob Jones"]
    assert rec.model_extra is not None and rec.model_extra["consulted"] == ["Carol"]
    assert rec.context == "Orders are lost when the mailer is down."
    assert rec.rationale == "the team runs it already and it supports priorities."
    assert [o.title for o in rec.options] == ["RabbitMQ", "Kafka", "SQS"]
    assert [o.chosen for o in rec.options] == [True, False, False]
    assert rec.options[1].description == "a log, not a queue"
    assert rec.options[0].description == "Mature broker."
    assert rec.options[0].pros == ["priorities"]
    assert rec.options[0].cons == ["clustering is fiddly"]
    assert rec.options[1].pros == ["replay"]
    assert rec.options[1].cons == ["operational cost"]
    assert rec.chosen_option is None
    # lines: options at their bullets, status in the front matter, title at the heading
    assert [src.line_of(("options", i)) for i in range(3)] == [15, 16, 17]
    assert src.line_of(("status",)) == 2
    assert src.line_of(()) == 7
    assert src.line_of(("options", 0, "cons", 0)) == 31


def test_madr2_metadata_bullets_and_deciders() -> None:
    src = load_one(
        """
        # Use Markdown Architectural Decision Records

        * Status: superseded by [ADR-0005](0005-example.md)
        * Deciders: Oliver, Olga
        * Date: 2019-06-02

        ## Context and Problem Statement

        Which format?

        ## Considered Options

        * [MADR](https://adr.github.io/madr/) 2.1.2
        * Michael Nygard's template

        ## Decision Outcome

        Chosen option: "MADR 2.1.2", because it is lean.
        """
    )
    rec = src.record
    assert src.format == "madr"
    assert rec.status == "superseded"
    assert rec.model_extra is not None
    assert rec.model_extra["status_text"] == "superseded by ADR-0005"
    assert rec.decision_makers == ["Oliver", "Olga"]
    assert str(rec.date) == "2019-06-02"
    assert [o.chosen for o in rec.options] == [True, False]
    assert rec.rationale == "it is lean."


def test_madr4_decision_makers_and_neutral() -> None:
    src = load_one(
        """
        ---
        status: "proposed"
        date: 2025-01-10
        decision-makers:
          - Dana
          - Eve
        informed: everyone
        ---

        # Sell parts online

        ## Considered Options

        * **Dealers only** - status quo
        * **Own shop** - direct to consumers

        ## Decision Outcome

        Chosen option: "Own shop", because customers want it.

        ## Pros and Cons of the Options

        ### Own shop

        * Good, because data
        * Neutral, because a small team is needed
        * Bad, because channel conflict
        """
    )
    rec = src.record
    assert rec.status == "proposed"
    assert rec.decision_makers == ["Dana", "Eve"]
    assert rec.model_extra is not None and rec.model_extra["informed"] == ["everyone"]
    assert [(o.title, o.description, o.chosen) for o in rec.options] == [
        ("Dealers only", "status quo", False),
        ("Own shop", "direct to consumers", True),
    ]
    own = rec.options[1]
    assert own.model_extra == {"neutral": ["a small team is needed"]}
    assert own.pros == ["data"] and own.cons == ["channel conflict"]


@pytest.mark.parametrize(
    "heading", ["Considered Options", "Options Considered", "Alternatives", "2. Alternatives"]
)
def test_option_heading_spellings(heading: str) -> None:
    src = load_one(
        f"""
        ---
        status: accepted
        ---
        # Pick a thing

        ## {heading}

        - First thing
        - Second thing

        ## Decision Outcome

        Chosen option: Second thing, because it is better.
        """
    )
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("First thing", False),
        ("Second thing", True),
    ]
    assert src.record.rationale == "it is better."


def test_rejected_alternatives_give_reasons() -> None:
    src = load_one(
        """
        # 4. Adopt GraphQL

        ## Status

        Accepted

        ## Decision

        Chosen option: "GraphQL gateway", because clients need flexible queries.

        ## Considered Options

        * GraphQL gateway

        ## Rejected Alternatives

        * REST with sparse fieldsets - too many endpoints to maintain
        * gRPC
          * browsers need a proxy
        * GraphQL gateway - listed twice, stays one option
        """
    )
    opts = src.record.options
    assert [o.title for o in opts] == ["GraphQL gateway", "REST with sparse fieldsets", "gRPC"]
    assert [o.chosen for o in opts] == [True, False, False]
    assert opts[1].rejected_reason == "too many endpoints to maintain"
    assert opts[2].rejected_reason == "browsers need a proxy"
    assert src.record.title == "Adopt GraphQL"


@pytest.mark.parametrize(
    ("line", "title", "because"),
    [
        ('Chosen option: "Option B", because it is cheaper.', "Option B", "it is cheaper."),
        ("Chosen option: Option B, because it is cheaper.", "Option B", "it is cheaper."),
        ('Chosen option: "[Option B]", because it is cheaper', "Option B", "it is cheaper"),
        ("Chosen option: [Option B](#option-b), because X.", "Option B", "X."),
        ("**Chosen option:** `Option B`, because X", "Option B", "X"),
        ("Chosen option: “Option B”, because X", "Option B", "X"),
        ("Chosen option: option b.", "Option B", None),
    ],
)
def test_chosen_option_forms(line: str, title: str, because: str | None) -> None:
    src = load_one(
        f"""
        ---
        status: accepted
        ---
        # Choose

        ## Considered Options

        * Option A
        * Option B

        ## Decision Outcome

        {line}
        """
    )
    chosen = [o.title for o in src.record.options if o.chosen]
    assert chosen == [title]
    assert src.record.rationale == because
    assert src.line_of(("options", 1, "chosen")) == 13


def test_chosen_option_not_listed_is_kept_not_invented() -> None:
    src = load_one(
        """
        ---
        status: accepted
        ---
        # Choose

        ## Considered Options

        * Option A
        * Option B

        ## Decision Outcome

        Chosen option: "Option C", because nobody liked A or B.
        """
    )
    assert [o.chosen for o in src.record.options] == [False, False]
    assert src.record.chosen_option == "Option C"
    assert src.line_of(("chosen_option",)) == 13


def test_ambiguous_partial_match_is_not_guessed() -> None:
    src = load_one(
        """
        ---
        status: accepted
        ---
        # Choose

        ## Considered Options

        * Use Postgres for orders
        * Use Postgres for billing

        ## Decision Outcome

        Chosen option: "Postgres", because it is known.
        """
    )
    assert [o.chosen for o in src.record.options] == [False, False]
    assert src.record.chosen_option == "Postgres"


def test_partial_match_when_unique() -> None:
    src = load_one(
        """
        ---
        status: accepted
        ---
        # Choose

        ## Considered Options

        * Use PostgreSQL 15
        * Use MongoDB

        ## Decision Outcome

        Chosen option: "PostgreSQL 15", because it is known.
        """
    )
    assert [o.chosen for o in src.record.options] == [True, False]


NYGARD = """
    # 12. Split the monolith billing module

    Date: 2022-11-03

    ## Status

    Superseded by [15. Buy a billing platform](0015-buy-a-billing-platform.md)

    ## Context

    Billing releases block every other team.

    ## Decision

    We will move billing into its own service.

    It owns the invoices table.

    ## Consequences

    Two deployments instead of one.
"""


def test_nygard_mapping() -> None:
    src = load_one(NYGARD, name="doc/adr/0012-split-billing.md")
    rec = src.record
    assert src.format == "nygard"
    assert rec.id == "0012-split-billing"
    assert rec.title == "Split the monolith billing module"
    assert str(rec.date) == "2022-11-03"
    assert rec.status == "superseded"
    assert rec.context == "Billing releases block every other team."
    assert rec.rationale == (
        "We will move billing into its own service.\n\nIt owns the invoices table."
    )
    assert rec.options == []
    assert rec.model_extra is not None
    assert rec.model_extra["consequences"] == "Two deployments instead of one."
    assert src.line_of(("status",)) == 7
    assert src.line_of(("rationale",)) == 13


def test_nygard_with_alternatives_section() -> None:
    text = NYGARD.replace(
        "## Consequences",
        "## Alternatives\n\n    * Keep the monolith\n    * Rewrite\n\n    ## Consequences",
    )
    src = load_one(text)
    # the decision is stated in prose and the alternatives are the options it rejected
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("Keep the monolith", False),
        ("Rewrite", False),
        ("Split the monolith billing module", True),
    ]
    assert src.record.model_extra is not None
    assert src.record.model_extra["x_uncertain"] == ["chosen", "options[2]"]


def test_stdin_id_from_title_number() -> None:
    results = load_file("-", textwrap.dedent(NYGARD).lstrip().encode())
    (src,) = results
    assert isinstance(src, SourceRecord)
    assert src.record.id == "ADR-0012"


def test_comments_and_code_fences_are_ignored() -> None:
    src = load_one(
        """
        ---
        status: accepted
        ---
        # Choose

        <!-- ## Considered Options
        * Not an option -->

        ## Considered Options

        * Real option

        ```
        * not an option either
        ## Not a heading
        ```
        """
    )
    assert [o.title for o in src.record.options] == ["Real option"]


def test_unknown_status_and_date_are_kept_as_text() -> None:
    src = load_one(
        """
        ---
        status: "under the weather"
        date: last spring
        ---
        # Odd metadata

        ## Decision Outcome

        Nothing decided yet.
        """
    )
    rec = src.record
    assert rec.status is None and rec.date is None
    assert rec.model_extra is not None
    assert rec.model_extra["status_text"] == "under the weather"
    assert rec.model_extra["date_text"] == "last spring"


@pytest.mark.parametrize(
    ("title", "extra"),
    [
        ("{short title of solved problem}", ""),
        ("ADR Template", ""),
        ("Title", ""),
        ("ADRxxx: Decision Record Title (a description of the decision)", ""),
        ("Decision record template by Someone", ""),
        (
            "Pick a queue",
            "\n\n## Considered Options\n\n* {title of option 1}\n* {title of option 2}",
        ),
    ],
)
def test_templates_are_not_decisions(title: str, extra: str) -> None:
    text = f"---\nstatus: accepted\n---\n# {title}\n\n## Decision\n\nx{extra}\n"
    (err,) = load_file("adr/x.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert err.message.startswith("a template, not a decision record")


@pytest.mark.parametrize(
    "text",
    [
        "# CEP 0 - A short title of the proposal\n\nStatus: Draft\n\n## Abstract\n\nx\n",
        "# Solver plugins\n\n- Status: Draft | Proposed | Accepted | Rejected\n\n"
        "## Specification\n\nx\n",
    ],
)
def test_a_proposal_template_is_no_decision(text: str) -> None:
    (err,) = load_file("ceps/cep-0000.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert err.message.startswith("a template, not a decision record")


def test_a_template_in_another_script_with_a_number_blank_is_no_decision() -> None:
    text = (
        "# ADR-XXXX: <ชื่อการตัดสินใจ>\n\n## Status\nProposed | Accepted | Deprecated | "
        "Superseded by ADR-XXXX\n\n## Context\nอะไรคือปัญหา\n\n## Decision\nตัดสินใจอะไร\n"
    )
    (err,) = load_file("docs/adr/0000-adr-template.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert err.message.startswith("a template, not a decision record")


def test_a_status_choice_list_names_no_deciding_body() -> None:
    context = " ".join(["Builds fail when the cache is cold and nobody knows why."] * 5)
    text = (
        "# Use a cache\n\n## Status\n\nProposed | Accepted | Superseded by ADR-0005\n\n"
        f"## Context\n\n{context}\n\n## Decision\n\nWe add a cache.\n"
    )
    (src,) = load_file("docs/adr/0004-cache.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)
    assert not src.record.decision_makers


def test_a_status_naming_two_states_is_no_template() -> None:
    text = "# Solver plugins\n\n- Status: Accepted / Implemented\n\n## Specification\n\nx\n"
    (src,) = load_file("ceps/cep-0012.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_a_decision_about_templates_is_a_decision() -> None:
    src = load_one("# Use Apache Velocity as template engine\n\n## Status\n\nAccepted\n")
    assert src.record.status == "accepted"


def test_front_matter_model_fields_pass_through_and_are_validated() -> None:
    text = (
        "---\nstatus: accepted\nproject_type: it-system\norigin: sideways\n---\n"
        "# T\n\n## Decision Outcome\n\nx\n"
    )
    (err,) = load_file("a.md", text.encode())
    assert str(err) == "a.md:4: origin: must be one of: bottom-up, top-down"
    ok = load_file("a.md", text.replace("sideways", "bottom-up").encode())
    assert isinstance(ok[0], SourceRecord)
    assert ok[0].record.project_type == "it-system"


def test_not_an_adr_is_an_error_when_named() -> None:
    (err,) = load_file("README.md", b"# Our ADRs\n\nSee the numbered files.\n")
    assert isinstance(err, InputError)
    assert str(err).startswith("README.md: not a decision record")


def test_not_an_adr_is_reported_skipped_when_walked() -> None:
    (skip,) = load_file("notes.md", b"# Our ADRs\n", explicit=False)
    assert isinstance(skip, InputError) and skip.kind == "skipped"
    assert skip.message.startswith("not a decision record")


def test_broken_front_matter_names_line() -> None:
    (err,) = load_file("x.md", b"---\nstatus: [accepted\n---\n# T\n")
    assert isinstance(err, InputError)
    assert err.line is not None and err.line >= 2
    assert "front matter" in err.message


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("Accepted", "accepted"),
        ("proposed", "proposed"),
        ("Deprecated", "withdrawn"),
        ("Superseded by ADR-0009", "superseded"),
        ("Rejected", "rejected"),
        ("DRAFT", "proposed"),
        ("Implemented", "implemented"),
        ("Withdrawn", "withdrawn"),
        ("On hold", "proposed"),
        ("Active", "accepted"),
        ("Agreed", "accepted"),
        ("Approved (by TSC vote on 3/25/21)", "accepted"),
        ("{proposed | accepted}", None),
        ("Superseded by [ADR-0009](0009-x.md)", "superseded"),
        ("Partially Implemented", "accepted"),  # decided, not all carried out
        ("`Partially implemented`", "accepted"),
        ("implementable", "accepted"),  # a KEP's stages
        ("provisional", "proposed"),
        ("Merged", "accepted"),
        ("Postponed", None),  # kept as written: neither decided nor turned down
    ],
)
def test_status_mapping(raw: str, status: str | None) -> None:
    assert map_status(raw)[0] == status


def test_heading_levels_are_relative() -> None:
    # title at level 2, sections at level 3
    src = load_one(
        """
        ## 5. Cache product pages

        ### Status

        Accepted

        ### Context

        Slow pages.

        ### Decision

        We will cache at the edge.
        """
    )
    assert src.record.title == "Cache product pages"
    assert src.record.status == "accepted"
    assert src.record.context == "Slow pages."
    # title at level 1, sections at level 3, subsections deeper
    src = load_one(
        """
        # Pick a queue

        ### Considered Options

        * A
        * B

        ### Decision Outcome

        Chosen option: "B", because it is simpler.

        #### Consequences

        * Good, because fewer moving parts
        """
    )
    assert [(o.title, o.chosen) for o in src.record.options] == [("A", False), ("B", True)]


def test_setext_headings() -> None:
    src = load_one(
        """
        Pick a queue
        ============

        Considered Options
        ------------------

        * A
        * B

        Decision Outcome
        ----------------

        Chosen option: A, because it is there.
        """
    )
    assert src.record.title == "Pick a queue"
    assert [(o.title, o.chosen) for o in src.record.options] == [("A", True), ("B", False)]


def test_adr_without_title_takes_its_file_name() -> None:
    text = "## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nWe will.\n"
    (src,) = load_file("adr/0004-use-a-queue.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert src.record.title == "Use a queue"
    assert src.record.status == "accepted"


def test_adr_without_h1_takes_its_first_heading() -> None:
    text = "## Use a queue\n\n* Status: accepted\n\n## Decision\n\nWe will.\n"
    (src,) = load_file("x.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert src.record.title == "Use a queue"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-01-02", "2024-01-02"),
        ("14/02/2016", "2016-02-14"),  # adr-tools' old default, dd/mm/yyyy
        ("07/11/2016", "2016-11-07"),
        ("02/14/2016", "2016-02-14"),  # only valid as mm/dd/yyyy
        ("2024/3/5", "2024-03-05"),
        ("2 March 2024", "2024-03-02"),
        ("March 2, 2024", "2024-03-02"),
    ],
)
def test_adr_date_forms(raw: str, iso: str) -> None:
    src = load_one(f"# 1. T\n\nDate: {raw}\n\n## Status\n\nAccepted\n\n## Decision\n\nX.\n")
    assert str(src.record.date) == iso


def test_pros_and_cons_under_headings_one_level_too_high() -> None:
    src = load_one(
        """
        # Use YAML front matter

        ## Considered Options

        * Use YAML front matter
        * Use plain markdown everywhere

        ## Decision Outcome

        Chosen option: "Use YAML front matter", because comes out best.

        ## Pros and Cons of the Options

        ## Use YAML front matter

        Example:

        ```markdown
        * Good, because this is code, not a pro
        ```

        * Good, because it shortens the body
        * Bad, because rendering is not standardized

        ## Use plain markdown everywhere

        * Good, because all parsers can handle it
        """
    )
    first, second = src.record.options
    assert first.pros == ["it shortens the body"]
    assert first.cons == ["rendering is not standardized"]
    assert first.description is None
    assert second.pros == ["all parsers can handle it"]


@pytest.mark.parametrize(
    ("decision", "chosen"),
    [
        ("We will keep the monolith for now.", ["Keep the monolith"]),
        ("We will rewrite, not keep the monolith.", ["Rewrite"]),  # the other is negated
        ("We will rewrite or keep the monolith.", []),  # names two options: nothing marked
        # names none: the decision itself is the chosen option
        ("We will think again next quarter.", ["Split the monolith billing module"]),
    ],
)
def test_nygard_decision_naming_one_option_chooses_it(decision: str, chosen: list[str]) -> None:
    text = (
        NYGARD.replace("We will move billing into its own service.", decision)
        .replace("It owns the invoices table.", "")
        .replace(
            "## Consequences",
            "## Alternatives\n\n    * Keep the monolith\n    * Rewrite\n\n    ## Consequences",
        )
    )
    src = load_one(text)
    assert [o.title for o in src.record.options if o.chosen] == chosen


def test_options_as_a_table() -> None:
    src = load_one(
        """
        ---
        status: accepted
        ---
        # Pick a host

        ## Considered Options

        | Option | Cost | Notes |
        | --- | ---: | --- |
        | Own data centre | high | we run it |
        | Public cloud | medium | |

        ## Decision Outcome

        Chosen option: "Public cloud", because it scales.
        """
    )
    opts = src.record.options
    assert [(o.title, o.description, o.chosen) for o in opts] == [
        ("Own data centre", "high; we run it", False),
        ("Public cloud", "medium", True),
    ]
    assert src.line_of(("options", 1)) == 11


def test_options_as_subsections() -> None:
    src = load_one(
        """
        ---
        status: proposed
        ---
        # Support model

        ## Considered Options

        ### Keep the in-house team

        Sixty agents, no change.

        * Good, because no transition
        * Bad, because waiting times grow

        ### Outsource to a provider

        * Bad, because the works council objects

        ## Decision Outcome

        Chosen option: "Outsource to a provider", because it is cheaper.
        """
    )
    opts = src.record.options
    assert [(o.title, o.chosen) for o in opts] == [
        ("Keep the in-house team", False),
        ("Outsource to a provider", True),
    ]
    assert opts[0].description == "Sixty agents, no change."
    assert opts[0].pros == ["no transition"]
    assert opts[1].cons == ["the works council objects"]
    assert src.line_of(("options", 1)) == 15


_OTHER_WORDS = ("Involved", "Participants", "Accountable", "Signed off by", "Contributors")


@pytest.mark.parametrize("key", [*_OTHER_WORDS, "Owner", "Shepherd team", "Shepherds"])
@pytest.mark.parametrize("as_heading", [False, True])
def test_deciders_under_other_templates_words(key: str, as_heading: bool) -> None:
    names = "Ana Smith, Bo Jones"
    people = f"## {key}\n\n{names}\n" if as_heading else f"* {key}: {names}\n"
    src = load_one(
        f"# Use NATS\n\n* Status: accepted\n\n{people}\n## Context\n\nServices talk.\n\n"
        "## Decision\n\nWe use NATS.\n"
    )
    assert src.record.decision_makers == ["Ana Smith", "Bo Jones"]


@pytest.mark.parametrize(
    ("footer", "deciders", "date"),
    [
        (
            "---\n\n**Date:** 2026-03-25\n**Decision Makers:** Platform Team\n",
            ["Platform Team"],
            "2026-03-25",
        ),
        ("**Decision Makers:** Platform Team\n", ["Platform Team"], None),
        # a closing paragraph with any other line is prose, not metadata
        ("Thanks to all.\n**Decision Makers:** Platform Team\n", [], None),
        ("**Reviewed:** yes\n", [], None),
    ],
)
def test_a_closing_paragraph_of_record_keys_is_metadata(
    footer: str, deciders: list[str], date: str | None
) -> None:
    src = load_one(
        "# Use NATS\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use NATS.\n\n"
        "## References\n\n- the NATS docs\n\n" + footer
    )
    assert src.record.decision_makers == deciders
    assert (src.record.date.isoformat() if src.record.date else None) == date


def test_an_author_is_no_decider() -> None:
    src = load_one("# Use NATS\n\n* Author: Ana Smith\n\n## Decision\n\nWe use NATS.\n")
    assert src.record.decision_makers == []


@pytest.mark.parametrize(
    ("stage", "status"),
    [
        ("**2 (candidate)**", "proposed"),
        ("0 (strawperson)", "proposed"),
        ("3 (finished)", "accepted"),
        ("X (abandoned)", "withdrawn"),
    ],
)
def test_a_staged_rfc_takes_its_status_from_its_stage(stage: str, status: str) -> None:
    src = load_one(
        f"# 0034: Device fields\n\n- Stage: {stage}\n- Date: 2022-08-16\n\n## Summary\n\n"
        "New fields for devices.\n\n## Fields\n\nSome fields.\n"
    )
    assert src.record.status == status


def test_a_stage_that_is_no_process_stage_makes_no_record() -> None:
    (got,) = load_file(
        "docs/deploy.md",
        b"# Deploy\n\n- Stage: production\n\n## Summary\n\nHow we deploy.\n",
        explicit=False,
    )
    assert isinstance(got, InputError)


def test_a_document_whose_parts_hold_only_comments_is_a_template() -> None:
    text = (
        "# Use a queue\n\n## Status\n\n<!-- proposed, accepted -->\n\n## Context\n\n"
        "<!-- What is the issue? -->\n\n## Decision\n\n<!-- What is the change? -->\n"
    )
    (err,) = load_file("adr/x.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert "no part has any text" in err.message


@pytest.mark.parametrize("title", ["Title case for headings", "Use a title bar"])
def test_a_title_that_only_mentions_titles_is_a_record(title: str) -> None:
    text = f"# {title}\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do it.\n"
    (src,) = load_file("adr/x.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_a_placeholder_date_makes_a_template() -> None:
    text = "# Use a queue\n\nDate: YYYY-MM-DD\n\n## Status\n\nAccepted\n\n## Decision\n\nx\n"
    (err,) = load_file("adr/x.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and "placeholder date" in err.message


@pytest.mark.parametrize(
    "body",
    [
        "## Context\n\n" + " ".join(["Plugins are deployed by hand on each cluster today."] * 6),
        "## Context and Problem Statement\n\n"
        + " ".join(["Plugins are deployed by hand on each cluster today."] * 6),
    ],
)
def test_a_written_draft_that_kept_a_placeholder_date_is_a_record(body: str) -> None:
    text = f"# Plugin lifecycle\n\n- Status: draft\n- Date: [YYYY-MM-DD when updated]\n\n{body}\n"
    (src,) = load_file("adr/013-plugin-lifecycle.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord) and src.record.status == "proposed"


def test_a_first_heading_that_is_the_status_is_no_title() -> None:
    text = (
        "ADR-007 - Data resources\n\nDate: 2026-03-11\n\n# Status\n\nProposed\n\n"
        "# Context\n\nWorkloads need data.\n\n# Data access\n\nThrough a gateway.\n"
    )
    (src,) = load_file("adr/ADR-007-data-resources.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord) and src.record.status == "proposed"


def test_handles_named_on_the_status_line_are_deciders() -> None:
    src = load_one(
        "# Use Salesforce\n\n## Status\n\n*Accepted*, decided by @stuartm and @paulm on "
        "2020-02-18\n\n## Decision\n\nWe use Salesforce.\n"
    )
    assert src.record.decision_makers == ["@stuartm", "@paulm"]


def test_a_template_whose_examples_read_as_options_is_still_a_template() -> None:
    text = (
        "# A short descriptive title\n\n- Status: Proposed | Accepted\n- Deciders: People\n"
        "- Date: Proposal date (dd.MM.yyyy)\n\n## Problem context\n\nThe problem you want to "
        "solve.\n\n## Alternatives considered\n\n- A1: A solution to the problem.\n"
        "- A2: Another solution to the problem.\n"
    )
    (err,) = load_file("adr/yyyy-mm-dd-template.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and "template" in err.message


@pytest.mark.parametrize("title", ["Use uniform ADR template", "Choose Vgv Core as app template"])
def test_a_record_that_decides_on_a_template_is_a_record(title: str) -> None:
    text = f"# {title}\n\n## Status\n\nProposed\n\n## Context\n\nWe need one.\n\n"
    text += "## Decision\n\nGo.\n"
    (src,) = load_file("adr/adr-0002-x.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_options_in_braces_with_a_reasoned_choice_were_filled_in() -> None:
    text = (
        "# What to cut\n\n## Context and Problem Statement\n\nWe are late.\n\n"
        "## Considered Options\n\n* {Cut the bone tossing}\n* {Cut everything but tarot}\n\n"
        '## Decision Outcome\n\nChosen option: "{Cut everything but tarot}", because it is '
        "the best way to focus the whole group on one idea before the sprint ends.\n"
    )
    (src,) = load_file("adr/060423-design-update.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)
    assert [o.chosen for o in src.record.options] == [False, True]


@pytest.mark.parametrize("design", ["Guide-level explanation", "Explanation"])
def test_an_rfc_with_an_explanation_part_is_a_record(design: str) -> None:
    text = (
        "# Summary\n\nTeams.\n\n# Motivation\n\nWe grow.\n\n"
        f"# {design}\n\nEach team has leads.\n\n# Drawbacks\n\n* More process.\n"
    )
    (src,) = load_file("rfcs/0006-governance.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_a_title_part_under_a_kind_of_document_heading_is_the_title() -> None:
    text = (
        "# Architecture Decision Record\n\n## Title\nUse JTE as the template engine\n\n"
        "## Status\nAccepted\n\n## Decision\nWe will use JTE.\n"
    )
    (src,) = load_file("docs/adr/0004-template-engine.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)
    assert src.record.title == "Use JTE as the template engine"


@pytest.mark.parametrize(
    ("title", "template"),
    [
        ("Template", True),
        ("Template RFC", True),
        ("ADR template: Title", True),
        ("DR Template: This is the template to be used for writing DRs", True),
        ("Design record template", True),
        ("Template engine", False),
        ("DR template engine choice", False),
        ("Templates for emails", False),
    ],
)
def test_only_a_title_that_names_a_template_makes_one(title: str, template: bool) -> None:
    text = f"# {title}\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do it.\n"
    (got,) = load_file("docs/adr/x.md", text.encode(), explicit=False)
    assert isinstance(got, InputError) is template


@pytest.mark.parametrize(
    ("title", "template"),
    [
        ("ADR Format Template", True),
        ("Open Data Hub - Architecture Decision Record template", True),
        ("ADR 0012: Plugin Manifest Third-Party Service Template", False),
        ("Email template", False),
    ],
)
def test_a_title_ending_in_template_names_one_only_of_records(title: str, template: bool) -> None:
    text = f"# {title}\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do it.\n"
    (got,) = load_file("docs/adr/x.md", text.encode(), explicit=False)
    assert isinstance(got, InputError) is template


def test_a_title_heading_over_the_records_parts_gives_its_paragraph() -> None:
    text = (
        "# Title\n\nAuthentication\n\n## Context\n\nWe need logins.\n\n## Decision\n\nUse Auth0.\n"
    )
    (src,) = load_file("adr/0006Authentication.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord) and src.record.title == "Authentication"


def test_a_title_heading_over_guidance_stays_a_template() -> None:
    text = "# Title\n\nDate: DATE\n\n## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat?\n"
    (got,) = load_file("adr/template.md", text.encode(), explicit=False)
    assert isinstance(got, InputError) and "template" in got.message


def test_a_bracketed_title_of_a_dated_record_is_its_title() -> None:
    text = (
        "# [Design Guideline]\n\n* Status: accepted\n* Date: 2021-04-14\n\n## Context\n\n"
        "We are creating a design guideline.\n\n## Decision\n\nFollow the rules.\n"
    )
    (src,) = load_file("adr/0017-theme.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord) and src.record.title == "[Design Guideline]"


def test_an_implementation_status_gives_the_status_when_nothing_else_does() -> None:
    text = """
        ## Remote write retries

        * **Owners:** Jane Doe
        * **Implementation Status:** `Partially implemented`

        ## How

        Retry with backoff.
        """
    assert load_one(text).record.status == "accepted"
    both = text.replace("* **Owners:**", "* **Status:** Rejected\n        * **Owners:**")
    assert load_one(both).record.status == "rejected"


@pytest.mark.parametrize("author", ["Author", "Authors", "Proposed by"])
def test_contributors_beside_an_author_are_co_authors_not_deciders(author: str) -> None:
    src = load_one(
        f"# Type aliases\n\n* **Type**: Design proposal\n* **{author}**: Dmitry Orlov\n"
        "* **Contributors**: Ana Smith, Bo Jones\n* **Status**: Accepted\n\n## Motivation\n\n"
        "Long types.\n\n## Decision\n\nWe add type aliases.\n"
    )
    assert src.record.decision_makers == []
    assert src.record.proposed_by == ["Dmitry Orlov"]


_PIPED = "**Owner** [Rich Lander](https://example.org/rl) | [Nick Guerrera](https://example.org/ng)"
_GLUED = (
    "**Owner** [Ana Smith](https://example.org/as) |\n"
    "**Work Items** [Framework](https://example.org/1) |\n[Compiler](https://example.org/2) |"
)


@pytest.mark.parametrize(
    ("lines", "owners"), [(_PIPED, ["Rich Lander", "Nick Guerrera"]), (_GLUED, ["Ana Smith"])]
)
def test_owner_lines_led_by_bold_labels_and_pipes(lines: str, owners: list[str]) -> None:
    src = load_one(f"# Better obsoletion\n\n{lines}\n\n## Decision\n\nWe add diagnostic ids.\n")
    assert src.record.decision_makers == owners


def test_a_last_updated_date_is_kept_beside_the_created_date() -> None:
    src = load_one(
        "---\nStatus: Draft\nCreated: 2026-01-24\nLast Updated: 2026-07-06\n---\n\n"
        "# P-256 signature checks\n\n## Summary\n\nA host function.\n\n## Decision\n\nAdd it.\n"
    )
    assert str(src.record.date) == "2026-01-24"
    assert (src.record.model_extra or {}).get("x_updated") == "2026-07-06"


@pytest.mark.parametrize(
    "text",
    [
        "## Board Meeting Summary\n\n3 March\n\n### Budget\n\nThe board agreed to the budget."
        "\n\n### Hiring\n\nWe discussed the options for a new hire.\n\n## Decision\n\nx\n",
        "# Minutes of the steering group\n\n## Decisions\n\nAdopt the new release cadence.\n",
        "# Infrastructure Team Meeting 2025-04-02\n\n## Decision\n\nMove CI to the new runners.\n",
        "# Weekly sync\n\n## Attendees\n\nAna, Bo\n\n## Agenda\n\n1. CI\n\n## Decision\n\nx\n",
    ],
)
def test_meeting_minutes_are_skipped_with_their_reason(text: str) -> None:
    (err,) = load_file("notes/2025-04-02.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert err.message.startswith("meeting minutes, not a decision record")


@pytest.mark.parametrize(
    "text",
    [
        "# Hold a weekly architecture meeting\n\nStatus: Accepted\n\n## Decision\n\nWe meet.\n",
        "# Meeting room booking service\n\n## Status\n\nAccepted\n\n## Decision\n\nx\n",
        "---\nstatus: accepted\n---\n# Board meeting minutes format\n\n## Decision\n\nx\n",
        "# Minutes retention policy\n\n## Status\n\nAccepted\n\n## Decision\n\nKeep 2 years.\n",
    ],
)
def test_a_decision_about_meetings_is_still_a_decision(text: str) -> None:
    (src,) = load_file("adr/0007-meetings.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_a_template_is_known_by_its_metadata_blanks_whatever_its_guidance_says() -> None:
    """Front matter that lists the statuses to pick from and leaves a date blank is a
    template's, over any amount of guidance text (and behind a licence comment)."""
    text = (
        "<!--\nSPDX-License-Identifier: Apache-2.0\n-->\n\n---\ntitle: neat-idea\n"
        "creation-date: yyyy-mm-dd\nstatus: provisional|implementable|implemented|declined\n"
        "---\n\n# Neat Idea\n\n## Summary\n\n"
        + "Describe the change and why it matters. " * 20
        + "\n\n## Proposal\n\nSay what you propose.\n"
    )
    (err,) = load_file("proposals/guidelines/proposal-template.md", text.encode(), explicit=False)
    assert isinstance(err, InputError) and err.kind == "skipped"
    assert "placeholder status 'provisional|implementable|implemented|declined'" in err.message


def test_a_record_with_one_blank_is_still_read() -> None:
    text = (
        "---\ntitle: cache\ncreation-date: yyyy-mm-dd\nstatus: implementable\n---\n\n"
        "# Cache builds\n\n## Proposal\n\nCache the layers of every build.\n"
    )
    (src,) = load_file("proposals/0007-cache.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)


def test_a_label_on_the_line_after_a_list_starts_a_new_list() -> None:
    """ "- No network overhead" then "**CONS**" with no blank line: CommonMark makes the label
    part of the item; it is a paragraph between two lists, as its writer meant."""
    from decaudit.engine.records.document import ListBlock, Paragraph, parse_markdown

    doc = parse_markdown(
        "# T\n\n## WASM\n\n**PROS**\n\n- Shared code\n- No network overhead\n**CONS**\n"
        "- New technology\n- Needs new features\n"
    )
    (sec,) = [s for s in doc.sections() if s.title == "WASM"]
    kinds = [type(b).__name__ for b in sec.blocks]
    assert kinds == ["Paragraph", "ListBlock", "Paragraph", "ListBlock"]
    first, label, second = sec.blocks[1], sec.blocks[2], sec.blocks[3]
    assert isinstance(first, ListBlock) and isinstance(second, ListBlock)
    assert [i.text for i in first.items] == ["Shared code", "No network overhead"]
    assert isinstance(label, Paragraph) and label.label == "CONS" and label.line == 9
    assert [i.text for i in second.items] == ["New technology", "Needs new features"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        ("Approved, partially superseded by ADR-0009.", None),
        ("Accepted, replaced by the new storage decision", None),
        ("Approved (by TSC vote on 3/25/21)", "TSC"),
        ("Accepted by the Architecture Board", "Architecture Board"),
    ],
)
def test_a_status_names_who_approved_it_never_what_replaced_it(status: str, body: str) -> None:
    from decaudit.engine.records.adr.meta import deciding_body

    assert deciding_body(status) == body


def test_a_changelog_that_moved_on_gives_the_status_and_the_last_update() -> None:
    """ "## Status" still says "Proposed." but "## Changelog" ends "* 28.06.2022: Accepted.":
    the record was accepted then (uncertain), and it was last updated on that day."""
    text = (
        "# ADR 010: Flags\n\n## Changelog\n* 15.06.2022: Proposed.\n* 28.06.2022: Accepted.\n\n"
        "## Status\n\nProposed.\n\n## Context\n\nFlags differ.\n\n## Decision\n\nUse long flags.\n"
    )
    (src,) = load_file("adr/adr-010-flags.md", text.encode(), explicit=False)
    assert isinstance(src, SourceRecord)
    assert src.record.status == "accepted"
    extra = src.record.model_extra or {}
    assert "status" in extra.get("x_uncertain", [])
    assert extra.get("x_updated") == "2022-06-28"
    still = text.replace("* 28.06.2022: Accepted.\n", "* 28.06.2022: Reworded the context.\n")
    (src,) = load_file("adr/adr-010-flags.md", still.encode(), explicit=False)
    assert isinstance(src, SourceRecord) and src.record.status == "proposed"
