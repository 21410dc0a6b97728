"""Options whose list items carry nested details (settings, keys and their values), options
numbered in the context around code blocks, several sub-decisions in one record, and the
metadata values a template's brackets were left around. Each layout has variants and the
near misses that must keep their old reading."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles as chosen
from adr_layout import read_text, titles
from decaudit.engine.records.adr.meta import map_status, parse_date
from decaudit.engine.types import SourceRecord
from hypothesis import given
from hypothesis import strategies as st

read = partial(read_text, name="0007-x.md")


def groups(src: SourceRecord) -> list[str | None]:
    return [(o.model_extra or {}).get("group") for o in src.record.options]


# -- nested settings are the content of their option -------------------------------------------
SETTINGS = """# Split the build cache

## Considered Options

1. One cache per service
    * path: "/svc/a", "/svc/b"
        * backend: s3
    * path: "/svc/c"
        * backend: gcs
2. One cache per backend
    * {key}: s3
        * paths: "/svc/a", "/svc/b"
    * {key}: gcs
        * paths: "/svc/c"
3. A single shared cache
   * paths: "/"
4. Keep things as they are

## Decision Outcome

Chosen option: Option 2, because it halves the number of caches.
"""


@pytest.mark.parametrize("key", ["cache-backend", "backend", "cache_backend", "`backend`"])
def test_nested_settings_stay_inside_their_option(key: str) -> None:
    src = read(SETTINGS.replace("{key}", key))
    assert titles(src) == [
        "One cache per service",
        "One cache per backend",
        "A single shared cache",
        "Keep things as they are",
    ]
    assert chosen(src) == ["One cache per backend"]


def test_same_key_repeated_in_words_is_a_setting_list() -> None:
    text = """# Pick regions

## Considered Options

* Two regions
    * Region name: west
    * Region name: east
* One region
"""
    assert titles(read(text)) == ["Two regions", "One region"]


@pytest.mark.parametrize(
    "kids",
    [
        ["3a: use the managed queue", "3b: run our own queue"],
        ["Option 3a: the managed queue", "Option 3b: our own queue"],
        ["A managed queue", "Our own queue"],
    ],
)
def test_sub_options_still_make_a_group(kids: list[str]) -> None:
    body = "\n".join(f"    * {k}" for k in kids)
    text = f"""# Queue

## Considered Options

1. Poll the database
2. Push over HTTP
3. A message queue:
{body}
"""
    src = read(text)
    assert len(titles(src)) == 4, titles(src)
    assert groups(src)[2:] == ["A message queue", "A message queue"]


def test_mixed_keys_in_words_are_not_settings() -> None:
    text = """# Queue

## Considered Options

* A message queue:
    * Managed service: someone else runs it
    * Self hosted: we run it
* Polling
"""
    assert len(titles(read(text))) == 3


# -- metadata in brackets ---------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["[accepted]", "[ Accepted ]", "[approved]"])
def test_bracketed_status_is_read(raw: str) -> None:
    assert map_status(raw)[0] == "accepted"


@pytest.mark.parametrize(
    "raw", ["[proposed | accepted]", "[accepted](../0001-x.md)", "[x]", "[status of the ADR]"]
)
def test_bracket_placeholders_are_not_statuses(raw: str) -> None:
    assert map_status(raw)[0] is None


def test_bracketed_date_is_read_and_placeholder_kept() -> None:
    assert parse_date("[2022-12-08]")[0] is not None
    assert parse_date("[2022-12-08]")[0].isoformat() == "2022-12-08"  # type: ignore[union-attr]
    assert parse_date("[YYYY-MM-DD when decided]") == (None, "[YYYY-MM-DD when decided]")


def test_bracketed_meta_in_a_record() -> None:
    text = """# Validate input

- Status: [accepted]
- Date: [2021-04-30]

## Context and Problem Statement

How do we validate input?
"""
    rec = read(text).record
    assert rec.status == "accepted"
    assert str(rec.date) == "2021-04-30"


# -- ways numbered in the context, with code between them ---------------------------------------
WAYS = """# Name the export jobs

## Status

Accepted

## Context

{lead}

1. Give one job a format argument. For example,

```
    export(format)
```
2. Give each format its own job. For example,

```
    export_csv()
    export_json()
```
{after}

## Decision

{decision}
"""


@pytest.mark.parametrize(
    "lead", ["There are 2 ways of naming these jobs.", "We see two options:", "Options considered:"]
)
@pytest.mark.parametrize(
    "decision",
    [
        "We will give each format its own job as per point 2 above.",
        "Each format gets a job, following option 2 described earlier.",
    ],
)
def test_numbered_ways_interrupted_by_code(lead: str, decision: str) -> None:
    src = read(WAYS.format(lead=lead, after="Both are easy to test.", decision=decision))
    assert titles(src) == ["Give one job a format argument", "Give each format its own job"]
    assert chosen(src) == ["Give each format its own job"]


def test_point_without_above_is_not_a_reference() -> None:
    text = WAYS.format(
        lead="There are 2 ways of naming these jobs.",
        after="",
        decision="We agree on point 2 of the meeting agenda: ship it.",
    )
    assert chosen(read(text)) != ["Give each format its own job"]


def test_restarted_list_that_does_not_continue_is_not_joined() -> None:
    text = """# Jobs

## Status

Accepted

## Context

There are 2 ways of naming these jobs.

1. A format argument
2. A job per format

```
    export()
```
1. Write the code
2. Ship it
"""
    assert titles(read(text)) == ["A format argument", "A job per format"]


def test_steps_without_a_lead_in_are_not_options() -> None:
    text = """# Jobs

## Context

The export runs like this.

1. Read the rows

```
    rows = read()
```
2. Write the file

## Decision

We keep the export as it is.
"""
    assert titles(read(text)) == []


def test_options_section_list_continues_after_code() -> None:
    text = """# Jobs

## Considered Options

1. A format argument

```
    export(format)
```
2. A job per format

```
    export_csv()
```
3. A plugin per format

## Decision Outcome

Chosen option: 3, because it scales.
"""
    src = read(text)
    assert titles(src) == ["A format argument", "A job per format", "A plugin per format"]
    assert chosen(src) == ["A plugin per format"]


# -- several sub-decisions ------------------------------------------------------------------------
SUBS = """# Cache and queue

## Status

Accepted

## {first}

- Memory cache
- Disk cache

## {second}

- Polling
- Push: over a socket
- Push: over webhooks

## Decision

We use a memory cache and push over webhooks.
"""


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        ("Considered options for caching", "Considered options for delivery",
         ["caching", "delivery"]),
        ("Caching options", "Delivery alternatives", ["Caching", "Delivery"]),
        ("Alternatives regarding the cache", "Options for the delivery",
         ["cache", "delivery"]),
    ],
)  # fmt: skip
def test_options_sections_per_sub_decision_make_groups(
    first: str, second: str, names: list[str]
) -> None:
    src = read(SUBS.format(first=first, second=second))
    assert titles(src) == [
        "Memory cache",
        "Disk cache",
        "Polling",
        "Push: over a socket",
        "Push: over webhooks",
    ]
    assert groups(src) == [names[0]] * 2 + [names[1]] * 3


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Implementation options", "Alternatives considered"),
        ("Considered Options", "Other options"),
        ("Considered Options", "Rejected alternatives"),
    ],
)
def test_a_generic_second_options_section_is_not_a_sub_decision(first: str, second: str) -> None:
    src = read(SUBS.format(first=first, second=second))
    assert len(titles(src)) == 5
    assert "Implementation" not in str(groups(src)[2:])
    assert all(g is None for g in groups(src)[2:])


def test_colliding_titles_keep_what_tells_them_apart_only_when_they_collide() -> None:
    text = """# Delivery

## Considered Options

- Push: over a socket
- Push: over webhooks
- Polling: every minute
"""
    assert titles(read(text)) == ["Push: over a socket", "Push: over webhooks", "Polling"]


# -- topics under one options section -------------------------------------------------------------
TOPICS = """# Routing

## Status

Accepted

## Considered Options

### Deferred features

Some features can wait:

- Retries
- Tracing

### Where to route

#### Route on the client

Advantages:

- The server stays small.

#### Route on the server

Advantages:

- Clients stay simple.

### Conflicting writes

{lead}

- The last write wins, and the loser is dropped.
- Writes are merged by a priority set per source.

## Decision

We route on the server. The last write wins.
"""


@pytest.mark.parametrize(
    "lead", ["There are two main approaches we can take:", "We see two options here:"]
)
def test_topics_give_their_alternatives_not_their_headings(lead: str) -> None:
    src = read(TOPICS.format(lead=lead))
    assert titles(src)[:2] == ["Route on the client", "Route on the server"]
    assert len(titles(src)) == 4
    assert "Deferred features" not in titles(src)
    assert groups(src) == ["Where to route"] * 2 + ["Conflicting writes"] * 2


def test_without_an_announced_list_subsections_stay_options() -> None:
    src = read(TOPICS.format(lead="Notes on writes follow."))
    assert "Deferred features" in titles(src)
    assert "Conflicting writes" in titles(src)


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        ("Some arguments against adding more structure are", "cons"),
        ("It has a cost. The drawbacks of this option are:", "cons"),
        ("The main advantages of this approach are:", "pros"),
        ("Reasons for this include:", "pros"),
        ("We tried it on two services last year.", None),  # no announcement: plain points
    ],
)
def test_a_paragraph_announcing_the_kind_of_the_list_after_it(lead: str, kind: str | None) -> None:
    src = read(
        "# Storage layout\n\n## Status\n\nAccepted\n\n## Considered Options\n\n"
        "### One file per target\n\nEach target is kept in a file of its own.\n\n"
        f"{lead}\n\n- nested folders are unfamiliar\n- tools must read every file\n\n"
        "### One file\n\nEverything in one file.\n\n## Decision\n\nWe keep one file.\n"
    )
    per_target = src.record.options[0]
    assert per_target.title == "One file per target"
    got = {"pros": len(per_target.pros), "cons": len(per_target.cons)}
    expected = {"pros": 0, "cons": 0} | ({kind: 2} if kind else {})
    assert got == expected


@given(st.text(max_size=300))
def test_announced_kind_reads_any_text(text: str) -> None:
    from decaudit.engine.records.adr.points import announced_kind

    assert announced_kind(text) in (None, "pros", "cons")
    # a lead that announces both kinds announces neither
    assert announced_kind(text + " The advantages and drawbacks are:") in (None, "pros", "cons")
    assert announced_kind("Arguments for and against it are:") is None
