"""``decaudit schema``: the JSON Schema of decision records (or, with --rule, of rule files)."""

from __future__ import annotations

import json
from typing import Any

import click

from ..options import handle_errors


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
    doc: dict[str, Any]
    if rule:
        from decaudit.engine.rules.schema import RULE_SCHEMA

        doc = RULE_SCHEMA
    else:
        from decaudit.engine.model import json_schema

        doc = json_schema()
    click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
