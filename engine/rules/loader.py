"""Load and validate rule files into a :class:`RulePack`.

Rule files are read with the bounded safe YAML loader and checked field by field: every
problem becomes a :class:`RuleFileError` naming the file, the path inside it
(``when.all[1].op``) and its line. Nothing in a rule file is executed.

The jobs live in their own modules: ``discovery`` (files, parsing, cache), ``header``,
``conditions`` (the type checker), ``examples``; this module assembles rules and packs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError, RuleFileError
from ..types import RuleInfo
from ..vocab import FAMILIES, SEVERITIES
from .brief_text import parse_brief
from .checker import _show, _suggest
from .conditions import ConditionChecks
from .discovery import RuleSource, _sources, rule_files
from .examples import ExampleChecks
from .header import HeaderChecks, check_override
from .model import Rule, RulePack

__all__ = [
    "RuleSource",
    "canonical_json",
    "check_override",
    "collect",
    "load_pack",
    "make_pack",
    "parse_rule",
    "rule_files",
    "rule_from_data",
]


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


class _Parser(HeaderChecks, ConditionChecks, ExampleChecks):
    """Validates one parsed rule file; errors accumulate in ``errors``."""


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
    brief = parse_brief(src.data.get("brief"), p.err, aliases, at, effective)
    examples = p.parse_examples(defaults)
    line_fact = p.parse_line_fact(aliases, at)
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
        brief=brief,
        precision=header["precision"],
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
        related=header["related"],
        convention=header["convention"],
        line_fact=line_fact,
    )
    return rule, []


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
    for rule in rules.values():
        for i, other in enumerate(rule.related):
            if other not in rules:
                errors.append(
                    RuleFileError(
                        rule.file,
                        f"related[{i}]",
                        f"unknown rule id '{other}'" + _suggest(other, list(rules)),
                        None,
                    )
                )
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
    """The rules of the built-in pack and ``extra_dirs``; raises the first error found.
    A pack that loaded before from the same files, code and overrides comes from the cache
    (:mod:`.packcache`)."""
    from . import packcache
    from .discovery import pack_folders

    key = packcache.pack_key(
        pack_folders(extra_dirs, builtin), params or {}, severities or {}, select, ignore
    )
    cached = None if key is None else packcache.load(key)
    if cached is not None:
        return cached
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
    if key is not None:
        packcache.save(key, pack)
    return pack


def rule_from_data(data: Mapping[str, Any], file: str | None = None) -> Rule:
    """A rule from already-parsed data (tests, generated rules); raises its first error."""
    rule, errors = parse_rule(RuleSource(file or f"{data.get('id')}.yaml", dict(data)))
    if rule is None:
        raise errors[0]
    return rule
