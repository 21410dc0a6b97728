"""Y-statements (Zdun et al.): "In the context of <use case>, facing <concern>, we decided
for <option> and neglected <other options>, to achieve <quality>, accepting <downside>."

Records are written here for the test: the statement in one sentence, split over bullets or
lines, in the decision or as the whole body, with its variants ("and against", "decided to
use", "and not for", "neglecting"), and sentences that look alike but are no Y-statement.
A property checks the parser on generated lists of names.
"""

from __future__ import annotations

from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.records.adr.ystatement import parse
from hypothesis import given, settings
from hypothesis import strategies as st


def decision(body: str, *, context: str = "", title: str = "Store sessions") -> str:
    text = f"# 12. {title}\n\n## Status\n\nAccepted\n\n"
    if context:
        text += f"## Context\n\n{context}\n\n"
    return text + f"## Decision\n\n{body}\n"


ONE_SENTENCE = (
    "In the context of the ticket booking API, facing seat holds that must outlive a\n"
    "deploy, we decided for Valkey and neglected Hazelcast and in-process maps, to achieve\n"
    "holds that survive a rolling restart, accepting that the team runs one more cluster.\n"
)


def test_one_sentence_gives_the_decided_and_the_neglected_options() -> None:
    src = read_text(decision(ONE_SENTENCE))
    rec = src.record
    assert titles(src) == ["Valkey", "Hazelcast", "in-process maps"]
    assert chosen_titles(src) == ["Valkey"]
    valkey, hazel, maps = rec.options
    assert valkey.pros == ["holds that survive a rolling restart"]
    assert valkey.cons == ["the team runs one more cluster"]
    assert hazel.rejected_reason and "neglected Hazelcast" in hazel.rejected_reason
    assert not maps.chosen and maps.rejected_reason
    assert rec.context == (
        "In the context of the ticket booking API, facing seat holds that must outlive a deploy"
    )
    extra = rec.model_extra or {}
    assert extra["x_chosen_by"] == "the decided option of a Y-statement"
    assert "options" in extra["x_uncertain"] and "chosen" in extra["x_uncertain"]


def test_lines_point_at_each_part() -> None:
    src = read_text(decision(ONE_SENTENCE))
    lines = src.lines
    decision_line = 9  # "## Decision" on 7, a blank line, then the statement
    assert lines[("options", 0)] == decision_line + 1  # "we decided for Valkey" on line 2
    assert lines[("options", 0, "pros", 0)] == decision_line + 2
    assert lines[("options", 0, "cons", 0)] == decision_line + 2
    assert lines[("context",)] == decision_line


def test_a_stated_context_is_kept() -> None:
    src = read_text(decision(ONE_SENTENCE, context="Seat holds vanish on every deploy."))
    assert src.record.context == "Seat holds vanish on every deploy."


def test_split_over_bullets() -> None:
    body = (
        "* In the context of the ticket booking API,\n"
        "* facing seat holds that must outlive a deploy,\n"
        "* we decided to use Valkey\n"
        "* and neglected Hazelcast, in-process maps and a Postgres table,\n"
        "* to achieve holds that survive a rolling restart,\n"
        "* accepting one more cluster to run.\n"
    )
    src = read_text(decision(body))
    assert titles(src) == ["Valkey", "Hazelcast", "in-process maps", "Postgres table"]
    assert chosen_titles(src) == ["Valkey"]
    assert src.record.options[0].cons == ["one more cluster to run"]
    assert src.lines[("options", 1)] == 12  # the "and neglected" bullet


def test_split_over_lines_with_breaks() -> None:
    body = (
        "In the context of nightly exports<br>\n"
        "facing files too large for one worker<br>\n"
        "we decided for Spark<br>\n"
        "and neglected Dask<br>\n"
        "to achieve exports within the window<br>\n"
        "accepting a heavier runtime.\n"
    )
    src = read_text(decision(body))
    assert titles(src) == ["Spark", "Dask"]
    assert chosen_titles(src) == ["Spark"]
    assert src.record.options[0].pros == ["exports within the window"]


def test_whole_body_without_sections() -> None:
    text = (
        "# Pick a message broker\n\nStatus: Accepted\n\n"
        "In the context of order events, facing bursts at checkout, we decided for NATS\n"
        "and against RabbitMQ, to achieve low latency, accepting weaker delivery tooling.\n"
    )
    src = read_text(text)
    assert titles(src) == ["NATS", "RabbitMQ"]
    assert chosen_titles(src) == ["NATS"]
    assert src.record.context == "In the context of order events, facing bursts at checkout"


def test_variants_of_the_neglected_clause() -> None:
    cases = {
        "We decided for Caddy and against nginx.": ("Caddy", ["nginx"]),
        "We decided for Caddy and not for nginx or HAProxy.": ("Caddy", ["nginx", "HAProxy"]),
        "We decided for Caddy, neglecting nginx and Traefik.": ("Caddy", ["nginx", "Traefik"]),
        "We decided to use Caddy and neglected nginx.": ("Caddy", ["nginx"]),
    }
    for body, (chosen, others) in cases.items():
        src = read_text(decision(body))
        assert titles(src) == [chosen, *others], body
        assert chosen_titles(src) == [chosen], body


def test_context_and_decision_without_neglected_give_the_chosen_option() -> None:
    body = (
        "In the context of billing, facing audits, we decided for event sourcing, "
        "to achieve a full history."
    )
    src = read_text(decision(body))
    assert titles(src) == ["event sourcing"]
    assert chosen_titles(src) == ["event sourcing"]
    assert src.record.options[0].pros == ["a full history"]


def test_an_options_section_keeps_its_options_and_the_statement_chooses() -> None:
    text = (
        "# Session store\n\n## Considered Options\n\n* Valkey\n* Hazelcast\n\n"
        "## Decision Outcome\n\nWe decided for Hazelcast and neglected Valkey, to achieve "
        "one JVM stack.\n"
    )
    src = read_text(text)
    assert titles(src) == ["Valkey", "Hazelcast"]
    assert chosen_titles(src) == ["Hazelcast"]


# --- negatives ------------------------------------------------------------------------------


def test_a_bare_decided_for_is_no_y_statement() -> None:
    body = "We decided for a default retention of 7 days, as this is a fair compromise."
    assert parse(body) is None
    assert titles(read_text(decision(body))) == []


def test_template_placeholders_give_nothing() -> None:
    for body in (
        "In the context of <use case>, facing <concern>, we decided for <option> and "
        "neglected <other options>, to achieve <quality>, accepting <downside>.",
        "In the context of (use case)\nfacing (concern)\nwe decided for (option)\n"
        "to achieve (quality)\naccepting (downside).",
        "In the context of {use case}, facing {concern}, we decided for {option} and "
        "neglected {other}.",
    ):
        assert parse(body) is None, body
        assert titles(read_text(decision(body))) == [], body


def test_a_statement_in_the_consequences_is_not_read() -> None:
    text = decision("We will keep sessions in memory for now.") + (
        "\n## Consequences\n\nLater teams decided for Valkey and neglected Hazelcast.\n"
    )
    assert titles(read_text(text)) == []


def test_pronouns_and_the_record_are_not_names() -> None:
    assert parse("We decided for it and neglected the others.") is None
    assert parse("We decided for this ADR and against that one.") is None


def test_the_statement_ends_at_its_sentence() -> None:
    found = parse("We decided for gRPC and neglected REST. The team writes proto files first.")
    assert found is not None
    assert found.chosen == "gRPC"
    assert [n for n, _ in found.neglected] == ["REST"]
    assert found.text == "We decided for gRPC and neglected REST."


# --- the parser on generated names ----------------------------------------------------------

WORD = st.sampled_from(
    [
        *("Kafka", "Pulsar", "Redis", "Valkey", "Postgres", "MySQL", "SQLite", "Caddy"),
        *("Envoy", "Traefik", "NATS", "Spark", "Dask", "Flink", "Consul", "etcd", "Vault"),
    ]
)
NAME = st.lists(WORD, min_size=1, max_size=2, unique=True).map(" ".join)
NEGLECT = st.sampled_from(["and neglected", "and against", "and not for", ", neglecting"])
DECIDE = st.sampled_from(["we decided for", "we decided to use", "We decided for"])


def _listed(names: list[str], last: str) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


@settings(max_examples=200, deadline=None)
@given(
    NAME,
    st.lists(NAME, min_size=1, max_size=4, unique=True),
    NEGLECT,
    DECIDE,
    st.sampled_from(["and", "or"]),
    st.booleans(),
    st.booleans(),
)
def test_every_listed_name_comes_back_and_the_decided_one_is_never_neglected(
    chosen: str,
    others: list[str],
    neglect: str,
    decide: str,
    last: str,
    with_context: bool,
    with_tail: bool,
) -> None:
    others = [o for o in others if o.lower() != chosen.lower()]
    if not others:
        return
    sep = "" if neglect.startswith(",") else " "
    text = f"{decide} {chosen}{sep}{neglect} {_listed(others, last)}"
    if with_context:
        text = f"In the context of the order service, facing slow reads, {text}"
    if with_tail:
        text += ", to achieve fast reads, accepting more moving parts"
    found = parse(text + ".")
    assert found is not None, text
    assert found.chosen == chosen
    neglected = [n for n, _ in found.neglected]
    assert neglected == others
    assert chosen.lower() not in {n.lower() for n in neglected}
    assert (found.achieve == "fast reads") is with_tail
    assert bool(found.context) is with_context


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_statement_whose_names_are_distinct(text: str) -> None:
    found = parse(text)
    if found is None:
        return
    names = [found.chosen.lower()] + [n.lower() for n, _ in found.neglected]
    assert len(names) == len(set(names))
    assert all(names)
