"""An option listed bare in one section and argued under a heading of its own later is one
option when both titles start with the same proper name ("Celery/RQ", "### Celery with
Redis"); options that share a word of their form ("Use ...") or a name several earlier
options start with stay apart."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.records.adr.sameoption import same_name

_TEXT = (
    "# 2. Job orchestration\n\n## Status\n\nAccepted\n\n## Context\n\nJobs run long.\n\n"
    "### Options Considered\n\n1. **Celery/RQ** - a task queue with workers\n"
    "2. **FastAPI BackgroundTasks** - in-process tasks\n3. **Custom threading**\n\n"
    "## Decision\n\nWe will use FastAPI BackgroundTasks.\n\n## Alternatives Considered\n\n"
    "### Celery with Redis\n\n**Pros:**\n- mature\n\n**Cons:**\n- a broker to run\n"
)


def test_a_bare_listed_option_and_its_later_argument_are_one() -> None:
    rec = read_text(_TEXT, "docs/adr/0002-jobs.md").record
    assert [(o.title, o.pros, o.cons) for o in rec.options] == [
        ("Celery/RQ", ["mature"], ["a broker to run"]),
        ("FastAPI BackgroundTasks", [], []),
        ("Custom threading", [], []),
    ]


@pytest.mark.parametrize(
    ("earlier", "later", "merged"),
    [
        (["Celery/RQ", "Custom threading"], "Celery with Redis", "Celery/RQ"),
        (["Postgres on VMs", "Postgres on RDS"], "Postgres managed", None),  # two start so
        (["Use Kafka", "Use NATS"], "Use Redis streams", None),  # a word of the form
        (["celery queue"], "Celery with Redis", "celery queue"),
        (["Kafka"], "kafka streams", None),  # no proper name at the head
    ],
)
def test_same_name(earlier: list[str], later: str, merged: str | None) -> None:
    found = same_name([Opt(t, n) for n, t in enumerate(earlier)], Opt(later, 99))
    assert (found.title if found else None) == merged


def test_an_earlier_option_with_points_of_its_own_is_not_merged() -> None:
    first = Opt("Celery/RQ", 1)
    first.add("pros", 2, "mature")
    assert same_name([first], Opt("Celery with Redis", 9)) is None
