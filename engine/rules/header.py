"""Rule-file header checks: id, name, texts, family, severity, references and params."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..facts import CATALOGUE
from ..types import Loc, Reference
from ..vocab import FAMILIES, PRECISIONS, SEVERITIES
from .checker import FileChecker, _show, _suggest
from .schema import OPTIONAL, REQUIRED
from .values import type_of

ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class HeaderChecks(FileChecker):
    """The fields of a rule file other than its conditions and examples."""

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
                self.unknown_field((), key, REQUIRED + OPTIONAL)
        out: dict[str, Any] = {"id": self.parse_id(data)}
        if "name" in data:
            name = data["name"]
            if not isinstance(name, str) or not SLUG_RE.match(name):
                self.err(("name",), f"{_show(name)} is not a slug (lowercase words and dashes)")
        for key in ("title", "rationale", "remediation", "message"):
            if key in data:
                out[key] = self.text(data, key)
        for key, allowed in (
            ("family", FAMILIES),
            ("severity", SEVERITIES),
            ("precision", PRECISIONS),
        ):
            if key in data and data[key] not in allowed:
                self.err(
                    (key,),
                    f"{_show(data[key])} is not one of {', '.join(allowed)}"
                    + (_suggest(str(data[key]), allowed) if isinstance(data[key], str) else ""),
                )
        precision = data.get("precision", "medium")
        out["precision"] = precision if precision in PRECISIONS else "medium"
        out["references"] = self.parse_references(data.get("references"))
        out["related"] = self.parse_related(data.get("related"), out["id"])
        out["convention"] = None
        if "convention" in data:
            out["convention"] = " ".join(self.text(data, "convention").split()) or None
        return out

    def parse_id(self, data: dict[str, Any]) -> str:
        """The rule id, which names the file (``ALT001.yaml``); the file's stem when bad."""
        rule_id = data.get("id")
        stem = Path(self.file).stem
        if "id" in data:
            if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
                self.err(("id",), f"{_show(rule_id)} is not a rule id ([A-Z]{{2,5}}[0-9]{{3}})")
            elif rule_id != stem:
                self.err(("id",), f"id '{rule_id}' does not match the file name '{stem}'")
        return rule_id if isinstance(rule_id, str) else stem

    def parse_line_fact(self, aliases: tuple[Any, ...], at: str) -> str | None:
        """``line``: a number fact of the target whose value is the finding's line (the
        chosen option's case, say, for a decision rule about that case)."""
        value = self.data.get("line") if isinstance(self.data, dict) else None
        if value is None or not aliases:
            return None
        on = next((a.on for a in aliases if a.name == at), None)
        specs = CATALOGUE.get(on or "", {})
        spec = specs.get(value) if isinstance(value, str) else None
        if spec is None or spec.type != "number" or not value.endswith("_line"):
            choices = [n for n, sp in specs.items() if n.endswith("_line")]
            self.err(
                ("line",),
                f"{_show(value)} is not a line fact of '{on}'"
                + (f" (one of: {', '.join(choices)})" if choices else " (it has none)"),
            )
            return None
        return value

    def parse_related(self, value: Any, own: str) -> tuple[str, ...]:
        """``related``: ids of rules whose findings this rule's finding absorbs."""
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.err(("related",), "must be a non-empty list of rule ids")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not ID_RE.match(item):
                self.err(("related", i), f"{_show(item)} is not a rule id")
            elif item == own:
                self.err(("related", i), "a rule cannot relate to itself")
            elif item in out:
                self.err(("related", i), f"{item} is listed twice")
            else:
                out.append(item)
        return tuple(out)

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
