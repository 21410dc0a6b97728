"""``decaudit schema``: the JSON Schema of decision records (or, with --rule, of rule files)."""

from __future__ import annotations

import importlib
import json
from typing import Any

import click

from ..options import fail, handle_errors


def _rule_schema() -> dict[str, Any]:
    try:
        module = importlib.import_module("decaudit.engine.rules.schema")
    except ImportError:
        fail("the rule-file schema is not available in this installation")
    schema = getattr(module, "RULE_SCHEMA", None)
    if not isinstance(schema, dict):
        fail("the rule-file schema is not available in this installation")
    return schema


@click.command(name="schema")
@click.option(
    "--rule",
    "rule",
    is_flag=True,
    help="Print the schema of rule files instead of decision records.",
)
@handle_errors
def schema(rule: bool) -> None:
    """Print the JSON Schema of decision records (format version 1).

    Use it to validate records in an editor or in CI, e.g.
    `decaudit schema > decision-record.schema.json`.
    """
    if rule:
        doc = _rule_schema()
    else:
        from decaudit.engine.model import json_schema

        doc = json_schema()
    click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
