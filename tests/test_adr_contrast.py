"""Alternatives argued in prose: a sentence of the context or the decision that sets the
approach taken against another ("Rather than X, it was decided to Y", "Despite the strengths
of X, we are sticking with Y", "X is no longer an option", "e.g. Y instead of X"), and the
polarity of "An alternative is to adopt X" (taken when the decision restates X).

Records are written here for the test; sentence-level cases cover each form and the
sentences that look alike but choose nothing (history, consequences, future, hypotheses, a
description of one approach); properties bound what any reader gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from adr_layout import load_from
from decaudit.engine.records.adr.adopted import restated
from decaudit.engine.records.adr.contrast import (
    contrast,
    contrasts,
    no_longer,
    none_fits,
    ruled_out,
)
from decaudit.engine.records.adr.names import MAX_NAME_CHARS, Said
from decaudit.engine.records.adr.options import read_options
from decaudit.engine.records.document import parse_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

DATA = Path(__file__).parent / "data" / "adr_contrast"


def record(context: str, decision: str, consequences: str = "", title: str = "A choice") -> str:
    text = f"# {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{context}\n\n"
    text += f"## Decision\n\n{decision}\n"
    if consequences:
        text += f"\n## Consequences\n\n{consequences}\n"
    return text


def options(text: str, title: str = "A choice") -> list[tuple[str, bool, bool]]:
    """(title, marked chosen, rejected) of each option read from the record."""
    found, _ = read_options(parse_markdown(text), title, 1)
    return [(o.title, o.marked, o.rejected) for o in found]


# --- whole records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "decision", "expected"),
    [
        (
            "The report needs a place to keep its drafts.",
            "Rather than adding a new table it was decided to extend the existing audit table.",
            [("extend the existing audit table", True, False), ("adding a new table", False, True)],
        ),
        (
            "Rather than trying to patch every client by hand, the decision was made to ship "
            "a shared SDK.",
            "Ship the SDK from the monorepo.",
            [("ship a shared SDK", True, False), ("patch every client", False, True)],
        ),
        (
            "Builds are slow.",
            "We have decided to cache the dependency layer instead of rebuilding the image.",
            [
                ("cache the dependency layer", True, False),
                ("rebuilding the image", False, True),
            ],
        ),
        (
            "Two charting libraries are popular with our developers.",
            "Despite the strengths of `Vega-Lite`, we are currently sticking with Chart.js.",
            [("Chart.js", True, False), ("Vega-Lite", False, True)],
        ),
        (
            "The queue needs a broker.",
            "Although Kafka offers higher throughput, we will use RabbitMQ.",
            [("RabbitMQ", True, False), ("Kafka", False, True)],
        ),
        (
            "Sessions need a lifetime.",
            "Tokens should not be revoked on first use, rather they should expire after an hour.",
            [("expire after an hour", True, False), ("revoked on first use", False, True)],
        ),
        (
            "Teams pick their own databases.",
            "Open source software is the first choice.\n\nExample: MariaDB instead of Oracle.",
            [("MariaDB", True, False), ("Oracle", False, True)],
        ),
        (
            "We are currently using the order number to find a refund. "
            "The alternative to that is the gateway `refund id` field.",
            "We will look refunds up by the gateway refund id field.",
            [("order number", False, True), ("gateway refund id field", True, False)],
        ),
    ],
)
def test_a_contrast_gives_the_side_taken_and_the_one_not_taken(
    context: str, decision: str, expected: list[tuple[str, bool, bool]]
) -> None:
    assert sorted(options(record(context, decision))) == sorted(expected)


def test_an_alternative_the_decision_adopts_is_the_chosen_one_not_a_rejected_one() -> None:
    context = (
        "Styles must be quick to edit. Hand-written rules rule out hard-coding the styles "
        "in the renderer.\n\nAn alternative is to adopt a small embeddable interpreter "
        "from the start. Nobody wants to write its code by hand."
    )
    decision = "Implement an embedded interpreter fed from a readable source format."
    got = options(record(context, decision))
    assert got == [
        ("small embeddable interpreter from the start", True, False),
        ("hard-coding the styles", False, True),
    ]


def test_an_alternative_the_decision_does_not_adopt_stays_rejected() -> None:
    context = "Reports are slow. An alternative is to adopt a nightly batch export."
    decision = "We will add read replicas for the reporting queries."
    assert options(record(context, decision)) == [("nightly batch export", False, True)]


def test_an_approach_no_longer_an_option_is_the_status_quo_not_taken() -> None:
    context = (
        "In the past we handled logins by running two proxy instances behind the SSO "
        "gateway. The gateway is being retired. Given that, this is no longer an option."
    )
    decision = "Run a single proxy with two virtual hosts."
    (opt,) = options(record(context, decision))
    assert opt == ("running two proxy instances behind the SSO gateway", False, True)


def test_the_whole_record_takes_its_decision_as_the_chosen_option() -> None:
    src = load_from("adr_contrast", "no-longer.md")
    got = [(o.title, o.chosen) for o in src.record.options]
    assert got == [("FTP drop box", False), ("Use signed upload links", True)]
    assert "options" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_a_despite_sentence_in_a_record_marks_the_chosen_library() -> None:
    src = load_from("adr_contrast", "despite.md")
    got = [(o.title, o.chosen) for o in src.record.options]
    assert got == [("Pydantic", True), ("attrs", False)]


@pytest.mark.parametrize(
    ("context", "decision", "consequences"),
    [
        # history: what was done before, not what is decided
        ("Years ago we used Ant rather than Maven.", "Keep the current build.", ""),
        ("In 2019 the team wrote a parser instead of buying one.", "Keep the parser.", ""),
        # a description of one approach
        ("The service pushes events rather than polling the database.", "Add a retry.", ""),
        (
            "Rather than polling, the service pushes events to its clients.",
            "Add a retry to the push.",
            "",
        ),
        # consequences are effects, not choices
        (
            "The API needs a cache.",
            "Add Redis.",
            "Rather than hitting the database, it was decided to read the cache first.",
        ),
        # future and hypothetical choices
        (
            "Storage is growing.",
            "Rather than buying disks now, we will revisit this when the budget is known.",
            "",
        ),
        ("Storage is growing.", "We could archive old rows rather than buying disks.", ""),
        ("Storage is growing.", "If we decided to shard, rather than archive, ...", ""),
        # no longer, but not an option
        ("Python 3.8 is no longer supported by the vendor.", "Upgrade to Python 3.12.", ""),
        # a contrast of settings, not of options
        (
            "Identities are managed per team.",
            "We will manage identities centrally at the organisation level rather than at a "
            "team level.",
            "",
        ),
        # "not" that is not a contrast of options
        ("Logs are noisy.", "Use structured logging, not only for errors.", ""),
        # rule out a problem, not an approach
        ("Data may be lost.", "Nightly backups rule out any data loss.", ""),
    ],
)
def test_sentences_that_look_alike_but_choose_nothing(
    context: str, decision: str, consequences: str
) -> None:
    assert options(record(context, decision, consequences)) == []


def test_a_record_without_a_decision_gets_no_contrast() -> None:
    text = "# Notes\n\n## Context\n\nRather than adding a table, it was decided to reuse one.\n"
    assert contrasts(parse_markdown(text)) == []


# --- sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "chosen", "other"),
    [
        ("Rather than X-Ray, it was decided to use Jaeger.", "Jaeger", "X-Ray"),
        (
            "Instead of Jenkins, the team agreed to adopt GitHub Actions.",
            "GitHub Actions",
            "Jenkins",
        ),
        ("Rather than Terraform we have decided to use Pulumi.", "Pulumi", "Terraform"),
        (
            "It was decided to keep one repository per service rather than a single shared "
            "monorepo.",
            "keep one repository per service",
            "single shared monorepo",
        ),
        ("In spite of the merits of Svelte, we are sticking with React.", "React", "Svelte"),
        ("Despite the advantages of gRPC, we will keep using REST.", "REST", "gRPC"),
        ("While Poetry is popular, we will use Hatch.", "Hatch", "Poetry"),
        ("We will use PostgreSQL, not MongoDB.", "PostgreSQL", "MongoDB"),
        ("e.g. Keycloak instead of Okta", "Keycloak", "Okta"),
        ("For example: OpenSearch rather than Splunk.", "OpenSearch", "Splunk"),
        (
            "Ahead of the migration, it was decided that the handlers should be ported to use "
            "`Tokio` instead of `async-std`.",
            "Tokio",
            "async-std",
        ),
        (
            "In addition, within a pipeline, rather than the confusing legacy flag, we have "
            "decided to use the more explicit RetryMode flag.",
            "explicit RetryMode flag",
            "confusing legacy flag",
        ),
    ],
)
def test_contrast_sentences(sentence: str, chosen: str, other: str) -> None:
    found = contrast(Said(sentence, 1), in_decision=True)
    assert found is not None
    assert (found.chosen, found.other) == (chosen, other)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rather than X, this approach clones the files.",  # only a decision's own design
        "e.g. PostgreSQL instead of SQL Server.",  # examples only in a decision
        "Despite the strengths of Kafka, we could use RabbitMQ.",
        "Rather than Terraform, we used Pulumi.",
        "If the budget allows, rather than Terraform, we have decided to use Pulumi.",
        "When the licence ends, it was decided to use Pulumi rather than Terraform.",
    ],
)
def test_context_sentences_that_are_not_read_as_contrasts(sentence: str) -> None:
    assert contrast(Said(sentence, 1), in_decision=False) is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Self-hosted GitLab is no longer an option.", "Self-hosted GitLab"),
        ("Since the licence changed, Elasticsearch is no longer a viable option.", "Elasticsearch"),
        ("Running our own mail server is no longer feasible.", "Running our own mail server"),
    ],
)
def test_no_longer_an_option(sentence: str, name: str) -> None:
    found = no_longer([Said(sentence, 1)], 0)
    assert found is not None and found.other == name and found.chosen == ""


@pytest.mark.parametrize(
    "sentences",
    [
        ["The old API is no longer supported."],
        ["We met on Monday.", "This is no longer an option."],  # "this" names no approach
        ["It is no longer possible to log in twice."],
    ],
)
def test_no_longer_without_an_approach(sentences: list[str]) -> None:
    saids = [Said(s, n) for n, s in enumerate(sentences, start=1)]
    assert no_longer(saids, len(saids) - 1) is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Points 2 and 3 rule out hard-coding the styles.", "hard-coding the styles"),
        ("The licence rules out `Redis Enterprise`.", "Redis Enterprise"),
    ],
)
def test_ruled_out(sentence: str, name: str) -> None:
    found = ruled_out(Said(sentence, 1, ("Redis Enterprise",)))
    assert found is not None and found.other == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Backups rule out data loss.",
        "This rules out the possibility of a race.",
        "Tests rule out bugs.",
    ],
)
def test_ruled_out_needs_an_approach(sentence: str) -> None:
    assert ruled_out(Said(sentence, 1)) is None


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        ("embeddable bytecode", "Implement an embedded bytecode interpreter.", True),
        ("native payment key", "We will use the native payment key for matching.", True),
        ("Kafka", "Use Kafka for events.", True),
        ("managed Kafka service", "Run Kafka ourselves.", False),
        ("native payment key", "We will not use the native payment key.", False),
        ("nightly batch export", "Add read replicas.", False),
    ],
)
def test_a_decision_restates_an_alternative(name: str, sentence: str, expected: bool) -> None:
    assert restated(name, sentence) is expected


# --- properties ----------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "rather",
        "than",
        "instead",
        "of",
        "despite",
        "the",
        "strengths",
        "we",
        "it",
        "this",
        "was",
        "decided",
        "to",
        "use",
        "not",
        "no",
        "longer",
        "an",
        "option",
        "although",
        "will",
        "sticking",
        "with",
        "e.g.",
        "Kafka",
        "42",
        "3",
        "days",
        "them",
        "rule",
        "out",
        ",",
        ".",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=24), st.booleans())
def test_a_contrast_never_gives_a_pronoun_a_number_or_two_equal_sides(
    words: list[str], decision: bool
) -> None:
    said = Said(" ".join(words), 1)
    found = [contrast(said, in_decision=decision), no_longer([said], 0), ruled_out(said)]
    for f in (f for f in found if f is not None):
        assert f.other and f.other.lower() != f.chosen.lower()
        for side in (s for s in (f.chosen, f.other) if s):
            assert side.split()[0].lower() not in {"it", "this", "we", "them", "they", "that"}
            assert not side.split()[0].replace(".", "").isdigit()
            assert len(side) <= 2 * MAX_NAME_CHARS


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_record_text_reads_without_error(context: str, decision: str) -> None:
    found, _ = read_options(parse_markdown(record(context, decision)), "T", 1)
    assert all(o.title for o in found)


_FILLER = st.sampled_from(
    ["it", "this", "them", "42", "3 days", "Kafka", "kafka", "the Kafka cluster", "running Kafka"]
)
_TEMPLATES = (
    "Rather than {a}, it was decided to use {b}.",
    "Despite the strengths of {a}, we are sticking with {b}.",
    "We have decided to use {b} instead of {a}.",
    "Although {a} is faster, we will use {b}.",
    "We will use {b}, not {a}.",
    "e.g. {b} instead of {a}",
    "{a} is no longer an option.",
    "The constraints rule out {a}.",
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TEMPLATES), _FILLER, _FILLER)
def test_templated_contrasts_never_name_a_pronoun_a_number_or_equal_sides(
    template: str, a: str, b: str
) -> None:
    said = Said(template.format(a=a, b=b), 1)
    for f in (contrast(said, in_decision=True), no_longer([said], 0), ruled_out(said)):
        if f is None:
            continue
        assert f.other.lower() != f.chosen.lower()
        for side in (s for s in (f.chosen, f.other) if s):
            assert side.lower() not in {"it", "this", "them", "42", "3 days"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Use npm instead of yarn", [("npm", True, False), ("yarn", False, True)]),
        ("Prefer tabs over spaces", [("tabs", True, False), ("spaces", False, True)]),
        ("Use the new build rather than it", []),
        ("Use flat files instead of 3 days", []),
    ],
)
def test_a_title_choosing_between_two_short_names(
    title: str, expected: list[tuple[str, bool, bool]]
) -> None:
    text = record("We need a tool.", "Switch now.", title=title)
    got = options(text, title=title)
    assert [(t, c) for t, c, _ in got] == [(t, c) for t, c, _ in expected]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("No existing solutions (such as embedding Lua) could be found to fit.", ["embedding Lua"]),
        ("None of the hosted services, such as Auth0 or Okta, met the need.", ["Auth0", "Okta"]),
        ("We found no problems (such as memory leaks) in the trial.", []),
        ("There are no options here.", []),
    ],
)
def test_examples_of_a_kind_none_of_which_fits(sentence: str, names: list[str]) -> None:
    assert [f.other for f in none_fits(Said(sentence, 1))] == names


@pytest.mark.parametrize(
    ("context", "decision", "expected"),
    [
        (
            "However, our jobs run unattended. Requiring manual approval would:\n\n"
            "- block every deploy\n- page someone at night",
            "We will keep automatic approval and alert on unknown requests.",
            [("Requiring manual approval", False, True)],
        ),
        # the approach weighed is the one the decision takes
        (
            "Adopting a message queue would:\n\n- decouple the services\n- absorb bursts",
            "Adopt a message queue between the services.",
            [],
        ),
        # not an approach: no gerund phrase
        ("The change would:\n\n- touch every file", "Make the change.", []),
    ],
)
def test_an_approach_whose_effects_are_listed(
    context: str, decision: str, expected: list[tuple[str, bool, bool]]
) -> None:
    assert options(record(context, decision)) == expected


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("We will strongly prefer Postgres over MySQL.", ("Postgres", "MySQL")),
        ("We really prefer Postgres over MySQL.", ("Postgres", "MySQL")),
        ("We only use Postgres over MySQL.", None),  # "use ... over" weighs nothing
    ],
)
def test_an_adverb_among_the_auxiliaries_keeps_the_two_way_sentence(
    sentence: str, sides: tuple[str, str] | None
) -> None:
    from decaudit.engine.records.adr.twoway import two_way

    found = two_way(Said(sentence, 1))
    assert (None if found is None else (found.chosen, found.other)) == sides


@pytest.mark.parametrize(
    ("decision", "chosen", "others"),
    [
        (
            "Use the GraphQL API to read supplier data, instead of using the content API or "
            "the Contentful CDA gem.",
            "GraphQL API",
            ["content API", "Contentful CDA gem"],
        ),
        ("Adopt Renovate instead of Dependabot.", "Renovate", ["Dependabot"]),
        ("Use Postgres rather than MongoDB, Cassandra or DynamoDB.", "Postgres",
         ["MongoDB", "Cassandra", "DynamoDB"]),
    ],
)  # fmt: skip
def test_an_imperative_decision_against_what_it_is_done_instead_of(
    decision: str, chosen: str, others: list[str]
) -> None:
    (opts, _) = read_options(parse_markdown(record("Data lives in a CMS.", decision)))
    assert [o.title for o in opts if o.marked] == [chosen]
    assert [o.title for o in opts if not o.marked] == others
    assert all(o.rejected and decision in o.description for o in opts if not o.marked)


@pytest.mark.parametrize(
    "decision",
    [
        "Use the content API if needed, instead of the gem.",  # a condition, not the choice
        "Use GraphQL instead of it.",  # what it is done instead of names nothing
    ],
)
def test_imperatives_that_set_nothing_against_the_choice(decision: str) -> None:
    (opts, _) = read_options(parse_markdown(record("Data lives in a CMS.", decision)))
    assert opts == []
