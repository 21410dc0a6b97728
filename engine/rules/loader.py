"""Load and validate rule files into a :class:`RulePack`.

Rule files are read with the bounded safe YAML loader and checked field by field: every
problem becomes a :class:`RuleFileError` naming the file, the path inside it
(``when.all[1].op``) and its line. Nothing in a rule file is executed.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ConfigError, RuleFileError
from ..facts import CATALOGUE
from ..model import Record
from ..packdata import pack_root
from ..safeyaml import YamlError, load_one
from ..types import FAMILIES, SEVERITIES, Loc, Reference, RuleInfo, format_loc
from .cache import ParseCache
from .model import (
    SINGLE,
    Alias,
    All,
    AnyOf,
    Cmp,
    Cond,
    Expectation,
    Not,
    Rule,
    RulePack,
)
from .schema import OPTIONAL, REQUIRED
from .template import placeholders
from .values import OP_TYPES, OPERATORS, type_of, typed

ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_REGEX = 500
MAX_ALIASES = 2  # durable_rules 2.0.28 crashes on some three-fact joins
MAX_FILE_BYTES = 1_000_000
SKIP_DIRS = frozenset({"reference", "lexicon"})

CMP_KEYS = frozenset({"fact", "op", "value", "param", "ref"})
EXAMPLE_KEYS = frozenset(
    {"name", "expect", "count", "paths", "record", "records", "params", "history"}
)
_NO_VALUE = object()


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


class _Parser:
    """Validates one parsed rule file; errors accumulate in ``errors``."""

    def __init__(self, file: str, data: Any, lines: Mapping[Loc, int]) -> None:
        self.file = file
        self.data = data
        self.lines = lines
        self.errors: list[RuleFileError] = []
        self.incomplete = False  # some alias failed: its facts cannot be checked in messages
        self.failed: set[str] = set()  # aliases whose fact type is unknown

    # -- errors ----------------------------------------------------------------------------

    def line(self, loc: Loc) -> int | None:
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)

    def err(self, loc: Loc, message: str) -> None:
        self.errors.append(RuleFileError(self.file, format_loc(loc), message, self.line(loc)))

    # -- fields ----------------------------------------------------------------------------

    def text(self, data: Mapping[str, Any], key: str, loc: Loc = ()) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.err((*loc, key), "must be a non-empty string")
            return ""
        return value

    def parse_header(self) -> dict[str, Any] | None:
        data = self.data
        if not isinstance(data, dict):
            self.err((), "a rule file must be a YAML mapping")
            return None
        for key in REQUIRED:
            if key not in data:
                self.err((), f"missing required field '{key}'")
        for key in data:
            if key not in REQUIRED and key not in OPTIONAL:
                self.err((key,), f"unknown field '{key}'{_suggest(key, REQUIRED + OPTIONAL)}")
        out: dict[str, Any] = {}
        rule_id = data.get("id")
        stem = Path(self.file).stem
        if "id" in data:
            if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
                self.err(("id",), f"{_show(rule_id)} is not a rule id ([A-Z]{{2,5}}[0-9]{{3}})")
            elif rule_id != stem:
                self.err(("id",), f"id '{rule_id}' does not match the file name '{stem}'")
        out["id"] = rule_id if isinstance(rule_id, str) else stem
        if "name" in data:
            name = data["name"]
            if not isinstance(name, str) or not SLUG_RE.match(name):
                self.err(("name",), f"{_show(name)} is not a slug (lowercase words and dashes)")
        for key in ("title", "rationale", "remediation", "message"):
            if key in data:
                out[key] = self.text(data, key)
        for key, allowed in (("family", FAMILIES), ("severity", SEVERITIES)):
            if key in data and data[key] not in allowed:
                self.err(
                    (key,),
                    f"{_show(data[key])} is not one of {', '.join(allowed)}"
                    + (_suggest(str(data[key]), allowed) if isinstance(data[key], str) else ""),
                )
        out["references"] = self.parse_references(data.get("references"))
        return out

    def parse_references(self, refs: Any) -> tuple[Reference, ...]:
        if refs is None:
            return ()
        if not isinstance(refs, list) or not refs:
            self.err(("references",), "must be a non-empty list of {title, url}")
            return ()
        out = []
        for i, ref in enumerate(refs):
            loc: Loc = ("references", i)
            if isinstance(ref, str) and ref.strip():
                out.append(Reference(ref))
                continue
            if not isinstance(ref, dict):
                self.err(loc, "a reference is a mapping {title, url} or a string")
                continue
            for key in ref:
                if key not in ("title", "url"):
                    self.err((*loc, key), f"unknown field '{key}'")
            title = self.text(ref, "title", loc)
            url = ref.get("url")
            if url is not None and not (isinstance(url, str) and url.strip()):
                self.err((*loc, "url"), "must be a non-empty string")
                url = None
            out.append(Reference(title, url))
        return tuple(out)

    def parse_params(self) -> dict[str, Any]:
        params = self.data.get("params")
        if params is None:
            return {}
        if not isinstance(params, dict):
            self.err(("params",), "must be a mapping of parameter names to values")
            return {}
        out: dict[str, Any] = {}
        for name, value in params.items():
            if not NAME_RE.match(name):
                self.err(("params", name), f"'{name}' is not a parameter name ([a-z][a-z0-9_]*)")
                continue
            if not _param_ok(value):
                self.err(("params", name), "must be a string, number, boolean or list of those")
                continue
            out[name] = value
        return out

    # -- conditions ------------------------------------------------------------------------

    def parse_aliases(self, params: Mapping[str, Any]) -> tuple[tuple[Alias, ...], str]:
        data = self.data
        has_single = "on" in data or "when" in data
        if "match" in data:
            if has_single:
                self.err(("match",), "use either 'on'/'when' or 'match', not both")
            return self.parse_match(params)
        if not has_single:
            self.err((), "missing 'on' and 'when' (or 'match' for a join)")
            return (), SINGLE
        if "at" in data:
            self.err(("at",), "'at' is only for 'match' rules")
        on = self.fact_type(data.get("on"), ("on",))
        if "when" not in data:
            self.err((), "missing required field 'when'")
            return (), SINGLE
        if on is None:
            return (), SINGLE
        cond = self.cond(data["when"], ("when",), on, {}, params, True)
        return ((Alias(SINGLE, on, cond),) if cond is not None else ()), SINGLE

    def fact_type(self, value: Any, loc: Loc) -> str | None:
        if value not in CATALOGUE:
            hint = _suggest(value, list(CATALOGUE)) if isinstance(value, str) else ""
            self.err(
                loc,
                f"unknown fact type {_show(value)}{hint}; expected one of " + ", ".join(CATALOGUE),
            )
            return None
        return str(value)

    def parse_match(self, params: Mapping[str, Any]) -> tuple[tuple[Alias, ...], str]:
        match = self.data["match"]
        if not isinstance(match, dict) or not match:
            self.err(("match",), "must be a mapping of alias names to {on, when}")
            return (), SINGLE
        declared = list(match)
        if len(declared) > MAX_ALIASES:
            self.err(
                ("match",),
                f"a join matches at most {MAX_ALIASES} facts, not {len(declared)} "
                "(the rules engine is not reliable with more)",
            )
            return (), SINGLE
        before: dict[str, str] = {}
        aliases: list[Alias] = []
        for name, spec in match.items():
            loc: Loc = ("match", name)
            if not NAME_RE.match(name):
                self.err(loc, f"'{name}' is not an alias name ([a-z][a-z0-9_]*)")
                continue
            if name in ("param", "pct"):
                self.err(loc, f"'{name}' is reserved for message placeholders")
                continue
            if not isinstance(spec, dict):
                self.err(loc, "must be a mapping {on, when}")
                continue
            for key in spec:
                if key not in ("on", "when"):
                    self.err((*loc, key), f"unknown field '{key}'")
            if "on" not in spec or "when" not in spec:
                self.err(loc, "needs both 'on' and 'when'")
                continue
            on = self.fact_type(spec["on"], (*loc, "on"))
            if on == "portfolio":
                self.err((*loc, "on"), "a join cannot use the portfolio fact (one per run)")
                on = None
            if on is None:
                self.failed.add(name)
                continue
            cond = self.cond(spec["when"], (*loc, "when"), on, before, params, True, declared)
            before[name] = on
            if cond is not None:
                aliases.append(Alias(name, on, cond))
        if len(aliases) != len(declared):
            self.incomplete = True
        at = self.data.get("at", declared[-1])
        if not isinstance(at, str) or at not in match:
            self.err(("at",), f"{_show(at)} is not an alias of 'match' ({', '.join(declared)})")
            at = declared[-1]
        return tuple(aliases), at

    def cond(
        self,
        node: Any,
        loc: Loc,
        on: str,
        before: Mapping[str, str],
        params: Mapping[str, Any],
        positive: bool,
        declared: Sequence[str] = (),
    ) -> Cond | None:
        if not isinstance(node, dict):
            self.err(
                loc,
                "a condition is a mapping: {all: [...]}, {any: [...]}, {not: ...} "
                "or {fact, op, value|param|ref}",
            )
            return None
        groups = [k for k in ("all", "any", "not") if k in node]
        if groups:
            key = groups[0]
            if len(node) != 1:
                other = next(k for k in node if k != key)
                self.err((*loc, other), f"'{key}' cannot be combined with '{other}'")
                return None
            if key == "not":
                inner = self.cond(node["not"], (*loc, "not"), on, before, params, False, declared)
                return Not(inner) if inner is not None else None
            items = node[key]
            if not isinstance(items, list) or not items:
                self.err((*loc, key), f"'{key}' needs a non-empty list of conditions")
                return None
            keep = positive and key == "all"
            parsed = [
                self.cond(item, (*loc, key, i), on, before, params, keep, declared)
                for i, item in enumerate(items)
            ]
            if any(p is None for p in parsed):
                return None
            conds = tuple(p for p in parsed if p is not None)
            return All(conds) if key == "all" else AnyOf(conds)
        return self.cmp(node, loc, on, before, params, positive, declared)

    def cmp(
        self,
        node: dict[str, Any],
        loc: Loc,
        on: str,
        before: Mapping[str, str],
        params: Mapping[str, Any],
        positive: bool,
        declared: Sequence[str],
    ) -> Cmp | None:
        ok = True
        for key in node:
            if key not in CMP_KEYS:
                self.err(
                    (*loc, key),
                    f"unknown condition key '{key}'"
                    + _suggest(key, [*CMP_KEYS, "all", "any", "not"]),
                )
                ok = False
        fact, op = node.get("fact"), node.get("op")
        catalogue = CATALOGUE[on]
        if "fact" not in node:
            self.err(loc, "missing 'fact'")
            return None
        if not isinstance(fact, str) or fact not in catalogue:
            hint = _suggest(fact, list(catalogue)) if isinstance(fact, str) else ""
            self.err((*loc, "fact"), f"unknown fact {_show(fact)} for fact type '{on}'{hint}")
            return None
        if op is None:
            op = "exists" if set(node) == {"fact"} else None
            if op is None:
                self.err(loc, "missing 'op'")
                return None
        if not isinstance(op, str) or op not in OPERATORS:
            hint = _suggest(op, OPERATORS) if isinstance(op, str) else ""
            self.err(
                (*loc, "op"),
                f"unknown operator {_show(op)}{hint}; expected one of " + ", ".join(OPERATORS),
            )
            return None
        ftype = catalogue[fact].type
        if ftype not in OP_TYPES[op]:
            self.err((*loc, "op"), f"operator '{op}' does not apply to {ftype} fact '{fact}'")
            return None
        sources = [k for k in ("value", "param", "ref") if k in node]
        if op == "exists":
            if "param" in node or "ref" in node:
                self.err(loc, "'exists' takes only 'value: true' or 'value: false'")
                return None
            value = node.get("value", True)
            if not isinstance(value, bool):
                self.err((*loc, "value"), f"'exists' takes true or false, not {_show(value)}")
                return None
            return Cmp(fact, op, value) if ok else None
        if len(sources) != 1:
            self.err(loc, "needs exactly one of 'value', 'param' or 'ref'")
            return None
        if sources[0] == "ref":
            return self.ref_cmp(node, loc, fact, op, ftype, before, positive, declared)
        param: str | None = None
        if sources[0] == "param":
            param = node["param"]
            if not isinstance(param, str) or param not in params:
                hint = _suggest(param, list(params)) if isinstance(param, str) else ""
                self.err((*loc, "param"), f"unknown parameter {_show(param)}{hint}")
                return None
            value, vloc = params[param], (*loc, "param")
        else:
            value, vloc = node["value"], (*loc, "value")
        checked = self.check_value(value, vloc, fact, op, ftype, param)
        if checked is _NO_VALUE or not ok:
            return None
        return Cmp(fact, op, checked, param=param)

    def check_value(
        self, value: Any, loc: Loc, fact: str, op: str, ftype: str, param: str | None
    ) -> Any:
        what = f"parameter '{param}'" if param else "value"
        if op == "in":
            if not isinstance(value, list) or not value:
                self.err(loc, f"'in' needs a non-empty list, {what} is {_show(value)}")
                return _NO_VALUE
            bad = [v for v in value if type_of(v) != ftype]
            if bad:
                self.err(
                    loc,
                    f"{_show(bad[0])} in {what} is not a {ftype}, but '{fact}' is a {ftype} fact",
                )
                return _NO_VALUE
            return tuple(dict.fromkeys(typed(v, ftype) for v in value))
        if op == "matches":
            if not isinstance(value, str):
                self.err(loc, f"'matches' needs a regular expression string, not {_show(value)}")
                return _NO_VALUE
            if len(value) > MAX_REGEX:
                self.err(loc, f"regular expression longer than {MAX_REGEX} characters")
                return _NO_VALUE
            try:
                re.compile(value, re.IGNORECASE)
            except re.error as exc:
                self.err(loc, f"invalid regular expression: {exc}")
                return _NO_VALUE
            return value
        if type_of(value) != ftype:
            kind = type_of(value) or ("list" if isinstance(value, list) else type(value).__name__)
            self.err(loc, f"{what} {_show(value)} is a {kind}, but '{fact}' is a {ftype} fact")
            return _NO_VALUE
        return typed(value, ftype)

    def ref_cmp(
        self,
        node: dict[str, Any],
        loc: Loc,
        fact: str,
        op: str,
        ftype: str,
        before: Mapping[str, str],
        positive: bool,
        declared: Sequence[str],
    ) -> Cmp | None:
        ref = node["ref"]
        rloc = (*loc, "ref")
        if not isinstance(ref, str) or ref.count(".") != 1:
            self.err(rloc, f"{_show(ref)} is not ALIAS.FACT")
            return None
        alias, other = ref.split(".")
        if alias in self.failed:
            return None  # its fact type is already reported as unknown
        if alias not in before:
            where = "a later alias" if alias in declared else "an undeclared alias"
            self.err(
                rloc, f"'{alias}' is {where}; 'ref' names an alias declared earlier in 'match'"
            )
            return None
        ocat = CATALOGUE[before[alias]]
        if other not in ocat:
            self.err(
                rloc,
                f"unknown fact '{other}' for fact type '{before[alias]}'"
                + _suggest(other, list(ocat)),
            )
            return None
        if op in ("in", "matches"):
            self.err((*loc, "op"), f"'{op}' cannot compare with a 'ref'")
            return None
        if ocat[other].type != ftype:
            self.err(rloc, f"'{ref}' is a {ocat[other].type} fact, but '{fact}' is a {ftype} fact")
            return None
        if not positive:
            self.err(
                rloc,
                "a 'ref' comparison cannot be under 'not' or 'any'; "
                "put it directly in the alias' condition or an 'all'",
            )
            return None
        return Cmp(fact, op, None, ref=(alias, other))

    # -- messages and examples -------------------------------------------------------------

    def check_message(
        self, message: str, aliases: Sequence[Alias], at: str, params: Mapping[str, Any]
    ) -> None:
        names, invalid = placeholders(message)
        for offset in invalid:
            self.err(("message",), f"invalid '$' at offset {offset} (write '$$' for a dollar)")
        types = {a.name: a.on for a in aliases}
        target = types.get(at)
        for name in names:
            parts = name.split(".")
            pct = parts[0] == "pct"
            if pct:
                parts = parts[1:]
            problem = None
            ftype = None
            if not parts:
                problem = "names nothing"
            elif parts[0] == "param":
                if len(parts) != 2 or parts[1] not in params:
                    problem = "names an unknown parameter"
                elif pct and type_of(params[parts[1]]) != "number":
                    problem = "is a percentage of a parameter that is not a number"
            elif len(parts) == 1:
                if target is None:
                    continue  # the alias failed to parse: reported already
                if parts[0] not in CATALOGUE[target]:
                    problem = f"names an unknown fact of '{target}'"
                else:
                    ftype = CATALOGUE[target][parts[0]].type
            elif len(parts) == 2 and parts[0] in types:
                if parts[1] not in CATALOGUE[types[parts[0]]]:
                    problem = f"names an unknown fact of '{types[parts[0]]}'"
                else:
                    ftype = CATALOGUE[types[parts[0]]][parts[1]].type
            else:
                problem = "names an unknown alias, fact or parameter"
            if problem is None and pct and ftype is not None and ftype != "number":
                problem = "is a percentage of a fact that is not a number"
            if problem:
                self.err(("message",), f"placeholder '${{{name}}}' {problem}")

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
            except ValidationError as exc:
                first = exc.errors()[0]
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


def _param_ok(value: Any) -> bool:
    if isinstance(value, list):
        return all(type_of(v) is not None for v in value)
    return type_of(value) is not None


def _param_kind(value: Any) -> str:
    if isinstance(value, list):
        kinds = {type_of(v) for v in value}
        return f"list of {kinds.pop()}" if len(kinds) == 1 else "list"
    return type_of(value) or type(value).__name__


def check_override(name: str, value: Any, declared: Mapping[str, Any]) -> str | None:
    """Why an override of parameter ``name`` is not acceptable, or ``None``."""
    if name not in declared:
        known = ", ".join(declared) or "none"
        return f"unknown parameter '{name}'{_suggest(name, list(declared))} (declared: {known})"
    if not _param_ok(value):
        return f"{_show(value)} is not a string, number, boolean or list of those"
    want, got = _param_kind(declared[name]), _param_kind(value)
    if want != got and not (want.startswith("list") and got.startswith("list")):
        return f"{_show(value)} is a {got}, but '{name}' is a {want}"
    return None


# -- files and packs -----------------------------------------------------------------------


def rule_files(folder: Path) -> list[Path]:
    """``*.yaml``/``*.yml`` in ``folder`` and its subfolders (not reference/, lexicon/)."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                out.append(Path(root) / name)
    return out


def _display(path: Path, folder: Path, label: str) -> str:
    return (Path(label) / path.relative_to(folder)).as_posix()


@dataclass(frozen=True)
class RuleSource:
    """One rule file as parsed YAML: display name, data, and the source line of each loc."""

    file: str
    data: Any
    lines: Mapping[Loc, int] = field(default_factory=dict)


_ON_KEY = re.compile(r"(?:^|[{,\s])on\s*:")


def _restore_on(data: Any, lines: dict[Loc, int], text: str) -> Any:
    """YAML 1.1 reads the key ``on`` as ``true``; give ``on:`` keys back their name."""
    source = text.splitlines()

    def fix(node: Any, loc: Loc) -> Any:
        if isinstance(node, list):
            return [fix(item, (*loc, i)) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            name = key
            line = lines.get((*loc, key))
            if key == "True" and line and _ON_KEY.search(source[line - 1]) and "on" not in node:
                name = "on"
                _move(lines, (*loc, key), (*loc, name))
            out[name] = fix(value, (*loc, name))
        return out

    return fix(data, ())


def _move(lines: dict[Loc, int], old: Loc, new: Loc) -> None:
    n = len(old)
    for key in [k for k in lines if k[:n] == old]:
        lines[(*new, *key[n:])] = lines.pop(key)


def _parse_text(text: str) -> tuple[Any, dict[Loc, int]]:
    parsed = load_one(text)
    lines = dict(parsed.lines)
    return _restore_on(parsed.data, lines, text), lines


def _read(path: Path, display: str, cache: ParseCache | None = None) -> RuleSource | RuleFileError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return RuleFileError(display, "", f"cannot read: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return RuleFileError(display, "", f"larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RuleFileError(display, "", f"not UTF-8 text (byte {exc.start})")
    try:
        if cache is None:
            data, lines = _parse_text(text)
        else:
            data, lines = cache.parse(raw, text, _parse_text)
    except YamlError as exc:
        return RuleFileError(display, "", exc.message, exc.line)
    return RuleSource(display, data, lines)


def parse_rule(
    src: RuleSource, params: Mapping[str, Any] | None = None, severity: str | None = None
) -> tuple[Rule | None, list[RuleFileError]]:
    """One rule from a parsed file, with parameter/severity overrides already checked."""
    p = _Parser(src.file, src.data, src.lines)
    header = p.parse_header()
    if header is None:
        return None, p.errors
    defaults = p.parse_params()
    effective = {**defaults, **(params or {})}
    aliases, at = p.parse_aliases(effective)
    if "message" in header and aliases and not p.incomplete:
        p.check_message(header["message"], aliases, at, effective)
    examples = p.parse_examples(defaults)
    if p.errors:
        return None, p.errors
    data = src.data
    sev = severity or data["severity"]
    digest = hashlib.sha256(
        canonical_json({"rule": data, "params": effective, "severity": sev}).encode()
    ).hexdigest()
    info = RuleInfo(
        id=data["id"],
        name=data["name"],
        title=" ".join(header["title"].split()),
        family=data["family"],
        severity=sev,
        rationale=header["rationale"].strip(),
        remediation=header["remediation"].strip(),
        references=header["references"],
        digest=digest,
    )
    rule = Rule(
        info=info,
        aliases=aliases,
        at=at,
        params=effective,
        defaults=defaults,
        message=" ".join(header["message"].split()),
        examples=examples,
        file=src.file,
        source=data,
    )
    return rule, []


def _sources(
    extra_dirs: Sequence[Path], builtin: bool
) -> tuple[list[RuleSource], list[RuleFileError]]:
    folders: list[tuple[Path, str]] = []
    if builtin:
        folders.append((pack_root(), "rules"))
    for d in extra_dirs:
        path = Path(d)
        if not path.is_dir():
            raise ConfigError(f"{d}: rule pack must be a directory")
        folders.append((path, str(d).rstrip("/\\") or str(d)))
    sources: list[RuleSource] = []
    errors: list[RuleFileError] = []
    cache = ParseCache()
    for folder, label in folders:
        for path in rule_files(folder):
            got = _read(path, _display(path, folder, label), cache)
            if isinstance(got, RuleFileError):
                errors.append(got)
            else:
                sources.append(got)
    cache.save()
    return sources, errors


def collect(
    extra_dirs: Sequence[Path] = (),
    *,
    builtin: bool = True,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    severities: Mapping[str, str] | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> tuple[RulePack, list[RuleFileError]]:
    """Every rule that loads, and every error found (``rules validate``)."""
    params = params or {}
    severities = severities or {}
    sources, errors = _sources(extra_dirs, builtin)
    rules: dict[str, Rule] = {}
    for src in sources:
        rule, errs = parse_rule(src)
        errors.extend(errs)
        if rule is None:
            continue
        if rule.id in rules:
            first = rules[rule.id].file
            errors.append(
                RuleFileError(
                    src.file,
                    "id",
                    f"duplicate rule id {rule.id} (also in {first})",
                    src.lines.get(("id",)),
                )
            )
            continue
        rules[rule.id] = rule
    _check_overrides(rules, params, severities, errors)
    final: list[Rule] = []
    by_file = {s.file: s for s in sources}
    for rule_id in sorted(rules):
        rule = rules[rule_id]
        over, sev = params.get(rule_id), severities.get(rule_id)
        if over or sev:
            rebuilt, errs = parse_rule(by_file[rule.file], dict(over or {}), sev)
            errors.extend(errs)
            if rebuilt is None:
                continue
            rule = rebuilt
        final.append(rule)
    chosen = _filter(final, select, ignore)
    return make_pack(chosen), errors


def make_pack(rules: Sequence[Rule]) -> RulePack:
    ordered = tuple(sorted(rules, key=lambda r: r.id))
    digest = hashlib.sha256(
        canonical_json([[r.id, r.info.digest] for r in ordered]).encode()
    ).hexdigest()
    return RulePack(ordered, digest)


def _check_overrides(
    rules: Mapping[str, Rule],
    params: Mapping[str, Mapping[str, Any]],
    severities: Mapping[str, str],
    errors: list[RuleFileError],
) -> None:
    if errors:
        return  # an unknown id may just be a rule that failed to load
    for rule_id, over in params.items():
        if rule_id not in rules:
            raise ConfigError(
                f"params for unknown rule '{rule_id}'" + _suggest(rule_id, list(rules))
            )
        if not isinstance(over, Mapping):
            raise ConfigError(f"params for {rule_id} must be a table of parameter values")
        for name, value in over.items():
            problem = check_override(name, value, rules[rule_id].defaults)
            if problem:
                raise ConfigError(f"params for {rule_id}: {problem}")
    for rule_id, sev in severities.items():
        if rule_id not in rules:
            raise ConfigError(
                f"severity for unknown rule '{rule_id}'" + _suggest(rule_id, list(rules))
            )
        if sev not in SEVERITIES:
            raise ConfigError(
                f"severity for {rule_id}: {_show(sev)} is not one of " + ", ".join(SEVERITIES)
            )


def _filter(rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    ids = {r.id for r in rules}
    for name in (*select, *ignore):
        if name not in ids and name not in FAMILIES:
            raise ConfigError(
                f"unknown rule id or family '{name}'" + _suggest(name, [*ids, *FAMILIES])
            )
    picked = [r for r in rules if not select or r.id in select or r.info.family in select]
    return [r for r in picked if r.id not in ignore and r.info.family not in ignore]


def load_pack(
    extra_dirs: Sequence[Path] = (),
    *,
    builtin: bool = True,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    severities: Mapping[str, str] | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> RulePack:
    """The rules of the built-in pack and ``extra_dirs``; raises the first error found."""
    pack, errors = collect(
        extra_dirs,
        builtin=builtin,
        params=params,
        severities=severities,
        select=select,
        ignore=ignore,
    )
    if errors:
        raise errors[0]
    return pack


def rule_from_data(data: Mapping[str, Any], file: str | None = None) -> Rule:
    """A rule from already-parsed data (tests, generated rules); raises its first error."""
    rule, errors = parse_rule(RuleSource(file or f"{data.get('id')}.yaml", dict(data)))
    if rule is None:
        raise errors[0]
    return rule
