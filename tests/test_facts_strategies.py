"""Hypothesis strategies for valid decision records (format v1), shared by the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from decaudit.engine.model import BENEFIT_TYPES, OPTION_KINDS, STATUSES
from hypothesis import strategies as st

_text = st.text(min_size=1, max_size=30)
_money = st.one_of(st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False))
_amount = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False))
_fraction = st.one_of(st.integers(0, 3), st.floats(0, 3, allow_nan=False))


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


_benefit_text = st.fixed_dictionaries(
    {},
    optional={
        "id": _text,
        "description": _text,
        "type": st.sampled_from(BENEFIT_TYPES),
        "basis": _opt(st.text(max_size=20)),
    },
)


@st.composite
def _benefit(draw: st.DrawFn) -> dict[str, Any]:
    """A benefit with figures of the right sign (a dis-benefit's are 0 or less) and its
    range in order: low <= projected <= high."""
    out = dict(draw(_benefit_text))
    dis = draw(st.booleans()) and draw(st.booleans())  # a quarter are dis-benefits
    low, projected, high = sorted(draw(st.lists(_amount, min_size=3, max_size=3)))
    if dis:
        out["dis_benefit"] = True
        low, projected, high = -high, -projected, -low
    for key, value in (("low", low), ("projected", projected), ("high", high)):
        if draw(st.booleans()):
            out[key] = value
    if draw(st.booleans()):
        realized = draw(_amount)
        out["realized"] = -realized if dis else realized
    return out


_cost = st.fixed_dictionaries(
    {},
    optional={
        "id": _text,
        "description": _text,
        "projected": _amount,
        "contingency": _fraction,
        "realized": _amount,
    },
)
_case = st.fixed_dictionaries(
    {},
    optional={
        "npv": _money,
        "benefits": st.lists(_benefit(), max_size=3),
        "costs": st.lists(_cost, max_size=3),
        "assumptions": st.lists(
            st.fixed_dictionaries(
                {"statement": _text},
                optional={"evidence": _opt(_text), "challenged": _opt(st.booleans())},
            ),
            max_size=3,
        ),
        "optimism_bias_uplift": _opt(_fraction),
        "scenarios": st.lists(_text, max_size=3),
        "integration_plan": _opt(st.text(max_size=20)),
    },
)
_option = st.fixed_dictionaries(
    {"title": _text},
    optional={
        "id": _text,
        "kind": st.sampled_from(OPTION_KINDS),
        "chosen": st.booleans(),
        "description": _text,
        "rejected_reason": _opt(st.text(max_size=20)),
        "cons": st.lists(st.text(max_size=10), max_size=2),
        "business_case": _case,
    },
)
_RECORD = st.fixed_dictionaries(
    {"id": _text, "title": _text},
    optional={
        "date": st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
        "status": st.sampled_from(STATUSES),
        "project_type": st.sampled_from(["acquisition", "it-system", "building", "other", ""]),
        "origin": st.sampled_from(["bottom-up", "top-down"]),
        "decision_makers": st.lists(_text, max_size=2),
        "rationale": st.text(max_size=60),
        "chosen_option": _text,
        "options": st.lists(_option, max_size=5),
        "challenge": st.fixed_dictionaries(
            {},
            optional={
                "questions": st.lists(_text, max_size=2),
                "alternatives_requested": st.booleans(),
            },
        ),
        "review": st.fixed_dictionaries({}, optional={"notes": _text}),
    },
)


def records() -> st.SearchStrategy[dict[str, Any]]:
    """A valid record as the mapping a loader would validate."""
    return _RECORD
