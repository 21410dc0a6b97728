"""Rule-file example checks: each example's records, expectation, overrides and history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Record
from ..types import Loc
from .checker import FileChecker, _show, _suggest
from .header import check_override
from .model import Expectation
from .values import type_of

EXAMPLE_KEYS = frozenset(
    {"name", "expect", "count", "paths", "record", "records", "params", "history"}
)


class ExampleChecks(FileChecker):
    """The ``examples`` of a rule: executable test cases kept beside it."""

    def parse_examples(self, params: Mapping[str, Any]) -> tuple[Expectation, ...]:
        examples = self.data.get("examples")
        if examples is None:
            return ()
        if not isinstance(examples, list):
            self.err(("examples",), "must be a list of examples")
            return ()
        out = []
        for i, ex in enumerate(examples):
            parsed = self.parse_example(ex, ("examples", i), params)
            if parsed is not None:
                out.append(parsed)
        kinds = {e.get("expect") for e in examples if isinstance(e, dict)}
        for kind in ("flagged", "clean"):
            if kind not in kinds:
                self.err(("examples",), f"needs at least one '{kind}' example")
        return tuple(out)

    def parse_example(self, ex: Any, loc: Loc, params: Mapping[str, Any]) -> Expectation | None:
        if not isinstance(ex, dict):
            self.err(loc, "an example is a mapping {name, expect, record | records}")
            return None
        n = len(self.errors)
        for key in ex:
            if key not in EXAMPLE_KEYS:
                self.err((*loc, key), f"unknown field '{key}'{_suggest(key, list(EXAMPLE_KEYS))}")
        name = self.text(ex, "name", loc)
        expect = ex.get("expect")
        if expect not in ("flagged", "clean"):
            self.err((*loc, "expect"), f"{_show(expect)} is not flagged or clean")
        count = ex.get("count")
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count < 0
        ):
            self.err((*loc, "count"), "must be a whole number >= 0")
        elif expect == "clean" and count:
            self.err((*loc, "count"), "a clean example has no findings")
        elif expect == "flagged" and count == 0:
            self.err((*loc, "count"), "a flagged example has at least one finding")
        paths = ex.get("paths")
        if paths is not None and (
            not isinstance(paths, list) or not all(isinstance(p, str) for p in paths)
        ):
            self.err((*loc, "paths"), "must be a list of JSON paths ($.options[1])")
        records, lines = self.example_records(ex, loc)
        overrides = ex.get("params") or {}
        if not isinstance(overrides, dict):
            self.err((*loc, "params"), "must be a mapping of parameter overrides")
            overrides = {}
        for pname, value in overrides.items():
            problem = check_override(pname, value, params)
            if problem:
                self.err((*loc, "params", pname), problem)
        history = ex.get("history") or {}
        self.check_history(history, (*loc, "history"))
        if len(self.errors) > n:
            return None
        return Expectation(
            name=name,
            expect=str(expect),
            records=tuple(records),
            lines=tuple(lines),
            count=count,
            paths=tuple(paths) if paths is not None else None,
            params=dict(overrides),
            history=dict(history) if isinstance(history, dict) else {},
            line=self.line(loc) or 0,
            raw=ex,
        )

    def example_records(
        self, ex: Mapping[str, Any], loc: Loc
    ) -> tuple[list[Mapping[str, Any]], list[dict[Loc, int]]]:
        if ("record" in ex) == ("records" in ex):
            self.err(loc, "needs exactly one of 'record' or 'records'")
            return [], []
        if "record" in ex:
            items, base = [ex["record"]], [(*loc, "record")]
        else:
            if not isinstance(ex["records"], list) or not ex["records"]:
                self.err((*loc, "records"), "must be a non-empty list of records")
                return [], []
            items = ex["records"]
            base = [(*loc, "records", i) for i in range(len(items))]
        records: list[Mapping[str, Any]] = []
        lines: list[dict[Loc, int]] = []
        for item, rloc in zip(items, base, strict=True):
            if not isinstance(item, dict):
                self.err(rloc, "a record is a mapping")
                continue
            try:
                Record.model_validate(item)
            except ValueError as exc:  # pydantic's ValidationError
                first = exc.errors()[0]  # type: ignore[attr-defined]
                where = tuple(p for p in first["loc"] if isinstance(p, str | int))
                self.err((*rloc, *where), f"invalid record: {first['msg']}")
                continue
            records.append(item)
            n = len(rloc)
            lines.append({k[n:]: v for k, v in self.lines.items() if k[:n] == rloc})
        return records, lines

    def check_history(self, history: Any, loc: Loc) -> None:
        if not isinstance(history, dict):
            self.err(loc, "must be a mapping of project type to {ratio, count, decisions}")
            return
        for ptype, entry in history.items():
            eloc = (*loc, ptype)
            if not isinstance(entry, dict) or type_of(entry.get("ratio")) != "number":
                self.err(eloc, "needs 'ratio' (a number), 'count' and 'decisions'")
                continue
            count = entry.get("count", 1)
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                self.err((*eloc, "count"), "must be a whole number >= 0")
            decisions = entry.get("decisions", [])
            if not isinstance(decisions, list) or not all(isinstance(d, str) for d in decisions):
                self.err((*eloc, "decisions"), "must be a list of decision ids")
            for key in entry:
                if key not in ("ratio", "count", "decisions"):
                    self.err((*eloc, key), f"unknown field '{key}'")
