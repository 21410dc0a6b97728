"""Properties of the roll-up of convention findings over folder trees (engine/conventions.py).

Trees of folders are drawn at random; each folder holds records, and each record either
leaves the field empty (its rule fires) or fills it. Whatever the tree, every finding is
reported exactly once (folded into one folder finding or left as it is), each folder finding
meets the share and the minimum, the result does not depend on the order records arrive in,
and a gap shared by every folder of records is reported once for the whole tree.
"""

from __future__ import annotations

import posixpath
import random

from decaudit.engine.conventions import FOLDER_PREFIX, ConventionFolder, ConventionPolicy
from decaudit.engine.types import Finding
from hypothesis import example, given, settings
from hypothesis import strategies as st

ROOT = "/repo/adr"
FIELD = "decision makers"
RULE = "GOV002"
POLICY = ConventionPolicy()

# A folder is a path of up to three names under the checked root; it holds records, each
# True when it leaves the field empty.
_names = st.sampled_from(["a", "b", "c", "ops", "web"])
_folder = st.lists(_names, max_size=3).map(lambda parts: "/".join(parts))
_records = st.lists(st.booleans(), min_size=1, max_size=6)
_trees = st.dictionaries(_folder, _records, min_size=1, max_size=7)


def _finding(file: str, did: str) -> Finding:
    return Finding(RULE, "no-decision-maker", "medium", "governance", did, file, 1, "$", "m")


def _records_of(tree: dict[str, list[bool]]) -> list[tuple[str, str, bool]]:
    out = []
    for folder, records in sorted(tree.items()):
        base = posixpath.join(ROOT, folder) if folder else ROOT
        for i, empty in enumerate(records):
            out.append((posixpath.join(base, f"{i:04d}.md"), f"{folder or '.'}#{i}", empty))
    return out


def _run(records: list[tuple[str, str, bool]]) -> list[Finding]:
    conventions = ConventionFolder({RULE: FIELD}, POLICY, roots=(ROOT,))
    for file, did, empty in records:
        conventions.add_record(file, {FIELD} if empty else set())
        if empty:
            assert conventions.hold(_finding(file, did))
    return list(conventions.release())


def _summary(findings: list[Finding]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted(
        (f.decision_id, tuple(f.evidence.get("decisions", [f.decision_id]))) for f in findings
    )


@settings(max_examples=150, deadline=None)
@given(_trees)
def test_every_finding_is_reported_exactly_once(tree: dict[str, list[bool]]) -> None:
    records = _records_of(tree)
    out = _run(records)
    reported = [
        d for f in out for d in (f.evidence["decisions"] if f.evidence else [f.decision_id])
    ]
    assert sorted(reported) == sorted(did for _, did, empty in records if empty)


@settings(max_examples=150, deadline=None)
@given(_trees)
@example({"a": [False], "a/a": [True, True, True], "a/b": [False, False, True]})  # "a" rolls up
def test_each_folder_finding_meets_the_share_and_minimum(tree: dict[str, list[bool]]) -> None:
    for f in _run(_records_of(tree)):
        if not f.decision_id.startswith(FOLDER_PREFIX):
            continue
        ev = f.evidence
        assert ev["missing"] >= POLICY.min_records
        assert ev["missing"] / ev["records"] >= POLICY.share
        per = ev["per_folder"]
        label = f.decision_id[len(FOLDER_PREFIX) :]
        assert all(name == label or name.startswith(label + "/") for name in per)
        if len(per) > 1:  # the per-folder counts add up to the whole
            assert sum(c["records"] for c in per.values()) == ev["records"]
            assert sum(c["missing"] for c in per.values()) == ev["missing"]


@settings(max_examples=100, deadline=None)
@given(_trees, st.randoms(use_true_random=False))
def test_the_order_records_arrive_in_does_not_matter(
    tree: dict[str, list[bool]], rnd: random.Random
) -> None:
    records = _records_of(tree)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert _summary(_run(records)) == _summary(_run(shuffled))


@settings(max_examples=150, deadline=None)
@given(_trees)
def test_a_gap_in_every_folder_is_reported_once(tree: dict[str, list[bool]]) -> None:
    tree = {folder: [True] * len(records) for folder, records in tree.items()}
    records = _records_of(tree)
    out = _run(records)
    if len(records) < POLICY.min_records:
        assert all(not f.decision_id.startswith(FOLDER_PREFIX) for f in out)
        return
    (one,) = out
    label = one.decision_id[len(FOLDER_PREFIX) :]
    assert label == "adr" or label.startswith("adr/")
    for folder in tree:  # the finding's folder holds every folder of records
        full = posixpath.join("adr", folder) if folder else "adr"
        assert full == label or full.startswith(label + "/")


@settings(max_examples=100, deadline=None)
@given(_trees)
def test_no_two_sibling_findings_could_have_been_one(tree: dict[str, list[bool]]) -> None:
    """Two folder findings never sit side by side under a folder whose tree holds no
    other records: they would be one gap, reported twice."""
    out = [f for f in _run(_records_of(tree)) if f.decision_id.startswith(FOLDER_PREFIX)]
    labels = [f.decision_id[len(FOLDER_PREFIX) :] for f in out]
    covered = {d for f in out for d in f.evidence["decisions"]}
    everything = {did for _, did, _ in _records_of(tree)}
    if len(labels) >= 2 and covered == everything:
        parents = {posixpath.dirname(x) for x in labels}
        assert len(parents) > 1 or not all("/" in x for x in labels)
