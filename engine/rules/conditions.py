"""The condition type checker: ``on``/``when``/``match`` and message placeholders.

Every comparison is checked against the fact catalogue: the fact exists for the fact type,
the operator applies to its type, and the value, parameter or ``ref`` has that type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..facts import CATALOGUE, scope_of
from ..types import Loc
from .checker import OLD_KEYS, FileChecker, _show, _suggest
from .header import NAME_RE
from .model import SINGLE, Alias, All, AnyOf, Cmp, Cond, Not
from .regex import problem as regex_problem
from .template import FORMATS, placeholders
from .values import OP_TYPES, OPERATORS, type_of, typed

MAX_ALIASES = 2  # durable_rules 2.0.28 crashes on some three-fact joins

CMP_KEYS = frozenset({"fact", "op", "value", "param", "ref"})
_NO_VALUE = object()


def _param_problem(parts: list[str], fmt: str, params: Mapping[str, Any]) -> str | None:
    """What is wrong with a ``${param.NAME}`` placeholder (``fmt``: "pct", "money" or "")."""
    if len(parts) != 2 or parts[1] not in params:
        return "names an unknown parameter"
    if fmt == "money":
        return "is an amount of a parameter (parameters have no currency)"
    if fmt == "pct" and type_of(params[parts[1]]) != "number":
        return "is a percentage of a parameter that is not a number"
    return None


class ConditionChecks(FileChecker):
    """The conditions of a rule and the placeholders of its message."""

    def parse_aliases(self, params: Mapping[str, Any]) -> tuple[tuple[Alias, ...], str]:
        data = self.data
        has_single = "target" in data or "when" in data
        if "match" in data:
            if has_single:
                self.err(("match",), "use either 'target'/'when' or 'match', not both")
            return self.parse_match(params)
        if not has_single:
            self.err((), "missing 'target' and 'when' (or 'match' for a join)")
            return (), SINGLE
        if "at" in data:
            self.err(("at",), "'at' is only for 'match' rules")
        if "target" not in data and OLD_KEYS.keys() & data.keys():
            return (), SINGLE  # the old key is reported with its new name
        on = self.fact_type(data.get("target"), ("target",))
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
            self.err(("match",), "must be a mapping of alias names to {target, when}")
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
            on = self.alias_target(name, spec, loc)
            if on is None:
                continue
            if before and scope_of({on}) != scope_of(set(before.values())):
                self.err(
                    (*loc, "target"),
                    f"a join cannot mix '{on}' facts with "
                    f"'{next(iter(before.values()))}' facts (they are evaluated apart)",
                )
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

    def alias_target(self, name: str, spec: Any, loc: Loc) -> str | None:
        """The fact type of one alias of ``match``, or None (reported) when it has none."""
        if not NAME_RE.match(name):
            self.err(loc, f"'{name}' is not an alias name ([a-z][a-z0-9_]*)")
            return None
        if name in ("param", *FORMATS):
            self.err(loc, f"'{name}' is reserved for message placeholders")
            return None
        if not isinstance(spec, dict):
            self.err(loc, "must be a mapping {target, when}")
            return None
        for key in spec:
            if key not in ("target", "when"):
                self.unknown_field(loc, key)
        if "target" not in spec and OLD_KEYS.keys() & spec.keys():
            self.failed.add(name)
            return None  # the old key is reported with its new name
        if "target" not in spec or "when" not in spec:
            self.err(loc, "needs both 'target' and 'when'")
            return None
        on = self.fact_type(spec["target"], (*loc, "target"))
        if on == "portfolio":
            self.err((*loc, "target"), "a join cannot use the portfolio fact (one per run)")
            on = None
        if on is None:
            self.failed.add(name)
        return on

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
        typed_op = self.fact_op(node, loc, on)
        if typed_op is None:
            return None
        fact, op, ftype = typed_op
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

    def fact_op(self, node: dict[str, Any], loc: Loc, on: str) -> tuple[str, str, str] | None:
        """The fact, operator and fact type of a comparison, or None (reported)."""
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
        return fact, op, ftype

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
            problem = regex_problem(value)
            if problem is not None:
                self.err(loc, problem)
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
            fmt = parts[0] if parts[0] in FORMATS else ""
            if fmt:
                parts = parts[1:]
            problem = None
            ftype = None
            if not parts:
                problem = "names nothing"
            elif parts[0] == "param":
                problem = _param_problem(parts, fmt, params)
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
            if problem is None and fmt and ftype is not None and ftype != "number":
                what = "a percentage" if fmt == "pct" else "an amount"
                problem = f"is {what} of a fact that is not a number"
            if problem:
                self.err(("message",), f"placeholder '${{{name}}}' {problem}")
