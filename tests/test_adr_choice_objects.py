"""The option a deciding verb's object names ("a decision was made to use X", "we decided on
using X because ... Y"), stated plainly and so certain; a template's "Chosen option: X, because
Y" chooses nothing."""

from __future__ import annotations

from decaudit.engine.records import load_file
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.objects import by_own_terms, deciding_objects, object_names
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st


def read(text: str) -> SourceRecord:
    (src,) = load_file("docs/adr/0001-x.md", text.encode())
    assert isinstance(src, SourceRecord), src
    return src


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
