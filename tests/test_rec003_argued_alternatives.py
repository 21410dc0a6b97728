"""REC003 ("records no options") and alternatives argued outside the context and decision text.

Design documents and free-form records weigh their approaches where they describe them: in
bullets of a design, approach or implementation section, or in a discussion or notes
paragraph. The ADR reader keeps the line of the first such sentence
(``x_alternative_argued``) and the ``alternative_named`` fact reads it, so REC003 does not
fire. Sentences that only look alike do not count: "Alternatively, the caller may ..." (a
second mode of a feature), "the --trace option" (a setting), "offered as an alternative to
X" inside a sentence (positioning), and anything said in the consequences, links or
references.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.facts.nature import names_alternative
from decaudit.engine.model import Record
from decaudit.engine.packdata import lexicon
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.adr_layout import read_text

TODAY = dt.date(2026, 6, 30)
KEY = "x_alternative_argued"


def design_doc(section: str, body: str, decision: str = "") -> str:
    """A free-form design record with no options section: the body sits in ``section``."""
    decision_part = f"## Decision\n\n{decision}\n\n" if decision else ""
    return (
        "# Cache for the catalogue service\n\n"
        "## Status\n\nAccepted\n\n"
        "## Context\n\nCatalogue pages are slow when the pricing service is busy.\n\n"
        f"{decision_part}"
        f"## {section}\n\n{body}\n\n"
        "## Consequences\n\nOne more component to run.\n"
    )


def argued(text: str) -> int | None:
    value = read_text(text).record.model_extra.get(KEY)
    assert value is None or isinstance(value, int)
    return value


def rec003(tmp_path: Path, text: str) -> int:
    path = tmp_path / "0004-catalogue-cache.md"
    path.write_text(text, encoding="utf-8")
    findings = run_check(CheckOptions(paths=(str(path),), today=TODAY)).findings
    return sum(1 for f in findings if f.rule_id == "REC003")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# -- forms that argue an alternative, in the sections design documents use -------------------

ARGUED = [
    (
        "Detailed Design",
        "We modify the formula to use collateral utilization rather than supply utilization.",
        "We modify the formula",
    ),
    (
        "Multiple replacements",
        "Rather than allowing a list of prefixes, we could require a separate proxy for each "
        "prefix. This simplifies the API but complicates deployments.",
        "Rather than allowing",
    ),
    (
        "Goals",
        "- one log format per cluster\n- Allowing users to write the proxy's own log template "
        "is very risky: a mistake crashes every proxy.",
        "Allowing users",
    ),
    (
        "Detailed design",
        "We copy the groups every night.\n\nSearching the directory on demand has been "
        "evaluated but at the moment discarded, for the load it puts on the directory.",
        "Searching the directory",
    ),
    (
        "Design",
        "- Entries are kept in process memory.\n"
        "- As an alternative, the cache could live in a shared Redis, at the cost of a "
        "network hop.",
        "As an alternative",
    ),
    (
        "Approach",
        "We read through the cache. Another approach would be to warm it every night.",
        "Another approach",
    ),
    (
        "Solution",
        "There are two approaches to this: expire entries by age, or purge them on change.",
        "There are two",
    ),
    (
        "Implementation",
        "1. Put the cache in front of the pricing client.\n"
        "2. **Another design approach** that was looked at is a CDN in front of the pages.",
        "Another design approach",
    ),
    (
        "Discussion",
        "We also looked at caching whole pages in the proxy, but prices change hourly.",
        "We also looked at",
    ),
    (
        "Notes",
        "A message queue between the services was also considered and set aside.",
        "was also considered",
    ),
    (
        "Open questions",
        "- Eviction:\n  - Other options include a fixed size with LRU eviction.",
        "Other options include",
    ),
    (
        "Detailed design",
        "Two approaches were considered:\n\n- read-through\n- write-behind",
        "Two approaches were considered",
    ),
]


@pytest.mark.parametrize(("section", "body", "needle"), ARGUED, ids=[a[0] for a in ARGUED])
def test_an_alternative_argued_in_a_prose_section_is_kept_with_its_line(
    section: str, body: str, needle: str
) -> None:
    text = design_doc(section, body, decision="We add a read-through cache.")
    assert argued(text) == line_of(text, needle)


@pytest.mark.parametrize(("section", "body", "needle"), ARGUED[:3], ids=[a[0] for a in ARGUED[:3]])
def test_rec003_does_not_fire_on_a_record_that_argues_an_alternative(
    tmp_path: Path, section: str, body: str, needle: str
) -> None:
    assert rec003(tmp_path, design_doc(section, body, decision="We add a cache.")) == 0


def test_a_design_section_that_is_the_decision_text_counts_too(tmp_path: Path) -> None:
    """With no decision section the design section is the decision text itself."""
    body = "- Keep entries in memory.\n- As an alternative, entries could go to Redis."
    text = design_doc("Design", body)
    assert read_text(text).record.rationale is not None
    assert rec003(tmp_path, text) == 0


# -- forms that must not count -----------------------------------------------------------------

NOT_ARGUED = [
    ("Background", "Clients send a status message rather than a regular message."),
    ("Context", "Performing updates on two keys is not safe today, as the second may fail."),
    ("Design", "Existing entries are risky to keep: they expire within the hour."),
    ("Notes", "Rather than a list, the field holds one prefix, which covers every use."),
    (
        "Design",
        "Alternatively, the caller may pass a key prefix, in which case entries are grouped.",
    ),
    ("Implementation", "Start the service with the --trace option to log every cache miss."),
    ("Configuration", "Two options are added to the configuration: ttl and max_entries."),
    ("Approach", "The cache is offered as an alternative to the slow path, not a replacement."),
    ("Design", "We could have a second cache for images later on."),
    ("Notes", "One option is to set max_entries to zero, which turns the cache off."),
    ("Design", "Our approach keeps the pricing client unchanged."),
]


@pytest.mark.parametrize(("section", "body"), NOT_ARGUED, ids=[n[1][:24] for n in NOT_ARGUED])
def test_look_alike_sentences_are_not_alternatives(tmp_path: Path, section: str, body: str) -> None:
    text = design_doc(section, body, decision="We add a read-through cache.")
    assert argued(text) is None
    assert rec003(tmp_path, text) == 1


@pytest.mark.parametrize("heading", ["Consequences", "Links", "References", "See also"])
def test_consequences_links_and_references_are_not_read(tmp_path: Path, heading: str) -> None:
    text = (
        "# Cache for the catalogue service\n\n## Status\n\nAccepted\n\n"
        "## Decision\n\nWe add a read-through cache.\n\n"
        f"## {heading}\n\n- Another approach would be a CDN; see the platform notes.\n"
    )
    assert argued(text) is None
    assert rec003(tmp_path, text) == 1


def test_a_subsection_of_the_consequences_is_not_read() -> None:
    text = (
        "# Cache\n\n## Decision\n\nWe add a cache.\n\n## Consequences\n\n### Later\n\n"
        "As an alternative, a CDN may be added.\n"
    )
    assert argued(text) is None


def test_code_blocks_are_not_prose() -> None:
    body = "```\n# As an alternative, set CACHE=off\nrun --cache\n```"
    assert argued(design_doc("Design", body, decision="We add a cache.")) is None


def test_the_first_argued_sentence_gives_the_line() -> None:
    body = (
        "Entries live in memory.\n\n"
        "Another approach would be Redis.\n\n"
        "As an alternative, a CDN could serve whole pages."
    )
    text = design_doc("Discussion", body, decision="We add a cache.")
    assert argued(text) == line_of(text, "Redis")


def test_alternatively_still_counts_in_the_decision_text(tmp_path: Path) -> None:
    decision = "We add a cache. Alternatively we would have scaled the pricing service."
    text = design_doc("Notes", "Nothing else.", decision=decision)
    assert argued(text) is None  # not in another section...
    assert rec003(tmp_path, text) == 0  # ...but the decision text argues it


# -- the fact --------------------------------------------------------------------------------


def record(**extra: object) -> Record:
    data: dict[str, object] = {"id": "d", "title": "Cache", "rationale": "We add a cache."}
    data.update(extra)
    return Record.model_validate(data)


def test_the_fact_reads_the_line_the_reader_kept() -> None:
    lex = lexicon()
    assert names_alternative(record(**{KEY: 12}), lex)
    assert not names_alternative(record(), lex)
    assert not names_alternative(record(**{KEY: True}), lex)  # not a line
    assert not names_alternative(record(**{KEY: "12"}), lex)


def test_the_fact_reads_an_opening_phrase_in_the_context() -> None:
    lex = lexicon()
    opened = "Pages are slow. As an alternative, prices could be pushed to the pages."
    placed = "Pages are slow; a CDN is sold as an alternative to caching."
    assert names_alternative(record(context=opened), lex)
    assert not names_alternative(record(context=placed), lex)


# -- Lexicon.opens: a phrase that opens a sentence, a line or a list item --------------------


@pytest.mark.parametrize(
    "text",
    [
        "As an alternative, x.",
        "Pages are slow. As an alternative, x.",
        "Pages are slow: as an alternative, x.",
        "first line\nas an alternative, x",
        "- **As an alternative**, x",
        "2. As an alternative, x",
        "b) as an alternative, x",
        '"As an alternative", she said.',
    ],
)
def test_opens_finds_a_phrase_at_the_start_of_a_sentence(text: str) -> None:
    assert lexicon().opens("alternative_opening", text)


@pytest.mark.parametrize(
    "text",
    [
        "It is offered as an alternative to X.",
        "Seen as an alternative, it works.",
        "As an alternatively phrased aside.",
        "",
    ],
)
def test_opens_ignores_the_phrase_inside_a_sentence(text: str) -> None:
    assert not lexicon().opens("alternative_opening", text)


_WORDS = st.lists(st.sampled_from(["the", "cache", "is", "sold", "fast", "x"]), min_size=1)


@settings(max_examples=60, deadline=None)
@given(before=_WORDS, after=_WORDS)
def test_opens_depends_on_the_sentence_break(before: list[str], after: list[str]) -> None:
    """The same phrase counts after a full stop and not after a word of the same sentence."""
    head, tail = " ".join(before), " ".join(after)
    lex = lexicon()
    assert lex.opens("alternative_opening", f"{head}. Another approach, {tail}.")
    assert not lex.opens("alternative_opening", f"{head} another approach, {tail}.")


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        ("Remove support for Java", 0),
        ("Deprecate the v1 API", 0),
        ("Drop the jEdit client", 0),
        ("Use removable media for backups", 1),
        ("Support removal of old accounts", 1),
    ],
)
def test_a_title_that_removes_something_turns_down_keeping_it(
    tmp_path: Path, title: str, fires: int
) -> None:
    text = (
        f"# 8. {title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "It costs us time.\n\n## Decision\n\nWe do it in the next release.\n"
    )
    assert rec003(tmp_path, text) == fires


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("I considered adding the file names to the logs but was worried about size.", 0),
        ("We considered using a queue, but the volume is small.", 0),
        ("We considered the impact on the team.", 1),
    ],
)
def test_a_first_person_course_considered_is_an_alternative(
    tmp_path: Path, sentence: str, fires: int
) -> None:
    text = (
        "# 6. Logging\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nRuns fail "
        f"quietly. {sentence}\n\n## Decision\n\nWe log each run in time order.\n"
    )
    assert rec003(tmp_path, text) == fires


@pytest.mark.parametrize(
    "heading", ["Existing Workarounds", "Current workarounds", "Removed Proposals"]
)
def test_a_heading_that_weighs_the_courses_replaced_or_removed(
    tmp_path: Path, heading: str
) -> None:
    body = "Users retry the run by hand, which loses the logs of the first attempt."
    text = design_doc(heading, body)
    assert argued(text) is not None
    assert rec003(tmp_path, text) == 0


def test_a_preferred_option_among_numbered_courses_counts_as_weighing(tmp_path: Path) -> None:
    decision = (
        "Either (1) a minority may unpause, or (2) the pause expires after a month. "
        "We prefer option (2): a minority could keep the system paused."
    )
    text = design_doc("Rollout", "Behind a flag first.", decision=decision)
    assert rec003(tmp_path, text) == 0


NYGARD_FIRST_PERSON = """\
# 7. Gemini for inference

Date: 2024-11-20

## Status

Accepted

## Context

{context}

## Decision

We will use Gemini 1.5 Flash for inference.
"""


@pytest.mark.parametrize(
    ("context", "flagged"),
    [
        ("I tried out gpt-4o-mini for inference. It didn't perform as well as expected.", 0),
        ("While we could still use MongoDB for that, its vector search would confine us.", 0),
        ("I experimented with two smaller models before settling.", 0),
        ("I also looked at self-hosting a model, but it costs too much.", 0),
        ("The existing matcher feature is unsuitable because it has no regex matching.", 0),
        ("We need a model to match points that mean the same thing.", 1),
    ],
)
def test_a_writer_alone_who_tried_another_course_weighed_it(
    tmp_path: Path, context: str, flagged: int
) -> None:
    assert rec003(tmp_path, NYGARD_FIRST_PERSON.format(context=context)) == flagged
