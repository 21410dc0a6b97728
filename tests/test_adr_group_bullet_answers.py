"""Sub-decisions answered in the decision's bullets and bold-led paragraphs: a bullet or
paragraph led by a group's name answers that group with the option its text names; a bullet
led by no group answers one when its deciding clause names exactly one option of all the
groups. Every such choice is uncertain, a group is never given two options, and a name that
is turned down ("not X", "rather than X") chooses nothing."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles as _chosen
from adr_layout import read_text
from decaudit.engine.records.adr.groupbullets import deciding_clause, group_named, taken
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

BROKERS = ["RabbitMQ cluster", "Kafka topics", "Redis streams"]
FORMATS = ["JSON documents", "Protocol Buffers", "Avro records"]
BULLET = "each group's bullet or bold-led paragraph in the decision"


def _record(decision: str, *, broker: str = "message broker") -> SourceRecord:
    text = (
        "# Event delivery for the notification service\n\n- Status: accepted\n\n"
        "## Context and Problem Statement\n\nThe service hands events to several consumers.\n\n"
        f"## Considered options for {broker}\n\n"
        + "".join(f"- {t}\n" for t in BROKERS)
        + "\n## Considered options for payload format\n\n"
        + "".join(f"- {t}\n" for t in FORMATS)
        + f"\n## Decision Outcome\n\n{decision}\n"
    )
    return read_text(text, "docs/adr/0007-event-delivery.md")


def _extra(src: SourceRecord) -> dict[str, object]:
    return dict(src.record.model_extra or {})


@pytest.mark.parametrize(
    ("decision", "want"),
    [
        (  # bold lead, colon
            "- **Broker**: we use Kafka topics, because consumers replay them.\n"
            "- **Payload format**: Protocol Buffers.",
            ["Kafka topics", "Protocol Buffers"],
        ),
        (  # plain lead, dash; the group named in full or by one word
            "* Message broker - RabbitMQ cluster, since the team runs one already\n"
            "* Format - Avro records",
            ["RabbitMQ cluster", "Avro records"],
        ),
        (  # "For the X we ..." leads
            "- For the broker we go with Redis streams.\n- For the payload, JSON documents.",
            ["Redis streams", "JSON documents"],
        ),
        (  # a word only that option has names it
            "- **Broker**: Kafka, partitioned by tenant\n- **Payload format**: Avro",
            ["Kafka topics", "Avro records"],
        ),
        (  # the option turned down is not the one chosen
            "- **Broker**: Kafka topics rather than Redis streams\n"
            "- **Payload format**: we decided on Avro records instead of JSON documents",
            ["Kafka topics", "Avro records"],
        ),
        (  # the lead says which group; the choosing sentence comes second
            "- **Broker**: We looked hard at throughput. We will run Redis streams.\n"
            "- **Payload format**: Protocol Buffers.",
            ["Redis streams", "Protocol Buffers"],
        ),
    ],
)
def test_a_bullet_led_by_a_group_answers_it(decision: str, want: list[str]) -> None:
    src = _record(decision)
    assert _chosen(src) == want
    extra = _extra(src)
    assert "chosen" in extra["x_uncertain"]  # type: ignore[operator]
    assert extra["x_chosen_by"] == BULLET


def test_bold_led_paragraphs_answer_their_groups() -> None:
    src = _record(
        "**Broker.** We go with Kafka, which the data team runs.\n\n"
        "**Payload format.** JSON documents, for now: every consumer reads them."
    )
    assert _chosen(src) == ["Kafka topics", "JSON documents"]
    assert src.line_of(("options", 1, "chosen")) == 23  # the paragraph that says it
    assert src.line_of(("options", 3, "chosen")) == 25


def test_a_bullet_led_by_no_group_answers_the_one_group_it_names() -> None:
    src = _record(
        "- Consumers replay events, so we will publish every event to Kafka.\n"
        "- Schemas change often; we decided to encode payloads as Avro.\n"
        "- Retention is thirty days."
    )
    assert _chosen(src) == ["Kafka topics", "Avro records"]
    assert "chosen" in _extra(src)["x_uncertain"]  # type: ignore[operator]


def test_a_chosen_option_restated_inside_a_longer_title_names_the_longer_one() -> None:
    text = (
        "# Discovery\n\n- Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n"
        "## Considered options for provider lookup\n\n- Self-registration with name resolution\n"
        "- Self-registration without name resolution\n- Registrar component\n\n"
        "## Considered options for broker lookup\n\n- With name resolution\n"
        "- Without name resolution\n\n## Decision\n\n"
        "- The chosen option is a central registry instead of a peer-to-peer one, and more "
        "specifically self-registration with name resolution.\n"
    )
    assert _chosen(read_text(text)) == ["Self-registration with name resolution"]


@pytest.mark.parametrize(
    "decision",
    [
        "- **Broker**: not RabbitMQ; still open.",  # turned down, nothing taken
        "- **Broker**: we will not use Redis streams.",  # says no
        "- **Broker**: Kafka or Redis, to be decided.",  # two options of the group
        "- **Broker**: we could use Kafka later.",  # weighs
        "- **Broker**: Kafka topics\n- **Message broker**: RabbitMQ cluster",  # two answers
        "- We will send JSON documents through Kafka.",  # no lead; two groups at once
        "- We want to avoid Redis streams.",  # no lead; says no
        "- If load grows we will use Kafka.",  # no lead; a condition
        "- Kafka topics were discussed at length.",  # no lead; decides nothing
        "**Broker**\n\nWe use Kafka.",  # a bold line on its own leads nothing
    ],
)
def test_no_broker_is_chosen_where_the_bullets_do_not_choose_one(decision: str) -> None:
    assert _extra(_record(decision)).get("x_chosen_by") != BULLET


def test_a_group_led_bullet_wins_over_a_bullet_led_by_none() -> None:
    src = _record("- **Broker**: Kafka topics\n- We will keep Redis streams for retries.")
    assert [t for t in _chosen(src) if t in BROKERS] == ["Kafka topics"]


def test_one_group_only_is_left_to_the_other_readers() -> None:
    text = (
        "# Broker\n\n- Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n"
        "## Considered Options\n\n" + "".join(f"- {t}\n" for t in BROKERS) + "\n## Decision\n\n"
        "- **Broker**: Kafka topics\n"
    )
    src = read_text(text)
    assert not any((o.model_extra or {}).get("group") for o in src.record.options)
    assert _extra(src).get("x_chosen_by") != BULLET


def test_the_lead_names_a_group_by_words_of_its_name_only() -> None:
    names = {"message broker": {"message", "broker"}, "payload format": {"payload", "format"}}
    assert group_named("Broker", names) == "message broker"
    assert group_named("Payload format decision", names) == "payload format"
    assert group_named("Message broker and format", names) is None  # more than one group
    assert group_named("Rollout", names) is None
    assert group_named("Decision", names) is None


def test_the_deciding_clause() -> None:
    assert deciding_clause("Due to cost we decide to use memory, not disk") == (
        "we decide to use memory"
    )
    assert deciding_clause("The chosen option is X because Y") == "chosen option is X"
    assert deciding_clause("We will not use X") == ""
    assert deciding_clause("When it grows we will use X") == ""
    assert deciding_clause("Kafka is fast") == ""
    assert "Redis" not in taken("Kafka rather than Redis, for replay")


# -- properties ---------------------------------------------------------------------------

# words no vocabulary has (consonants only, no plural "s"), so each is a name of its own
_WORD = st.text(alphabet="bcdfghjklmnpqrtvwxz", min_size=5, max_size=8)


def _grouped(groups: dict[str, list[str]], decision: str) -> SourceRecord:
    text = "# Store and feed\n\n- Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n"
    for name, titles in groups.items():
        text += f"## Considered options for {name}\n\n" + "".join(f"- {t}\n" for t in titles)
        text += "\n"
    return read_text(text + f"## Decision\n\n{decision}\n")


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(_WORD, min_size=6, max_size=6, unique=True),
    bullets=st.lists(
        st.tuples(
            st.sampled_from(["g0", "g1", "none"]),
            st.lists(st.integers(0, 3), min_size=1, max_size=3),
            st.sampled_from(["we use {}", "{}", "we will use {} and {}", "{} rather than {}"]),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_no_group_is_given_two_options(
    words: list[str], bullets: list[tuple[str, list[int], str]]
) -> None:
    g0, g1 = words[0], words[1]
    groups = {g0: [f"{w} store" for w in words[2:4]], g1: [f"{w} feed" for w in words[4:6]]}
    titles = [t for ts in groups.values() for t in ts]
    lines = []
    for lead, picks, form in bullets:
        said = [titles[i] for i in picks]
        body = form.format(*(said * 2)[: form.count("{}")])
        head = {"g0": f"**{g0}**: ", "g1": f"**{g1}**: ", "none": ""}[lead]
        lines.append(f"- {head}{body}")
    src = _grouped(groups, "\n".join(lines))
    chosen = _chosen(src)
    for members in groups.values():
        assert len(set(chosen) & set(members)) <= 1


@settings(max_examples=40, deadline=None)
@given(words=st.lists(_WORD, min_size=7, max_size=7, unique=True), pick=st.integers(0, 1))
def test_renaming_the_lead_removes_the_answer(words: list[str], pick: int) -> None:
    g0, g1, other = words[0], words[1], words[6]
    groups = {g0: [f"{w} store" for w in words[2:4]], g1: [f"{w} feed" for w in words[4:6]]}
    title = groups[g0][pick]
    named = _grouped(groups, f"- **{g0}**: {title}")
    assert _chosen(named) == [title]
    assert _extra(named)["x_chosen_by"] == BULLET
    renamed = _grouped(groups, f"- **{other}**: {title}")
    assert _extra(renamed).get("x_chosen_by") != BULLET  # (the prose reader may name it)


def test_two_choosing_sentences_for_rivals_of_one_group_choose_neither() -> None:
    groups = {"bbbbb": ["bbbbd store", "bbbbf store"], "bbbbc": ["bbbbg feed", "bbbbh feed"]}
    decision = "- **bbbbb**: we will use bbbbd store\n- **bbbbb**: we will use bbbbf store"
    chosen = _chosen(_grouped(groups, decision))
    assert not {"bbbbd store", "bbbbf store"} <= set(chosen)
