"""The record model's fast path against its pydantic reference (:mod:`model_schema`).

The fast path may refuse a record (then the reference decides), but what it accepts the
reference accepts too, with the same values: the same dumps in every mode, so the same
canonical record in the log. A record only the reference accepts is converted to the same
values. And a one-file check of valid records never imports pydantic.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine import model, model_schema
from decaudit.engine.model import Record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_model_roundtrip import record_data

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLASSES = ("Benefit", "Cost", "Assumption", "BusinessCase", "Option", "Challenge", "Review")
CLASSES += ("Waiver", "Record")
MODES = ({"mode": "python"}, {"mode": "json"}, {"mode": "json", "exclude_none": True})

# Values of every kind the loaders produce, and a few they do not.
odd = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**19), 10**19),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.sampled_from(["2024-01-05", "2024-02-30", "2024-1-5", "20240105", "1", "", "yes"]),
    st.sampled_from([*model.OPTION_KINDS, *model.BENEFIT_TYPES, *model.STATUSES, "top-down"]),
    st.dates(),
    st.just(dt.datetime(2024, 1, 2)),
    st.just(dt.datetime(2024, 1, 2, 3, 4)),
    st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none()), max_size=2),
    st.just(("a", "b")),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just({1: "a"}),
    st.just(b"bytes"),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid record with a few values replaced, keys dropped or keys added."""
    data = json.loads(json.dumps(draw(record_data), default=str))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        if not path:
            continue
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        key = path[-1]
        if action == "drop" and isinstance(parent, dict):
            del parent[key]
        elif action == "add" and isinstance(parent[key], dict):
            name = draw(st.sampled_from(["title", "x_extra", "chosen", "low", "expires", "id"]))
            parent[key][name] = copy.deepcopy(draw(odd))  # st.just gives one shared object
        else:
            parent[key] = copy.deepcopy(draw(odd))
    return data


def reference(data: Any) -> Any:
    try:
        return model_schema.Record.model_validate(data)
    except ValidationError:
        return None


def same_dumps(fast: Any, ref: Any) -> None:
    for kw in MODES:
        got, want = fast.model_dump(**kw), ref.model_dump(**kw)
        assert _nan_safe(got) == _nan_safe(want), kw


def _nan_safe(value: Any) -> Any:
    return json.dumps(value, default=repr, sort_keys=False) if value is not None else None


@SETTINGS
@given(record_data)
def test_valid_records_take_the_fast_path_with_the_reference_values(data: dict[str, Any]) -> None:
    fast = Record.fast_validate(data)
    assert fast is not None
    same_dumps(fast, model_schema.Record.model_validate(data))


@SETTINGS
@given(mutated())
def test_the_fast_path_accepts_only_what_the_reference_accepts(data: dict[str, Any]) -> None:
    ref = reference(data)
    fast = Record.fast_validate(data)
    if fast is not None:
        assert ref is not None, data
        same_dumps(fast, ref)
    if ref is None:
        with pytest.raises(ValidationError):
            Record.model_validate(data)
    else:  # accepted by the reference only: converted to the same values
        same_dumps(Record.model_validate(data), ref)


@pytest.mark.parametrize("name", CLASSES)
def test_both_definitions_have_the_same_fields_in_the_same_order(name: str) -> None:
    assert list(getattr(model, name).model_fields) == list(getattr(model_schema, name).model_fields)


def test_unknown_keys_are_kept_as_pydantic_keeps_and_writes_them() -> None:
    data = {
        "id": "D-1",
        "title": "t",
        "x_none": None,
        "x_nested": {"a": None, "b": [None, 1, dt.date(2024, 1, 2)]},
        "x_nan": math.nan,
        "x_tuple": (1, 2),
        "x_when": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),  # left to pydantic
        "options": [{"title": "o", "x_o": None}],
    }
    rec = Record.model_validate(data)
    assert rec.model_extra["x_nested"] is data["x_nested"]
    assert rec.x_tuple == (1, 2)  # unknown keys read as attributes too
    same_dumps(rec, model_schema.Record.model_validate(data))
    assert rec.model_dump(mode="json", exclude_none=True)["x_when"] == "2024-01-02T03:04:05Z"


def test_records_are_frozen_values() -> None:
    rec = Record.model_validate({"id": "D-1", "title": "t", "options": [{"title": "a"}]})
    with pytest.raises(TypeError):
        rec.id = "D-2"  # type: ignore[misc]
    copy = rec.model_copy(update={"id": "D-2", "x_new": 1})
    assert (copy.id, copy.model_extra, rec.id, rec.model_extra) == ("D-2", {"x_new": 1}, "D-1", {})
    assert rec == Record.model_validate({"id": "D-1", "title": "t", "options": [{"title": "a"}]})
    assert rec != copy
    assert repr(rec.options[0]).startswith("Option(id=None, title='a'")


def test_a_one_file_check_of_a_valid_record_does_not_import_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from decaudit.cli.main import main\n"
        "sys.argv = ['decaudit', 'check', sys.argv[1], '--no-log', '-q']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    good = tmp_path / "good.yaml"
    good.write_text("id: D-1\ntitle: A decision\noptions:\n  - title: Keep it\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: D-1\ntitle: A decision\noptions:\n  - title: Keep it\n    chosen: 3\n")
    for path, imported in ((good, "False"), (bad, "True")):
        run = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=tmp_path
        )
        assert run.stderr.strip().splitlines()[-1] == imported, run.stderr
    assert "bad.yaml:5: options[0].chosen: must be true or false" in run.stderr


BASE: dict[str, Any] = {
    "format_version": 1,
    "id": "D-1",
    "title": "A decision",
    "date": "2024-01-05",
    "status": "accepted",
    "project_type": "it-system",
    "origin": "top-down",
    "decision_makers": ["Ann"],
    "proposed_by": ["Bob"],
    "context": "c",
    "rationale": "r",
    "chosen_option": "Build",
    "challenge": {"questions": ["q"], "alternatives_requested": True},
    "review": {"date": "2025-01-01", "notes": "n"},
    "waivers": [{"rule": "BEN001", "reason": "r", "approver": "a", "expires": "2027-01-01"}],
    "options": [
        {
            "id": "o1",
            "title": "Build",
            "kind": "incremental",
            "chosen": True,
            "description": "d",
            "rejected_reason": "x",
            "pros": ["p"],
            "cons": ["c"],
            "business_case": {
                "horizon_years": 5,
                "npv": 1.5,
                "roi": 0.2,
                "payback_years": 2,
                "optimism_bias_uplift": 0.3,
                "scenarios": ["base"],
                "integration_plan": "i",
                "benefits": [
                    {
                        "id": "b1",
                        "description": "d",
                        "type": "revenue",
                        "dis_benefit": False,
                        "low": 10,
                        "projected": 20,
                        "high": 30,
                        "basis": "b",
                        "realized": 15,
                        "measured_on": "2025-06-01",
                    }
                ],
                "costs": [
                    {
                        "id": "c1",
                        "description": "d",
                        "projected": 5,
                        "contingency": 0.1,
                        "realized": 6,
                    }
                ],
                "assumptions": [{"statement": "s", "evidence": "e", "challenged": False}],
            },
        }
    ],
}
TRICKY: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    2,
    -1,
    1.5,
    -0.0,
    5,
    5.0001,
    10**18,
    10**18 + 1,
    1e18,
    1.1e18,
    -(10**18) - 1,
    math.nan,
    math.inf,
    "",
    "x",
    "1",
    "2024-01-05",
    "20240105",
    "2024-02-30",
    "2024-01-05T00:00:00",
    dt.date(2024, 1, 5),
    dt.datetime(2024, 1, 5),
    dt.datetime(2024, 1, 5, 3),
    [],
    ["a"],
    [1],
    [None],
    {},
    ("a",),
    "a" * 201,
    "a" * 1001,
    "a" * 100_001,
    "incremental",
    "revenue",
    "accepted",
    "bottom-up",
    b"x",
]


def _leaves(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = []
    if isinstance(data, dict):
        for k, v in data.items():
            out.append((*prefix, k))
            out += _leaves(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _leaves(v, (*prefix, i))
    return out


def _with(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(BASE))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def test_every_field_with_every_tricky_value_agrees_with_the_reference() -> None:
    assert Record.fast_validate(BASE) is not None
    for path in _leaves(BASE):
        for value in TRICKY:
            data = _with(path, value)
            ref = reference(data)
            fast = Record.fast_validate(data)
            if fast is not None:
                assert ref is not None, (path, value)
                same_dumps(fast, ref)
            elif ref is not None:
                same_dumps(Record.model_validate(data), ref)


@pytest.mark.parametrize("dis", [False, True])
def test_benefit_ranges_and_signs_agree_with_the_reference(dis: bool) -> None:
    figures = [None, -20, -10, 0, 10, 20]
    for low in figures:
        for projected in figures:
            for high in figures:
                benefit = {"dis_benefit": dis, "low": low, "projected": projected, "high": high}
                data = {
                    "id": "D",
                    "title": "t",
                    "options": [
                        {
                            "title": "o",
                            "business_case": {
                                "benefits": [{k: v for k, v in benefit.items() if v is not None}]
                            },
                        }
                    ],
                }
                ref, fast = reference(data), Record.fast_validate(data)
                assert (fast is not None) == (ref is not None), benefit
