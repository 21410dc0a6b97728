"""The list cap's fast walk: a record passes it exactly when the located walk finds nothing,
and a record over the cap is refused at the same place with the same message."""

from __future__ import annotations

from typing import Any

from decaudit.engine.records import limits
from hypothesis import given, settings
from hypothesis import strategies as st

keys = st.sampled_from(["options", "benefits", "costs", "notes", "tags", "x"])
tree = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=30,
)


def _located(data: Any, cap: int) -> Any:
    """The located walk alone (the reference the fast walk must agree with)."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*loc, k), v) for k, v in value.items())
        elif isinstance(value, list):
            capped = bool(loc) and loc[-1] in ("options", "benefits", "costs")
            if not capped and len(value) > cap:
                return loc
            stack.extend(((*loc, i), v) for i, v in enumerate(value))
    return None


@settings(max_examples=400, deadline=None)
@given(tree, st.integers(min_value=0, max_value=4))
def test_fast_walk_agrees_with_the_located_walk(data: Any, cap: int) -> None:
    expected = _located(data, cap)
    assert limits._any_long_list(data, cap) is (expected is not None)
    found = limits._long_list(data, cap)
    assert (found[0] if found else None) == expected


def test_a_long_list_under_a_capped_key_is_left_to_its_own_cap() -> None:
    record = {"options": [{"business_case": {"benefits": [1, 2, 3]}}] * 3, "notes": [1, 2]}
    assert limits._long_list(record, 2) is None
    record["notes"] = [[1, 2, 3]]
    loc, message = limits._long_list(record, 2)  # type: ignore[misc]
    assert loc == ("notes", 0) and "max_list_items" in message
