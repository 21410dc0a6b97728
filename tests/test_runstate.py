"""The run-wide stores (engine/runstate.py) against plain dicts: the duplicate-id places
behind their Bloom filter and write buffer, and the folder members written a few hundred at
a time, looked up as they were added."""

from __future__ import annotations

import pytest
from decaudit.engine import runstate
from decaudit.engine.collection import Member
from decaudit.engine.members import CollectionAccumulator
from decaudit.engine.runstate import Places
from hypothesis import given, settings
from hypothesis import strategies as st

_ops = st.lists(
    st.tuples(st.text(max_size=6), st.tuples(st.text(max_size=4), st.integers(0, 99))),
    max_size=80,
)


@pytest.mark.parametrize("bits", [8, 1 << 23])  # a filter that says "maybe" to nearly all
@given(ops=_ops, probes=st.lists(st.text(max_size=6), max_size=20))
@settings(max_examples=60, deadline=None)
def test_places_behave_as_a_dict(bits: int, ops: list, probes: list[str]) -> None:
    old = (runstate.FILTER_BITS, runstate.BUFFER)
    runstate.FILTER_BITS, runstate.BUFFER = bits, 7  # many flushes to disk
    try:
        places, model = Places(), {}
        for key, where in ops:
            assert places.get(key) == model.get(key)
            assert (key in places) == (key in model)
            places[key] = where
            model[key] = where
        for key in probes + [k for k, _ in ops]:
            assert places.get(key) == model.get(key)
            if key in model:
                assert places[key] == model[key]
            else:
                with pytest.raises(KeyError):
                    places[key]
        places.close()
        assert places.get(ops[0][0]) is None if ops else True
    finally:
        runstate.FILTER_BITS, runstate.BUFFER = old


def _member(i: int, links: tuple = ()) -> Member:
    return Member(
        did=f"ADR-{i:04d}",
        file=f"adr/{i:04d}-choice-{i}.md",
        folder="adr",
        title=f"Choice {i}",
        line=1,
        number=i % 700,
        id_number=i % 700,
        status="accepted",
        replaced=False,
        superseded_by=None,
        superseded_target=None,
        superseded_line=1,
        links=links,
    )


def test_members_added_in_batches_are_found_in_order() -> None:
    from decaudit.engine.collection import Link

    acc = CollectionAccumulator()
    count = 1405  # several batches and a partial one
    assert count > 3 * runstate.BUFFER and count % runstate.BUFFER
    for i in range(1, count + 1):
        links = (Link("0003-choice-3.md", "three", 9),) if i == count else ()
        acc.add(_member(i, links), digest=f"h{i}")
    got = list(acc.facts_digests())
    acc.close()
    assert len(got) == count
    assert [m.did for m, _, _ in got] == [f"ADR-{i:04d}" for i in range(1, count + 1)]
    assert all(d == f"h{i}" for i, (_, _, d) in enumerate(got, 1))
    member_fact = got[0][1][0]
    assert member_fact["folder_record_count"] == count
    assert member_fact["number_duplicate_count"] == 2  # 1, 701 and 1401 share a number
    assert "'ADR-0701'" in member_fact["number_duplicates"]
    assert "'ADR-1401'" in member_fact["number_duplicates"]
    (link,) = got[-1][1][1:]
    assert link["resolves"] is True  # a link to a member of the first batch
