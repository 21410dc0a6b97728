"""Alternatives written in prose, given by reference, or argued in plain bullets: one small
fixture per layout under tests/data/adr_prose/, each checked for its options, the choice, what
was marked uncertain, and that REC003 ("no options recorded") does not fire on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from adr_layout import load_from
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records import iter_sources, load_file
from decaudit.engine.types import InputError, SourceRecord

HERE = Path(__file__).parent / "data" / "adr_prose"


def load(name: str) -> SourceRecord:
    return load_from("adr_prose", name)


def summary(src: SourceRecord) -> list[tuple[str, bool, bool]]:
    """(title, chosen, rejected) per option."""
    return [(o.title, o.chosen, o.rejected_reason is not None) for o in src.record.options]


def uncertain(src: SourceRecord) -> list[str]:
    return list((src.record.model_extra or {}).get("x_uncertain") or [])


def points(src: SourceRecord) -> list[tuple[str, int, int, int]]:
    out = []
    for o in src.record.options:
        neutral = (o.model_extra or {}).get("neutral") or []
        out.append((o.title, len(o.pros), len(o.cons), len(neutral)))
    return out


def test_alternatives_section_in_prose_with_such_as() -> None:
    src = load("alternatives-section-prose.md")
    titles = [t for t, _, _ in summary(src)]
    assert titles[:2] == ["Valkey", "SQLite"]
    chosen = [o for o in src.record.options if o.chosen]
    assert [o.title for o in chosen] == ["Store session data in Postgres"]  # the decision
    assert "options" in uncertain(src) and "chosen" in uncertain(src)


def test_the_other_option_was() -> None:
    src = load("other-option-was.md")
    assert summary(src)[0][0] == "Scala"
    assert summary(src)[1][1] is True  # the decision, chosen


def test_alternative_subsections_anywhere_are_rejected_options() -> None:
    src = load("alternative-subsections.md")
    assert summary(src) == [
        ("A sidecar proxy in front of every service", False, True),
        ("Mutual TLS everywhere", False, True),
        ("Service to service authentication", True, False),
    ]
    assert "chosen" in uncertain(src)


def test_context_compares_two_named_options_and_the_decision_picks_one() -> None:
    src = load("context-compares.md")
    assert summary(src) == [("plain JSON", False, False), ("Protocol Buffers", True, False)]
    assert uncertain(src) == ["options", "chosen"]


def test_title_a_v_b() -> None:
    src = load("title-versus.md")
    assert [(t, c) for t, c, _ in summary(src)] == [("Tabs", False), ("spaces", True)]
    assert "options" in uncertain(src)


def test_we_considered_a_list_in_the_context() -> None:
    src = load("considered-list-in-context.md")
    assert [(t, c) for t, c, _ in summary(src)] == [
        ("Redis", False),
        ("Memcached", True),
        ("Hazelcast", False),
    ]


def test_what_why_how_record_generic_sections_are_not_options() -> None:
    src = load("what-why-how.md")
    titles = [t for t, _, _ in summary(src)]
    assert titles[0] == "keep the nightly export and run it hourly"
    assert not any(t in ("Risks", "References") or "Considerations" in t for t in titles)
    assert summary(src)[-1][1] is True  # "## How" states the decision
    decided = src.record.options[-1]
    assert (
        decided.description == "We publish a change event for every write, on the shared event bus."
    )
    assert src.record.rationale and "change event" in src.record.rationale


def test_subsections_after_announced_limitations_are_reasons_not_options() -> None:
    src = load("limitations-follow.md")
    assert summary(src) == [
        ("namespace scoped operator", False, True),
        ("Cluster-wide operator", True, False),
    ]
    reason = src.record.options[0].rejected_reason or ""
    assert "cluster scoped" in reason


def test_option_titles_starting_with_a_code_span_are_options() -> None:
    src = load("code-span-options.md")
    assert summary(src) == [
        ("NNNN-short-title.md", True, False),
        ("YYYY-MM-DD Title.md", False, False),
    ]


def test_plain_bullets_under_an_option_heading_are_its_points() -> None:
    src = load("plain-bullet-points.md")
    assert points(src) == [
        ("Alpha", 1, 2, 0),  # fast indexing / slow searching, only exact matches
        ("Beta", 1, 0, 1),  # quick searching / a neutral point
        ("Gamma", 0, 1, 0),  # "cannot be used here, because ..."
    ]
    assert [o.chosen for o in src.record.options] == [False, True, False]


def test_very_bad_because_prose_is_a_con() -> None:
    src = load("very-bad-prose.md")
    assert points(src) == [("Object identity", 0, 1, 0), ("Stored key", 1, 0, 0)]


def test_options_by_reference_are_read_from_the_linked_record() -> None:
    src = load("by-reference/0002-queue-for-audit-events.md")
    assert summary(src) == [
        ("Use a database table", False, False),
        ("Use a message broker", True, False),
    ]
    assert points(src) == [("Use a database table", 1, 1, 0), ("Use a message broker", 1, 0, 0)]
    extra = src.record.model_extra or {}
    assert extra["x_options_from"] == "0001-pick-a-queue.md"
    assert src.line_of(("options", 0)) == 7  # the line of the reference, in this file
    assert "options" in uncertain(src)


def test_a_reference_that_cannot_be_read_is_marked_not_called_none() -> None:
    src = load("missing-reference/0003-queue-for-invoices.md")
    assert src.record.options == []
    extra = src.record.model_extra or {}
    assert extra["x_options_by_reference"] == "../elsewhere/0001-pick-a-queue.md"


def test_a_reference_never_leaves_the_checked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "other"
    inside = tmp_path / "adr"
    outside.mkdir()
    inside.mkdir()
    (outside / "0001-pick-a-queue.md").write_bytes(
        (HERE / "by-reference" / "0001-pick-a-queue.md").read_bytes()
    )
    (inside / "0002-x.md").write_text(
        "# X\n\n## Considered Options\n\nSame as in [ADR-1](../other/0001-pick-a-queue.md).\n\n"
        '## Decision Outcome\n\nChosen option: "Use a message broker"\n'
    )
    (src,) = [s for s in iter_sources([str(inside)]) if isinstance(s, SourceRecord)]
    assert src.record.options == []
    assert (src.record.model_extra or {})["x_options_by_reference"]


@pytest.mark.parametrize(
    "name",
    [
        "alternatives-section-prose.md",
        "other-option-was.md",
        "alternative-subsections.md",
        "context-compares.md",
        "title-versus.md",
        "considered-list-in-context.md",
        "what-why-how.md",
        "limitations-follow.md",
        "code-span-options.md",
        "by-reference/0002-queue-for-audit-events.md",
        "missing-reference/0003-queue-for-invoices.md",
    ],
)
def test_rec003_does_not_fire_on_records_that_name_alternatives(name: str) -> None:
    src = load(name)
    decision: dict[str, Any] = derive(src, FactContext(today=dt.date(2026, 12, 1))).decision
    assert decision["option_count"] > 0 or decision["options_by_reference"] is True


def test_a_record_that_names_no_alternative_gets_none() -> None:
    text = (
        "# Use Go\n\n## Status\n\nAccepted\n\n## Context\n\nWe considered the impact on "
        "build times carefully.\n\n## Decision\n\nWe will use Go.\n"
    )
    (src,) = load_file("0009-use-go.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert src.record.options == []


def test_sign_points_and_a_selected_approach_beside_rejected_alternatives() -> None:
    src = load("sign-points-and-selected.md")
    assert points(src) == [
        ("Hand tuning", 1, 2, 0),
        ("Grid search", 1, 1, 0),
        ("Use the open-source tuner", 0, 0, 0),
    ]
    assert [o.chosen for o in src.record.options] == [False, False, True]
    assert src.record.rationale is not None and "Proven algorithms" in src.record.rationale


def test_option_colon_headings_without_an_options_section() -> None:
    src = load("option-colon-headings.md")
    assert [(t, c) for t, c, _ in summary(src)] == [
        ("Raw data", False),
        ("Code-based configuration", True),
    ]


def test_a_design_part_that_weighs_its_own_options_is_a_group() -> None:
    src = load("design-sub-decision.md")
    groups = [((o.model_extra or {}).get("group"), o.title, o.chosen) for o in src.record.options]
    assert groups == [
        (None, "One gateway for all tenants", False),
        ("API service", "One service per tenant", True),  # marked recommended
        ("API service", "One shared service", False),
    ]
    assert points(src)[0] == ("One gateway for all tenants", 0, 1, 0)  # "Why rejected:"
    assert points(src)[2] == ("One shared service", 1, 2, 0)  # the decision is not a point


def test_a_list_announced_as_the_candidates_in_the_context() -> None:
    src = load("listed-after-intro.md")
    assert [t for t, _, _ in summary(src)] == ["Standard A", "Standard B"]
    assert "options" in uncertain(src)


def test_numbered_parts_of_a_design_and_a_none_alternative_are_not_options() -> None:
    assert load("numbered-design-parts.md").record.options == []
    assert load("alternatives-none.md").record.options == []


def test_could_be_used_and_did_look_for_in_an_alternatives_section() -> None:
    src = load("alternatives-could-be.md")
    assert summary(src) == [
        ("mesh egress gateway", False, True),
        ("hosted token brokers", False, True),
        ("Inject credentials in a sidecar", True, False),
    ]


def test_an_organisation_that_evaluated_providers_such_as() -> None:
    src = load("organization-evaluated.md")
    assert [(t, c) for t, c, _ in summary(src)] == [
        ("Northwind Cloud", False),
        ("Contoso Hosting", True),
        ("Fabrikam Compute", False),
    ]


def test_an_outcome_subsection_is_not_an_options_points_and_a_loose_heading_is() -> None:
    src = load("outcome-subsection-and-loose-heading.md")
    assert points(src) == [
        ('"Review"', 0, 0, 0),  # "### Review" under the outcome says how it is checked
        ('"Audit"', 1, 1, 0),
        ("No framework at all (status quo)", 1, 1, 0),  # "## No framework", near title
    ]


def test_a_record_that_kept_its_templates_heading_but_has_a_real_date_is_read() -> None:
    text = (
        "# Team - Architecture Decision Record template\n\n| | |\n| --- | --- |\n"
        "| Date | 2024-09-13 |\n| Status | Approved |\n\n## How\n\nSplit the loop per module.\n"
    )
    (src,) = load_file("0006-split.md", text.encode())
    assert isinstance(src, SourceRecord) and str(src.record.date) == "2024-09-13"
    template = text.replace("2024-09-13", "insert date")
    (err,) = load_file("0000-template.md", template.encode())
    assert isinstance(err, InputError) and "a template" in err.message


def test_an_open_decision_is_not_made_the_chosen_option() -> None:
    text = (
        "# Metrics tools\n\n### Decision\n\nWIP.\n\n### Positions\n\n"
        "* Tool one\n* Tool two\n* Tool three\n"
    )
    (src,) = load_file("0009-metrics.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert [o.title for o in src.record.options] == ["Tool one", "Tool two", "Tool three"]
    assert not any(o.chosen for o in src.record.options)


_CONTEXT_LIST = (
    "# 9. Drop stored labels\n\n## Status\n\nAccepted\n\n## Context\n\n{intro}\n\n"
    "- Sensor\n- Board\n- Clock Source\n\nSome labels were never read.\n\n"
    "## Decision\n\nThese labels will no longer be kept.\n"
)


@pytest.mark.parametrize(
    "intro",
    [
        "In the first design, the following types stored a label in the base class:",
        "The following classes kept a label:",
    ],
)
def test_a_list_of_the_parts_a_fact_is_about_is_not_options(intro: str) -> None:
    (src,) = load_file("docs/adr/0009-x.md", _CONTEXT_LIST.format(intro=intro).encode())
    assert isinstance(src, SourceRecord)
    assert src.record.options == []


@pytest.mark.parametrize(
    "intro",
    [
        "We looked at the following options:",
        "The following tools were considered:",
        "There are three approaches:",
    ],
)
def test_a_list_announced_as_alternatives_in_the_context_is_options(intro: str) -> None:
    (src,) = load_file("docs/adr/0009-x.md", _CONTEXT_LIST.format(intro=intro).encode())
    assert isinstance(src, SourceRecord)
    assert [o.title for o in src.record.options][:3] == ["Sensor", "Board", "Clock Source"]


_BLANK_HEADED = (
    "# {title}\n\n* Status: accepted\n\n## Context and Problem Statement\n\n"
    "Nightly jobs start too many pods.\n\n## Considered Options\n\n{options}\n\n"
    "## Decision Outcome\n\nChosen option: {chosen}, because it starts the fewest pods.\n"
)
_REAL_OPTIONS = "* Option 1: Filter events at the gateway\n* Option 2: One app per job"


@pytest.mark.parametrize(
    "title", ["{short title of solved problem and solution}", "ADR XXXX: Short title"]
)
def test_a_filled_record_under_its_templates_title_is_read(title: str) -> None:
    text = _BLANK_HEADED.format(title=title, options=_REAL_OPTIONS, chosen='"option 2"')
    (src,) = load_file("docs/adr/0007-fewer-nightly-pods.md", text.encode())
    assert isinstance(src, SourceRecord)
    assert src.record.title == "Fewer nightly pods"
    assert [o.title for o in src.record.options if o.chosen] == ["One app per job"]


@pytest.mark.parametrize(
    ("options", "chosen"),
    [
        ("* {title of option 1}\n* {title of option 2}", '"{title of option 1}"'),
        (_REAL_OPTIONS, '"{title of option 1}"'),  # no choice among real options
        ("* Option 1: Filter events at the gateway", '"option 1"'),  # one option only
    ],
)
def test_a_blank_title_over_an_unfilled_body_stays_a_template(options: str, chosen: str) -> None:
    text = _BLANK_HEADED.format(title="{short title}", options=options, chosen=chosen)
    (err,) = load_file("docs/adr/0007-x.md", text.encode())
    assert isinstance(err, InputError) and "a template" in err.message


def test_lists_under_argued_prose_are_its_points_not_options() -> None:
    """A "Rationale and alternatives" part argued in paragraphs, each with a list of
    sentences under it: the paragraphs name the courses; the lists are their points, and a
    later list under a topic line ("Regarding naming:") is no option list either."""
    src = load("rationale-argued-lists.md")
    titles = [t for t, _, _ in summary(src)]
    assert titles[:2] == [
        "leave template parsing as it is and accept the cost on every request",
        "parse every template once at start-up",
    ]
    assert not any("Profiling" in t or "TemplateCache" in t for t in titles)
    assert [o.title for o in src.record.options if o.chosen] == [
        "Cache parsed templates per worker"
    ]


def test_a_comparative_alternative_is_named_by_its_course() -> None:
    """ "A much larger alternative would be to X": the course is X, beside the other
    paragraph's alternative, not the words that introduce it."""
    src = load("alternative-comparative.md")
    titles = [t for t, _, _ in summary(src)]
    assert titles[:2] == [
        "send each message from the request that causes it",
        "run a separate mail service with its own store",
    ]


def test_alternatives_such_as_x_or_even_y_were_considered() -> None:
    """One sentence names two alternatives: each is an option, and "not moving them at all"
    is the do-nothing course."""
    src = load("alternatives-such-as.md")
    assert [t for t, _, _ in summary(src)][:2] == [
        "Shared repository for every team's scripts",
        "Not moving them at all",
    ]
    facts = derive(src, FactContext(today=dt.date(2026, 12, 1)))
    assert facts.decision["do_nothing_count"] == 1


def test_a_long_alternative_then_a_colon_and_its_verdict() -> None:
    """ "1. Splitting X, keeping Y, moving Z (such as W):" then "This idea was disregarded
    because ...": the title ends at the colon; the sentence after it is said of it."""
    src = load_from(
        "adr_prose",
        "alternatives-colon-verdict.md",
    )
    titles = [t for t, _, _ in summary(src)]
    assert titles[0] == (
        "Splitting the monolith by team, keeping the shared models, moving the reports to a "
        "separate service (such as the billing one)"
    )


@pytest.mark.parametrize("name", ["rationale-own-design.md", "rationale-these-are.md"])
def test_the_records_own_course_argued_is_no_option(name: str) -> None:
    """ "This design simplifies ...", "These are breaking changes and ...", "The new
    proposal would still have some advantages": the record argues for its own course."""
    src = load(name)
    assert [t for t, chosen, _ in summary(src) if not chosen] == []


def test_alternatives_said_to_be_many_are_none_named() -> None:
    """ "A large number of other alternatives have been explored" names none; the do-nothing
    course in the paragraph after it is still read, without its lead-in words."""
    src = load("alternatives-unnamed-then-named.md")
    titles = [t for t, chosen, _ in summary(src) if not chosen]
    assert titles == ["simply not change anything and live with the drawbacks"]
    facts = derive(src, FactContext(today=dt.date(2026, 12, 1)))
    assert facts.decision["do_nothing_count"] == 1


def test_headings_announced_by_the_pros_and_cons_of_a_count() -> None:
    """ "We have discussed the pros and cons of 3 possible options:" over three numbered
    headings: the headings are the options; the sentence itself names none."""
    src = load("context-counted-headings.md")
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("Embed the files as Base64 strings", False),
        ("Send signed storage links", True),
        ("Post the files as a multipart request", False),
    ]
    assert [(len(o.pros), len(o.cons)) for o in src.record.options] == [(1, 1)] * 3
