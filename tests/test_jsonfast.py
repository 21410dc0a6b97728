"""The prebuilt JSON encoder writes exactly what ``json.dumps`` writes with the same options."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from decaudit.engine.jsonfast import encoder
from decaudit.engine.log.hashing import canonical_json
from hypothesis import given, settings
from hypothesis import strategies as st

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=4), inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert encoder()(value) == json.dumps(value, ensure_ascii=False)
    assert canonical_json(value) == json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=4), st.one_of(st.dates(), st.datetimes()), max_size=3))
def test_default_turns_other_values_into_text(value: dict[str, Any]) -> None:
    assert canonical_json(value) == json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def test_without_default_an_unknown_value_is_refused_as_by_json_dumps() -> None:
    with pytest.raises(TypeError, match="date is not JSON serializable"):
        encoder()({"when": dt.date(2026, 1, 1)})
