"""``decaudit config``: every effective setting and where it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..options import config_option, format_option, handle_errors, settings


@click.command("config")
@format_option("table", "json")
@config_option
@handle_errors
def config(fmt: str) -> None:
    """Show the effective configuration and the source of each value.

    Sources, highest precedence first: flag, env (DECAUDIT_*), file (.decaudit.toml or
    [tool.decaudit] in pyproject.toml, the nearest one walking up from here), default.
    The secret DECAUDIT_LOG_KEY is shown only as (set) or (not set).
    """
    from decaudit.engine.config import KEYS

    cfg = settings()
    _check_rule_settings(cfg.values)
    file = str(cfg.file) if cfg.file else None
    if fmt == "json":
        doc = {
            "file": file,
            "digest": cfg.digest,
            "settings": {
                key.display: {
                    "value": cfg.public_values()[key.display],
                    "source": cfg.sources[key.name],
                    "env": key.env,
                }
                for key in KEYS
            },
        }
        click.echo(json.dumps(doc, indent=2, sort_keys=True))
        return
    rows = [(key.display, cfg.display(key.name), cfg.sources[key.name]) for key in KEYS]
    widths = [max(len(row[i]) for row in [("key", "value", "source"), *rows]) for i in range(2)]
    click.echo(f"config file: {file or '(none found; defaults apply)'}")
    click.echo(f"digest:      {cfg.digest}")
    click.echo("")
    click.echo(f"{'key':<{widths[0]}}  {'value':<{widths[1]}}  source")
    click.echo(f"{'-' * widths[0]}  {'-' * widths[1]}  ------")
    for name, value, source in rows:
        click.echo(f"{name:<{widths[0]}}  {value:<{widths[1]}}  {source}")


def _check_rule_settings(values: dict[str, Any]) -> None:
    """Validate rules, params, severities, select and ignore exactly as ``check`` does (by
    loading the rule pack with them), so a bad parameter fails here too, with exit 2."""
    from decaudit.engine.rules.loader import load_pack

    load_pack(
        tuple(Path(p) for p in values["rules"]),
        params=values["params"],
        severities=values["severity"],
        select=tuple(values["select"]),
        ignore=tuple(values["ignore"]),
    )
