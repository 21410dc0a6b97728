"""Options whose list items carry nested details (settings, keys and their values), options
numbered in the context around code blocks, several sub-decisions in one record, and the
metadata values a template's brackets were left around. Each layout has variants and the
near misses that must keep their old reading."""

from __future__ import annotations

import pytest
from decaudit.engine.records import load_file
from decaudit.engine.records.adr.meta import map_status, parse_date
from decaudit.engine.types import SourceRecord


def read(text: str, name: str = "0007-x.md") -> SourceRecord:
    (src,) = load_file(name, text.encode())
    assert isinstance(src, SourceRecord), src
    return src


def titles(src: SourceRecord) -> list[str]:
    return [o.title for o in src.record.options]


def chosen(src: SourceRecord) -> list[str]:
    return [o.title for o in src.record.options if o.chosen]


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
