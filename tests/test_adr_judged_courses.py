"""A course judged in the run of the argument, in words no options reader lists: the usual
way set out and then faulted ("Retention is typically achieved via a bucket policy. However,
this has two main issues"), "we could X, but ...", "one might argue X. But ...", "this
doesn't really help", "it would be a very big task". A record that does so weighed another
course, and REC003 does not say it names none; the same words where they judge nothing
("this is not a problem", "we could not reproduce it, but ...") leave it flagged.

The documents here are written for the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 12, 1)

RECORD = """\
# Tenant retention

Status: Accepted

## Problem

Stored samples grow for every tenant. {sentence}

## Proposal

Each tenant gets a retention period, and the compactor deletes older blocks.

## Consequences

Deleted blocks cannot be restored.
"""


def fired(tmp_path: Path, sentence: str) -> set[str]:
    path = tmp_path / "0009-tenant-retention.md"
    path.write_text(RECORD.format(sentence=sentence))
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert not result.errors
    return {f.rule_id for f in result.findings}


JUDGED = [
    "Retention is typically achieved via a bucket policy. However, this has two main issues.",
    "Copying the markup works without a build step. However, it is also error-prone.",
    "The store gateway is the usual path. But it presents several significant challenges.",
    "We could keep one global period for all tenants, but tenants pay for different terms.",
    "We could delete the blocks by hand; however, nobody would do it on time.",
    "One might argue that a bucket policy is enough. But policies are not per tenant.",
    "It makes no sense to keep samples that no tenant pays for.",
    "A lifecycle rule on the bucket doesn't really help, as it cannot tell tenants apart.",
    "Rewriting every block by tenant would be a monumental task for little gain.",
    "While we could reuse the bucket policy, this could surprise shared users.",
    "The compactor could simply drop old blocks. Instead, it marks them for deletion first.",
    "A proper solution would be to split blocks by tenant. However, that is costly.",
    "Bucket rules work for single tenants. This is however not ideal for shared buckets.",
    "This proposal does not keep a global period for several reasons.",
    "We either need to rewrite the blocks or keep them until the last tenant expires.",
    "Lifecycle rules were not used because they cannot see tenants.",
    "We evaluated switching to bucket rules, but they are not per tenant.",
    "Bucket rules are the main competitor to this design.",
]
NOT_JUDGED = [
    "Old blocks are kept, but this is not a problem for small tenants.",
    "We could not reproduce the growth in tests, but it shows in production.",
    "The compactor already runs every hour.",
    "Each tenant has its own bucket prefix.",
    "We used prefixes so that we could add tenants if we wanted, but we only had one.",
    "The compactor does not run during upgrades.",
    "Old blocks were not used by any query.",
]


@pytest.mark.parametrize("sentence", JUDGED)
def test_a_course_judged_in_the_prose_weighs_an_alternative(tmp_path: Path, sentence: str) -> None:
    assert "REC003" not in fired(tmp_path, sentence)


@pytest.mark.parametrize("sentence", NOT_JUDGED)
def test_words_that_judge_no_course_leave_it_flagged(tmp_path: Path, sentence: str) -> None:
    assert "REC003" in fired(tmp_path, sentence)


def test_in_the_consequences_it_is_not_read(tmp_path: Path) -> None:
    text = RECORD.format(sentence="").replace(
        "Deleted blocks cannot be restored.",
        "Deleted blocks cannot be restored. We could keep a backup, but it costs.",
    )
    path = tmp_path / "0009-tenant-retention.md"
    path.write_text(text)
    result = run_check(CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0))
    assert "REC003" in {f.rule_id for f in result.findings}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    course=st.sampled_from(["keep one period", "use a bucket policy", "delete by hand"]),
    joiner=st.sampled_from([", but", "; however,", " but"]),
)
def test_we_could_then_but_in_any_wording(tmp_path: Path, course: str, joiner: str) -> None:
    assert "REC003" not in fired(tmp_path, f"We could {course}{joiner} it fails some tenants.")
