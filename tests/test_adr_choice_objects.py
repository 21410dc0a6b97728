"""The option a deciding verb's object names ("a decision was made to use X", "we decided on
using X because ... Y"), stated plainly and so certain; a template's "Chosen option: X, because
Y" chooses nothing."""

from __future__ import annotations

from adr_layout import read_text as read
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.objects import by_own_terms, deciding_objects, object_names
from hypothesis import given
from hypothesis import strategies as st


def chosen(text: str) -> list[str]:
    return [o.title for o in read(text).record.options if o.chosen]


def unsure(text: str) -> list[str]:
    return list((read(text).record.model_extra or {}).get("x_uncertain", []))


def record(options: list[str], outcome: str, heading: str = "Decision Outcome") -> str:
    items = "".join(f"* {o}\n" for o in options)
    return f"# Pick a store\n\n## Considered Options\n\n{items}\n## {heading}\n\n{outcome}\n"


STORES = ["Pebble", "Quartzite", "Basalt DB"]
STACKS = [
    "Option 1 - Use Vela for client and server + SQL store",
    "Option 2 - Use Vela for client and call a Rust service + SQL store",
    "Option 3 - Use Orbit for client and server + SQL store",
]


def test_short_listed_two_then_a_decision_made_to_use_one() -> None:
    text = record(
        STORES,
        "The engineers narrowed it down to Pebble and Quartzite.\n\n"
        "A decision from the board was made to use Quartzite.\nIt has wider adoption.",
    )
    assert chosen(text) == ["Quartzite"]
    assert "chosen" not in unsure(text)


def test_decided_on_using_a_partial_name_beside_the_option_not_taken() -> None:
    text = record(
        STACKS,
        "We decided on using Orbit as both client and server because it removes most of the "
        "pain we had with Vela.",
    )
    assert [t for t in chosen(text)] == [STACKS[2].split(" - ", 1)[1]]


def test_object_variants_each_choose_the_option_they_name() -> None:
    for sentence in (
        "We will use Basalt DB for the first release.",
        "We went with Basalt DB, over Pebble.",
        "We picked Basalt DB rather than Quartzite.",
        "The team decided to adopt Basalt DB; Pebble was a close second.",
        "We're selecting **Basalt DB** for this project.",
        "We have chosen Basalt DB instead of Pebble.",
    ):
        assert chosen(record(STORES, sentence)) == ["Basalt DB"], sentence


def test_a_label_in_the_object_chooses_by_number() -> None:
    text = record(STORES, "We're selecting **Option 2 - Quartzite** for this project.")
    assert chosen(text) == ["Quartzite"]
    assert "chosen" not in unsure(text)


def test_deciding_sentences_naming_different_options_choose_none_by_object() -> None:
    text = record(
        STORES, "We will use Pebble for the cache. We will use Quartzite for the archive."
    )
    assert read(text).record.model_extra.get("x_chosen_by") != (
        "named by the deciding verb in the decision"
    )


def test_negated_conditional_and_weighing_sentences_choose_nothing() -> None:
    for sentence in (
        "We decided not to use Pebble.",
        "We will not use Quartzite.",
        "If we decided to use Pebble we would need a second cluster.",
        "We could go with Basalt DB later.",
        "Whether we will use Quartzite is open.",
    ):
        assert deciding_objects(sentence) == [], sentence


def test_the_object_ends_where_the_sentence_turns() -> None:
    assert deciding_objects("We went with Pebble because Quartzite is slow.") == ["Pebble"]
    assert deciding_objects("A decision was made to use Pebble over Quartzite.") == ["Pebble"]
    said = deciding_objects("We decided on using Pebble's API, but not its CLI.")
    assert said == ["Pebble API"]
    assert object_names(said[0], [Opt(t, n) for n, t in enumerate(STORES, 1)]) == 0


def test_a_partial_name_needs_a_distinctive_name() -> None:
    opts = [Opt(t, n) for n, t in enumerate(STACKS, 1)]
    assert by_own_terms("Orbit as both client and server", opts) == 2
    # "client and server" are words several options have: no option is named
    assert by_own_terms("a stack for client and server", opts) is None
    # a word of another option in the object: it names two, so none
    assert object_names("Orbit with a Rust service", opts) is None


def test_a_word_only_one_option_has_but_lower_case_names_none_in_part() -> None:
    opts = [Opt("Keep a flat layout", 1), Opt("Adopt a nested layout", 2)]
    assert by_own_terms("the nested one for now", opts) is None


def test_a_deciding_verb_naming_no_listed_option_chooses_none_by_object() -> None:
    text = record(STORES, "We will use Granite, a store none of these are.")
    assert (read(text).record.model_extra or {}).get("x_chosen_by") != (
        "named by the deciding verb in the decision"
    )


@given(st.sampled_from(STORES), st.sampled_from(["will use", "went with", "picked"]))
def test_any_plain_decision_chooses_the_named_option_with_certainty(name: str, verb: str) -> None:
    others = [s for s in STORES if s != name]
    text = record(STORES, f"We {verb} {name} because {others[0]} costs more than {others[1]}.")
    assert chosen(text) == [name]
    assert "chosen" not in unsure(text)


def test_template_guidance_chooses_no_placeholder() -> None:
    for line in (
        '*"Chosen option: X, because Y"*. Then add the record to the index.',
        "Chosen option: [option], because [justification].",
        "Chosen option: …, because …",
    ):
        text = f"# Decisions\n\nHow to write a record.\n\n{line}\n"
        rec = read(text).record
        assert rec.model_dump().get("chosen_option") is None, line
        assert rec.model_dump().get("rationale") is None, line
        assert not [o for o in rec.options if o.chosen], line


def test_a_one_letter_chosen_line_still_chooses_a_lettered_option() -> None:
    text = (
        "# T\n\n## Considered Options\n\n* Pebble\n* Quartzite\n\n"
        "## Decision Outcome\n\nChosen option: B, because it is cheaper.\n"
    )
    assert chosen(text) == ["Quartzite"]


def nygard(title: str, decision: str) -> str:
    return (
        f"# {title}\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "Listings are files in the repository.\n\n"
        f"## Decision\n\n{decision}\n\n## Consequences\n\nListings are smaller.\n"
    )


def chosen_and_how(text: str) -> tuple[list[str], str]:
    rec = read(text).record
    return [o.title for o in rec.options if o.chosen], str(
        (rec.model_extra or {}).get("x_chosen_by", "")
    )


def test_a_decision_moving_the_other_way_turns_the_title_round() -> None:
    for decision in (
        "The team decided to transition from listings being TOML files with some JSON "
        "blocks to having every listing use only JSON.",
        "We will migrate away from TOML towards JSON for every listing.",
    ):
        got, how = chosen_and_how(nygard("Replace JSON with TOML for listings", decision))
        assert got == ["JSON"], decision
        assert "turns the title" in how, decision
    # a decision that is itself a two-way sentence is read before the title
    got, _ = chosen_and_how(
        nygard("Replace JSON with TOML for listings", "We replace TOML with JSON in each listing.")
    )
    assert got == ["JSON"]


def test_a_decision_moving_the_title_s_way_keeps_the_title_reading() -> None:
    for decision in (
        "We will move from JSON files to TOML files for every listing.",
        "We replace JSON with TOML in each listing.",
        "Listings will be written in TOML from now on.",
    ):
        got, how = chosen_and_how(nygard("Replace JSON with TOML for listings", decision))
        assert "JSON" not in got, decision
        assert "turns the title" not in how, decision


def test_a_move_naming_both_sides_on_its_new_side_does_not_turn_the_title() -> None:
    decision = "We will move from TOML to a mix of TOML and JSON for listings."
    got, how = chosen_and_how(nygard("Replace JSON with TOML for listings", decision))
    assert "turns the title" not in how
    assert "JSON" not in got


def test_a_name_with_its_own_label_beside_it_is_chosen_plainly() -> None:
    text = record(STORES, "For the pilot we target a small Quartzite store (Option 2).")
    assert chosen(text) == ["Quartzite"]
    assert "chosen" not in unsure(text)
    linked = record(STORES, "For the pilot we target Quartzite ([Option 2](#option-2)).")
    assert "chosen" not in unsure(linked)


def test_a_name_beside_another_option_s_label_stays_uncertain() -> None:
    text = record(STORES, "For the pilot we target a small Quartzite store (Option 3).")
    assert "chosen" in unsure(text) or chosen(text) != ["Quartzite"]


def test_a_decision_paragraph_that_is_one_option_s_title_is_chosen_plainly() -> None:
    text = record(STORES, "**Basalt DB**\n\n- fastest in our trials\n- already licensed")
    assert chosen(text) == ["Basalt DB"]
    assert "chosen" not in unsure(text)
    # a paragraph that is no option's title whole chooses nothing this way
    other = record(STORES, "Granite\n\n- fastest in our trials")
    assert (read(other).record.model_extra or {}).get("x_chosen_by") != (
        "decision line naming the option"
    )
