"""Every built-in rule file, read by a plain YAML 1.1 parser (PyYAML), is valid against the
published rule-file schema (``decaudit schema --rule``): the schema and the loader agree."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from decaudit.engine.packdata import pack_root
from decaudit.engine.rules.discovery import rule_files
from decaudit.engine.rules.schema import RULE_SCHEMA

BUILTIN = rule_files(pack_root())
VALIDATOR = jsonschema.Draft202012Validator(RULE_SCHEMA)


def test_the_pack_has_rules() -> None:
    assert len(BUILTIN) >= 20


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.name)
def test_builtin_rule_matches_the_published_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_the_schema_refuses_the_old_on_key() -> None:
    data = yaml.safe_load(BUILTIN[0].read_text(encoding="utf-8"))
    assert "target" in data
    data[True] = data.pop("target")  # what PyYAML makes of ``on:``
    assert list(VALIDATOR.iter_errors({str(k): v for k, v in data.items()}))
