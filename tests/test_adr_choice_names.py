"""The chosen option named briefly: ``Chose option: payment``, ``Decision: option 2``,
``We chose B``, ``Selected: X``, a restated title; ambiguous or passing names choose none."""

from __future__ import annotations

import difflib
import itertools

from adr_layout import read_text as read
from decaudit.engine.records.adr.choice import find_named
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.naming import by_distinct, canon
from hypothesis import given, settings
from hypothesis import strategies as st


def chosen(text: str) -> list[str]:
    return [o.title for o in read(text).record.options if o.chosen]


def record(first: str, second: str, outcome: str) -> str:
    return (
        f"# Pick a way\n\n## Considered Options\n\n* {first}\n* {second}\n\n"
        f"## Decision Outcome\n\n{outcome}\n"
    )


TWO = ("Use parcel endpoint for non-parcel jobs", "Use ledger endpoint for non-parcel jobs")


def test_a_short_name_chooses_the_one_option_with_that_distinctive_word() -> None:
    text = record(*TWO, "Chose option: ledger, because it exists already.")
    assert chosen(text) == [TWO[1]]


def test_a_negated_compound_is_not_the_word_itself() -> None:
    # "non-parcel" is in both titles; "parcel" alone is only in the first
    assert chosen(record(*TWO, "Chose option: parcel, because")) == [TWO[0]]


def test_a_short_name_both_options_share_chooses_none() -> None:
    assert chosen(record(*TWO, "Chose option: endpoint, because it is simple.")) == []


def test_a_short_name_of_two_of_three_options_chooses_none() -> None:
    text = (
        "# T\n\n## Considered Options\n\n* Managed queue service\n* Managed cache service\n"
        "* Self-hosted broker\n\n## Decision Outcome\n\nChosen option: managed, because\n"
    )
    assert chosen(text) == []


def test_choice_line_variants() -> None:
    for line in (
        "Chosen option: ledger",
        "Choosen Option - ledger endpoint",
        "**Chosen option:** Ledger endpoints.",
        "Decision: option 2",
        "**Decision:** ledger endpoint",
        "Outcome: B",
        "Selected: use the ledger endpoint",
        "We chose B because it is there.",
        "We have chosen the ledger endpoint because it exists.",
        "Decision: we chose option B.",
    ):
        assert chosen(record(*TWO, line)) == [TWO[1]], line


def test_a_decision_line_that_is_prose_chooses_nothing_by_itself() -> None:
    text = record("Kafka streams", "Batch files", "Decision: we will revisit this next year.")
    assert chosen(text) == []


def test_a_line_that_turns_an_option_down_chooses_nothing_by_itself() -> None:
    text = record(*TWO, "We chose not to use the ledger endpoint.")
    assert chosen(text) != [TWO[1]]


def test_a_template_placeholder_chooses_nothing() -> None:
    for line in (
        'Chosen option: "[title of option 1]", because [justification, e.g. only option]',
        'Chosen option: "{title of option 1}", because {justification…}',
    ):
        assert chosen(record("Kafka streams", "Batch files", line)) == [], line


def test_a_restated_title_is_the_option() -> None:
    for said in ("the Parcel Endpoints", "parcel-endpoint.", "Use parcel endpoint"):
        opts = [Opt("Parcel endpoint", 1), Opt("Ledger endpoint", 2)]
        assert canon(said) == canon("parcel endpoint")
        assert find_named(said, opts) == 0, said


def test_a_long_sentence_is_not_a_short_name() -> None:
    opts = [Opt("Use parcel endpoint", 1), Opt("Use ledger endpoint", 2)]
    said = "we looked at the parcel work and many other things before deciding anything"
    assert by_distinct(said, opts) is None
    assert find_named(said, opts) is None


# Made-up words no reader would take for one another (not plurals, not near spellings).
VOCAB = [
    "quorvel",
    "blintam",
    "zephrok",
    "mundalo",
    "trisket",
    "gavrune",
    "pelmoth",
    "xandrit",
    "wobrenk",
    "fiskalu",
    "horquin",
    "jumbrel",
    "drelvax",
    "nopturi",
    "kelsivo",
    "cyhoppa",
]
WORDS = st.lists(st.sampled_from(VOCAB), min_size=4, max_size=4, unique=True)


def test_the_vocabulary_is_apart() -> None:
    for a, b in itertools.permutations(VOCAB, 2):
        assert canon(a) == a and difflib.SequenceMatcher(None, a, b).ratio() < 0.7, (a, b)


@settings(max_examples=60, deadline=None)
@given(words=WORDS)
def test_a_short_name_marks_at_most_one_option_and_only_its_own(words: list[str]) -> None:
    shared, one, two, other = words
    first, second = f"{one} {shared}", f"{two} {shared}"
    got = chosen(record(first, second, f"Chose option: {two}, because it fits."))
    assert got == [second]
    # the decision says a word of neither option: nothing is chosen from the list
    assert chosen(record(first, second, f"Chose option: {other}, because it fits.")) == []
    # a word of both: ambiguous, none
    assert chosen(record(first, second, f"Chose option: {shared}, because it fits.")) == []


@settings(max_examples=40, deadline=None)
@given(words=WORDS)
def test_a_choice_line_never_marks_two_options_of_one_list(words: list[str]) -> None:
    a, b, c, _ = words
    for line in (f"Chose option: {a}", f"Decision: {a} {b}", f"We chose {b}", f"Outcome: {c}"):
        assert len(chosen(record(f"Use {a} store", f"Use {b} store", line))) <= 1


def test_a_decision_that_opens_with_the_options_label_chooses_it() -> None:
    for opening in ("Option 2 - we will take the ledger way.", "Option B, we keep it simple."):
        assert chosen(record(*TWO, opening)) == [TWO[1]], opening


def test_a_decision_that_walks_through_both_labels_chooses_none() -> None:
    text = record(*TWO, "Option 1: too slow for us.\n\nOption 2: too costly for now.")
    assert chosen(text) == []


def test_a_decision_restating_a_title_in_prose_chooses_it_uncertain() -> None:
    src = read(
        record(
            "Use parcel endpoint",
            "Use ledger endpoint",
            "After a week of trials the ledger endpoints served the team best.",
        )
    )
    assert [o.title for o in src.record.options if o.chosen] == ["Use ledger endpoint"]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_a_title_restated_as_the_deciding_verb_object_is_chosen_plainly() -> None:
    src = read(
        record(
            "Use parcel endpoint",
            "Use ledger endpoint",
            "After a week of trials the team settled on the ledger endpoints.",
        )
    )
    assert [o.title for o in src.record.options if o.chosen] == ["Use ledger endpoint"]
    assert "chosen" not in (src.record.model_extra or {}).get("x_uncertain", [])


def mediator(decision: str) -> str:
    return (
        "# Add a coordinator\n\n## Context\n\nTwo ways to run a workflow: orchestration and "
        "choreography.\n\n## Considered Options\n\n* Orchestration\n* Choreography\n\n"
        "## More context\n\nThe Conductor pattern provides an orchestrator that runs the steps "
        "of a workflow for its participants.\n\n"
        f"## Decision\n\n{decision}\n"
    )


def test_a_term_the_record_defines_by_one_option_chooses_it_uncertain() -> None:
    src = read(mediator("We will add a `Conductor` class to the toolkit."))
    assert [o.title for o in src.record.options if o.chosen] == ["Orchestration"]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_a_term_only_weighed_or_turned_down_chooses_none() -> None:
    for decision in (
        "We considered a Conductor class, but we will wait for more users.",
        "We will not add a Conductor class yet.",
        "We could add a Conductor class later.",
        "The Conductor class was discussed at length.",
    ):
        assert chosen(mediator(decision)) == [], decision


def test_a_title_word_of_one_option_in_a_deciding_sentence_chooses_it() -> None:
    text = record(
        "Self-hosted GitLab runners",
        "Managed GitHub Actions",
        "We will use GitHub workflows for every repository.",
    )
    assert chosen(text) == ["Managed GitHub Actions"]


def test_a_deciding_sentence_naming_words_of_both_options_chooses_none() -> None:
    text = record(
        "Self-hosted GitLab runners",
        "Managed GitHub Actions",
        "We will use GitHub workflows and keep GitLab runners for old projects.",
    )
    assert chosen(text) == []


@settings(max_examples=40, deadline=None)
@given(words=WORDS)
def test_renaming_the_distinctive_word_in_the_decision_removes_the_match(
    words: list[str],
) -> None:
    one, two, other, _ = words
    first, second = f"Hosted {one} cluster", f"Hosted {two} cluster"
    assert chosen(record(first, second, f"We will use {two.title()} for this.")) == [second]
    assert chosen(record(first, second, f"We will use {other.title()} for this.")) == []


def test_a_restated_title_with_a_typo_keeps_its_word_order() -> None:
    text = (
        "# T\n\n## Considered Options\n\n* Disabled repo-wide, enabled per file\n"
        "* Enable repo-wide, disable per file\n\n## Decision Outcome\n\n"
        "Chosen option: **Enabled repo-wide, disable per file**.\n"
    )
    assert chosen(text) == ["Enable repo-wide, disable per file"]


def test_a_typo_close_to_two_titles_chooses_none() -> None:
    text = record("Sharded cache tier", "Sharded caches tiers", "Chosen option: Shardd cach tier")
    assert len(chosen(text)) <= 1


def test_the_deciding_verb_names_the_option_that_starts_with_it() -> None:
    text = record(
        "Do not adopt the vault service",
        "Take the vault service into the platform",
        "We will take the vault service into our platform next quarter.",
    )
    assert chosen(text) == ["Take the vault service into the platform"]


def test_a_deciding_verb_alone_names_nothing() -> None:
    text = record("Keep the status quo", "Move to managed queues", "We will keep things simple.")
    assert chosen(text) == []


def test_a_blend_of_labelled_options_chooses_both() -> None:
    text = (
        "# T\n\n## Options\n\n### Option 1: Runner on hosts\n\nText.\n\n"
        "### Option 2: Runner in a central cluster\n\nText.\n\n"
        "### Option 3: Runner in each application cluster\n\nText.\n\n"
        "## Decision\n\nThe decision is a blend of options 2 and 3. We will have a runner in "
        "each application cluster, with a central one for tools.\n"
    )
    assert chosen(text) == ["Runner in a central cluster", "Runner in each application cluster"]


def test_a_line_that_only_weighs_another_option_does_not_hide_the_choice() -> None:
    text = (
        "# T\n\n## Considered Options\n\n* Cookies\n* Session storage\n* Browser database\n\n"
        "## Decision\n\n1. Now: use the Browser database for large data.\n"
        "2. Later: consider moving what is in Session storage to the Browser database.\n"
    )
    assert chosen(text) == ["Browser database"]


def test_a_decision_that_only_weighs_chooses_none() -> None:
    text = record("Kafka streams", "Batch files", "We should consider Kafka streams next year.")
    assert chosen(text) == []


def test_a_decision_that_is_only_a_short_name_chooses_the_candidate_it_names() -> None:
    text = (
        "# Drawing\n\n## Context\n\nWe looked at three technology options for drawing:\n\n"
        "* Flat canvas\n* Vector images\n* Glimmer canvas\n\n## Decision\n\nUse Glimmer2.\n"
    )
    assert chosen(text) == ["Glimmer canvas"]


def test_the_options_listed_again_in_the_decision_are_not_its_choice() -> None:
    text = (
        "# Charts\n\n## Decision\n\nThere are two clear alternatives:\n\n"
        "* Use an existing chart library\n* Create our own\n\n"
        "Both have merits and the team is split.\n"
    )
    assert not {"Use an existing chart library", "Create our own"} & set(chosen(text))


def test_a_chosen_name_followed_by_a_gloss_is_the_name() -> None:
    text = record(
        "MapLibre GL JS 1.15.0",
        "Mapbox GL JS 2.3.1",
        "Chosen option: [MapLibre 1.15.0](https://example.org/maplibre), a free and open-source"
        " library with good performance and standard map styling.",
    )
    assert chosen(text) == ["MapLibre GL JS 1.15.0"]


def test_a_gloss_does_not_make_an_unlisted_choice_a_listed_one() -> None:
    text = record(
        "Keep the existing process",
        "Use another tracker",
        "Chosen option: use project boards, as described below.",
    )
    assert chosen(text) == []


def test_a_deciding_sentence_that_says_every_word_of_one_title_chooses_it() -> None:
    text = (
        "# Calls between actors\n\n## Considered Options\n\n* Allow by Default\n"
        "* Deny by Default\n* Create Explicit Actor Calling Policies\n\n"
        "## Decision Outcome\n\nWe chose to allow actor-to-actor communication by default.\n"
    )
    assert chosen(text) == ["Allow by Default"]
