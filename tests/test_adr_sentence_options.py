"""Alternatives written in sentences: two-way choices ("Pick X over Y", "X rather than Y",
"replace X with Y"), enumerations ("Either X, Y or Z"), alternatives turned down in a
sentence ("a rewrite would be risky", "Alternatives rejected: X (why); Y (why)") and
options sections written as bold-led paragraphs.

One small fixture per layout under tests/data/adr_sentences/ (each written for the test),
checked for its options, the choice and what was marked uncertain; sentence-level cases for
each pattern and for the sentences that look alike but choose nothing; properties for the
readers on any text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from adr_layout import load_from
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records.adr.inline import enumerated, labelled, turned_down
from decaudit.engine.records.adr.names import MAX_NAME_CHARS, MAX_NAME_WORDS, Said
from decaudit.engine.records.adr.options import read_options
from decaudit.engine.records.adr.twoway import two_way
from decaudit.engine.records.document import parse_markdown
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

HERE = Path(__file__).parent / "data" / "adr_sentences"
TODAY = dt.date(2026, 12, 1)


def load(name: str) -> SourceRecord:
    return load_from("adr_sentences", name)


def summary(src: SourceRecord) -> list[tuple[str, bool]]:
    return [(o.title, o.chosen) for o in src.record.options]


def extra(src: SourceRecord, key: str) -> object:
    return (src.record.model_extra or {}).get(key)


TWO_WAY = "the chosen side of a two-way sentence"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pick-over.md", [("Kyverno and its webhooks", True), ("CEL admission policies", False)]),
        (
            "rather-than.md",
            [("operate the RabbitMQ cluster ourselves", True), ("Amazon MQ", False)],
        ),
        (
            "instead-of-fronted.md",
            [("namespace-per-team layout", True), ("creating a new cloud project", False)],
        ),
        ("in-favour.md", [("getopt", False), ("Typer", True)]),
        (
            "replace-status-quo.md",
            [("HashiCorp Terraform Cloud", False), ("Amazon S3 state buckets", True)],
        ),
        ("why-replaces.md", [("po-lint", False), ("i18n-scan", True)]),
        ("migrate-from.md", [("EC2 worker groups", False), ("AWS Fargate profiles", True)]),
    ],
)
def test_a_two_way_sentence_gives_the_chosen_option_and_the_other(
    name: str, expected: list[tuple[str, bool]]
) -> None:
    src = load(name)
    assert summary(src) == expected
    assert extra(src, "x_chosen_by") == TWO_WAY
    assert extra(src, "x_uncertain") == ["options", "chosen"]
    line = src.line_of(("options", 0))
    text = (HERE / name).read_text().splitlines()[line - 1]
    assert any(o.title.split()[0].strip("`") in text for o in src.record.options[:1])


def test_the_side_a_decision_replaces_is_the_status_quo_and_counts_as_the_baseline() -> None:
    src = load("replace-status-quo.md")
    incumbent = src.record.options[0]
    assert incumbent.description is not None and "status quo" in incumbent.description
    decision = derive(src, FactContext(today=TODAY)).decision
    assert decision["do_nothing_count"] == 1
    assert decision["business_context"] is True  # the subscription's cost


def test_findings_on_sentence_options_are_low_and_say_they_are_uncertain() -> None:
    paths = (str(HERE / "replace-status-quo.md"),)
    findings = run_check(CheckOptions(paths=paths, today=TODAY)).findings
    by_rule = {f.rule_id: f for f in findings}
    assert "ALT005" not in by_rule  # the status quo is the baseline
    assert "REC003" not in by_rule
    alt002 = by_rule["ALT002"]  # one real option besides the status quo: true, but uncertain
    assert alt002.severity == "low"
    assert "uncertain extraction of options" in alt002.message


def test_no_record_with_sentence_options_is_flagged_for_recording_none() -> None:
    names = sorted(p.name for p in HERE.glob("*.md") if p.name != "not-choices.md")
    findings = run_check(CheckOptions(paths=(str(HERE),), today=TODAY)).findings
    flagged = {Path(f.file).name for f in findings if f.rule_id == "REC003" and f.file}
    assert not flagged.intersection(names)
    assert all(load(n).record.options for n in names)


def test_an_enumeration_after_there_are_a_few_options() -> None:
    src = load("either-options.md")
    assert summary(src) == [
        ("query the register database directly", False),
        ("build a new read API", False),
        ("existing Register API", True),  # the decision names it
    ]
    assert extra(src, "x_uncertain") == ["options", "chosen"]


def test_alternatives_turned_down_in_the_context_and_the_decision_as_chosen() -> None:
    src = load("turned-down-in-context.md")
    assert summary(src) == [
        ("complete, immediate rewrite", False),
        ("Adding the new checks to the old harness", False),
        ("Migrate the tests step by step", True),  # the decision itself
    ]
    first = src.record.options[0]
    assert first.rejected_reason is not None and "risky" in first.rejected_reason
    assert extra(src, "x_chosen_by") == "the decision section (alternatives listed as rejected)"


def test_a_labelled_run_of_rejected_alternatives_with_their_reasons() -> None:
    src = load("labelled-rejected.md")
    opts = src.record.options
    assert [(o.title, o.rejected_reason) for o in opts[:3]] == [
        ("fixed number of days", "simple, but not tied to releases"),
        ("bumping package.json", "nothing bumps it"),
        ("github.run_id", "meaningless"),
    ]
    assert opts[3].chosen and opts[3].title == "Baseline for new code"


def test_an_options_section_of_bold_led_paragraphs() -> None:
    src = load("led-paragraphs.md")
    assert summary(src) == [
        ("Keep transactions embedded and prune old ones", False),
        ("Keep the current workaround (status quo)", False),
        ("Store a running total beside the ledger", False),
        ("Balance ledger", True),
    ]
    first = src.record.options[0]
    assert first.description == "Defers the size problem rather than removing it."
    decision = derive(src, FactContext(today=TODAY)).decision
    assert decision["do_nothing_count"] == 1  # "(status quo)"


def test_sentences_that_look_like_choices_but_are_not_give_no_options() -> None:
    src = load("not-choices.md")
    assert src.record.options == []


@pytest.mark.parametrize(
    ("sentence", "chosen", "other"),
    [
        ("Pick Postgres over MySQL.", "Postgres", "MySQL"),
        ("We prefer `ruff` over flake8 for linting.", "ruff", "flake8"),
        ("Use RDS instead of self-managed EC2 databases", "RDS", "self-managed EC2 databases"),
        (
            "We are using ElastiCache instead of running our own Redis.",
            "ElastiCache",
            "running our own Redis",
        ),
        (
            "Rather than a shared admin page, we will build three separate pages.",
            "build three separate pages",
            "shared admin page",
        ),
        (
            "We will use a shared domain for all services rather than a separate domain for each.",
            "shared domain",
            "separate domain",
        ),
        ("Kafka will be used instead of RabbitMQ.", "Kafka", "RabbitMQ"),
        ("We decided to use Okta in favour of Auth0.", "Okta", "Auth0"),
        ("We will deprecate the REST API in favour of GraphQL.", "GraphQL", "REST API"),
        ("We will replace Jenkins with GitHub Actions.", "GitHub Actions", "Jenkins"),
        ("Jenkins will be replaced by GitHub Actions.", "GitHub Actions", "Jenkins"),
        (
            "The decision has been made to migrate from the v1 cluster to the v2 cluster.",
            "v2 cluster",
            "v1 cluster",
        ),
        (
            "Build the image with SELINUX=permissive instead of SELINUX=enforcing",
            "SELINUX=permissive",
            "SELINUX=enforcing",
        ),
    ],
)
def test_two_way_sentences(sentence: str, chosen: str, other: str) -> None:
    found = two_way(Said(sentence, 1, ("ruff",)))
    assert found is not None
    assert (found.chosen, found.other) == (chosen, other)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jobs are retried rather than waiting for the next night.",
        "We will run the job daily instead of 3 days later.",
        "The rota was drawn in favour of the team.",
        "As part of the move from Celery to Dramatiq, it was decided that the runner is rewritten.",
        "Migrating data from Census to GSA",  # a gerund title names a topic
        "We should apply the brand, replacing the GOV.UK header with our own banner.",
        "We will replace Cognito with the buyer sign-in services when they are available.",
        "This ADR supersedes ADR-0005.",
        "We will replace it with something better.",
        "Teams should open a pull request rather than pushing to main.",
        "Requests go over HTTPS to the gateway.",
        "We use gRPC over HTTP/2.",
        "Developers focus on their code rather than struggling with the editor.",
        "We chose Terraform to manage the accounts.",
        "Redis is used to cache the Sessions.",
        "The Username & Password have been replaced with ClientAuth & SecretPath.",
        "The approaches taken for migrating from MongoDB to DocumentDB are:",
    ],
)
def test_sentences_that_choose_nothing(sentence: str) -> None:
    assert two_way(Said(sentence, 1)) is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Running our own Kafka cluster is not a viable option.", "Running our own Kafka cluster"),
        (
            "There is little capacity and adding metrics to their Prometheus is not a good option.",
            "adding metrics to their Prometheus",
        ),
        (
            "Requesting a data dump from other teams is not sustainable.",
            "Requesting a data dump from other teams",
        ),
        ("A full rewrite in Go would be too costly.", "full rewrite"),
        ("**Routing this through SQS, considered and rejected.**", "Routing this through SQS"),
        ("Sharding the database was ruled out early.", "Sharding the database"),
        ("We decided against Apache Kafka.", "Apache Kafka"),
        ("We decide against LegalDocML.de because it is not stable.", "LegalDocML.de"),
        ("We choose not to use Apache Kafka.", "Apache Kafka"),
    ],
)
def test_an_alternative_turned_down_in_a_sentence(sentence: str, name: str) -> None:
    assert turned_down(Said(sentence, 1)) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "When starting a new project, it isn't practical to start from scratch.",
        "This is not a good option.",
        "It would be too costly.",
        "Doing so would be risky.",
        "The change would be risky, but we accept it.",  # one generic word is no alternative
        "Nothing was rejected.",
        "A naive implementation would look like this.",
    ],
)
def test_sentences_that_turn_nothing_down(sentence: str) -> None:
    assert turned_down(Said(sentence, 1)) == ""


@pytest.mark.parametrize(
    ("sentences", "items"),
    [
        (
            ["There are a few options.", "Either use Redis, write to Postgres or keep files."],
            ["Redis", "write to Postgres", "keep files"],
        ),
        (
            ["We could either host GitLab ourselves or buy GitLab SaaS."],
            ["host GitLab ourselves", "buy GitLab SaaS"],
        ),
        (
            ["The options are: Vault, AWS Secrets Manager and SOPS files."],
            ["Vault", "AWS Secrets Manager", "SOPS files"],
        ),
        (
            ["Should we build our own gateway or buy Kong Enterprise?"],
            ["build our own gateway", "buy Kong Enterprise"],
        ),
    ],
)
def test_enumerations_in_a_sentence(sentences: list[str], items: list[str]) -> None:
    found = enumerated([Said(s, 1) for s in sentences])
    assert found is not None and found[0] == items


@pytest.mark.parametrize(
    "sentences",
    [
        ["Either way, the data is copied."],  # no options sentence before it
        ["There are a few options.", "Either it works or it fails."],
        ["Users can either log in or sign up."],  # not the deciders' choice
        ["The options are listed below."],
        ["Should we care?"],
    ],
)
def test_sentences_that_enumerate_nothing(sentences: list[str]) -> None:
    assert enumerated([Said(s, 1) for s in sentences]) is None


def test_a_labelled_run_needs_two_names() -> None:
    assert labelled(Said("Options considered: none.", 1)) == ([], False)
    found, turned = labelled(Said("Other options: Vault (cost), SOPS (no audit log).", 1))
    assert found == [("Vault", "cost"), ("SOPS", "no audit log")] and turned


# Words that never make a choice, an enumeration or a rejection.
_NEUTRAL_WORDS = (
    "we will the a service team data logs build deploy run store queue Postgres Kafka API "
    "users write read each night fast slow cluster nodes keep backups and for in with of is "
    "are be it this That New Old v2 3 days"
)
NEUTRAL = st.sampled_from(_NEUTRAL_WORDS.split())
PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", ": ", "; ", "\n"])


@st.composite
def neutral_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(NEUTRAL, PUNCT), min_size=1, max_size=40))
    return "".join(w + p for w, p in words).strip()


_CHOICE_WORDS = (
    "we will use pick X over Y rather than instead of in favour replace with migrate "
    "from to either or options are there a few is not good option would be risky "
    "rejected decided against Alternatives rejected: ( ) ; , . ? should Kafka `x` "
    "the it a Postgres running own"
)
ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300
) | st.builds(
    " ".join,
    st.lists(
        st.sampled_from(_CHOICE_WORDS.split()),
        max_size=40,
    ),
)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_readers_never_raise_and_give_bounded_names(text: str) -> None:
    said = Said(text, 1)
    found = two_way(said)
    names = [found.chosen, found.other] if found else []
    names.append(turned_down(said))
    listed = enumerated([said])
    names += listed[0] if listed else []
    names += [n for n, _ in labelled(said)[0]]
    for name in names:
        if name:
            assert name.strip() == name
            assert len(name.split()) <= MAX_NAME_WORDS and len(name) <= MAX_NAME_CHARS + 40


@settings(max_examples=100, deadline=None)
@given(neutral_text(), neutral_text())
def test_records_without_a_choice_word_get_no_options(context: str, decision: str) -> None:
    head = "# Title\n\n## Status\n\nAccepted\n\n"
    text = f"{head}## Context\n\n{context}\n\n## Decision\n\n{decision}\n"
    found, _ = read_options(parse_markdown(text), "Title", 1)
    assert found == []


NYGARD = (
    "# {n}. {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{context}\n\n"
    "## Decision\n\n{decision}\n"
)


def test_a_folder_counts_options_named_only_in_prose_as_its_templates_gap(tmp_path: Path) -> None:
    """A record whose options were read from its prose still follows a template with no place
    for options: it counts toward the folder's share, but REC003 does not fire on it."""
    decisions = [
        "Every service logs to standard output.",
        "Metrics go to the shared Prometheus.",
        "Traces are sampled at one percent.",
        "Pick Grafana Loki over Elasticsearch for the logs.",
    ]
    for n, decision in enumerate(decisions, start=1):
        text = NYGARD.format(n=n, title=f"Observability {n}", context="We run 40 services.",
                             decision=decision)  # fmt: skip
        (tmp_path / f"000{n}-observability-{n}.md").write_text(text)
    findings = run_check(CheckOptions(paths=(str(tmp_path),), today=TODAY)).findings
    (folded,) = [f for f in findings if f.rule_id == "REC003"]
    assert folded.decision_id.startswith("(folder) ")
    assert "4 of the 4 records" in folded.message
    assert (
        "record no options, though at least 1 of them names options in its prose" in folded.message
    )
    assert folded.evidence["count"] == 3 and folded.evidence["in_prose"] == 1


def test_a_folder_counts_an_alternative_argued_in_prose_as_named_in_prose(tmp_path: Path) -> None:
    """A record with no options that argues an alternative in a sentence ("We also looked at
    polling the table") is quiet under REC003; the folder's count says it names its options
    in prose, not that it records none."""
    contexts = ["We need events."] * 3 + ["We also looked at polling the table, but it is slow."]
    for n, context in enumerate(contexts, start=1):
        text = NYGARD.format(n=n, title=f"Events {n}", context=context,
                             decision="We will use a queue.")  # fmt: skip
        (tmp_path / f"000{n}-events-{n}.md").write_text(text)
    findings = run_check(CheckOptions(paths=(str(tmp_path),), today=TODAY)).findings
    (folded,) = [f for f in findings if f.rule_id == "REC003"]
    assert (
        "record no options, though at least 1 of them names options in its prose" in folded.message
    )
    assert folded.evidence["count"] == 3 and folded.evidence["in_prose"] == 1


def test_a_folder_where_most_records_name_options_in_prose_claims_no_template_gap(
    tmp_path: Path,
) -> None:
    """When half or more of the records with no options list name their alternatives in
    prose, the folder does weigh alternatives where its readers cannot list them: its one
    finding says how many records name none at all, and claims no template gap."""
    contexts = ["We need events."] * 2 + [
        "We also looked at polling the table, but it is slow.",
        "We also looked at webhooks, but they are lost when a client is down.",
    ]
    for n, context in enumerate(contexts, start=1):
        text = NYGARD.format(n=n, title=f"Events {n}", context=context,
                             decision="We will use a queue.")  # fmt: skip
        (tmp_path / f"000{n}-events-{n}.md").write_text(text)
    findings = run_check(CheckOptions(paths=(str(tmp_path),), today=TODAY)).findings
    (folded,) = [f for f in findings if f.rule_id == "REC003"]
    assert folded.message.startswith(
        f"2 of the 4 records in folder '{tmp_path.name}' record no options, nor name any in a "
        "sentence decaudit reads (a reader may miss some); 2 more name options only in their "
        "prose"
    )
    assert "template" not in folded.message


def test_a_folder_where_some_records_name_deciders_blames_no_template(tmp_path: Path) -> None:
    for n in range(1, 5):
        deciders = "\n\nDeciders: Ana Lima" if n == 4 else ""
        text = (
            f"# {n}. Queue {n}\n\n## Status\n\nAccepted{deciders}\n\n## Context\n\nWe need events."
            "\n\n## Decision\n\nWe will use a queue instead of polling.\n"
        )
        (tmp_path / f"000{n}-queue-{n}.md").write_text(text)
    findings = run_check(CheckOptions(paths=(str(tmp_path),), today=TODAY)).findings
    (folded,) = [f for f in findings if f.rule_id == "GOV002"]
    assert "3 of the 4 records" in folded.message
    assert "the other 1 records decision makers" in folded.message
    assert "template" not in folded.message


def test_a_unit_cost_in_a_software_record_is_no_business_context() -> None:
    src = load("replace-status-quo.md")
    rec = src.record.model_copy(
        update={
            "context": "Our API keeps its state in a hosted service; requests cost $864 a month."
        }
    )
    decision = derive(replace(src, record=rec), FactContext(today=TODAY)).decision
    assert decision["business_context"] is False
