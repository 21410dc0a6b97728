"""Arbitrary JSON values in every field of a record, through the whole check: the record
is audited or refused with a located error; no exception escapes and the exit is 0, 1 or 2."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.report import ReportOptions, get_renderer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
BASE: dict[str, Any] = json.loads((ROOT / "samples" / "erp-replacement.json").read_text())
BASE["challenge"] = {"questions": ["Why not buy?"], "alternatives_requested": True}
BASE["waivers"] = [{"rule": "ALT001", "reason": "r", "expires": "2030-01-01"}]
BASE["options"][0]["pros"] = ["fast"]
BASE["options"][0]["cons"] = ["dear"]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


PATHS = _paths(BASE)

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.integers(max_value=-(10**300), min_value=-(10**400))
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=50)
    | st.sampled_from(["2025-13-45", "2024-02-29", "", "=HYPERLINK(1)", "a" * 2000])
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)


def _set(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    node: Any = record
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), JSON_VALUES), min_size=1, max_size=3))
def test_arbitrary_values_in_any_field_never_escape(tmp_path: Path, changes) -> None:  # type: ignore[no-untyped-def]
    record = copy.deepcopy(BASE)
    for path, value in changes:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            _set(record, path, value)  # fails when an earlier change replaced the parent
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(dict(BASE, id="GOOD")), encoding="utf-8")
    result = run_check(
        CheckOptions(paths=(str(bad), str(good)), db=str(tmp_path / "log.db"), keep_findings=True)
    )
    assert result.exit_code in (0, 1, 2)
    assert result.record_count >= 1  # the good record is always audited
    assert result.run_id is not None  # and the run is logged
    for err in result.errors:
        assert err.file.endswith("bad.json") and err.message
    for fmt in ("text", "json", "sarif", "junit", "markdown", "github"):
        assert isinstance(get_renderer(fmt)(result, ReportOptions()), str)
