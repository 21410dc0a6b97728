"""An outcome that opens with a few words naming one option ("Deprecate and Remove"), and
options argued as subsections of the outcome, each with a "Consequences" part of Good/Bad
points; a title taken from a file name drops a date before the name as it drops a number."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.build import title_from_file_name

_HEAD = (
    "# Retire the destination field\n\n* Status: Accepted\n\n## Context\n\nProducers differ."
    "\n\n## Considered Options\n\n* The status quo is always an option.\n"
    "* Deprecate ProduceDestination\n* Introduce other ProduceDestination implementations\n\n"
    "## Decision Outcome\n\n{outcome}\n\n"
)
_PARTS = (
    "### Status Quo\n\nNothing changes.\n\n#### Consequences\n\n* Good, because no work\n"
    "* Bad, because nothing gets simpler\n\n### Deprecate Destination\n\nWe deprecate it.\n\n"
    "#### Consequences\n\n* Good, because simpler configuration\n"
    "* Bad, because a long crossover\n"
)


def _read(outcome: str, parts: str = "") -> list[tuple]:
    rec = read_text(_HEAD.format(outcome=outcome) + parts, "docs/adr/0005-destination.md").record
    return [(o.title, o.chosen, o.pros, o.cons) for o in rec.options]


@pytest.mark.parametrize(
    ("outcome", "chosen"),
    [
        ("Deprecate and Remove", ["Deprecate ProduceDestination"]),
        ("Deprecate.", ["Deprecate ProduceDestination"]),
        # a word only that option has names it; a sentence that argues names none
        ("Other implementations", ["Introduce other ProduceDestination implementations"]),
        ("We talked about this for a long time and agreed nothing", []),
        ("We deprecate nothing.", []),
    ],
)
def test_a_short_outcome_names_the_option_by_its_own_word(outcome: str, chosen: list) -> None:
    assert [t for t, ch, _, _ in _read(outcome) if ch] == chosen


def test_options_argued_under_the_outcome_get_their_points() -> None:
    found = {t: (p, c) for t, _, p, c in _read("Deprecate and Remove", _PARTS)}
    assert found["The status quo is always an option"] == (["no work"], ["nothing gets simpler"])
    assert found["Deprecate ProduceDestination"] == (
        ["simpler configuration"],
        ["a long crossover"],
    )


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        ("2017-11-09-channel", "Channel"),
        ("2024_05_15_use_separate_types", "Use separate types"),
        ("0005-use-postgres", "Use postgres"),
        ("adr-012-queues", "Queues"),
    ],
)
def test_file_name_titles_drop_a_leading_date(stem: str, title: str) -> None:
    assert title_from_file_name(stem) == title


_RFC = (
    "# Meta\n[meta]: #meta\n- Name: Resource tracing\n- Start Date: 2022-01-24\n"
    "- Status: Approved\n\n# Summary\n\nTrace resources.\n\n# Motivation\n\nUsers are lost.\n\n"
    "# What it is\n\nThe workload status lists the resources it stamped.\n\n"
    "# How it Works\n\nThe controller records each resource.\n\n# Drawbacks\n\n"
    "* It discloses resource names.\n\n# Alternatives\n\n* Do nothing: users keep guessing.\n"
)


def test_an_rfc_with_a_meta_part_is_titled_by_its_name_and_its_design_is_chosen() -> None:
    rec = read_text(_RFC, "rfc/rfc-0020-resource-tracing.md").record
    assert rec.title == "Resource tracing"
    assert rec.status == "accepted"
    chosen = [o.title for o in rec.options if o.chosen]
    assert chosen == ["Resource tracing"]
    assert len(rec.options) == 2


def test_an_rfc_file_name_gives_a_title_without_its_prefix() -> None:
    assert title_from_file_name("rfc-0019-rfc-process") == "Rfc process"


_RATED = (
    "# Helm controller\n\n* Status: accepted\n\n## Context\n\nReleases get stuck.\n\n"
    "## Considered Options\n\n* Keep our controller\n* Flux\n\n## Decision Outcome\n\n"
    'Chosen option: "Flux", because it is proven.\n\n{head}### Keep our controller\n\n'
    "Missing today:\n\n- stuck releases\n- retries\n\n"
    "| Driver | Rating | Reason |\n|---|---|---|\n"
    "| Simplicity | +++ | Good, because nothing changes for users. |\n"
    "| Stability | o | Neutral, because features are missing. |\n"
    "| Cost | -- | Negative, because much is left to build. |\n"
)


@pytest.mark.parametrize("head", ["", "## Pros and Cons of the Options\n\n"])
def test_a_rating_table_under_an_options_heading_gives_its_points(head: str) -> None:
    rec = read_text(_RATED.format(head=head), "docs/adr/009-helm.md").record
    keep = rec.options[0]
    assert keep.title == "Keep our controller"
    assert keep.pros == ["nothing changes for users."]
    assert keep.cons == ["much is left to build."]
    assert [o.title for o in rec.options if o.chosen] == ["Flux"]


@pytest.mark.parametrize("opening", ["Executive Summary", "Summary", "Abstract", "TL;DR"])
def test_an_opening_part_over_other_top_level_parts_is_no_title(opening: str) -> None:

    text = (
        f"# {opening}\n\n**Status**: _Accepted_\n\nThis document describes request timeouts.\n\n"
        "# Goals\n\n- set a timeout per route\n\n# High-level design\n\nA new field.\n"
    )
    rec = read_text(text, "design/custom-request-timeout.md").record
    assert rec.title == "Custom request timeout"  # from the file name


def test_a_summary_heading_alone_stays_the_title() -> None:

    text = "# Summary\n\n## Status\n\nAccepted\n\n## Decision\n\nWe keep a summary page.\n"
    assert read_text(text, "adr/0004-summary-page.md").record.title == "Summary"


def test_a_motivation_part_over_the_others_is_no_title() -> None:
    text = (
        "---\nStatus: Final\n---\n\n# Motivation\n\nTab completion helps new users.\n\n"
        "## Predictive completion\n\nSuggest whole commands from history.\n\n"
        "## Specification\n\nA new option turns it on.\n"
    )
    rec = read_text(text, "rfcs/RFC0062-Predictive-Completion.md").record
    assert rec.title == "Predictive Completion"


@pytest.mark.parametrize("opening", ["Purpose", "Background"])
def test_a_purpose_or_background_part_over_other_top_level_parts_is_no_title(
    opening: str,
) -> None:
    text = (
        f"# {opening}\n\nThis document proposes simpler game deployment.\n\n"
        "# Proposed Solution\n\nOne factory deploys every game.\n\n"
        "# Alternatives Considered\n\nNone.\n"
    )
    rec = read_text(text, "protocol/dispute-game-creators.md").record
    assert rec.title == "Dispute game creators"
